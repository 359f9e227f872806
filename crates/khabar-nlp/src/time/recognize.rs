//! Recognition rules: at each word, every rule proposes an expression with its unresolved value
//! (a [`Spec`]: what the text says, never read against the reference date); the longest
//! proposal wins and scanning resumes after it. `resolve` turns the specs into values.

use super::TimeType;
use super::calendar::{self, Lean};
use super::lexicon::{Calendar, Lexicon, Month, Phrases, Unit};
pub(crate) use super::spec::{CenturyOf, Shape, Spec, YearOf, YearSpec};
use super::words::{self, Number, Word};
use crate::token::TokenKind;
use jiff::civil::Date;

mod anaphora;
mod clock;
mod days;
mod lists;
mod months;
mod periods;
mod units;

use anaphora::*;
use clock::*;
use days::*;
use lists::*;
use months::*;
use periods::*;
use units::*;

pub(crate) use super::value::Value as Val;

/// One recognised expression.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub end_word: usize,
    pub kind: TimeType,
    /// What the text says (for an anaphor, its value when there is nothing to anchor on).
    pub spec: Spec,
    pub modifier: Option<&'static str>,
    /// An explicit weekday the date should fall on (ISO, 1 = Monday).
    pub weekday: Option<u8>,
    /// «اليوم التالي», «العام نفسه»: to be anchored on the last date of the text.
    pub anaphor: Option<Anaphor>,
    /// Where it stands when it opens an item of a dated list.
    pub list: Option<ListItem>,
}

/// An expression anchored on the previous date of the text (issue 11): `offset` units from it,
/// with a part of the day for «صباح اليوم التالي».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anaphor {
    pub unit: Unit,
    pub offset: i64,
    pub part: Option<&'static str>,
}

/// The rule context.
pub(crate) struct Ctx<'a> {
    pub w: Vec<Word>,
    pub lx: &'static Lexicon,
    /// For each word, the word range of its sentence.
    sentence: Vec<(usize, usize)>,
    /// For each word, the number read there ([`words::number`]), read once: most rules ask
    /// for it at every word (issue 9).
    numbers: Vec<Option<Number>>,
    text: &'a str,
}

impl<'a> Ctx<'a> {
    /// Builds the context over a document's tokens and sentences.
    pub fn new(doc: &crate::document::Document<'a>) -> Ctx<'a> {
        let w = words::words(doc.text, &doc.tokens);
        let mut sentence = vec![(0, w.len()); w.len()];
        let mut at = 0;
        for s in &doc.sentences {
            let first = at;
            while at < w.len() && w[at].span.start < s.end {
                at += 1;
            }
            for x in sentence.iter_mut().take(at).skip(first) {
                *x = (first, at);
            }
        }
        let lx = super::lexicon::get();
        let numbers = (0..w.len()).map(|i| words::number(&w, i, lx)).collect();
        Ctx {
            w,
            lx,
            sentence,
            numbers,
            text: doc.text,
        }
    }

    fn key(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.key.as_str())
    }

    fn alt(&self, i: usize, key: &str) -> Option<usize> {
        self.w.get(i).and_then(|w| w.alt(key))
    }

    fn alt_in(&self, i: usize, keys: &[&str]) -> Option<usize> {
        keys.iter().find_map(|k| self.alt(i, k))
    }

    fn start(&self, i: usize) -> usize {
        self.w.get(i).map_or(0, |w| w.span.start)
    }

    fn end(&self, i: usize) -> usize {
        self.w.get(i).map_or(0, |w| w.span.end)
    }

    fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        self.w
            .get(i)
            .is_some_and(|w| w.kind == TokenKind::Punct && p.contains(&w.key.as_str()))
    }

    /// Matches a phrase whose first word may carry clitics: (value, end word, stem start).
    fn phrase<T: Copy>(&self, table: &Phrases<T>, i: usize) -> Option<(T, usize, usize)> {
        let first = self.w.get(i)?;
        // The first entry (in table order) whose first word is a reading of this word and whose
        // other words follow; only entries starting with a reading need a look (issue 9).
        let best = super::lexicon::first_entry(
            table.by_first(),
            first.alts.iter().map(|(alt, _)| alt.as_str()),
            |e| {
                table.entries[e].0[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, word)| self.key(i + 1 + k) == word)
            },
        );
        let (words, value) = &table.entries[best?];
        let at = first.alt(&words[0])?;
        Some((*value, i + words.len(), at))
    }

    /// A one-word part of the day at `i` («مساء», «صباح»).
    fn is_day_part_word(&self, i: usize) -> bool {
        let k = self.key(i);
        self.lx
            .day_parts
            .entries
            .iter()
            .any(|(w, _)| w.len() == 1 && w[0] == k)
    }

    fn number(&self, i: usize) -> Option<Number> {
        self.numbers.get(i).copied().flatten()
    }

    /// A signal word (preposition, anchor, «شهر») right before word `i`.
    fn signal_before(&self, i: usize) -> bool {
        i > 0
            && self.w.get(i - 1).is_some_and(|w| {
                w.alts
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .chain(w.key.strip_prefix('و'))
                    .any(|k| self.lx.in_class("signal", k))
            })
    }

    /// Past or future for a bare expression over words `i..j`.
    fn lean(&self, i: usize, j: usize) -> Lean {
        // «منذ سبتمبر» always looks back.
        if i > 0 && self.alt_in(i - 1, &["منذ"]).is_some() {
            return Lean::Past;
        }
        let (s, e) = self.sentence.get(i).copied().unwrap_or((0, self.w.len()));
        let from = i.saturating_sub(8).max(s);
        let to = (j + 8).min(e);
        let cue = (from..to).any(|k| {
            (k < i || k >= j)
                && (self.phrase(&self.lx.future_cues, k).is_some() || future_verb(&self.w[k].key))
        });
        if cue { Lean::Future } else { Lean::Past }
    }

    fn hit(&self, _i: usize, start: usize, j: usize, kind: TimeType, spec: impl Into<Spec>) -> Hit {
        Hit {
            start,
            end: self.end(j - 1),
            end_word: j,
            kind,
            spec: spec.into(),
            modifier: None,
            weekday: None,
            anaphor: None,
            list: None,
        }
    }
}

/// A verb with the future prefix سـ (سيعقد، ستزور، سنرد), excluding common nouns starting so.
pub(crate) fn future_verb(key: &str) -> bool {
    let k = key
        .strip_prefix('و')
        .or_else(|| key.strip_prefix('ف'))
        .unwrap_or(key);
    let mut chars = k.chars();
    if chars.next() != Some('س') || !matches!(chars.next(), Some('ي' | 'ت' | 'ن')) {
        return false;
    }
    k.chars().count() >= 4
        && !super::lexicon::get()
            .class("not_future_verb")
            .iter()
            .any(|n| k.starts_with(n.as_str()))
}

/// Runs all rules over the context; hits are non-overlapping, in order.
pub(crate) fn scan(c: &Ctx<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < c.w.len() {
        match best_at(c, i) {
            Some(h) if h.end_word > i => {
                i = h.end_word;
                hits.push(h);
            }
            _ => i += 1,
        }
    }
    range_starts(c, &mut hits);
    list_items(c.text, &mut hits);
    hits
}

/// «بين 6 و9 يونيو», «من 1 إلى 5 يونيو»: the first day of a range takes the month and year of
/// the date that closes it (resolution drops it when that date has no day).
fn range_starts(c: &Ctx<'_>, hits: &mut Vec<Hit>) {
    let mut extra = Vec::new();
    for h in hits.iter() {
        if h.spec.shape() != Some(Shape::Day) {
            continue;
        }
        // Words are in order: a binary search, not a scan per hit (issue 9).
        let k = c.w.partition_point(|w| w.span.start < h.start);
        if c.w.get(k).is_none_or(|w| w.span.start != h.start) {
            continue;
        }
        if k < 2 || c.w[k].kind != TokenKind::Number {
            continue;
        }
        let joined = matches!(c.key(k - 1), "و" | "الي" | "حتي" | "-");
        let Some(n) = c.number(k - 2).filter(|n| n.end == k - 1 && !n.ordinal) else {
            continue;
        };
        if !joined || n.value == 0 || n.value > 31 {
            continue;
        }
        if !(k >= 3 && matches!(c.key(k - 3), "بين" | "من" | "يومي")) && c.key(k - 1) == "و"
        {
            continue;
        }
        // «بين 6 و9 رمضان»: the first day is in the Hijri month (issue 11).
        let hijri = (k..h.end_word).any(|w| {
            c.phrase(&c.lx.months, w)
                .is_some_and(|(m, ..)| m.calendar == Calendar::Hijri)
        });
        // Hits are in order and do not overlap: only the first ending after the start can.
        let after = hits.partition_point(|x| x.end <= c.start(k - 2));
        if hits.get(after).is_some_and(|x| x.start < c.end(k - 2)) {
            continue;
        }
        extra.push(c.hit(
            k - 2,
            c.start(k - 2),
            k - 1,
            TimeType::Date,
            Spec::RangeStart {
                end: Box::new(h.spec.clone()),
                day: n.value as u8,
                hijri,
            },
        ));
    }
    if !extra.is_empty() {
        hits.extend(extra);
        hits.sort_by_key(|h| h.start);
    }
}

type Rule = fn(&Ctx<'_>, usize) -> Option<Hit>;

fn best_at(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    const RULES: &[Rule] = &[
        anaphoric,
        nth_weekday,
        weekday_of_week,
        part_of_period,
        holiday,
        generic_season,
        decade_of_century,
        earlier_later,
        tonight,
        part_of_day,
        clock,
        digit_date,
        date,
        deictic,
        anchored,
        weekday,
        month,
        year,
        quarter,
        season,
        unit_relative,
        ago,
        duration,
        set,
        decade,
        century,
        reference_word,
    ];
    let mut best: Option<Hit> = None;
    for rule in RULES {
        if let Some(h) = rule(c, i)
            && best.as_ref().is_none_or(|b| h.end_word > b.end_word)
        {
            best = Some(h);
        }
    }
    best.map(|h| day_part_suffix(c, h))
}

/// «الجمعة صباحا»، «بكرة الصبح»: a day followed by a part-of-day adverb becomes a TIME.
fn day_part_suffix(c: &Ctx<'_>, mut h: Hit) -> Hit {
    if h.kind == TimeType::Date
        && matches!(h.spec.shape(), Some(Shape::Day) | None)
        && let Some(((part, _, true), e, _)) = c.phrase(&c.lx.day_parts, h.end_word)
    {
        h.spec = Spec::WithPart {
            day: Box::new(h.spec),
            time: format!("T{part}"),
        };
        h.kind = TimeType::Time;
        h.end = c.end(e - 1);
        h.end_word = e;
    }
    h
}
