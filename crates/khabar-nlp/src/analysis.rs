//! The analysis as other programs see it: schema `khabar.analysis/1` (`docs/contracts.md`).
//!
//! Every offset here is a **Unicode code-point offset** into the text as given, half-open.
//! Field names are a public contract: add fields, never rename or remove them.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary of the contract: an enum serialised as its JSON name, with the
/// list of its values and the name of each.
macro_rules! vocabulary {
    ($(#[$attr:meta])* $name:ident { $($(#[$vattr:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vattr])* #[serde(rename = $text)] $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &[$name] = &[$($name::$variant),*];

            /// The name used in the JSON contract.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value with the JSON name `name`.
            pub fn from_name(name: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == name)
            }
        }

        /// Compares with a JSON name (`kind == "call"`), for tests and tables.
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Where the reference date came from.
    ReferenceSource {
        /// Given by the caller (`Config::reference_date`, the CLI's `--date`).
        Given = "given",
        /// Read from the text: a dateline or a full date near the top.
        Text = "text",
        /// Unknown: relative dates stay unresolved.
        None = "none",
    }
}

impl Default for ReferenceSource {
    /// Analyses written before the field existed had no reference date source.
    fn default() -> ReferenceSource {
        ReferenceSource::None
    }
}

vocabulary! {
    /// What a block of the article's structure is.
    BlockKind {
        /// The short line above the headline.
        Kicker = "kicker",
        /// The headline.
        Headline = "headline",
        /// A subheading inside the body.
        Subheading = "subheading",
        /// A body paragraph.
        Paragraph = "paragraph",
        /// The place (and agency, date) opening the first paragraph: «القاهرة - (رويترز) -».
        Dateline = "dateline",
    }
}

vocabulary! {
    /// What an entity is.
    EntityKind {
        /// A person.
        Person = "person",
        /// A country (or its government).
        Country = "country",
        /// A city.
        City = "city",
        /// A region, continent, border …
        Location = "location",
        /// An organisation or government body.
        Organization = "organization",
        /// A people («الروس»).
        Nationality = "nationality",
        /// A treaty, law, agreement.
        Work = "work",
        /// Anything else (the analysis does not produce it today).
        Other = "other",
    }
}

vocabulary! {
    /// How a mention refers to its entity.
    MentionForm {
        /// A full or partial name.
        Name = "name",
        /// A title («الرئيس الفرنسي»).
        Title = "title",
        /// A relational mention («نظيره الفرنسي»).
        Relational = "relational",
        /// A nisba adjective standing for a country («الروسية»).
        Adjective = "adjective",
        /// A capital standing for a government («واشنطن»).
        Metonym = "metonym",
        /// A pronoun (the analysis does not produce it today).
        Pronoun = "pronoun",
    }
}

vocabulary! {
    /// The TIMEX3 type of a time expression.
    TimeType {
        /// A calendar date or period.
        Date = "DATE",
        /// A time of day.
        Time = "TIME",
        /// A length of time.
        Duration = "DURATION",
        /// A recurring time.
        Set = "SET",
    }
}

vocabulary! {
    /// What kind of event it is.
    EventKind {
        /// A phone or video call.
        Call = "call",
        /// A meeting.
        Meeting = "meeting",
        /// A summit.
        Summit = "summit",
        /// Talks, negotiations.
        Talks = "talks",
        /// A visit.
        Visit = "visit",
        /// A statement.
        Statement = "statement",
        /// Sanctions.
        Sanctions = "sanctions",
        /// An agreement.
        Agreement = "agreement",
        /// Military action.
        Military = "military",
        /// An attack.
        Attack = "attack",
        /// An election.
        Election = "election",
        /// Interference.
        Interference = "interference",
        /// A protest.
        Protest = "protest",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// Whether an event happened.
    EventStatus {
        /// It happened.
        Occurred = "occurred",
        /// It is going on.
        Ongoing = "ongoing",
        /// It is planned.
        Planned = "planned",
        /// It may happen.
        Possible = "possible",
        /// Someone says it happened.
        Reported = "reported",
    }
}

/// The schema tag written in every analysis.
pub const SCHEMA: &str = "khabar.analysis/1";

/// Everything khabar found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The publication date used as the anchor for relative dates (`YYYY-MM-DD`), if known.
    pub reference_date: Option<String>,
    /// Where the reference date came from: `given`, `text` (a dateline or date in the text) or `none`.
    #[serde(default)]
    pub reference_source: ReferenceSource,
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
    pub kind: BlockKind,
    /// First code point of the block's text (without a subheading's «- » bullet).
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A cluster of mentions of one person, country, organisation, place, …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, … in the order of the list.
    pub id: String,
    /// `person`, `country`, `city`, `location`, `organization`, `nationality`, `work`, `other`.
    pub kind: EntityKind,
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
    pub form: MentionForm,
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
    pub kind: TimeType,
    /// TIMEX3 value (`2021-01`, `2021-W15`, `P5Y`, `PAST_REF`), or null when it needs an unknown
    /// reference date.
    pub value: Option<String>,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `MORE_THAN`, …).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// The typed value (issue 11): what `value` means, as data, so that readers need not parse
    /// TIMEX3 strings; also says what a relative expression said when `value` is null, and which
    /// expression an anaphoric date («اليوم التالي») was anchored on.
    #[serde(default)]
    pub typed: TimeValue,
}

/// The typed value of a time expression (issue 11).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue {
    /// `calendar` (a period or a time of day on the calendar), `reference` (`PAST_REF` …),
    /// `duration`, `set`, `season` (a season of no year), `relative` (needs the publication
    /// date, which is unknown) or `unknown`.
    pub kind: String,
    /// For `calendar`: `century`, `decade`, `year`, `half`, `quarter`, `season`, `month`,
    /// `week`, `day`, `part_of_day` or `minute`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<String>,
    /// For `calendar`: the first day covered (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// For `calendar`: the last day covered, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// For `relative`: the unit of `offset` (`day`, `week`, `month`, `year` …), or `month` /
    /// `weekday` when the text names one («جوان المقبل»: unit `month`, `month` 6, offset 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For `relative`: units from the article's "now" (−1 = the previous one, 1 = the next).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// For `relative`: the month named (1–12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// For `relative`: the weekday named (ISO, 1 = Monday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u8>,
    /// For an anaphoric date: the id of the time expression it was anchored on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// Something that happened, happens, or is planned, with who and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// `v1`, `v2`, … in timeline order.
    pub id: String,
    /// `call`, `meeting`, `summit`, `talks`, `visit`, `statement`, `sanctions`, `agreement`,
    /// `military`, `attack`, `election`, `interference`, `protest`, `other`.
    pub kind: EventKind,
    /// Id of the linked time expression, if any.
    pub time: Option<String>,
    /// The linked (or inherited) time's value.
    pub value: Option<String>,
    /// The linked (or inherited) time's typed value (issue 11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<TimeValue>,
    /// `occurred`, `ongoing`, `planned`, `possible` or `reported`.
    pub status: EventStatus,
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
