//! The lookup tables the NER features read: word clusters and the NERAr name lists, parsed once
//! from [`crate::ner::assets`].

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::ner::assets;

/// Lines of a TSV table that are not comments or blank, split at the first tab.
fn rows(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
}

static CLUSTERS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(assets::CLUSTERS)
        .map(|(key, path)| (key, path.trim()))
        .collect()
});

/// The cluster path of a normalised key (three hex digits, coarse to fine), if it has one.
pub fn cluster(key: &str) -> Option<&'static str> {
    CLUSTERS.get(key).copied()
}

static ALT_CLUSTERS: LazyLock<FxHashMap<&'static str, (&'static str, &'static str)>> =
    LazyLock::new(|| {
        rows(assets::ALT_CLUSTERS)
            .filter_map(|(key, paths)| {
                let (b, c) = paths.trim().split_once('\t')?;
                Some((key, (b, c)))
            })
            .collect()
    });

/// The paths of a normalised key in the two other clusterings, if it has them.
pub fn alt_clusters(key: &str) -> Option<(&'static str, &'static str)> {
    ALT_CLUSTERS.get(key).copied()
}

static STEM_CLUSTERS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(assets::STEM_CLUSTERS)
        .map(|(key, path)| (key, path.trim()))
        .collect()
});

/// The path of a light stem in the second clustering (three hex digits), if it has one.
pub fn stem_cluster(light: &str) -> Option<&'static str> {
    STEM_CLUSTERS.get(light).copied()
}

/// Three chars packed into one number (21 bits each), the key of [`NAME_LETTERS`].
fn pack3(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

/// Character 3-grams (`^`/`$` mark a stem's ends) → log-odds of name-list words against common
/// words, in tenths.
static NAME_LETTERS: LazyLock<FxHashMap<u64, i32>> = LazyLock::new(|| {
    rows(assets::NAME_LETTERS)
        .filter_map(|(gram, score)| {
            let mut c = gram.chars();
            let key = pack3(c.next()?, c.next()?, c.next()?);
            Some((key, score.trim().parse().ok()?))
        })
        .collect()
});

/// How name-like the letters of a light stem are: the mean log-odds of its character 3-grams
/// (with `^` and `$` at its ends), in one of nine buckets; `None` below 3 chars.
pub fn name_letters_bucket(light: &str) -> Option<&'static str> {
    const BUCKETS: [&str; 9] = ["-4", "-3", "-2", "-1", "0", "1", "2", "3", "4"];
    light.chars().nth(2)?;
    let mut window = ['\0', '\0', '^'];
    let (mut sum, mut n) = (0i32, 0i32);
    for c in light.chars().chain(std::iter::once('$')) {
        window = [window[1], window[2], c];
        if window[0] == '\0' {
            continue;
        }
        sum += NAME_LETTERS
            .get(&pack3(window[0], window[1], window[2]))
            .copied()
            .unwrap_or(0);
        n += 1;
    }
    // Mean in tenths, in steps of 0.5.
    let step = (sum / n.max(1)).div_euclid(5).clamp(-4, 4);
    BUCKETS.get(usize::try_from(step + 4).ok()?).copied()
}

/// Bit of a name-list class in a [`Gazetteer`] mask: PERS 1, LOC 2, ORG 4.
fn class_bit(class: &str) -> u8 {
    match class {
        "PERS" => 1,
        "LOC" => 2,
        "ORG" => 4,
        _ => 0,
    }
}

/// The NERAr name lists: full names (keys joined by a space) and the words they contain, each
/// with a mask of the classes they belong to.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Full names → class mask.
    pub names: FxHashMap<&'static str, u8>,
    /// Words of names → class mask.
    pub words: FxHashMap<&'static str, u8>,
    /// The most words in a name.
    pub longest: usize,
    /// The first word of names (the text before the first space) → the most words in a name
    /// starting with it: longer phrases need not be looked up (issue 9).
    pub first_words: FxHashMap<&'static str, usize>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer::default();
    for (class, name) in rows(assets::GAZETTEER) {
        let bit = class_bit(class);
        let name = name.trim();
        *g.names.entry(name).or_default() |= bit;
        let mut n = 0;
        for w in name.split(' ') {
            *g.words.entry(w).or_default() |= bit;
            n += 1;
        }
        g.longest = g.longest.max(n);
        let first = name.split(' ').next().unwrap_or(name);
        let most = g.first_words.entry(first).or_default();
        *most = (*most).max(n);
    }
    g
});

/// The shipped name lists.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// The class names of a mask, in order.
pub fn mask_classes(mask: u8) -> impl Iterator<Item = &'static str> {
    [(1, "PERS"), (2, "LOC"), (4, "ORG")]
        .into_iter()
        .filter(move |(b, _)| mask & b != 0)
        .map(|(_, c)| c)
}

static DOMAINS: LazyLock<FxHashMap<&'static str, f32>> = LazyLock::new(|| {
    rows(assets::DOMAINS)
        .filter_map(|(key, w)| Some((key, w.trim().parse().ok()?)))
        .collect()
});

/// The domain weight of a normalised key (positive: Wikipedia-like, negative: news-like).
pub fn domain_weight(key: &str) -> f32 {
    DOMAINS.get(key).copied().unwrap_or(0.0)
}
