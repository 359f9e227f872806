//! The khabar web app: Yew components that show an [`khabar_nlp::Analysis`] of an Arabic article.
//!
//! The app only reads `Analysis` (and the article text it points into); it never reaches back
//! into the analysis stages. The page gets its analysis from the build ([`page`], written by
//! `prerender`) or from the Web Worker ([`worker`], [`worker_client`]), which alone runs the
//! pipeline; [`analyze`] is what the worker, the build and the tests call.
//! [`state`] holds the one store, [`components`] one component per file, [`hooks`] one browser
//! hook per file; [`article`], [`timex`] and [`i18n`] are pure helpers the components use.

pub mod article;
pub mod civil;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod js_api;
pub mod page;
#[cfg(all(feature = "prerender", not(target_arch = "wasm32")))]
pub mod prerender;
pub mod share;
#[cfg(all(feature = "prerender", not(target_arch = "wasm32")))]
pub mod site;
pub mod state;
pub mod timex;
pub mod worker;
pub mod worker_client;

pub use components::app::{App, AppProps};

/// The bundled article's slug (its file name in `articles/`), what a share link names it by.
pub const BUNDLED_SLUG: &str = "biden-putin-summit";
/// The bundled article, shown when the explorer opens.
pub const BUNDLED_TEXT: &str = include_str!("../articles/biden-putin-summit.txt");
/// The bundled article's metadata (`published = "YYYY-MM-DD"`, …).
const BUNDLED_METADATA: &str = include_str!("../articles/biden-putin-summit.toml");
/// The bundled article's publication date, read from its metadata file at compile time.
pub const BUNDLED_PUBLISHED: &str = metadata_value(BUNDLED_METADATA, b"published");

/// The quoted value of `key = "…"` at the start of a line of a flat TOML text; fails the build
/// when the key is missing.
const fn metadata_value(metadata: &'static str, key: &[u8]) -> &'static str {
    let bytes = metadata.as_bytes();
    let mut i = 0;
    while i + key.len() < bytes.len() {
        let at_line_start = i == 0 || bytes[i - 1] == b'\n';
        let mut j = 0;
        while j < key.len() && bytes[i + j] == key[j] {
            j += 1;
        }
        if at_line_start && j == key.len() {
            let (_, rest) = bytes.split_at(i + key.len());
            let mut start = 0;
            while start < rest.len() && (rest[start] == b' ' || rest[start] == b'=') {
                start += 1;
            }
            if start < rest.len() && rest[start] == b'"' {
                let (_, value) = rest.split_at(start + 1);
                let mut end = 0;
                while end < value.len() && value[end] != b'"' {
                    end += 1;
                }
                let (value, _) = value.split_at(end);
                if let Ok(value) = core::str::from_utf8(value) {
                    return value;
                }
            }
        }
        i += 1;
    }
    panic!("articles/biden-putin-summit.toml lacks a quoted value for a required key")
}

/// Analyses `text` with the publication date `published` (`YYYY-MM-DD`; ignored when unreadable).
pub fn analyze(text: &str, published: Option<&str>) -> khabar_nlp::Analysis {
    let reference_date = published.and_then(|d| d.trim().parse().ok());
    khabar_nlp::analyze(text, &khabar_nlp::Config { reference_date })
}
