//! The khabar web app: Yew components that show an [`khabar_nlp::Analysis`] of an Arabic article.
//!
//! The app only reads `Analysis` (and the article text it points into); it never reaches back
//! into the analysis stages, except to run the whole pipeline (in a Web Worker when it can).
//! [`state`] holds the one store, [`components`] one component per file, [`hooks`] one browser
//! hook per file; [`article`], [`timex`] and [`i18n`] are pure helpers the components use.

pub mod article;
pub mod components;
pub mod fixture;
pub mod hooks;
pub mod i18n;
pub mod js_api;
pub mod state;
pub mod timex;
pub mod worker;

pub use components::app::{App, AppProps};

/// The bundled article, shown when the explorer opens.
pub const BUNDLED_TEXT: &str = include_str!("../articles/biden-putin-summit.txt");
/// The bundled article's publication date (from its metadata file).
pub const BUNDLED_PUBLISHED: &str = "2021-04-16";

/// Analyses `text` with the publication date `published` (`YYYY-MM-DD`; ignored when unreadable).
pub fn analyze(text: &str, published: Option<&str>) -> khabar_nlp::Analysis {
    let reference_date = published.and_then(|d| d.trim().parse().ok());
    khabar_nlp::analyze(text, &khabar_nlp::Config { reference_date })
}
