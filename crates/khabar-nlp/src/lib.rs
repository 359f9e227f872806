//! Pure analysis of Arabic news articles: text in, [`Analysis`] out.
//!
//! # The public API
//!
//! [`analyze`] with a [`Config`] gives an [`Analysis`] (the types of the JSON contract, schema
//! `khabar.analysis/1`, in [`analysis`]); [`format`](mod@format) writes it as TimeML or brat standoff.
//! [`html_to_text`] reduces pasted HTML to the plain-text convention `analyze` reads,
//! [`dateline_date`] reads a publication date from the top of a text (cheaply, for a form that
//! asks for one), and [`CharIndex`] turns the contract's code-point offsets back into text.
//! Everything else is crate-private; with the `eval` feature the stage modules are public too,
//! for the training and evaluation commands (`cargo xtask train-ner | eval-ner | eval-time |
//! eval-clitics | bench`), the CLI's `tag-conll` and this crate's own tests.
//!
//! # The pipeline
//!
//! One pass, each stage reading only what earlier stages produced:
//!
//! 1. `structure`: kicker, headline, subheadings, paragraphs from plain text (or HTML reduced to
//!    text).
//! 2. `token`: tokens with spans and normalised keys (`normalize`); `clitic` analyses tell which
//!    part of a word is the stem; `sentence` splits sentences; `numbers` reads number words.
//! 3. `entities`: mentions from the statistical tagger (`ner`) and the knowledge base (`kb`),
//!    clustered into entities (names, titles, relational mentions, adjectives, metonyms) and
//!    linked.
//! 4. `time`: TIMEX3 expressions resolved against the reference (publication) date.
//! 5. `events`: event kind, participants, time and status per sentence, merged across sentences.
//! 6. [`analysis`]: the serde view of it all, schema `khabar.analysis/1`.
//!
//! The modules form layers (ARCHITECTURE.md lists them; a test checks every import against the
//! list): each imports only from layers below its own.
//!
//! # Design decisions
//!
//! A key design decision made in this crate is that **the original text is never modified**:
//! every stage points into it with one `Span` type (UTF-8 byte offsets), normalised forms are
//! only matching keys, and code-point offsets (the JSON contract) are computed once, when the
//! [`Analysis`] is assembled. Another is that **analysis does not fail**: odd input gives fewer
//! findings and [`analysis::Diagnostic`]s, never an error or a panic. The crate reads no clock,
//! does no IO and uses no randomness, so the same text and reference date always give the same
//! analysis, natively and in WebAssembly.

pub mod analysis;
mod document;
pub mod format;
mod ner_type;
mod tsv;

/// Declares modules that are crate-private, or public with the `eval` feature (for xtask's
/// training and evaluation commands, the CLI's `tag-conll` and this crate's integration tests).
macro_rules! internal_modules {
    ($($(#[$attr:meta])* $name:ident;)*) => {$(
        $(#[$attr])*
        #[cfg(feature = "eval")]
        pub mod $name;
        $(#[$attr])*
        #[cfg(not(feature = "eval"))]
        mod $name;
    )*};
}

internal_modules! {
    clitic;
    entities;
    events;
    kb;
    // The tagger's label names and feature-template helpers serve training and evaluation
    // (`eval` feature); the analysis uses only part of them.
    #[cfg_attr(not(feature = "eval"), allow(dead_code))]
    ner;
    normalize;
    numbers;
    sentence;
    span;
    structure;
    time;
    token;
}

/// Work counters for the linear-time regression test (feature `work-counters`).
#[doc(hidden)]
pub mod work;

/// The invariants of every analysis, checked on any text (feature `invariants`, issue 15).
#[cfg(feature = "invariants")]
pub mod invariants;

pub use analysis::Analysis;
pub use jiff::civil::Date;
pub use span::CharIndex;
pub use structure::html_to_text;

use analysis::{EventKind, EventStatus, ReferenceSource};
#[cfg(feature = "eval")]
pub use document::Document;
#[cfg(not(feature = "eval"))]
use document::Document;
use span::Span;

/// Options of one analysis.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The publication date, the anchor for relative dates. When absent, a date found in the text
    /// is used; else relative dates stay unresolved.
    pub reference_date: Option<Date>,
}

/// How much of a text's beginning [`dateline_date`] reads.
const DATELINE_CHARS: usize = 2000;

/// The publication date that a dateline or a full date near the top of `text` gives: what
/// [`analyze`] takes as the reference date when [`Config::reference_date`] is `None`. It reads
/// only the first 2000 characters, so a form may call it on every change.
pub fn dateline_date(text: &str) -> Option<Date> {
    let end = text
        .char_indices()
        .nth(DATELINE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    time::reference_from_text(&Document::new(&text[..end]))
}

#[doc(hidden)]
pub use work::Stage;

/// Analyses one article.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    analyze_observed(text, config, &mut |_| {})
}

/// [`analyze`], calling `done` as each [`Stage`] ends, in order. The crate reads no clock: a
/// benchmark times the calls, a test reads its work counters in them (issue 9).
#[doc(hidden)]
pub fn analyze_observed(text: &str, config: &Config, done: &mut dyn FnMut(Stage)) -> Analysis {
    let blocks = structure::parse_plain(text);
    done(Stage::Structure);
    let tokens = token::tokenize(text);
    let sentences = sentence::split(text, &tokens);
    let doc = Document {
        text,
        blocks,
        tokens,
        sentences,
    };
    done(Stage::Tokens);
    // Time expressions first: their spans are never names (issue 10). Without a given date,
    // the dateline's is found in the same recognition.
    let (times, words, reference) = time::find_inferring(&doc, config.reference_date);
    let reference_source = match (config.reference_date, reference) {
        (Some(_), _) => ReferenceSource::Given,
        (None, Some(_)) => ReferenceSource::Text,
        (None, None) => ReferenceSource::None,
    };
    let time_spans: Vec<Span> = times.exprs.iter().map(|t| t.span).collect();
    done(Stage::Time);
    let entities = entities::find_observed(&doc, reference, &time_spans, done);
    let (events, quotes) =
        events::extract_with_quotes_in(&doc, &words, &entities, &times.exprs, reference);
    done(Stage::Events);
    let analysis = assemble(
        &doc,
        reference,
        reference_source,
        entities,
        &times,
        events,
        &quotes,
    );
    done(Stage::Assembly);
    analysis
}

fn assemble(
    doc: &Document<'_>,
    reference: Option<Date>,
    reference_source: ReferenceSource,
    entities: Vec<entities::Entity>,
    times: &time::Times,
    events: Vec<events::Event>,
    quotes: &[events::QuoteSpan],
) -> Analysis {
    // The entities' and events' strings move into the contract's types (issue 9: no copies).
    let index = CharIndex::new(doc.text);
    let range = |s: Span| {
        let (start, end) = index.chars(s);
        analysis::Range { start, end }
    };
    let entity_id = |i: usize| id('e', i);
    let time_id = |span: Span| {
        times
            .exprs
            .iter()
            .position(|t| t.span == span)
            .map(|k| id('t', k))
    };
    Analysis {
        schema: analysis::SCHEMA.to_owned(),
        reference_date: reference.map(|d| d.to_string()),
        reference_source,
        structure: doc
            .blocks
            .iter()
            .map(|b| {
                let r = range(b.span);
                analysis::Block {
                    kind: b.kind,
                    start: r.start,
                    end: r.end,
                }
            })
            .collect(),
        sentences: doc.sentences.iter().map(|&s| range(s)).collect(),
        entities: entities
            .into_iter()
            .enumerate()
            .map(|(i, e)| analysis::Entity {
                id: entity_id(i),
                kind: e.kind,
                name: e.name,
                name_en: e.name_en,
                wikidata: e.wikidata,
                office: e
                    .office
                    .map(|(label, label_en)| analysis::Office { label, label_en }),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let r = range(m.span);
                        analysis::Mention {
                            start: r.start,
                            end: r.end,
                            text: m.span.slice(doc.text).to_owned(),
                            form: m.form,
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
                    id: id('t', i),
                    start: r.start,
                    end: r.end,
                    text: t.span.slice(doc.text).to_owned(),
                    kind: t.kind,
                    value: t.value.clone(),
                    modifier: t.modifier.map(str::to_owned),
                    typed: typed_value(&t.typed, t.anchor.and_then(&time_id)),
                }
            })
            .collect(),
        events: events
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let tr = range(v.trigger);
                analysis::Event {
                    id: id('v', i),
                    // The events stage keeps kinds and statuses as their contract names.
                    kind: EventKind::from_name(v.kind).unwrap_or(EventKind::Other),
                    time: v.time.map(|t| id('t', t)),
                    value: v.value,
                    typed: v
                        .typed
                        .as_ref()
                        .map(|(value, anchor)| typed_value(value, anchor.and_then(&time_id))),
                    status: EventStatus::from_name(v.status).unwrap_or(EventStatus::Occurred),
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
                    label: v.label,
                    label_en: v.label_en,
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

/// The contract's id of the item at `index`: `prefix` and its number from 1 («e1», «t12»),
/// written without the formatting machinery (issue 9: a `format!` per id and reference).
fn id(prefix: char, index: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(index + 1);
    let mut out = String::with_capacity(1 + digits.len());
    out.push(prefix);
    out.push_str(digits);
    out
}

/// The contract's form of a typed time value (issue 11).
fn typed_value(v: &time::Value, anchor: Option<String>) -> analysis::TimeValue {
    use time::{Relative, Value};
    let mut out = analysis::TimeValue {
        anchor,
        ..analysis::TimeValue::default()
    };
    out.kind = match v {
        Value::Ref(_) => "reference",
        Value::Duration(_) => "duration",
        Value::Set(_) => "set",
        Value::AnySeason(_) => "season",
        Value::Unknown => "unknown",
        Value::Relative(r) => {
            let (unit, offset, month, weekday) = match *r {
                Relative::Offset(u, n) => (time::value::unit_name(u), n, None, None),
                Relative::Month(m, d) => ("month", i64::from(d), Some(m), None),
                Relative::Weekday(w, d) => ("weekday", i64::from(d), None, Some(w)),
            };
            out.unit = Some(unit.to_owned());
            out.offset = Some(offset);
            out.month = month;
            out.weekday = weekday;
            "relative"
        }
        _ => match v.interval() {
            Some((first, last)) => {
                out.first = Some(first.to_string());
                out.last = Some(last.to_string());
                out.granularity = v.granularity().map(|g| g.as_str().to_owned());
                "calendar"
            }
            None => "unknown",
        },
    }
    .to_owned();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 9: the contract's ids are written by hand as `format!` wrote them.
    #[test]
    fn ids_are_a_prefix_and_a_number_from_one() {
        for i in [0, 8, 9, 10, 99, 12_345, usize::MAX - 1] {
            assert_eq!(id('e', i), format!("e{}", i + 1));
        }
    }
}
