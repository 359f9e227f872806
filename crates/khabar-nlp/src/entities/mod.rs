//! Entities: mentions from the NER model and the knowledge base, clustered and linked.
//!
//! 1. [`matcher`] finds knowledge-base names, titles and relational mentions over the tokens
//!    (clitic- and spelling-tolerant) and keeps the non-overlapping ones.
//! 2. The NER model ([`crate::ner::tag`], per sentence) adds names the knowledge base does not
//!    know: people, organisations, places without a Wikidata id.
//! 3. [`resolve`] clusters them: a full name with its later surname mentions; a title and
//!    nationality with whoever held that office on the reference date (or the person the text
//!    names with that title); «نظيره الفرنسي» with the counterpart of the person it relates to;
//!    nisba adjectives with their country; a capital with its country when it acts
//!    («واشنطن وموسكو تبحثان»), with the city when it is a place («في موسكو»).
//!
//! No rule names a particular article, person or country: all of that is in the knowledge
//! base (`data/kb/`).

mod matcher;
mod ner_filter;
mod resolve;

pub use crate::analysis::{EntityKind, MentionForm};
use crate::document::Document;
use crate::span::Span;
use jiff::civil::Date;

/// One mention of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMention {
    /// The mention's span (never an attached clitic).
    pub span: Span,
    /// How it refers.
    pub form: MentionForm,
}

/// A cluster of mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Arabic display name.
    pub name: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
    /// Office held on the reference date: (Arabic, English).
    pub office: Option<(String, String)>,
    /// Mentions in text order, non-overlapping.
    pub mentions: Vec<EntityMention>,
}

/// Finds the entities of a document; `reference` is the publication date (for offices).
/// Entities come most salient first (more mentions, then earlier). `time_spans` are the spans
/// of the document's time expressions: a span the time recogniser claims is never a name from
/// the NER model («12 فيفري الجاري» is a date, not a person; issue 10).
// The analysis goes through `find_observed`; tests and evaluations call this.
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn find(doc: &Document<'_>, reference: Option<Date>, time_spans: &[Span]) -> Vec<Entity> {
    find_observed(doc, reference, time_spans, &mut |_| {})
}

/// [`find`], reporting the end of the NER stage and of the entity stage to `done`.
pub(crate) fn find_observed(
    doc: &Document<'_>,
    reference: Option<Date>,
    time_spans: &[Span],
    done: &mut dyn FnMut(crate::work::Stage),
) -> Vec<Entity> {
    let tagging = resolve::ner_tagging(doc);
    done(crate::work::Stage::Ner);
    let cands = matcher::candidates(doc.text, &doc.tokens);
    let kb_cands = matcher::select(matcher::disambiguate(doc.text, &doc.tokens, cands));
    let entities = resolve::resolve(doc, kb_cands, tagging, reference, time_spans);
    done(crate::work::Stage::Entities);
    entities
}
