//! Runs the analysis of the draft off the main thread, in the `khabar-worker` Web Worker; falls
//! back to the main thread (after the progress indication has painted) if no worker starts.

use crate::state::{Action, AppContext};
use crate::worker::{WORKER_SCRIPT, WorkerRequest, WorkerResponse};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use yew::prelude::*;

type Pending = Rc<RefCell<HashMap<u32, WorkerRequest>>>;

/// Checks the draft and returns the request to send, or an i18n error key.
pub fn draft_request(text: &str, date: &str, request: u32) -> Result<WorkerRequest, &'static str> {
    if text.trim().is_empty() {
        return Err("error.empty");
    }
    let date = date.trim();
    if !date.is_empty() && date.parse::<jiff::civil::Date>().is_err() {
        return Err("error.date");
    }
    Ok(WorkerRequest {
        request,
        text: text.to_owned(),
        date: (!date.is_empty()).then(|| date.to_owned()),
    })
}

fn finish(state: &AppContext, request: WorkerRequest, response: WorkerResponse) {
    match response.analysis {
        Some(analysis) => state.dispatch(Action::AnalysisFinished {
            request: request.request,
            text: request.text.into(),
            published: analysis.reference_date.clone(),
            analysis: Rc::new(analysis),
        }),
        None => state.dispatch(Action::AnalysisFailed {
            request: request.request,
            message: "error.worker".into(),
        }),
    }
}

fn analyse_on_main_thread(state: AppContext, request: WorkerRequest) {
    gloo::timers::callback::Timeout::new(30, move || {
        let response = crate::worker::answer(request.clone());
        finish(&state, request, response);
    })
    .forget();
}

fn start_worker(state: AppContext, pending: Pending) -> Option<web_sys::Worker> {
    let worker = web_sys::Worker::new(WORKER_SCRIPT).ok()?;
    let on_message = {
        let state = state.clone();
        let pending = pending.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Ok(response) = serde_wasm_bindgen::from_value::<WorkerResponse>(event.data())
            else {
                return;
            };
            if let Some(request) = pending.borrow_mut().remove(&response.request) {
                finish(&state, request, response);
            }
        })
    };
    let on_error = Closure::<dyn FnMut(Event)>::new(move |_| {
        // The worker could not load or crashed: analyse what was pending on the main thread.
        let requests: Vec<WorkerRequest> = pending.borrow_mut().drain().map(|(_, r)| r).collect();
        for request in requests {
            analyse_on_main_thread(state.clone(), request);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    Some(worker)
}

/// A callback that analyses the current draft.
#[hook]
pub fn use_analysis_worker(state: AppContext) -> Callback<()> {
    let worker: Rc<RefCell<Option<web_sys::Worker>>> = use_mut_ref(|| None);
    let pending: Pending = use_mut_ref(HashMap::new);
    Callback::from(move |()| {
        let number = state.request + 1;
        state.dispatch(Action::AnalysisStarted(number));
        let request = match draft_request(&state.draft.text, &state.draft.date, number) {
            Ok(r) => r,
            Err(key) => {
                state.dispatch(Action::AnalysisFailed {
                    request: number,
                    message: key.into(),
                });
                return;
            }
        };
        if worker.borrow().is_none() {
            *worker.borrow_mut() = start_worker(state.clone(), pending.clone());
        }
        let sent = worker.borrow().as_ref().is_some_and(|w| {
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            serde::Serialize::serialize(&request, &serializer)
                .ok()
                .is_some_and(|value| w.post_message(&value).is_ok())
        });
        if sent {
            pending.borrow_mut().insert(number, request);
        } else {
            analyse_on_main_thread(state.clone(), request);
        }
    })
}
