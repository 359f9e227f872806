//! The statistical named-entity tagger (ANERcorp tag set: PERS, LOC, ORG, MISC with B-/I-).
//!
//! A structured averaged perceptron over hashed features ([`features`]), decoded by a Viterbi
//! constrained to the model's tag encoding ([`Scheme`]: BIOS or BIO), so every output is a
//! valid BIO sequence. The model file
//! `data/ner/model.bin` ([`model`] describes the format) is compiled in and parsed once. It was
//! trained on ANERcorp (Benajiba, Rosso and Benedí 2007; CAMeL Lab re-release, CC BY-SA 4.0) and
//! WikiFANE Gold (Alotaibi and Lee 2014, CC BY-SA 3.0) by `cargo xtask train-ner` (`train`); `cargo xtask eval-ner` scores it (`eval`). Both modules,
//! and the label and feature-template helpers only they use, exist with the `eval` feature.

pub mod assets;
#[cfg(feature = "eval")]
pub mod crf;
pub mod decode;
pub mod document;
#[cfg(feature = "eval")]
pub mod eval;
pub mod features;
pub mod model;
pub mod seen;
pub mod stack;
pub mod tables;
#[cfg(feature = "eval")]
pub mod train;

use std::borrow::Cow;
use std::sync::LazyLock;

use model::{Lookup, Model};
use decode::{PAIRS, PairScores};

pub use crate::ner_type::NerType;
pub use document::DocumentPass;

/// The score units (see [`model::Model::scale`]) a log-odds unit is written as: the document
/// pass and the entity stage take margins in the perceptron's units (one update), and a margin
/// of one log-odds unit is about as confident as a perceptron margin of 40. Measured by the
/// document pass's grid (`cargo xtask eval-ner --consistency-grid`): a CRF model does best with
/// a minimum margin of 1 unit and a bonus of 4 or more, which the shipped 40 and 320 are at 40.
pub const SCORE_UNITS: f64 = 40.0;

/// A BIO tag: what tagging gives, whatever encoding the model was trained with ([`Scheme`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(NerType),
    /// A following token of an entity.
    I(NerType),
}

/// The number of labels: `O`, then `B-`, `I-` and `S-` ([`Kind`]) of each of four types.
pub const LABELS: usize = 13;

const TYPES: [NerType; 4] = [NerType::Pers, NerType::Loc, NerType::Org, NerType::Misc];

/// A label's place in an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The first token of an entity (of several tokens, in [`Scheme::Bios`]).
    Begin = 0,
    /// A following token.
    Inside = 1,
    /// The one token of a one-token entity ([`Scheme::Bios`] only).
    Single = 2,
}

/// The label of `kind` of type `ty`: `1 + 3 × type + kind` (`O` is 0).
pub const fn label_at(kind: Kind, ty: NerType) -> usize {
    1 + 3 * ty as usize + kind as usize
}

/// The kind and type of a label (`None` for `O` and out of range).
pub const fn kind_of(label: usize) -> Option<(Kind, NerType)> {
    if label == 0 || label >= LABELS {
        return None;
    }
    let kind = match (label - 1) % 3 {
        0 => Kind::Begin,
        1 => Kind::Inside,
        _ => Kind::Single,
    };
    Some((kind, TYPES[(label - 1) / 3]))
}

/// The tag encoding a model is trained with and decodes in (issue 10). Either way tagging gives
/// BIO [`Tag`]s (`S-` reads as `B-`).
///
/// Measured on the dev sets (`cargo xtask eval-ner --ablate --seeds 3 --levers none --tags …`,
/// six training orders): BIOS over BIO +0.29 news / +0.95 Wikipedia F1. Full BIOES (BILOU:
/// `E-` for an entity's last token too) gave −0.35 / +0.35 for a 50 % larger model, and `E-`
/// alone −0.69 / +0.54 (three orders): the model learns one-word-name evidence of its own, but
/// end-of-name labels only split the evidence for the tokens inside a name. Those gains were the
/// perceptron's: with the CRF trainer (three orders) BIO 76.54 / 70.76 and BIOS 76.53 / 70.68,
/// and BIO decodes with fewer transitions (10.9 M instructions per bundled article against
/// 11.7 M), so BIO is the default again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scheme {
    /// `B-`, `I-` and `O`.
    #[default]
    Bio = 0,
    /// BIO with `S-` for an entity of one token: `B-` starts entities of several tokens only.
    Bios = 1,
}

impl Scheme {
    /// Every scheme.
    pub const ALL: [Scheme; 2] = [Scheme::Bio, Scheme::Bios];

    /// The scheme's name (`bio`, `bios`).
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Bio => "bio",
            Scheme::Bios => "bios",
        }
    }

    /// The scheme called `name` (see [`Scheme::name`]).
    pub fn from_name(name: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The scheme stored as `code` in a model file (its discriminant).
    pub fn from_code(code: u8) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|&s| s as u8 == code)
    }

    /// Whether the scheme marks an entity of one token (`S-`).
    pub const fn singles(self) -> bool {
        matches!(self, Scheme::Bios)
    }

    /// Whether the scheme has label `label`.
    pub const fn uses(self, label: usize) -> bool {
        match kind_of(label) {
            None => label == 0,
            Some((Kind::Begin | Kind::Inside, _)) => true,
            Some((Kind::Single, _)) => self.singles(),
        }
    }

    /// Whether an entity must go on after label `label` (a `B-` when one token would be `S-`).
    pub const fn must_continue(self, label: usize) -> bool {
        matches!(kind_of(label), Some((Kind::Begin, _))) && self.singles()
    }

    /// The label of token `k` of an entity of `len` tokens and type `ty`.
    pub fn entity_label(self, ty: NerType, k: usize, len: usize) -> usize {
        let kind = match (k, len) {
            (_, 1) if self.singles() => Kind::Single,
            (0, _) => Kind::Begin,
            _ => Kind::Inside,
        };
        label_at(kind, ty)
    }

    /// The labels of a sentence labelled in BIO (as [`label`] gives them, a valid sequence), in
    /// this scheme.
    pub fn encode(self, bio: &[usize]) -> Vec<usize> {
        let continues = |i: usize, ty: NerType| {
            bio.get(i + 1).copied() == Some(label_at(Kind::Inside, ty))
        };
        (0..bio.len())
            .map(|i| match kind_of(bio[i]) {
                Some((Kind::Begin, ty)) if self.singles() && !continues(i, ty) => {
                    label_at(Kind::Single, ty)
                }
                _ => bio[i],
            })
            .collect()
    }
}

/// The shipped model file.
pub const MODEL_BYTES: &[u8] = assets::MODEL;

/// The shipped model, read once.
static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(MODEL_BYTES).ok());

/// The shipped model's lookup tables: for news, for Wikipedia, and of the shared weights alone,
/// each built when first needed.
static LOOKUPS: [LazyLock<Option<Lookup>>; 3] = [
    LazyLock::new(|| Some(Lookup::new(shipped_model()?, Some(0)))),
    LazyLock::new(|| Some(Lookup::new(shipped_model()?, Some(1)))),
    LazyLock::new(|| Some(Lookup::new(shipped_model()?, None))),
];

/// The shipped stacked model ([`stack`]), read once.
static STACK: LazyLock<Option<stack::Stack>> =
    LazyLock::new(|| stack::Stack::from_bytes(assets::STACK));

/// The shipped stacked model in the shipped model's units: for news, for Wikipedia, and of the
/// shared weights alone.
static STACK_SCALED: [LazyLock<Option<stack::Scaled>>; 3] = [
    LazyLock::new(|| scaled_stack(Some(0))),
    LazyLock::new(|| scaled_stack(Some(1))),
    LazyLock::new(|| scaled_stack(None)),
];

fn scaled_stack(domain: Option<u8>) -> Option<stack::Scaled> {
    Some(STACK.as_ref()?.in_units(shipped_model()?.scale, domain))
}

/// The shipped stacked model in the shipped model's units for texts of corpus `domain`.
fn shipped_stack(domain: Option<u8>) -> Option<&'static stack::Scaled> {
    let i = domain.map_or(2, |d| usize::from(d).min(2));
    STACK_SCALED[i].as_ref()
}

/// Whether the shipped stacked model was read (a test rules out a corrupt or stale file).
pub fn has_shipped_stack() -> bool {
    STACK.is_some()
}

/// The shipped model (`None` only if the embedded file is corrupt, which a test rules out).
pub fn shipped_model() -> Option<&'static Model> {
    MODEL.as_ref()
}

/// The shipped model and its lookup table for training corpus `domain` (the shared weights
/// alone for a corpus the model does not know).
fn shipped(domain: u8) -> Option<(&'static Model, &'static Lookup)> {
    let lookup = LOOKUPS.get(usize::from(domain)).unwrap_or(&LOOKUPS[2]);
    Some((shipped_model()?, lookup.as_ref()?))
}

/// The BIO label index of a tag (see [`label_at`]).
pub fn label(tag: Tag) -> usize {
    match tag {
        Tag::O => 0,
        Tag::B(t) => label_at(Kind::Begin, t),
        Tag::I(t) => label_at(Kind::Inside, t),
    }
}

/// The BIO tag of a label index in either scheme (`S-` reads as `B-`; `O` when out of range).
pub fn tag_of_label(label: usize) -> Tag {
    match kind_of(label) {
        None => Tag::O,
        Some((Kind::Begin | Kind::Single, t)) => Tag::B(t),
        Some((Kind::Inside, t)) => Tag::I(t),
    }
}

/// The BIO label index of an ANERcorp tag name (`O` for anything unknown).
pub fn label_of(name: &str) -> usize {
    let (bi, ty) = match name.split_once('-') {
        Some(x) => x,
        None => return 0,
    };
    let Some(&t) = TYPES.iter().find(|&&t| type_name(t) == ty) else {
        return 0;
    };
    match bi {
        "B" => label_at(Kind::Begin, t),
        "I" => label_at(Kind::Inside, t),
        _ => 0,
    }
}

/// A tag with the model's confidence in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoredTag {
    /// The tag.
    pub tag: Tag,
    /// How much better (in model score units) the best sequence is than the best sequence giving
    /// this token another tag; near 0 means a close call. `f32::INFINITY` when no other tag is
    /// possible.
    pub margin: f32,
}

/// Tags a sentence of words with `model`, with margins.
pub fn tag_scored_with(model: &Model, words: &[&str]) -> Vec<ScoredTag> {
    tag_scored_in(model, words, None)
}

/// Tags a sentence of words with `model`, adding the features specific to training corpus
/// `domain` (if the model kept them) to the shared ones.
/// (The shipped model tags through [`DocumentTagger`], which gives the same sums faster.)
pub fn tag_scored_in(model: &Model, words: &[&str], domain: Option<u8>) -> Vec<ScoredTag> {
    let pairs = pair_scores_in(model, words);
    decoded_in(model, &transitions_of(model), &emissions_in(model, words, domain), &pairs)
}

/// The label-pair scores of a sentence's words under `model` (one table per token; none if the
/// model has no label-pair weights).
pub fn pair_scores_in(model: &Model, words: &[&str]) -> Vec<PairScores> {
    if !model.has_pairs() {
        return Vec::new();
    }
    let set = features::FeatureSet(model.feature_set);
    model.pair_scores(&features::extract_label_pairs(words, set, model.seen.as_deref()))
}

/// The emission scores of a sentence's words under `model` (see [`tag_scored_in`]).
pub fn emissions_in(model: &Model, words: &[&str], domain: Option<u8>) -> Vec<[i64; LABELS]> {
    let set = features::FeatureSet(model.feature_set);
    let feats = features::extract_with(words, set, model.seen.as_deref());
    // Each feature's shared weights and, with a domain, that corpus' own (integer sums: the
    // order is immaterial).
    feats
        .iter()
        .map(|fs| {
            let mut s = [0; LABELS];
            for &f in fs {
                model.add_feature(f, domain, &mut s);
            }
            s.map(i64::from)
        })
        .collect()
}

/// The matching keys of every word of every sentence ([`crate::normalize::key`]), as
/// [`DocumentTagger::tag_document`] takes them.
pub fn sentence_keys(sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
    sentences
        .iter()
        .map(|s| s.iter().map(|w| crate::normalize::key(w)).collect())
        .collect()
}

/// Tags the sentences of one document with `model`, then makes the tags of the document
/// consistent as `pass` says ([`document::DocumentPass`]).
pub fn tag_document_in(
    model: &Model,
    sentences: &[Vec<&str>],
    domain: Option<u8>,
    pass: DocumentPass,
) -> Vec<Vec<ScoredTag>> {
    let (keys, mut emissions, pairs) = first_pass_in(model, sentences, domain);
    document_pass(model, &keys, &mut emissions, &pairs, pass, domain)
}

/// The sentences' label-pair scores: for each, one table per token, or none ([`PairScores`]).
pub type SentencePairs = Vec<Vec<PairScores>>;

/// The sentences' first-pass emission scores: for each, one row per token.
pub type SentenceEmissions = Vec<Vec<[i64; LABELS]>>;

/// The label-pair scores of sentence `s` (none if there are none).
fn sentence_pairs(pairs: &[Vec<PairScores>], s: usize) -> &[PairScores] {
    pairs.get(s).map_or(&[], Vec::as_slice)
}

/// The matching keys, the first-pass emission scores and the label-pair scores of a
/// document's sentences under `model` (with the features of corpus `domain`).
fn first_pass_in(
    model: &Model,
    sentences: &[Vec<&str>],
    domain: Option<u8>,
) -> (Vec<Vec<String>>, SentenceEmissions, SentencePairs) {
    let emissions = sentences
        .iter()
        .map(|words| emissions_in(model, words, domain))
        .collect();
    let pairs = sentences
        .iter()
        .map(|words| pair_scores_in(model, words))
        .collect();
    (sentence_keys(sentences), emissions, pairs)
}

/// The tags of a document's sentences, from their first-pass emission and label-pair scores
/// under `model` and the document pass `pass` (the emissions are changed by it).
fn document_pass<K: AsRef<str>>(
    model: &Model,
    keys: &[Vec<K>],
    emissions: &mut [Vec<[i64; LABELS]>],
    pairs: &[Vec<PairScores>],
    pass: DocumentPass,
    domain: Option<u8>,
) -> Vec<Vec<ScoredTag>> {
    let consistency = match pass {
        DocumentPass::Off => document::Consistency::OFF,
        DocumentPass::Heuristic(c) => c,
        DocumentPass::Stacked => {
            let shipped = shipped_model().is_some_and(|m| std::ptr::eq(m, model));
            let cached = shipped.then(|| shipped_stack(domain)).flatten();
            let owned = match cached {
                Some(_) => None,
                None => STACK.as_ref().map(|s| s.in_units(model.scale, domain)),
            };
            match cached.or(owned.as_ref()) {
                Some(scaled) => return stacked_pass(model, scaled, keys, emissions, pairs),
                None => document::Consistency::OFF,
            }
        }
    };
    second_pass(model, keys, emissions, pairs, consistency)
}

/// Decodes every sentence (with its label-pair scores `pairs[s]`, if any), then again those
/// where the document pass pushed a confident name (whose emissions it changed).
pub fn second_pass<K: AsRef<str>>(
    model: &Model,
    keys: &[Vec<K>],
    emissions: &mut [Vec<[i64; LABELS]>],
    pairs: &[Vec<PairScores>],
    consistency: document::Consistency,
) -> Vec<Vec<ScoredTag>> {
    let transitions = transitions_of(model);
    let decode = |s: usize, e: &[[i64; LABELS]]| decoded_in(model, &transitions, e, sentence_pairs(pairs, s));
    let mut tags: Vec<Vec<ScoredTag>> =
        emissions.iter().enumerate().map(|(s, e)| decode(s, e)).collect();
    let names = document::Names::collect(keys, &tags, consistency.min_margin);
    if names.is_empty() {
        return tags;
    }
    let bonus = (consistency.bonus / model.scale).round() as i64;
    let sentences = keys.iter().zip(emissions.iter_mut()).zip(tags.iter_mut());
    for (s, ((keys, e), t)) in sentences.enumerate() {
        if names.push_toward(model.scheme, keys, t, bonus, e) {
            *t = decode(s, e);
        }
    }
    tags
}

/// Tags the sentences of one document with `model`, then corrects them with the stacked model
/// `stack` ([`stack`]).
pub fn tag_document_stacked(
    model: &Model,
    stack: &stack::Stack,
    sentences: &[Vec<&str>],
    domain: Option<u8>,
) -> Vec<Vec<ScoredTag>> {
    let (keys, mut emissions, pairs) = first_pass_in(model, sentences, domain);
    let scaled = stack.in_units(model.scale, domain);
    stacked_pass(model, &scaled, &keys, &mut emissions, &pairs)
}

/// Decodes every sentence, then again with the stacked model's features of the document's
/// first-pass tags added (the first pass's label-pair scores `pairs` kept in both). Viterbi
/// decodes both times: posterior decoding of the stacked scores (the allowed sequence with the
/// largest sum of token marginals) changed the shipped model's F1 by +0.02 news / +0.01
/// Wikipedia (session 15), for a forward–backward pass per sentence.
fn stacked_pass<K: AsRef<str>>(
    model: &Model,
    stack: &stack::Scaled,
    keys: &[Vec<K>],
    emissions: &mut [Vec<[i64; LABELS]>],
    pairs: &[Vec<PairScores>],
) -> Vec<Vec<ScoredTag>> {
    let transitions = transitions_of(model);
    let first: Vec<Vec<ScoredTag>> = emissions
        .iter()
        .enumerate()
        .map(|(s, e)| decoded_in(model, &transitions, e, sentence_pairs(pairs, s)))
        .collect();
    let stacked = decode::Transitions::new(model.scheme, |from, to| stack.transition(from, to));
    let seen: &seen::Seen = match model.seen.as_deref() {
        Some(own) => own,
        None => tables::seen(),
    };
    let summary = stack::Summary::new(keys, &first, seen);
    let mut features = stack::Features::default();
    emissions
        .iter_mut()
        .enumerate()
        .map(|(i, e)| {
            summary.features(i, &mut features);
            stack.add(&features.tokens, e);
            decoded_in(model, &stacked, e, sentence_pairs(pairs, i))
        })
        .collect()
}

/// `model`'s transitions as a table (for the shipped model, built once).
fn transitions_of(model: &Model) -> Cow<'static, decode::Transitions> {
    static SHIPPED: LazyLock<Option<decode::Transitions>> =
        LazyLock::new(|| shipped_model().map(table_of));
    fn table_of(model: &Model) -> decode::Transitions {
        decode::Transitions::new(model.scheme, |from, to| i64::from(model.transition(from, to)))
    }
    match SHIPPED.as_ref() {
        Some(t) if shipped_model().is_some_and(|m| std::ptr::eq(m, model)) => Cow::Borrowed(t),
        _ => Cow::Owned(table_of(model)),
    }
}

/// The best tags for `emissions` (in `model`'s units and encoding) under `transitions` plus the
/// label-pair scores `pairs` (if any), with margins.
fn decoded_in(
    model: &Model,
    transitions: &decode::Transitions,
    emissions: &[[i64; LABELS]],
    pairs: &[PairScores],
) -> Vec<ScoredTag> {
    let (labels, margins) = decode::viterbi_pairs(transitions, emissions, pairs);
    labels
        .into_iter()
        .zip(margins)
        .map(|(l, m)| ScoredTag {
            tag: tag_of_label(l),
            margin: if m == i64::MAX {
                f32::INFINITY
            } else {
                m as f32 * model.scale
            },
        })
        .collect()
}

/// The training corpus whose conventions a text follows: 0 news (ANERcorp), 1 Wikipedia
/// (WikiFANE), chosen by the words that tell them apart (`data/ner/domains.tsv`). Decide once per
/// document (or input file) and tag each of its sentences with [`tag_scored_in_domain`].
pub fn detect_domain<'a>(words: impl IntoIterator<Item = &'a str>) -> u8 {
    detect_domain_keys(words.into_iter().map(|w| Cow::Owned(crate::normalize::key(w))))
}

/// [`detect_domain`] of words given by their matching keys (issue 9: a document's tokens carry
/// theirs).
pub fn detect_domain_keys<'a>(keys: impl IntoIterator<Item = Cow<'a, str>>) -> u8 {
    let score: f32 = keys
        .into_iter()
        .map(|k| tables::domain_weight(&k))
        .sum();
    u8::from(score > 0.0)
}

/// Tags a sentence of words with the shipped model and the features of corpus `domain`
/// (see [`detect_domain`]), with margins.
pub fn tag_scored_in_domain(words: &[&str], domain: u8) -> Vec<ScoredTag> {
    DocumentTagger::new(domain).tag(words)
}

/// Tags the sentences of one document with the shipped model: the same tags as
/// [`tag_scored_in_domain`], but each distinct word of the document is analysed, and the
/// weights of its own features summed, once (issue 9).
#[derive(Debug)]
pub struct DocumentTagger<'a> {
    domain: u8,
    cache: Option<features::WordCache<'a>>,
    /// For each word of the cache, the summed weights of its own features (and their domain
    /// copies).
    local_scores: Vec<[i32; LABELS]>,
    /// For each word of the cache, the summed weights of the features it gives the token at
    /// each of [`features::NEIGHBOURS`] from it (issue 9: a word's features as a neighbour are
    /// looked up once, not at every token beside it).
    neighbour_scores: Vec<[[i32; LABELS]; 4]>,
    /// The same for a sentence's edges (no word there).
    edge_scores: Option<[[i32; LABELS]; 4]>,
}

impl<'a> DocumentTagger<'a> {
    /// A tagger for a document following the conventions of corpus `domain`.
    pub fn new(domain: u8) -> DocumentTagger<'a> {
        DocumentTagger {
            domain,
            cache: shipped_model()
                .map(|m| features::WordCache::new(features::FeatureSet(m.feature_set))),
            local_scores: Vec::new(),
            neighbour_scores: Vec::new(),
            edge_scores: None,
        }
    }

    /// Tags a sentence of words, with margins.
    pub fn tag(&mut self, words: &[&'a str]) -> Vec<ScoredTag> {
        match (shipped_model(), self.emissions(words, None)) {
            (Some(model), Some((s, pairs))) => {
                decoded_in(model, &transitions_of(model), &s, &pairs)
            }
            _ => untagged(words),
        }
    }

    /// Tags the sentences of a document (their words, and the words' matching keys: `keys[s][i]`
    /// is `normalize::key(sentences[s][i])`), then makes them consistent as `pass` says
    /// ([`DocumentPass`]).
    pub fn tag_document(
        &mut self,
        sentences: &[Vec<&'a str>],
        keys: &[Vec<&'a str>],
        pass: DocumentPass,
    ) -> Vec<Vec<ScoredTag>> {
        self.tag_keyed(sentences, Some(keys), keys, pass)
    }

    /// [`DocumentTagger::tag_document`] of sentences whose words' keys are not at hand.
    pub fn tag_words(
        &mut self,
        sentences: &[Vec<&'a str>],
        pass: DocumentPass,
    ) -> Vec<Vec<ScoredTag>> {
        let keys = sentence_keys(sentences);
        self.tag_keyed(sentences, None, &keys, pass)
    }

    /// Tags a document's sentences, the word analyses borrowing the keys `known` if given (issue
    /// 9: not copied), the document pass reading them from `keys`.
    fn tag_keyed<K: AsRef<str>>(
        &mut self,
        sentences: &[Vec<&'a str>],
        known: Option<&[Vec<&'a str>]>,
        keys: &[Vec<K>],
        pass: DocumentPass,
    ) -> Vec<Vec<ScoredTag>> {
        let Some(model) = shipped_model() else {
            return sentences.iter().map(|s| untagged(s)).collect();
        };
        // Distinct words are at most the tokens (a long text grows the tables as it goes).
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        let room = tokens.min(1 << 14);
        if let Some(cache) = self.cache.as_mut() {
            cache.reserve(room);
        }
        self.local_scores.reserve(room);
        self.neighbour_scores.reserve(room);
        let (mut emissions, pairs): (Vec<_>, Vec<_>) = sentences
            .iter()
            .enumerate()
            .map(|(i, words)| {
                let keys = known.and_then(|k| k.get(i)).map(Vec::as_slice);
                self.emissions(words, keys).unwrap_or_default()
            })
            .unzip();
        document_pass(model, keys, &mut emissions, &pairs, pass, Some(self.domain))
    }

    /// The emission and label-pair scores of a sentence's words (`None` without a model).
    fn emissions(
        &mut self,
        words: &[&'a str],
        keys: Option<&[&'a str]>,
    ) -> Option<(Vec<[i64; LABELS]>, Vec<PairScores>)> {
        let (Some((model, lookup)), Some(cache)) = (shipped(self.domain), self.cache.as_mut())
        else {
            return None;
        };
        let add = |f: u32, s: &mut [i32; LABELS]| lookup.add_feature(f, s);
        let mut pairs = vec![[0; LABELS]; words.len()];
        let ids =
            features::pair_features_keyed(words, keys, cache, &mut |i, f| add(f, &mut pairs[i]));
        let cache = &*cache;
        let neighbours = |id: Option<usize>| {
            let mut rows = [[0; LABELS]; 4];
            for (row, offset) in rows.iter_mut().zip(features::NEIGHBOURS) {
                features::neighbour_features(cache, id, offset, &mut |f| add(f, row));
            }
            rows
        };
        for id in self.local_scores.len()..cache.len() {
            let mut s = [0; LABELS];
            for &f in cache.local(id) {
                add(f, &mut s);
            }
            self.local_scores.push(s);
            self.neighbour_scores.push(neighbours(Some(id)));
        }
        let edges = *self.edge_scores.get_or_insert_with(|| neighbours(None));
        let emissions: Vec<[i64; LABELS]> = ids
            .iter()
            .zip(&pairs)
            .enumerate()
            .map(|(k, (&id, pair))| {
                let mut s = self.local_scores[id];
                let mut add_row = |row: &[i32; LABELS]| {
                    for (a, b) in s.iter_mut().zip(row) {
                        *a += b;
                    }
                };
                add_row(pair);
                for (j, offset) in features::NEIGHBOURS.into_iter().enumerate() {
                    match k.checked_add_signed(offset).and_then(|m| ids.get(m)) {
                        Some(&n) => add_row(&self.neighbour_scores[n][j]),
                        None => add_row(&edges[j]),
                    }
                }
                s.map(i64::from)
            })
            .collect();
        let mut pairs: Vec<PairScores> = Vec::new();
        if model.has_pairs() {
            pairs.resize(ids.len(), [0; PAIRS]);
            features::label_pair_features(cache, &ids, &mut |i, f| {
                model.add_pair_feature(f, &mut pairs[i]);
            });
        }
        Some((emissions, pairs))
    }
}

/// The entities of a tag sequence: (first token, end token, type). An entity starts at a `B-`,
/// or at an `I-` that does not continue the type before it.
pub fn runs(tags: &[ScoredTag]) -> Vec<(usize, usize, NerType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerType)> = None;
    for (i, t) in tags.iter().enumerate() {
        match t.tag {
            Tag::I(ty) if open.is_some_and(|(_, o)| o == ty) => {}
            Tag::B(ty) | Tag::I(ty) => {
                out.extend(open.take().map(|(s, o)| (s, i, o)));
                open = Some((i, ty));
            }
            Tag::O => out.extend(open.take().map(|(s, o)| (s, i, o))),
        }
    }
    out.extend(open.map(|(s, o)| (s, tags.len(), o)));
    out
}

/// Tags a sentence of words with the shipped model (news conventions), with margins.
pub fn tag_scored(words: &[&str]) -> Vec<ScoredTag> {
    tag_scored_in_domain(words, 0)
}

/// Every word `O`: what tagging gives without a model.
fn untagged(words: &[&str]) -> Vec<ScoredTag> {
    words
        .iter()
        .map(|_| ScoredTag {
            tag: Tag::O,
            margin: 0.0,
        })
        .collect()
}

/// Tags a sentence of words.
pub fn tag(words: &[&str]) -> Vec<Tag> {
    tag_scored(words).into_iter().map(|s| s.tag).collect()
}

/// The ANERcorp name of a type (`PERS`, `LOC`, `ORG`, `MISC`).
pub fn type_name(t: NerType) -> &'static str {
    match t {
        NerType::Pers => "PERS",
        NerType::Loc => "LOC",
        NerType::Org => "ORG",
        NerType::Misc => "MISC",
    }
}

/// The ANERcorp spelling of a tag (`O`, `B-PERS`, `I-LOC`, …).
pub fn tag_name(tag: Tag) -> String {
    match tag {
        Tag::O => "O".to_owned(),
        Tag::B(t) => format!("B-{}", type_name(t)),
        Tag::I(t) => format!("I-{}", type_name(t)),
    }
}
