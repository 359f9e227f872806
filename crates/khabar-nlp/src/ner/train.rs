//! Training: a structured averaged perceptron over the hashed features, decoded with the same
//! Viterbi as tagging (constrained to the tag encoding trained, [`Scheme`]), then quantised into
//! a [`Model`].
//!
//! Deterministic: integer weights and updates, sentence order shuffled each epoch by a hand-written
//! LCG with a fixed seed, a fixed number of epochs. (Training is pure computation; the corpus is read
//! by the caller.)

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::ner::crf::{self, CrfConfig};
use crate::ner::decode::{PAIRS, PairScores, Transitions, viterbi, viterbi_pairs};
use crate::ner::{Kind, LABELS, Scheme, kind_of, label_at};
use crate::ner::features::{self, FeatureSet, Group};
use crate::ner::seen::{self, Seen};
use crate::ner::model::Model;

/// One training sentence: words and their BIO label indices (see [`crate::ner::label_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The words.
    pub words: Vec<String>,
    /// A label index per word.
    pub labels: Vec<usize>,
    /// Which training corpus the sentence comes from (0 ANERcorp, 1 WikiFANE).
    pub domain: u8,
}

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffling LCG.
    pub seed: u64,
    /// Feature groups to use.
    pub features: FeatureSet,
    /// Features seen fewer times than this in training are dropped. 1 (session 17, order D,
    /// first pass alone) kept 2,771,067 weights (1,574 KB gzipped) and scored 76.23 news /
    /// 68.99 Wikipedia F1 against the shipped 2's 76.82 / 68.96.
    pub min_count: u32,
    /// Provenance and licence written into the model.
    pub notice: String,
    /// Whether each feature also gets a copy specific to the sentence's corpus.
    pub domains: bool,
    /// Whether the model keeps the corpus-specific copies (otherwise only the shared weights are
    /// written, and tagging uses those).
    pub keep_domains: bool,
    /// Quantised weights of at most this magnitude are dropped (a smaller model). The shipped
    /// 3 keeps 558,764 weights (724 KB gzipped in format 5). Measured with the first pass
    /// alone (session 17, order D): 2 keeps 946,759 (1,016 KB) and scores 76.44 news / 69.24
    /// Wikipedia F1 against 76.82 / 68.96; 1 keeps 1,930,372 (1,541 KB), 76.50 / 69.41; 0 keeps
    /// 4,885,291 (2,495 KB), 76.58 / 69.55. More weights help Wikipedia a little and news not
    /// at all, and none of them fits the 1.5 MB of the model and its tables.
    pub prune: i8,
    /// The tag encoding trained (the gold BIO labels are converted to it).
    pub scheme: Scheme,
    /// With options, a CRF ([`crf`]) fits the weights instead of the perceptron (issue 10).
    /// One fit: the mean of three fits' weights, each visiting the sentences in its own order,
    /// scored 77.08 news / 71.55 Wikipedia F1 over three such ensembles (seeds D to D+8, the
    /// stacked pass fitted on three orders' folds), against 77.50 / 71.51 for one fit (session
    /// 15): the averaged weights are no better, so one order is trained.
    pub crf: Option<CrfConfig>,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 12,
            seed: 0x6b68_6162_6172,
            features: FeatureSet::DEFAULT,
            min_count: 2,
            notice: String::new(),
            domains: true,
            keep_domains: true,
            // Issue 10: 3 (CRF, three training orders: 76.53 news / 70.68 Wikipedia F1 at 3,
            // 76.25 / 70.56 at 2 with a 1.6-2.2 times larger model; one order at 4: 75.96 /
            // 70.08 against 76.57 / 70.76).
            prune: 3,
            scheme: Scheme::default(),
            // Issue 10: over six training orders the CRF scored +0.4 news / +1.0 wiki F1 over
            // the perceptron (`cargo xtask eval-ner --ablate --seeds 3 --levers none --trainer
            // perceptron|crf`).
            crf: Some(CrfConfig::default()),
        }
    }
}

/// Parses ANERcorp-style CoNLL text (`token TAG` per line, blank line between sentences). Gold
/// `I-X` tags that do not continue an `X` entity become `B-X` (conlleval reads them that way).
pub fn parse_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        labels: Vec::new(),
        domain: 0,
    };
    let mut flush = |cur: &mut Sentence| {
        if !cur.words.is_empty() {
            out.push(std::mem::replace(
                cur,
                Sentence {
                    words: Vec::new(),
                    labels: Vec::new(),
                    domain: 0,
                },
            ));
        }
    };
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (Some(word), tag) = (parts.next(), parts.next_back()) else {
            flush(&mut cur);
            continue;
        };
        let mut label = tag.map_or(0, crate::ner::label_of);
        if let Some((Kind::Inside, ty)) = kind_of(label) {
            let prev = cur.labels.last().copied();
            if !crate::ner::decode::allowed(Scheme::Bio, prev, label) {
                label = label_at(Kind::Begin, ty);
            }
        }
        cur.words.push(word.to_owned());
        cur.labels.push(label);
    }
    flush(&mut cur);
    out
}

/// The sentences of a CoNLL-style text (`token tag` per line, a blank line between sentences),
/// tokens joined by spaces: running text for benchmarks and work counts.
pub fn conll_sentences(conll: &str) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for line in conll.lines() {
        match line.rsplit_once(' ') {
            Some((word, _)) if !word.is_empty() => words.push(word),
            _ if !words.is_empty() => {
                sentences.push(words.join(" "));
                words.clear();
            }
            _ => {}
        }
    }
    if !words.is_empty() {
        sentences.push(words.join(" "));
    }
    sentences
}

/// News text from sentences: three to a paragraph, twelve to an article (a blank line between
/// articles), the layout `cargo xtask bench` and the work-count test measure.
pub fn news_text(sentences: &[String]) -> String {
    let mut text = String::new();
    for article in sentences.chunks(12) {
        for paragraph in article.chunks(3) {
            text.push_str(&paragraph.join(" "));
            text.push('\n');
        }
        text.push('\n');
    }
    text
}

/// A deterministic linear congruential generator (Knuth's MMIX constants), shared by training
/// and `cargo xtask ner-clusters`.
#[derive(Debug, Clone)]
pub struct Lcg(pub u64);

impl Lcg {
    /// The next 31-bit value.
    pub fn next_value(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_value() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains a model on `sentences`.
pub fn train(sentences: &[Sentence], config: &TrainConfig) -> Model {
    train_observed(sentences, config, |_, _| {})
}

/// Trains a model on `sentences`, handing the model as it stands after each epoch but the last
/// (1-based epoch number, the averaged and quantised weights) to `observe`: one training run
/// shows how the score moves with the number of epochs.
pub fn train_observed(
    sentences: &[Sentence],
    config: &TrainConfig,
    observe: impl FnMut(usize, Model),
) -> Model {
    train_with(sentences, config, observe, |trained, trans| {
        quantise(trained, trans, config)
    })
}

/// Trains on `sentences` and keeps the weights as they are, unquantised (to measure what
/// quantisation loses).
pub fn train_unquantised(sentences: &[Sentence], config: &TrainConfig) -> Unquantised {
    train_with(sentences, config, |_, _| {}, |trained, trans| Unquantised {
        ids: trained.ids.clone(),
        emissions: trained.emissions.to_vec(),
        transitions: trans.to_vec(),
        pair_ids: trained.pair_ids.clone(),
        pairs: trained.pairs.to_vec(),
        config: config.clone(),
        seen: trained.seen.cloned(),
    })
}

/// Trains on `sentences` (see [`train_observed`]) and hands the trained weights and transitions
/// to `finish`.
fn train_with<T>(
    sentences: &[Sentence],
    config: &TrainConfig,
    mut observe: impl FnMut(usize, Model),
    finish: impl FnOnce(&Trained<'_>, &[f64]) -> T,
) -> T {
    // Features → dense ids (in order of first occurrence: deterministic). With domain copies,
    // each token's features and their copies (trained as features of their own, written as
    // parts of the feature they copy).
    let mut bases: HashSet<u32> = HashSet::new();
    let mut extracted: Vec<Vec<Vec<u32>>> = Vec::with_capacity(sentences.len());
    let (blocks, whole) = seen_lists(sentences, config.features);
    for (i, s) in sentences.iter().enumerate() {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let own = blocks.get(seen::part_of(i, sentences.len()));
        let mut feats = features::extract_with(&words, config.features, own);
        bases.extend(feats.iter().flatten().copied());
        if config.domains {
            add_domain_copies(&mut feats, s.domain);
        }
        extracted.push(feats);
    }
    let mut ids: HashMap<u32, u32> = HashMap::new();
    let data = dense_ids(&extracted, config.min_count, &mut ids);

    // Label-pair features (CRF only), dense ids of their own, shared by the corpora.
    let mut pair_ids: HashMap<u32, u32> = HashMap::new();
    let pair_data: Vec<Vec<Vec<u32>>> = match config.crf {
        Some(_) if config.features.has(Group::LabelPair) => {
            let extracted: Vec<Vec<Vec<u32>>> = sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    features::extract_label_pairs(&words, config.features, None)
                })
                .collect();
            dense_ids(&extracted, config.min_count, &mut pair_ids)
        }
        _ => Vec::new(),
    };
    let golds: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| config.scheme.encode(&s.labels))
        .collect();
    let n_feat = ids.len();
    let tsize = (1 + LABELS) * LABELS;
    let avg = |w: i32, u: i64, c: i64| f64::from(w) - u as f64 / c as f64;
    let averaged = |w: &[i32], u: &[i64], c: i64| -> Vec<f64> {
        w.iter().zip(u).map(|(&w, &u)| avg(w, u, c)).collect()
    };
    // Averaged perceptron with the usual trick: avg = w - u / c.
    let mut w = vec![0i32; n_feat * LABELS];
    let mut u = vec![0i64; n_feat * LABELS];
    let mut tw = vec![0i32; tsize];
    let mut tu = vec![0i64; tsize];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Lcg(config.seed);
    // The model of the averaged weights as they stand.
    let model = |w: &[i32], u: &[i64], tw: &[i32], tu: &[i64], c: i64| {
        let trained = Trained {
            bases: &bases,
            ids: &ids,
            emissions: &averaged(w, u, c),
            pair_ids: &pair_ids,
            pairs: &[],
            seen: whole.as_ref(),
        };
        quantise(&trained, &averaged(tw, tu, c), config)
    };
    let epochs = if config.crf.is_some() { 0 } else { config.epochs };
    for epoch in 1..=epochs {
        if epoch > 1 {
            observe(epoch - 1, model(&w, &u, &tw, &tu, c));
        }
        rng.shuffle(&mut order);
        for &si in &order {
            let feats = &data[si];
            let gold = &golds[si];
            let emissions: Vec<[i64; LABELS]> = feats
                .iter()
                .map(|fs| {
                    let mut s = [0i64; LABELS];
                    for &f in fs {
                        let row = &w[f as usize * LABELS..][..LABELS];
                        for (x, &y) in s.iter_mut().zip(row) {
                            *x += i64::from(y);
                        }
                    }
                    s
                })
                .collect();
            let (pred, _) = viterbi(config.scheme, &emissions, |from, to| {
                i64::from(tw[from.map_or(0, |f| f + 1) * LABELS + to])
            });
            if pred != *gold {
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &f in &feats[i] {
                            let base = f as usize * LABELS;
                            w[base + g] += 1;
                            u[base + g] += c;
                            w[base + p] -= 1;
                            u[base + p] -= c;
                        }
                    }
                    let gp = if i == 0 { 0 } else { gold[i - 1] + 1 };
                    let pp = if i == 0 { 0 } else { pred[i - 1] + 1 };
                    if (gp, g) != (pp, p) {
                        tw[gp * LABELS + g] += 1;
                        tu[gp * LABELS + g] += c;
                        tw[pp * LABELS + p] -= 1;
                        tu[pp * LABELS + p] -= c;
                    }
                }
            }
            c += 1;
        }
    }
    let fitted = match &config.crf {
        Some(options) => {
            let gold: Vec<&[usize]> = golds.iter().map(Vec::as_slice).collect();
            let pairs = (!pair_ids.is_empty()).then_some(crf::PairFeatures {
                data: &pair_data,
                count: pair_ids.len(),
            });
            let given = crf::Given {
                pair_features: pairs,
                ..crf::Given::default()
            };
            crf::fit(&data, given, &gold, n_feat, options, config.scheme, config.seed)
        }
        None => crf::Fitted {
            emissions: averaged(&w, &u, c),
            transitions: averaged(&tw, &tu, c),
            pairs: Vec::new(),
        },
    };
    let trained = Trained {
        bases: &bases,
        ids: &ids,
        emissions: &fitted.emissions,
        pair_ids: &pair_ids,
        pairs: &fitted.pairs,
        seen: whole.as_ref(),
    };
    finish(&trained, &fitted.transitions)
}

/// The features of `extracted` (per sentence, per token) seen at least `min_count` times, as
/// dense ids numbered in order of first appearance into `ids`.
fn dense_ids(
    extracted: &[Vec<Vec<u32>>],
    min_count: u32,
    ids: &mut HashMap<u32, u32>,
) -> Vec<Vec<Vec<u32>>> {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for f in extracted.iter().flatten().flatten() {
        *counts.entry(*f).or_default() += 1;
    }
    extracted
        .iter()
        .map(|sent| {
            sent.iter()
                .map(|fs| {
                    fs.iter()
                        .filter(|f| counts[f] >= min_count)
                        .map(|&f| {
                            let next = ids.len() as u32;
                            *ids.entry(f).or_insert(next)
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The lists of the training text's names: those training with the features of `set` reads
/// ([`seen::jackknife`]: one per block; none if `set` reads none), and the whole text's, which
/// the model keeps (its stacked pass reads it).
fn seen_lists(sentences: &[Sentence], set: FeatureSet) -> (Vec<Seen>, Option<Arc<Seen>>) {
    if !(set.has(Group::Seen) || set.has(Group::SeenWords)) {
        return (Vec::new(), Some(Arc::new(seen::whole(sentences))));
    }
    let (blocks, whole) = seen::jackknife(sentences);
    (blocks, Some(Arc::new(whole)))
}

/// The model of `model`'s weights reading the names of its training text `sentences`
/// ([`Model::seen`]): a model read back from its file reads the shipped list until given its
/// own.
pub fn with_own_seen(mut model: Model, sentences: &[Sentence]) -> Model {
    model.seen = Some(Arc::new(seen::whole(sentences)));
    model
}

/// Weights as trained, before quantisation: tags as a [`Model`] of them would, without rounding.
#[derive(Debug, Clone)]
pub struct Unquantised {
    ids: HashMap<u32, u32>,
    emissions: Vec<f64>,
    transitions: Vec<f64>,
    pair_ids: HashMap<u32, u32>,
    pairs: Vec<f64>,
    config: TrainConfig,
    seen: Option<Arc<Seen>>,
}

impl Unquantised {
    /// The best labels for `words`, with the copies of the features of corpus `domain`.
    pub fn tag(&self, words: &[&str], domain: Option<u8>) -> Vec<usize> {
        let row = |f: u32| {
            let id = *self.ids.get(&f)? as usize;
            self.emissions.get(id * LABELS..(id + 1) * LABELS)
        };
        let domain = domain.filter(|_| self.config.domains && self.config.keep_domains);
        // Fixed point fine enough to stand for the real numbers.
        let fixed = |x: f64| (x * 1e6).round() as i64;
        let seen = self.seen.as_deref();
        let emissions: Vec<[i64; LABELS]> = features::extract_with(words, self.config.features, seen)
            .iter()
            .map(|fs| {
                let mut s = [0.0f64; LABELS];
                for &f in fs {
                    let own = domain.and_then(|d| row(features::domain_copy(f, d)));
                    for r in [row(f), own].into_iter().flatten() {
                        for (x, y) in s.iter_mut().zip(r) {
                            *x += y;
                        }
                    }
                }
                s.map(fixed)
            })
            .collect();
        let pairs: Vec<PairScores> =
            features::extract_label_pairs(words, self.config.features, seen)
                .iter()
                .map(|fs| {
                    let mut s = [0.0f64; PAIRS];
                    for &f in fs {
                        let Some(&id) = self.pair_ids.get(&f) else {
                            continue;
                        };
                        let row = &self.pairs[id as usize * PAIRS..][..PAIRS];
                        for (x, y) in s.iter_mut().zip(row) {
                            *x += y;
                        }
                    }
                    s.map(|x| fixed(x) as i32)
                })
                .collect();
        let transitions = Transitions::new(self.config.scheme, |from, to| {
            fixed(self.transitions[from.map_or(0, |f| f + 1) * LABELS + to])
        });
        viterbi_pairs(&transitions, &emissions, &pairs).0
    }
}

/// Adds to each token's features their copies specific to training corpus `domain`.
fn add_domain_copies(tokens: &mut [Vec<u32>], domain: u8) {
    for fs in tokens {
        let n = fs.len();
        for i in 0..n {
            fs.push(features::domain_copy(fs[i], domain));
        }
    }
}

/// Trained weights: the features the extractor gave (`bases`, before their corpus copies), the
/// dense id of each feature or copy kept, and the weights by id and label.
struct Trained<'a> {
    bases: &'a HashSet<u32>,
    ids: &'a HashMap<u32, u32>,
    emissions: &'a [f64],
    /// The dense id of each label-pair feature kept.
    pair_ids: &'a HashMap<u32, u32>,
    /// The label-pair weights by id and pair ([`PAIRS`]).
    pairs: &'a [f64],
    /// The whole training text's names, if the features read them.
    seen: Option<&'a Arc<Seen>>,
}

impl Trained<'_> {
    /// The weights of feature or copy `hash` (`None` if it was not kept).
    fn row(&self, hash: u32) -> Option<&[f64]> {
        let id = *self.ids.get(&hash)? as usize;
        self.emissions.get(id * LABELS..(id + 1) * LABELS)
    }
}

/// Quantises averaged weights to i8 (clamping the rare large ones), dropping zeros: for each
/// feature, its shared weights and (with `keep_domains`) its copy for each corpus as the parts of
/// one feature ([`Model`]).
fn quantise(trained: &Trained<'_>, trans: &[f64], config: &TrainConfig) -> Model {
    // Scale from a high quantile of the non-zero magnitudes, so that a few outliers do not crush
    // the resolution of the rest.
    let mut mags: Vec<f64> = trained
        .emissions
        .iter()
        .map(|w| w.abs())
        .filter(|&m| m > 0.0)
        .collect();
    mags.sort_by(f64::total_cmp);
    let q = mags
        .get(mags.len().saturating_sub(1))
        .copied()
        .unwrap_or(1.0);
    let scale = (q / 127.0).max(f64::MIN_POSITIVE);
    // What the model calls a score unit (margins, the document pass's bonus) is one update of the
    // perceptron; a CRF's weight of 1 is worth `crf::SCORE_UNITS` of them.
    let unit = if config.crf.is_some() {
        crf::SCORE_UNITS
    } else {
        1.0
    };
    let prune = config.prune.unsigned_abs();
    let quantised = |row: Option<&[f64]>| -> [i8; LABELS] {
        let mut out = [0; LABELS];
        for (o, &w) in out.iter_mut().zip(row.unwrap_or_default()) {
            let v = (w / scale).round().clamp(-127.0, 127.0) as i8;
            if v.unsigned_abs() > prune {
                *o = v;
            }
        }
        out
    };
    let corpora: &[u8] = if config.domains && config.keep_domains {
        &[0, 1]
    } else {
        &[]
    };
    let mut entries: Vec<(u64, i8)> = Vec::new();
    for &f in trained.bases {
        let shared = quantised(trained.row(f));
        let mut parts = vec![(0, shared)];
        for &d in corpora {
            let own = quantised(trained.row(features::domain_copy(f, d)));
            parts.push((usize::from(d) + 1, own));
        }
        for (part, row) in parts {
            for (label, &v) in row.iter().enumerate() {
                if v != 0 {
                    entries.push((crate::ner::model::key(f, part, label), v));
                }
            }
        }
    }
    entries.sort_unstable();
    // Label-pair weights at the same scale, keyed by feature and pair.
    let mut pair_entries: Vec<(u64, i8)> = Vec::new();
    for (&f, &id) in trained.pair_ids {
        let row = &trained.pairs[id as usize * PAIRS..][..PAIRS];
        for (pair, &w) in row.iter().enumerate() {
            let v = (w / scale).round().clamp(-127.0, 127.0) as i8;
            if v.unsigned_abs() > prune {
                pair_entries.push((crate::ner::model::pair_key(f, pair), v));
            }
        }
    }
    pair_entries.sort_unstable();
    let transitions = trans
        .iter()
        .map(|&t| (t / scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    Model {
        scheme: config.scheme,
        template_hash: features::template_hash(),
        analyser_fingerprint: features::analyser_fingerprint(),
        feature_set: config.features.0,
        scale: (scale * unit) as f32,
        notice: config.notice.clone(),
        transitions,
        keys: entries.iter().map(|e| e.0).collect(),
        weights: entries.iter().map(|e| e.1).collect(),
        pair_keys: pair_entries.iter().map(|e| e.0).collect(),
        pair_weights: pair_entries.iter().map(|e| e.1).collect(),
        seen: trained.seen.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_repairs_stray_i_tags() {
        let s = parse_conll("a O\nb I-PERS\nc I-PERS\n\nd B-LOC\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].labels, vec![0, 1, 2]);
        assert_eq!(s[1].labels, vec![4]);
    }

    /// Issue 10: a CRF trained with label-pair features keeps them in its model file, and the
    /// model tags through them as the unquantised weights do.
    #[test]
    fn label_pair_features_are_trained_written_and_decoded() {
        let text = "قال O\nالرئيس O\nسالم B-PERS\nكريم I-PERS\nفي O\nدمشق B-LOC\n\n\
                    وزار O\nسالم B-PERS\nبيروت B-LOC\n\n";
        let sentences: Vec<Sentence> = parse_conll(&text.repeat(20));
        let config = TrainConfig {
            features: FeatureSet::DEFAULT.with(Group::LabelPair),
            min_count: 1,
            prune: 0,
            crf: Some(CrfConfig {
                epochs: 3,
                ..CrfConfig::default()
            }),
            ..TrainConfig::default()
        };
        let model = train(&sentences, &config);
        assert!(model.has_pairs());
        let read = Model::from_bytes(&model.to_bytes()).expect("a valid model");
        assert_eq!((&read.pair_keys, &read.pair_weights), (&model.pair_keys, &model.pair_weights));
        let unquantised = train_unquantised(&sentences, &config);
        for s in &sentences[..2] {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags: Vec<usize> = crate::ner::tag_scored_in(&model, &words, Some(0))
                .iter()
                .map(|t| crate::ner::label(t.tag))
                .collect();
            assert_eq!(tags, s.labels);
            let bio: Vec<usize> = unquantised
                .tag(&words, Some(0))
                .into_iter()
                .map(|l| crate::ner::label(crate::ner::tag_of_label(l)))
                .collect();
            assert_eq!(bio, s.labels);
        }
    }

    /// Issue 10: BIO gold becomes BIOS where an entity has one token, and reads back the same.
    #[test]
    fn bio_gold_encodes_as_bios() {
        let s = parse_conll("a B-PERS\nb I-PERS\nc I-PERS\nd B-PERS\ne B-LOC\nf O\ng I-ORG\n");
        let bio = &s[0].labels;
        assert_eq!(*bio, vec![1, 2, 2, 1, 4, 0, 7]);
        assert_eq!(Scheme::Bio.encode(bio), *bio);
        assert_eq!(Scheme::Bios.encode(bio), vec![1, 2, 2, 3, 6, 0, 9]);
        let back: Vec<usize> = Scheme::Bios
            .encode(bio)
            .into_iter()
            .map(|l| crate::ner::label(crate::ner::tag_of_label(l)))
            .collect();
        assert_eq!(back, *bio);
    }
}
