//! Runs the analysis of the draft off the main thread, in the `khabar-worker` Web Worker; falls
//! back to the main thread (after the progress indication has painted) if no worker starts.
//!
//! The worker says when it is ready; requests made before that wait in `pending`.

use crate::state::{Action, AppContext};
use crate::worker::{WORKER_SCRIPT, WorkerRequest, WorkerResponse};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use yew::prelude::*;

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
        text: crate::state::article_text(text),
        date: (!date.is_empty()).then(|| date.to_owned()),
    })
}

/// The worker and the requests it has not answered yet.
#[derive(Debug, Default)]
struct Channel {
    worker: RefCell<Option<web_sys::Worker>>,
    ready: Cell<bool>,
    failed: Cell<bool>,
    pending: RefCell<BTreeMap<u32, (WorkerRequest, bool)>>,
}

impl Channel {
    /// Posts every pending request not yet posted.
    fn flush(&self) {
        let worker = self.worker.borrow();
        let Some(worker) = worker.as_ref().filter(|_| self.ready.get()) else {
            return;
        };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        for (request, posted) in self.pending.borrow_mut().values_mut().filter(|(_, p)| !*p) {
            if let Ok(value) = serde::Serialize::serialize(&*request, &serializer) {
                *posted = worker.post_message(&value).is_ok();
            }
        }
    }
}

fn finish(state: &AppContext, request: WorkerRequest, response: WorkerResponse) {
    match response.analysis {
        Some(analysis) => state.dispatch(Action::AnalysisFinished {
            request: request.request,
            text: request.text.into(),
            reference_date: analysis.reference_date.clone(),
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

fn start_worker(state: AppContext, channel: Rc<Channel>) -> Option<web_sys::Worker> {
    let worker = web_sys::Worker::new(WORKER_SCRIPT).ok()?;
    let on_message = {
        let state = state.clone();
        let channel = channel.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Ok(response) = serde_wasm_bindgen::from_value::<WorkerResponse>(event.data())
            else {
                return;
            };
            if response.ready {
                channel.ready.set(true);
                channel.flush();
                return;
            }
            let request = channel.pending.borrow_mut().remove(&response.request);
            if let Some((request, _)) = request {
                finish(&state, request, response);
            }
        })
    };
    let on_error = Closure::<dyn FnMut(Event)>::new(move |_| {
        // The worker could not load or crashed: analyse what was pending on the main thread.
        channel.failed.set(true);
        let requests: Vec<WorkerRequest> = std::mem::take(&mut *channel.pending.borrow_mut())
            .into_values()
            .map(|(r, _)| r)
            .collect();
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
    let channel = use_memo((), |_| Channel::default());
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
        if channel.failed.get() {
            analyse_on_main_thread(state.clone(), request);
            return;
        }
        if channel.worker.borrow().is_none() {
            let worker = start_worker(state.clone(), Rc::clone(&channel));
            *channel.worker.borrow_mut() = worker;
        }
        if channel.worker.borrow().is_none() {
            analyse_on_main_thread(state.clone(), request);
            return;
        }
        channel
            .pending
            .borrow_mut()
            .insert(number, (request, false));
        channel.flush();
    })
}
