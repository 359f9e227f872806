//! Keeps the new-article draft (and the theme and language) in localStorage across reloads.

use crate::state::{Action, AppContext, Lang, Theme};
use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
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

/// Restores the draft and preferences once, then saves them whenever they change (the draft
/// after a short pause in typing).
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
    let restored = use_mut_ref(|| false);
    use_effect_with(state.draft.clone(), move |draft| {
        // The first run sees the empty initial draft, before the restore above lands.
        let first = !std::mem::replace(&mut *restored.borrow_mut(), true);
        let draft = draft.clone();
        let timeout = (!first).then(|| {
            gloo::timers::callback::Timeout::new(300, move || {
                let _ = LocalStorage::set(
                    DRAFT_KEY,
                    StoredDraft {
                        text: draft.text,
                        date: draft.date,
                    },
                );
            })
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
