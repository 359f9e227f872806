//! The colour legend of the highlights.

use crate::i18n::t;
use crate::state::{KindGroup, Lang};
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct LegendProps {
    /// Interface language.
    pub lang: Lang,
}

/// The legend: one swatch per entity group, time expressions and the selection.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let lang = props.lang;
    let keys = [
        ("legend.people", "mention mention--people"),
        ("legend.countries", "mention mention--countries"),
        ("legend.organisations", "mention mention--organisations"),
        ("legend.places", "mention mention--places"),
        ("legend.other", "mention mention--other"),
        ("legend.time", "time"),
        ("legend.selected", "mention is-selected"),
    ];
    debug_assert_eq!(KindGroup::ALL.len() + 2, keys.len());
    let items = keys.iter().map(|(key, class)| {
        html! {
            <li class="legend__item"><span class={classes!("legend__swatch", *class)}>{t(lang, key)}</span></li>
        }
    });
    html! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 class="legend__title" id="legend-title">{t(lang, "legend.title")}</h2>
            <ul class="legend__list">{ for items }</ul>
        </section>
    }
}
