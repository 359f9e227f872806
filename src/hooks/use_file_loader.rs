//! Reads a dropped or opened file: a `.txt`/`.html` file as UTF-8 text (HTML reduced to text),
//! a `.json` file (a `.khabar.json` bundle, issue 13) as its UTF-8 contents for the worker to
//! read.

use crate::state::looks_like_html;
use khabar_nlp::html_to_text;
use yew::prelude::*;

/// A callback that reads a file and emits its text through `on_text` (or, for a `.json` file or
/// text that starts with `{`, its contents through `on_bundle`), or an i18n error key through
/// `on_error` when it is not UTF-8.
#[hook]
pub fn use_file_loader(
    on_text: Callback<String>,
    on_error: Callback<&'static str>,
    on_bundle: Callback<String>,
) -> Callback<web_sys::File> {
    Callback::from(move |file: web_sys::File| {
        let on_text = on_text.clone();
        let on_error = on_error.clone();
        let on_bundle = on_bundle.clone();
        let name = file.name().to_lowercase();
        let html_name = name.ends_with(".html") || name.ends_with(".htm");
        let json_name = name.ends_with(".json");
        wasm_bindgen_futures::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let bytes = buffer.map(|b| js_sys::Uint8Array::new(&b).to_vec());
            match bytes.ok().and_then(|b| String::from_utf8(b).ok()) {
                Some(text) if json_name || text.trim_start().starts_with('{') => {
                    on_bundle.emit(text)
                }
                Some(text) if html_name || looks_like_html(&text) => {
                    on_text.emit(html_to_text(&text))
                }
                Some(text) => on_text.emit(text),
                None => on_error.emit("error.file"),
            }
        });
    })
}
