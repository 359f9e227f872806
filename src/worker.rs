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
        Task::Analyze => {
            let stages = khabar_nlp::Stage::ALL;
            let total = stages.len() as u32;
            let reference_date = request.date.as_deref().and_then(|d| d.trim().parse().ok());
            let config = khabar_nlp::Config { reference_date };
            let analysis = khabar_nlp::analyze_observed(&request.text, &config, &mut |stage| {
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
