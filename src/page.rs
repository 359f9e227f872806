//! What a page prerendered at build time carries for the app: the article text, its date and its
//! analysis, as JSON in `<script type="application/json" id="khabar-page">`, next to the HTML
//! that Yew's server renderer made from them inside `<div id="khabar-root">`.
//!
//! The page's wasm reads this instead of analysing anything, and hydrates the HTML (see
//! `src/main.rs`); the build writes it (`src/prerender.rs`).

use khabar_nlp::Analysis;
use serde::{Deserialize, Serialize};

/// The `id` of the element the app is rendered into (and hydrated from).
pub const ROOT_ID: &str = "khabar-root";
/// The `id` of the `<script type="application/json">` holding the [`PageData`].
pub const DATA_ID: &str = "khabar-page";

/// An article with its analysis, as the page carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    /// The article text the analysis points into.
    pub text: String,
    /// The publication date `YYYY-MM-DD`, if known.
    pub published: Option<String>,
    /// The analysis of `text`.
    pub analysis: Analysis,
}

impl PageData {
    /// The data as JSON safe to place inside a `<script>` element: `<`, `>` and `&` (which only
    /// occur inside JSON strings) are written as `\u` escapes, so no `</script>` or `<!--` can
    /// end or change the element, and U+2028/U+2029 are escaped for old parsers.
    pub fn to_script_json(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "null".to_owned());
        let mut out = String::with_capacity(json.len() + 64);
        for c in json.chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                c => out.push(c),
            }
        }
        out
    }

    /// Reads what [`PageData::to_script_json`] wrote.
    pub fn from_script_json(json: &str) -> Option<PageData> {
        serde_json::from_str(json).ok()
    }
}
