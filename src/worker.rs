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

/// The answer to a [`WorkerRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkerResponse {
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
        error: None,
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
                    request: 0,
                    analysis: None,
                    error: Some(e.to_string()),
                },
            };
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            if let Ok(value) = response.serialize(&serializer) {
                let _ = reply_scope.post_message(&value);
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
