//! The analysis Web Worker (wasm only): receives `{request, text, date}`, posts back
//! `{request, analysis}` or `{request, error}`, so the page stays responsive on long texts.

#[cfg(target_arch = "wasm32")]
fn main() {
    khabar::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("khabar-worker is the analysis Web Worker of the web app (wasm32 only).");
}
