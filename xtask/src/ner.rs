//! `cargo xtask train-ner` and `cargo xtask eval-ner`: train the NER model on ANERcorp's training
//! portion and score it on the dev split.
//!
//! The dev split is the LAST 10% of the sentences of `train.txt` (a contiguous block of whole
//! articles, like the held-out test portion that follows it), so names repeated within an article
//! do not leak from training into dev. `eval-ner` trains on the first 90% and scores the dev block;
//! `train-ner` trains the shipped model on all of `train.txt`.

use std::time::Instant;

use anyhow::{Context, Result};
use khabar_nlp::ner::eval::Scores;
use khabar_nlp::ner::features::Group;
use khabar_nlp::ner::model::Model;
use khabar_nlp::ner::train::{self, Sentence, TrainConfig};
use khabar_nlp::ner::{self, tag_name, tag_of_label};
use lexopt::prelude::*;

const NOTICE: &str = "khabar NER model. Trained on ANERcorp (Benajiba, Rosso and Benedi 2007), \
training portion of the CAMeL Lab re-release (Obeid et al. 2020), licensed CC BY-SA 4.0.";

fn corpus() -> Result<Vec<Sentence>> {
    let path = crate::root().join("crates/khabar-nlp/data/anercorp/train.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path:?}"))?;
    Ok(train::parse_conll(&text))
}

/// The (train, dev) split: dev is the last 10% of sentences.
fn split(all: &[Sentence]) -> (&[Sentence], &[Sentence]) {
    all.split_at(all.len() - all.len() / 10)
}

/// Another (train, dev) split for checking that a feature choice is not tuned to one block: dev is
/// the `k`-th tenth (0-based; `k = 9` is nearly [`split`]).
fn fold(all: &[Sentence], k: usize) -> (Vec<Sentence>, Vec<Sentence>) {
    let n = all.len() / 10;
    let (lo, hi) = (k * n, if k >= 9 { all.len() } else { (k + 1) * n });
    let train = all[..lo].iter().chain(&all[hi..]).cloned().collect();
    (train, all[lo..hi].to_vec())
}

struct Options {
    config: TrainConfig,
    write_dev: Option<String>,
    ablate: bool,
    dev_model: bool,
    fold: Option<usize>,
    margins: bool,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        config: TrainConfig {
            notice: NOTICE.to_owned(),
            ..TrainConfig::default()
        },
        write_dev: None,
        ablate: false,
        dev_model: false,
        fold: None,
        margins: false,
    };
    let mut parser = lexopt::Parser::from_args(args);
    let group = |name: &str| Group::from_name(name).ok_or(format!("no feature group '{name}'"));
    while let Some(arg) = parser.next()? {
        match arg {
            Long("epochs") => o.config.epochs = parser.value()?.parse()?,
            Long("min-count") => o.config.min_count = parser.value()?.parse()?,
            Long("without") => {
                for name in parser.value()?.string()?.split(',') {
                    let g = group(name).map_err(lexopt::Error::from)?;
                    o.config.features = o.config.features.without(g);
                }
            }
            Long("with") => {
                for name in parser.value()?.string()?.split(',') {
                    let g = group(name).map_err(lexopt::Error::from)?;
                    o.config.features = o.config.features.with(g);
                }
            }
            Long("write-dev") => o.write_dev = Some(parser.value()?.string()?),
            Long("ablate") => o.ablate = true,
            Long("dev-model") => o.dev_model = true,
            Long("fold") => o.fold = Some(parser.value()?.parse()?),
            Long("margins") => o.margins = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok(o)
}

/// Retrains the shipped NER model on all of `train.txt` (with `--dev-model`: on train-minus-dev,
/// to check `khabar tag-conll` against `eval-ner`).
pub fn train(args: &[String]) -> Result<()> {
    let o = options(args)?;
    let mut all = corpus()?;
    if o.dev_model {
        let keep = split(&all).0.len();
        all.truncate(keep);
    }
    let start = Instant::now();
    let model = train::train(&all, &o.config);
    let bytes = model.to_bytes();
    let path = crate::root().join("crates/khabar-nlp/data/ner/model.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {path:?}"))?;
    println!(
        "trained on {} sentences in {:.1}s: {} weights, {} bytes ({} gzipped) -> {}",
        all.len(),
        start.elapsed().as_secs_f64(),
        model.keys.len(),
        bytes.len(),
        gzipped_len(&bytes).map_or("?".to_owned(), |n| n.to_string()),
        path.display()
    );
    Ok(())
}

fn gzipped_len(bytes: &[u8]) -> Option<usize> {
    use std::io::Write;
    let mut child = std::process::Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = bytes.to_vec();
    // Write from another thread so that gzip's output never blocks its input.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    Some(out.stdout.len())
}

fn evaluate(model: &Model, dev: &[Sentence]) -> (Scores, f64) {
    let mut scores = Scores::default();
    let start = Instant::now();
    for s in dev {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let pred: Vec<usize> = ner::tag_scored_with(model, &words)
            .into_iter()
            .map(|t| ner::label(t.tag))
            .collect();
        scores.add(&s.labels, &pred);
    }
    let secs = start.elapsed().as_secs_f64();
    let tokens = scores.tokens.0 as f64;
    (scores, tokens / secs.max(1e-9))
}

fn train_and_score(
    train_part: &[Sentence],
    dev: &[Sentence],
    config: &TrainConfig,
) -> Result<Scores> {
    let model = train::train(train_part, config);
    // Score what would ship: the quantised model, written and read back.
    let model = Model::from_bytes(&model.to_bytes())?;
    Ok(evaluate(&model, dev).0)
}

/// Trains on train-minus-dev and prints entity-level P/R/F1 on the dev split.
pub fn eval(args: &[String]) -> Result<()> {
    let o = options(args)?;
    let all = corpus()?;
    let folded = o.fold.map(|k| fold(&all, k));
    let (train_part, dev) = match &folded {
        Some((t, d)) => (t.as_slice(), d.as_slice()),
        None => split(&all),
    };
    if let Some(path) = &o.write_dev {
        let mut out = String::new();
        for s in dev {
            for (w, &l) in s.words.iter().zip(&s.labels) {
                out.push_str(&format!("{w} {}\n", tag_name(tag_of_label(l))));
            }
            out.push('\n');
        }
        std::fs::write(path, out)?;
        println!("wrote the dev split to {path}");
    }
    println!(
        "train: {} sentences, dev ({}): {} sentences",
        train_part.len(),
        o.fold
            .map_or("last 10%".to_owned(), |k| format!("fold {k}")),
        dev.len()
    );
    if o.ablate {
        let base = train_and_score(train_part, dev, &o.config)?.f1();
        println!("{:<22} {:>7} {:>7}", "variant", "F1", "delta");
        println!("{:<22} {base:>7.2} {:>7}", "default features", "");
        for g in Group::ALL {
            let base_set = o.config.features;
            let (features, name) = if base_set.has(g) {
                (base_set.without(g), format!("without {}", g.name()))
            } else {
                (base_set.with(g), format!("with {}", g.name()))
            };
            let config = TrainConfig {
                features,
                ..o.config.clone()
            };
            let f = train_and_score(train_part, dev, &config)?.f1();
            println!("{name:<22} {f:>7.2} {:>+7.2}", f - base);
        }
        return Ok(());
    }
    let start = Instant::now();
    let model = train::train(train_part, &o.config);
    let trained = start.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    let model = Model::from_bytes(&bytes)?;
    let (scores, speed) = evaluate(&model, dev);
    println!(
        "trained in {trained:.1}s ({} epochs, feature set {:#x}), model {} bytes; tagging {:.0} tokens/s",
        o.config.epochs,
        o.config.features.0,
        bytes.len(),
        speed
    );
    print!("{}", scores.table());
    if o.margins {
        margin_sweep(&model, dev);
    }
    Ok(())
}

/// Precision/recall when entities whose weakest token margin is below a threshold are dropped
/// (how the entities stage uses `tag_scored`).
fn margin_sweep(model: &Model, dev: &[Sentence]) {
    let tagged: Vec<Vec<ner::ScoredTag>> = dev
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            ner::tag_scored_with(model, &words)
        })
        .collect();
    println!("{:>9} {:>7} {:>7} {:>7}", "min-margin", "P", "R", "F1");
    for t in [
        0.0f32, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0,
    ] {
        let mut scores = Scores::default();
        for (s, tags) in dev.iter().zip(&tagged) {
            let mut pred: Vec<usize> = tags.iter().map(|t| ner::label(t.tag)).collect();
            for (a, b, _) in ner::eval::chunks(&pred.clone()) {
                if tags[a..b].iter().any(|x| x.margin < t) {
                    pred[a..b].fill(0);
                }
            }
            scores.add(&s.labels, &pred);
        }
        let (g, p, c) = scores.overall();
        let pr = 100.0 * c as f64 / p.max(1) as f64;
        let rc = 100.0 * c as f64 / g.max(1) as f64;
        println!("{t:>9.1} {pr:>7.2} {rc:>7.2} {:>7.2}", scores.f1());
    }
}
