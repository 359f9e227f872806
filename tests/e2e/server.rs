//! A tiny static file server for `dist/`, started and stopped by the test (std threads only).
//!
//! Serves the directory under a path prefix (`/` or a subpath such as `/khabar/`), with the MIME
//! types a browser insists on (`application/wasm`, `text/javascript`, `font/woff2`, …). It stops
//! when dropped. It records every path requested, and can hold back the answers to some paths
//! until the test releases them (issue 12: to see what the page shows before its wasm arrives).

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a held answer waits for [`StaticServer::release`] at most.
const HOLD_LIMIT: Duration = Duration::from_secs(60);

/// A request the server saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The path, without query or fragment.
    pub path: String,
    /// Its `Sec-Fetch-Dest` header (`document`, `script`, `worker`, `empty`, …), or empty: tells
    /// a page starting a worker (`worker`) from a service worker caching its file (`empty`).
    pub dest: String,
}

/// What the connections share: the requests seen, and the gate of held answers.
#[derive(Debug, Default)]
struct Shared {
    requests: Mutex<Vec<Seen>>,
    /// File names ending with this are held while the flag is set.
    held_suffix: Mutex<Option<String>>,
    released: Condvar,
}

/// A running server; dropping it stops it.
#[derive(Debug)]
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    stop: Arc<AtomicBool>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` at `http://127.0.0.1:<free port><prefix>`; `prefix` starts and ends with `/`.
    pub fn start(root: &Path, prefix: &str) -> std::io::Result<Self> {
        Self::start_holding(root, prefix, None)
    }

    /// Like [`StaticServer::start`], holding back the answer to any file whose name ends with
    /// `held_suffix` until [`StaticServer::release`].
    pub fn start_holding(
        root: &Path,
        prefix: &str,
        held_suffix: Option<&str>,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Shared {
            held_suffix: Mutex::new(held_suffix.map(str::to_owned)),
            ..Shared::default()
        });
        let root = root.to_path_buf();
        let thread = {
            let stop = Arc::clone(&stop);
            let shared = Arc::clone(&shared);
            let prefix = prefix.to_owned();
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (root, prefix, shared) = (root.clone(), prefix.clone(), shared.clone());
                    // One thread per connection: browsers open idle speculative connections.
                    std::thread::spawn(move || {
                        let _ = serve_one(stream, &root, &prefix, &shared);
                    });
                }
            })
        };
        Ok(Self {
            addr,
            prefix: prefix.to_owned(),
            stop,
            shared,
            thread: Some(thread),
        })
    }

    /// Answers the held requests (and every later one).
    pub fn release(&self) {
        if let Ok(mut held) = self.shared.held_suffix.lock() {
            *held = None;
        }
        self.shared.released.notify_all();
    }

    /// Every path requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.seen().into_iter().map(|s| s.path).collect()
    }

    /// Every request so far, in order, with its fetch destination.
    pub fn seen(&self) -> Vec<Seen> {
        self.shared
            .requests
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default()
    }

    /// Stops answering: the port refuses connections from now on, as a server gone offline
    /// would (issue 13). Idempotent; dropping the server stops it too.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag and closes the listener.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// The URL of the site's index page.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The `Content-Type` for a file name.
pub fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "tsv" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Waits while `path` is held back (at most [`HOLD_LIMIT`]).
fn wait_while_held(shared: &Shared, path: &str) {
    let Ok(mut held) = shared.held_suffix.lock() else {
        return;
    };
    let start = std::time::Instant::now();
    while held.as_deref().is_some_and(|suffix| path.ends_with(suffix)) {
        let left = HOLD_LIMIT.saturating_sub(start.elapsed());
        if left.is_zero() {
            return;
        }
        match shared.released.wait_timeout(held, left) {
            Ok((guard, _)) => held = guard,
            Err(_) => return,
        }
    }
}

fn serve_one(stream: TcpStream, root: &Path, prefix: &str, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers, keeping the fetch destination.
    let mut dest = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("sec-fetch-dest")
        {
            dest = value.trim().to_owned();
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if let Ok(mut requests) = shared.requests.lock() {
        requests.push(Seen {
            path: path.to_owned(),
            dest,
        });
    }
    wait_while_held(shared, path);
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            method,
        );
    }
    match resolve(root, prefix, path) {
        Some(file) => match std::fs::read(&file) {
            Ok(body) => respond(&mut out, "200 OK", mime_type(&file), &body, method),
            Err(_) => respond(
                &mut out,
                "404 Not Found",
                "text/plain",
                b"not found",
                method,
            ),
        },
        None => respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            b"not found",
            method,
        ),
    }
}

/// The file for a request path, if it is under `prefix` and inside `root`.
fn resolve(root: &Path, prefix: &str, path: &str) -> Option<PathBuf> {
    let rest = path
        .strip_prefix(prefix)
        .or_else(|| (path == prefix.trim_end_matches('/')).then_some(""))?;
    let relative = Path::new(rest);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    if file.is_file() {
        Some(file)
    } else if rest.is_empty() || rest.ends_with('/') || relative.extension().is_none() {
        // The app's entry page (also for client-side routes).
        Some(root.join("index.html"))
    } else {
        None
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(body)?;
    }
    out.flush()
}
