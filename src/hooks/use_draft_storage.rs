//! Keeps the new-article draft (and the theme and language) in localStorage across reloads, and
//! never loses it silently (issue 15).
//!
//! The draft is saved after a short pause in typing and at once when the page goes away
//! (`pagehide`). When localStorage refuses it (full) or it is too large to keep there
//! ([`MAX_SAVED_BYTES`]), the reader is told, the draft stays in the page and the notice offers
//! it as a download; the next successful save clears the notice. When
//! another tab saves a different draft, the browser's `storage` event tells this tab, which says
//! so and offers the other draft (that tab is told the same when this one saves).

use crate::state::{Action, AppContext, Draft, DraftNotice, Lang, Theme};
use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The localStorage key of the draft.
pub const DRAFT_KEY: &str = "khabar.draft";
/// The localStorage key of the preferences.
pub const PREFS_KEY: &str = "khabar.prefs";

#[derive(Debug, Serialize, Deserialize)]
struct StoredDraft {
    text: String,
    date: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredPrefs {
    theme: String,
    lang: String,
}

/// The largest draft saved (UTF-8 bytes). localStorage holds about 5 million UTF-16 units per
/// site in every browser, and saving a few megabytes blocks the page for hundreds of
/// milliseconds (issue 15: a 5 MB paste froze the page for 330 ms): a larger draft is kept in
/// the page and offered as a download instead, as when the storage is full.
pub const MAX_SAVED_BYTES: usize = 1 << 20;

/// Saves `draft`; `false` when it is too large or localStorage refused it (full, or
/// unavailable).
fn save(draft: &Draft) -> bool {
    if draft.text.len() > MAX_SAVED_BYTES {
        return false;
    }
    LocalStorage::set(
        DRAFT_KEY,
        StoredDraft {
            text: draft.text.clone(),
            date: draft.date.clone(),
        },
    )
    .is_ok()
}

/// Saves `draft` and tells the reader when it could not be saved (or could again).
fn save_and_report(state: &AppContext, draft: &Draft) {
    let saved = save(draft);
    match (&state.draft_notice, saved) {
        (Some(DraftNotice::StorageFull), true) => state.dispatch(Action::SetDraftNotice(None)),
        (_, false) => state.dispatch(Action::SetDraftNotice(Some(DraftNotice::StorageFull))),
        _ => {}
    }
}

/// Restores the draft and preferences once, then saves them whenever they change (the draft
/// after a short pause in typing, and when the page is hidden or closed).
#[hook]
pub fn use_draft_storage(state: AppContext) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Ok(d) = LocalStorage::get::<StoredDraft>(DRAFT_KEY) {
                state.dispatch(Action::SetDraftText(d.text));
                state.dispatch(Action::SetDraftDate(d.date));
            }
            if let Ok(p) = LocalStorage::get::<StoredPrefs>(PREFS_KEY) {
                let theme = match p.theme.as_str() {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => Theme::System,
                };
                state.dispatch(Action::SetTheme(theme));
                state.dispatch(Action::SetLang(if p.lang == "en" {
                    Lang::En
                } else {
                    Lang::Ar
                }));
            }
        });
    }
    // The latest draft and whether it has changed since it was restored, for the listeners.
    let latest: Rc<RefCell<(Draft, bool)>> = use_mut_ref(|| (Draft::default(), false));
    use_window_listeners(state.clone(), latest.clone());
    let restored = use_mut_ref(|| false);
    let saver = state.clone();
    use_effect_with(state.draft.clone(), move |draft| {
        // The first run sees the empty initial draft, before the restore above lands.
        let first = !std::mem::replace(&mut *restored.borrow_mut(), true);
        *latest.borrow_mut() = (draft.clone(), !first);
        let draft = draft.clone();
        let timeout = (!first).then(|| {
            gloo::timers::callback::Timeout::new(300, move || save_and_report(&saver, &draft))
        });
        move || drop(timeout)
    });
    use_effect_with((state.theme, state.lang), |(theme, lang)| {
        let prefs = StoredPrefs {
            theme: theme.as_str().to_owned(),
            lang: lang.tag().to_owned(),
        };
        let _ = LocalStorage::set(PREFS_KEY, prefs);
    });
}

/// `pagehide` saves the latest draft at once (the 300 ms pause may not come); `storage` tells
/// this tab that another one saved a different draft.
#[hook]
fn use_window_listeners(state: AppContext, latest: Rc<RefCell<(Draft, bool)>>) {
    // The handle in the listeners must be the latest (its `draft_notice` is read).
    let current = use_mut_ref(|| state.clone());
    *current.borrow_mut() = state;
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let on_hide = {
            let latest = latest.clone();
            let current = current.clone();
            EventListener::new(&window, "pagehide", move |_| {
                // The state of the latest render, which the page already shows: the effect
                // that records `latest` runs after the render, and the page may be left between
                // the two.
                let state = current.borrow().clone();
                let (recorded, changed) = latest.borrow().clone();
                if changed || state.draft != recorded {
                    save_and_report(&state, &state.draft);
                }
            })
        };
        let on_storage = EventListener::new(&window, "storage", move |event| {
            let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event) else {
                return;
            };
            if event.key().as_deref() != Some(DRAFT_KEY) {
                return;
            }
            let Some(theirs) = event
                .new_value()
                .and_then(|v| serde_json::from_str::<StoredDraft>(&v).ok())
            else {
                return;
            };
            let theirs = Draft {
                text: theirs.text,
                date: theirs.date,
            };
            let state = current.borrow().clone();
            if theirs != state.draft {
                state.dispatch(Action::SetDraftNotice(Some(DraftNotice::OtherTab(theirs))));
            }
        });
        move || drop((on_hide, on_storage))
    });
}
