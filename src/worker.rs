//! The messages between the page and the analysis Web Worker, and the worker's loop.
//!
//! The page posts a [`WorkerRequest`]; the worker answers with a [`WorkerResponse`]. Both cross
//! the boundary through `serde-wasm-bindgen` (structured clone of plain objects).

use khabar_nlp::Analysis;
use serde::{Deserialize, Serialize};

/// The file name of the worker's loader, as Trunk writes it (`data-loader-shim`).
pub const WORKER_SCRIPT: &str = "./khabar-worker_loader.js";

/// One analysis request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkerRequest {
    /// The request number, echoed back.
    pub request: u32,
    /// The article text.
    pub text: String,
    /// The publication date `YYYY-MM-DD`, if given.
    pub date: Option<String>,
}

/// The answer to a [`WorkerRequest`], or the worker's first message saying it is ready
/// (messages posted before that would be lost while its wasm loads).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerResponse {
    /// The worker has loaded and listens (no request answered).
    pub ready: bool,
    /// The request number.
    pub request: u32,
    /// The analysis, when it ran.
    pub analysis: Option<Analysis>,
    /// Why it did not run.
    pub error: Option<String>,
}

/// Answers one request (what the worker does with each message).
pub fn answer(request: WorkerRequest) -> WorkerResponse {
    let analysis = crate::analyze(&request.text, request.date.as_deref());
    WorkerResponse {
        request: request.request,
        analysis: Some(analysis),
        ..WorkerResponse::default()
    }
}

/// Runs the worker: answers every message posted to it (wasm only).
#[cfg(target_arch = "wasm32")]
pub fn serve() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let response = match serde_wasm_bindgen::from_value::<WorkerRequest>(event.data()) {
                Ok(request) => answer(request),
                Err(e) => WorkerResponse {
                    error: Some(e.to_string()),
                    ..WorkerResponse::default()
                },
            };
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            if let Ok(value) = response.serialize(&serializer) {
                let _ = reply_scope.post_message(&value);
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = WorkerResponse {
        ready: true,
        ..WorkerResponse::default()
    };
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(value) = ready.serialize(&serializer) {
        let _ = scope.post_message(&value);
    }
}
