//! The page's side of the analysis worker: one worker per page, started on first use (the
//! reader opens the new-article form, or `window.khabar.analyze` is called), never before.
//!
//! [`send`] posts a request and calls its callback with every message the worker sends for it
//! (progress reports, then the answer); [`cancel`] ends the worker (the only way to stop an
//! analysis that is running) and fails what was pending; the next request starts a new worker
//! (its files come from the browser's cache).
//!
//! A worker that crashes after it has loaded (a panic aborts its wasm) is restarted at once
//! (issue 15): what was pending fails with [`RESTARTED`] and the listener set with
//! [`on_restart`] is told, so that the page says so. A worker that fails to load is not
//! restarted (it would fail again): what was pending fails with [`FAILED`].

use crate::worker::{WORKER_SCRIPT, WorkerRequest, WorkerResponse};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// What a request's callback receives: every message for it, the final one last.
pub type OnMessage = Box<dyn FnMut(WorkerResponse)>;

/// Why a cancelled request ended (an i18n key).
pub const CANCELLED: &str = "error.cancelled";
/// Why a request ended when the worker could not run (an i18n key).
pub const FAILED: &str = "error.worker";
/// Why a request ended when the worker crashed and was restarted (an i18n key).
pub const RESTARTED: &str = crate::state::WORKER_RESTARTED;

struct Pending {
    request: WorkerRequest,
    posted: bool,
    on_message: Option<OnMessage>,
}

#[derive(Default)]
struct Client {
    worker: Option<web_sys::Worker>,
    ready: bool,
    next: u32,
    pending: BTreeMap<u32, Pending>,
    on_restart: Option<std::rc::Rc<dyn Fn()>>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Starts the worker now if it is not running (fetching its files), so that a request soon
/// after does not wait for them.
pub fn start() {
    CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        if client.worker.is_none() {
            client.worker = spawn();
            client.ready = false;
        }
    });
}

/// Posts `text` (published on `date`) with `task` to the worker; `on_message` gets every
/// message for it. Returns the request's id, for [`cancel`].
pub fn send(
    task: crate::worker::Task,
    text: String,
    date: Option<String>,
    on_message: impl FnMut(WorkerResponse) + 'static,
) -> u32 {
    start();
    let id = CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        client.next += 1;
        let id = client.next;
        let request = WorkerRequest {
            request: id,
            text,
            date,
            task,
        };
        client.pending.insert(
            id,
            Pending {
                request,
                posted: false,
                on_message: Some(Box::new(on_message)),
            },
        );
        id
    });
    flush();
    if CLIENT.with(|c| c.borrow().worker.is_none()) {
        fail_all(FAILED);
    }
    id
}

/// Stops request `id` if it is still running: ends the worker and fails every pending request
/// with [`CANCELLED`].
pub fn cancel(id: u32) {
    let running = CLIENT.with(|c| c.borrow().pending.contains_key(&id));
    if !running {
        return;
    }
    CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        if let Some(worker) = client.worker.take() {
            worker.terminate();
        }
        client.ready = false;
    });
    fail_all(CANCELLED);
}

/// Calls `listener` whenever the worker crashed and was restarted (replacing any listener).
pub fn on_restart(listener: impl Fn() + 'static) {
    CLIENT.with(|c| c.borrow_mut().on_restart = Some(std::rc::Rc::new(listener)));
}

/// Ends the worker as a crash would, and handles it as a crash (a test hook:
/// `window.khabar.killWorker()`, issue 15). Does nothing when no worker runs.
pub fn kill() {
    let loaded = CLIENT.with(|c| {
        let client = c.borrow();
        client.worker.is_some() && client.ready
    });
    if loaded {
        crashed();
    }
}

/// The worker stopped: ends it and fails what was pending; when it had loaded (a crash rather
/// than a failure to load), starts a new one and tells the listener.
fn crashed() {
    let restart = CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        let had_loaded = client.ready;
        if let Some(worker) = client.worker.take() {
            worker.terminate();
        }
        client.ready = false;
        if had_loaded {
            client.worker = spawn();
        }
        had_loaded.then(|| client.on_restart.clone())
    });
    match restart {
        Some(listener) => {
            fail_all(RESTARTED);
            if let Some(listener) = listener {
                listener();
            }
        }
        None => fail_all(FAILED),
    }
}

/// Whether the worker has been started on this page.
pub fn started() -> bool {
    CLIENT.with(|c| c.borrow().worker.is_some())
}

/// Posts every pending request not yet posted, once the worker is ready.
fn flush() {
    CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        let Client {
            worker,
            ready,
            pending,
            ..
        } = &mut *client;
        let Some(worker) = worker.as_ref().filter(|_| *ready) else {
            return;
        };
        for p in pending.values_mut().filter(|p| !p.posted) {
            if let Ok(json) = serde_json::to_string(&p.request) {
                p.posted = worker.post_message(&json.into()).is_ok();
            }
        }
    });
}

/// Hands `response` to its request's callback (outside the borrow: the callback may send).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn deliver(response: WorkerResponse) {
    let id = response.request;
    let last = response.is_final();
    let callback = CLIENT.with(|c| {
        let mut client = c.borrow_mut();
        if last {
            client
                .pending
                .remove(&id)
                .and_then(|mut p| p.on_message.take())
        } else {
            client
                .pending
                .get_mut(&id)
                .and_then(|p| p.on_message.take())
        }
    });
    let Some(mut callback) = callback else {
        return;
    };
    callback(response);
    if !last {
        CLIENT.with(|c| {
            if let Some(p) = c.borrow_mut().pending.get_mut(&id) {
                p.on_message = Some(callback);
            }
        });
    }
}

/// Ends every pending request with the error `key`.
fn fail_all(key: &str) {
    let pending = CLIENT.with(|c| std::mem::take(&mut c.borrow_mut().pending));
    for (id, mut p) in pending {
        if let Some(callback) = p.on_message.as_mut() {
            callback(WorkerResponse {
                request: id,
                error: Some(key.to_owned()),
                ..WorkerResponse::default()
            });
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn spawn() -> Option<web_sys::Worker> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let worker = web_sys::Worker::new(WORKER_SCRIPT).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let json = event.data().as_string().unwrap_or_default();
            let response = match serde_json::from_str::<WorkerResponse>(&json) {
                Ok(response) => response,
                Err(_) => return,
            };
            if response.ready {
                CLIENT.with(|c| c.borrow_mut().ready = true);
                flush();
            } else {
                deliver(response);
            }
        });
    // The worker could not load, or crashed: see `crashed`.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| crashed());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    Some(worker)
}

/// Natively (server rendering, tests) there is no worker: requests fail with [`FAILED`].
#[cfg(not(target_arch = "wasm32"))]
fn spawn() -> Option<web_sys::Worker> {
    let _ = WORKER_SCRIPT;
    None
}
