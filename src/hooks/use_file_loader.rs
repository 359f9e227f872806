//! Reads a dropped or opened `.txt`/`.html` file as UTF-8 text (HTML reduced to text).

use crate::state::looks_like_html;
use khabar_nlp::html_to_text;
use yew::prelude::*;

/// A callback that reads a file and emits its text through `on_text`, or an i18n error key
/// through `on_error` when it is not UTF-8.
#[hook]
pub fn use_file_loader(
    on_text: Callback<String>,
    on_error: Callback<&'static str>,
) -> Callback<web_sys::File> {
    Callback::from(move |file: web_sys::File| {
        let on_text = on_text.clone();
        let on_error = on_error.clone();
        let html_name = {
            let name = file.name().to_lowercase();
            name.ends_with(".html") || name.ends_with(".htm")
        };
        wasm_bindgen_futures::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let bytes = buffer.map(|b| js_sys::Uint8Array::new(&b).to_vec());
            match bytes.ok().and_then(|b| String::from_utf8(b).ok()) {
                Some(text) if html_name || looks_like_html(&text) => {
                    on_text.emit(html_to_text(&text))
                }
                Some(text) => on_text.emit(text),
                None => on_error.emit("error.file"),
            }
        });
    })
}
