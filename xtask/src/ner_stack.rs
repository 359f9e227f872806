//! The stacked document pass's training data (issue 10): first-pass tags of the training text by
//! models that did not see it (k-fold), grouped into documents.

use anyhow::{Context, Result};
use khabar_nlp::ner::model::Model;
use khabar_nlp::ner::stack::fit::FirstPass;
use khabar_nlp::ner::stack::{self, Stack};
use khabar_nlp::ner::train::{self, Sentence, TrainConfig};
use khabar_nlp::ner::{self, LABELS};

/// How the stacked model is trained.
#[derive(Debug, Clone, Copy)]
pub struct StackOptions {
    /// Folds of the training text: each is tagged by a model trained on the others.
    pub folds: usize,
    /// The most tokens a training document has (consecutive sentences of one corpus).
    pub doc_tokens: usize,
}

impl Default for StackOptions {
    fn default() -> StackOptions {
        StackOptions {
            folds: 5,
            doc_tokens: 12_000,
        }
    }
}

/// FNV-1a of `bytes` (a cache key that stays the same from run to run).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The first-pass models of the folds: fold `k`'s is trained on every fold but `k`. Kept under
/// `target/ner-stack/` by the training settings, so that experiments with the stacked model
/// alone do not train them again.
fn fold_models(train: &[Sentence], config: &TrainConfig, folds: usize) -> Result<Vec<Model>> {
    let key = fnv1a(format!("{config:?} {} {folds}", train.len()).as_bytes());
    let dir = crate::root().join("target/ner-stack");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {dir:?}"))?;
    let path = |k: usize| dir.join(format!("{key:016x}-{k}.bin"));
    let bounds = |k: usize| (k * train.len() / folds, (k + 1) * train.len() / folds);
    let missing: Vec<usize> = (0..folds).filter(|&k| !path(k).exists()).collect();
    // Two at a time (the machines have two cores; each training run is one thread).
    for pair in missing.chunks(2) {
        let trained: Vec<(usize, Vec<u8>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&k| {
                    scope.spawn(move || {
                        let (lo, hi) = bounds(k);
                        let rest: Vec<Sentence> =
                            train[..lo].iter().chain(&train[hi..]).cloned().collect();
                        (k, train::train(&rest, config).to_bytes())
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        for (k, bytes) in trained {
            std::fs::write(path(k), bytes).with_context(|| format!("writing {:?}", path(k)))?;
            println!("stacked pass: fold {k} of {folds} trained");
        }
    }
    (0..folds)
        .map(|k| {
            let bytes = std::fs::read(path(k))?;
            Ok(Model::from_bytes(&bytes)?)
        })
        .collect()
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
        let (lo, hi) = (k * train.len() / folds, (k + 1) * train.len() / folds);
        let mut doc: Vec<FirstPass> = Vec::new();
        let mut tokens = 0;
        for s in &train[lo..hi] {
            let same = doc.last().is_none_or(|last| last.domain == s.domain);
            if !same || tokens + s.words.len() > options.doc_tokens {
                docs.push(std::mem::take(&mut doc));
                tokens = 0;
            }
            tokens += s.words.len();
            doc.push(tagged(model, s, config));
        }
        docs.push(doc);
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// One sentence tagged by a first-pass model.
fn tagged(model: &Model, s: &Sentence, config: &TrainConfig) -> FirstPass {
    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
    let emissions = ner::emissions_in(model, &words, Some(s.domain));
    let tags = ner::decoded(model, &emissions);
    let unit = f64::from(model.scale) / ner::crf::SCORE_UNITS;
    FirstPass {
        keys: words.iter().map(|w| khabar_nlp::normalize::key(w)).collect(),
        emissions: emissions
            .iter()
            .map(|e| e.map(|x| x as f64 * unit))
            .collect::<Vec<[f64; LABELS]>>(),
        tags,
        gold: config.scheme.encode(&s.labels),
        domain: s.domain,
    }
}

/// Trains the stacked model for first-pass models trained with `config`.
pub fn train_stack(train: &[Sentence], config: &TrainConfig, options: StackOptions) -> Result<Stack> {
    let docs = first_pass(train, config, options)?;
    let crf = config.crf.unwrap_or_default();
    Ok(stack::fit::train(&docs, &crf, config.scheme, config.seed))
}
