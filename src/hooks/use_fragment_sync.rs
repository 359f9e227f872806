//! Mirrors the selection in the URL fragment (`#entity=e1&mention=2`, `#event=v1`), pushing a
//! history entry per change so that back/forward walk through selections.
//!
//! A versioned share link (`#v=1&…`, issue 13) is read by `use_share` instead, and is not
//! overwritten while it shows a reader's own article (the link is then the only place that
//! article lives).

use crate::state::{Action, AppContext, Selection};
use gloo::events::EventListener;
use khabar_share::link::is_versioned;
use yew::prelude::*;

fn current_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Reads the fragment on load and on back/forward; writes it when the selection changes.
#[hook]
pub fn use_fragment_sync(state: AppContext) {
    {
        let state = state.clone();
        let restore = move || {
            let fragment = current_fragment();
            if !is_versioned(&fragment) {
                state.dispatch(Action::RestoreSelection(Selection::from_fragment(
                    &fragment,
                )));
            }
        };
        use_effect_with((), move |_| {
            restore();
            let listener =
                EventListener::new(&gloo::utils::window(), "popstate", move |_| restore());
            move || drop(listener)
        });
    }
    let loaded = use_mut_ref(|| false);
    let pasted = state.pasted;
    use_effect_with(state.selection.clone(), move |selection| {
        // The first run sees the initial empty selection, before the fragment is read.
        let keep_link = pasted && is_versioned(&current_fragment());
        if std::mem::replace(&mut *loaded.borrow_mut(), true) && !keep_link {
            let wanted = selection.to_fragment();
            if current_fragment().trim_start_matches('#') != wanted {
                let window = gloo::utils::window();
                let location = window.location();
                // A full path: a bare "#…" would resolve against <base href> and lose the query.
                let path = format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                let url = if wanted.is_empty() {
                    path
                } else {
                    format!("{path}#{wanted}")
                };
                if let Ok(history) = window.history() {
                    let _ =
                        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
        }
    });
}
