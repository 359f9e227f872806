//! The card of the selected entity: names, kind, office, surface forms with counts, events.

use crate::i18n::t;
use crate::state::Lang;
use khabar_nlp::Analysis;
use khabar_nlp::analysis::{Entity, EntityKind, MentionForm};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EntityCard`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct EntityCardProps {
    /// The analysis (for the events).
    pub analysis: Rc<Analysis>,
    /// The entity shown.
    pub entity: Entity,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// An event of the entity was chosen.
    #[prop_or_default]
    pub on_select_event: Callback<String>,
}

/// Every surface form of the entity's mentions with its count, most frequent first, then in
/// order of first appearance.
pub fn surface_forms(entity: &Entity) -> Vec<(String, MentionForm, usize)> {
    let mut forms: Vec<(String, MentionForm, usize)> = Vec::new();
    for m in &entity.mentions {
        match forms.iter_mut().find(|(text, _, _)| *text == m.text) {
            Some(f) => f.2 += 1,
            None => forms.push((m.text.clone(), m.form, 1)),
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.2));
    forms
}

/// The kind's i18n key.
pub fn kind_key(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "kind.person",
        EntityKind::Country => "kind.country",
        EntityKind::City => "kind.city",
        EntityKind::Location => "kind.location",
        EntityKind::Organization => "kind.organization",
        EntityKind::Nationality => "kind.nationality",
        EntityKind::Work => "kind.work",
        EntityKind::Other => "kind.other",
    }
}

/// The card.
#[component]
pub fn EntityCard(props: &EntityCardProps) -> Html {
    let lang = props.lang;
    let e = &props.entity;
    let office = e.office.as_ref().map(|o| {
        let label = match lang {
            Lang::Ar => html! { <bdi lang="ar">{o.label.clone()}</bdi> },
            Lang::En => html! { <bdi lang="en">{o.label_en.clone()}</bdi> },
        };
        html! { <><dt>{t(lang, "card.office")}</dt><dd class="card__office">{label}</dd></> }
    });
    let forms = surface_forms(e).into_iter().map(|(text, form, count)| html! {
        <li class="card__form" data-form={form.as_str()}>
            <span lang="ar">{text}</span>{" "}<span class="card__form-count"><bdi>{"×"}{count}</bdi></span>
        </li>
    });
    let events: Vec<Html> = props
        .analysis
        .events
        .iter()
        .filter(|v| v.participants.contains(&e.id) || v.place.as_ref() == Some(&e.id))
        .map(|v| {
            let on_select = props.on_select_event.clone();
            let id = v.id.clone();
            let label = match lang {
                Lang::En if !v.label_en.is_empty() => {
                    html! { <span lang="en">{v.label_en.clone()}</span> }
                }
                _ if !v.label.is_empty() => html! { <span lang="ar">{v.label.clone()}</span> },
                _ => html! { <span lang="ar">{v.trigger.text.clone()}</span> },
            };
            html! {
                <li><button type="button" class="card__event" data-event-id={v.id.clone()}
                    onclick={move |_| on_select.emit(id.clone())}>{label}</button></li>
            }
        })
        .collect();
    let english = e
        .name_en
        .clone()
        .map(|en| html! { <p class="card__name-en" lang="en" dir="ltr">{en}</p> });
    html! {
        <section class="card" data-entity-id={e.id.clone()} aria-labelledby="card-title">
            <h2 class="card__title" id="card-title"><bdi lang="ar">{e.name.clone()}</bdi></h2>
            { english.unwrap_or_default() }
            <dl class="card__facts">
                <dt>{t(lang, "card.kind")}</dt><dd class="card__kind" data-kind={e.kind.as_str()}>{t(lang, kind_key(e.kind))}</dd>
                { office.unwrap_or_default() }
            </dl>
            <h3 class="card__subtitle">{t(lang, "card.forms")}</h3>
            <ul class="card__forms">{ for forms }</ul>
            <h3 class="card__subtitle">{t(lang, "card.events")}</h3>
            if events.is_empty() {
                <p class="empty">{t(lang, "card.noevents")}</p>
            } else {
                <ul class="card__events">{ for events }</ul>
            }
        </section>
    }
}
