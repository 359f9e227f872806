//! The stacked document pass (issue 10): a second, small model that reads what the first pass
//! tagged across the whole document and corrects it.
//!
//! The first pass tags each sentence on its own. The stacked pass gives every token a few
//! features of the document's first-pass tags ([`Template`]): how the token's other occurrences
//! were tagged, how the other occurrences of the entity it is in were tagged, whether it occurs
//! inside a longer name elsewhere, and the same for its neighbours, and what the training
//! text's list of names ([`crate::ner::seen`]) says of the token, its neighbours and the longest
//! listed phrase covering it, each together with the token's own first-pass tag. Its weights are added to the first pass's emission scores and the
//! sentence is decoded again with the stacked model's transitions. The stacked model was fitted
//! (`cargo xtask train-ner`) on first-pass tags of text the first-pass model had not seen
//! (Krishnan and Manning 2006: cross-validated, so that the stacked model learns how far the
//! first pass is to be trusted on new text), with its scores held fixed ([`crate::ner::crf`]).
//!
//! Cost is linear: one map entry per distinct word and per distinct first-pass entity, a fixed
//! number of features per token, and one more Viterbi pass.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use crate::ner::document::{Consistency, Names};
use crate::ner::features::light_stem;
use crate::ner::seen::{self, Seen};
use crate::ner::{Kind, LABELS, ScoredTag, Tag, kind_of, runs};

/// What a document's other occurrences of something say about it: none, all `O`, or the type
/// most of the tagged ones have with how many of all the occurrences do (all, at least half,
/// fewer).
const SUMMARIES: usize = 2 + 3 * 4;

/// A token's own first-pass type: `O` or one of the four.
const OWN: usize = 5;

/// The feature templates, each a product of small codes: its name and number of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// One feature for every token (a per-label bias).
    Bias = 0,
    /// The token's own first-pass BIO label (9) and how confident (3).
    Own = 1,
    /// The other occurrences of the token's word (its light stem) × its own type.
    Word = 2,
    /// Inside a first-pass entity: the other occurrences of that entity (the same words) ×
    /// first token or not × its type.
    Entity = 3,
    /// The type of the first-pass names of several words the word occurs in elsewhere (or none)
    /// × its own type.
    Within = 4,
    /// [`Template::Word`] of the previous token × this token's own type.
    Previous = 5,
    /// [`Template::Word`] of the next token × this token's own type.
    Next = 6,
    /// Where the first pass left the token `O`: the occurrence of a name it tagged confidently
    /// elsewhere that the token is in ([`crate::ner::document::Names`]), its type and first
    /// token or not, or none.
    Repeat = 7,
    /// What the training text's entity words say of the token's word ([`crate::ner::seen`]:
    /// none, or its type and reliability) × its own type.
    SeenWord = 8,
    /// The longest training-text name covering the token (none, or first token or not × its
    /// type × its reliability) × its own type.
    SeenName = 9,
    /// [`Template::SeenWord`] of the previous token (none at the start) × own type.
    SeenPrevious = 10,
    /// [`Template::SeenWord`] of the next token (none at the end) × own type.
    SeenNext = 11,
}

impl Template {
    /// Every template, in order.
    pub const ALL: [Template; 12] = [
        Template::Bias,
        Template::Own,
        Template::Word,
        Template::Entity,
        Template::Within,
        Template::Previous,
        Template::Next,
        Template::Repeat,
        Template::SeenWord,
        Template::SeenName,
        Template::SeenPrevious,
        Template::SeenNext,
    ];

    /// How many values the template has.
    pub const fn size(self) -> usize {
        match self {
            Template::Bias => 1,
            Template::Own => 9 * 3,
            Template::Word | Template::Previous | Template::Next => SUMMARIES * OWN,
            Template::Entity => SUMMARIES * 2 * 4,
            Template::Within => 5 * OWN,
            Template::Repeat => 1 + 4 * 2,
            Template::SeenWord => (1 + 4 * SEEN_BUCKETS) * OWN * 3,
            Template::SeenName => (1 + 2 * 4 * SEEN_BUCKETS) * OWN,
            Template::SeenPrevious | Template::SeenNext => (1 + 4 * SEEN_BUCKETS) * OWN,
        }
    }

    /// The id of the template's first value.
    pub const fn offset(self) -> usize {
        let mut sum = 0;
        let mut i = 0;
        while i < self as usize {
            sum += Template::ALL[i].size();
            i += 1;
        }
        sum
    }
}

/// The number of stacked features (of one part).
pub const FEATURES: usize = Template::SeenNext.offset() + Template::SeenNext.size();

/// The reliability buckets of a seen word or name.
const SEEN_BUCKETS: usize = seen::WORD_BUCKETS.len();

/// The code of a seen word's or name's entry: its type and bucket.
fn seen_code(e: seen::Entry) -> usize {
    e.ty as usize * SEEN_BUCKETS + usize::from(e.bucket)
}

/// The parts a stacked feature's weights come in, as the first model's: shared, news, Wikipedia.
pub const PARTS: usize = 3;

/// A token's stacked features: one id per template, `NONE` where it does not apply.
pub type TokenFeatures = [u16; Template::ALL.len()];

/// An absent feature.
pub const NONE: u16 = u16::MAX;

/// The type code of a tag: 0 for `O`, 1 + type.
fn type_code(tag: Tag) -> usize {
    match tag {
        Tag::O => 0,
        Tag::B(t) | Tag::I(t) => 1 + t as usize,
    }
}

/// The summary code ([`SUMMARIES`]) of occurrence counts by type code, less the token's own
/// (`own`).
fn summary(mut counts: [u32; OWN], own: Option<usize>) -> usize {
    if let Some(o) = own {
        counts[o] = counts[o].saturating_sub(1);
    }
    let total: u32 = counts.iter().sum();
    if total == 0 {
        return 0;
    }
    let mut best = 1;
    for t in 2..OWN {
        if counts[t] > counts[best] {
            best = t;
        }
    }
    let n = counts[best];
    if n == 0 {
        return 1;
    }
    let strength = if n == total {
        0
    } else if 2 * n >= total {
        1
    } else {
        2
    };
    2 + 3 * (best - 1) + strength
}

/// A first-pass margin's confidence bucket (score units: 40 is one log-odds unit).
fn confidence(margin: f32) -> usize {
    if margin < 40.0 {
        0
    } else if margin < 160.0 {
        1
    } else {
        2
    }
}

/// The hash of an entity's words (by their light stems).
fn entity_hash(stems: &[&str]) -> u64 {
    let mut h = FxHasher::default();
    for k in stems {
        k.hash(&mut h);
    }
    h.finish()
}

/// What a document's first pass tagged, by word and by entity.
#[derive(Debug)]
pub struct Summary<'k, K> {
    /// The document's sentences' keys.
    keys: &'k [Vec<K>],
    /// Their first-pass tags.
    tags: &'k [Vec<ScoredTag>],
    /// Light stem → occurrences by type code.
    words: FxHashMap<&'k str, [u32; OWN]>,
    /// Entity words' hash → occurrences by type code.
    entities: FxHashMap<u64, [u32; OWN]>,
    /// Light stem → occurrences inside first-pass names of several words, by type code.
    within: FxHashMap<&'k str, [u32; OWN]>,
    /// The names the first pass tagged confidently.
    names: Names,
    /// The light stem of every token, by sentence (computed once).
    stems: Vec<Vec<&'k str>>,
    /// The training text's names and entity words.
    seen: &'k Seen,
}

/// A sentence's stacked features ([`Summary::features`]), with the buffers that make them,
/// reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct Features {
    /// One per token.
    pub tokens: Vec<TokenFeatures>,
    /// Each token's [`Template::Word`] summary code.
    words: Vec<usize>,
    /// Each token's first-pass entity: the code of its other occurrences, first token or not,
    /// type, and whether it spans several words.
    entity: Vec<Option<(usize, usize, usize, bool)>>,
    /// Each token's occurrence of a confident name ([`Names::occurrences`]).
    repeats: Vec<Option<(crate::ner::NerType, bool)>>,
    /// Each token's training-text name ([`Seen::spans_into`]).
    seen_names: Vec<Option<(bool, seen::Entry)>>,
    /// Each token's [`Template::SeenWord`] code (0 for a word the list lacks).
    seen_words: Vec<usize>,
    /// The buffer the names are looked up in.
    name: String,
}

impl<'k, K: AsRef<str>> Summary<'k, K> {
    /// The summary of a document: its sentences' keys and first-pass tags, and the list of the
    /// training text's names (the first-pass model's own: [`crate::ner::model::Model::seen`]).
    pub fn new(
        keys: &'k [Vec<K>],
        tags: &'k [Vec<ScoredTag>],
        seen: &'k Seen,
    ) -> Summary<'k, K> {
        let mut s = Summary {
            seen,
            keys,
            tags,
            words: FxHashMap::default(),
            entities: FxHashMap::default(),
            within: FxHashMap::default(),
            names: Names::collect(keys, tags, Consistency::SHIPPED.min_margin),
            stems: keys
                .iter()
                .map(|keys| keys.iter().map(|k| light_stem(k.as_ref())).collect())
                .collect(),
        };
        for (stems, tags) in s.stems.iter().zip(tags) {
            for (&k, t) in stems.iter().zip(tags) {
                s.words.entry(k).or_default()[type_code(t.tag)] += 1;
            }
            for (start, end, ty) in runs(tags) {
                let Some(words) = stems.get(start..end) else {
                    continue;
                };
                s.entities.entry(entity_hash(words)).or_default()[1 + ty as usize] += 1;
                if end - start > 1 {
                    for &k in words {
                        s.within.entry(k).or_default()[1 + ty as usize] += 1;
                    }
                }
            }
        }
        s
    }

    /// The summary code of the other occurrences of the word of light stem `stem` tagged `tag`.
    fn word(&self, stem: &str, tag: Tag) -> usize {
        let counts = self.words.get(stem).copied().unwrap_or_default();
        summary(counts, Some(type_code(tag)))
    }

    /// The stacked features of the tokens of the document's sentence number `sentence`, written
    /// to `out.tokens` (cleared first; none for a sentence the document does not have).
    pub fn features(&self, sentence: usize, out: &mut Features) {
        let (Some(keys), Some(tags), Some(stems)) = (
            self.keys.get(sentence),
            self.tags.get(sentence),
            self.stems.get(sentence),
        ) else {
            out.tokens.clear();
            return;
        };
        let n = keys.len().min(tags.len());
        let Features {
            tokens,
            words,
            entity,
            repeats,
            seen_names,
            seen_words,
            name,
        } = out;
        tokens.clear();
        self.seen.spans_into(&keys[..n], name, seen_names);
        seen_words.clear();
        seen_words.extend(
            stems[..n]
                .iter()
                .map(|&s| self.seen.stem(s).map_or(0, |e| 1 + seen_code(e))),
        );
        self.names.occurrences(&keys[..n], &tags[..n], repeats);
        words.clear();
        words.extend((0..n).map(|i| self.word(stems[i], tags[i].tag)));
        entity.clear();
        entity.resize(n, None);
        for (start, end, ty) in runs(&tags[..n]) {
            let counts = self
                .entities
                .get(&entity_hash(&stems[start..end]))
                .copied()
                .unwrap_or_default();
            let code = summary(counts, Some(1 + ty as usize));
            for (i, e) in entity.iter_mut().enumerate().take(end).skip(start) {
                *e = Some((code, usize::from(i > start), ty as usize, end - start > 1));
            }
        }
        let bio = |tag: Tag| match kind_of(crate::ner::label(tag)) {
            None => 0,
            Some((Kind::Inside, t)) => 2 + 2 * t as usize,
            Some((_, t)) => 1 + 2 * t as usize,
        };
        for i in 0..n {
            let own = type_code(tags[i].tag);
            let label = bio(tags[i].tag);
            let id = |t: Template, v: usize| (t.offset() + v) as u16;
            let mut f = [NONE; Template::ALL.len()];
            f[0] = id(Template::Bias, 0);
            f[1] = id(Template::Own, label * 3 + confidence(tags[i].margin));
            f[2] = id(Template::Word, words[i] * OWN + own);
            if let Some((code, inside, ty, _)) = entity[i] {
                f[3] = id(Template::Entity, (code * 2 + inside) * 4 + ty);
            }
            let mut within = self.within.get(stems[i]).copied().unwrap_or_default();
            if let Some((_, _, ty, true)) = entity[i] {
                within[1 + ty] = within[1 + ty].saturating_sub(1);
            }
            let within_type = (1..OWN)
                .filter(|&t| within[t] > 0)
                .max_by_key(|&t| (within[t], std::cmp::Reverse(t)))
                .unwrap_or(0);
            f[4] = id(Template::Within, within_type * OWN + own);
            if i > 0 {
                f[5] = id(Template::Previous, words[i - 1] * OWN + own);
            }
            if i + 1 < n {
                f[6] = id(Template::Next, words[i + 1] * OWN + own);
            }
            let repeat = repeats[i].map_or(0, |(ty, first)| 1 + 2 * ty as usize + usize::from(!first));
            f[7] = id(Template::Repeat, repeat);
            if i > 0 {
                f[10] = id(Template::SeenPrevious, seen_words[i - 1] * OWN + own);
            }
            if i + 1 < n {
                f[11] = id(Template::SeenNext, seen_words[i + 1] * OWN + own);
            }
            let conf = confidence(tags[i].margin);
            f[8] = id(Template::SeenWord, (seen_words[i] * OWN + own) * 3 + conf);
            let name = seen_names[i].map_or(0, |(first, e)| {
                1 + 2 * seen_code(e) + usize::from(!first)
            });
            f[9] = id(Template::SeenName, name * OWN + own);
            tokens.push(f);
        }
    }
}

/// A stacked model: weights by part, feature and label, and transitions, in score units.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    /// What an integer weight is worth, in score units.
    pub scale: f32,
    /// `weights[(part · FEATURES + feature) · LABELS + label]`.
    pub weights: Vec<i16>,
    /// Row 0 from the sentence start, row `1 + a` from label `a`.
    pub transitions: Vec<i16>,
    /// What it was trained for: [`features::fnv64`] of the first-pass model file and of the
    /// list of seen names (`data/ner/seen.tsv`) that `cargo xtask train-ner` wrote with it
    /// (zero when not known). A test checks the shipped three agree.
    ///
    /// [`features::fnv64`]: crate::ner::features::fnv64
    pub sources: Sources,
}

/// The hashes of the files a stacked model was trained with ([`Stack::sources`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sources {
    /// The first-pass model file's.
    pub model: u64,
    /// The list of seen names' file.
    pub seen: u64,
}

/// The file's first bytes (and its format version).
const MAGIC: &[u8; 8] = b"KNSTACK2";

impl Stack {
    /// Parses a stacked model file (`None` if it is not one of this build's).
    pub fn from_bytes(bytes: &[u8]) -> Option<Stack> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (features, rest) = rest.split_first_chunk::<4>()?;
        if u32::from_le_bytes(*features) as usize != FEATURES {
            return None;
        }
        let (scale, rest) = rest.split_first_chunk::<4>()?;
        let scale = f32::from_le_bytes(*scale);
        let (model, rest) = rest.split_first_chunk::<8>()?;
        let (seen, rest) = rest.split_first_chunk::<8>()?;
        let sources = Sources {
            model: u64::from_le_bytes(*model),
            seen: u64::from_le_bytes(*seen),
        };
        // A weight of 32,767 is then at most 32,767 score units (819 log-odds units).
        if !(scale > 0.0 && scale <= 1.0) {
            return None;
        }
        let values: Vec<i16> = rest
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let n_weights = PARTS * FEATURES * LABELS;
        if rest.len() % 2 != 0 || values.len() != n_weights + (1 + LABELS) * LABELS {
            return None;
        }
        let mut weights = values;
        let transitions = weights.split_off(n_weights);
        Some(Stack {
            scale,
            weights,
            transitions,
            sources,
        })
    }

    /// The file of this model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((FEATURES as u32).to_le_bytes());
        out.extend(self.scale.to_le_bytes());
        out.extend(self.sources.model.to_le_bytes());
        out.extend(self.sources.seen.to_le_bytes());
        for v in self.weights.iter().chain(&self.transitions) {
            out.extend(v.to_le_bytes());
        }
        out
    }

    /// The model's weights in the units of a first-pass model whose integer weight is worth
    /// `unit` score units, for a text of corpus `domain` (shared weights only if `None`).
    pub fn in_units(&self, unit: f32, domain: Option<u8>) -> Scaled {
        let factor = f64::from(self.scale) / f64::from(unit);
        // Far from overflow when summed, however small the first model's unit (the decoder
        // takes scores of up to 2^40 on its fast path).
        let limit = f64::from(1u32 << 30);
        let convert = |v: i16| (f64::from(v) * factor).round().clamp(-limit, limit) as i64;
        let parts = [Some(0), domain.map(|d| usize::from(d) + 1)];
        let mut weights = vec![[0i64; LABELS]; FEATURES];
        for part in parts.into_iter().flatten().filter(|&p| p < PARTS) {
            for (f, row) in weights.iter_mut().enumerate() {
                let start = (part * FEATURES + f) * LABELS;
                for (w, &v) in row.iter_mut().zip(&self.weights[start..start + LABELS]) {
                    *w += convert(v);
                }
            }
        }
        Scaled {
            weights,
            transitions: self.transitions.iter().map(|&v| convert(v)).collect(),
        }
    }
}

/// A stacked model's weights converted to a first-pass model's integer units.
#[derive(Debug, Clone)]
pub struct Scaled {
    weights: Vec<[i64; LABELS]>,
    transitions: Vec<i64>,
}

impl Scaled {
    /// Adds the weights of a sentence's stacked features to its emission scores.
    pub fn add(&self, features: &[TokenFeatures], emissions: &mut [[i64; LABELS]]) {
        for (fs, e) in features.iter().zip(emissions) {
            for &f in fs.iter().filter(|&&f| f != NONE) {
                if let Some(row) = self.weights.get(usize::from(f)) {
                    for (x, y) in e.iter_mut().zip(row) {
                        *x += y;
                    }
                }
            }
        }
    }

    /// The transition weight from `from` (`None`: sentence start) to `to`.
    pub fn transition(&self, from: Option<usize>, to: usize) -> i64 {
        let row = from.map_or(0, |f| f + 1);
        self.transitions.get(row * LABELS + to).copied().unwrap_or(0)
    }
}

/// Training the stacked model (with the `eval` feature).
#[cfg(feature = "eval")]
pub mod fit {
    use super::*;
    use crate::ner::Scheme;
    use crate::ner::crf::{self, CrfConfig};

    /// One sentence of a first pass over text the first model was not trained on.
    #[derive(Debug, Clone)]
    pub struct FirstPass {
        /// The words' matching keys.
        pub keys: Vec<String>,
        /// The first model's emission scores, in log-odds units (score units / 40).
        pub emissions: Vec<[f64; LABELS]>,
        /// The first model's label-pair scores ([`crate::ner::decode::PairScores`], one per
        /// token; none if it has no label-pair features), in its integer units.
        pub pairs: Vec<crate::ner::decode::PairScores>,
        /// What one of the integer units of `pairs` is in log-odds units.
        pub pair_unit: f64,
        /// The first pass's tags.
        pub tags: Vec<ScoredTag>,
        /// The gold labels, in the scheme trained.
        pub gold: Vec<usize>,
        /// The sentence's corpus.
        pub domain: u8,
        /// The list of training-text names the first model read (its own training text's).
        pub seen: std::sync::Arc<Seen>,
    }

    /// Fits a stacked model to documents of first-pass sentences.
    pub fn train(docs: &[Vec<FirstPass>], config: &CrfConfig, scheme: Scheme, seed: u64) -> Stack {
        let mut data: Vec<Vec<Vec<u32>>> = Vec::new();
        let mut offsets: Vec<Vec<[f64; LABELS]>> = Vec::new();
        let mut golds: Vec<&[usize]> = Vec::new();
        let mut buffer = Features::default();
        for doc in docs {
            let keys: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.keys.iter().map(String::as_str).collect())
                .collect();
            let tags: Vec<Vec<ScoredTag>> = doc.iter().map(|s| s.tags.clone()).collect();
            let Some(first) = doc.first() else {
                continue;
            };
            let summary = Summary::new(&keys, &tags, &first.seen);
            for (i, s) in doc.iter().enumerate() {
                summary.features(i, &mut buffer);
                let own = (1 + usize::from(s.domain)) * FEATURES;
                data.push(
                    buffer
                        .tokens
                        .iter()
                        .map(|fs| {
                            let present = fs.iter().filter(|&&f| f != NONE);
                            present
                                .flat_map(|&f| [u32::from(f), (own + usize::from(f)) as u32])
                                .collect()
                        })
                        .collect(),
                );
                offsets.push(s.emissions.clone());
                golds.push(&s.gold);
            }
        }
        // The first pass's label-pair scores, sentence by sentence in the order of `data`.
        let firsts: Vec<&FirstPass> = docs.iter().flatten().collect();
        let add_pairs = |si: usize, out: &mut [f64]| {
            let s = firsts[si];
            for (o, p) in out.chunks_exact_mut(crate::ner::decode::PAIRS).zip(&s.pairs) {
                for (x, &y) in o.iter_mut().zip(p) {
                    *x += f64::from(y) * s.pair_unit;
                }
            }
        };
        let any_pairs = firsts.iter().any(|s| !s.pairs.is_empty());
        let given = crf::Given {
            offsets: Some(&offsets),
            pair_offsets: any_pairs.then_some(&add_pairs as crf::PairOffsets<'_>),
            ..crf::Given::default()
        };
        let crf::Fitted {
            emissions: weights,
            transitions,
            ..
        } = crf::fit(
            &data,
            given,
            &golds,
            PARTS * FEATURES,
            config,
            scheme,
            seed,
        );
        // In score units, at the finest resolution i16 allows.
        let units = |w: f64| w * crf::SCORE_UNITS;
        let max = weights
            .iter()
            .chain(&transitions)
            .fold(0.0f64, |m, &w| m.max(units(w).abs()));
        let scale = (max / 32_000.0).max(1e-6);
        let quantised = |ws: &[f64]| -> Vec<i16> {
            ws.iter()
                .map(|&w| (units(w) / scale).round() as i16)
                .collect()
        };
        Stack {
            scale: scale as f32,
            weights: quantised(&weights),
            transitions: quantised(&transitions),
            sources: Sources::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::NerType;

    static NO_NAMES: std::sync::LazyLock<Seen> = std::sync::LazyLock::new(Seen::default);

    /// First-pass emission scores (log-odds units) favouring `label` by `by`.
    fn favouring(label: usize, by: f64) -> [f64; LABELS] {
        let mut e = [0.0; LABELS];
        e[label] = by;
        e
    }

    fn tagged(tags: &[Tag]) -> Vec<ScoredTag> {
        tags.iter()
            .map(|&tag| ScoredTag { tag, margin: 100.0 })
            .collect()
    }

    #[test]
    fn summaries_leave_the_token_itself_out() {
        // Issue 10: three occurrences, two tagged PERS, one O.
        let counts = [1, 2, 0, 0, 0];
        assert_eq!(summary(counts, Some(0)), 2); // the others: all PERS
        assert_eq!(summary(counts, Some(1)), 3); // the others: PERS and O, half
        assert_eq!(summary([1, 0, 0, 0, 0], Some(0)), 0); // alone
        assert_eq!(summary([3, 0, 0, 0, 0], Some(0)), 1); // never a name
        assert_eq!(summary([5, 1, 0, 0, 0], Some(0)), 4); // PERS, fewer than half
    }

    #[test]
    fn a_word_tagged_elsewhere_gets_its_type_as_a_feature() {
        // Issue 10: «سالم» is PERS in the first sentence and O in the second.
        let keys = vec![vec!["قال", "سالم"], vec!["وسالم", "هنا"]];
        let tags = vec![
            tagged(&[Tag::O, Tag::B(NerType::Pers)]),
            tagged(&[Tag::O, Tag::O]),
        ];
        let summary = Summary::new(&keys, &tags, &NO_NAMES);
        let mut features = Features::default();
        summary.features(1, &mut features);
        let out = &features.tokens;
        let word = |code: usize, own: usize| (Template::Word.offset() + code * OWN + own) as u16;
        // The other occurrence (without its «و») is all PERS; this one is O.
        assert_eq!(out[0][Template::Word as usize], word(2, 0));
        assert_eq!(out[0][Template::Entity as usize], NONE);
        assert_eq!(out[1][Template::Previous as usize] as usize, {
            Template::Previous.offset() + 2 * OWN
        });
        assert!(out.iter().flatten().all(|&f| f == NONE || usize::from(f) < FEATURES));
    }

    /// Issue 10: fitted on documents where a word the first pass left `O` is a person named
    /// elsewhere in the document, the stacked model tags it so in a new document (and
    /// fitting is deterministic).
    #[cfg(feature = "eval")]
    #[test]
    fn fitting_learns_that_a_name_elsewhere_names_this_word() {
        use crate::ner::crf::CrfConfig;
        use crate::ner::{Scheme, label};
        use fit::FirstPass;
        let pers = label(Tag::B(NerType::Pers));
        // Emissions in log-odds units: O favoured by 1 where the first pass missed the name.
        let weak_o = favouring(0, 1.0);
        let sure_pers = favouring(pers, 6.0);
        let sentence = |keys: [&str; 2], emissions, tags: [Tag; 2], gold: [usize; 2]| FirstPass {
            keys: keys.map(str::to_owned).to_vec(),
            emissions: vec![weak_o, emissions],
            tags: tags
                .iter()
                .zip([40.0, 200.0])
                .map(|(&tag, margin)| ScoredTag { tag, margin })
                .collect(),
            gold: gold.to_vec(),
            domain: 0,
            seen: Default::default(),
            pairs: Vec::new(),
            pair_unit: 1.0,
        };
        let names = ["سالم", "كريم", "ناصر", "فؤاد", "رامي", "هشام"];
        let doc = |name: &'static str| {
            vec![
                sentence(["قال", name], sure_pers, [Tag::O, Tag::B(NerType::Pers)], [0, pers]),
                sentence(["وعاد", name], weak_o, [Tag::O, Tag::O], [0, pers]),
                // A word never named is left alone.
                sentence(["وعاد", "اليوم"], weak_o, [Tag::O, Tag::O], [0, 0]),
            ]
        };
        let docs: Vec<Vec<FirstPass>> = names.iter().cycle().take(60).map(|&n| doc(n)).collect();
        let config = CrfConfig::default();
        let stack = fit::train(&docs, &config, Scheme::Bio, 7);
        assert_eq!(stack, fit::train(&docs, &config, Scheme::Bio, 7));
        // A new document: its first-pass scores through the stacked model.
        let test = doc("ماهر");
        let keys: Vec<Vec<&str>> = test
            .iter()
            .map(|s| s.keys.iter().map(String::as_str).collect())
            .collect();
        let tags: Vec<Vec<ScoredTag>> = test.iter().map(|s| s.tags.clone()).collect();
        let summary = Summary::new(&keys, &tags, &NO_NAMES);
        // First-pass scores in whole score units (40 to a log-odds unit).
        let scaled = stack.in_units(1.0, Some(0));
        let mut out = Features::default();
        let mut best = |s: usize| {
            summary.features(s, &mut out);
            let mut e: Vec<[i64; LABELS]> = test[s]
                .emissions
                .iter()
                .map(|e| e.map(|x| (x * 40.0).round() as i64))
                .collect();
            scaled.add(&out.tokens, &mut e);
            let (labels, _) = crate::ner::decode::viterbi(Scheme::Bio, &e, |f, t| {
                scaled.transition(f, t)
            });
            labels
        };
        assert_eq!(best(1), vec![0, pers]);
        assert_eq!(best(2), vec![0, 0]);
    }

    /// Issue 10: the first pass left a word `O` that the training text names; the stacked
    /// model learns to follow the list (and to leave a word it does not list alone).
    #[test]
    fn fitting_learns_that_a_word_the_training_text_names_is_a_name() {
        use crate::ner::crf::CrfConfig;
        use crate::ner::{Scheme, label};
        use fit::FirstPass;
        let pers = label(Tag::B(NerType::Pers));
        let weak_o = favouring(0, 1.0);
        let names = ["سالم", "كريم", "ناصر", "فؤاد", "رامي", "هشام", "ماهر"];
        let list: String = names.iter().map(|n| format!("W\t{n}\tPERS\ta3\n")).collect();
        let seen = std::sync::Arc::new(Seen::from_tsv(&list).unwrap());
        let sentence = |word: &str, gold: usize| FirstPass {
            keys: vec!["وعاد".to_owned(), word.to_owned()],
            emissions: vec![weak_o, weak_o],
            tags: [Tag::O, Tag::O]
                .iter()
                .map(|&tag| ScoredTag { tag, margin: 40.0 })
                .collect(),
            gold: vec![0, gold],
            domain: 0,
            seen: seen.clone(),
            pairs: Vec::new(),
            pair_unit: 1.0,
        };
        // Training never sees «ماهر», listed, nor «الغد», not listed.
        let docs: Vec<Vec<FirstPass>> = names[..6]
            .iter()
            .cycle()
            .take(60)
            .map(|&n| vec![sentence(n, pers), sentence("اليوم", 0)])
            .collect();
        let stack = fit::train(&docs, &CrfConfig::default(), Scheme::Bio, 7);
        let scaled = stack.in_units(1.0, Some(0));
        let best = |word: &str| {
            let test = [sentence(word, 0)];
            let keys = [test[0].keys.clone()];
            let tags = [test[0].tags.clone()];
            let summary = Summary::new(&keys, &tags, &seen);
            let mut out = Features::default();
            summary.features(0, &mut out);
            let mut e: Vec<[i64; LABELS]> = vec![[0; LABELS]; 2];
            e.iter_mut().for_each(|e| e[0] = 40);
            scaled.add(&out.tokens, &mut e);
            crate::ner::decode::viterbi(Scheme::Bio, &e, |f, t| scaled.transition(f, t)).0
        };
        assert_eq!(best("ماهر"), vec![0, pers]);
        assert_eq!(best("الغد"), vec![0, 0]);
    }

    #[test]
    fn the_file_round_trips_and_refuses_others() {
        let stack = Stack {
            scale: 0.5,
            weights: (0..PARTS * FEATURES * LABELS).map(|i| (i % 7) as i16 - 3).collect(),
            transitions: vec![2; (1 + LABELS) * LABELS],
            sources: Sources { model: 7, seen: u64::MAX },
        };
        let bytes = stack.to_bytes();
        assert_eq!(Stack::from_bytes(&bytes), Some(stack));
        assert_eq!(Stack::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Stack::from_bytes(b"KNSTACK0"), None);
        // A scale that could overflow the scores is refused.
        let mut huge = bytes.clone();
        huge[12..16].copy_from_slice(&1e30f32.to_le_bytes());
        assert_eq!(Stack::from_bytes(&huge), None);
    }
}
