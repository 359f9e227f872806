//! Clitic analysis: which part of a word is the stem («وبوتين» → «بوتين»).
//!
//! A word is split as `[و|ف] [ب|ل|ك|س] [ال] stem [pronoun]` (`docs/arabic.md`, "Clitics").
//! Every split the letters allow is a candidate; candidates are ranked by a lexicon of words
//! attested *unprefixed* in the ANERcorp training text (`data/text/lexicon.tsv`, with counts,
//! derived by `cargo xtask eval-clitics --derive-lexicon`) and by [`crate::kb::is_known_name`]:
//!
//! 1. the whole word wins when it is known (بوتين، بغداد، لبنان، وليد);
//! 2. otherwise the best split whose core (the word without conjunction, preposition and
//!    pronoun; with the article) is known, scored `ln(count) + Σ ln(prior of each clitic)`;
//! 3. otherwise, for unknown words, only safe strips: clitics before the article (وبالكرملين)
//!    or a conjunction و before at least three letters (وبايدن).
//!
//! The article ال is then split off the core unless it is written with hamza (ألمانيا), the
//! lexicon says the word is usually spelled so, or the word is a function word (الذي، الله).
//! Prepositions of one letter with a pronoun (له، بها) stay whole: the core must have two letters.

use crate::normalize;
use crate::tsv;
use crate::span::Span;
use rustc_hash::FxHashMap;
use std::ops::ControlFlow;
use std::sync::{LazyLock, OnceLock};

/// A segmentation of one word into proclitics, stem and enclitic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmentation {
    /// The stem's span, relative to the start of the word (bytes).
    pub stem: Span,
    /// The proclitics stripped, in order (`"و"`, `"ب"`, `"ال"`).
    pub proclitics: Vec<&'static str>,
    /// The enclitic pronoun stripped, if any.
    pub enclitic: Option<&'static str>,
}

impl Segmentation {
    /// The stem together with its article, if any, in `word` (the word this segmentation is of):
    /// «والرئيس» → «الرئيس», «للرئيس» → «لرئيس». What a name highlight should cover. (Used by
    /// the tests and the clitic evaluation only, hence the feature.)
    #[cfg(feature = "eval")]
    pub fn stem_with_article(&self, word: &str) -> Span {
        if self.proclitics.last() != Some(&"ال") {
            return self.stem;
        }
        // ل + ال is always written لل: the article's alef is elided, one letter to take back.
        let elided =
            self.proclitics.len() >= 2 && self.proclitics[self.proclitics.len() - 2] == "ل";
        let mut letters = if elided { 1 } else { 2 };
        let mut start = self.stem.start.min(word.len());
        while letters > 0 {
            let Some((i, c)) = word.get(..start).and_then(|w| w.char_indices().next_back()) else {
                break;
            };
            start = i;
            if !normalize::is_ignorable(c) {
                letters -= 1;
            }
        }
        Span::new(start, self.stem.end)
    }

    /// The segmentation as `و+ب+ال+stem+ه` (the gold format of the clitic evaluation).
    #[cfg(feature = "eval")]
    pub fn render(&self, word: &str) -> String {
        let mut parts: Vec<String> = self.proclitics.iter().map(|p| (*p).to_owned()).collect();
        parts.push(normalize::key(self.stem.slice(word)));
        parts.extend(self.enclitic.map(str::to_owned));
        parts.join("+")
    }
}

/// A candidate segmentation with its score (higher is better).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub struct Candidate {
    /// The segmentation.
    pub segmentation: Segmentation,
    /// Its score.
    pub score: f32,
    /// Whether its core is a known word or name.
    pub known: bool,
}

/// The best segmentation of `word`. The whole word when nothing is stripped.
///
/// The first of [`segmentations`], found without building the others (issue 9: ranking every
/// candidate allocated a dozen strings and vectors per word): the same scores in the same
/// order, the first of the best kept.
pub fn best(word: &str) -> Segmentation {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => {
            let segmentation = best_in(word, &mut scratch);
            // A very long "word" leaves no large buffers behind.
            if scratch.letters.capacity() > 256 {
                *scratch = Scratch::default();
            }
            segmentation
        }
        Err(_) => best_in(word, &mut Scratch::default()),
    })
}

/// Buffers [`best`] reuses from word to word (issue 9: five allocations per word).
#[derive(Debug, Default)]
struct Scratch {
    letters: Vec<Letter>,
    folded: Vec<char>,
    /// The folded letters as a string, and where each letter starts in it (and its end): a
    /// split's core is a slice of it, not a string built per split.
    key: String,
    starts: Vec<usize>,
    /// «ا» + a core, for a split with an elided article.
    lookup: String,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

fn best_in(word: &str, scratch: &mut Scratch) -> Segmentation {
    let Scratch {
        letters,
        folded,
        key,
        starts,
        lookup,
    } = scratch;
    letters_into(word, letters);
    if letters.is_empty() || !letters.iter().all(|l| is_arabic(l.folded)) {
        return whole(word);
    }
    folded.clear();
    folded.extend(letters.iter().map(|l| l.folded));
    key.clear();
    starts.clear();
    for &c in folded.iter() {
        starts.push(key.len());
        key.push(c);
    }
    starts.push(key.len());
    let last = letters.last().map(|l| l.original);
    let mut best: Option<(f32, SplitRef)> = None;
    // Whether it stopped early does not matter: `best` holds what it found.
    let _ = for_each_split(folded, &mut |split| {
        let (core, lookup) = core_and_lookup(split, key, starts, lookup);
        let Some((score, _)) = score(split, folded, last, core, lookup) else {
            return ControlFlow::Continue(());
        };
        // `segmentations` sorts stably, best first: the first of the highest scores wins.
        if best.is_none_or(|(b, _)| score.total_cmp(&b) == std::cmp::Ordering::Greater) {
            best = Some((score, *split));
        }
        // A known whole word (the first split) scores 1000 and more, any other split less than
        // 1000 (`score`): nothing after it can win, and the other splits are not read.
        if score >= 1000.0 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    match best {
        Some((_, split)) => {
            let (_, lookup) = core_and_lookup(&split, key, starts, lookup);
            build(word, letters, &split, lookup)
        }
        None => whole(word),
    }
}

/// The core of `split` (a slice of the word's folded `key`, whose letters start at `starts`)
/// and the key its lexicon lookup uses: the core, or «ا» + the core (in `buffer`) when the
/// article's alif is elided.
fn core_and_lookup<'a>(
    split: &SplitRef,
    key: &'a str,
    starts: &[usize],
    buffer: &'a mut String,
) -> (&'a str, &'a str) {
    let core = &key[starts[split.core_start]..starts[split.core_end]];
    if !split.article_elided {
        return (core, core);
    }
    buffer.clear();
    buffer.push('ا');
    buffer.push_str(core);
    (core, buffer)
}

/// All candidate segmentations of `word`, best first (at least one: the whole word).
// The analysis needs only [`best`]; the tests and xtask's clitic evaluation rank them all.
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn segmentations(word: &str) -> Vec<Candidate> {
    let letters = letters(word);
    if letters.is_empty() || !letters.iter().all(|l| is_arabic(l.folded)) {
        return vec![Candidate {
            segmentation: whole(word),
            score: 0.0,
            known: false,
        }];
    }
    let folded: Vec<char> = letters.iter().map(|l| l.folded).collect();
    let mut out: Vec<Candidate> = Vec::new();
    let last = letters.last().map(|l| l.original);
    let _ = for_each_split(&folded, &mut |split| {
        let core: String = folded[split.core_start..split.core_end].iter().collect();
        let lookup = if split.article_elided {
            format!("ا{core}")
        } else {
            core.clone()
        };
        let Some((score, known)) = score(split, &folded, last, &core, &lookup) else {
            return ControlFlow::Continue(());
        };
        let segmentation = build(word, &letters, split, &lookup);
        out.push(Candidate {
            segmentation,
            score,
            known,
        });
        ControlFlow::Continue(())
    });
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

/// The score of `split` of the word whose folded letters are `folded` (its last original
/// letter `last`) and whether its core is known, or `None` when the split is not a candidate.
/// `core` is the split's core and `lookup` the key its lexicon lookup uses (the core, or «ا» +
/// the core when the article's alif is elided).
fn score(
    split: &SplitRef,
    folded: &[char],
    last: Option<char>,
    core: &str,
    lookup: &str,
) -> Option<(f32, bool)> {
    // ة and ى fold to ه and ي, but neither is a pronoun: مدرسة، أخرى.
    let folded_away = match split.enclitic {
        Some(e) if e.starts_with('ه') => last == Some('ة'),
        Some(e) if e.ends_with('ي') => last == Some('ى'),
        _ => false,
    };
    if folded_away {
        return None;
    }
    let count = known_count(lookup, split.enclitic.is_some());
    let proclitics = split.proclitics();
    let is_whole = proclitics.is_empty() && split.enclitic.is_none();
    // Each clitic costs a little more, so that the simpler split wins a near tie.
    let clitics = proclitics.len() + usize::from(split.enclitic.is_some());
    let prior: f32 = split.log_prior - CLITIC_COST * clitics as f32;
    let score = match count {
        Some(c) if is_whole => 1000.0 + (c as f32).ln(),
        Some(c) => 100.0 + (c as f32 + 1.0).ln() + prior,
        None if is_whole => 0.0,
        None => fallback(split, folded, core).map_or(f32::NEG_INFINITY, |b| b + prior),
    };
    (score != f32::NEG_INFINITY).then_some((score, count.is_some()))
}

/// How often `key` occurs unprefixed in the lexicon (a known name counts as frequent).
pub fn lexicon_count(key: &str) -> Option<u32> {
    if crate::kb::is_known_name(key) {
        return Some(1000);
    }
    lexicon().get(key).map(|e| e.count)
}

/// One split of a folded word (exposed for the lexicon derivation in `xtask`).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub struct Split {
    /// Proclitics before the core (conjunction, preposition), in order.
    pub proclitics: Vec<&'static str>,
    /// The enclitic pronoun.
    pub enclitic: Option<&'static str>,
    /// First letter of the core (letter index).
    pub core_start: usize,
    /// One past the last letter of the core.
    pub core_end: usize,
    /// «لل»: the preposition ل before an article whose alef is elided.
    pub article_elided: bool,
    /// Sum of the log priors of the clitics.
    pub log_prior: f32,
}

/// Every split the letters of a folded word allow (the whole word first).
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn splits(folded: &[char]) -> Vec<Split> {
    let mut out = Vec::new();
    let _ = for_each_split(folded, &mut |s| {
        out.push(s.to_split());
        ControlFlow::Continue(())
    });
    out
}

/// A [`Split`] that borrows nothing and allocates nothing: its proclitics in a fixed array.
#[derive(Debug, Clone, Copy)]
struct SplitRef {
    /// The conjunction and the preposition, the first `proclitic_count` of them present.
    proclitic_items: [&'static str; 2],
    proclitic_count: usize,
    enclitic: Option<&'static str>,
    core_start: usize,
    core_end: usize,
    article_elided: bool,
    log_prior: f32,
}

impl SplitRef {
    fn proclitics(&self) -> &[&'static str] {
        &self.proclitic_items[..self.proclitic_count]
    }

    #[cfg_attr(not(feature = "eval"), allow(dead_code))]
    fn to_split(self) -> Split {
        Split {
            proclitics: self.proclitics().to_vec(),
            enclitic: self.enclitic,
            core_start: self.core_start,
            core_end: self.core_end,
            article_elided: self.article_elided,
            log_prior: self.log_prior,
        }
    }
}

/// Hands every split of a folded word to `each`, in the order of [`splits`].
/// Stops when `each` breaks.
fn for_each_split(
    folded: &[char],
    each: &mut dyn FnMut(&SplitRef) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let n = folded.len();
    let conj = match folded.first() {
        Some('و') => Some("و"),
        Some('ف') => Some("ف"),
        _ => None,
    };
    // The pronouns the word ends with (their lengths in letters, their priors), in the order
    // of ENCLITICS.
    let mut endings = [("", 0, 0.0); ENCLITICS.len()];
    let mut ending_count = 0;
    for (&(e, p), &(last, len)) in ENCLITICS.iter().zip(ENCLITIC_ENDS.iter()) {
        // The last letter first: most words end in none of the pronouns.
        if folded.last() != Some(&last) {
            continue;
        }
        if n >= len && folded[n - len..].iter().copied().eq(e.chars()) {
            endings[ending_count] = (e, len, p);
            ending_count += 1;
        }
    }
    let firsts = [(None, 0), (conj, 1)];
    for (conj, p1) in firsts.into_iter().take(1 + usize::from(conj.is_some())) {
        let prep = match folded.get(p1) {
            Some('ب') => Some("ب"),
            Some('ل') => Some("ل"),
            Some('ك') => Some("ك"),
            Some('س') if matches!(folded.get(p1 + 1), Some('ي' | 'ت' | 'ن' | 'ا')) => Some("س"),
            _ => None,
        };
        let seconds = [(None, p1), (prep, p1 + 1)];
        for (prep, p2) in seconds.into_iter().take(1 + usize::from(prep.is_some())) {
            let mut enclitics = [(None, n, 0.0); 1 + ENCLITICS.len()];
            let mut enclitic_count = 1;
            for &(e, len, p) in &endings[..ending_count] {
                if n >= p2 + 2 + len {
                    enclitics[enclitic_count] = (Some(e), n - len, p);
                    enclitic_count += 1;
                }
            }
            let mut proclitic_items = [""; 2];
            let mut proclitic_count = 0;
            for p in [conj, prep].into_iter().flatten() {
                proclitic_items[proclitic_count] = p;
                proclitic_count += 1;
            }
            let proclitic_prior = proclitic_items[..proclitic_count]
                .iter()
                .map(|p| prior(p))
                .sum::<f32>();
            for &(enc, end, enclitic_prior) in &enclitics[..enclitic_count] {
                if end < p2 + 2 {
                    continue;
                }
                // A pronoun never follows the article: العالمي is not ال+عالم+ي.
                let core = &folded[p2..end];
                let article = core.starts_with(&['ا', 'ل']) && core.len() >= 4;
                if enc.is_some() && article {
                    continue;
                }
                let log_prior = proclitic_prior + enclitic_prior;
                let split = SplitRef {
                    proclitic_items,
                    proclitic_count,
                    enclitic: enc,
                    core_start: p2,
                    core_end: end,
                    article_elided: false,
                    log_prior,
                };
                if prep == Some("ل") && folded.get(p2) == Some(&'ل') && end >= p2 + 3 {
                    each(&SplitRef {
                        article_elided: true,
                        ..split
                    })?;
                }
                if prep == Some("س") && folded[p2..].starts_with(&['ا', 'ل']) {
                    continue;
                }
                each(&split)?;
            }
        }
    }
    ControlFlow::Continue(())
}

/// The log prior of a proclitic.
fn prior(p: &str) -> f32 {
    match p {
        "و" => -0.5,
        "ف" => -1.2,
        "ب" | "ل" => -0.9,
        "ك" => -4.0,
        _ => -1.9,
    }
}

/// Enclitic pronouns with their log priors.
const ENCLITICS: &[(&str, f32)] = &[
    ("ه", -0.9),
    ("ها", -0.9),
    ("هما", -1.2),
    ("هم", -0.9),
    ("هن", -1.6),
    ("ك", -1.9),
    ("كما", -2.3),
    ("كم", -1.9),
    ("ي", -2.3),
    ("ني", -1.6),
    ("نا", -1.2),
];

/// The last letter and the length in letters of each of [`ENCLITICS`], in its order.
static ENCLITIC_ENDS: LazyLock<Vec<(char, usize)>> = LazyLock::new(|| {
    ENCLITICS
        .iter()
        .map(|(e, _)| (e.chars().next_back().unwrap_or_default(), e.chars().count()))
        .collect()
});

/// Words starting with ال whose ال is not an article (folded keys).
const NOT_ARTICLE: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللاتي",
    "اللواتي",
    "الله",
    "اللهم",
    "الا",
    "الان",
    "الي",
    "اللي",
    "الف",
    "الاف",
    "الفين",
    "الفا",
];

/// Score bonus of a split of an unknown word, if it is safe enough to make.
fn fallback(split: &SplitRef, folded: &[char], core: &str) -> Option<f32> {
    let core_len = core.chars().count();
    if split.enclitic.is_some() {
        return None;
    }
    let article = split.article_elided || (core.starts_with("ال") && core_len >= 4);
    if article && !split.proclitics().is_empty() {
        return Some(10.0);
    }
    if split.proclitics() == ["و"] && core_len >= 3 && folded.len() >= 4 {
        return Some(5.0);
    }
    None
}

/// The score cost of each clitic stripped.
const CLITIC_COST: f32 = 1.0;

fn known_count(core: &str, has_enclitic: bool) -> Option<u32> {
    lexicon_count(core).or_else(|| {
        // (The base only before a pronoun: issue 9, it is a new string.)
        let alt = has_enclitic.then(|| enclitic_base(core)).flatten()?;
        lexicon_count(&alt)
    })
}

/// The dictionary form of a core written before a pronoun: ة becomes ت (حكومته → حكومة) and a
/// final hamza sits on a seat (حلفائنا → حلفاء). Keys are folded, so ة is ه.
pub fn enclitic_base(core: &str) -> Option<String> {
    if let Some(stem) = core.strip_suffix('ت') {
        return Some(format!("{stem}ه"));
    }
    let stem = core.strip_suffix('ئ').or_else(|| core.strip_suffix('ؤ'))?;
    Some(format!("{stem}ء"))
}

/// One letter of the word: its folded form and its byte offset in the original word.
#[derive(Debug, Clone, Copy)]
struct Letter {
    folded: char,
    original: char,
    at: usize,
}

#[cfg_attr(not(feature = "eval"), allow(dead_code))]
fn letters(word: &str) -> Vec<Letter> {
    let mut out = Vec::with_capacity(word.len() / 2);
    letters_into(word, &mut out);
    out
}

/// [`letters`] into `out` (cleared first).
fn letters_into(word: &str, out: &mut Vec<Letter>) {
    out.clear();
    let config = normalize::Config::default();
    for (at, c) in word.char_indices() {
        normalize::fold_into(c, &config, &mut |f| {
            out.push(Letter {
                folded: f,
                original: c,
                at,
            });
        });
    }
}

fn is_arabic(c: char) -> bool {
    crate::token::is_arabic_letter(c)
}

fn whole(word: &str) -> Segmentation {
    Segmentation {
        stem: Span::new(0, word.len()),
        proclitics: Vec::new(),
        enclitic: None,
    }
}

fn build(word: &str, letters: &[Letter], split: &SplitRef, lookup: &str) -> Segmentation {
    let at = |i: usize| letters.get(i).map_or(word.len(), |l| l.at);
    // Allocated only for a word with proclitics.
    let mut proclitics = split.proclitics().to_vec();
    let mut start = split.core_start;
    let core_len = split.core_end - split.core_start;
    if split.article_elided {
        proclitics.push("ال");
        start += 1;
    } else if core_len >= 4
        && lookup.starts_with("ال")
        && letters[start].original == 'ا'
        && !NOT_ARTICLE.contains(&lookup)
        && !lexicon().get(lookup).is_some_and(|e| e.hamza)
    {
        proclitics.push("ال");
        start += 2;
    }
    Segmentation {
        stem: Span::new(at(start), at(split.core_end)),
        proclitics,
        enclitic: split.enclitic,
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    count: u32,
    hamza: bool,
}

fn lexicon() -> &'static FxHashMap<&'static str, Entry> {
    static LEXICON: OnceLock<FxHashMap<&'static str, Entry>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        tsv::TEXT_LEXICON
            .rows()
            .filter_map(|cols| {
                let key = cols[0];
                let count = cols[1].parse().ok()?;
                let hamza = cols[2] == "h";
                Some((key, Entry { count, hamza }))
            })
            .collect()
    })
}

/// One reading of a word's key with its proclitics stripped (see [`proclitic_readings`]): the
/// key of the stem, borrowed from the word's key, with an alif put back in front when the
/// preposition ل took the article's (للولايات → الولايات).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading<'k> {
    /// The key after the stripped letters.
    rest: &'k str,
    /// Whether the stem's key is «ا» + `rest`.
    alif: bool,
    /// The number of key chars stripped.
    pub stripped: usize,
}

impl<'k> Reading<'k> {
    /// Whether the stem's key is `key` (no allocation).
    pub fn is(&self, key: &str) -> bool {
        if self.alif {
            key.strip_prefix('ا') == Some(self.rest)
        } else {
            key == self.rest
        }
    }

    /// The stem's key (borrowed unless an alif is put back).
    pub fn key(&self) -> std::borrow::Cow<'k, str> {
        if self.alif {
            let mut key = String::with_capacity(self.rest.len() + 2);
            key.push('ا');
            key.push_str(self.rest);
            std::borrow::Cow::Owned(key)
        } else {
            std::borrow::Cow::Borrowed(self.rest)
        }
    }
}

/// The readings of one key, whole first (at most four: whole, و/ف, و/ف + ب/ل/ك and its alif
/// variant; or whole, ب/ل/ك and its alif variant).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Readings<'k> {
    items: [Reading<'k>; 4],
    len: usize,
}

impl<'k> Readings<'k> {
    /// The readings in order, whole first.
    pub fn iter(&self) -> impl Iterator<Item = Reading<'k>> + '_ {
        self.items[..self.len].iter().copied()
    }

    /// Whether some reading's key is `key`.
    pub fn any_is(&self, key: &str) -> bool {
        self.iter().any(|r| r.is(key))
    }

    /// Whether some reading's key is in `list`.
    pub fn any_in(&self, list: &[&str]) -> bool {
        self.iter().any(|r| list.iter().any(|k| r.is(k)))
    }

    fn push(&mut self, r: Reading<'k>) {
        if self.len < self.items.len() {
            self.items[self.len] = r;
            self.len += 1;
        }
    }
}

/// The ways to read a word's folded key for matching: whole, or with a conjunction (و ف) and/or
/// a preposition (ب ل ك) stripped when at least two letters remain; after ل, a stem starting
/// with ل is also read with the article's alif back. The one proclitic reader of the matcher
/// and the entity resolver; it allocates nothing (issue 9).
pub(crate) fn proclitic_readings(key: &str) -> Readings<'_> {
    crate::work::count(crate::work::Work::Readings, 1);
    let whole = Reading {
        rest: key,
        alif: false,
        stripped: 0,
    };
    let mut out = Readings {
        items: [whole; 4],
        len: 1,
    };
    // The rules ask whether at least 3 or 4 chars are there: count no further (issue 9).
    let count = key.chars().take(4).count();
    let mut chars = key.chars();
    let first = chars.next();
    let after_first = chars.as_str();
    let second = chars.next();
    let after_second = chars.as_str();
    if first.is_some_and(|c| matches!(c, 'و' | 'ف')) {
        if count >= 3 {
            out.push(Reading {
                rest: after_first,
                alif: false,
                stripped: 1,
            });
        }
        push_preposition(&mut out, second, after_second, 2, count);
    } else {
        push_preposition(&mut out, first, after_first, 1, count);
    }
    out
}

/// The readings with the preposition `letter` stripped (`n` key chars in all), if it is one.
fn push_preposition<'k>(
    out: &mut Readings<'k>,
    letter: Option<char>,
    rest: &'k str,
    n: usize,
    count: usize,
) {
    if letter.is_some_and(|p| matches!(p, 'ب' | 'ل' | 'ك')) && count >= n + 2 {
        if letter == Some('ل') && rest.starts_with('ل') {
            out.push(Reading {
                rest,
                alif: true,
                stripped: n,
            });
        }
        out.push(Reading {
            rest,
            alif: false,
            stripped: n,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 9: `best` finds the first of `segmentations` without ranking them all — for words
    /// of the lexicon with clitics before and after (known cores, unknown words, ties).
    #[test]
    fn best_is_the_first_segmentation() {
        let words: Vec<&str> = tsv::TEXT_LEXICON.rows().map(|cols| cols[0]).step_by(3).collect();
        assert!(words.len() > 1000);
        for w in words {
            for word in [
                w.to_owned(),
                format!("و{w}"),
                format!("وبال{w}"),
                format!("لل{w}"),
                format!("ف{w}ها"),
                format!("س{w}"),
                format!("{w}ة"),
            ] {
                let first = segmentations(&word).into_iter().next().map(|c| c.segmentation);
                assert_eq!(Some(best(&word)), first, "{word}");
            }
        }
        assert_eq!(best("Biden"), whole("Biden"));
        assert_eq!(best(""), whole(""));
    }
}
