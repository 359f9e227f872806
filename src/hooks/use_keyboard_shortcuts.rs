//! Keyboard shortcuts: n/j/Alt+← next mention, p/k/Alt+→ previous (the page reads right to
//! left), Escape clears the selection, / focuses the entity search.

use crate::state::{Action, AppContext, View};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a key press means, if anything (pure, for tests).
pub fn action_for_key(key: &str, alt: bool, ctrl_or_meta: bool) -> Option<Action> {
    if ctrl_or_meta {
        return None;
    }
    match (key, alt) {
        ("n" | "j", false) | ("ArrowLeft" | "ArrowDown", true) => Some(Action::NextMention),
        ("p" | "k", false) | ("ArrowRight" | "ArrowUp", true) => Some(Action::PreviousMention),
        ("Escape", _) => Some(Action::ClearSelection),
        _ => None,
    }
}

fn typing_into_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Installs the shortcuts on the document while the reader view is shown.
#[hook]
pub fn use_keyboard_shortcuts(state: AppContext) {
    let view = state.view;
    use_effect_with(view, move |view| {
        let listener = (*view == View::Reader).then(|| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if typing_into_field(event) {
                        return;
                    }
                    if event.key() == "/" {
                        if let Some(search) = gloo::utils::document()
                            .get_element_by_id("entity-search")
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            event.prevent_default();
                            let _ = search.focus();
                        }
                        return;
                    }
                    let ctrl = event.ctrl_key() || event.meta_key();
                    if let Some(action) = action_for_key(&event.key(), event.alt_key(), ctrl) {
                        event.prevent_default();
                        state.dispatch(action);
                    }
                },
            )
        });
        move || drop(listener)
    });
}
