//! Time expressions (TIMEX3) and their resolution against the reference date.
//!
//! Recognition is rule based over the tokens (`recognize`, one file per family of rules under
//! `recognize/`), with every word list in `data/time/*.tsv` (`lexicon`): five month systems with
//! their «X/Y» and «X (Y)» double forms, «شهر» + a month number, Hijri dates and holidays
//! (converted with `icu_calendar`'s Umm al-Qura calendar), weekdays (n-th of a month, of a
//! relative week), deictic days in MSA and dialect, this/last/next units, START/MID/END anchors,
//! offsets («منذ ثلاثة أيام»), durations, sets, decades, centuries, reference words and clock
//! times with minutes in words. Each rule yields an unresolved value (`spec`) — what the text
//! says — and never reads the reference date; `resolve` is the one place that does (and the
//! one that reads the date an anaphor is anchored on), turning each spec into a typed
//! [`Value`] in one walk over the expressions in text order; the contract's `value` is its
//! `to_timex()`. Values that need the reference date are resolved against it with a past bias
//! unless a future cue is near; without a reference date they stay [`Value::Relative`] (what the
//! text said, `value` null). Anaphoric dates («في اليوم التالي») are anchored on the previous date
//! of the text. No clock is ever read.

mod calendar;
#[cfg(feature = "eval")]
pub mod eval;
mod lexicon;
mod recognize;
mod resolve;
mod spec;
pub mod value;
mod words;

#[cfg(feature = "eval")]
pub use calendar::interval;
#[cfg(feature = "eval")]
pub use lexicon::Unit;
pub(crate) use lexicon::{first_entry, index_by_first};
#[cfg(feature = "eval")]
pub use value::Granularity;
pub use value::{Relative, Value};
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
    /// Its typed value (issue 11); `value` is `typed.to_timex()`.
    pub typed: Value,
    /// For an anaphoric date («وفي اليوم التالي»), the expression it was anchored on.
    pub anchor: Option<Span>,
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
/// first full calendar date in the first three sentences (or first 400 bytes) that stands where
/// a dateline does — in a dateline block, on a short line of its own, or at the start of a line
/// followed by a dash or a bracket («القاهرة - الخميس 15 أبريل 2021 -»). A date inside a body
/// sentence («وقعت الهجمات في 11 سبتمبر 2001») is history, not the publication date (issue 11).
pub fn reference_from_text(doc: &Document<'_>) -> Option<Date> {
    let ctx = recognize::Ctx::new(doc);
    dateline_in(doc, &recognize::scan(&ctx))
}

/// [`reference_from_text`] over the expressions already recognised in the whole document.
fn dateline_in(doc: &Document<'_>, hits: &[recognize::Hit]) -> Option<Date> {
    let limit = doc
        .sentences
        .get(2)
        .map_or(doc.text.len(), |s| s.end)
        .max(400.min(doc.text.len()));
    let prefix = hits
        .iter()
        .take_while(|h| h.start < limit)
        .cloned()
        .collect();
    // Resolution walks forward, so the hits before the limit resolve as in the whole text.
    resolve::walk(prefix, None)
        .into_iter()
        .filter(|(h, ..)| dateline_position(doc, h.start, h.end))
        .find_map(|(_, val, _)| match val {
            Value::Day(d) | Value::Time(d, _) => Some(d),
            _ => None,
        })
}

/// Whether `[start, end)` stands where a dateline's date does.
fn dateline_position(doc: &Document<'_>, start: usize, end: usize) -> bool {
    let Some(block) = doc
        .blocks
        .iter()
        .find(|b| b.span.start <= start && start < b.span.end)
    else {
        return true;
    };
    if block.kind == crate::structure::BlockKind::Dateline {
        return true;
    }
    let in_block =
        |t: &&crate::token::Token| t.span.start >= block.span.start && t.span.end <= block.span.end;
    let words = |t: &&crate::token::Token| t.kind != crate::token::TokenKind::Punct;
    let block_words = doc.tokens.iter().filter(in_block).filter(words).count();
    if block_words <= 12 {
        return true;
    }
    let before = doc
        .tokens
        .iter()
        .filter(in_block)
        .filter(words)
        .filter(|t| t.span.end <= start)
        .count();
    let closes = doc
        .tokens
        .iter()
        .filter(in_block)
        .filter(|t| t.span.start >= end)
        .take(2)
        .any(|t| matches!(t.span.slice(doc.text), "-" | "–" | "—" | "(" | ":"));
    before <= 3 && closes
}

/// Finds and resolves the time expressions of a document against `reference` (`None`: the
/// publication date is unknown). The analysis uses [`find_inferring`]; the tests use this.
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn find(doc: &Document<'_>, reference: Option<Date>) -> Times {
    let ctx = recognize::Ctx::new(doc);
    resolve::resolve(recognize::scan(&ctx), reference)
}

/// [`find`] for an article whose publication date may be unknown, also giving the word view
/// of the document it built ([`word_view`], for the events stage to reuse): resolved against
/// `given`, else against the date its dateline gives ([`reference_from_text`]), which is read
/// from the same recognition (issue 9: an undated text used to be recognised twice). Also
/// gives the reference date used.
pub(crate) fn find_inferring<'d>(
    doc: &'d Document<'_>,
    given: Option<Date>,
) -> (Times, Vec<Word<'d>>, Option<Date>) {
    let ctx = recognize::Ctx::new(doc);
    let hits = recognize::scan(&ctx);
    let reference = given.or_else(|| dateline_in(doc, &hits));
    (resolve::resolve(hits, reference), ctx.w, reference)
}
