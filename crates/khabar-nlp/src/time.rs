//! Time expressions (TIMEX3) and their resolution against the reference date.
//!
//! (Stub: the timeline issue (#5) fills this in.)

use crate::Document;
use crate::span::Span;
use jiff::civil::Date;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl TimeType {
    /// The TIMEX3 name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// One time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// Where it is.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimeType,
    /// Its TIMEX3 value, `None` when it needs an unknown reference date.
    pub value: Option<String>,
    /// Its TIMEX3 `mod`.
    pub modifier: Option<&'static str>,
}

/// A note about a time expression (code, English message, where).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeDiagnostic {
    /// Stable code, e.g. `weekday-mismatch`.
    pub code: &'static str,
    /// English message.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// What the time stage found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Times {
    /// Time expressions in text order, non-overlapping.
    pub exprs: Vec<TimeExpr>,
    /// Diagnostics.
    pub diagnostics: Vec<TimeDiagnostic>,
}

/// A publication date found in the text itself (a dateline, a date near the top), if any.
pub fn reference_from_text(doc: &Document<'_>) -> Option<Date> {
    let _ = doc;
    None
}

/// Finds and resolves the time expressions of a document.
pub fn find(doc: &Document<'_>, reference: Option<Date>) -> Times {
    let _ = (doc, reference);
    Times::default()
}
