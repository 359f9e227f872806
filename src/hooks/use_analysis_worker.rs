//! Runs the analysis of the draft off the main thread, in the `khabar-worker` Web Worker
//! (`crate::worker_client`), with its progress reports and a way to cancel; prefills the draft's
//! date from its dateline (asked of the worker too: the page itself never analyses).
//!
//! The worker is started when the reader opens the new-article form, not before: the first
//! view fetches none of the analysis.

use crate::state::{Action, AppContext, View};
use crate::worker::{Task, WorkerRequest, WorkerResponse};
use crate::worker_client;
use std::rc::Rc;
use yew::prelude::*;

/// Checks the draft and returns the request to send, or an i18n error key.
pub fn draft_request(text: &str, date: &str, request: u32) -> Result<WorkerRequest, &'static str> {
    if text.trim().is_empty() {
        return Err("error.empty");
    }
    let date = date.trim();
    if !date.is_empty() && crate::civil::parse_date(date).is_none() {
        return Err("error.date");
    }
    Ok(WorkerRequest {
        request,
        text: crate::state::article_text(text),
        date: (!date.is_empty()).then(|| date.to_owned()),
        task: Task::Analyze,
    })
}

/// The action a message of the worker about app request `request` (with `text`) leads to.
pub fn action_for(request: u32, text: &Rc<str>, response: WorkerResponse) -> Action {
    if let Some(steps) = response.progress {
        return Action::AnalysisProgress { request, steps };
    }
    match (response.analysis, response.error) {
        (Some(analysis), _) => Action::AnalysisFinished {
            request,
            text: text.clone(),
            reference_date: analysis.reference_date.clone(),
            analysis: Rc::new(analysis),
        },
        (None, error) => Action::AnalysisFailed {
            request,
            message: error.unwrap_or_else(|| worker_client::FAILED.to_owned()),
        },
    }
}

/// Starts the app's next request (the reader's view then follows its progress and answer) and
/// returns its number.
pub fn begin_request(state: &AppContext) -> u32 {
    let number = state.request + 1;
    state.dispatch(Action::AnalysisStarted(number));
    number
}

/// Sends `text` (published on `date`, `YYYY-MM-DD` or empty) to the worker as the app's next
/// request, whose progress and result the app then shows (or the i18n key of why it could not
/// be sent); `on_final` gets whether an analysis came back. Returns the worker's request id,
/// for cancelling. The one path of the draft form, `khabar.open` and the date control.
pub fn start_analysis(
    state: &AppContext,
    text: &str,
    date: &str,
    on_final: Box<dyn FnOnce(bool)>,
) -> Option<u32> {
    let number = begin_request(state);
    let request = match draft_request(text, date, number) {
        Ok(r) => r,
        Err(key) => {
            state.dispatch(Action::AnalysisFailed {
                request: number,
                message: key.into(),
            });
            on_final(false);
            return None;
        }
    };
    let shown: Rc<str> = request.text.as_str().into();
    let target = state.clone();
    let mut on_final = Some(on_final);
    Some(worker_client::send(
        Task::Analyze,
        request.text,
        request.date,
        move |r| {
            let last = r.is_final();
            let ok = r.analysis.is_some();
            target.dispatch(action_for(number, &shown, r));
            if let Some(on_final) = on_final.take_if(|_| last) {
                on_final(ok);
            }
        },
    ))
}

/// Analyses the article being read again, published on `date` (`YYYY-MM-DD`, or empty for an
/// undated article): the reader's date control in the timeline (issue 11). Every relative date
/// is resolved anew; the draft in the new-article form is not touched, and on failure the
/// article stays as it was.
pub fn redate(state: &AppContext, date: &str) {
    start_analysis(state, &state.text, date, Box::new(|_| {}));
}

/// The callbacks of the new-article form.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisControls {
    /// Analyse the current draft.
    pub analyze: Callback<()>,
    /// Stop the running analysis.
    pub cancel: Callback<()>,
}

/// Callbacks that analyse the current draft and cancel that analysis; keeps the draft's date
/// prefilled from its dateline while the form is shown.
#[hook]
pub fn use_analysis_worker(state: AppContext) -> AnalysisControls {
    let running = use_mut_ref(|| None::<u32>);
    use_dateline_prefill(state.clone());
    {
        // Issue 15: a crashed worker is restarted, and the page says so.
        let state = state.clone();
        use_effect_with((), move |_| {
            worker_client::on_restart(move || state.dispatch(Action::WorkerRestarted));
        });
    }
    let analyze = {
        let state = state.clone();
        let running = running.clone();
        Callback::from(move |()| {
            let Some(id) = start_analysis(
                &state,
                &state.draft.text,
                &state.draft.date,
                Box::new(|_| {}),
            ) else {
                return;
            };
            *running.borrow_mut() = Some(id);
        })
    };
    let cancel = Callback::from(move |()| {
        if let Some(id) = running.borrow_mut().take() {
            worker_client::cancel(id);
        }
    });
    AnalysisControls { analyze, cancel }
}

/// How much of the draft's beginning is sent to look for a dateline.
const DATELINE_CHARS: usize = 2000;

/// While the new-article form is shown: starts the worker, and after a pause in typing asks it
/// for the date of the draft's dateline, which fills the date field when that is empty.
#[hook]
fn use_dateline_prefill(state: AppContext) {
    use_effect_with(state.view, |view| {
        if *view == View::NewArticle {
            worker_client::start();
        }
    });
    let wanted = (state.view == View::NewArticle && state.draft.date.is_empty())
        .then(|| state.draft.text.clone())
        .filter(|t| !t.trim().is_empty());
    use_effect_with(wanted, move |wanted| {
        let timeout = wanted.clone().map(|text| {
            gloo::timers::callback::Timeout::new(250, move || {
                let head: String = text.chars().take(DATELINE_CHARS).collect();
                worker_client::send(Task::Dateline, head, None, move |r| {
                    if let Some(date) = r.dateline {
                        state.dispatch(Action::DatelineFound(date));
                    }
                });
            })
        });
        move || drop(timeout)
    });
}
