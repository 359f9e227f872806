//! Share links, downloads and `.khabar.json` files in the app (issue 13), as pure functions:
//! the [`SharedView`] of the app's state and the actions that restore one, the i18n keys of
//! link and file errors, and the files the worker makes ([`export`]).
//!
//! The codec itself is `khabar_share`. The page calls only its light half
//! (`link::split`, `link::encode_packed`); packing and unpacking an article's text, reading a
//! bundle and making a file run in the analysis worker (`crate::worker`), so the page's wasm
//! links no compressor and no pretty printer.

use crate::state::{Action, AppState, KindGroup, Lang, Selection, View};
use khabar_nlp::analysis::ReferenceSource;
use khabar_share::bundle::BundleErrorKind;
use khabar_share::link::{self, Article, LinkErrorKind, SharedView};
use serde::{Deserialize, Serialize};

/// A file the reader can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// The analysis, as `khabar analyze --format json`.
    Json,
    /// TimeML, as `khabar analyze --format timeml`.
    Timeml,
    /// brat standoff, as `khabar analyze --format brat`.
    Brat,
    /// The timeline as CSV.
    Csv,
    /// The timeline's dated events as iCalendar.
    Ics,
    /// The `.khabar.json` bundle (text, date, analysis, selection).
    Bundle,
}

impl ExportFormat {
    /// Every format, in the order the menu lists them.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Bundle,
        ExportFormat::Json,
        ExportFormat::Timeml,
        ExportFormat::Brat,
        ExportFormat::Csv,
        ExportFormat::Ics,
    ];

    /// The format's name (`json`, `timeml`, `brat`, `csv`, `ics`, `bundle`).
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Timeml => "timeml",
            ExportFormat::Brat => "brat",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Bundle => "bundle",
        }
    }

    /// The format named `name`.
    pub fn parse(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the file name ends with.
    pub fn suffix(self) -> &'static str {
        match self {
            ExportFormat::Json => ".analysis.json",
            ExportFormat::Timeml => ".timeml.xml",
            ExportFormat::Brat => ".ann",
            ExportFormat::Csv => ".timeline.csv",
            ExportFormat::Ics => ".timeline.ics",
            ExportFormat::Bundle => ".khabar.json",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::Bundle => "application/json",
            ExportFormat::Timeml => "application/xml",
            ExportFormat::Brat => "text/plain;charset=utf-8",
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Ics => "text/calendar;charset=utf-8",
        }
    }

    /// The i18n key of its menu entry.
    pub fn label_key(self) -> &'static str {
        match self {
            ExportFormat::Json => "files.json",
            ExportFormat::Timeml => "files.timeml",
            ExportFormat::Brat => "files.brat",
            ExportFormat::Csv => "files.csv",
            ExportFormat::Ics => "files.ics",
            ExportFormat::Bundle => "files.bundle",
        }
    }
}

/// What the worker needs to make a file (sent as the JSON text of a `Task::Export` request).
///
/// The worker analyses the text again with the date instead of receiving the page's analysis:
/// the analysis is deterministic, so it is the one shown, and it is by construction what
/// `khabar analyze --date` prints for the same text; and the page's wasm need not serialise an
/// analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportInput {
    /// Which file.
    pub format: ExportFormat,
    /// The article text.
    pub text: String,
    /// The publication date the analysis was given, if any ([`given_date`]).
    pub date: Option<String>,
    /// The selection as a version-0 fragment (kept in a bundle).
    pub selection: String,
}

/// The file an [`ExportInput`] (as JSON) asks for; `None` when the JSON is not one.
pub fn export(input_json: &str) -> Option<String> {
    use khabar_share::export;
    let input: ExportInput = serde_json::from_str(input_json).ok()?;
    let text = &input.text;
    let analysis = crate::analyze(text, input.date.as_deref());
    let analysis = &analysis;
    Some(match input.format {
        ExportFormat::Json => export::analysis_json(analysis),
        ExportFormat::Timeml => export::timeml(text, analysis),
        ExportFormat::Brat => export::brat(analysis),
        ExportFormat::Csv => export::timeline_csv(analysis),
        ExportFormat::Ics => export::timeline_ics(text, analysis),
        ExportFormat::Bundle => {
            let mut bundle =
                khabar_share::bundle::Bundle::new(text, input.date.as_deref(), analysis);
            bundle.selection = (!input.selection.is_empty()).then_some(input.selection);
            khabar_share::bundle::write(&bundle)
        }
    })
}

/// The date a view of `state` should carry: the one the reader gave, not one the analysis
/// read from the text (which it reads again).
pub fn given_date(state: &AppState) -> Option<String> {
    (state.analysis.reference_source == ReferenceSource::Given)
        .then(|| state.reference_date.clone())
        .flatten()
}

/// The view of `state` as a link shows it: the page's own article by `slug`, a reader's own
/// by its text.
pub fn shared_view(state: &AppState, slug: &str) -> SharedView {
    let article = if state.pasted {
        Article::Text(state.text.to_string())
    } else {
        Article::Slug(slug.to_owned())
    };
    SharedView {
        date: if state.pasted {
            given_date(state)
        } else {
            None
        },
        article,
        selection: link_selection(state.selection.clone()),
        group: state.filters.group.map(|g| g.as_str().to_owned()),
        search: state.filters.search.clone(),
        view: Some(state.view.as_str().to_owned()),
        lang: Some(state.lang.tag().to_owned()),
    }
}

/// The actions that restore everything of `view` but its article (shown first), in order.
/// Names the app does not know (a group, view or language of a later version) are skipped.
pub fn restoring_actions(view: &SharedView) -> Vec<Action> {
    let mut actions = Vec::new();
    match view.lang.as_deref() {
        Some("ar") => actions.push(Action::SetLang(Lang::Ar)),
        Some("en") => actions.push(Action::SetLang(Lang::En)),
        _ => {}
    }
    if let Some(group) = view.group.as_deref().and_then(KindGroup::parse) {
        actions.push(Action::SetGroupFilter(Some(group)));
    }
    if !view.search.is_empty() {
        actions.push(Action::SetSearch(view.search.clone()));
    }
    match view.view.as_deref() {
        Some("reader") => actions.push(Action::ShowView(View::Reader)),
        Some("new-article") => actions.push(Action::ShowView(View::NewArticle)),
        _ => {}
    }
    actions.push(Action::RestoreSelection(match &view.selection {
        link::Selection::None => Selection::None,
        link::Selection::Entity { id, mention } => Selection::Entity {
            id: id.clone(),
            mention: *mention,
        },
        link::Selection::Event { id } => Selection::Event { id: id.clone() },
    }));
    actions
}

/// The app's selection as a share link carries it.
pub fn link_selection(selection: Selection) -> link::Selection {
    match selection {
        Selection::None => link::Selection::None,
        Selection::Entity { id, mention } => link::Selection::Entity { id, mention },
        Selection::Event { id } => link::Selection::Event { id },
    }
}

/// The slug of the article a page at `pathname` shows: `<slug>` in `…/a/<slug>/`, else the
/// bundled article (the site's root shows it).
pub fn page_slug(pathname: &str) -> String {
    let mut parts = pathname.split('/').filter(|p| !p.is_empty()).rev();
    match (parts.next(), parts.next()) {
        (Some(slug), Some("a")) => slug.to_owned(),
        _ => crate::BUNDLED_SLUG.to_owned(),
    }
}

/// The i18n key of a link error.
pub fn link_error_key(kind: LinkErrorKind) -> &'static str {
    match kind {
        LinkErrorKind::TooLong => "link.too_long",
        LinkErrorKind::UnknownVersion => "link.version",
        LinkErrorKind::Corrupt => "link.corrupt",
        LinkErrorKind::Truncated => "link.truncated",
        LinkErrorKind::TooLarge => "link.too_large",
        _ => "link.malformed",
    }
}

/// The i18n key of a bundle error.
pub fn bundle_error_key(kind: BundleErrorKind) -> &'static str {
    match kind {
        BundleErrorKind::TooLarge => "bundle.too_large",
        BundleErrorKind::UnknownSchema => "bundle.version",
        BundleErrorKind::Inconsistent => "bundle.inconsistent",
        _ => "bundle.not",
    }
}

/// Every message key a notice may carry.
pub const NOTICE_KEYS: [&str; 17] = [
    "link.too_long",
    "link.version",
    "link.malformed",
    "link.corrupt",
    "link.truncated",
    "link.too_large",
    "bundle.too_large",
    "bundle.version",
    "bundle.inconsistent",
    "bundle.not",
    "share.copied",
    "share.shared",
    "share.ready",
    "share.too_long",
    "share.failed",
    "error.worker",
    "error.cancelled",
];

/// The static key of a message `key` (from the worker, as a string); the worker's own error
/// key for anything unknown, so a hostile answer cannot choose the text shown.
pub fn notice_key(key: &str) -> &'static str {
    NOTICE_KEYS
        .into_iter()
        .find(|k| *k == key)
        .unwrap_or("error.worker")
}
