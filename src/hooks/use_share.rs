//! Share links and files in the browser (issue 13): opens a versioned link found in the URL
//! fragment (on load and when the fragment changes), and gives the callbacks of the share panel
//! — share the view, download a file, open a `.khabar.json` — which `window.khabar` uses too.
//!
//! The heavy work (packing or unpacking an article's text, reading a bundle, making a file) is
//! asked of the analysis worker (`crate::worker`), so the page's wasm links none of it. Nothing
//! read from a link or a file is evaluated: the worker decodes it into text and an analysis,
//! which the page shows as text.

use crate::hooks::use_analysis_worker::begin_request;
use crate::share::{self, ExportFormat, ExportInput};
use crate::state::{Action, AppContext, AppState, Notice, Selection};
use crate::worker::{Task, WorkerResponse};
use crate::worker_client;
use khabar_share::link::{self, Article, SharedView};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The callbacks of the share panel.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareControls {
    /// Share the current view (Web Share, else the clipboard), or say why not.
    pub share: Callback<()>,
    /// Download the current view as a file.
    pub download: Callback<ExportFormat>,
    /// Open a `.khabar.json` file's contents.
    pub open_bundle: Callback<String>,
}

thread_local! {
    /// The store as of the last render, for `window.khabar` and the `hashchange` listener.
    static LATEST: RefCell<Option<AppContext>> = const { RefCell::new(None) };
}

/// The store as of the last render (`None` before the app has rendered).
pub fn latest() -> Option<AppContext> {
    LATEST.with(|l| l.borrow().clone())
}

/// Opens links, and returns the share panel's callbacks.
#[hook]
pub fn use_share(state: AppContext) -> ShareControls {
    {
        let state = state.clone();
        use_effect(move || LATEST.with(|l| *l.borrow_mut() = Some(state)));
    }
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            open_link(&state, &current_fragment());
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", |_| {
                    if let Some(state) = latest() {
                        open_link(&state, &current_fragment());
                    }
                });
            move || drop(listener)
        });
    }
    let share = {
        let state = state.clone();
        Callback::from(move |()| share_view(&state))
    };
    let download = {
        let state = state.clone();
        Callback::from(move |format| download(&state, format))
    };
    let open_bundle = Callback::from(move |contents| open_bundle(&state, contents));
    ShareControls {
        share,
        download,
        open_bundle,
    }
}

/// The fragment of the page's address, without `#`.
pub fn current_fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#').to_owned()
}

/// Shows what a versioned link in `fragment` shows; anything else is left to the selection
/// sync (`use_fragment_sync`). A bad link leaves the article as it is and says why.
pub fn open_link(state: &AppContext, fragment: &str) {
    if !link::is_versioned(fragment) {
        return;
    }
    match link::split(fragment) {
        Err(e) => notify(state, share::link_error_key(e.kind()), None),
        Ok((view, Some(packed))) => {
            let number = begin_request(state);
            let target = state.clone();
            worker_client::send(
                Task::OpenLink,
                packed.to_owned(),
                view.date.clone(),
                move |r| show_answer(&target, number, r, &view),
            );
        }
        Ok((view, None)) => match &view.article {
            Article::Slug(slug) if *slug != share::page_slug(&pathname()) => {
                // Another hosted article: its own page (same site; the slug is [a-z0-9-]).
                let base = gloo::utils::document().base_uri().ok().flatten();
                let url = format!("{}a/{slug}/#{fragment}", base.unwrap_or_default());
                let _ = gloo::utils::window().location().replace(&url);
            }
            _ => restore(state, &view),
        },
    }
}

/// The share link of the current view, or the i18n key of why there is none.
pub fn make_link(state: &AppState, done: impl FnOnce(Result<String, &'static str>) + 'static) {
    let location = gloo::utils::window().location();
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let view = share::shared_view(state, &share::page_slug(&pathname()));
    let Article::Text(text) = &view.article else {
        done(Ok(format!("{base}#{}", link::encode_packed(&view, None))));
        return;
    };
    let mut done = Some(done);
    worker_client::send(Task::Pack, text.clone(), None, move |r| {
        if !r.is_final() {
            return;
        }
        if let Some(done) = done.take() {
            match r.output {
                Some(packed) => done(Ok(format!(
                    "{base}#{}",
                    link::encode_packed(&view, Some(&packed))
                ))),
                None => done(Err("share.failed")),
            }
        }
    });
}

/// The file `format` of the current view, or the i18n key of why there is none.
pub fn make_file(
    state: &AppState,
    format: ExportFormat,
    done: impl FnOnce(Result<String, &'static str>) + 'static,
) {
    let input = ExportInput {
        format,
        text: state.text.to_string(),
        date: share::given_date(state),
        selection: state.selection.to_fragment(),
    };
    let Ok(json) = serde_json::to_string(&input) else {
        done(Err("share.failed"));
        return;
    };
    let mut done = Some(done);
    worker_client::send(Task::Export, json, None, move |r| {
        if let Some(done) = done.take_if(|_| r.is_final()) {
            done(r.output.ok_or("share.failed"));
        }
    });
}

/// Analyses `text` (published on `date`) as if the reader had pasted it; `done` gets whether
/// it was shown.
pub fn open_text(
    state: &AppContext,
    text: String,
    date: Option<String>,
    done: Box<dyn FnOnce(bool)>,
) {
    let date = date.unwrap_or_default();
    state.dispatch(Action::SetDraftText(text.clone()));
    state.dispatch(Action::SetDraftDate(date.clone()));
    crate::hooks::use_analysis_worker::start_analysis(state, &text, &date, done);
}

fn pathname() -> String {
    gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default()
}

fn notify(state: &AppContext, key: &'static str, link: Option<String>) {
    state.dispatch(Action::Notify(Notice { key, link }));
}

fn restore(state: &AppContext, view: &SharedView) {
    for action in share::restoring_actions(view) {
        state.dispatch(action);
    }
}

/// Shows the worker's answer to an `open-link` or `read-bundle` request `number`, then
/// restores `view` over it.
fn show_answer(state: &AppContext, number: u32, r: WorkerResponse, view: &SharedView) {
    if let Some(steps) = r.progress {
        state.dispatch(Action::AnalysisProgress {
            request: number,
            steps,
        });
        return;
    }
    match (r.analysis, r.output) {
        (Some(analysis), Some(text)) => {
            state.dispatch(Action::AnalysisFinished {
                request: number,
                text: text.into(),
                reference_date: analysis.reference_date.clone(),
                analysis: Rc::new(analysis),
            });
            restore(state, view);
        }
        (_, _) => {
            let key = share::notice_key(r.error.as_deref().unwrap_or_default());
            state.dispatch(Action::AnalysisFailed {
                request: number,
                message: key.to_owned(),
            });
            notify(state, key, None);
        }
    }
}

fn share_view(state: &AppContext) {
    let target = state.clone();
    make_link(state, move |result| match result {
        Err(key) => notify(&target, key, None),
        Ok(url) if url.chars().count() > link::MAX_LINK_CHARS => {
            notify(&target, "share.too_long", None)
        }
        Ok(url) => send_link(target, url),
    });
}

/// Hands `url` to the Web Share API where the browser has one, else to the clipboard; says
/// which, and shows the link either way (to copy by hand if both fail).
fn send_link(state: AppContext, url: String) {
    use wasm_bindgen::JsValue;
    let navigator = js_sys::Reflect::get(&gloo::utils::window(), &"navigator".into())
        .unwrap_or(JsValue::UNDEFINED);
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &name.into()).ok();
    let call = |target: &JsValue, name: &str, arg: &JsValue| -> Option<js_sys::Promise> {
        let f = get(target, name)?.dyn_into::<js_sys::Function>().ok()?;
        f.call1(target, arg)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    };
    use wasm_bindgen::JsCast;
    let shared = {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.as_str().into());
        call(&navigator, "share", &data).map(|p| (p, "share.shared"))
    };
    let attempt = shared.or_else(|| {
        let clipboard = get(&navigator, "clipboard").filter(|c| c.is_object())?;
        call(&clipboard, "writeText", &url.as_str().into()).map(|p| (p, "share.copied"))
    });
    let Some((promise, key)) = attempt else {
        notify(&state, "share.ready", Some(url));
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let key = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => key,
            Err(_) => "share.ready",
        };
        notify(&state, key, Some(url));
    });
}

fn download(state: &AppContext, format: ExportFormat) {
    let stem = if state.pasted {
        "article".to_owned()
    } else {
        share::page_slug(&pathname())
    };
    let target = state.clone();
    make_file(state, format, move |result| match result {
        Ok(contents) => save(
            &format!("{stem}{}", format.suffix()),
            format.mime(),
            &contents,
        ),
        Err(key) => notify(&target, key, None),
    });
}

/// Offers `contents` as a file download named `name`.
fn save(name: &str, mime: &str, contents: &str) {
    use wasm_bindgen::JsCast;
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = anchor.set_attribute("href", &url);
    let _ = anchor.set_attribute("download", name);
    anchor.click();
    // The URL must outlive the click's navigation; it is revoked when the page goes.
    std::mem::forget(url);
}

fn open_bundle(state: &AppContext, contents: String) {
    let number = begin_request(state);
    let target = state.clone();
    worker_client::send(Task::ReadBundle, contents, None, move |r| {
        // The file's selection is a version-0 fragment (read without the link decoder, whose
        // inflater stays out of the page's wasm).
        let selection = Selection::from_fragment(r.selection.as_deref().unwrap_or_default());
        let view = SharedView {
            selection: share::link_selection(selection),
            ..SharedView::default()
        };
        show_answer(&target, number, r, &view)
    });
}
