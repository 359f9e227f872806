//! The time vocabulary, read once from the reviewable TSV files under `data/time/`.
//!
//! Every phrase is stored as its folded matching key ([`crate::normalize::key`]) split into
//! words, so that «أبريل» and «ابريل» or «غداً» and «غدا» are the same entry.

use crate::normalize;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Calendar {
    /// Gregorian (transliterated, Syriac, French-derived, Moroccan names).
    Gregorian,
    /// Islamic (Hijri) lunar months.
    Hijri,
}

/// A month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Month {
    pub calendar: Calendar,
    pub number: u8,
    /// Also a common word («مارس» "practised", «آب» "father"): needs a date context.
    pub ambiguous: bool,
}

/// A calendar unit of a duration or an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// The ISO 8601 duration of `n` units («P5Y», «PT3H»).
    pub fn duration(self, n: &str) -> String {
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{n}DE"),
            Unit::Century => format!("P{n}CE"),
        }
    }
}

/// A unit word and the count it carries by itself (1 singular, 2 dual, 0 plural).
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitWord {
    pub unit: Unit,
    pub count: u8,
}

/// A phrase → value table, matched word by word.
#[derive(Debug)]
pub(crate) struct Phrases<T> {
    pub entries: Vec<(Vec<String>, T)>,
    /// First word → the entries starting with it, in table order; built on first use, when the
    /// table is complete (issue 9).
    by_first: OnceLock<FxHashMap<String, Vec<usize>>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            entries: Vec::new(),
            by_first: OnceLock::new(),
        }
    }
}

impl<T> Phrases<T> {
    /// The entries by first word, in table order.
    pub fn by_first(&self) -> &FxHashMap<String, Vec<usize>> {
        self.by_first.get_or_init(|| index_by_first(&self.entries))
    }
}

/// The entries of a phrase table (key words, value) by their first word, each list in table
/// order; the time rules and the event triggers and cues look phrases up through it (issue 9).
pub(crate) fn index_by_first<T>(entries: &[(Vec<String>, T)]) -> FxHashMap<String, Vec<usize>> {
    let mut map: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (e, (words, _)) in entries.iter().enumerate() {
        if let Some(first) = words.first() {
            map.entry(first.clone()).or_default().push(e);
        }
    }
    map
}

/// The first entry in table order, among those [`index_by_first`] files under any of `firsts`
/// (a word's readings), that `accept` takes (its other words follow, …). Allocates nothing.
pub(crate) fn first_entry<'k>(
    by_first: &FxHashMap<String, Vec<usize>>,
    firsts: impl IntoIterator<Item = &'k str>,
    mut accept: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for first in firsts {
        for &e in by_first.get(first).map_or(&[][..], Vec::as_slice) {
            if best.is_some_and(|b| e >= b) {
                break;
            }
            if accept(e) {
                best = Some(e);
                break;
            }
        }
    }
    best
}

impl<T: Copy> Phrases<T> {
    fn push(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(normalize::key).collect();
        if !words.is_empty() {
            self.entries.push((words, value));
        }
        // Longest phrases first, so that «كانون الثاني» wins over a shorter entry.
        self.entries
            .sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        self.by_first = OnceLock::new();
    }
}

/// What a key can start: a number of the time lexicon, and whether a number phrase
/// ([`crate::numbers::parse_keys`]) can open with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NumberStart {
    /// The key's (value, ordinal) in `numbers`, else, for «ال» + a cardinal below 100 («الثلاثة»
    /// in «الأيام الثلاثة»), that cardinal's value.
    pub word: Option<(u64, bool)>,
    /// Whether a number phrase can open with the key.
    pub phrase: bool,
}

/// All time tables.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub months: Phrases<Month>,
    pub weekdays: FxHashMap<String, (u8, bool)>,
    /// «خميس» in «خميس الأسبوع المقبل»: only before a week or month.
    pub weekdays_indefinite: FxHashMap<String, u8>,
    /// Holiday phrase → (calendar, month, day).
    pub holidays: Phrases<(Calendar, u8, u8)>,
    pub units: FxHashMap<String, UnitWord>,
    pub relative: FxHashMap<String, i8>,
    pub deictic: Phrases<i8>,
    /// Phrase → (value, the signal word that must precede it).
    pub refs: Phrases<(&'static str, Option<&'static str>)>,
    pub anchors: FxHashMap<String, &'static str>,
    pub approx: Phrases<&'static str>,
    pub seasons: FxHashMap<String, &'static str>,
    pub sets: FxHashMap<String, &'static str>,
    pub decades: FxHashMap<String, u8>,
    /// Phrase → (TIMEX3 part, hours to add, can follow a day directly).
    pub day_parts: Phrases<(&'static str, u8, bool)>,
    pub future_cues: Phrases<()>,
    /// Number word → (value, ordinal?, teen marker?).
    pub numbers: FxHashMap<String, (u64, bool)>,
    /// Closed word classes (`data/time/word_classes.tsv`): class → folded words.
    pub classes: FxHashMap<String, Vec<String>>,
    /// Data rows whose value was not understood (file and line), kept out of the tables; a
    /// unit test requires it to be empty.
    pub skipped: Vec<String>,
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The one static copy of a value the data files may use; `None` for anything else.
fn known(s: &str) -> Option<&'static str> {
    Some(match s {
        "PRESENT_REF" => "PRESENT_REF",
        "PAST_REF" => "PAST_REF",
        "FUTURE_REF" => "FUTURE_REF",
        "START" => "START",
        "MID" => "MID",
        "END" => "END",
        "APPROX" => "APPROX",
        "MORE_THAN" => "MORE_THAN",
        "LESS_THAN" => "LESS_THAN",
        "EQUAL_OR_MORE" => "EQUAL_OR_MORE",
        "SU" => "SU",
        "WI" => "WI",
        "SP" => "SP",
        "FA" => "FA",
        "MO" => "MO",
        "MI" => "MI",
        "AF" => "AF",
        "EV" => "EV",
        "NI" => "NI",
        "P1D" => "P1D",
        "P1W" => "P1W",
        "P1M" => "P1M",
        "P1Y" => "P1Y",
        "PT1H" => "PT1H",
        "في" => "في",
        _ => return None,
    })
}

impl Lexicon {
    /// Whether the folded `key` belongs to a word class of `word_classes.tsv`.
    pub fn in_class(&self, class: &str, key: &str) -> bool {
        self.class(class).iter().any(|w| w == key)
    }

    /// The folded words of a class (empty for an unknown class).
    pub fn class(&self, class: &str) -> &[String] {
        self.classes.get(class).map_or(&[], Vec::as_slice)
    }
}

/// The lexicon, loaded on first use.
pub(crate) fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(load)
}

fn load() -> Lexicon {
    let mut lx = Lexicon::default();
    for r in rows(include_str!("../../data/time/months.tsv")) {
        let (Some(p), Some(c), Some(n)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let calendar = if *c == "h" {
            Calendar::Hijri
        } else {
            Calendar::Gregorian
        };
        let month = Month {
            calendar,
            number: n.parse().unwrap_or(1),
            ambiguous: r.get(3) == Some(&"ambiguous"),
        };
        lx.months.push(p, month);
    }
    for r in rows(include_str!("../../data/time/weekdays.tsv")) {
        if let (Some(p), Some(n)) = (r.first(), r.get(1)) {
            let n = n.parse().unwrap_or(1);
            match r.get(2) {
                Some(&"indefinite") => {
                    lx.weekdays_indefinite.insert(normalize::key(p), n);
                }
                flag => {
                    let amb = flag == Some(&"ambiguous");
                    lx.weekdays.insert(normalize::key(p), (n, amb));
                }
            }
        }
    }
    for r in rows(include_str!("../../data/time/holidays.tsv")) {
        if let (Some(p), Some(c), Some(m), Some(d)) = (r.first(), r.get(1), r.get(2), r.get(3)) {
            let calendar = if *c == "h" {
                Calendar::Hijri
            } else {
                Calendar::Gregorian
            };
            match (m.parse(), d.parse()) {
                (Ok(m), Ok(d)) => lx.holidays.push(p, (calendar, m, d)),
                _ => lx.skipped.push(format!("holidays.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/units.tsv")) {
        if let (Some(p), Some(u), Some(c)) = (r.first(), r.get(1), r.get(2))
            && let Some(unit) = Unit::parse(u)
        {
            let count = c.parse().unwrap_or(1);
            lx.units.insert(normalize::key(p), UnitWord { unit, count });
        }
    }
    for r in rows(include_str!("../../data/time/relative.tsv")) {
        if let (Some(p), Some(d)) = (r.first(), r.get(1)) {
            lx.relative
                .insert(normalize::key(p), d.parse().unwrap_or(0));
        }
    }
    for r in rows(include_str!("../../data/time/deictic.tsv")) {
        if let (Some(p), Some(d)) = (r.first(), r.get(1)) {
            lx.deictic.push(p, d.parse().unwrap_or(0));
        }
    }
    for r in rows(include_str!("../../data/time/refs.tsv")) {
        if let (Some(p), Some(v)) = (r.first(), r.get(1)) {
            let signal = r.get(2).filter(|s| **s != "-").map(|s| known(s));
            match (known(v), signal) {
                (Some(v), None) => lx.refs.push(p, (v, None)),
                (Some(v), Some(Some(s))) => lx.refs.push(p, (v, Some(s))),
                _ => lx.skipped.push(format!("refs.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/anchors.tsv")) {
        if let (Some(p), Some(v)) = (r.first(), r.get(1)) {
            match known(v) {
                Some(v) => {
                    lx.anchors.insert(normalize::key(p), v);
                }
                None => lx.skipped.push(format!("anchors.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/approx.tsv")) {
        if let (Some(p), Some(v)) = (r.first(), r.get(1)) {
            match known(v) {
                Some(v) => lx.approx.push(p, v),
                None => lx.skipped.push(format!("approx.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/seasons.tsv")) {
        if let (Some(p), Some(v)) = (r.first(), r.get(1)) {
            match known(v) {
                Some(v) => {
                    lx.seasons.insert(normalize::key(p), v);
                }
                None => lx.skipped.push(format!("seasons.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/sets.tsv")) {
        if let (Some(p), Some(v)) = (r.first(), r.get(1)) {
            match known(v) {
                Some(v) => {
                    lx.sets.insert(normalize::key(p), v);
                }
                None => lx.skipped.push(format!("sets.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/decades.tsv")) {
        if let (Some(p), Some(v)) = (r.first(), r.get(1)) {
            lx.decades.insert(normalize::key(p), v.parse().unwrap_or(0));
        }
    }
    for r in rows(include_str!("../../data/time/day_parts.tsv")) {
        if let (Some(p), Some(v), Some(h)) = (r.first(), r.get(1), r.get(2)) {
            let suffix = r.get(3) == Some(&"suffix");
            match known(v) {
                Some(v) => lx.day_parts.push(p, (v, h.parse().unwrap_or(0), suffix)),
                None => lx.skipped.push(format!("day_parts.tsv: {p}")),
            }
        }
    }
    for r in rows(include_str!("../../data/time/future_cues.tsv")) {
        if let Some(p) = r.first() {
            lx.future_cues.push(p, ());
        }
    }
    for r in rows(include_str!("../../data/time/word_classes.tsv")) {
        if let (Some(c), Some(w)) = (r.first(), r.get(1)) {
            lx.classes
                .entry((*c).to_owned())
                .or_default()
                .push(normalize::key(w));
        }
    }
    for r in rows(include_str!("../../data/time/numbers.tsv")) {
        if let (Some(p), Some(v), Some(k)) = (r.first(), r.get(1), r.get(2)) {
            lx.numbers
                .insert(normalize::key(p), (v.parse().unwrap_or(0), *k == "ord"));
        }
    }
    lx
}

/// The [`NumberStart`] of every key that has one: what a word's reading can start, for reading
/// numbers at every word with one lookup per reading (issue 9), from the number words and the
/// number phrases' first words. The time rules' index holds it (built once).
pub(crate) fn number_starts(numbers: &FxHashMap<String, (u64, bool)>) -> FxHashMap<String, NumberStart> {
    let mut starts: FxHashMap<String, NumberStart> = FxHashMap::default();
    for (k, &(value, ordinal)) in numbers {
        starts.entry(k.clone()).or_default().word = Some((value, ordinal));
    }
    for (k, &(value, ordinal)) in numbers {
        let definite = format!("ال{k}");
        if !ordinal && value < 100 && !numbers.contains_key(&definite) {
            starts.entry(definite).or_default().word = Some((value, false));
        }
    }
    for k in crate::numbers::first_item_keys() {
        starts.entry(k.to_owned()).or_default().phrase = true;
    }
    starts
}

#[cfg(test)]
mod tests {
    // Issue 11: a value the loader does not know is reported, not silently turned into "".
    #[test]
    fn every_data_row_is_understood() {
        let lx = super::get();
        assert!(lx.skipped.is_empty(), "{:?}", lx.skipped);
        assert_eq!(super::known("START"), Some("START"));
        assert_eq!(super::known("STRAT"), None);
        for class in [
            "signal",
            "general_noun",
            "not_after_today",
            "name_particle",
            "not_future_verb",
            "duration_tail",
            "count_word",
        ] {
            assert!(!lx.class(class).is_empty(), "{class}");
        }
    }
}
