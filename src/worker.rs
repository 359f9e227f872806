//! The messages between the page and the analysis Web Worker, and the worker's loop.
//!
//! The page posts a [`WorkerRequest`]; the worker answers with [`WorkerResponse`]s: progress
//! reports while it analyses, then the result. Both cross the boundary as JSON strings: a string
//! is copied once and parses fast, where a large object graph would cost the page's main thread
//! a long task to clone and convert (and the page's wasm the converter's code). Only the worker runs the analysis:
//! the page's wasm never links it (`src/worker_client.rs` is the page's side).

use khabar_nlp::Analysis;
use serde::{Deserialize, Serialize};

/// The file name of the worker's loader, as Trunk writes it (`data-loader-shim`), relative to
/// the site's `<base href>`.
pub const WORKER_SCRIPT: &str = "./khabar-worker_loader.js";

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Task {
    /// The whole analysis of the text.
    #[default]
    Analyze,
    /// Only the date of a dateline near the beginning of the text (to prefill the form).
    Dateline,
    /// The text is a share link's packed article (issue 13): unpack it (bounded), then analyse
    /// it; the answer carries the text as `output` with the `analysis`, or an i18n key as
    /// `error`.
    OpenLink,
    /// Pack the text for a share link (`output`): the compressor lives only in the worker.
    Pack,
    /// The text is the JSON of a [`crate::share::ExportInput`]: make that file (`output`).
    Export,
    /// The text is a `.khabar.json` file: read it (bounded, checked); the answer carries its
    /// text as `output`, its `selection` and `analysis` (whose reference date is the file's
    /// date), or an i18n key as `error`.
    ReadBundle,
}

/// One request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkerRequest {
    /// The request number, echoed back.
    pub request: u32,
    /// The article text.
    pub text: String,
    /// The publication date `YYYY-MM-DD`, if given.
    pub date: Option<String>,
    /// What to do with the text.
    #[serde(default)]
    pub task: Task,
}

/// How far an analysis has got: `done` of `total` stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Steps {
    /// Stages finished.
    pub done: u32,
    /// All stages.
    pub total: u32,
}

/// A message from the worker: that it is ready (messages posted before that would be lost while
/// its wasm loads), a progress report, or the answer to a [`WorkerRequest`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerResponse {
    /// The worker has loaded and listens (no request answered).
    pub ready: bool,
    /// The request number.
    pub request: u32,
    /// A progress report (the request is still running).
    pub progress: Option<Steps>,
    /// The analysis, when it ran.
    pub analysis: Option<Analysis>,
    /// The dateline's date `YYYY-MM-DD` (task `dateline`), when one was found.
    pub dateline: Option<String>,
    /// Why it did not run.
    pub error: Option<String>,
    /// What the task made: the article text (tasks `open-link`, `read-bundle`), the packed text
    /// (`pack`), the file (`export`).
    pub output: Option<String>,
    /// The selection as a version-0 fragment (task `read-bundle`), when the file has one.
    pub selection: Option<String>,
}

impl WorkerResponse {
    /// Whether this is the request's last message.
    pub fn is_final(&self) -> bool {
        !self.ready && self.progress.is_none()
    }
}

/// Answers one request (what the worker does with each message), without progress reports.
pub fn answer(request: WorkerRequest) -> WorkerResponse {
    answer_reporting(request, &mut |_| {})
}

/// Answers one request, passing progress reports to `report` as the analysis goes.
pub fn answer_reporting(
    request: WorkerRequest,
    report: &mut dyn FnMut(WorkerResponse),
) -> WorkerResponse {
    let number = request.request;
    match request.task {
        Task::Dateline => WorkerResponse {
            request: number,
            dateline: dateline_date(&request.text),
            ..WorkerResponse::default()
        },
        Task::Analyze => analyze_reporting(number, &request.text, request.date, report),
        Task::OpenLink => match khabar_share::link::unpack_text(&request.text) {
            Ok(text) => WorkerResponse {
                output: Some(text.clone()),
                ..analyze_reporting(number, &text, request.date, report)
            },
            Err(e) => failure(number, crate::share::link_error_key(e.kind())),
        },
        Task::Pack => WorkerResponse {
            request: number,
            output: Some(khabar_share::link::pack_text(&request.text)),
            ..WorkerResponse::default()
        },
        Task::Export => match crate::share::export(&request.text) {
            Some(output) => WorkerResponse {
                request: number,
                output: Some(output),
                ..WorkerResponse::default()
            },
            None => failure(number, crate::worker_client::FAILED),
        },
        Task::ReadBundle => match khabar_share::bundle::read(request.text.as_bytes()) {
            Ok(bundle) => WorkerResponse {
                request: number,
                output: Some(bundle.text),
                selection: bundle.selection,
                analysis: Some(bundle.analysis),
                ..WorkerResponse::default()
            },
            Err(e) => failure(number, crate::share::bundle_error_key(e.kind())),
        },
    }
}

/// A final answer that failed with the i18n key `key`.
fn failure(request: u32, key: &str) -> WorkerResponse {
    WorkerResponse {
        request,
        error: Some(key.to_owned()),
        ..WorkerResponse::default()
    }
}

/// Analyses `text` (published on `date`), passing progress reports to `report`.
fn analyze_reporting(
    number: u32,
    text: &str,
    date: Option<String>,
    report: &mut dyn FnMut(WorkerResponse),
) -> WorkerResponse {
    let stages = khabar_nlp::Stage::ALL;
    let total = stages.len() as u32;
    let reference_date = date.as_deref().and_then(|d| d.trim().parse().ok());
    let config = khabar_nlp::Config { reference_date };
    let analysis = khabar_nlp::analyze_observed(text, &config, &mut |stage| {
        let done = stages.iter().position(|s| *s == stage).map_or(0, |i| i + 1);
        report(WorkerResponse {
            request: number,
            progress: Some(Steps {
                done: done as u32,
                total,
            }),
            ..WorkerResponse::default()
        })
    });
    WorkerResponse {
        request: number,
        analysis: Some(analysis),
        ..WorkerResponse::default()
    }
}

/// The date of a dateline near the beginning of `text` (`YYYY-MM-DD`), by the analysis
/// crate's public dateline reader (it reads only the beginning).
pub fn dateline_date(text: &str) -> Option<String> {
    khabar_nlp::dateline_date(text).map(|d| d.to_string())
}

/// Runs the worker: answers every message posted to it (wasm only).
#[cfg(target_arch = "wasm32")]
pub fn serve() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |response: &WorkerResponse| {
            if let Ok(json) = serde_json::to_string(response) {
                let _ = scope.post_message(&json.into());
            }
        }
    };
    let reply = post.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let json = event.data().as_string().unwrap_or_default();
            let response = match serde_json::from_str::<WorkerRequest>(&json) {
                Ok(request) => answer_reporting(request, &mut |r| reply(&r)),
                Err(e) => WorkerResponse {
                    error: Some(e.to_string()),
                    ..WorkerResponse::default()
                },
            };
            reply(&response);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&WorkerResponse {
        ready: true,
        ..WorkerResponse::default()
    });
}
