//! Hashed features of the NER model: each token of a sentence becomes a list of 28-bit hashes.
//!
//! Every feature is a template name and a string value hashed together (FNV-1a). The templates are
//! grouped ([`Group`]) so that ablations can switch a group off; the list of templates, with a
//! version, is hashed into [`template_hash`], which the model file stores so that a model trained
//! with other templates is refused by the tests. The analysers the features call (normalisation,
//! clitic stems, gazetteer classes) are fingerprinted by [`analyser_fingerprint`].

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::ner::seen::{self, Seen};
use crate::ner::{NerType, assets, tables};
use crate::{clitic, kb, normalize};

/// A group of feature templates that ablations switch on or off together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The normalised word itself.
    Word = 0,
    /// Clitic stem (`clitic::best`) and the cheap prefix-stripped variants.
    Stem = 1,
    /// Prefixes and suffixes of 1–3 chars.
    Affix = 2,
    /// Digits, Latin letters, punctuation, length bucket.
    Shape = 3,
    /// Words at ±1, ±2 and word bigrams.
    Context = 4,
    /// Stems of the words at ±1, ±2.
    ContextStem = 5,
    /// Trigger-word classes of the words around (`data/ner/triggers.tsv`).
    Trigger = 6,
    /// Knowledge-base membership (`kb::gazetteer_class`) of the word and its neighbours.
    Gazetteer = 7,
    /// Character 3-grams inside the light stem (foreign names have tell-tale letter sequences).
    Chars = 8,
    /// The longest knowledge-base name over the tokens, as B-/I- of its class.
    GazSpan = 9,
    /// Distributional word clusters (`data/ner/clusters.tsv`) of the word and its neighbours, at
    /// three granularities.
    Cluster = 10,
    /// The longest NERAr name list match (`data/ner/gazetteer.tsv`) as B-/I- of its class, and
    /// which lists the word occurs in.
    Nerar = 11,
    /// Clusters further out: c4 of the words at ±2, and the c8 pairs of the word with each
    /// neighbour.
    ClusterWide = 12,
    /// Being between quotation marks (a title: a programme, a film, a book, a newspaper), with
    /// the span's length and the word before the opening mark.
    Quote = 13,
    /// The NERAr features read the NERAr lists with the place names of `data/ner/places.tsv`
    /// (GeoNames and others) added as LOC (issue 10).
    GeoLoc = 14,
    /// The longest name of the training text's entities ([`seen`]) covering the word, as B-/I-
    /// of its type with its reliability.
    Seen = 15,
    /// The training text's entity words ([`seen`]): the word's type and reliability.
    SeenWords = 16,
    /// Prefixes and suffixes of 1–2 letters of the words at ±1 (a verb or a case ending beside
    /// a name marks where it stops).
    NeighbourAffix = 17,
    /// The topics of the sentence (`data/ner/topics.tsv`: a sports report, ...), alone and
    /// with the word's cluster, knowledge-base class and NERAr classes.
    Topic = 18,
    /// Label-pair features: the clusters of the word and of the word before it, each weighed
    /// for every pair of the previous label and the word's label (the transition into the word,
    /// [`label_pair_features`]).
    LabelPair = 19,
}

impl Group {
    /// Every group, in order.
    pub const ALL: [Group; 20] = [
        Group::Word,
        Group::Stem,
        Group::Affix,
        Group::Shape,
        Group::Context,
        Group::ContextStem,
        Group::Trigger,
        Group::Gazetteer,
        Group::Chars,
        Group::GazSpan,
        Group::Cluster,
        Group::Nerar,
        Group::ClusterWide,
        Group::Quote,
        Group::GeoLoc,
        Group::Seen,
        Group::SeenWords,
        Group::NeighbourAffix,
        Group::Topic,
        Group::LabelPair,
    ];

    /// The group's name (for ablation flags).
    pub fn name(self) -> &'static str {
        match self {
            Group::Word => "word",
            Group::Stem => "stem",
            Group::Affix => "affix",
            Group::Shape => "shape",
            Group::Context => "context",
            Group::ContextStem => "context-stem",
            Group::Trigger => "trigger",
            Group::Gazetteer => "gazetteer",
            Group::Chars => "chars",
            Group::GazSpan => "gaz-span",
            Group::Cluster => "cluster",
            Group::Nerar => "nerar",
            Group::ClusterWide => "cluster-wide",
            Group::Quote => "quote",
            Group::GeoLoc => "geo-loc",
            Group::Seen => "seen",
            Group::SeenWords => "seen-words",
            Group::NeighbourAffix => "neighbour-affix",
            Group::Topic => "topic",
            Group::LabelPair => "label-pair",
        }
    }

    /// The group called `name`.
    pub fn from_name(name: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.name() == name)
    }
}

/// Which feature groups are on (a bit per [`Group`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSet(pub u32);

impl FeatureSet {
    /// Every group on.
    pub const ALL: FeatureSet = FeatureSet((1 << Group::ALL.len()) - 1);

    /// Whether `group` is on.
    pub fn has(self, group: Group) -> bool {
        self.0 & (1 << group as u32) != 0
    }

    /// The groups the shipped model uses: all but [`Group::Context`] (raw neighbouring words add
    /// little beyond their light stems and overfit: −1.2 F1 on the last-10% dev block, −4.0 on
    /// fold 4; see `cargo xtask eval-ner --ablate`) and [`Group::ClusterWide`] (issue 10,
    /// averaged over three training orders: −0.98 news / −0.23 wiki F1). [`Group::Quote`] is on
    /// (issue 10: averaged over nine training orders, +0.77 news / −0.06 wiki F1), and so is
    /// [`Group::GeoLoc`] (issue 10: averaged over six training orders, −0.29 news / +1.02 wiki).
    ///
    /// [`Group::Seen`] and [`Group::SeenWords`] are off (issue 10, three training orders with
    /// the stacked pass retrained: both on, +0.31 news / −0.53 wiki F1 without the stacked
    /// pass's own seen-name templates, +0.32 / −1.02 with them; the stacked pass reads the list
    /// instead, +0.21 / +0.45).
    ///
    /// [`Group::NeighbourAffix`] and [`Group::Topic`] are off (issue 10, three training orders,
    /// the stacked pass fitted on three orders' folds for each: 76.93 news / 71.24 wiki F1 and
    /// 77.18 / 71.58, against 77.55 / 71.69 without them).
    ///
    /// [`Group::LabelPair`] is off (issue 10, measured the same way: the 8-bit clusters of the
    /// word and of the word before it, 76.93 news / 71.73 wiki F1; their 4-bit prefixes,
    /// 77.05 / 71.17; a larger model and slower training for no gain).
    ///
    /// A group measured and removed (session 15, the same way, against 77.50 / 71.51): the
    /// classes of the NERAr and place lists' one-word names sharing the word's consonant
    /// skeleton (its letters less `ا و ي ى ء` after the first; a transliterated name spelled
    /// with other long vowels), 77.17 news / 71.33 wiki F1.
    ///
    /// A list measured and left out (session 16; three training orders, the stacked pass fitted
    /// on seven orders' folds, against 77.93 / 71.45): the NERAr features also reading 9,198
    /// typed Arabic Wikipedia titles from the PyPI package ArWikiCats 0.2.3 (MIT): sports clubs
    /// as ORG (also without «نادي» and «الرياضي»), people as PERS, regions and provinces as LOC,
    /// one-word ordinary words dropped as for the place names. 78.17 news / 70.45 wiki F1 (news
    /// +0.24, wiki −1.00, lower on all three orders), and 61 KB gzip over a budget with 48 KB
    /// left.
    pub const DEFAULT: FeatureSet = FeatureSet(
        Self::ALL.0
            & !(1 << Group::Context as u32)
            & !(1 << Group::ClusterWide as u32)
            & !(1 << Group::Seen as u32)
            & !(1 << Group::SeenWords as u32)
            & !(1 << Group::NeighbourAffix as u32)
            & !(1 << Group::Topic as u32)
            & !(1 << Group::LabelPair as u32),
    );

    /// This set with `group`.
    pub fn with(self, group: Group) -> FeatureSet {
        FeatureSet(self.0 | (1 << group as u32))
    }

    /// This set without `group`.
    pub fn without(self, group: Group) -> FeatureSet {
        FeatureSet(self.0 & !(1 << group as u32))
    }
}

/// The feature templates, one per line. Change this text (and bump the version) whenever the
/// extractor changes, so that the shipped model no longer matches and must be retrained.
const TEMPLATES: &str = "khabar-ner-features v9
bias
word: w0
stem: clitic-stem0 light-stem0 conj-stem0 article-flag0 proclitics0 enclitic0
affix: pre1..4(w0) suf1..4(w0) pre1..4(clitic-stem0) suf1..4(clitic-stem0) suf1..2(light-stem0) pre1..2(light-stem0)
shape: shape(w0) len-bucket(w0) shape(w-1)|shape(w0)
context: w-2 w-1 w+1 w+2 w-1|w0 w0|w+1
context-stem: light-stem-2 light-stem-1 light-stem+1 light-stem+2 light-stem-1|light-stem0 light-stem0|light-stem+1 article-1|0|+1 suf2(w-1)
trigger: class(w-1) class(w-2) class(w+1) class(w0) class(w-1)|suf2(w0)
gazetteer: gaz(w0) gaz(clitic-stem0) gaz(light-stem0) gaz(w-1) gaz(w+1) gaz(w-1 w0) gaz(w0 w+1)
chars: 3-grams(^light-stem0$)
gaz-span: B/I-class of the longest knowledge-base name (2+ words) covering w0
cluster: c4/c8/c12(w0) c8(w-1) c8(w+1); key, else light stem, else clitic stem
nerar: B/I-class of the longest NERAr name (first word by key or light stem) covering w0; classes of w0, w-1, w+1 as name words
cluster-wide: c4(w-2) c4(w+2) c8(w-1)|c8(w0) c8(w0)|c8(w+1)
quote: B/I between quotation marks (spans of 1-8 words), alone, with the span's length bucket, with the light stem before the opening mark
geo-loc: the nerar features over the NERAr lists with the GeoNames (and other) place names as LOC
seen: B/I-type and B/I-type-bucket of the longest training-text name (first word by light stem) covering w0, jackknifed in training
seen-words: type-bucket of w0's light stem among the training text's entity words, jackknifed in training
neighbour-affix: pre1..2(w-1) suf1..2(w-1) pre1..2(w+1) suf1..2(w+1)
topic: each topic T of the sentence: T, T|c4(w0), T|gaz(w0), T|nerar-word-class(w0)
label-pair (weighed by previous label and label): c8(w0) c8(w-1)
";

/// The hash of the template list (stored in the model file header).
pub fn template_hash() -> u64 {
    fnv64(TEMPLATES.as_bytes())
}

/// Words whose clitic stems and gazetteer classes fingerprint the analysers the features use.
const PROBES: &[&str] = &[
    "وبوتين",
    "بوتين",
    "لبنان",
    "وبالعراق",
    "للرئيس",
    "فرنسا",
    "والولايات",
    "المتحدة",
    "بغداد",
    "نظيره",
    "روسيا",
    "واشنطن",
    "الأمم",
    "موسكو",
    "بايدن",
    "مصر",
    "القاهرة",
    "ليبيا",
    "بيروت",
    "وزارة",
];

/// A hash of what the analysers outside this module (clitic stems, gazetteer classes) say about a
/// fixed list of probe words: when it changes, the model's features have shifted under it.
pub fn analyser_fingerprint() -> u64 {
    let mut text = String::new();
    for probe in PROBES {
        let seg = clitic::best(probe);
        let stem = probe.get(seg.stem.start..seg.stem.end).unwrap_or(probe);
        let key = normalize::key(probe);
        text.push_str(&format!(
            "{probe}\t{stem}\t{}\t{:?}\t{:?}\n",
            normalize::key(stem),
            kb::gazetteer_class(&key),
            kb::gazetteer_class(&normalize::key(stem)),
        ));
    }
    fnv64(text.as_bytes())
}

/// The hashes of the data tables the features read (clusters, name lists, place names,
/// triggers, topics, domain words): a model trained with other tables has other features.
/// (The model header does not store them; `cargo xtask train-ner`'s cache of fold models is
/// keyed by them.)
pub fn tables_fingerprint() -> [u64; 6] {
    [
        assets::CLUSTERS,
        assets::GAZETTEER,
        assets::PLACES,
        assets::TRIGGERS,
        assets::TOPICS,
        assets::DOMAINS,
    ]
    .map(|t| fnv64(t.as_bytes()))
}

/// FNV-1a, 64 bits: a hash that stays the same from run to run and build to build (the template
/// list, the stacked model's sources, names of fuzz seeds and cached fold models).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The 28-bit hash of a feature: template `name`, then the value's parts separated by a 0xFF byte.
/// (The extractor builds the same hashes from [`template`] constants.)
#[cfg(test)]
fn hash(name: &str, parts: &[&str]) -> u32 {
    parts
        .iter()
        .fold(Fnv::template(name), |h, p| h.part(p))
        .finish()
}

/// A feature hash ([`hash`]) being built: FNV-1a over the template name, then each value part
/// after a 0xFF byte. Each template's state after its name is a constant (issue 9: the names
/// were hashed again for every feature of every word).
#[derive(Debug, Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    /// The state after template `name`.
    const fn template(name: &str) -> Fnv {
        Fnv(0x811c_9dc5).bytes(name.as_bytes())
    }

    const fn bytes(self, bytes: &[u8]) -> Fnv {
        let mut h = self.0;
        let mut i = 0;
        while i < bytes.len() {
            h ^= bytes[i] as u32;
            h = h.wrapping_mul(0x0100_0193);
            i += 1;
        }
        Fnv(h)
    }

    /// The state after one more value part.
    const fn part(self, part: &str) -> Fnv {
        self.bytes(&[0xFF]).bytes(part.as_bytes())
    }

    /// The feature hash: finalised (xorshift-multiply) so the low bits mix well, 28 bits kept.
    const fn finish(self) -> u32 {
        let mut x = self.0;
        x ^= x >> 16;
        x = x.wrapping_mul(0x7feb_352d);
        x ^= x >> 15;
        x & 0x0FFF_FFFF
    }
}

/// The hash of a feature of template `template` with one value part.
fn one(template: Fnv, value: &str) -> u32 {
    template.part(value).finish()
}

/// The templates' hash states after their names.
mod template {
    use super::Fnv;
    pub const BIAS: u32 = Fnv::template("bias").finish();
    pub const W0: Fnv = Fnv::template("w0");
    pub const CS0: Fnv = Fnv::template("cs0");
    pub const LS0: Fnv = Fnv::template("ls0");
    pub const CJ0: Fnv = Fnv::template("cj0");
    pub const ART0: Fnv = Fnv::template("art0");
    pub const PRO0: Fnv = Fnv::template("pro0");
    pub const ENC0: Fnv = Fnv::template("enc0");
    pub const PRE: Fnv = Fnv::template("pre");
    pub const SUF: Fnv = Fnv::template("suf");
    pub const CPRE: Fnv = Fnv::template("cpre");
    pub const CSUF: Fnv = Fnv::template("csuf");
    pub const LPRE: Fnv = Fnv::template("lpre");
    pub const LSUF: Fnv = Fnv::template("lsuf");
    pub const SHAPE: Fnv = Fnv::template("shape");
    pub const LEN: Fnv = Fnv::template("len");
    pub const TR0: Fnv = Fnv::template("tr0");
    pub const GZ0: Fnv = Fnv::template("gz0");
    pub const GZC0: Fnv = Fnv::template("gzc0");
    pub const GZL0: Fnv = Fnv::template("gzl0");
    pub const CL0: Fnv = Fnv::template("cl0");
    pub const NGW: Fnv = Fnv::template("ngw");
    pub const C3: Fnv = Fnv::template("c3");
    pub const SHAPE_PAIR: Fnv = Fnv::template("shape-1|0");
    pub const W_2: Fnv = Fnv::template("w-2");
    pub const W_1: Fnv = Fnv::template("w-1");
    pub const W1: Fnv = Fnv::template("w+1");
    pub const W2: Fnv = Fnv::template("w+2");
    pub const W_1_W0: Fnv = Fnv::template("w-1|w0");
    pub const W0_W1: Fnv = Fnv::template("w0|w+1");
    pub const LS_2: Fnv = Fnv::template("ls-2");
    pub const LS_1: Fnv = Fnv::template("ls-1");
    pub const LS1: Fnv = Fnv::template("ls+1");
    pub const LS2: Fnv = Fnv::template("ls+2");
    pub const LS_1_LS0: Fnv = Fnv::template("ls-1|ls0");
    pub const LS0_LS1: Fnv = Fnv::template("ls0|ls+1");
    pub const ART3: Fnv = Fnv::template("art-1|art0|art+1");
    pub const SUF2_1: Fnv = Fnv::template("suf2-1");
    pub const NPRE_1: Fnv = Fnv::template("npre-1");
    pub const NSUF_1: Fnv = Fnv::template("nsuf-1");
    pub const NPRE1: Fnv = Fnv::template("npre+1");
    pub const NSUF1: Fnv = Fnv::template("nsuf+1");
    pub const TR_1: Fnv = Fnv::template("tr-1");
    pub const TR_1_SUF2: Fnv = Fnv::template("tr-1|suf2");
    pub const TR_2: Fnv = Fnv::template("tr-2");
    pub const TR1: Fnv = Fnv::template("tr+1");
    pub const GZ_1: Fnv = Fnv::template("gz-1");
    pub const GZ1: Fnv = Fnv::template("gz+1");
    pub const GZ_1_0: Fnv = Fnv::template("gz-1..0");
    pub const GZ0_1: Fnv = Fnv::template("gz0..+1");
    pub const GZSPAN: Fnv = Fnv::template("gzspan");
    pub const CL_1: Fnv = Fnv::template("cl-1");
    pub const CL1: Fnv = Fnv::template("cl+1");
    pub const NG: Fnv = Fnv::template("ng");
    pub const CL_2: Fnv = Fnv::template("cl-2");
    pub const CL2: Fnv = Fnv::template("cl+2");
    pub const CL_1_0: Fnv = Fnv::template("cl-1|0");
    pub const CL0_1: Fnv = Fnv::template("cl0|+1");
    pub const QT: Fnv = Fnv::template("qt");
    pub const SEEN: Fnv = Fnv::template("seen");
    pub const SEENW: Fnv = Fnv::template("seenw");
    pub const TOPIC: Fnv = Fnv::template("topic");
    pub const LP0: Fnv = Fnv::template("lp0");
    pub const LP_1: Fnv = Fnv::template("lp-1");
}

/// The trigger classes by normalised key (`data/ner/triggers.tsv`).
static TRIGGERS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in assets::TRIGGERS.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((class, word)) = line.split_once('\t') {
            let class: &'static str = match class {
                "title" => "title",
                "speech" => "speech",
                "place" => "place",
                "org" => "org",
                _ => "misc",
            };
            map.insert(normalize::key(word.trim()), class);
        }
    }
    map
});

/// The topic classes (`data/ner/topics.tsv`), in the order of their first line, and each topic
/// word's class as a bit (at most 8 classes) by normalised key.
static TOPICS: LazyLock<(Vec<&'static str>, FxHashMap<String, u8>)> = LazyLock::new(|| {
    let mut classes: Vec<&'static str> = Vec::new();
    let mut map = FxHashMap::default();
    for (class, word) in tables::rows(assets::TOPICS) {
        let bit = match classes.iter().position(|&c| c == class) {
            Some(i) => i,
            None if classes.len() < 8 => {
                classes.push(class);
                classes.len() - 1
            }
            None => continue,
        };
        let key = normalize::key(word.trim());
        // Read by light stem too, which has no article.
        if let Some(rest) = strip_prefix_min(&key, "ال", 2) {
            *map.entry(rest.to_owned()).or_insert(0) |= 1 << bit;
        }
        *map.entry(key).or_insert(0) |= 1 << bit;
    }
    (classes, map)
});

/// The topic bits of a word: its key's, else its light stem's.
fn topic_bits(key: &str, light: &str) -> u8 {
    let map = &TOPICS.1;
    map.get(key)
        .or_else(|| map.get(light))
        .copied()
        .unwrap_or(0)
}

/// The trigger classes of the keys that start with «ال», by the rest of the key: what
/// `TRIGGERS.get("ال" + light)` finds, without building the string.
static TRIGGERS_AFTER_ARTICLE: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        TRIGGERS
            .iter()
            .filter_map(|(key, &class)| Some((key.strip_prefix("ال")?, class)))
            .collect()
    });

/// The trigger class (`title`, `speech`, `place`, `org`, `misc`) of a word's normalised key,
/// also with a leading و or article stripped.
pub fn trigger_class(key: &str) -> Option<&'static str> {
    TRIGGERS.get(key).copied().or_else(|| {
        ["و", "وال", "ال", "ب", "ل"]
            .iter()
            .filter_map(|p| key.strip_prefix(p))
            .find_map(|rest| TRIGGERS.get(rest).copied())
    })
}

/// Proclitic strings the light stem strips, longest first.
const PROCLITICS: &[&str] = &[
    "وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف",
];

/// What the features need to know about one word.
#[derive(Debug, Clone)]
struct WordInfo<'a> {
    /// The word's matching key: the document's own when it gave one (issue 9: not copied).
    key: Cow<'a, str>,
    /// Where the key of the clitic stem (`clitic::best`) lies in `key`.
    clitic_stem: (usize, usize),
    /// Where the light stem starts in `key`: after its longest proclitic string, if at least 2
    /// chars remain.
    light_start: usize,
    /// Where the key without a leading و starts, if at least 2 chars remain.
    conj_start: usize,
    article: bool,
    proclitics: Vec<&'static str>,
    enclitic: &'static str,
    cluster: Option<&'static str>,
    shape: &'static str,
    len_bucket: &'static str,
    trigger: Option<&'static str>,
    /// The knowledge-base class of the key.
    gaz: Option<&'static str>,
    /// The NERAr classes the key (else the light stem) occurs in as a name word.
    nerar_words: u8,
    /// The most words of a NERAr name starting with the key, and with the light stem.
    nerar_longest: (usize, usize),
    /// What the training text's entity words say of the word ([`Group::SeenWords`]).
    seen: Option<seen::Entry>,
    /// The topics the word marks a sentence with ([`Group::Topic`]), one bit per class.
    topics: u8,
}

impl WordInfo<'_> {
    /// The key without its longest proclitic string, if at least 2 chars remain.
    fn light(&self) -> &str {
        &self.key[self.light_start..]
    }

    /// The key of the clitic stem.
    fn clitic_stem(&self) -> &str {
        &self.key[self.clitic_stem.0..self.clitic_stem.1]
    }

    /// The key without a leading و, if at least 2 chars remain.
    fn conj(&self) -> &str {
        &self.key[self.conj_start..]
    }
}

/// The light stem of a matching key: the key without its longest proclitic string (و ف ب ك ل
/// and the article), if at least 2 chars remain.
pub fn light_stem(key: &str) -> &str {
    PROCLITICS
        .iter()
        .find_map(|p| strip_prefix_min(key, p, 2))
        .unwrap_or(key)
}

fn strip_prefix_min<'a>(key: &'a str, prefix: &str, min_chars: usize) -> Option<&'a str> {
    let rest = key.strip_prefix(prefix)?;
    (min_chars == 0 || rest.chars().nth(min_chars - 1).is_some()).then_some(rest)
}

#[cfg(test)]
fn word_info(word: &str) -> WordInfo<'_> {
    word_info_keyed(word, None, FeatureSet::ALL.without(Group::GeoLoc), None)
}

/// The NERAr name lists the features of `set` read.
fn nerar_lists(set: FeatureSet) -> &'static tables::Gazetteer {
    if set.has(Group::GeoLoc) {
        tables::gazetteer_with_places()
    } else {
        tables::gazetteer()
    }
}

/// The classes the key (else the light stem) has as a word of a name in `names`, and the most
/// words of a name starting with the key's and with the light stem's first part.
fn name_words(names: &tables::Gazetteer, key: &str, light: &str) -> (u8, (usize, usize)) {
    let words = names
        .words
        .get(key)
        .or_else(|| names.words.get(light))
        .copied()
        .unwrap_or(0);
    // A phrase of n words has at least n space-separated parts, and its first part is that of
    // its first word: only names starting with that part, and not longer, can match.
    let longest = |first: &str| {
        let part = first.split(' ').next().unwrap_or(first);
        names.first_words.get(part).copied().unwrap_or(0)
    };
    (words, (longest(key), longest(light)))
}

/// [`word_info`] of a word whose matching key (`normalize::key(word)`) may be known already
/// (a document's tokens carry theirs: issue 9), for the features of `set`.
fn word_info_keyed<'a>(
    word: &str,
    known_key: Option<&'a str>,
    set: FeatureSet,
    seen: Option<&Seen>,
) -> WordInfo<'a> {
    let key: Cow<'a, str> = known_key.map_or_else(|| Cow::Owned(normalize::key(word)), Cow::Borrowed);
    let seg = clitic::best(word);
    // Keys fold char by char: the stem's key is the part of the word's key its chars fold to
    // (issue 9: not normalised again).
    let clitic_stem = match (word.get(..seg.stem.start), word.get(..seg.stem.end)) {
        (Some(before), Some(through)) if seg.stem.start <= seg.stem.end => {
            (normalize::key_len(before), normalize::key_len(through))
        }
        _ => (0, key.len()),
    };
    let clitic_stem_key = &key[clitic_stem.0..clitic_stem.1];
    let mut light_start = 0;
    let mut article = false;
    for p in PROCLITICS {
        if let Some(rest) = strip_prefix_min(&key, p, 2) {
            article = p.ends_with("ال") || *p == "لل" || *p == "ولل";
            light_start = key.len() - rest.len();
            break;
        }
    }
    let conj_start = strip_prefix_min(&key, "و", 2).map_or(0, |rest| key.len() - rest.len());
    let light = &key[light_start..];
    let cluster = tables::cluster(&key)
        .or_else(|| tables::cluster(light))
        .or_else(|| tables::cluster(clitic_stem_key));
    let trigger = TRIGGERS
        .get(key.as_ref())
        .or_else(|| TRIGGERS.get(light))
        .or_else(|| TRIGGERS_AFTER_ARTICLE.get(light))
        .copied();
    let (nerar_words, nerar_longest) = name_words(nerar_lists(set), &key, light);
    let seen = seen
        .filter(|_| set.has(Group::SeenWords))
        .and_then(|s| s.word(&key));
    let topics = if set.has(Group::Topic) {
        topic_bits(&key, light)
    } else {
        0
    };
    WordInfo {
        seen,
        topics,
        gaz: gaz_name(kb::gazetteer_class(&key)),
        nerar_words,
        nerar_longest,
        shape: shape(&key),
        len_bucket: match key.chars().count() {
            0..=1 => "1",
            2 => "2",
            3 => "3",
            4..=5 => "4-5",
            6..=8 => "6-8",
            _ => "9+",
        },
        key,
        clitic_stem,
        light_start,
        conj_start,
        article,
        proclitics: seg.proclitics,
        enclitic: seg.enclitic.unwrap_or("-"),
        cluster,
        trigger,
    }
}

fn shape(key: &str) -> &'static str {
    let mut digit = false;
    let mut latin = false;
    let mut arabic = false;
    let mut other = false;
    for c in key.chars() {
        if c.is_ascii_digit() {
            digit = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else if crate::token::is_arabic_letter(c) {
            arabic = true;
        } else {
            other = true;
        }
    }
    match (digit, latin, arabic, other) {
        (true, false, false, false) => "digits",
        (true, _, _, _) => "has-digit",
        (false, true, false, _) => "latin",
        (false, true, true, _) => "mixed",
        (false, false, true, false) => "arabic",
        (false, false, true, true) => "arabic-punct",
        (false, false, false, true) => "punct",
        (false, false, false, false) => "empty",
    }
}

/// The first `n` chars of `s`, if it has more than `n`.
#[cfg(test)]
fn prefix(s: &str, n: usize) -> Option<&str> {
    let (end, _) = s.char_indices().nth(n)?;
    Some(&s[..end])
}

/// The last `n` chars of `s`, if it has more than `n` (counted from the end: issue 9).
fn suffix(s: &str, n: usize) -> Option<&str> {
    if n == 0 {
        return (!s.is_empty()).then_some(s);
    }
    let mut from_end = s.char_indices().rev();
    let (start, _) = from_end.nth(n - 1)?;
    from_end.next()?;
    Some(&s[start..])
}

/// [`prefix`] of `s` for `n` = 1..=N, in one walk over its bytes (issue 9: a walk per `n`).
fn prefixes<const N: usize>(s: &str) -> [Option<&str>; N] {
    let mut out = [None; N];
    let mut slots = out.iter_mut();
    // The start of char n (a byte that does not continue a char) ends the first n chars, and a
    // char follows them.
    for (end, &byte) in s.as_bytes().iter().enumerate().skip(1) {
        if byte & 0xC0 != 0x80 {
            let Some(slot) = slots.next() else { break };
            *slot = s.get(..end);
        }
    }
    out
}

/// [`suffix`] of `s` for `n` = 1..=N, in one walk back over its chars (issue 9).
fn suffixes<const N: usize>(s: &str) -> [Option<&str>; N] {
    let mut out = [None; N];
    let mut starts = s.char_indices().rev().map(|(i, _)| i).peekable();
    for slot in &mut out {
        match (starts.next(), starts.peek()) {
            (Some(start), Some(_)) => *slot = Some(&s[start..]),
            _ => break,
        }
    }
    out
}

fn gaz_name(t: Option<NerType>) -> Option<&'static str> {
    t.map(crate::ner::type_name)
}

/// Marks the longest matches of a sentence left to right: at each token no match covers yet,
/// `longest(i)` gives the longest match starting there (its length in tokens and its value), and
/// each of its tokens gets (first token or not, the value). `out` starts as `None`s.
pub(crate) fn mark_longest<T: Copy>(
    out: &mut [Option<(bool, T)>],
    mut longest: impl FnMut(usize) -> Option<(usize, T)>,
) {
    let mut i = 0;
    while i < out.len() {
        match longest(i) {
            Some((n, value)) if n > 0 => {
                let end = (i + n).min(out.len());
                out[i] = Some((true, value));
                for slot in &mut out[i + 1..end] {
                    *slot = Some((false, value));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// For every token, the longest knowledge-base name of two words or more covering it (first
/// word by its key or light stem, the others by key), left to right: (begins here, class).
fn gazetteer_spans(infos: &[&WordInfo<'_>]) -> Vec<Option<(bool, &'static str)>> {
    let kb = kb::get();
    let mut out = vec![None; infos.len()];
    mark_longest(&mut out, |i| {
        let mut best: Option<(usize, &'static str)> = None;
        for first in [infos[i].key.as_ref(), infos[i].light()] {
            for entry in kb.names_starting(first) {
                let n = entry.words.len();
                if n < 2 || i + n > infos.len() || best.is_some_and(|(m, _)| m >= n) {
                    continue;
                }
                if (1..n).all(|j| infos[i + j].key == entry.words[j])
                    && let Some(c) = gaz_name(kb::gazetteer_class(&entry.words.join(" ")))
                {
                    best = Some((n, c));
                }
            }
        }
        best
    });
    out
}

/// What a quotation mark token can do: (open, close) a quotation. Straight quotes do either.
fn quote_mark(key: &str) -> Option<(bool, bool)> {
    match key {
        "«" | "“" => Some((true, false)),
        "»" | "”" => Some((false, true)),
        "\"" | "'" => Some((true, true)),
        _ => None,
    }
}

/// A token between quotation marks ([`quote_spans`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quoted<'w> {
    /// Whether it is the quotation's first word.
    first: bool,
    /// The quotation's length in words, bucketed.
    length: &'static str,
    /// The light stem of the word before the opening mark (`<s>` at the sentence start).
    before: &'w str,
}

/// For every token, whether it lies between quotation marks, in a quotation of 1–8 words (a
/// title: issue 10). A run of marks («' '», «" «») counts as one mark; an unclosed quotation
/// marks nothing. One pass over the sentence.
fn quote_spans<'w>(infos: &[&'w WordInfo]) -> Vec<Option<Quoted<'w>>> {
    let mut out = vec![None; infos.len()];
    // Where the open quotation's words start, and the word before its mark.
    let mut open: Option<(usize, &'w str)> = None;
    let mut k = 0;
    while k < infos.len() {
        let Some((opens, closes)) = quote_mark(&infos[k].key) else {
            k += 1;
            continue;
        };
        let start = k;
        while k + 1 < infos.len() && quote_mark(&infos[k + 1].key).is_some() {
            k += 1;
        }
        match open {
            Some((from, before)) if closes => {
                let length = match start - from {
                    1 => Some("1"),
                    2 => Some("2"),
                    3..=4 => Some("3-4"),
                    5..=8 => Some("5-8"),
                    _ => None,
                };
                if let Some(length) = length {
                    for (j, slot) in out[from..start].iter_mut().enumerate() {
                        *slot = Some(Quoted {
                            first: j == 0,
                            length,
                            before,
                        });
                    }
                }
                open = None;
            }
            _ if opens => {
                let before = start.checked_sub(1).map_or("<s>", |j| infos[j].light());
                open = Some((k + 1, before));
            }
            _ => {}
        }
        k += 1;
    }
    out
}

/// The first `n` chars of an ASCII cluster path (all of it when shorter).
fn cut_str(p: &str, n: usize) -> &str {
    p.get(..n).unwrap_or(p)
}

/// For every token, the longest name of the NERAr lists `g` covering it (first word by key or
/// light stem, the others by key), left to right: (begins here, class mask).
fn nerar_spans(g: &tables::Gazetteer, infos: &[&WordInfo<'_>]) -> Vec<Option<(bool, u8)>> {
    let mut out = vec![None; infos.len()];
    let mut buf = String::new();
    mark_longest(&mut out, |i| {
        let (most_key, most_light) = infos[i].nerar_longest;
        let longest = g.longest.min(infos.len() - i).min(most_key.max(most_light));
        for n in (1..=longest).rev() {
            for (first, most) in [
                (infos[i].key.as_ref(), most_key),
                (infos[i].light(), most_light),
            ] {
                if n > most {
                    continue;
                }
                buf.clear();
                buf.push_str(first);
                for w in &infos[i + 1..i + n] {
                    buf.push(' ');
                    buf.push_str(&w.key);
                }
                if let Some(&mask) = g.names.get(buf.as_str()) {
                    return Some((n, mask));
                }
            }
        }
        None
    });
    out
}

/// The copy of feature `h` specific to training corpus `domain` (domain adaptation by feature
/// augmentation: every feature has a shared copy and one per corpus).
pub fn domain_copy(h: u32, domain: u8) -> u32 {
    let mut x = h ^ (u32::from(domain) + 1).wrapping_mul(0x9E37_79B9);
    x ^= x >> 16;
    x = x.wrapping_mul(0x85eb_ca6b);
    x ^= x >> 13;
    x & 0x0FFF_FFFF
}

/// Words already analysed, with the features that depend on the word alone: a document repeats
/// its words, and each distinct word is analysed (clitic segmentation, keys, table lookups,
/// affix and character features) once (issue 9). One cache serves one feature set.
#[derive(Debug)]
pub struct WordCache<'a> {
    set: FeatureSet,
    /// The list of the training text's names the [`Group::Seen`] and [`Group::SeenWords`]
    /// features read.
    seen: Option<&'a Seen>,
    ids: FxHashMap<&'a str, usize>,
    entries: Vec<WordInfo<'a>>,
    /// The features of every word that do not depend on its neighbours, one word after another:
    /// word `id`'s end at `local_ends[id]` (issue 9: not a vector per word).
    local: Vec<u32>,
    local_ends: Vec<usize>,
}

impl<'a> WordCache<'a> {
    /// An empty cache for features of `set`.
    pub fn new(set: FeatureSet) -> WordCache<'a> {
        WordCache::with_seen(set, None)
    }

    /// A cache for the features of `set` that reads the training text's names from `seen`
    /// (a model's own list: [`crate::ner::model::Model::seen`]; the shipped one if `None`).
    pub fn with_seen(set: FeatureSet, seen: Option<&'a Seen>) -> WordCache<'a> {
        let seen = seen.or_else(|| {
            (set.has(Group::Seen) || set.has(Group::SeenWords)).then(tables::seen)
        });
        WordCache {
            set,
            seen,
            ids: FxHashMap::default(),
            entries: Vec::new(),
            local: Vec::new(),
            local_ends: Vec::new(),
        }
    }

    /// The id of `word`, whose matching key may be known, analysing it if it is new.
    fn id_keyed(&mut self, word: &'a str, key: Option<&'a str>) -> usize {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let info = word_info_keyed(word, key, self.set, self.seen);
        local_features(&info, self.set, &mut self.local);
        let id = self.entries.len();
        self.entries.push(info);
        self.local_ends.push(self.local.len());
        self.ids.insert(word, id);
        id
    }

    /// Makes room for `words` more distinct words (issue 9: a document's cache grew by
    /// reallocation and rehashing, copying every entry several times).
    pub fn reserve(&mut self, words: usize) {
        self.ids.reserve(words);
        self.entries.reserve(words);
        self.local.reserve(words * LOCAL_PER_WORD);
        self.local_ends.reserve(words);
    }

    /// How many distinct words the cache holds (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the cache holds no word.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The features of word `id` that do not depend on its neighbours.
    pub fn local(&self, id: usize) -> &[u32] {
        let start = id.checked_sub(1).map_or(0, |before| self.local_ends[before]);
        &self.local[start..self.local_ends[id]]
    }
}

/// The feature hashes of every token of a sentence.
pub fn extract(words: &[&str], set: FeatureSet) -> Vec<Vec<u32>> {
    extract_with(words, set, None)
}

/// [`extract`], the training text's names read from `seen` (the shipped list if `None`).
pub fn extract_with(words: &[&str], set: FeatureSet, seen: Option<&Seen>) -> Vec<Vec<u32>> {
    let mut cache = WordCache::with_seen(set, seen);
    let (ids, context) = extract_in(words, &mut cache);
    ids.into_iter()
        .zip(context)
        .map(|(id, ctx)| {
            let mut f = cache.local(id).to_vec();
            f.extend(ctx);
            f
        })
        .collect()
}

/// About how many features a word has that do not depend on its neighbours.
const LOCAL_PER_WORD: usize = 48;

/// Appends to `f` the features of a word that do not depend on its neighbours.
fn local_features(w: &WordInfo<'_>, set: FeatureSet, f: &mut Vec<u32>) {
    use template as t;
    f.push(t::BIAS);
    if set.has(Group::Word) {
        f.push(one(t::W0, &w.key));
    }
    if set.has(Group::Stem) {
        f.push(one(t::CS0, w.clitic_stem()));
        f.push(one(t::LS0, w.light()));
        f.push(one(t::CJ0, w.conj()));
        f.push(one(t::ART0, if w.article { "1" } else { "0" }));
        // One part: the proclitics concatenated.
        let pro = w.proclitics.iter().fold(t::PRO0.part(""), |h, p| h.bytes(p.as_bytes()));
        f.push(pro.finish());
        f.push(t::ENC0.part(w.enclitic).finish());
    }
    if set.has(Group::Affix) {
        let (pre, suf) = (prefixes::<4>(&w.key), suffixes::<4>(&w.key));
        let stem = w.clitic_stem();
        let (cpre, csuf) = (prefixes::<4>(stem), suffixes::<4>(stem));
        for n in 0..4 {
            for (template, affix) in [
                (t::PRE, pre[n]),
                (t::SUF, suf[n]),
                (t::CPRE, cpre[n]),
                (t::CSUF, csuf[n]),
            ] {
                if let Some(a) = affix {
                    f.push(one(template, a));
                }
            }
        }
        let (lpre, lsuf) = (prefixes::<2>(w.light()), suffixes::<2>(w.light()));
        for n in 0..2 {
            for (template, affix) in [(t::LPRE, lpre[n]), (t::LSUF, lsuf[n])] {
                if let Some(a) = affix {
                    f.push(one(template, a));
                }
            }
        }
    }
    if set.has(Group::Shape) {
        f.push(one(t::SHAPE, w.shape));
        f.push(one(t::LEN, w.len_bucket));
    }
    if set.has(Group::Trigger)
        && let Some(c) = w.trigger
    {
        f.push(one(t::TR0, c));
    }
    if set.has(Group::Gazetteer) {
        let g = |k: &str| gaz_name(kb::gazetteer_class(k));
        if let Some(c) = w.gaz {
            f.push(one(t::GZ0, c));
        }
        if let Some(c) = g(w.clitic_stem()) {
            f.push(one(t::GZC0, c));
        }
        if let Some(c) = g(w.light()) {
            f.push(one(t::GZL0, c));
        }
    }
    if set.has(Group::Cluster) {
        let c0 = w.cluster.unwrap_or("?");
        for n in 1..=3 {
            f.push(one(t::CL0, cut_str(c0, n)));
        }
    }
    if set.has(Group::Nerar) {
        for class in tables::mask_classes(w.nerar_words) {
            f.push(t::NGW.part("0").part(class).finish());
        }
    }
    if let Some(e) = w.seen {
        let bucket = seen::WORD_BUCKETS[usize::from(e.bucket)];
        f.push(t::SEENW.part(crate::ner::type_name(e.ty)).part(bucket).finish());
    }
    if set.has(Group::Chars) && w.light().chars().nth(2).is_some() {
        // Each 3-gram of «^» + light stem + «$», hashed from the chars' bytes.
        let mut utf8 = [[0u8; 4]; 3];
        let mut lens = [0usize; 3];
        let chars = std::iter::once('^')
            .chain(w.light().chars())
            .chain(std::iter::once('$'));
        for (k, c) in chars.enumerate() {
            lens[k % 3] = c.encode_utf8(&mut utf8[k % 3]).len();
            if k >= 2 {
                let h = (k - 2..=k).fold(t::C3.part(""), |h, j| {
                    h.bytes(&utf8[j % 3][..lens[j % 3]])
                });
                f.push(h.finish());
            }
        }
    }
}

/// For every token of a sentence: the id of its word in `cache` (whose [`WordCache::local`]
/// features are the token's own) and the features that depend on the words around it.
/// [`extract`] is the two together.
pub fn extract_in<'a>(
    words: &[&'a str],
    cache: &mut WordCache<'a>,
) -> (Vec<usize>, Vec<Vec<u32>>) {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
    let ids = context_features(words, cache, &mut |i, f| out[i].push(f));
    (ids, out)
}

/// The label-pair features ([`Group::LabelPair`]) of every token of a sentence whose words
/// are `ids` in `cache` ([`extract_in`]), handed to `emit` with the token's index: features whose
/// weights score the pair of the previous label (or the sentence start) and the token's label,
/// the transition into the token. None unless the cache's feature set has the group.
pub fn label_pair_features(cache: &WordCache<'_>, ids: &[usize], emit: &mut dyn FnMut(usize, u32)) {
    use template as t;
    if !cache.set.has(Group::LabelPair) {
        return;
    }
    let c8 = |id: Option<&usize>| match id {
        Some(&id) => cut_str(cache.entries[id].cluster.unwrap_or("?"), 2),
        None => "<>",
    };
    for k in 0..ids.len() {
        emit(k, one(t::LP0, c8(ids.get(k))));
        emit(k, one(t::LP_1, c8(k.checked_sub(1).and_then(|j| ids.get(j)))));
    }
}

/// [`label_pair_features`] of a sentence's words, a list per token.
pub fn extract_label_pairs(words: &[&str], set: FeatureSet, seen: Option<&Seen>) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); words.len()];
    if !set.has(Group::LabelPair) {
        return out;
    }
    let mut cache = WordCache::with_seen(set, seen);
    let ids: Vec<usize> = words.iter().map(|w| cache.id_keyed(w, None)).collect();
    label_pair_features(&cache, &ids, &mut |i, f| out[i].push(f));
    out
}

/// The offsets of the neighbours whose features depend on that neighbour alone
/// ([`neighbour_features`]).
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// For every token of a sentence, the id of its word in `cache`; hands each feature that
/// depends on the words around a token to `emit` with the token's index (issue 9: no vector per
/// token): those of each neighbour alone ([`neighbour_features`]) and those of the token with
/// its neighbours ([`pair_features`]).
pub fn context_features<'a>(
    words: &[&'a str],
    cache: &mut WordCache<'a>,
    emit: &mut dyn FnMut(usize, u32),
) -> Vec<usize> {
    let ids = pair_features(words, cache, emit);
    for k in 0..ids.len() {
        for offset in NEIGHBOURS {
            let id = k
                .checked_add_signed(offset)
                .and_then(|j| ids.get(j))
                .copied();
            neighbour_features(cache, id, offset, &mut |f| emit(k, f));
        }
    }
    ids
}

/// The features a token has from its neighbour at `offset` alone: the word `id` of `cache`, or
/// none past the sentence's ends. The same for every token that has this neighbour there, so a
/// tagger may sum their weights once per word (issue 9).
pub fn neighbour_features(
    cache: &WordCache<'_>,
    id: Option<usize>,
    offset: isize,
    emit: &mut dyn FnMut(u32),
) {
    use template as t;
    let set = cache.set;
    let x = id.and_then(|id| cache.entries.get(id));
    let edge = if offset < 0 { "<s>" } else { "</s>" };
    let key = x.map_or(edge, |w| w.key.as_ref());
    let light = x.map_or(edge, |w| w.light());
    let (w_template, ls_template, tr_template) = match offset {
        -2 => (t::W_2, t::LS_2, Some(t::TR_2)),
        -1 => (t::W_1, t::LS_1, Some(t::TR_1)),
        1 => (t::W1, t::LS1, Some(t::TR1)),
        _ => (t::W2, t::LS2, None),
    };
    if set.has(Group::Context) {
        emit(one(w_template, key));
    }
    if set.has(Group::ContextStem) {
        emit(one(ls_template, light));
        if offset == -1 {
            emit(one(
                t::SUF2_1,
                x.and_then(|x| suffix(&x.key, 2)).unwrap_or("-"),
            ));
        }
    }
    if set.has(Group::Trigger)
        && let Some(template) = tr_template
        && let Some(c) = x.and_then(|x| x.trigger)
    {
        emit(one(template, c));
    }
    if offset.abs() != 1 {
        if set.has(Group::ClusterWide) {
            let c = x.map_or("<>", |x| x.cluster.unwrap_or("?"));
            emit(one(if offset < 0 { t::CL_2 } else { t::CL2 }, cut_str(c, 1)));
        }
        return;
    }
    if set.has(Group::NeighbourAffix) {
        let (pre_t, suf_t) = if offset < 0 {
            (t::NPRE_1, t::NSUF_1)
        } else {
            (t::NPRE1, t::NSUF1)
        };
        let (pre, suf) = (prefixes::<2>(key), suffixes::<2>(key));
        for n in 0..2 {
            if let Some(a) = pre[n] {
                emit(one(pre_t, a));
            }
            if let Some(a) = suf[n] {
                emit(one(suf_t, a));
            }
        }
    }
    if set.has(Group::Gazetteer)
        && let Some(c) = x.and_then(|x| x.gaz)
    {
        emit(one(if offset < 0 { t::GZ_1 } else { t::GZ1 }, c));
    }
    if set.has(Group::Cluster) {
        let c = x.map_or("<>", |x| x.cluster.unwrap_or("?"));
        emit(one(if offset < 0 { t::CL_1 } else { t::CL1 }, cut_str(c, 2)));
    }
    if set.has(Group::Nerar)
        && let Some(x) = x
    {
        let tag = if offset < 0 { "-1" } else { "+1" };
        for class in tables::mask_classes(x.nerar_words) {
            emit(t::NGW.part(tag).part(class).finish());
        }
    }
}

/// For every token of a sentence, the id of its word in `cache`; hands each feature of a token
/// with its neighbours (pairs of words, name spans) to `emit` with the token's index.
pub(crate) fn pair_features<'a>(
    words: &[&'a str],
    cache: &mut WordCache<'a>,
    emit: &mut dyn FnMut(usize, u32),
) -> Vec<usize> {
    pair_features_keyed(words, None, cache, emit)
}

/// [`pair_features`] of words whose matching keys may be known (`keys[i]` is
/// `normalize::key(words[i])`).
pub(crate) fn pair_features_keyed<'a>(
    words: &[&'a str],
    keys: Option<&[&'a str]>,
    cache: &mut WordCache<'a>,
    emit: &mut dyn FnMut(usize, u32),
) -> Vec<usize> {
    use template as t;
    let set = cache.set;
    let ids: Vec<usize> = words
        .iter()
        .enumerate()
        .map(|(i, w)| cache.id_keyed(w, keys.and_then(|k| k.get(i)).copied()))
        .collect();
    let infos: Vec<&WordInfo<'_>> = ids.iter().map(|&id| &cache.entries[id]).collect();
    let at = |i: isize| -> Option<&WordInfo<'_>> {
        usize::try_from(i)
            .ok()
            .and_then(|i| infos.get(i))
            .copied()
    };
    let key_at = |i: isize| at(i).map_or(if i < 0 { "<s>" } else { "</s>" }, |w| w.key.as_ref());
    let light_at = |i: isize| at(i).map_or(if i < 0 { "<s>" } else { "</s>" }, |w| w.light());
    let spans = if set.has(Group::GazSpan) {
        gazetteer_spans(&infos)
    } else {
        vec![None; infos.len()]
    };
    let nerar = if set.has(Group::Nerar) {
        nerar_spans(nerar_lists(set), &infos)
    } else {
        vec![None; infos.len()]
    };

    let seen_spans = match cache.seen.filter(|_| set.has(Group::Seen)) {
        Some(list) => {
            let keys: Vec<&str> = infos.iter().map(|w| w.key.as_ref()).collect();
            list.spans(&keys, &mut String::new())
        }
        None => Vec::new(),
    };
    let quoted = if set.has(Group::Quote) {
        quote_spans(&infos)
    } else {
        Vec::new()
    };
    // The sentence's topics; with none (or the group off) the table is not read.
    let topics = infos.iter().fold(0u8, |m, w| m | w.topics);
    let classes: &[&str] = if topics == 0 { &[] } else { &TOPICS.0 };
    let mut pair = String::new();
    for (k, w) in infos.iter().enumerate() {
        let i = k as isize;
        for (bit, class) in classes.iter().enumerate() {
            if topics & (1 << bit) == 0 {
                continue;
            }
            let h = t::TOPIC.part(class);
            emit(k, h.finish());
            emit(k, h.part("c4").part(cut_str(w.cluster.unwrap_or("?"), 1)).finish());
            emit(k, h.part("gaz").part(w.gaz.unwrap_or("-")).finish());
            for c in tables::mask_classes(w.nerar_words) {
                emit(k, h.part("ng").part(c).finish());
            }
        }
        if let Some(&Some((begin, e))) = seen_spans.get(k) {
            let h = t::SEEN
                .part(if begin { "B" } else { "I" })
                .part(crate::ner::type_name(e.ty));
            emit(k, h.finish());
            emit(k, h.part(seen::PHRASE_BUCKETS[usize::from(e.bucket)]).finish());
        }
        if let Some(&Some(q)) = quoted.get(k) {
            let bi = if q.first { "B" } else { "I" };
            emit(k, t::QT.part(bi).finish());
            emit(k, t::QT.part(bi).part(q.length).finish());
            emit(k, t::QT.part(bi).part("before").part(q.before).finish());
        }
        if set.has(Group::Shape) {
            let h = t::SHAPE_PAIR.part(at(i - 1).map_or("<s>", |p| p.shape)).part(w.shape);
            emit(k, h.finish());
        }
        if set.has(Group::Context) {
            emit(k, t::W_1_W0.part(key_at(i - 1)).part(&w.key).finish());
            emit(k, t::W0_W1.part(&w.key).part(key_at(i + 1)).finish());
        }
        if set.has(Group::ContextStem) {
            emit(k, t::LS_1_LS0.part(light_at(i - 1)).part(w.light()).finish());
            emit(k, t::LS0_LS1.part(w.light()).part(light_at(i + 1)).finish());
            let art = |j: isize| at(j).map_or("-", |x| if x.article { "al" } else { "no" });
            emit(
                k,
                t::ART3.part(art(i - 1)).part(art(i)).part(art(i + 1)).finish(),
            );
        }
        if set.has(Group::Trigger)
            && let Some(c) = at(i - 1).and_then(|x| x.trigger)
        {
            emit(
                k,
                t::TR_1_SUF2
                    .part(c)
                    .part(suffix(&w.key, 2).unwrap_or(""))
                    .finish(),
            );
        }
        if set.has(Group::Gazetteer) {
            let mut g = |a: &str, b: &str| {
                pair.clear();
                pair.push_str(a);
                pair.push(' ');
                pair.push_str(b);
                gaz_name(kb::gazetteer_class(&pair))
            };
            if let Some(p) = at(i - 1)
                && let Some(c) = g(&p.key, w.light())
            {
                emit(k, one(t::GZ_1_0, c));
            }
            if let Some(n) = at(i + 1)
                && let Some(c) = g(w.light(), &n.key)
            {
                emit(k, one(t::GZ0_1, c));
            }
        }
        if set.has(Group::ClusterWide) {
            let c8 = |j: isize| at(j).map_or("<>", |x| cut_str(x.cluster.unwrap_or("?"), 2));
            emit(k, t::CL_1_0.part(c8(i - 1)).part(c8(i)).finish());
            emit(k, t::CL0_1.part(c8(i)).part(c8(i + 1)).finish());
        }
        if let Some((begin, class)) = spans[k] {
            emit(
                k,
                t::GZSPAN.part(if begin { "B" } else { "I" }).part(class).finish(),
            );
        }
        if set.has(Group::Nerar)
            && let Some((begin, mask)) = nerar[k]
        {
            for class in tables::mask_classes(mask) {
                emit(
                    k,
                    t::NG.part(if begin { "B" } else { "I" }).part(class).finish(),
                );
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 10: every token of a sentence holding a sports word has the topic's features,
    /// with its own cluster; a sentence without one has none.
    #[test]
    fn a_sports_word_marks_every_token_of_its_sentence() {
        let set = FeatureSet::DEFAULT.with(Group::Topic);
        let topic = hash("topic", &["sports"]);
        let match_report = extract_with(&["سجل", "ليون", "هدفين", "في", "المباراة"], set, None);
        assert!(match_report.iter().all(|f| f.contains(&topic)));
        let other = extract_with(&["زار", "الرئيس", "ليون", "أمس"], set, None);
        assert!(other.iter().all(|f| !f.contains(&topic)));
        let off = extract_with(&["سجل", "ليون", "هدفين"], FeatureSet::DEFAULT, None);
        assert!(off.iter().all(|f| !f.contains(&topic)));
    }

    #[test]
    fn light_stem_strips_the_longest_proclitic() {
        assert_eq!(word_info("وبالعراق").light(), "عراق");
        assert_eq!(word_info("للرئيس").light(), "رئيس");
        assert_eq!(word_info("وبوتين").conj(), "بوتين");
        // Two chars must remain.
        assert_eq!(word_info("ول").light(), "ول");
    }

    /// Issue 9: the clitic stem's key is cut from the word's key, as normalising the stem gives.
    #[test]
    fn clitic_stem_is_the_key_of_the_stem() {
        for word in ["وبالعراق", "للرئيس", "وبوتين", "حكومته", "فالـرئيس", "ﻻ", "Biden", "بـ"] {
            let seg = clitic::best(word);
            let stem = word.get(seg.stem.start..seg.stem.end).unwrap_or(word);
            assert_eq!(word_info(word).clitic_stem(), normalize::key(stem), "{word}");
        }
    }

    /// Issue 9: features hashed from template constants and borrowed parts are the hashes of
    /// the template name and the value strings.
    #[test]
    fn template_hashes_are_the_hashes_of_names_and_values() {
        assert_eq!(template::BIAS, hash("bias", &[]));
        assert_eq!(one(template::W0, "بوتين"), hash("w0", &["بوتين"]));
        assert_eq!(
            template::NG.part("B").part("PERS").finish(),
            hash("ng", &["B", "PERS"])
        );
        let w = word_info("وبالعراق");
        let mut local = Vec::new();
        local_features(&w, FeatureSet::ALL, &mut local);
        assert!(local.contains(&hash("pro0", &[&w.proclitics.concat()])));
        for gram in ["^عر", "عرا", "راق", "اق$"] {
            assert!(local.contains(&hash("c3", &[gram])), "{gram}");
        }
    }

    /// Issue 9: the affixes of one walk are those of a walk per length.
    #[test]
    fn one_walk_gives_every_affix() {
        for s in ["", "ب", "بو", "بوتين", "Biden", "a٣ب", "ﻻبو"] {
            let (pre, suf) = (prefixes::<4>(s), suffixes::<4>(s));
            for n in 1..=4 {
                assert_eq!(pre[n - 1], prefix(s, n), "{s} {n}");
                assert_eq!(suf[n - 1], suffix(s, n), "{s} {n}");
            }
        }
    }

    /// Issue 10: words between quotation marks (a title) are marked, with the quotation's
    /// length and the word before its opening mark; runs of marks count once, and a quotation
    /// longer than 8 words or never closed marks nothing.
    #[test]
    fn quote_spans_mark_short_quotations() {
        let spans = |words: &[&str]| {
            let infos: Vec<WordInfo> = words.iter().map(|w| word_info(w)).collect();
            let refs: Vec<&WordInfo> = infos.iter().collect();
            quote_spans(&refs)
                .into_iter()
                .map(|q| q.map(|q| (q.first, q.length, q.before.to_owned())))
                .collect::<Vec<_>>()
        };
        let got = spans(&["في", "مسلسل", "«", "الناس", "وأنا", "»", "الذي"]);
        let inside = |first| Some((first, "2", "مسلسل".to_owned()));
        assert_eq!(got, vec![None, None, None, inside(true), inside(false), None, None]);
        // ANERcorp writes a quotation mark as two apostrophes.
        let got = spans(&["صحيفة", "'", "'", "معاريف", "'", "'", "قالت"]);
        assert_eq!(got[3], Some((true, "1", normalize::key("صحيفة"))));
        assert_eq!(got.iter().filter(|q| q.is_some()).count(), 1);
        // Straight quotes pair up in order; a closing guillemet never opens.
        let got = spans(&["»", "قال", "\"", "نعم", "\"", "ثم", "\"", "لا"]);
        assert_eq!(got[3], Some((true, "1", "قال".to_owned())));
        assert_eq!(got.iter().filter(|q| q.is_some()).count(), 1);
        let long: Vec<&str> = std::iter::once("«")
            .chain(std::iter::repeat_n("كلمة", 9))
            .chain(std::iter::once("»"))
            .collect();
        assert!(spans(&long).iter().all(Option::is_none));
    }

    #[test]
    fn affixes_count_chars_not_bytes() {
        assert_eq!(prefix("بوتين", 2), Some("بو"));
        assert_eq!(suffix("بوتين", 3), Some("تين"));
        assert_eq!(suffix("بو", 2), None);
        assert_eq!(prefix("بو", 2), None);
        assert_eq!(suffix("بوت", 2), Some("وت"));
        assert_eq!(prefix("بوت", 2), Some("بو"));
    }

    #[test]
    fn every_group_contributes_features() {
        let words = [
            "قال",
            "الرئيس",
            "بوتين",
            "في",
            "موسكو",
            "إن",
            "الولايات",
            "المتحدة",
            "لبرنامج",
            "«",
            "حوار",
            "»",
            "وريثيمنو",
            "المباراة",
        ];
        // Emission and label-pair features together.
        let count = |set: FeatureSet| -> usize {
            let pairs = extract_label_pairs(&words, set, None);
            let emissions = extract(&words, set);
            emissions.iter().chain(&pairs).map(Vec::len).sum()
        };
        let n = count(FeatureSet::ALL);
        for g in Group::ALL {
            if g == Group::Gazetteer {
                continue; // the knowledge base may be empty
            }
            let m = count(FeatureSet::ALL.without(g));
            assert!(m < n, "{} adds nothing", g.name());
        }
    }

    /// Issue 10: every token has its cluster's and its previous word's cluster's label-pair
    /// features (the sentence start for the first), and only with the group on; the emission
    /// features are the same with it on or off.
    #[test]
    fn label_pair_features_are_the_clusters_at_0_and_minus_1() {
        let words = ["قال", "الرئيس", "بوتين"];
        let on = FeatureSet::DEFAULT.with(Group::LabelPair);
        let pairs = extract_label_pairs(&words, on, None);
        assert!(pairs.iter().all(|p| p.len() == 2));
        // The second feature of a token is the first's template at the token before.
        let c8 = |w: &str| cut_str(word_info(w).cluster.unwrap_or("?"), 2).to_owned();
        assert_eq!(pairs[1][0], one(template::LP0, &c8("الرئيس")));
        assert_eq!(pairs[1][1], one(template::LP_1, &c8("قال")));
        assert_eq!(pairs[0][1], one(template::LP_1, "<>"));
        let off = extract_label_pairs(&words, FeatureSet::DEFAULT, None);
        assert!(off.iter().all(Vec::is_empty));
        assert_eq!(extract(&words, on), extract(&words, FeatureSet::DEFAULT));
    }
}
