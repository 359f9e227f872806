//! Recognition rules: at each word, every rule proposes an expression with its unresolved value
//! (a [`Spec`]: what the text says, never read against the reference date); the longest
//! proposal wins and scanning resumes after it. `resolve` turns the specs into values.

use super::TimeType;
use super::calendar::{self, Lean};
use super::lexicon::{Calendar, Lexicon, Month, NumberStart, Phrases, Unit};
pub(crate) use super::spec::{CenturyOf, Shape, Spec, YearOf, YearSpec};
use super::words::{self, Number, Word};
use crate::token::TokenKind;
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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
    pub w: Vec<Word<'a>>,
    pub lx: &'static Lexicon,
    /// For each word, the word range of its sentence.
    sentence: Vec<(usize, usize)>,
    /// For each word, the number read there ([`words::number`]), read once: most rules ask
    /// for it at every word (issue 9).
    numbers: Vec<Option<Number>>,
    /// For each word, the rules ([`RULES`], one bit each) that can find an expression starting
    /// there, found with the number in one lookup per reading (issue 9).
    rules: Vec<u32>,
    text: &'a str,
}

impl<'a> Ctx<'a> {
    /// Builds the context over a document's tokens and sentences.
    pub fn new(doc: &'a crate::document::Document<'_>) -> Ctx<'a> {
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
        let index = RuleIndex::get(lx);
        let mut numbers = Vec::with_capacity(w.len());
        let mut rules = Vec::with_capacity(w.len());
        for (i, x) in w.iter().enumerate() {
            let mut starts = [None; words::MAX_READINGS];
            let mut bits = 0;
            for ((k, _), start) in x.alts().zip(&mut starts) {
                if let Some(&(r, s)) = index.by_word.get(k) {
                    bits |= r;
                    *start = Some(s);
                }
            }
            let number = words::number(&w, i, lx, &starts);
            if x.kind == TokenKind::Number || number.is_some() {
                bits |= index.number;
            }
            numbers.push(number);
            rules.push(bits);
        }
        Ctx {
            w,
            lx,
            sentence,
            numbers,
            rules,
            text: doc.text,
        }
    }

    fn key(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.key)
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
            .is_some_and(|w| w.kind == TokenKind::Punct && p.contains(&w.key))
    }

    /// Matches a phrase whose first word may carry clitics: (value, end word, stem start).
    fn phrase<T: Copy>(&self, table: &Phrases<T>, i: usize) -> Option<(T, usize, usize)> {
        let first = self.w.get(i)?;
        // The first entry (in table order) whose first word is a reading of this word and whose
        // other words follow; only entries starting with a reading need a look (issue 9).
        let best = super::lexicon::first_entry(
            table.by_first(),
            first.alts().map(|(alt, _)| alt),
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

    /// The rules ([`RULES`], one bit each) that can find an expression starting at word `i`.
    fn rules_at(&self, i: usize) -> u32 {
        self.rules.get(i).copied().unwrap_or(0)
    }

    fn number(&self, i: usize) -> Option<Number> {
        self.numbers.get(i).copied().flatten()
    }

    /// A signal word (preposition, anchor, «شهر») right before word `i`.
    fn signal_before(&self, i: usize) -> bool {
        i > 0
            && self.w.get(i - 1).is_some_and(|w| {
                w.alts()
                    .map(|(k, _)| k)
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
                && (self.phrase(&self.lx.future_cues, k).is_some() || future_verb(self.w[k].key))
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

/// What a rule can start at ([`Starts`]), from the lexicon.
type StartsOf = fn(&Lexicon) -> Starts;

/// Every rule with what it can start at, in order: on a tie in length the first wins.
const RULES: &[(Rule, StartsOf)] = &[
    (anaphoric, anaphoric_starts),
    (nth_weekday, nth_weekday_starts),
    (weekday_of_week, weekday_of_week_starts),
    (part_of_period, part_of_period_starts),
    (holiday, holiday_starts),
    (generic_season, generic_season_starts),
    (decade_of_century, decade_of_century_starts),
    (earlier_later, earlier_later_starts),
    (tonight, tonight_starts),
    (part_of_day, part_of_day_starts),
    (clock, clock_starts),
    (digit_date, digit_date_starts),
    (date, date_starts),
    (deictic, deictic_starts),
    (anchored, anchored_starts),
    (weekday, weekday_starts),
    (month, month_starts),
    (year, year_starts),
    (quarter, quarter_starts),
    (season, season_starts),
    (unit_relative, unit_relative_starts),
    (ago, ago_starts),
    (duration, duration_starts),
    (set, set_starts),
    (decade, decade_starts),
    (century, century_starts),
    (reference_word, reference_word_starts),
];

/// What word `i` must be for a rule to find an expression starting there: one of its readings
/// is one of `words`, or (with `number`) it is a number ([`Ctx::number`]) or a digits token.
/// Each rule declares its own next to it (`*_starts`), from its word constants and the
/// lexicon's tables; `scan` tries at each word only the rules that can start there (issue 9:
/// most words start none, and trying all 27 rules at every word was most of the stage).
#[derive(Debug, Default)]
pub(super) struct Starts {
    words: Vec<String>,
    number: bool,
}

impl Starts {
    /// Starts at any of `words`.
    pub fn words<W: AsRef<str>>(words: impl IntoIterator<Item = W>) -> Starts {
        Starts::default().and(words)
    }

    /// Starts at any of the keys of `table`.
    pub fn keys<V>(table: &FxHashMap<String, V>) -> Starts {
        Starts::words(table.keys().map(String::as_str))
    }

    /// Also starts at any of `words`.
    pub fn and<W: AsRef<str>>(mut self, words: impl IntoIterator<Item = W>) -> Starts {
        self.words
            .extend(words.into_iter().map(|w| w.as_ref().to_owned()));
        self
    }

    /// Also starts at a number.
    pub fn or_number(mut self) -> Starts {
        self.number = true;
        self
    }
}

/// The first words of the phrases of `table`.
pub(super) fn firsts<T>(table: &Phrases<T>) -> impl Iterator<Item = &str> {
    table.by_first().keys().map(String::as_str)
}

/// For each word that can start an expression, the rules ([`RULES`], one bit each) that can.
#[derive(Debug, Default)]
pub(crate) struct RuleIndex {
    /// For each key: the rules that can start at a word read so, and the number it can start
    /// ([`NumberStart`]; in one table so that a reading is looked up once, issue 9).
    by_word: FxHashMap<String, (u32, NumberStart)>,
    number: u32,
}

impl RuleIndex {
    fn new(lx: &Lexicon) -> RuleIndex {
        let mut index = RuleIndex::default();
        for (r, (_, starts)) in RULES.iter().enumerate() {
            let starts = starts(lx);
            for w in starts.words {
                index.by_word.entry(w).or_default().0 |= 1 << r;
            }
            if starts.number {
                index.number |= 1 << r;
            }
        }
        for (k, start) in super::lexicon::number_starts(&lx.numbers) {
            index.by_word.entry(k).or_default().1 = start;
        }
        index
    }

    /// The index over the lexicon's tables, built on first use.
    fn get(lx: &Lexicon) -> &'static RuleIndex {
        static INDEX: OnceLock<RuleIndex> = OnceLock::new();
        INDEX.get_or_init(|| RuleIndex::new(lx))
    }
}

fn best_at(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    best_of(c, i, c.rules_at(i))
}

/// The longest expression that the rules of the set `rules` find starting at word `i`.
fn best_of(c: &Ctx<'_>, i: usize, rules: u32) -> Option<Hit> {
    if rules == 0 {
        return None;
    }
    let mut best: Option<Hit> = None;
    for (r, (rule, _)) in RULES.iter().enumerate() {
        if rules & (1 << r) == 0 {
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use std::path::Path;

    /// Every text of the time gold set (one sentence a line), of the golden text, entity and
    /// event tests, and the bundled article.
    fn texts() -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        let mut read_dir = |dir: &Path, gold: bool| {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            paths.sort();
            for path in paths {
                let ext = path.extension().and_then(|e| e.to_str());
                let text = match ext {
                    Some("tsv") if gold => std::fs::read_to_string(&path)
                        .unwrap()
                        .lines()
                        .filter(|l| !l.starts_with('#'))
                        .filter_map(|l| l.split('\t').nth(1))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    Some("txt") => std::fs::read_to_string(&path).unwrap(),
                    _ => continue,
                };
                texts.push(text);
            }
        };
        read_dir(&root.join("test_data/time"), true);
        read_dir(&root.join("test_data/entities"), false);
        read_dir(&root.join("test_data/events"), false);
        for dir in std::fs::read_dir(root.join("test_data/text")).unwrap() {
            read_dir(&dir.unwrap().path(), false);
        }
        read_dir(&root.join("../../articles"), false);
        texts
    }

    // Issue 9: `scan` tries at a word only the rules that declare they can start there; on
    // every test text, that finds at every word what trying every rule finds.
    #[test]
    fn the_rule_index_finds_what_every_rule_finds() {
        let texts = texts();
        assert!(texts.len() > 100, "{} texts", texts.len());
        let mut words = 0;
        let mut found = 0;
        let mut skipped = 0;
        for text in &texts {
            let doc = Document::new(text);
            let c = Ctx::new(&doc);
            for i in 0..c.w.len() {
                let every = best_of(&c, i, u32::MAX);
                let indexed = best_at(&c, i);
                assert_eq!(
                    format!("{indexed:?}"),
                    format!("{every:?}"),
                    "at «{}» in {text}",
                    c.key(i)
                );
                words += 1;
                found += usize::from(every.is_some());
                skipped += usize::from(c.rules_at(i) == 0);
            }
        }
        // The texts hold many expressions, and the index still skips most words.
        assert!(found > 1000 && skipped * 2 > words, "{found}, {skipped} of {words}");
    }

    // Issue 9: the rules of each word, found when the context is built (with the number, in
    // one lookup per reading), are those of its readings, and the number rules where a
    // number is read.
    #[test]
    fn rules_of_a_word_are_those_of_its_readings() {
        let index = RuleIndex::get(crate::time::lexicon::get());
        for text in texts().iter().take(40) {
            let doc = Document::new(text);
            let c = Ctx::new(&doc);
            for (i, w) in c.w.iter().enumerate() {
                let mut rules = 0;
                if w.kind == TokenKind::Number || c.number(i).is_some() {
                    rules |= index.number;
                }
                for (k, _) in w.alts() {
                    rules |= index.by_word.get(k).map_or(0, |x| x.0);
                }
                assert_eq!(c.rules_at(i), rules, "at «{}» in {text}", c.key(i));
            }
            assert_eq!(c.rules_at(c.w.len()), 0);
        }
    }

    // Issue 9: every rule has a bit of its own in the index, and starts somewhere.
    #[test]
    fn every_rule_starts_somewhere() {
        let index = RuleIndex::get(crate::time::lexicon::get());
        let all = index.by_word.values().fold(index.number, |a, b| a | b.0);
        assert!(RULES.len() <= 32);
        assert_eq!(all.count_ones() as usize, RULES.len());
    }
}
