//! The `.khabar.json` file: an article, its publication date and its analysis, so that a view
//! too large for a link can be sent as a file and opened again (issue 13).
//!
//! ```json
//! {"schema": "khabar.bundle/1", "text": "…", "date": "2023-03-15", "analysis": {"schema": "khabar.analysis/1", …}, "selection": "entity=e1&mention=0"}
//! ```
//!
//! [`read`] refuses files over [`MAX_BUNDLE_BYTES`], other schemas, and analyses whose offsets
//! do not fit the text (so the app never slices past its end); it never panics.

use khabar_nlp::Analysis;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema tag of a bundle.
pub const SCHEMA: &str = "khabar.bundle/1";

/// The largest bundle [`read`] accepts (32 MiB: a 1 MB article's analysis is a few MB).
pub const MAX_BUNDLE_BYTES: usize = 32 << 20;

/// An article with its analysis, as a `.khabar.json` file carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The article text the analysis points into.
    pub text: String,
    /// The publication date `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// The analysis of `text` (schema `khabar.analysis/1`).
    pub analysis: Analysis,
    /// What was selected when the file was saved, as a version-0 link fragment
    /// (`entity=e1&mention=2`, `event=v1`; read with [`crate::link::decode`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
}

impl Bundle {
    /// A bundle of `text`, published on `date`, with its `analysis`.
    pub fn new(text: &str, date: Option<&str>, analysis: &Analysis) -> Bundle {
        Bundle {
            schema: SCHEMA.to_owned(),
            text: text.to_owned(),
            date: date.map(str::to_owned),
            analysis: analysis.clone(),
            selection: None,
        }
    }
}

/// Why a file could not be read as a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    kind: BundleErrorKind,
}

/// The kinds of [`BundleError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BundleErrorKind {
    /// Larger than [`MAX_BUNDLE_BYTES`].
    TooLarge,
    /// Not JSON, or not a bundle's fields.
    NotABundle,
    /// A bundle of another schema (a newer version of khabar wrote it).
    UnknownSchema,
    /// The analysis does not fit the text (offsets past its end, or reversed).
    Inconsistent,
}

impl BundleError {
    fn new(kind: BundleErrorKind) -> BundleError {
        BundleError { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> BundleErrorKind {
        self.kind
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            BundleErrorKind::TooLarge => "the file is too large",
            BundleErrorKind::NotABundle => "the file is not a khabar bundle",
            BundleErrorKind::UnknownSchema => "the file was made by a newer version of khabar",
            BundleErrorKind::Inconsistent => "the file's analysis does not fit its text",
        })
    }
}

impl std::error::Error for BundleError {}

/// The bundle as the `.khabar.json` file's text (pretty JSON, a final newline).
pub fn write(bundle: &Bundle) -> String {
    let mut json = serde_json::to_string_pretty(bundle).unwrap_or_default();
    json.push('\n');
    json
}

/// Reads a `.khabar.json` file.
pub fn read(bytes: &[u8]) -> Result<Bundle, BundleError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(BundleError::new(BundleErrorKind::TooLarge));
    }
    /// Only the schema, read first: a newer bundle may have other fields.
    #[derive(Deserialize)]
    struct Head {
        schema: Option<String>,
    }
    let head: Head =
        serde_json::from_slice(bytes).map_err(|_| BundleError::new(BundleErrorKind::NotABundle))?;
    match head.schema.as_deref() {
        Some(SCHEMA) => {}
        Some(s) if s.starts_with("khabar.bundle/") => {
            return Err(BundleError::new(BundleErrorKind::UnknownSchema));
        }
        _ => return Err(BundleError::new(BundleErrorKind::NotABundle)),
    }
    let bundle: Bundle =
        serde_json::from_slice(bytes).map_err(|_| BundleError::new(BundleErrorKind::NotABundle))?;
    if bundle.analysis.schema != khabar_nlp::analysis::SCHEMA {
        return Err(BundleError::new(BundleErrorKind::UnknownSchema));
    }
    if !fits(&bundle.analysis, bundle.text.chars().count()) {
        return Err(BundleError::new(BundleErrorKind::Inconsistent));
    }
    Ok(bundle)
}

/// Whether every range of `analysis` lies within a text of `len` code points.
fn fits(analysis: &Analysis, len: usize) -> bool {
    let ok = |start: usize, end: usize| start <= end && end <= len;
    let a = analysis;
    a.structure.iter().all(|b| ok(b.start, b.end))
        && a.sentences.iter().all(|r| ok(r.start, r.end))
        && a.entities
            .iter()
            .flat_map(|e| &e.mentions)
            .all(|m| ok(m.start, m.end))
        && a.times.iter().all(|t| ok(t.start, t.end))
        && a.events.iter().all(|v| {
            ok(v.sentence.start, v.sentence.end)
                && ok(v.trigger.start, v.trigger.end)
                && v.evidence.iter().all(|r| ok(r.start, r.end))
        })
        && a.quotes.iter().all(|q| ok(q.start, q.end))
        && a.diagnostics
            .iter()
            .all(|d| ok(d.start.unwrap_or(0), d.end.or(d.start).unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bundle {
        let text = "الرباط (رويترز) - قال وزير الخارجية المغربي ناصر بوريطة يوم الثلاثاء إنه سيلتقي نظيره الإسباني.";
        let analysis = khabar_nlp::analyze(
            text,
            &khabar_nlp::Config {
                reference_date: "2023-03-15".parse().ok(),
            },
        );
        Bundle::new(text, Some("2023-03-15"), &analysis)
    }

    #[test]
    fn a_bundle_round_trips() {
        let bundle = sample();
        let file = write(&bundle);
        assert!(
            file.starts_with("{\n  \"schema\": \"khabar.bundle/1\""),
            "{file}"
        );
        assert_eq!(read(file.as_bytes()), Ok(bundle));
    }

    fn kind(bytes: &[u8]) -> BundleErrorKind {
        read(bytes).unwrap_err().kind()
    }

    #[test]
    fn bad_files_fail_with_their_kind() {
        assert_eq!(kind(b""), BundleErrorKind::NotABundle);
        assert_eq!(kind(b"\xff\xfe"), BundleErrorKind::NotABundle);
        assert_eq!(
            kind(b"{\"schema\": \"other\"}"),
            BundleErrorKind::NotABundle
        );
        assert_eq!(
            kind(b"{\"schema\": \"khabar.bundle/2\"}"),
            BundleErrorKind::UnknownSchema
        );
        assert_eq!(
            kind(b"{\"schema\": \"khabar.bundle/1\", \"text\": 3}"),
            BundleErrorKind::NotABundle
        );
        let mut short = sample();
        short.text = "قصير".into();
        assert_eq!(
            kind(write(&short).as_bytes()),
            BundleErrorKind::Inconsistent
        );
        let mut other = sample();
        other.analysis.schema = "khabar.analysis/9".into();
        assert_eq!(
            kind(write(&other).as_bytes()),
            BundleErrorKind::UnknownSchema
        );
        let huge = vec![b' '; MAX_BUNDLE_BYTES + 1];
        assert_eq!(kind(&huge), BundleErrorKind::TooLarge);
    }
}
