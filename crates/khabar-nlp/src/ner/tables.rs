//! The lookup tables the NER features read: word clusters, the NERAr name lists and the place
//! names (GeoNames and others), parsed once from [`crate::ner::assets`].

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::ner::assets;

/// Lines of a TSV table that are not comments or blank, split at the first tab.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (&str, &str)> {
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

static SEEN: LazyLock<crate::ner::seen::Seen> = LazyLock::new(|| {
    // The table is generated and checked by the tests: a bad one is an empty list.
    crate::ner::seen::Seen::from_tsv(assets::SEEN).unwrap_or_default()
});

/// The shipped list of the training text's names (`data/ner/seen.tsv`).
pub fn seen() -> &'static crate::ner::seen::Seen {
    &SEEN
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

/// The [`Gazetteer`] mask bit of the names of type `t` (none for MISC, which the lists lack).
pub fn type_bit(t: crate::ner_type::NerType) -> u8 {
    use crate::ner_type::NerType;
    match t {
        NerType::Pers => 1,
        NerType::Loc => 2,
        NerType::Org => 4,
        NerType::Misc => 0,
    }
}

/// Name lists: full names (keys joined by a space) and the words they contain, each with a mask
/// of the classes they belong to.
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

impl Gazetteer {
    /// Adds `name` (keys joined by a space) with the class bit `bit`.
    fn add(&mut self, name: &'static str, bit: u8) {
        *self.names.entry(name).or_default() |= bit;
        let mut n = 0;
        for w in name.split(' ') {
            *self.words.entry(w).or_default() |= bit;
            n += 1;
        }
        self.longest = self.longest.max(n);
        let first = name.split(' ').next().unwrap_or(name);
        let most = self.first_words.entry(first).or_default();
        *most = (*most).max(n);
    }

    /// Adds the rows of a `CLASS<TAB>name` table.
    fn add_table(&mut self, table: &'static str) {
        for (class, name) in rows(table) {
            self.add(name.trim(), class_bit(class));
        }
    }

    /// Adds the names of a table of one name a line, with the class bit `bit`.
    fn add_names(&mut self, table: &'static str, bit: u8) {
        let names = table.lines().map(str::trim);
        for name in names.filter(|l| !l.starts_with('#') && !l.is_empty()) {
            self.add(name, bit);
        }
    }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer::default();
    g.add_table(assets::GAZETTEER);
    g
});

/// The shipped NERAr name lists.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

static MERGED: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer::default();
    g.add_table(assets::GAZETTEER);
    g.add_names(assets::PLACES, class_bit("LOC"));
    g
});

/// The NERAr name lists with the place names of `data/ner/places.tsv` (GeoNames and others)
/// added as places (LOC).
pub fn gazetteer_with_places() -> &'static Gazetteer {
    &MERGED
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
