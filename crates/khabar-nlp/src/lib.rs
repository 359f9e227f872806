//! Pure analysis of Arabic news articles: text in, [`Analysis`] out.
//!
//! # The pipeline
//!
//! One pass, each stage reading only what earlier stages produced:
//!
//! 1. [`structure`]: kicker, headline, subheadings, paragraphs from plain text (or HTML reduced to
//!    text).
//! 2. [`token`]: tokens with spans and normalised keys ([`normalize`]); [`clitic`] analyses tell
//!    which part of a word is the stem; [`sentence`] splits sentences; [`numbers`] reads number
//!    words.
//! 3. [`entities`]: mentions from the statistical tagger ([`ner`]) and the knowledge base
//!    ([`kb`]), clustered into entities (names, titles, relational mentions, adjectives,
//!    metonyms) and linked.
//! 4. [`time`]: TIMEX3 expressions resolved against the reference (publication) date.
//! 5. [`events`]: event kind, participants, time and status per sentence, merged across
//!    sentences.
//! 6. [`analysis`]: the serde view of it all, schema `khabar.analysis/1`.
//!
//! # Design decisions
//!
//! A key design decision made in this crate is that **the original text is never modified**:
//! every stage points into it with one [`Span`] type (UTF-8 byte offsets), normalised forms are
//! only matching keys, and code-point offsets (the JSON contract) are computed once, when the
//! [`Analysis`] is assembled. Another is that **analysis does not fail**: odd input gives fewer
//! findings and [`analysis::Diagnostic`]s, never an error or a panic. The crate reads no clock,
//! does no IO and uses no randomness, so the same text and reference date always give the same
//! analysis, natively and in WebAssembly.

pub mod analysis;
pub mod clitic;
pub mod entities;
pub mod events;
pub mod format;
pub mod kb;
pub mod ner;
pub mod normalize;
pub mod numbers;
pub mod sentence;
pub mod span;
pub mod structure;
pub mod time;
pub mod token;

pub use analysis::Analysis;
pub use jiff::civil::Date;
pub use span::Span;

use span::CharIndex;

/// Options of one analysis.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The publication date, the anchor for relative dates. When absent, a date found in the text
    /// is used; else relative dates stay unresolved.
    pub reference_date: Option<Date>,
}

/// The text with what the early stages found, handed to the later stages.
#[derive(Debug)]
pub struct Document<'t> {
    /// The original text, never modified.
    pub text: &'t str,
    /// Kicker, headline, subheadings, paragraphs.
    pub blocks: Vec<structure::Block>,
    /// Tokens in order.
    pub tokens: Vec<token::Token>,
    /// Sentence spans in order.
    pub sentences: Vec<Span>,
}

impl<'t> Document<'t> {
    /// Runs the text stages (structure, tokens, sentences) over `text`.
    pub fn new(text: &'t str) -> Document<'t> {
        let blocks = structure::parse_plain(text);
        let tokens = token::tokenize(text);
        let sentences = sentence::split(text, &tokens);
        Document {
            text,
            blocks,
            tokens,
            sentences,
        }
    }
}

/// Analyses one article.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    let doc = Document::new(text);
    let (reference, reference_source) = match config.reference_date {
        Some(d) => (Some(d), "given"),
        None => match time::reference_from_text(&doc) {
            Some(d) => (Some(d), "text"),
            None => (None, "none"),
        },
    };
    let times = time::find(&doc, reference);
    let entities = entities::find_with_times(&doc, reference, &times);
    let events = events::extract_at(&doc, &entities, &times.exprs, reference);
    let quotes = events::quotes(&doc, &entities);
    assemble(
        &doc,
        reference,
        reference_source,
        &entities,
        &times,
        &events,
        &quotes,
    )
}

fn assemble(
    doc: &Document<'_>,
    reference: Option<Date>,
    reference_source: &str,
    entities: &[entities::Entity],
    times: &time::Times,
    events: &[events::Event],
    quotes: &[events::QuoteSpan],
) -> Analysis {
    let index = CharIndex::new(doc.text);
    let range = |s: Span| {
        let (start, end) = index.chars(s);
        analysis::Range { start, end }
    };
    let entity_id = |i: usize| format!("e{}", i + 1);
    Analysis {
        schema: analysis::SCHEMA.to_owned(),
        reference_date: reference.map(|d| d.to_string()),
        reference_source: reference_source.to_owned(),
        structure: doc
            .blocks
            .iter()
            .map(|b| {
                let r = range(b.span);
                analysis::Block {
                    kind: b.kind.as_str().to_owned(),
                    start: r.start,
                    end: r.end,
                }
            })
            .collect(),
        sentences: doc.sentences.iter().map(|&s| range(s)).collect(),
        entities: entities
            .iter()
            .enumerate()
            .map(|(i, e)| analysis::Entity {
                id: entity_id(i),
                kind: e.kind.as_str().to_owned(),
                name: e.name.clone(),
                name_en: e.name_en.clone(),
                wikidata: e.wikidata.clone(),
                office: e.office.as_ref().map(|(label, label_en)| analysis::Office {
                    label: label.clone(),
                    label_en: label_en.clone(),
                }),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let r = range(m.span);
                        analysis::Mention {
                            start: r.start,
                            end: r.end,
                            text: m.span.slice(doc.text).to_owned(),
                            form: m.form.as_str().to_owned(),
                        }
                    })
                    .collect(),
            })
            .collect(),
        times: times
            .exprs
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let r = range(t.span);
                analysis::Time {
                    id: format!("t{}", i + 1),
                    start: r.start,
                    end: r.end,
                    text: t.span.slice(doc.text).to_owned(),
                    kind: t.kind.as_str().to_owned(),
                    value: t.value.clone(),
                    modifier: t.modifier.map(str::to_owned),
                }
            })
            .collect(),
        events: events
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let tr = range(v.trigger);
                analysis::Event {
                    id: format!("v{}", i + 1),
                    kind: v.kind.to_owned(),
                    time: v.time.map(|t| format!("t{}", t + 1)),
                    value: v.value.clone(),
                    status: v.status.to_owned(),
                    participants: v.participants.iter().map(|&p| entity_id(p)).collect(),
                    place: v.place.map(entity_id),
                    agent: v.agent.map(entity_id),
                    target: v.target.map(entity_id),
                    sentence: v
                        .evidence
                        .first()
                        .map_or(analysis::Range { start: 0, end: 0 }, |&s| range(s)),
                    trigger: analysis::Trigger {
                        start: tr.start,
                        end: tr.end,
                        text: v.trigger.slice(doc.text).to_owned(),
                    },
                    evidence: v.evidence.iter().map(|&s| range(s)).collect(),
                    label: v.label.clone(),
                    label_en: v.label_en.clone(),
                }
            })
            .collect(),
        quotes: quotes
            .iter()
            .map(|q| {
                let r = range(q.span);
                analysis::Quote {
                    start: r.start,
                    end: r.end,
                    speaker: q.speaker.map(entity_id),
                }
            })
            .collect(),
        diagnostics: times
            .diagnostics
            .iter()
            .map(|d| {
                let r = range(d.span);
                analysis::Diagnostic {
                    code: d.code.to_owned(),
                    message: d.message.clone(),
                    start: Some(r.start),
                    end: Some(r.end),
                }
            })
            .collect(),
    }
}
