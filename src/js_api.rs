//! `window.khabar`: a small JavaScript API for tests and curious readers.
//!
//! - `khabar.analyze(text, date?)` → a Promise of the analysis object (schema
//!   `khabar.analysis/1`), computed by the analysis worker (started by the first call);
//! - `khabar.state()` → `{view, lang, theme, selection: {kind, id, mention}, entities, events,
//!   request, progress, worker}` of the running app (`worker`: whether the analysis worker has
//!   been started).

use crate::state::{AppState, Progress, Selection};
use serde::Serialize;
use std::cell::RefCell;

thread_local! {
    static SNAPSHOT: RefCell<Option<StateSnapshot>> = const { RefCell::new(None) };
}

/// What `khabar.state()` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateSnapshot {
    /// `reader` or `new-article`.
    pub view: String,
    /// `ar` or `en`.
    pub lang: String,
    /// `system`, `light` or `dark`.
    pub theme: String,
    /// The selection.
    pub selection: SelectionSnapshot,
    /// Number of entities in the analysis.
    pub entities: usize,
    /// Number of events in the analysis.
    pub events: usize,
    /// Number of the last analysis request.
    pub request: u32,
    /// `idle`, `running` or `failed`.
    pub progress: String,
}

/// The selection as `khabar.state().selection`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelectionSnapshot {
    /// `none`, `entity` or `event`.
    pub kind: String,
    /// The entity or event id.
    pub id: Option<String>,
    /// The mention index (entities only).
    pub mention: Option<usize>,
}

impl StateSnapshot {
    /// The snapshot of `state`.
    pub fn of(state: &AppState) -> StateSnapshot {
        let selection = match &state.selection {
            Selection::None => SelectionSnapshot {
                kind: "none".into(),
                id: None,
                mention: None,
            },
            Selection::Entity { id, mention } => SelectionSnapshot {
                kind: "entity".into(),
                id: Some(id.clone()),
                mention: Some(*mention),
            },
            Selection::Event { id } => SelectionSnapshot {
                kind: "event".into(),
                id: Some(id.clone()),
                mention: None,
            },
        };
        StateSnapshot {
            view: state.view.as_str().into(),
            lang: state.lang.tag().into(),
            theme: state.theme.as_str().into(),
            selection,
            entities: state.analysis.entities.len(),
            events: state.analysis.events.len(),
            request: state.request,
            progress: match state.progress {
                Progress::Idle => "idle",
                Progress::Running(_) => "running",
                Progress::Failed(_) => "failed",
            }
            .into(),
        }
    }
}

/// Records the app's state for `khabar.state()`.
pub fn record(state: &AppState) {
    let snapshot = StateSnapshot::of(state);
    SNAPSHOT.with(|s| *s.borrow_mut() = Some(snapshot));
}

/// Installs `window.khabar` (wasm only; a no-op natively).
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    install_wasm();
}

#[cfg(target_arch = "wasm32")]
fn install_wasm() {
    use wasm_bindgen::JsValue;
    use wasm_bindgen::prelude::Closure;
    let api = js_sys::Object::new();
    let analyze =
        Closure::<dyn Fn(String, Option<String>) -> js_sys::Promise>::new(
            |text: String, date: Option<String>| {
                js_sys::Promise::new(&mut |resolve, reject| {
                    let task = crate::worker::Task::Analyze;
                    crate::worker_client::send(task, text.clone(), date.clone(), move |response| {
                        match (&response.analysis, &response.error) {
                            (Some(analysis), _) => {
                                let _ = resolve.call1(&JsValue::NULL, &to_js(analysis));
                            }
                            (None, Some(error)) => {
                                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(error));
                            }
                            (None, None) => {}
                        }
                    });
                })
            },
        );
    let state = Closure::<dyn Fn() -> JsValue>::new(|| {
        let value = SNAPSHOT.with(|s| s.borrow().as_ref().map_or(JsValue::NULL, to_js));
        // Read now, not at the last render: the worker starts in an effect after one.
        if value.is_object() {
            let started = JsValue::from_bool(crate::worker_client::started());
            let _ = js_sys::Reflect::set(&value, &"worker".into(), &started);
        }
        value
    });
    let _ = js_sys::Reflect::set(&api, &"analyze".into(), analyze.as_ref());
    let _ = js_sys::Reflect::set(&api, &"state".into(), state.as_ref());
    analyze.forget();
    state.forget();
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &"khabar".into(), &api);
}

/// A JavaScript object of `value`, through JSON (the page links no other converter).
#[cfg(target_arch = "wasm32")]
fn to_js(value: &impl Serialize) -> wasm_bindgen::JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(wasm_bindgen::JsValue::NULL)
}
