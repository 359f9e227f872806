//! Time expressions (TIMEX3) and their resolution against the reference date.
//!
//! Recognition is rule based over the tokens (`recognize`), with every word list in
//! `data/time/*.tsv` (`lexicon`): five month systems with their «X/Y» and «X (Y)» double forms,
//! Hijri dates (converted with `icu_calendar`'s Umm al-Qura calendar), weekdays, deictic days,
//! this/last/next units, START/MID/END anchors, offsets («منذ ثلاثة أيام»), durations, sets,
//! decades, centuries, reference words and clock times. Values are resolved while recognising,
//! against the reference date, with a past bias unless a future cue is near; without a
//! reference date, values that need one stay `None`. No clock is ever read.

mod calendar;
#[cfg(feature = "eval")]
pub mod eval;
mod lexicon;
mod recognize;
mod words;

pub use calendar::interval;
// What the events stage reads from time besides `TimeExpr` (issue 14: events imports these, never
// time's submodules): the word view of the tokens and the future-tense verb cue.
pub(crate) use recognize::future_verb;
pub(crate) use words::{Word, words as word_view};

pub use crate::analysis::TimeType;
use crate::document::Document;
use crate::span::Span;
use jiff::civil::Date;

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

/// A publication date found in the text itself (a dateline, a date near the top), if any: the
/// first full calendar date in the first three sentences (or first 400 bytes).
pub fn reference_from_text(doc: &Document<'_>) -> Option<Date> {
    let limit = doc
        .sentences
        .get(2)
        .map_or(doc.text.len(), |s| s.end)
        .max(400.min(doc.text.len()));
    let ctx = recognize::Ctx::new(doc, None);
    recognize::scan(&ctx)
        .into_iter()
        .take_while(|h| h.start < limit)
        .find_map(|h| match h.val {
            recognize::Val::Day(d) => Some(d),
            recognize::Val::Time(d, _) => Some(d),
            _ => None,
        })
}

/// Finds and resolves the time expressions of a document.
pub fn find(doc: &Document<'_>, reference: Option<Date>) -> Times {
    let ctx = recognize::Ctx::new(doc, reference);
    let mut times = Times::default();
    for h in recognize::scan(&ctx) {
        let span = Span::new(h.start, h.end);
        if let (Some(wd), Some(day)) = (h.weekday, day_of(&h.val)) {
            let actual = calendar::weekday(day);
            if actual != wd {
                times.diagnostics.push(TimeDiagnostic {
                    code: "weekday-mismatch",
                    message: format!(
                        "the text names {} but {day} is a {}",
                        weekday_name(wd),
                        weekday_name(actual)
                    ),
                    span,
                });
            }
        }
        times.exprs.push(TimeExpr {
            span,
            kind: h.kind,
            value: h.val.render(),
            modifier: h.modifier,
        });
    }
    times
}

fn day_of(v: &recognize::Val) -> Option<Date> {
    match v {
        recognize::Val::Day(d) | recognize::Val::Time(d, _) => Some(*d),
        _ => None,
    }
}

fn weekday_name(wd: u8) -> &'static str {
    match wd {
        1 => "Monday",
        2 => "Tuesday",
        3 => "Wednesday",
        4 => "Thursday",
        5 => "Friday",
        6 => "Saturday",
        _ => "Sunday",
    }
}
