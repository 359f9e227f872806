//! The entity sidebar: filters, then entities grouped by kind and sorted by salience.

use crate::components::entity_name;
use crate::i18n::t;
use crate::state::{Filters, KindGroup, Lang, Selection};
use khabar_nlp::Analysis;
use khabar_nlp::analysis::Entity;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`EntitySidebar`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct EntitySidebarProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// The filters.
    #[prop_or_default]
    pub filters: Filters,
    /// The selection.
    #[prop_or_default]
    pub selection: Selection,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// An entity was chosen.
    #[prop_or_default]
    pub on_select_entity: Callback<String>,
    /// A group filter was chosen (`None`: all).
    #[prop_or_default]
    pub on_group_filter: Callback<Option<KindGroup>>,
    /// The search text changed.
    #[prop_or_default]
    pub on_search: Callback<String>,
}

/// Entities ordered by salience: more mentions first, then earlier first mention.
pub fn by_salience<'a>(entities: impl Iterator<Item = &'a Entity>) -> Vec<&'a Entity> {
    let mut list: Vec<&Entity> = entities.collect();
    let first = |e: &Entity| {
        e.mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX)
    };
    list.sort_by_key(|e| (std::cmp::Reverse(e.mentions.len()), first(e)));
    list
}

/// The sidebar.
#[component]
pub fn EntitySidebar(props: &EntitySidebarProps) -> Html {
    let lang = props.lang;
    let selected = match &props.selection {
        Selection::Entity { id, .. } => Some(id.as_str()),
        _ => None,
    };
    let visible: Vec<&Entity> = props
        .analysis
        .entities
        .iter()
        .filter(|e| props.filters.accepts(e))
        .collect();
    let groups = KindGroup::ALL.into_iter().filter_map(|group| {
        let members = by_salience(visible.iter().copied().filter(|e| KindGroup::of(e.kind) == group));
        (!members.is_empty()).then(|| {
            let items = members.into_iter().map(|e| entity_item(e, selected, lang, &props.on_select_entity));
            let heading = format!("sidebar-group-{}", group.as_str());
            html! {
                <section class="sidebar__group" data-group={group.as_str()} aria-labelledby={heading.clone()}>
                    <h3 class="sidebar__group-title" id={heading}>{t(lang, legend_key(group))}</h3>
                    <ul class="sidebar__list">{ for items }</ul>
                </section>
            }
        })
    });
    let empty = if props.analysis.entities.is_empty() {
        Some("sidebar.empty")
    } else if visible.is_empty() {
        Some("sidebar.nomatch")
    } else {
        None
    };
    html! {
        <section class="sidebar__entities" aria-labelledby="sidebar-title">
            <h2 class="sidebar__title" id="sidebar-title">{t(lang, "sidebar.title")}</h2>
            {filters_view(props)}
            { groups.collect::<Html>() }
            { empty.map(|key| html! { <p class="empty">{t(lang, key)}</p> }).unwrap_or_default() }
        </section>
    }
}

fn legend_key(group: KindGroup) -> &'static str {
    match group {
        KindGroup::People => "legend.people",
        KindGroup::Countries => "legend.countries",
        KindGroup::Organisations => "legend.organisations",
        KindGroup::Places => "legend.places",
        KindGroup::Other => "legend.other",
    }
}

fn filters_view(props: &EntitySidebarProps) -> Html {
    let lang = props.lang;
    let chip = |group: Option<KindGroup>| {
        let on_group_filter = props.on_group_filter.clone();
        let pressed = props.filters.group == group;
        let label = group.map_or(t(lang, "sidebar.all"), |g| t(lang, legend_key(g)));
        html! {
            <button type="button" class="sidebar__chip" aria-pressed={pressed.to_string()}
                data-group={group.map_or("all", KindGroup::as_str)}
                onclick={move |_| on_group_filter.emit(group)}>{label}</button>
        }
    };
    let on_search = props.on_search.clone();
    let on_input = Callback::from(move |e: InputEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            on_search.emit(input.value());
        }
    });
    html! {
        <div class="sidebar__filters">
            <label class="sidebar__search-label" for="entity-search">{t(lang, "sidebar.search")}</label>
            <input class="sidebar__search" id="entity-search" type="search" dir="auto"
                value={props.filters.search.clone()} oninput={on_input} />
            <div class="sidebar__chips" role="group" aria-label={t(lang, "sidebar.filter")}>
                {chip(None)}
                { KindGroup::ALL.into_iter().map(|g| chip(Some(g))).collect::<Html>() }
            </div>
        </div>
    }
}

fn entity_item(
    entity: &Entity,
    selected: Option<&str>,
    lang: Lang,
    on_select: &Callback<String>,
) -> Html {
    let id = entity.id.clone();
    let is_selected = selected == Some(entity.id.as_str());
    let onclick = {
        let on_select = on_select.clone();
        let id = id.clone();
        move |_| on_select.emit(id.clone())
    };
    let group = KindGroup::of(entity.kind).as_str();
    let count = entity.mentions.len();
    let english = entity.name_en.clone().map(|en| {
        html! {
            <bdi class="sidebar__name-en" lang="en" dir="ltr">{en}</bdi>
        }
    });
    let wikidata = entity.wikidata.clone().map(|q| {
        let href = format!("https://www.wikidata.org/wiki/{q}");
        let label = format!("{}: {}", t(lang, "sidebar.wikidata"), entity.name_en.as_deref().unwrap_or(&entity.name));
        html! {
            <a class="sidebar__wikidata" href={href} aria-label={label} target="_blank" rel="noopener noreferrer">
                <bdi lang="en" dir="ltr">{q}</bdi>
            </a>
        }
    });
    html! {
        <li key={entity.id.clone()} class="sidebar__item">
            <button type="button" class={classes!("sidebar__entity", is_selected.then_some("is-selected"))}
                data-entity-id={id} data-kind={entity.kind.as_str()} aria-pressed={is_selected.to_string()}
                {onclick}>
                <span class={classes!("sidebar__swatch", format!("mention--{group}"))} aria-hidden="true"></span>
                <span class="sidebar__name">{entity_name(entity, Lang::Ar)}</span>
                { english.unwrap_or_default() }
                <span class="sidebar__count" data-count={count.to_string()}>
                    <bdi>{count}</bdi>{" "}{t(lang, "sidebar.mentions")}
                </span>
            </button>
            { wikidata.unwrap_or_default() }
        </li>
    }
}
