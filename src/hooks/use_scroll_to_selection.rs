//! Scrolls the current mention, or the first evidence sentence of the selected event, into view.

use crate::state::Selection;
use yew::prelude::*;

/// After each selection change, scrolls its target (`.mention.is-current` or
/// `.sentence.is-evidence`) to the middle of the viewport.
#[hook]
pub fn use_scroll_to_selection(selection: Selection) {
    use_effect_with(selection, |selection| {
        let selector = match selection {
            Selection::Entity { .. } => Some(".article .mention.is-current"),
            Selection::Event { .. } => Some(".article .sentence.is-evidence"),
            Selection::None => None,
        };
        if let Some(el) =
            selector.and_then(|s| gloo::utils::document().query_selector(s).ok().flatten())
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
