//! The first-view benchmark (issue 12; feature `e2e`, run by `cargo xtask bench`): the built
//! `dist/` in headless Chromium, through the end-to-end harness (`tests/e2e/`).
//!
//! For the bundled article: first contentful paint, time to interactive (the first click on a
//! name that the app handles), and the bytes transferred. For a 1 MB paste: time to the worker's
//! first progress report, to the full analysis shown, and the longest main-thread frame
//! (PerformanceObserver `long-animation-frame`: a task with the style, layout and paint it
//! caused, which `longtask` entries leave out). Prints a table; asserts nothing about time.
//!
//! `khabar-firstview-bench [DIST]` (default `$KHABAR_DIST`, then `dist`).

#[path = "../../tests/e2e/browser.rs"]
#[allow(dead_code)]
mod browser;
#[path = "../../tests/e2e/server.rs"]
#[allow(dead_code)]
mod server;

use browser::{Browser, Options, Result};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the 1 MB analysis may take before the bench gives up.
const PASTE_LIMIT: Duration = Duration::from_secs(900);
/// The size of the pasted text.
const PASTE_BYTES: usize = 1_000_000;

fn main() {
    let dist = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("KHABAR_DIST").ok())
        .map_or_else(|| PathBuf::from("dist"), PathBuf::from);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    let result = match runtime {
        Ok(rt) => rt.block_on(run(&dist)),
        Err(e) => Err(e.into()),
    };
    if let Err(e) = result {
        eprintln!("khabar-firstview-bench: {e}");
        std::process::exit(1);
    }
}

async fn run(dist: &Path) -> Result<()> {
    let server = server::StaticServer::start(dist, "/")?;
    let options = Options {
        no_load_wait: true,
        ..Options::default()
    };
    let browser = Browser::start_with(1280, 800, options).await?;
    let client = browser.client();
    let start = Instant::now();
    client.goto(&server.url()).await?;
    // Time to interactive: click a name until the app reports the selection.
    let tti = loop {
        let value = client
            .execute(
                "const el = document.querySelector('.article .mention');
                 if (el) el.click();
                 const s = window.khabar && window.khabar.state && window.khabar.state();
                 return s && s.selection.kind === 'entity' ? performance.now() : null;",
                Vec::new(),
            )
            .await?;
        if let Some(t) = value.as_f64() {
            break t;
        }
        if start.elapsed() > Duration::from_secs(60) {
            return Err("the page never became interactive".into());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let first: Value = client
        .execute(
            "const paint = performance.getEntriesByName('first-contentful-paint')[0];
             const nav = performance.getEntriesByType('navigation')[0];
             const res = performance.getEntriesByType('resource');
             return {
               fcp: paint ? paint.startTime : null,
               files: [nav, ...res].map(e => ({ name: e.name, size: e.transferSize })),
             };",
            Vec::new(),
        )
        .await?;
    let files = first["files"].as_array().cloned().unwrap_or_default();
    let transferred: u64 = files.iter().filter_map(|f| f["size"].as_u64()).sum();
    let fetched: Vec<String> = files
        .iter()
        .filter_map(|f| f["name"].as_str())
        .filter_map(|url| local_file(dist, url))
        .map(|p| p.strip_prefix(dist).unwrap_or(&p).display().to_string())
        .collect();

    println!("first view (bundled article, headless Chromium, local server)");
    println!("{:<44} {:>14}", "measure", "value");
    let fcp = first["fcp"]
        .as_f64()
        .map_or("-".into(), |v| format!("{v:.0} ms"));
    println!("{:<44} {fcp:>14}", "first contentful paint");
    println!(
        "{:<44} {:>14}",
        "time to interactive (first click handled)",
        format!("{tti:.0} ms")
    );
    println!(
        "{:<44} {:>14}",
        "bytes transferred (uncompressed server)", transferred
    );
    println!("{:<44} {:>14}", "requests", files.len());
    println!("files fetched: {}", fetched.join(" "));

    // The 1 MB paste.
    let paste = paste_text();
    client
        .execute(
            "document.querySelector('.masthead button.masthead__tab[data-view=\"new-article\"]').click();
             return null;",
            Vec::new(),
        )
        .await?;
    wait_for(
        client,
        "the form",
        "return !!document.querySelector('#new-text');",
    )
    .await?;
    let t0: f64 = client
        .execute(
            "window.__bench = { paste: 0, longest: 0, progress: null, done: null, submit: null };
             new PerformanceObserver(list => {
               for (const e of list.getEntries()) {
                 const after = window.__bench.submit !== null && e.startTime >= window.__bench.submit;
                 const key = after ? 'longest' : 'paste';
                 window.__bench[key] = Math.max(window.__bench[key], e.duration);
               }
             }).observe({ type: 'long-animation-frame' });
             new MutationObserver(() => {
               if (window.__bench.progress === null && document.querySelector('.new-article__steps'))
                 window.__bench.progress = performance.now();
             }).observe(document.body, { childList: true, subtree: true });
             const area = document.querySelector('#new-text');
             area.value = arguments[0];
             area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
             const t0 = performance.now();
             setTimeout(() => {
               window.__bench.submit = performance.now();
               document.querySelector('.new-article__submit').click();
             }, 0);
             return t0;",
            vec![json!(paste)],
        )
        .await?
        .as_f64()
        .unwrap_or_default();
    let started = Instant::now();
    let done: Value = loop {
        let value = client
            .execute(
                "const s = window.khabar.state();
                 if (s.progress === 'idle' && s.view === 'reader' && s.request > 0
                     && !document.querySelector('.article[aria-busy]')) {
                   if (window.__bench.done === null) window.__bench.done = performance.now();
                   return window.__bench;
                 }
                 return s.progress === 'failed' ? { failed: true } : null;",
                Vec::new(),
            )
            .await?;
        if !value.is_null() {
            break value;
        }
        if started.elapsed() > PASTE_LIMIT {
            return Err("the 1 MB analysis did not finish".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let ms = |v: &Value| {
        v.as_f64()
            .map_or("-".to_owned(), |t| format!("{:.0} ms", t - t0))
    };
    println!("1 MB paste ({} bytes)", paste.len());
    if done["failed"] == true {
        println!("the analysis failed");
    } else {
        println!(
            "{:<44} {:>14}",
            "first progress update",
            ms(&done["progress"])
        );
        println!("{:<44} {:>14}", "full analysis shown", ms(&done["done"]));
        let paste = done["paste"].as_f64().unwrap_or_default();
        println!(
            "{:<44} {:>14}",
            "the paste itself (browser lays out the text area)",
            format!("{paste:.0} ms")
        );
        let longest = done["longest"].as_f64().unwrap_or_default();
        println!(
            "{:<44} {:>14}",
            "longest main-thread frame after submitting",
            format!("{longest:.0} ms")
        );
    }
    browser.close().await?;
    drop(server);
    Ok(())
}

/// About 1 MB of Arabic news text: the bundled article's paragraphs, repeated.
fn paste_text() -> String {
    let mut text = String::with_capacity(PASTE_BYTES + khabar::BUNDLED_TEXT.len());
    while text.len() < PASTE_BYTES {
        text.push_str(khabar::BUNDLED_TEXT);
        text.push('\n');
    }
    text
}

/// The file of `dist` a URL of the local server points to.
fn local_file(dist: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split("://").nth(1)?.split_once('/')?.1;
    let path = path.split(['?', '#']).next()?;
    let file = dist.join(path);
    if file.is_file() {
        Some(file)
    } else {
        Some(file.join("index.html")).filter(|f| f.is_file())
    }
}

async fn wait_for(client: &fantoccini::Client, what: &str, script: &str) -> Result<()> {
    let start = Instant::now();
    loop {
        if client.execute(script, Vec::new()).await? == json!(true) {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(30) {
            return Err(format!("timed out waiting for {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
