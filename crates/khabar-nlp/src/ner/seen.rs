//! Names seen in the training text (issue 10): every entity the training corpora label, with
//! its most frequent type and how reliably its words are an entity where they occur. The
//! stacked document pass ([`crate::ner::stack`]) reads it for every token: what the list says
//! of the word, of its neighbours and of the longest listed phrase covering it, against the
//! token's own first-pass type. The shipped list (`data/ner/seen.tsv`, written by `cargo xtask
//! train-ner`) is that of the whole training text; the stacked model is fitted on folds whose
//! first pass reads the list of the other folds' text only, as an unseen text reads the whole.
//!
//! The first pass can read it too, as features ([`crate::ner::features::Group::Seen`] for whole
//! names, [`crate::ner::features::Group::SeenWords`] for single words; off by default). A model
//! trained with the list of its whole training text would learn that a listed name is always a
//! name, since every name it trains on is listed, so that training is jackknifed (`jackknife`):
//! the training text is cut into [`PARTS`] contiguous blocks (a document's repetitions stay in
//! one block), and each block's features read the list of the other blocks.
//!
//! A name is keyed like the NERAr lists: the light stem of its first word, then the keys of the
//! others, joined by spaces; a word by its light stem.

use rustc_hash::FxHashMap;

use crate::ner::features::{light_stem, mark_longest};
use crate::ner::{NerType, type_name};

/// How many blocks training is jackknifed in.
pub const PARTS: usize = 10;

/// The most words in a listed name.
pub const LONGEST: usize = 6;

/// What the list says of a name or a word: its most frequent type and a reliability bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The type it is labelled with most often (ties: PERS, LOC, ORG, MISC in that order).
    pub ty: NerType,
    /// Index into [`PHRASE_BUCKETS`] or [`WORD_BUCKETS`].
    pub bucket: u8,
}

/// Buckets of a name: labelled in at least 90% of its occurrences with one type for at least
/// 90% of them, three times or more (`sure3`) or fewer (`sure`); in at least 90% but of mixed
/// types (`mixed`); in at least half (`often`); less (`rare`).
pub const PHRASE_BUCKETS: [&str; 5] = ["sure3", "sure", "mixed", "often", "rare"];

/// Buckets of a word: part of an entity in at least 90% of its occurrences, three times or more
/// (`a3`) or fewer (`a`); at least half (`b`); at least a tenth (`c`); less (`d`).
pub const WORD_BUCKETS: [&str; 5] = ["a3", "a", "b", "c", "d"];

const TYPES: [NerType; 4] = [NerType::Pers, NerType::Loc, NerType::Org, NerType::Misc];


/// A list of names and words seen as entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    phrases: FxHashMap<Box<str>, Entry>,
    /// The light stem of a name's first word → the most words in a name starting with it.
    first_words: FxHashMap<Box<str>, usize>,
    words: FxHashMap<Box<str>, Entry>,
}

/// Why a list could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenError(pub String);

impl std::fmt::Display for SeenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad seen-names table: {}", self.0)
    }
}

impl std::error::Error for SeenError {}

impl Seen {
    /// Reads a list written by [`Seen::to_tsv`]: `P<TAB>name<TAB>TYPE<TAB>bucket` and
    /// `W<TAB>word<TAB>TYPE<TAB>bucket` lines, `#` comments.
    pub fn from_tsv(text: &str) -> Result<Seen, SeenError> {
        let mut seen = Seen::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || SeenError(format!("line {}: {line:?}", n + 1));
            let mut cols = line.split('\t');
            let (Some(kind), Some(key), Some(ty), Some(bucket), None) =
                (cols.next(), cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad());
            };
            let ty = TYPES
                .into_iter()
                .find(|&t| type_name(t) == ty)
                .ok_or_else(bad)?;
            let buckets = if kind == "P" { PHRASE_BUCKETS } else { WORD_BUCKETS };
            let bucket = buckets.iter().position(|b| *b == bucket).ok_or_else(bad)? as u8;
            let entry = Entry { ty, bucket };
            match kind {
                "P" if key.split(' ').count() <= LONGEST => seen.add_phrase(key, entry),
                "W" => {
                    seen.words.insert(key.into(), entry);
                }
                _ => return Err(bad()),
            }
        }
        Ok(seen)
    }

    fn add_phrase(&mut self, key: &str, entry: Entry) {
        let words = key.split(' ').count();
        let first = key.split(' ').next().unwrap_or(key);
        let most = self.first_words.entry(first.into()).or_default();
        *most = (*most).max(words);
        self.phrases.insert(key.into(), entry);
    }

    /// The list as text ([`Seen::from_tsv`] reads it), sorted: the same list, the same bytes.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut rows: Vec<(&str, &str, Entry)> = self
            .phrases
            .iter()
            .map(|(k, e)| ("P", k.as_ref(), *e))
            .chain(self.words.iter().map(|(k, e)| ("W", k.as_ref(), *e)))
            .collect();
        rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut out = String::from(header);
        for (kind, key, e) in rows {
            let buckets = if kind == "P" { PHRASE_BUCKETS } else { WORD_BUCKETS };
            let bucket = buckets[usize::from(e.bucket)];
            out.push_str(&format!("{kind}\t{key}\t{}\t{bucket}\n", type_name(e.ty)));
        }
        out
    }

    /// How many names and words the list holds.
    pub fn len(&self) -> (usize, usize) {
        (self.phrases.len(), self.words.len())
    }

    /// What the list says of a word (by the light stem of its key).
    pub fn word(&self, key: &str) -> Option<Entry> {
        self.stem(light_stem(key))
    }

    /// What the list says of a word of light stem `stem`.
    pub fn stem(&self, stem: &str) -> Option<Entry> {
        self.words.get(stem).copied()
    }

    /// For every token (by its key), the longest listed name covering it, left to right:
    /// (begins here, entry). `buf` is reused between calls.
    pub fn spans(&self, keys: &[&str], buf: &mut String) -> Vec<Option<(bool, Entry)>> {
        let mut out = Vec::new();
        self.spans_into(keys, buf, &mut out);
        out
    }

    /// [`Seen::spans`] written to `out` (cleared first).
    pub fn spans_into<K: AsRef<str>>(
        &self,
        keys: &[K],
        buf: &mut String,
        out: &mut Vec<Option<(bool, Entry)>>,
    ) {
        out.clear();
        out.resize(keys.len(), None);
        if self.phrases.is_empty() {
            return;
        }
        mark_longest(out, |i| {
            let first = light_stem(keys[i].as_ref());
            let most = self.first_words.get(first).copied().unwrap_or(0);
            for n in (1..=most.min(keys.len() - i)).rev() {
                buf.clear();
                buf.push_str(first);
                for k in &keys[i + 1..i + n] {
                    buf.push(' ');
                    buf.push_str(k.as_ref());
                }
                if let Some(&e) = self.phrases.get(buf.as_str()) {
                    return Some((n, e));
                }
            }
            None
        });
    }
}

/// The block of the jackknife sentence `i` of `n` belongs to.
pub fn part_of(i: usize, n: usize) -> usize {
    i * PARTS / n.max(1)
}

/// Counts of a name or word: labelled with each type, and occurrences.
#[cfg(feature = "eval")]
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    types: [u32; 4],
    occurrences: u32,
}

#[cfg(feature = "eval")]
impl Counts {
    fn add(&mut self, other: &Counts, sign: i64) {
        let f = |a: u32, b: u32| (i64::from(a) + sign * i64::from(b)).max(0) as u32;
        for (a, b) in self.types.iter_mut().zip(other.types) {
            *a = f(*a, b);
        }
        self.occurrences = f(self.occurrences, other.occurrences);
    }

    /// The entry of a name (`phrase`) or a word, if it was ever labelled.
    fn entry(&self, phrase: bool) -> Option<Entry> {
        let total: u32 = self.types.iter().sum();
        if total == 0 {
            return None;
        }
        let (t, best) = self
            .types
            .iter()
            .enumerate()
            .fold((0, 0), |acc, (t, &c)| if c > acc.1 { (t, c) } else { acc });
        let ratio = f64::from(total) / f64::from(self.occurrences.max(total));
        let bucket = if phrase {
            let pure = f64::from(best) >= 0.9 * f64::from(total);
            match (ratio >= 0.9, ratio >= 0.5, pure, total >= 3) {
                (true, _, true, true) => 0,
                (true, _, true, false) => 1,
                (true, _, false, _) => 2,
                (false, true, _, _) => 3,
                _ => 4,
            }
        } else if ratio >= 0.9 {
            if total >= 3 { 0 } else { 1 }
        } else if ratio >= 0.5 {
            2
        } else if ratio >= 0.1 {
            3
        } else {
            4
        };
        Some(Entry {
            ty: TYPES[t],
            bucket,
        })
    }
}

/// The lists of the training text `sentences`: one per jackknife block (the list of the other
/// blocks, read by that block's sentences in training) and the list of all of them (read by
/// any other text).
#[cfg(feature = "eval")]
pub fn jackknife(sentences: &[crate::ner::train::Sentence]) -> (Vec<Seen>, Seen) {
    lists(sentences, true)
}

/// The list of the whole training text `sentences` (that of [`jackknife`]).
#[cfg(feature = "eval")]
pub fn whole(sentences: &[crate::ner::train::Sentence]) -> Seen {
    lists(sentences, false).1
}

/// The lists of [`jackknife`], the blocks' only if `blocks`.
#[cfg(feature = "eval")]
fn lists(sentences: &[crate::ner::train::Sentence], blocks: bool) -> (Vec<Seen>, Seen) {
    use crate::ner::{Kind, kind_of};
    let n = sentences.len();
    let keys: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| crate::normalize::key(w)).collect())
        .collect();
    let phrase = |k: &[String]| {
        let mut p = String::from(light_stem(&k[0]));
        for w in &k[1..] {
            p.push(' ');
            p.push_str(w);
        }
        p
    };
    // Names and words by block: labelled counts.
    let mut phrases: Vec<FxHashMap<String, Counts>> = vec![FxHashMap::default(); PARTS];
    let mut words: Vec<FxHashMap<&str, Counts>> = vec![FxHashMap::default(); PARTS];
    for (si, s) in sentences.iter().enumerate() {
        let p = part_of(si, n);
        let mut i = 0;
        while i < s.labels.len() {
            let Some((_, ty)) = kind_of(s.labels[i]) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < s.labels.len() && kind_of(s.labels[j]) == Some((Kind::Inside, ty)) {
                j += 1;
            }
            if j - i <= LONGEST {
                phrases[p].entry(phrase(&keys[si][i..j])).or_default().types[ty as usize] += 1;
            }
            i = j;
        }
        for (k, &l) in keys[si].iter().zip(&s.labels) {
            let c = words[p].entry(light_stem(k)).or_default();
            c.occurrences += 1;
            if let Some((_, ty)) = kind_of(l) {
                c.types[ty as usize] += 1;
            }
        }
    }
    // Occurrences of the names anywhere, labelled or not.
    let mut longest: FxHashMap<String, usize> = FxHashMap::default();
    for p in &phrases {
        for k in p.keys() {
            let first = k.split(' ').next().unwrap_or(k);
            let most = longest.entry(first.to_owned()).or_default();
            *most = (*most).max(k.split(' ').count());
        }
    }
    let mut occurrences: Vec<FxHashMap<String, u32>> = vec![FxHashMap::default(); PARTS];
    for (si, k) in keys.iter().enumerate() {
        let p = part_of(si, n);
        for i in 0..k.len() {
            let most = longest.get(light_stem(&k[i])).copied().unwrap_or(0);
            for len in 1..=most.min(k.len() - i) {
                let key = phrase(&k[i..i + len]);
                if phrases.iter().any(|m| m.contains_key(&key)) {
                    *occurrences[p].entry(key).or_default() += 1;
                }
            }
        }
    }
    for (p, occ) in occurrences.into_iter().enumerate() {
        for (k, o) in occ {
            phrases[p].entry(k).or_default().occurrences += o;
        }
    }
    // Totals, and each block's list as the totals less the block.
    let mut all_phrases: FxHashMap<&str, Counts> = FxHashMap::default();
    let mut all_words: FxHashMap<&str, Counts> = FxHashMap::default();
    for p in 0..PARTS {
        for (k, c) in &phrases[p] {
            all_phrases.entry(k).or_default().add(c, 1);
        }
        for (k, c) in &words[p] {
            all_words.entry(k).or_default().add(c, 1);
        }
    }
    let list = |leave: Option<usize>| {
        let mut seen = Seen::default();
        for (k, c) in &all_phrases {
            let mut c = *c;
            if let Some(own) = leave.and_then(|p| phrases[p].get(*k)) {
                c.add(own, -1);
            }
            if let Some(e) = c.entry(true) {
                seen.add_phrase(k, e);
            }
        }
        for (k, c) in &all_words {
            let mut c = *c;
            if let Some(own) = leave.and_then(|p| words[p].get(*k)) {
                c.add(own, -1);
            }
            if let Some(e) = c.entry(false) {
                seen.words.insert((*k).into(), e);
            }
        }
        seen
    };
    let blocks = if blocks {
        (0..PARTS).map(|p| list(Some(p))).collect()
    } else {
        Vec::new()
    };
    (blocks, list(None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_back_what_it_wrote() {
        let mut seen = Seen::default();
        seen.add_phrase("قاهره", Entry { ty: NerType::Loc, bucket: 0 });
        seen.add_phrase("عبد العزيز", Entry { ty: NerType::Pers, bucket: 3 });
        seen.words.insert("عزيز".into(), Entry { ty: NerType::Pers, bucket: 2 });
        let text = seen.to_tsv("# test\n");
        assert_eq!(Seen::from_tsv(&text), Ok(seen));
        assert!(Seen::from_tsv("P\tx\tNOPE\tsure\n").is_err());
        assert!(Seen::from_tsv("P\tx\tLOC\n").is_err());
    }

    /// Each block reads the names of the others; the whole list, all of them.
    #[cfg(feature = "eval")]
    #[test]
    fn each_block_reads_the_names_of_the_other_blocks() {
        use crate::ner::train::Sentence;
        use crate::ner::{Kind, label_at};
        let sentence = |words: &[&str], names: &[usize]| Sentence {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            labels: (0..words.len())
                .map(|i| {
                    if names.contains(&i) {
                        label_at(Kind::Begin, NerType::Pers)
                    } else {
                        0
                    }
                })
                .collect(),
            domain: 0,
        };
        // 20 sentences, two a block: «زيد» is named in blocks 0, 2 and 5, «عمرو» in block 0.
        let text: Vec<Sentence> = (0..20)
            .map(|i| match i {
                0 => sentence(&["قال", "زيد", "وعمرو"], &[1, 2]),
                5 | 10 => sentence(&["قال", "زيد"], &[1]),
                _ => sentence(&["قال", "احد"], &[]),
            })
            .collect();
        let (blocks, whole) = jackknife(&text);
        assert_eq!(blocks.len(), PARTS);
        let bucket = |s: &Seen, w: &str| s.word(w).map(|e| WORD_BUCKETS[usize::from(e.bucket)]);
        assert_eq!(bucket(&whole, "زيد"), Some("a3"));
        assert_eq!(bucket(&blocks[0], "زيد"), Some("a"));
        assert_eq!(bucket(&whole, "عمرو"), Some("a"));
        assert_eq!(blocks[0].word("عمرو"), None);
        assert_eq!(blocks[1].word("عمرو").map(|e| e.ty), Some(NerType::Pers));
        // «قال» is never named.
        assert_eq!(whole.word("قال"), None);
        let spans = blocks[0].spans(&["زيد", "قال"], &mut String::new());
        assert_eq!(spans[0].map(|s| PHRASE_BUCKETS[usize::from(s.1.bucket)]), Some("sure"));
        assert_eq!(spans[1], None);
    }

    #[test]
    fn the_longest_name_covers_its_words() {
        let mut seen = Seen::default();
        seen.add_phrase("عبد", Entry { ty: NerType::Pers, bucket: 4 });
        seen.add_phrase("عبد العزيز", Entry { ty: NerType::Pers, bucket: 0 });
        let mut buf = String::new();
        let spans = seen.spans(&["قال", "عبد", "العزيز", "و"], &mut buf);
        assert_eq!(spans[0], None);
        assert_eq!(spans[1].map(|s| (s.0, s.1.bucket)), Some((true, 0)));
        assert_eq!(spans[2].map(|s| s.0), Some(false));
        assert_eq!(spans[3], None);
    }
}
