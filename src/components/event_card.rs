//! The card of the selected timeline event: label, resolved date, status, participants.
//!
//! Shown in the sidebar while an event is selected, so that the event stays in sight after the
//! article has scrolled to its sentence.

use crate::components::entity_name;
use crate::components::timeline::status_key;
use crate::i18n::t;
use crate::state::Lang;
use crate::timex;
use khabar_nlp::Analysis;
use khabar_nlp::analysis::Event;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EventCard`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct EventCardProps {
    /// The analysis (for the participants' names).
    pub analysis: Rc<Analysis>,
    /// The event shown.
    pub event: Event,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// A participant was chosen.
    #[prop_or_default]
    pub on_select_entity: Callback<String>,
    /// Clear the selection.
    #[prop_or_default]
    pub on_clear: Callback<()>,
}

/// The card.
#[component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let lang = props.lang;
    let v = &props.event;
    let label = match lang {
        Lang::En if !v.label_en.is_empty() => html! { <span lang="en">{v.label_en.clone()}</span> },
        _ if !v.label.is_empty() => html! { <span lang="ar">{v.label.clone()}</span> },
        _ => html! { <span lang="ar">{v.trigger.text.clone()}</span> },
    };
    let date = match v.value.as_deref() {
        Some(value) => timex::label(value, lang),
        None => t(lang, "timeline.undated").to_owned(),
    };
    let participants = v.participants.iter().filter_map(|id| {
        let e = props.analysis.entities.iter().find(|e| &e.id == id)?;
        let on_select = props.on_select_entity.clone();
        let id = id.clone();
        Some(html! {
            <li><button type="button" class="card__event" data-entity-id={e.id.clone()}
                onclick={move |_| on_select.emit(id.clone())}>{entity_name(e, lang)}</button></li>
        })
    });
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <section class="card card--event" data-event-id={v.id.clone()} aria-labelledby="event-card-title"
            aria-live="polite">
            <h2 class="card__title" id="event-card-title">{label}</h2>
            <dl class="card__facts">
                <dt>{t(lang, "event.date")}</dt><dd><bdi>{date}</bdi></dd>
                <dt>{t(lang, "event.status")}</dt><dd data-status={v.status.as_str()}>{t(lang, status_key(v.status))}</dd>
            </dl>
            if !v.participants.is_empty() {
                <h3 class="card__subtitle">{t(lang, "timeline.participants")}</h3>
                <ul class="card__events">{ for participants }</ul>
            }
            <button type="button" class="mention-nav__button mention-nav__button--clear" data-action="clear"
                onclick={on_clear}>{t(lang, "nav.clear")}</button>
        </section>
    }
}
