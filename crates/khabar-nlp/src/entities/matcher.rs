//! Candidate mentions from the knowledge base: clitic- and spelling-tolerant matching of names,
//! titles («الرئيس الفرنسي», «رئيس وزراء إسرائيل») and relational mentions («نظيره الفرنسي») over
//! the tokens' matching keys.
//!
//! A proclitic (و ف, then ب ل ك; ل + ال written لل) is stripped from a word only when what
//! remains starts a knowledge-base name, so «بوتين» and «لبنان» are never cut, and the mention's
//! span starts at the stem: «وبوتين» → «بوتين», «للولايات المتحدة» → «لولايات المتحدة» (the
//! article's ل stays with the name).

use crate::clitic::proclitic_readings;
use crate::kb::{self, Kb, Target};
use crate::normalize::fold_char;
use crate::span::Span;
use crate::token::{Token, TokenKind};
use crate::work::{Work, count};
use rustc_hash::FxHashMap;

/// Who holds an office: a country or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holder {
    /// Index into [`Kb::countries`].
    Country(usize),
    /// Index into [`Kb::records`].
    Record(usize),
}

/// What a candidate mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandKind {
    /// A knowledge-base name.
    Name(Target),
    /// A title: office and holder.
    Title { office: usize, holder: Holder },
    /// «نظيره الفرنسي»: the counterpart from a country.
    Relational { country: usize },
}

/// A candidate mention: its span, the tokens it covers `[first, last]`, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Span of the stem (no proclitic).
    pub span: Span,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Proclitic letters stripped from the first token (keys, e.g. "وب").
    pub prefix_len: usize,
    /// What it is.
    pub kind: CandKind,
}

/// The relational nouns («نظيره» his counterpart …), as keys.
const RELATIONAL: &[&str] = &[
    "نظيره",
    "نظيرها",
    "نظيرته",
    "نظيرتها",
    "نظيريه",
    "نظيرهم",
    "نظرائه",
    "نظيرتيه",
];

/// The byte offset in `original` after `n` folded chars (and any dropped marks after them).
pub(crate) fn offset_after_key_chars(original: &str, n: usize) -> usize {
    let mut kept = 0;
    for (i, c) in original.char_indices() {
        let folded = fold_char(c).is_some();
        if kept == n && folded {
            return i;
        }
        if folded {
            kept += 1;
        }
    }
    original.len()
}

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)
}

/// Whether `words` match the keys of the tokens from `at` on (all word tokens).
fn words_match(tokens: &[Token], at: usize, words: &[String]) -> bool {
    words.iter().enumerate().all(|(k, w)| {
        tokens
            .get(at + k)
            .is_some_and(|t| is_word(t) && t.key == *w)
    })
}

/// The fewest key chars (spaces aside) a name needs before a misspelt word may match it.
const TYPO_MIN_NAME_CHARS: usize = 10;
/// The fewest chars the misspelt word of a name needs.
const TYPO_MIN_WORD_CHARS: usize = 5;

/// Whether `written` is `word` with one letter dropped, or one letter doubled.
fn dropped_or_doubled(written: &str, word: &str) -> bool {
    // Over the chars, without collecting them (issue 9).
    let (w, k) = (written.chars().count(), word.chars().count());
    let (short, long, doubled) = if w + 1 == k {
        (written, word, false)
    } else if k + 1 == w {
        (word, written, true)
    } else {
        return false;
    };
    let p = short
        .chars()
        .zip(long.chars())
        .take_while(|(a, b)| a == b)
        .count();
    short.chars().skip(p).eq(long.chars().skip(p + 1))
        && (!doubled || (p > 0 && long.chars().nth(p) == long.chars().nth(p - 1)))
}

/// Whether the tokens from `at` on spell the words of a long multiword name after its first
/// (`name[0]`, already matched) with exactly one of them misspelt by a dropped or doubled
/// letter («الولايات لمتحدة»). Short names never match loosely (issue 10).
fn words_match_with_typo(tokens: &[Token], at: usize, name: &[String]) -> bool {
    if name.len() < 2 {
        return false;
    }
    // The words after the first must all be there first (issue 9: counting the name's chars
    // for every entry was most of the matcher's time).
    if tokens.get(at..at + name.len() - 1).is_none_or(|ts| !ts.iter().all(is_word)) {
        return false;
    }
    let chars: usize = name.iter().map(|w| w.chars().count()).sum();
    if chars < TYPO_MIN_NAME_CHARS {
        return false;
    }
    let mut typos = 0;
    for (k, w) in name[1..].iter().enumerate() {
        let Some(t) = tokens.get(at + k).filter(|t| is_word(t)) else {
            return false;
        };
        if t.key == *w {
            continue;
        }
        if w.chars().count() < TYPO_MIN_WORD_CHARS || !dropped_or_doubled(&t.key, w) {
            return false;
        }
        typos += 1;
    }
    typos == 1
}

/// The longest name entry at token `at` whose target passes `filter`, matched without clitics
/// (for what follows a title): `(target, number of words)`.
fn plain_name(
    kb: &Kb,
    tokens: &[Token],
    at: usize,
    filter: impl Fn(Target) -> bool,
) -> Option<(Target, usize)> {
    let t = tokens.get(at).filter(|t| is_word(t))?;
    kb.names_starting(&t.key)
        .iter()
        .filter(|e| filter(e.target) && words_match(tokens, at + 1, &e.words[1..]))
        .max_by_key(|e| e.words.len())
        .map(|e| (e.target, e.words.len()))
}

/// Every candidate at every token (overlapping; [`select`] picks among them).
pub fn candidates(text: &str, tokens: &[Token]) -> Vec<Candidate> {
    let kb = kb::get();
    let mut out = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        if !is_word(tok) {
            continue;
        }
        let word = tok.span.slice(text);
        for reading in proclitic_readings(&tok.key).iter() {
            let stem = reading.key();
            let stripped = reading.stripped;
            // Where the stem starts, read only for a candidate (issue 9).
            let start = || tok.span.start + offset_after_key_chars(word, stripped);
            let cand = |end: usize, kind: CandKind| Candidate {
                span: Span::new(start(), tokens[end - 1].span.end),
                first: i,
                end,
                prefix_len: stripped,
                kind,
            };
            count(Work::KbLookups, 1);
            let starting = kb.starting(&stem);
            for e in &starting.names {
                if words_match(tokens, i + 1, &e.words[1..])
                    || words_match_with_typo(tokens, i + 1, &e.words)
                {
                    out.push(cand(i + e.words.len(), CandKind::Name(e.target)));
                }
            }
            for t in &starting.titles {
                if !words_match(tokens, i + 1, &t.words[1..]) {
                    continue;
                }
                let next = i + t.words.len();
                let found = if t.construct {
                    plain_name(kb, tokens, next, |x| matches!(x, Target::Country(_)))
                } else {
                    plain_name(kb, tokens, next, |x| matches!(x, Target::Adjective(_)))
                };
                let found = found.or_else(|| {
                    // «الأمين العام للأمم المتحدة»: an organisation after the title.
                    let t = tokens.get(next).filter(|t| is_word(t))?;
                    proclitic_readings(&t.key).iter().find_map(|r| {
                        kb.names_starting(&r.key())
                            .iter()
                            .filter(|e| {
                                kb::get().terms.iter().any(|term| {
                                    matches!(e.target, Target::Record(r)
                                        if kb.records[r].id == term.holder)
                                })
                            })
                            .find(|e| words_match(tokens, next + 1, &e.words[1..]))
                            .map(|e| (e.target, e.words.len()))
                    })
                });
                let holder = match found {
                    Some((Target::Country(c) | Target::Adjective(c), n)) => {
                        Some((Holder::Country(c), n))
                    }
                    Some((Target::Record(r), n)) => Some((Holder::Record(r), n)),
                    _ => None,
                };
                if let Some((holder, n)) = holder {
                    out.push(cand(
                        next + n,
                        CandKind::Title {
                            office: t.office,
                            holder,
                        },
                    ));
                }
            }
            if RELATIONAL.contains(&stem.as_ref())
                && let Some((Target::Adjective(c), n)) =
                    plain_name(kb, tokens, i + 1, |x| matches!(x, Target::Adjective(_)))
            {
                out.push(cand(i + 1 + n, CandKind::Relational { country: c }));
            }
        }
    }
    out
}

/// The country a candidate speaks of, as evidence for disambiguation.
fn country_of(kb: &Kb, kind: CandKind) -> Option<usize> {
    match kind {
        CandKind::Name(
            Target::Country(c) | Target::Adjective(c) | Target::Nationality(c) | Target::Capital(c),
        )
        | CandKind::Title {
            holder: Holder::Country(c),
            ..
        }
        | CandKind::Relational { country: c } => Some(c),
        CandKind::Name(Target::Person(p)) => kb
            .terms
            .iter()
            .find(|t| t.person == p)
            .and_then(|t| kb.country_by_iso(&t.holder)),
        _ => None,
    }
}

/// Keeps one reading of a name that is both a country and another country's capital
/// («عمان»: Oman, Amman). A written shadda or damma decides (عمّان, عُمان); else the country
/// the rest of the text speaks of more (the Jordanian context makes it Amman); else the
/// country.
pub fn disambiguate(text: &str, tokens: &[Token], cands: Vec<Candidate>) -> Vec<Candidate> {
    let kb = kb::get();
    let same = |a: &Candidate, b: &Candidate| {
        a.first == b.first
            && a.end == b.end
            && a.prefix_len == b.prefix_len
            && matches!((a.kind, b.kind), (CandKind::Name(x), CandKind::Name(y)) if kb::ambiguous_pair(x, y))
    };
    // Readings of the same tokens, by (first, end, prefix): only those can be the same mention
    // (issue 9: no comparison of every pair).
    let mut groups: FxHashMap<(usize, usize, usize), Vec<usize>> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        groups
            .entry((c.first, c.end, c.prefix_len))
            .or_default()
            .push(i);
    }
    let group = |c: &Candidate| {
        groups[&(c.first, c.end, c.prefix_len)]
            .iter()
            .map(|&j| &cands[j])
    };
    let ambiguous: Vec<bool> = cands
        .iter()
        .map(|a| {
            count(
                Work::CandidateChecks,
                groups[&(a.first, a.end, a.prefix_len)].len(),
            );
            group(a).any(|b| same(a, b))
        })
        .collect();
    let mut evidence: FxHashMap<usize, usize> = FxHashMap::default();
    // Counted over the mentions that would be kept, so overlapping readings count once.
    let plain: Vec<Candidate> = cands
        .iter()
        .zip(&ambiguous)
        .filter(|(_, a)| !**a)
        .map(|(c, _)| *c)
        .collect();
    for c in select(plain) {
        if let Some(country) = country_of(kb, c.kind) {
            *evidence.entry(country).or_default() += 1;
        }
    }
    let score = |c: &Candidate| -> (usize, usize) {
        let word = c.span.slice(text);
        let capital = matches!(c.kind, CandKind::Name(Target::Capital(_)));
        // «العاصمة (الأردنية) عمان», «الأردنية عمان»: the capital.
        let before = |k: usize| {
            c.first
                .checked_sub(k)
                .map(|j| &tokens[j])
                .filter(|t| is_word(t))
        };
        let own_adj = |t: &Token| {
            kb.names_starting(&t.key).iter().any(|e| {
                e.words.len() == 1
                    && matches!((e.target, c.kind), (Target::Adjective(a), CandKind::Name(Target::Capital(b))) if a == b)
            })
        };
        let titled = before(1).is_some_and(|t| t.key == "العاصمه" || own_adj(t))
            || before(2).is_some_and(|t| t.key == "العاصمه");
        let mark = if titled || word.contains('\u{651}') {
            usize::from(capital)
        } else if word.contains('\u{64f}') {
            usize::from(!capital)
        } else {
            0
        };
        let ev = country_of(kb, c.kind).map_or(0, |k| evidence.get(&k).copied().unwrap_or(0));
        // Ties go to the country.
        (mark, 2 * ev + usize::from(!capital))
    };
    let mut out = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        if !ambiguous[i] {
            out.push(*c);
            continue;
        }
        let best = group(c)
            .filter(|b| b == &c || same(c, b))
            .max_by_key(|b| score(b))
            .copied();
        if best == Some(*c) {
            out.push(*c);
        }
    }
    out
}

/// Picks non-overlapping candidates: more words first, then titles and relational mentions
/// before names, then earlier, then fewer stripped letters. Returned in text order.
pub fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    let rank = |c: &Candidate| match c.kind {
        CandKind::Title { .. } | CandKind::Relational { .. } => 0,
        CandKind::Name(_) => 1,
    };
    cands.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.end - c.first),
            rank(c),
            c.first,
            c.prefix_len,
        )
    });
    // The tokens taken so far (issue 9: not a comparison with every taken candidate).
    let mut used = vec![false; cands.iter().map(|c| c.end).max().unwrap_or(0)];
    let mut taken: Vec<Candidate> = Vec::new();
    for c in cands {
        count(Work::CandidateChecks, c.end - c.first);
        if !used[c.first..c.end].iter().any(|&u| u) {
            used[c.first..c.end].fill(true);
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| c.first);
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_a_dropped_or_doubled_letter() {
        // Issue 10: «الولايات لمتحدة» is «الولايات المتحدة» with a letter dropped.
        assert!(dropped_or_doubled("لمتحده", "المتحده"));
        assert!(dropped_or_doubled("المتحدده", "المتحده"));
        assert!(!dropped_or_doubled("المتحدوه", "المتحده"));
        assert!(!dropped_or_doubled("المتحده", "المتحده"));
        assert!(!dropped_or_doubled("الموتحده", "المتحده"));
    }

    #[test]
    fn readings_strip_only_proclitics() {
        let show = |key: &str| -> Vec<(String, usize)> {
            proclitic_readings(key)
                .iter()
                .map(|r| (r.key().into_owned(), r.stripped))
                .collect()
        };
        assert_eq!(
            show("وللولايات"),
            [
                ("وللولايات".to_owned(), 0),
                ("للولايات".to_owned(), 1),
                ("الولايات".to_owned(), 2),
                ("لولايات".to_owned(), 2)
            ]
        );
        assert_eq!(
            show("بوتين"),
            [("بوتين".to_owned(), 0), ("وتين".to_owned(), 1)]
        );
        assert_eq!(show("فل"), [("فل".to_owned(), 0)]);
        assert_eq!(
            show("فلان"),
            [
                ("فلان".to_owned(), 0),
                ("لان".to_owned(), 1),
                ("ان".to_owned(), 2)
            ]
        );
    }

    #[test]
    fn offsets_skip_tatweel() {
        assert_eq!(offset_after_key_chars("لـروسيا", 1), "لـ".len());
    }
}
