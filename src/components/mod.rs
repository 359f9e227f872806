//! One component per file; props named after the component, events up through `on_*` callbacks.

pub mod app;
pub mod article_view;
pub mod entity_card;
pub mod entity_sidebar;
pub mod event_card;
pub mod header;
pub mod legend;
pub mod mention_nav;
pub mod new_article;
pub mod notice;
pub mod share_panel;
pub mod timeline;

use crate::state::Lang;
use khabar_nlp::analysis::Entity;
use yew::prelude::*;

/// An entity's name in the interface language: English (marked `lang="en"`) when asked for and
/// known, else Arabic.
pub fn entity_name(entity: &Entity, lang: Lang) -> Html {
    match (lang, entity.name_en.as_deref()) {
        (Lang::En, Some(en)) => html! { <bdi lang="en">{en}</bdi> },
        _ => html! { <bdi lang="ar">{entity.name.clone()}</bdi> },
    }
}
