//! Applies the theme and the interface language to `<html>` (`data-theme`, `lang`).

use crate::state::{Lang, Theme};
use yew::prelude::*;

/// Keeps `<html data-theme lang>` in step with the state.
#[hook]
pub fn use_document_attrs(theme: Theme, lang: Lang) {
    use_effect_with((theme, lang), |(theme, lang)| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", theme.as_str());
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
}

/// Whether the system asks for a dark theme.
pub fn system_prefers_dark() -> bool {
    gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
