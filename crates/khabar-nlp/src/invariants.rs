//! The invariants every analysis keeps, checked on any text (issue 15): one checker shared by
//! the fuzz targets (`fuzz/`) and the property test `tests/invariants_props.rs`.
//!
//! [`analyze_checked`] analyses a text and returns the first [`Violation`] of:
//!
//! - **spans**: every offset of the analysis (blocks, sentences, mentions, times, triggers,
//!   evidence, quotes, diagnostics) is a half-open code-point range inside the text, and every
//!   `text` field equals the slice of the text it points at;
//! - **mentions**: the mentions of one entity are in text order and do not overlap;
//! - **timeline**: events are numbered `v1…vN` in list order (the timeline order is the list
//!   order, strict and total), and the events linked to a time expression with a calendar value
//!   keep the order of their `[first, last]` days;
//! - **JSON**: the analysis serialised with serde and read back is equal to itself;
//! - **TimeML**: `format::timeml` with its tags and the DCT removed, and `&lt;`/`&gt;`/`&amp;`
//!   unescaped, is the text;
//! - **work**: the pipeline's work counters (`work`, feature `work-counters`) per byte of text
//!   stay below [`WORK_PER_BYTE_LIMIT`], 100 times what news text costs.
//!
//! Built only with the `invariants` feature (which turns the work counters on).

use crate::analysis::Analysis;
use crate::{CharIndex, Config, analyze, format, work};

/// Counted work (the sum of the `work` counters) per byte of news text: about 0.93, measured on
/// the ANERcorp training text made into articles (issue 15; printed by the property test). It
/// was 2.0 until issue 9 stopped reading the word before every word for surname cues.
pub const NEWS_WORK_PER_BYTE: f64 = 1.0;

/// The most counted work per byte any text may cost: 100 times news text (issue 15).
pub const WORK_PER_BYTE_LIMIT: f64 = 100.0 * NEWS_WORK_PER_BYTE;

/// Work every text may cost whatever its length (the fixed cost of a short text: one sentence,
/// a few knowledge-base lookups per word).
pub const WORK_FLOOR: u64 = 2_000;

/// A broken invariant: which one, and what was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// `spans`, `mentions`, `timeline`, `json`, `timeml` or `work`.
    pub invariant: &'static str,
    /// What was wrong.
    pub detail: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invariant '{}' broken: {}", self.invariant, self.detail)
    }
}

impl std::error::Error for Violation {}

fn violation(invariant: &'static str, detail: String) -> Violation {
    Violation { invariant, detail }
}

/// Analyses `text` with `config` and checks every invariant, the work bound included.
pub fn analyze_checked(text: &str, config: &Config) -> Result<Analysis, Violation> {
    warm_up();
    let before = work::counts();
    let analysis = analyze(text, config);
    let after = work::counts();
    let spent: u64 = after.iter().zip(before).map(|(a, b)| a - b).sum();
    check_work(text.len(), spent)?;
    check(text, &analysis)?;
    Ok(analysis)
}

/// The counted work of analysing `text` (after the one-time building of the tables).
pub fn work_of(text: &str, config: &Config) -> u64 {
    warm_up();
    let before = work::counts();
    analyze(text, config);
    let after = work::counts();
    after.iter().zip(before).map(|(a, b)| a - b).sum()
}

/// Checks the work bound: `spent` counted work for a text of `bytes` bytes.
pub fn check_work(bytes: usize, spent: u64) -> Result<(), Violation> {
    let limit = WORK_FLOOR as f64 + WORK_PER_BYTE_LIMIT * bytes as f64;
    if spent as f64 > limit {
        return Err(violation(
            "work",
            format!(
                "{spent} units of work for {bytes} bytes ({:.2} per byte; the limit is {WORK_PER_BYTE_LIMIT:.2} per byte plus {WORK_FLOOR})",
                spent as f64 / bytes.max(1) as f64
            ),
        ));
    }
    Ok(())
}

/// Checks every invariant but the work bound on the analysis of `text`.
pub fn check(text: &str, analysis: &Analysis) -> Result<(), Violation> {
    check_spans(text, analysis)?;
    check_mentions(analysis)?;
    check_timeline(analysis)?;
    check_json(analysis)?;
    check_timeml(text, analysis)
}

/// The knowledge base, the NER model and the word lists are built on first use, which the work
/// counters would count against the first text.
fn warm_up() {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        analyze(
            "القاهرة - قال الرئيس المصري في 3 مارس 2020 إن الحكومة ستجتمع غدا.",
            &Config::default(),
        );
    });
}

fn check_spans(text: &str, a: &Analysis) -> Result<(), Violation> {
    let index = CharIndex::new(text);
    let len = index.char_len();
    let range = |what: &str, start: usize, end: usize| {
        if start > end || end > len {
            return Err(violation(
                "spans",
                format!("{what} [{start}, {end}) is not a range inside the text of {len} chars"),
            ));
        }
        Ok(())
    };
    let sliced = |what: &str, start: usize, end: usize, said: &str| {
        range(what, start, end)?;
        let slice = index.slice(text, start, end);
        if slice != said {
            return Err(violation(
                "spans",
                format!("{what} [{start}, {end}) says {said:?} but the text there is {slice:?}"),
            ));
        }
        Ok(())
    };
    for b in &a.structure {
        range("block", b.start, b.end)?;
    }
    for s in &a.sentences {
        range("sentence", s.start, s.end)?;
    }
    for e in &a.entities {
        for m in &e.mentions {
            sliced(&format!("mention of {}", e.id), m.start, m.end, &m.text)?;
        }
    }
    for t in &a.times {
        sliced(&format!("time {}", t.id), t.start, t.end, &t.text)?;
    }
    for v in &a.events {
        let tr = &v.trigger;
        sliced(&format!("trigger of {}", v.id), tr.start, tr.end, &tr.text)?;
        range(
            &format!("sentence of {}", v.id),
            v.sentence.start,
            v.sentence.end,
        )?;
        for r in &v.evidence {
            range(&format!("evidence of {}", v.id), r.start, r.end)?;
        }
    }
    for q in &a.quotes {
        range("quote", q.start, q.end)?;
    }
    for d in &a.diagnostics {
        if let (Some(start), Some(end)) = (d.start, d.end) {
            range(&format!("diagnostic {}", d.code), start, end)?;
        }
    }
    Ok(())
}

fn check_mentions(a: &Analysis) -> Result<(), Violation> {
    for e in &a.entities {
        for pair in e.mentions.windows(2) {
            if pair[1].start < pair[0].end {
                return Err(violation(
                    "mentions",
                    format!(
                        "{} has overlapping or unordered mentions {:?} [{}, {}) and {:?} [{}, {})",
                        e.id,
                        pair[0].text,
                        pair[0].start,
                        pair[0].end,
                        pair[1].text,
                        pair[1].start,
                        pair[1].end
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn check_timeline(a: &Analysis) -> Result<(), Violation> {
    for (i, v) in a.events.iter().enumerate() {
        let id = format!("v{}", i + 1);
        if v.id != id {
            return Err(violation(
                "timeline",
                format!("event {} is number {} on the timeline", v.id, i + 1),
            ));
        }
    }
    // Events linked to a time expression with a calendar value are placed by its days.
    let days = |v: &crate::analysis::Event| {
        let typed = v.typed.as_ref().filter(|t| t.kind == "calendar")?;
        v.time.as_ref()?;
        let first: crate::Date = typed.first.as_deref()?.parse().ok()?;
        let last: crate::Date = typed.last.as_deref()?.parse().ok()?;
        Some((first, last))
    };
    let mut previous: Option<(&str, (crate::Date, crate::Date))> = None;
    for v in &a.events {
        let Some(d) = days(v) else { continue };
        if let Some((id, p)) = previous
            && d < p
        {
            return Err(violation(
                "timeline",
                format!(
                    "{} ({} to {}) comes after {id} ({} to {})",
                    v.id, d.0, d.1, p.0, p.1
                ),
            ));
        }
        previous = Some((&v.id, d));
    }
    Ok(())
}

fn check_json(a: &Analysis) -> Result<(), Violation> {
    let json = serde_json::to_string(a).map_err(|e| violation("json", e.to_string()))?;
    let back: Analysis =
        serde_json::from_str(&json).map_err(|e| violation("json", e.to_string()))?;
    if back != *a {
        return Err(violation(
            "json",
            "the analysis read back from its JSON differs".to_owned(),
        ));
    }
    Ok(())
}

fn check_timeml(text: &str, a: &Analysis) -> Result<(), Violation> {
    let xml = format::timeml(text, a);
    let plain = strip_timeml(&xml);
    if plain != text {
        let at = plain
            .char_indices()
            .zip(text.chars())
            .find(|((_, p), t)| p != t)
            .map_or(plain.len().min(text.len()), |((i, _), _)| i);
        return Err(violation(
            "timeml",
            format!(
                "TimeML without its tags differs from the text at byte {at} ({} bytes vs {})",
                plain.len(),
                text.len()
            ),
        ));
    }
    Ok(())
}

/// The content of `<TEXT>` with the tags removed and XML's three escapes undone.
fn strip_timeml(xml: &str) -> String {
    let body = xml
        .split_once("<TEXT>")
        .and_then(|(_, rest)| rest.rsplit_once("</TEXT>"))
        .map_or("", |(body, _)| body);
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |j| &rest[j + 1..]);
        } else {
            let (entity, len) = [("&lt;", '<'), ("&gt;", '>'), ("&amp;", '&')]
                .iter()
                .find(|(e, _)| rest.starts_with(e))
                .map_or(('&', 1), |(e, c)| (*c, e.len()));
            out.push(entity);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}
