//! Arabic number words (cardinals, ordinals, gender forms, the dual) to values.
//!
//! The words live in `data/text/numbers.tsv`. A phrase is read left to right the way one reads
//! English number words: units, «عشر» after a unit (teens), tens, hundreds add to the current
//! group; a scale word (ألف، آلاف، مليون، مليار) multiplies it into the total. Every word after
//! the first joins with the conjunction و («خمسة وعشرون», «ألف وخمسمئة») except a teen's «عشر»
//! and a scale word («ثلاثة آلاف»). The first word may carry ال or a preposition («الحادي
//! عشر», «بثلاثة»). Digits of the three digit sets read as numbers, also before a scale
//! («5 ملايين»).

use crate::normalize;
use std::borrow::Cow;
use crate::tsv;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A number written in one or more words («خمسة وعشرون», «الحادي عشر», «25»).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberPhrase {
    /// Its value.
    pub value: u64,
    /// How many of the given words it used.
    pub words: usize,
    /// Whether it is an ordinal («الثالث»).
    pub ordinal: bool,
}

/// Reads the number that starts at `words[0]`, if any (cardinal or ordinal, words or digits).
/// (The analysis reads keys, [`parse_keys`]; the tests read words.)
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn parse_phrase(words: &[&str]) -> Option<NumberPhrase> {
    parse_with(words, |w| Cow::Owned(normalize::key(w)))
}

/// [`parse_phrase`] of words given by their matching keys ([`normalize::key`] is idempotent, so
/// the keys need not be computed again; issue 9).
pub fn parse_keys(keys: &[&str]) -> Option<NumberPhrase> {
    parse_with(keys, Cow::Borrowed)
}

/// [`parse_phrase`], with `key` giving a word's matching key.
fn parse_with<'a>(words: &[&'a str], key: impl Fn(&'a str) -> Cow<'a, str>) -> Option<NumberPhrase> {
    let first = words.first()?;
    let first_key = key(first);
    let (mut total, mut current, mut ordinal) = (0u64, 0u64, false);
    let mut last = Kind::Unit;
    let mut used = 0;
    if let Some(v) = digits(&first_key) {
        // Digits, possibly a decimal before a scale word: «3.5 مليار».
        let scale = words
            .get(1)
            .and_then(|w| lookup(&key(w)))
            .filter(|(_, k)| *k == Kind::Scale);
        if let Some((s, _)) = scale {
            let value = (v * s as f64).round();
            return (value >= 0.0 && value < u64::MAX as f64).then_some(NumberPhrase {
                value: value as u64,
                words: 2,
                ordinal: false,
            });
        }
        return (v.fract() == 0.0 && v >= 0.0 && v < u64::MAX as f64).then_some(NumberPhrase {
            value: v as u64,
            words: 1,
            ordinal: false,
        });
    }
    for (k, word) in words.iter().enumerate() {
        let word_key = key(word);
        let item = if k == 0 {
            first_item(&word_key)
        } else {
            next_item(&word_key, last, current)
        };
        let Some((v, kind)) = item else {
            break;
        };
        match kind {
            Kind::Dual => {
                if k > 0 {
                    break;
                }
                return Some(NumberPhrase {
                    value: 2,
                    words: 1,
                    ordinal: false,
                });
            }
            Kind::Ordinal => {
                ordinal = true;
                current += v;
            }
            Kind::Unit | Kind::Ten | Kind::Hundred => current = current.checked_add(v)?,
            Kind::Teen => current += 10,
            Kind::Scale => {
                total = total.checked_add(current.max(1).checked_mul(v)?)?;
                current = 0;
            }
            Kind::ScaleCount => {
                total = total.checked_add(v)?;
                current = 0;
            }
        }
        last = kind;
        used = k + 1;
    }
    (used > 0).then(|| NumberPhrase {
        value: total + current,
        words: used,
        ordinal,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
    ScaleCount,
    Ordinal,
    Dual,
}

/// What a first word may carry before a number word.
const FIRST_PREFIXES: [&str; 9] = ["وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك"];

/// [`read_first_item`], looked up: the analysis asks at every word, and most words are no
/// number (issue 9: reading each with every prefix was most of the time stage's number
/// reading).
fn first_item(key: &str) -> Option<(u64, Kind)> {
    first_items().get(key).copied()
}

/// The keys a number phrase can open with (those [`first_item`] reads), for the time stage's
/// index of what a word can start (issue 9).
pub(crate) fn first_item_keys() -> impl Iterator<Item = &'static str> {
    first_items().keys().map(String::as_str)
}

/// [`read_first_item`] of every key it reads a number from — a number word, alone or after
/// one of [`FIRST_PREFIXES`] — computed once.
fn first_items() -> &'static FxHashMap<String, (u64, Kind)> {
    static ITEMS: OnceLock<FxHashMap<String, (u64, Kind)>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let mut items = FxHashMap::default();
        for word in words().keys() {
            for prefix in std::iter::once("").chain(FIRST_PREFIXES) {
                let key = format!("{prefix}{word}");
                if let Some(item) = read_first_item(&key) {
                    items.insert(key, item);
                }
            }
        }
        items
    })
}

/// The first word: itself, or without ال / a preposition / و. A stripped word keeps at least
/// three letters (لست is "I am not", وست "west"), and «الأحد», «الاثنين» are weekdays.
fn read_first_item(key: &str) -> Option<(u64, Kind)> {
    let item = lookup(key).or_else(|| {
        for prefix in FIRST_PREFIXES {
            let Some(rest) = key.strip_prefix(prefix) else {
                continue;
            };
            let found = lookup(rest).filter(|_| {
                let weekday = prefix.ends_with('ل') && matches!(rest, "احد" | "اثنين" | "اثنان");
                rest.chars().count() >= 3 && !weekday
            });
            if found.is_some() {
                return found;
            }
        }
        None
    })?;
    // A bare «عشر» or scale word first is fine; a teen marker is not.
    Some(if item.1 == Kind::Teen {
        (10, Kind::Unit)
    } else {
        item
    })
}

/// A later word: joined with و, or a teen marker after a unit, or a scale word after a number.
fn next_item(key: &str, last: Kind, current: u64) -> Option<(u64, Kind)> {
    let bare = key.strip_prefix("ال").unwrap_or(key);
    if matches!(bare, "عشر" | "عشره") && matches!(last, Kind::Unit | Kind::Ordinal) && current < 10
    {
        return Some((10, Kind::Teen));
    }
    if let Some((v, kind)) = lookup(key) {
        // «ثلاث مئة» written apart multiplies the unit.
        if kind == Kind::Hundred && v == 100 && last == Kind::Unit && (3..=9).contains(&current) {
            return Some((current * 100 - current, Kind::Hundred));
        }
        return matches!(kind, Kind::Scale).then_some((v, kind));
    }
    let rest = key.strip_prefix('و')?;
    let rest = if lookup(rest).is_some() {
        rest
    } else {
        rest.strip_prefix("ال")?
    };
    let (v, kind) = lookup(rest)?;
    matches!(kind, Kind::Unit | Kind::Ten | Kind::Hundred | Kind::Ordinal).then_some((v, kind))
}

fn lookup(key: &str) -> Option<(u64, Kind)> {
    words().get(key).copied()
}

/// Digits of any set with `,` `٬` thousands separators and `.` `٫` decimals; `%` is not a
/// plain number.
fn digits(key: &str) -> Option<f64> {
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_digit()) || key.ends_with('%') {
        return None;
    }
    let mut plain = String::with_capacity(key.len());
    let groups: Vec<&str> = key.split(',').collect();
    // «1,200» groups thousands; «3,5» (one group not of three digits) is a decimal comma.
    let thousands = groups[1..]
        .iter()
        .all(|g| g.split('.').next().is_some_and(|h| h.len() == 3));
    for (i, g) in groups.iter().enumerate() {
        if i > 0 && !thousands {
            plain.push('.');
        }
        plain.push_str(g);
    }
    if !plain.chars().all(|c| c.is_ascii_digit() || c == '.') || plain.matches('.').count() > 1 {
        return None;
    }
    plain.parse().ok()
}

fn words() -> &'static FxHashMap<String, (u64, Kind)> {
    static WORDS: OnceLock<FxHashMap<String, (u64, Kind)>> = OnceLock::new();
    WORDS.get_or_init(|| {
        tsv::TEXT_NUMBERS
            .rows()
            .filter_map(|cols| {
                let word = cols[0];
                let value = cols[1].parse().ok()?;
                let kind = match cols[2] {
                    "unit" => Kind::Unit,
                    "ten" => Kind::Ten,
                    "hundred" => Kind::Hundred,
                    "scale" => Kind::Scale,
                    "scale_count" => Kind::ScaleCount,
                    "ordinal" => Kind::Ordinal,
                    "dual" => Kind::Dual,
                    _ => return None,
                };
                Some((normalize::key(word), (value, kind)))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 9: the table of first words reads what reading each key does.
    #[test]
    fn first_items_are_read_once() {
        let mut keys: Vec<String> = first_items().keys().cloned().collect();
        keys.extend(["الاحد", "لست", "وست", "الرئيس", "", "ب", "والف"].map(str::to_owned));
        for key in keys.iter().flat_map(|k| [k.clone(), format!("و{k}"), format!("ال{k}")]) {
            assert_eq!(first_item(&key), read_first_item(&key), "{key}");
        }
        assert!(first_items().len() > words().len());
    }

    fn read(phrase: &str) -> Option<(u64, usize, bool)> {
        let words: Vec<&str> = phrase.split(' ').collect();
        parse_phrase(&words).map(|p| (p.value, p.words, p.ordinal))
    }

    #[test]
    fn reads_number_phrases() {
        assert_eq!(read("خمسة وعشرون عاما"), Some((25, 2, false)));
        assert_eq!(read("الحادي عشر من"), Some((11, 2, true)));
        assert_eq!(read("الحادي والعشرين"), Some((21, 2, true)));
        assert_eq!(read("ثلاثمئة وخمسة وعشرون"), Some((325, 3, false)));
        assert_eq!(read("ثلاثة آلاف"), Some((3000, 2, false)));
        assert_eq!(read("ألفين"), Some((2000, 1, false)));
        assert_eq!(read("ألف وخمسمئة"), Some((1500, 2, false)));
        assert_eq!(read("خمسة عشر ألفا"), Some((15000, 3, false)));
        assert_eq!(read("3.5 مليار"), Some((3_500_000_000, 2, false)));
        assert_eq!(read("١٬٢٠٠"), Some((1200, 1, false)));
        assert_eq!(read("عامين"), Some((2, 1, false)));
        assert_eq!(read("ثلاث مئة"), Some((300, 2, false)));
        assert_eq!(read("قال"), None);
    }
}
