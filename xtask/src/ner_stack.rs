//! The stacked document pass's training data (issue 10): first-pass tags of the training text by
//! models that did not see it (k-fold), grouped into documents.

use anyhow::{Context, Result};
use khabar_nlp::ner::decode::PairScores;
use khabar_nlp::ner::document::Consistency;
use khabar_nlp::ner::model::Model;
use khabar_nlp::ner::stack::fit::FirstPass;
use khabar_nlp::ner::stack::{self, Stack};
use khabar_nlp::ner::train::{self, Sentence, TrainConfig};
use khabar_nlp::ner::{self, LABELS};

/// How the stacked model is trained.
#[derive(Debug, Clone, Copy)]
pub struct StackOptions {
    /// Folds of the training text: each is tagged by a model trained on the others. Ten folds
    /// (fold models nearer the whole first pass) scored 77.25 news / 71.13 Wikipedia F1 over
    /// three training orders, against 77.50 / 71.51 for five (session 15).
    pub folds: usize,
    /// The most tokens a training document has (consecutive sentences of one corpus). Session
    /// 16, three first-pass orders with seven orders' folds (77.93 news / 71.45 Wikipedia F1 at
    /// 100,000): 30,000 tokens 77.62 / 71.28; 3,000 (an article's length) 78.12 / 70.55 on the
    /// first order alone (78.38 / 71.83 at 100,000).
    pub doc_tokens: usize,
    /// The stacked CRF's L2 strength. Session 16: 300 scored 78.12 / 71.80 on the shipped order
    /// (78.38 / 71.83 at 100).
    pub l2: f64,
    /// The training orders whose fold models tag the training text (seeds from `orders_from`,
    /// else the first pass's own). Issue 10: a stacked model fitted on three orders' folds,
    /// applied to each order's first pass, scored 77.55 news / 71.69 Wikipedia F1 on average,
    /// against 77.35 / 71.41 for each order's own (its first pass varies less than one order's).
    /// More orders (session 14, against 77.50 / 71.51 for three with the current trainer): four
    /// 77.55 / 71.59, five 77.72 / 71.51, seven 77.93 / 71.45. Session 15 added two more
    /// training orders (seeds D+3 and D+4) to the comparison of three and seven: over the five,
    /// seven orders score 77.92 news / 71.42 Wikipedia F1 against 77.60 / 71.40, news higher
    /// on four of the five (+0.32 on average), Wikipedia level (+0.02): seven are trained (35
    /// fold models; the shipped order goes from 77.73 / 72.02 to 78.38 / 71.83).
    pub orders: usize,
    /// The first of those orders' seeds.
    pub orders_from: Option<u64>,
    /// The stacked CRF's softmax-margin cost (the first pass's if `None`).
    pub cost: Option<f64>,
    /// The stacked CRF's recall cost (the first pass's if `None`). Session 16: 3 instead of the
    /// first pass's 2, over three first-pass orders, 77.73 news / 71.37 Wikipedia F1 against
    /// 77.93 / 71.45.
    pub recall: Option<f64>,
    /// The stacked CRF's passes over its data (the first pass's if `None`). Issue 10, three
    /// training orders, each with a stacked pass fitted on three orders' folds: 4 passes 77.48
    /// news / 71.58 Wikipedia F1, 16 passes 77.49 / 71.58, the first pass's 8 77.50 / 71.51.
    pub epochs: Option<usize>,
}

impl Default for StackOptions {
    fn default() -> StackOptions {
        StackOptions {
            folds: 5,
            doc_tokens: 100_000,
            l2: 100.0,
            orders: 7,
            orders_from: None,
            cost: None,
            recall: None,
            epochs: None,
        }
    }
}

/// Where fold `k` of `folds` lies in a training text of `len` sentences.
fn fold_bounds(len: usize, k: usize, folds: usize) -> (usize, usize) {
    (k * len / folds, (k + 1) * len / folds)
}

/// The training text less fold `k` of `folds`.
fn rest_of(train: &[Sentence], k: usize, folds: usize) -> Vec<Sentence> {
    let (lo, hi) = fold_bounds(train.len(), k, folds);
    train[..lo].iter().chain(&train[hi..]).cloned().collect()
}

/// Trains the fold models of each of `configs` that `target/ner-stack/` does not keep yet, two
/// at a time (the machines have two cores; each training run is one thread), all the orders'
/// folds in one queue (an order at a time, five folds each, left a core idle for one fold of
/// every order).
fn train_missing(train: &[Sentence], configs: &[TrainConfig], folds: usize) -> Result<()> {
    let mut missing = Vec::new();
    for config in configs {
        let cache = Cache::new(train, config, folds)?;
        for k in 0..folds {
            let path = cache.path(&k.to_string());
            if !path.exists() {
                missing.push((config, k, path));
            }
        }
    }
    let total = missing.len();
    let mut done = 0;
    for pair in missing.chunks(2) {
        // A run that panicked writes nothing (its model is then missing when read).
        let trained: Vec<Option<Vec<u8>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&(config, k, _)| {
                    scope.spawn(move || train::train(&rest_of(train, k, folds), config).to_bytes())
                })
                .collect();
            handles.into_iter().map(|h| h.join().ok()).collect()
        });
        for ((config, k, path), bytes) in pair.iter().zip(trained) {
            let Some(bytes) = bytes else { continue };
            std::fs::write(path, bytes).with_context(|| format!("writing {path:?}"))?;
            done += 1;
            println!(
                "stacked pass: fold {k} of {folds} (seed {}) trained, {done} of {total}",
                config.seed
            );
        }
    }
    Ok(())
}

/// The first-pass models of the folds: fold `k`'s is trained on every fold but `k`. Kept under
/// `target/ner-stack/` by the training settings, so that experiments with the stacked model
/// alone do not train them again.
fn fold_models(train: &[Sentence], config: &TrainConfig, folds: usize) -> Result<Vec<Model>> {
    train_missing(train, std::slice::from_ref(config), folds)?;
    let cache = Cache::new(train, config, folds)?;
    (0..folds)
        .map(|k| {
            let path = cache.path(&k.to_string());
            let bytes = std::fs::read(&path).with_context(|| format!("reading {path:?}"))?;
            Ok(train::with_own_seen(
                Model::from_bytes(&bytes)?,
                &rest_of(train, k, folds),
            ))
        })
        .collect()
}

/// Where first-pass models trained with one configuration are kept: `target/ner-stack/`, by a
/// hash of the training settings and of the feature extractor (its templates, analysers and the
/// tables its features read: a changed extractor or table must not find the models of the old
/// one).
struct Cache {
    dir: std::path::PathBuf,
    key: u64,
}

impl Cache {
    /// The cache of models trained with `config` on `train` cut into `folds` folds (its
    /// directory created if need be).
    fn new(train: &[Sentence], config: &TrainConfig, folds: usize) -> Result<Cache> {
        let dir = crate::root().join("target/ner-stack");
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {dir:?}"))?;
        let extractor = (
            ner::features::template_hash(),
            ner::features::analyser_fingerprint(),
            ner::features::tables_fingerprint(),
        );
        let settings = format!("{config:?} {} {folds} {extractor:?}", train.len());
        let key = ner::features::fnv64(settings.as_bytes());
        Ok(Cache { dir, key })
    }

    /// The file of model `name` (a fold's number, or `all`).
    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.join(format!("{:016x}-{name}.bin", self.key))
    }
}

/// The first-pass model trained with `config` on all of `train` (the file's bytes), kept under
/// `target/ner-stack/` like the fold models: experiments with the stacked model alone then
/// train nothing.
pub fn whole_model(train: &[Sentence], config: &TrainConfig) -> Result<Vec<u8>> {
    let path = Cache::new(train, config, 1)?.path("all");
    if let Ok(bytes) = std::fs::read(&path) {
        return Ok(bytes);
    }
    let bytes = train::train(train, config).to_bytes();
    std::fs::write(&path, &bytes).with_context(|| format!("writing {path:?}"))?;
    Ok(bytes)
}

/// The training text tagged by the fold models, as documents of at most `doc_tokens` tokens.
pub fn first_pass(
    train: &[Sentence],
    config: &TrainConfig,
    options: StackOptions,
) -> Result<Vec<Vec<FirstPass>>> {
    let folds = options.folds.max(2);
    let models = fold_models(train, config, folds)?;
    let mut docs: Vec<Vec<FirstPass>> = Vec::new();
    for (k, model) in models.iter().enumerate() {
        let (lo, hi) = fold_bounds(train.len(), k, folds);
        let mut doc: Vec<&Sentence> = Vec::new();
        let mut tokens = 0;
        for s in &train[lo..hi] {
            let same = doc.last().is_none_or(|last| last.domain == s.domain);
            if !same || tokens + s.words.len() > options.doc_tokens {
                docs.push(tagged(model, &std::mem::take(&mut doc), config));
                tokens = 0;
            }
            tokens += s.words.len();
            doc.push(s);
        }
        docs.push(tagged(model, &doc, config));
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// A document's sentences tagged by a first-pass model.
fn tagged(model: &Model, doc: &[&Sentence], config: &TrainConfig) -> Vec<FirstPass> {
    let words: Vec<Vec<&str>> = doc
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let keys = ner::sentence_keys(&words);
    let mut emissions: Vec<Vec<[i64; LABELS]>> = doc
        .iter()
        .zip(&words)
        .map(|(s, w)| ner::emissions_in(model, w, Some(s.domain)))
        .collect();
    let pairs: Vec<Vec<PairScores>> = words
        .iter()
        .map(|w| ner::pair_scores_in(model, w))
        .collect();
    let tags = ner::second_pass(model, &keys, &mut emissions, &pairs, Consistency::OFF);
    let unit = f64::from(model.scale) / ner::crf::SCORE_UNITS;
    let seen = model.seen.clone().unwrap_or_default();
    doc.iter()
        .zip(keys)
        .zip(emissions)
        .zip(tags)
        .zip(pairs)
        .map(|((((s, keys), emissions), tags), pairs)| FirstPass {
            pairs,
            pair_unit: unit,
            keys,
            emissions: emissions
                .iter()
                .map(|e| e.map(|x| x as f64 * unit))
                .collect(),
            tags,
            gold: config.scheme.encode(&s.labels),
            domain: s.domain,
            seen: seen.clone(),
        })
        .collect()
}

/// Trains the stacked model for first-pass models trained with `config`.
pub fn train_stack(
    train: &[Sentence],
    config: &TrainConfig,
    options: StackOptions,
) -> Result<Stack> {
    let from = options.orders_from.unwrap_or(config.seed);
    let configs: Vec<TrainConfig> = (0..options.orders.max(1))
        .map(|k| TrainConfig {
            seed: from.wrapping_add(k as u64),
            ..config.clone()
        })
        .collect();
    train_missing(train, &configs, options.folds.max(2))?;
    let mut docs = Vec::new();
    for config in &configs {
        docs.extend(first_pass(train, config, options)?);
    }
    let first = config.crf.unwrap_or_default();
    let crf = ner::crf::CrfConfig {
        l2: options.l2,
        epochs: options.epochs.unwrap_or(first.epochs),
        cost: options.cost.unwrap_or(first.cost),
        recall: options.recall.unwrap_or(first.recall),
        ..first
    };
    Ok(stack::fit::train(&docs, &crf, config.scheme, config.seed))
}

/// F1 on a dev set of the fold models' summed emissions and transitions (bagging), without any
/// document pass.
pub fn bagged_f1(
    train: &[Sentence],
    config: &TrainConfig,
    options: StackOptions,
    dev: &[Sentence],
) -> Result<f64> {
    let models = fold_models(train, config, options.folds.max(2))?;
    let domain = ner::detect_domain(dev.iter().flat_map(|s| s.words.iter().map(String::as_str)));
    let mut scores = ner::eval::Scores::default();
    let fixed = |x: f64| (x * 1000.0).round() as i64;
    for s in dev {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let mut sum = vec![[0i64; LABELS]; words.len()];
        let mut trans = vec![0i64; (1 + LABELS) * LABELS];
        let mut pairs: Vec<PairScores> = Vec::new();
        for m in &models {
            let unit = f64::from(m.scale) / ner::crf::SCORE_UNITS;
            for (a, e) in sum
                .iter_mut()
                .zip(ner::emissions_in(m, &words, Some(domain)))
            {
                for (x, y) in a.iter_mut().zip(e) {
                    *x += fixed(y as f64 * unit);
                }
            }
            for (t, &v) in trans.iter_mut().zip(&m.transitions) {
                *t += fixed(f64::from(v) * unit);
            }
            for (i, p) in ner::pair_scores_in(m, &words).iter().enumerate() {
                if pairs.len() <= i {
                    pairs.push([0; ner::decode::PAIRS]);
                }
                for (x, &y) in pairs[i].iter_mut().zip(p) {
                    *x += fixed(f64::from(y) * unit) as i32;
                }
            }
        }
        let transitions = ner::decode::Transitions::new(config.scheme, |from, to| {
            trans[from.map_or(0, |f| f + 1) * LABELS + to]
        });
        let (pred, _) = ner::decode::viterbi_pairs(&transitions, &sum, &pairs);
        let pred: Vec<usize> = pred
            .into_iter()
            .map(|l| ner::label(ner::tag_of_label(l)))
            .collect();
        scores.add(&s.labels, &pred);
    }
    Ok(scores.f1())
}
