//! Instrumentation for issue 9 (analysis in linear time), a leaf below every stage: the
//! [`Stage`]s that `analyze_observed` reports, and work counters — how many items the inner
//! loops of the pipeline visit, counted per thread when the `work-counters` feature is on and
//! compiled to nothing otherwise. A test compares the counts for a text and the same text
//! repeated: counted work, unlike time, does not depend on how loaded the machine is.

/// A stage of `analyze`, in order, as reported to the observer of `analyze_observed`.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Blocks (kicker, headline, paragraphs).
    Structure,
    /// Tokens, their keys, sentences.
    Tokens,
    /// Time expressions (and the reference date read from the text); before the NER model,
    /// whose names never overlap them (issue 10).
    Time,
    /// The NER model over every sentence.
    Ner,
    /// Knowledge-base matching and clustering into entities.
    Entities,
    /// Events and quotations.
    Events,
    /// The serde view.
    Assembly,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 7] = [
        Stage::Structure,
        Stage::Tokens,
        Stage::Time,
        Stage::Ner,
        Stage::Entities,
        Stage::Events,
        Stage::Assembly,
    ];

    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Structure => "structure",
            Stage::Tokens => "tokens",
            Stage::Ner => "ner",
            Stage::Entities => "entities",
            Stage::Time => "time",
            Stage::Events => "events",
            Stage::Assembly => "assembly",
        }
    }
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Matching keys built ([`crate::normalize::key_with`]): one string each, the allocation
    /// proxy.
    Keys,
    /// Proclitic readings of a key ([`crate::clitic`]).
    Readings,
    /// Tokens handed to the NER model.
    NerTokens,
    /// Knowledge-base lookups of the matcher (one per reading and table).
    KbLookups,
    /// Tokens checked while picking non-overlapping candidates, and candidates compared while
    /// disambiguating.
    CandidateChecks,
    /// Token positions visited while finding repetitions of names the NER model found.
    Repetitions,
    /// Entity mentions visited by the event stage (places, participants, actors, quotations).
    MentionVisits,
    /// Words visited by range queries of the event stage.
    WordVisits,
}

impl Work {
    /// Every counter, in order.
    pub const ALL: [Work; 8] = [
        Work::Keys,
        Work::Readings,
        Work::NerTokens,
        Work::KbLookups,
        Work::CandidateChecks,
        Work::Repetitions,
        Work::MentionVisits,
        Work::WordVisits,
    ];
}

#[cfg(feature = "work-counters")]
thread_local! {
    static COUNTS: [std::cell::Cell<u64>; 8] = Default::default();
}

/// Adds `n` to counter `what` (nothing without the `work-counters` feature).
#[inline]
pub(crate) fn count(what: Work, n: usize) {
    #[cfg(feature = "work-counters")]
    COUNTS.with(|c| {
        let cell = &c[what as usize];
        cell.set(cell.get() + n as u64);
    });
    #[cfg(not(feature = "work-counters"))]
    let _ = (what, n);
}

/// The counts of this thread so far, in the order of [`Work::ALL`] (zeros without the
/// `work-counters` feature).
pub fn counts() -> [u64; 8] {
    #[cfg(feature = "work-counters")]
    return COUNTS.with(|c| std::array::from_fn(|i| c[i].get()));
    #[cfg(not(feature = "work-counters"))]
    [0; 8]
}
