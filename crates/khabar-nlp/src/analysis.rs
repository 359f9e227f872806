//! The analysis as other programs see it: schema `khabar.analysis/1` (`docs/contracts.md`).
//!
//! Every offset here is a **Unicode code-point offset** into the text as given, half-open.
//! Field names are a public contract: add fields, never rename or remove them.

use serde::{Deserialize, Serialize};

/// The schema tag written in every analysis.
pub const SCHEMA: &str = "khabar.analysis/1";

/// Everything khabar found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The publication date used as the anchor for relative dates (`YYYY-MM-DD`), if known.
    pub reference_date: Option<String>,
    /// Where the reference date came from: `given`, `text` (a dateline or date in the text) or `none`.
    #[serde(default)]
    pub reference_source: String,
    /// Kicker, headline, subheadings and paragraphs, in text order.
    #[serde(default)]
    pub structure: Vec<Block>,
    /// Sentences, in text order.
    pub sentences: Vec<Range>,
    /// Entities (clusters of mentions), most salient first.
    pub entities: Vec<Entity>,
    /// Time expressions, in text order.
    pub times: Vec<Time>,
    /// Events, in timeline order.
    pub events: Vec<Event>,
    /// Direct quotations with their speaker entity id when known.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Things a reader should know about the analysis (a weekday that contradicts the date, …).
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

/// A plain `[start, end)` range in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One block of the article's structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// `kicker`, `headline`, `subheading`, `paragraph` or `dateline`.
    pub kind: String,
    /// First code point of the block's text (without a subheading's «- » bullet).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A cluster of mentions of one person, country, organisation, place, …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, … in the order of the list.
    pub id: String,
    /// `person`, `country`, `city`, `location`, `organization`, `nationality`, `work`, `other`.
    pub kind: String,
    /// Arabic display name.
    pub name: String,
    /// English name when known.
    pub name_en: Option<String>,
    /// Wikidata id (`Q6279`) when known.
    pub wikidata: Option<String>,
    /// Office held on the reference date, from the knowledge base (Arabic, English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// An office held by a person on the reference date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    /// Arabic label («رئيس الولايات المتحدة»).
    pub label: String,
    /// English label ("President of the United States").
    pub label_en: String,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// First code point (never an attached clitic: in «وبوتين» the span is «بوتين»).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The original text at `[start, end)`.
    pub text: String,
    /// `name`, `title`, `relational`, `adjective`, `metonym` or `pronoun`.
    pub form: String,
}

/// A TIMEX3 time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Time {
    /// `t1`, `t2`, … in text order.
    pub id: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The original text.
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value (`2021-01`, `2021-W15`, `P5Y`, `PAST_REF`), or null when it needs an unknown
    /// reference date.
    pub value: Option<String>,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `MORE_THAN`, …).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// Something that happened, happens, or is planned, with who and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `v1`, `v2`, … in timeline order.
    pub id: String,
    /// `call`, `meeting`, `summit`, `talks`, `visit`, `statement`, `sanctions`, `agreement`,
    /// `military`, `attack`, `election`, `interference`, `protest`, `other`.
    pub kind: String,
    /// Id of the linked time expression, if any.
    pub time: Option<String>,
    /// The linked (or inherited) time's value.
    pub value: Option<String>,
    /// `occurred`, `ongoing`, `planned`, `possible` or `reported`.
    pub status: String,
    /// Entity ids of the participants.
    pub participants: Vec<String>,
    /// Entity id of the place, if any.
    pub place: Option<String>,
    /// Entity id of the participant that acts (who imposes the sanctions), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Entity id of the participant the event is aimed at (who is sanctioned), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The sentence the event was found in (the first one when merged).
    pub sentence: Range,
    /// The trigger word.
    pub trigger: Trigger,
    /// Every sentence that mentions this event (merged mentions), in text order.
    #[serde(default)]
    pub evidence: Vec<Range>,
    /// Short Arabic label («اتصال هاتفي بين بايدن وبوتين»).
    #[serde(default)]
    pub label: String,
    /// Short English label ("Call between Biden and Putin").
    #[serde(default)]
    pub label_en: String,
}

/// An event's trigger word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The original text.
    pub text: String,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// First code point (inside the quotation marks).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Entity id of the speaker, when known.
    pub speaker: Option<String>,
}

/// A note about the analysis for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A stable machine-readable code (`weekday-mismatch`, …).
    pub code: String,
    /// A human-readable message (English).
    pub message: String,
    /// Where in the text, if anywhere.
    pub start: Option<usize>,
    /// One past the end, if anywhere.
    pub end: Option<usize>,
}
