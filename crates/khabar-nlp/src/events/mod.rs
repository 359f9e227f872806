//! Events: what happened, who took part, when, and whether it occurred or is planned.
//!
//! (Stub: the timeline issue (#5) fills this in.)

use crate::Document;
use crate::entities::Entity;
use crate::span::Span;
use crate::time::TimeExpr;

/// One event, pointing into the entity and time lists by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The contract's event `kind` (`call`, `summit`, …).
    pub kind: &'static str,
    /// Index into the time list of the linked expression.
    pub time: Option<usize>,
    /// The linked or inherited TIMEX3 value.
    pub value: Option<String>,
    /// `occurred`, `ongoing`, `planned`, `possible` or `reported`.
    pub status: &'static str,
    /// Indexes into the entity list.
    pub participants: Vec<usize>,
    /// Index into the entity list of the place.
    pub place: Option<usize>,
    /// Sentences mentioning the event, in text order (at least one).
    pub evidence: Vec<Span>,
    /// The trigger word of the first mention.
    pub trigger: Span,
    /// Short Arabic label.
    pub label: String,
    /// Short English label.
    pub label_en: String,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted text, inside the marks.
    pub span: Span,
    /// Index into the entity list of the speaker.
    pub speaker: Option<usize>,
}

/// Extracts events, in timeline order.
pub fn extract(doc: &Document<'_>, entities: &[Entity], times: &[TimeExpr]) -> Vec<Event> {
    let _ = (doc, entities, times);
    Vec::new()
}

/// Finds direct quotations and their speakers.
pub fn quotes(doc: &Document<'_>, entities: &[Entity]) -> Vec<QuoteSpan> {
    let _ = (doc, entities);
    Vec::new()
}
