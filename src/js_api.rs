//! `window.khabar`: a small JavaScript API for tests and curious readers.
//!
//! - `khabar.analyze(text, date?)` → a Promise of the analysis object (schema
//!   `khabar.analysis/1`), computed by the analysis worker (started by the first call);
//! - `khabar.state()` → `{view, lang, theme, selection: {kind, id, mention}, entities, events,
//!   request, progress, worker, pasted, notice}` of the running app (`worker`: whether the
//!   analysis worker has been started);
//! - `khabar.open(text, date?)` → shows a reader's article as if pasted; a Promise of whether it
//!   was shown (issue 13);
//! - `khabar.shareLink()` → a Promise of the share link of the current view (issue 13);
//! - `khabar.exportFile(format)` → a Promise of the file the download menu makes (`bundle`,
//!   `json`, `timeml`, `brat`, `csv`, `ics`; issue 13).

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
    /// Whether the article is a reader's own rather than the page's.
    pub pasted: bool,
    /// The i18n key of the message shown about sharing, a link or a file, if any.
    pub notice: Option<String>,
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
            pasted: state.pasted,
            notice: state.notice.as_ref().map(|n| n.key.to_owned()),
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
    install_share(&api);
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &"khabar".into(), &api);
}

/// `khabar.open`, `khabar.shareLink` and `khabar.exportFile` (issue 13).
#[cfg(target_arch = "wasm32")]
fn install_share(api: &js_sys::Object) {
    use crate::hooks::use_share::{latest, make_file, make_link, open_text};
    use wasm_bindgen::JsValue;
    use wasm_bindgen::prelude::Closure;
    /// A Promise settled by `run`'s callback: resolved with its value, rejected with its key.
    type Settle = Box<dyn FnOnce(Result<JsValue, &'static str>)>;
    // Boxed, not generic: one copy of this code in the page's wasm for the three functions.
    fn promise(run: Box<dyn FnOnce(Settle)>) -> js_sys::Promise {
        let mut run = Some(run);
        js_sys::Promise::new(&mut |resolve, reject| {
            if let Some(run) = run.take() {
                run(Box::new(move |result| {
                    let _ = match result {
                        Ok(value) => resolve.call1(&JsValue::NULL, &value),
                        Err(key) => reject.call1(&JsValue::NULL, &JsValue::from_str(key)),
                    };
                }));
            }
        })
    }
    let open = Closure::<dyn Fn(String, Option<String>) -> js_sys::Promise>::new(
        |text: String, date: Option<String>| {
            promise(Box::new(move |settle: Settle| match latest() {
                Some(state) => open_text(
                    &state,
                    text,
                    date,
                    Box::new(move |shown| settle(Ok(JsValue::from_bool(shown)))),
                ),
                None => settle(Err("error.worker")),
            }))
        },
    );
    let share_link = Closure::<dyn Fn() -> js_sys::Promise>::new(|| {
        promise(Box::new(|settle: Settle| match latest() {
            Some(state) => make_link(&state, move |r| settle(r.map(|l| JsValue::from_str(&l)))),
            None => settle(Err("error.worker")),
        }))
    });
    let export_file = Closure::<dyn Fn(String) -> js_sys::Promise>::new(|format: String| {
        promise(Box::new(move |settle: Settle| {
            match (latest(), crate::share::ExportFormat::parse(&format)) {
                (Some(state), Some(format)) => make_file(&state, format, move |r| {
                    settle(r.map(|f| JsValue::from_str(&f)))
                }),
                _ => settle(Err("share.failed")),
            }
        }))
    });
    let _ = js_sys::Reflect::set(api, &"open".into(), open.as_ref());
    let _ = js_sys::Reflect::set(api, &"shareLink".into(), share_link.as_ref());
    let _ = js_sys::Reflect::set(api, &"exportFile".into(), export_file.as_ref());
    open.forget();
    share_link.forget();
    export_file.forget();
}

/// A JavaScript object of `value`, through JSON (the page links no other converter).
#[cfg(target_arch = "wasm32")]
fn to_js(value: &impl Serialize) -> wasm_bindgen::JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .unwrap_or(wasm_bindgen::JsValue::NULL)
}
