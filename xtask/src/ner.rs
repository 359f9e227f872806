//! `cargo xtask train-ner` and `cargo xtask eval-ner`: train the NER model on two corpora and
//! score it on two development sets that are never trained on.
//!
//! - ANERcorp (news): dev is the LAST 10% of the sentences of `train.txt` (a contiguous block of
//!   whole articles, like the held-out test portion that follows it).
//! - WikiFANE (Wikipedia, mapped to the four types by `data/wikifane/map.tsv`): dev is every tenth
//!   article ([`crate::wikifane::load`]).
//!
//! `eval-ner` trains on both training parts and scores both dev sets; `train-ner` trains the
//! shipped model on everything but the two dev sets, so that the dev numbers stay honest for the
//! shipped model too.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use khabar_nlp::ner::document::{Consistency, DocumentPass};
use khabar_nlp::ner::eval::Scores;
use khabar_nlp::ner::features::{Group, fnv64};
use khabar_nlp::ner::model::Model;
use khabar_nlp::ner::stack::{Sources, Stack};
use khabar_nlp::ner::train::{self, Sentence, TrainConfig};
use khabar_nlp::ner::{self, tag_name, tag_of_label};
use lexopt::prelude::*;

const NOTICE: &str = "khabar NER model. Trained on ANERcorp (Benajiba, Rosso and Benedi 2007), \
training portion of the CAMeL Lab re-release (Obeid et al. 2020), licensed CC BY-SA 4.0, and on \
WikiFANE Gold (Alotaibi and Lee 2014), licensed CC BY-SA 3.0; features use word clusters learned \
from both and the NERAr name lists (Gahbiche-Braham et al. 2014, BSD-2-Clause).";

fn data(path: &str) -> PathBuf {
    crate::root().join("crates/khabar-nlp/data").join(path)
}

/// The two corpora: (train, ANERcorp dev, WikiFANE dev).
struct Corpora {
    train: Vec<Sentence>,
    dev_news: Vec<Sentence>,
    dev_wiki: Vec<Sentence>,
}

fn corpora(o: &Options) -> Result<Corpora> {
    let path = data("anercorp/train.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path:?}"))?;
    let mut news = train::parse_conll(&text);
    let dev_news = news.split_off(news.len() - news.len() / 10);
    let map_path = o
        .wiki_map
        .clone()
        .unwrap_or_else(|| data("wikifane/map.tsv"));
    let map = crate::wikifane::read_map(&map_path)?;
    let (wiki, dev_wiki) = crate::wikifane::load(&data("wikifane/train.txt"), &map, !o.no_glue)?;
    let mut train = news;
    if o.use_wiki {
        let take = (wiki.len() as f64 * o.wiki_fraction) as usize;
        train.extend(wiki.into_iter().take(take));
    }
    Ok(Corpora {
        train,
        dev_news,
        dev_wiki,
    })
}

struct Options {
    config: TrainConfig,
    write_dev: Option<String>,
    write_pred: Option<String>,
    ablate: bool,
    margins: bool,
    use_wiki: bool,
    wiki_fraction: f64,
    wiki_map: Option<PathBuf>,
    no_glue: bool,
    write_model: bool,
    shipped: bool,
    /// The variants `--ablate` measures: each a set of groups switched together.
    levers: Option<Vec<Vec<Group>>>,
    /// The document pass dev sets are tagged with.
    pass: DocumentPass,
    consistency_grid: bool,
    o_penalty_grid: bool,
    curve: bool,
    seeds: usize,
    /// Also score the weights before quantisation (`--float`).
    float: bool,
    /// Also train and score the stacked document pass (`--stack`).
    stack: bool,
    /// Also score the fold models' emissions summed (`--bag`).
    bag: bool,
    /// How the stacked model is trained (`--stack-folds`, `--stack-doc-tokens`, `--stack-l2`,
    /// `--stack-orders`, `--stack-orders-from`).
    stack_options: crate::ner_stack::StackOptions,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        config: TrainConfig {
            notice: NOTICE.to_owned(),
            ..TrainConfig::default()
        },
        write_dev: None,
        write_pred: None,
        ablate: false,
        margins: false,
        use_wiki: true,
        wiki_fraction: 1.0,
        wiki_map: None,
        no_glue: false,
        write_model: false,
        shipped: false,
        levers: None,
        pass: DocumentPass::SHIPPED,
        consistency_grid: false,
        o_penalty_grid: false,
        curve: false,
        seeds: 1,
        float: false,
        stack: false,
        bag: false,
        stack_options: Default::default(),
    };
    // The trainer's flags (issue 10): `--trainer crf|perceptron` and the CRF's options.
    let mut crf = o.config.crf.is_some();
    let mut crf_options = o.config.crf.unwrap_or_default();
    let mut parser = lexopt::Parser::from_args(args);
    let group = |name: &str| Group::from_name(name).ok_or(format!("no feature group '{name}'"));
    while let Some(arg) = parser.next()? {
        match arg {
            Long("epochs") => o.config.epochs = parser.value()?.parse()?,
            Long("seed") => o.config.seed = parser.value()?.parse()?,
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
            Long("write-pred") => o.write_pred = Some(parser.value()?.string()?),
            Long("ablate") => o.ablate = true,
            Long("margins") => o.margins = true,
            Long("no-wikifane") => o.use_wiki = false,
            Long("wiki-fraction") => o.wiki_fraction = parser.value()?.parse()?,
            Long("wiki-map") => o.wiki_map = Some(PathBuf::from(parser.value()?)),
            Long("no-glue") => o.no_glue = true,
            Long("no-domains") => o.config.domains = false,
            Long("shared-only") => o.config.keep_domains = false,
            Long("prune") => o.config.prune = parser.value()?.parse()?,
            // Issue 10: the tag encoding trained (`bios`, the default, or `bio`).
            Long("tags") => {
                let name = parser.value()?.string()?;
                o.config.scheme = ner::Scheme::from_name(&name).ok_or_else(|| {
                    lexopt::Error::from(format!("--tags takes bios or bio, not '{name}'"))
                })?;
            }
            Long("write-model") => o.write_model = true,
            Long("shipped") => o.shipped = true,
            Long("consistency") => {
                let value = parser.value()?.string()?;
                let parsed = value
                    .split_once(',')
                    .and_then(|(m, b)| Some((m.parse().ok()?, b.parse().ok()?)));
                let Some((min_margin, bonus)) = parsed else {
                    return Err(lexopt::Error::from(format!(
                        "--consistency takes MIN_MARGIN,BONUS, not '{value}'"
                    ))
                    .into());
                };
                o.pass = DocumentPass::Heuristic(Consistency { min_margin, bonus });
            }
            Long("no-consistency") => o.pass = DocumentPass::Off,
            // Issue 10: the heuristic document pass instead of the stacked one.
            Long("heuristic-pass") => o.pass = HEURISTIC,
            Long("consistency-grid") => o.consistency_grid = true,
            Long("o-penalty-grid") => o.o_penalty_grid = true,
            Long("curve") => o.curve = true,
            Long("seeds") => o.seeds = parser.value()?.parse::<usize>()?.max(1),
            Long("levers") => {
                let mut levers = Vec::new();
                let value = parser.value()?.string()?;
                // `none`: the shipped levers alone.
                for variant in value.split(',').filter(|v| *v != "none") {
                    let mut groups = Vec::new();
                    for name in variant.split('+') {
                        groups.push(group(name).map_err(lexopt::Error::from)?);
                    }
                    levers.push(groups);
                }
                o.levers = Some(levers);
            }
            Long("trainer") => {
                crf = match parser.value()?.string()?.as_str() {
                    "crf" => true,
                    "perceptron" => false,
                    other => {
                        let e = format!("--trainer takes crf or perceptron, not '{other}'");
                        return Err(lexopt::Error::from(e).into());
                    }
                }
            }
            Long("crf-epochs") => crf_options.epochs = parser.value()?.parse()?,
            Long("l2") => crf_options.l2 = parser.value()?.parse()?,
            Long("rate") => crf_options.rate = parser.value()?.parse()?,
            Long("cost") => crf_options.cost = parser.value()?.parse()?,
            Long("recall-cost") => crf_options.recall = parser.value()?.parse()?,
            Long("float") => o.float = true,
            Long("stack") => o.stack = true,
            Long("stack-folds") => o.stack_options.folds = parser.value()?.parse()?,
            Long("stack-doc-tokens") => o.stack_options.doc_tokens = parser.value()?.parse()?,
            Long("stack-l2") => o.stack_options.l2 = parser.value()?.parse()?,
            Long("stack-cost") => o.stack_options.cost = Some(parser.value()?.parse()?),
            Long("stack-recall-cost") => o.stack_options.recall = Some(parser.value()?.parse()?),
            Long("stack-epochs") => o.stack_options.epochs = Some(parser.value()?.parse()?),
            Long("stack-orders") => o.stack_options.orders = parser.value()?.parse()?,
            Long("stack-orders-from") => {
                o.stack_options.orders_from = Some(parser.value()?.parse()?);
            }
            Long("bag") => o.bag = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    o.config.crf = crf.then_some(crf_options);
    Ok(o)
}

/// Runs `command` with `args` in an optimised build of xtask, unless this is one: training is
/// about twenty times faster there (a debug build took 12.6 minutes for the shipped model).
/// Returns whether it ran elsewhere.
fn in_optimised_build(command: &str, args: &[String]) -> Result<bool> {
    if !cfg!(debug_assertions) {
        return Ok(false);
    }
    // The flags are checked here first, so that a usage error reads the same in both builds.
    options(args)?;
    println!("building an optimised xtask for {command} (cargo build --release -p xtask)…");
    let status = std::process::Command::new(crate::bench::cargo())
        .current_dir(crate::root())
        .args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "xtask",
            "--",
            command,
        ])
        .args(args)
        .status()
        .context("running cargo")?;
    anyhow::ensure!(status.success(), "{command} failed in the optimised build");
    Ok(true)
}

/// Retrains the shipped NER model on both training parts (never on the dev sets).
pub fn train(args: &[String]) -> Result<()> {
    if in_optimised_build("train-ner", args)? {
        return Ok(());
    }
    let o = options(args)?;
    let c = corpora(&o)?;
    let start = Instant::now();
    let model = train::train(&c.train, &o.config);
    let bytes = model.to_bytes();
    let path = data("ner/model.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {path:?}"))?;
    let seen = model.seen.as_deref().cloned().unwrap_or_default();
    let (names, words) = seen.len();
    let header = "# The names and entity words of the NER model's training text (issue 10), generated\n\
         # by `cargo xtask train-ner` from ANERcorp's training text (CC BY-SA 4.0) and WikiFANE\n\
         # Gold (CC BY-SA 3.0), dev sets excluded. `P<TAB>name<TAB>TYPE<TAB>bucket` (a name: the\n\
         # light stem of its first word and the keys of the others) and `W<TAB>word<TAB>TYPE<TAB>\n\
         # bucket` (a word's light stem); buckets in `khabar_nlp::ner::seen`.\n";
    let seen_path = data("ner/seen.tsv");
    let seen_tsv = seen.to_tsv(header);
    std::fs::write(&seen_path, &seen_tsv).with_context(|| format!("writing {seen_path:?}"))?;
    let sources = Sources {
        model: fnv64(&bytes),
        seen: fnv64(seen_tsv.as_bytes()),
    };
    println!(
        "{names} names and {words} words seen -> {}",
        seen_path.display()
    );
    println!(
        "trained on {} sentences in {:.1}s: {} weights, {} bytes ({} gzipped) -> {}",
        c.train.len(),
        start.elapsed().as_secs_f64(),
        model.keys.len(),
        bytes.len(),
        gzipped_len(&bytes).map_or("?".to_owned(), |n| n.to_string()),
        path.display()
    );
    let start = Instant::now();
    let stack = Stack {
        sources,
        ..crate::ner_stack::train_stack(&c.train, &o.config, o.stack_options)?
    };
    let bytes = stack.to_bytes();
    let path = data("ner/stack.bin");
    std::fs::write(&path, &bytes).with_context(|| format!("writing {path:?}"))?;
    println!(
        "stacked document pass: {} folds, trained in {:.1}s: {} bytes -> {}",
        o.stack_options.folds,
        start.elapsed().as_secs_f64(),
        bytes.len(),
        path.display()
    );
    let mut total = (0, 0);
    for name in [
        "model.bin",
        "stack.bin",
        "clusters.tsv",
        "gazetteer.tsv",
        "places.tsv",
        "triggers.tsv",
        "topics.tsv",
        "domains.tsv",
        "seen.tsv",
    ] {
        let bytes = std::fs::read(data("ner").join(name))?;
        let gz = gzipped_len(&bytes).unwrap_or(0);
        total = (total.0 + bytes.len(), total.1 + gz);
        println!("  {name:<14} {:>9} bytes {gz:>9} gzipped", bytes.len());
    }
    println!(
        "  {:<14} {:>9} bytes {:>9} gzipped",
        "total", total.0, total.1
    );
    Ok(())
}

pub fn gzipped_len(bytes: &[u8]) -> Option<usize> {
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

/// The heuristic document pass (issue 10: the stacked pass replaced it).
const HEURISTIC: DocumentPass = DocumentPass::Heuristic(Consistency::SHIPPED);

/// How the corpus-specific features are chosen when tagging a dev set.
#[derive(Clone, Copy)]
enum Domain {
    /// Shared features only.
    Shared,
    /// Detected once over the whole dev set (as `khabar tag-conll` does over its input).
    PerInput,
    /// Detected for each sentence on its own.
    PerSentence,
}

/// Scores `model` on a dev set tagged as one document (as `khabar tag-conll` tags its input),
/// with the document pass `pass`; also the tagging speed in tokens per second.
fn evaluate(model: &Model, dev: &[Sentence], mode: Domain, pass: DocumentPass) -> (Scores, f64) {
    score_tagged(dev, |sentences, whole| match mode {
        Domain::Shared => ner::tag_document_in(model, sentences, None, pass),
        Domain::PerInput => ner::tag_document_in(model, sentences, Some(whole), pass),
        Domain::PerSentence => sentences
            .iter()
            .map(|words| {
                let domain = ner::detect_domain(words.iter().copied());
                ner::tag_scored_in(model, words, Some(domain))
            })
            .collect(),
    })
}

/// Scores `model` corrected by the stacked model `stack` on a dev set tagged as one document.
fn evaluate_stacked(model: &Model, stack: &Stack, dev: &[Sentence]) -> (Scores, f64) {
    score_tagged(dev, |sentences, whole| {
        ner::tag_document_stacked(model, stack, sentences, Some(whole))
    })
}

/// Scores the tags `tag` gives a dev set's sentences (given the domain detected over all of
/// them), and the tokens per second it tagged.
fn score_tagged(
    dev: &[Sentence],
    tag: impl FnOnce(&[Vec<&str>], u8) -> Vec<Vec<ner::ScoredTag>>,
) -> (Scores, f64) {
    let mut scores = Scores::default();
    let start = Instant::now();
    let whole = ner::detect_domain(dev.iter().flat_map(|s| s.words.iter().map(String::as_str)));
    let sentences: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    for (s, tags) in dev.iter().zip(tag(&sentences, whole)) {
        let pred: Vec<usize> = tags.into_iter().map(|t| ner::label(t.tag)).collect();
        scores.add(&s.labels, &pred);
    }
    let speed = scores.tokens.0 as f64 / start.elapsed().as_secs_f64().max(1e-9);
    (scores, speed)
}

/// Writes a dev set tagged by `model` as one document: `word gold predicted` per line (for error
/// analysis; `conlleval` reads it).
fn write_predictions(
    path: &str,
    model: &Model,
    dev: &[Sentence],
    pass: DocumentPass,
) -> Result<()> {
    let whole = ner::detect_domain(dev.iter().flat_map(|s| s.words.iter().map(String::as_str)));
    let sentences: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let tagged = ner::tag_document_in(model, &sentences, Some(whole), pass);
    let mut out = String::new();
    for (s, tags) in dev.iter().zip(tagged) {
        for ((w, &l), t) in s.words.iter().zip(&s.labels).zip(tags) {
            out.push_str(&format!(
                "{w} {} {}\n",
                tag_name(tag_of_label(l)),
                tag_name(t.tag)
            ));
        }
        out.push('\n');
    }
    std::fs::write(path, out)?;
    println!("wrote {path}");
    Ok(())
}

fn write_conll(path: &str, dev: &[Sentence]) -> Result<()> {
    let mut out = String::new();
    for s in dev {
        for (w, &l) in s.words.iter().zip(&s.labels) {
            out.push_str(&format!("{w} {}\n", tag_name(tag_of_label(l))));
        }
        out.push('\n');
    }
    std::fs::write(path, out)?;
    println!("wrote {path}");
    Ok(())
}

/// Trains on the training parts and prints entity-level P/R/F1 on both dev sets (with
/// `--ablate`: the F1 on each dev set with each lever switched off in turn).
pub fn eval(args: &[String]) -> Result<()> {
    if in_optimised_build("eval-ner", args)? {
        return Ok(());
    }
    let o = options(args)?;
    let c = corpora(&o)?;
    if let Some(prefix) = &o.write_dev {
        write_conll(&format!("{prefix}.news.txt"), &c.dev_news)?;
        write_conll(&format!("{prefix}.wiki.txt"), &c.dev_wiki)?;
        return Ok(());
    }
    let tokens = |s: &[Sentence]| s.iter().map(|s| s.words.len()).sum::<usize>();
    println!(
        "train: {} sentences ({} tokens); dev ANERcorp (last 10%): {} sentences; dev WikiFANE \
         (every 10th article): {} sentences ({} tokens)",
        c.train.len(),
        tokens(&c.train),
        c.dev_news.len(),
        c.dev_wiki.len(),
        tokens(&c.dev_wiki),
    );
    if o.o_penalty_grid {
        return o_penalty_grid(&o, &c);
    }
    if o.ablate {
        return ablate(&o, &c);
    }
    let bytes = if o.shipped {
        // Score the model in the repository as it is, without training.
        std::fs::read(data("ner/model.bin"))?
    } else if o.stack && !o.curve {
        // Kept between runs (experiments with the stacked pass alone).
        crate::ner_stack::whole_model(&c.train, &o.config)?
    } else {
        let start = Instant::now();
        let model = train::train_observed(&c.train, &o.config, |epoch, model| {
            if o.curve {
                print_curve_row(&c, epoch, &model, o.pass);
            }
        });
        if o.curve {
            print_curve_row(&c, o.config.epochs, &model, o.pass);
        }
        let trained = start.elapsed().as_secs_f64();
        let bytes = model.to_bytes();
        println!(
            "trained in {trained:.1}s ({} epochs, feature set {:#x}, tags {})",
            o.config.epochs,
            o.config.features.0,
            o.config.scheme.name(),
        );
        bytes
    };
    let mut model = Model::from_bytes(&bytes)?;
    if !o.shipped {
        model = train::with_own_seen(model, &c.train);
    }
    if o.float {
        float_versus_quantised(&o, &c, &model);
    }
    if o.shipped {
        // The same as training with `--prune N`: pruning comes after quantisation.
        let keep: Vec<bool> = model
            .weights
            .iter()
            .map(|w| w.unsigned_abs() > o.config.prune.unsigned_abs())
            .collect();
        let mut k = keep.iter();
        model.keys.retain(|_| k.next().copied().unwrap_or(false));
        model
            .weights
            .retain(|w| w.unsigned_abs() > o.config.prune.unsigned_abs());
    }
    let bytes = model.to_bytes();
    println!(
        "model {} bytes ({} gzipped), {} weights",
        bytes.len(),
        gzipped_len(&bytes).map_or("?".to_owned(), |n| n.to_string()),
        model.keys.len()
    );
    if o.write_model {
        let path = data("ner/model.bin");
        std::fs::write(&path, &bytes).with_context(|| format!("writing {path:?}"))?;
        println!("wrote {}", path.display());
    }
    if o.shipped {
        shipped_tagger_speed(&c);
    }
    if let Some(prefix) = &o.write_pred {
        write_predictions(&format!("{prefix}.news.txt"), &model, &c.dev_news, o.pass)?;
        write_predictions(&format!("{prefix}.wiki.txt"), &model, &c.dev_wiki, o.pass)?;
    }
    let stack = if o.stack {
        let start = Instant::now();
        let stack = crate::ner_stack::train_stack(&c.train, &o.config, o.stack_options)?;
        println!(
            "stacked model trained in {:.1}s ({} bytes)",
            start.elapsed().as_secs_f64(),
            stack.to_bytes().len()
        );
        Some(stack)
    } else {
        None
    };
    for (name, dev) in [
        ("ANERcorp dev (last 10%)", &c.dev_news),
        ("WikiFANE dev (every 10th article)", &c.dev_wiki),
    ] {
        let detected =
            ner::detect_domain(dev.iter().flat_map(|s| s.words.iter().map(String::as_str)));
        let (scores, speed) = evaluate(&model, dev, Domain::PerInput, o.pass);
        println!(
            "\n== {name}: detected domain {} (0 news, 1 Wikipedia); tagging {speed:.0} tokens/s",
            detected
        );
        print!("{}", scores.table());
        if o.config.keep_domains {
            let shared = evaluate(&model, dev, Domain::Shared, o.pass).0.f1();
            let per_sentence = evaluate(&model, dev, Domain::PerSentence, DocumentPass::Off)
                .0
                .f1();
            let no_pass = evaluate(&model, dev, Domain::PerInput, DocumentPass::Off)
                .0
                .f1();
            println!(
                "F1 with shared features only {shared:.2}; with the domain detected per sentence \
                 (no document pass) {per_sentence:.2}; without the document pass {no_pass:.2}"
            );
        }
        if let Some(stack) = &stack {
            let (scores, _) = evaluate_stacked(&model, stack, dev);
            println!("with a stacked pass trained for this configuration (--stack):");
            print!("{}", scores.table());
        }
        if o.bag {
            let f1 = crate::ner_stack::bagged_f1(&c.train, &o.config, o.stack_options, dev)?;
            println!("the fold models bagged (no document pass): F1 {f1:.2}");
        }
        if o.margins {
            margin_sweep(&model, dev);
        }
        if o.consistency_grid {
            consistency_grid(&model, dev);
        }
    }
    Ok(())
}

/// F1 on both dev sets (without the document pass) of the weights as trained and of `model`,
/// the same weights quantised (issue 10: a CRF's weights are spread differently).
fn float_versus_quantised(o: &Options, c: &Corpora, model: &Model) {
    let float = train::train_unquantised(&c.train, &o.config);
    for (name, dev) in [("news", &c.dev_news), ("wiki", &c.dev_wiki)] {
        let domain =
            ner::detect_domain(dev.iter().flat_map(|s| s.words.iter().map(String::as_str)));
        let mut scores = Scores::default();
        for s in dev.iter() {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            scores.add(&s.labels, &float.tag(&words, Some(domain)));
        }
        let quantised = evaluate(model, dev, Domain::PerInput, DocumentPass::Off)
            .0
            .f1();
        println!(
            "{name}: F1 unquantised {:.2}, quantised {quantised:.2} (no document pass)",
            scores.f1()
        );
    }
}

/// Tokens per second of the tagger the app and the CLI use (`DocumentTagger`, with the
/// document pass), over both dev sets, each as one document; best of three runs.
fn shipped_tagger_speed(c: &Corpora) {
    let mut best = f64::MAX;
    let mut tokens = 0;
    for _ in 0..3 {
        let start = Instant::now();
        tokens = 0;
        for dev in [&c.dev_news, &c.dev_wiki] {
            let sentences: Vec<Vec<&str>> = dev
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let domain = ner::detect_domain(sentences.iter().flatten().copied());
            let mut tagger = ner::DocumentTagger::new(domain);
            let tagged = tagger.tag_words(&sentences, DocumentPass::SHIPPED);
            tokens += tagged.iter().map(Vec::len).sum::<usize>();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "shipped tagger (DocumentTagger, document pass on; native, this build): {tokens} tokens in \
         {:.3} s = {:.0} tokens/s",
        best,
        tokens as f64 / best.max(1e-9)
    );
}

/// One row of the epoch curve: F1 on both dev sets of the model after `epoch` epochs.
fn print_curve_row(c: &Corpora, epoch: usize, model: &Model, pass: DocumentPass) {
    let f1 = |dev: &[Sentence], pass| evaluate(model, dev, Domain::PerInput, pass).0.f1();
    println!(
        "epoch {epoch:>3}: F1 news {:.2} ({:.2} without the document pass), wiki {:.2} ({:.2})",
        f1(&c.dev_news, pass),
        f1(&c.dev_news, DocumentPass::Off),
        f1(&c.dev_wiki, pass),
        f1(&c.dev_wiki, DocumentPass::Off),
    );
}

/// F1 of the document pass over a grid of its two settings.
fn consistency_grid(model: &Model, dev: &[Sentence]) {
    const BONUSES: [f32; 6] = [20.0, 40.0, 80.0, 160.0, 320.0, 1000.0];
    print!("{:>10}", "margin\\bonus");
    for b in BONUSES {
        print!(" {b:>7.0}");
    }
    println!();
    for m in [20.0f32, 40.0, 80.0, 160.0] {
        print!("{m:>10.0}");
        for bonus in BONUSES {
            let c = Consistency {
                min_margin: m,
                bonus,
            };
            let pass = DocumentPass::Heuristic(c);
            print!(
                " {:>7.2}",
                evaluate(model, dev, Domain::PerInput, pass).0.f1()
            );
        }
        println!();
    }
}

/// `model` with every transition into `O` lowered by `penalty` (score units): the same as
/// lowering each token's `O` emission, trading precision for recall.
fn with_o_penalty(model: &Model, penalty: i16) -> Model {
    let mut m = model.clone();
    for row in m.transitions.chunks_mut(ner::LABELS) {
        row[0] = row[0].saturating_sub(penalty);
    }
    m
}

/// F1 on both dev sets, averaged over `--seeds` training orders, with the transitions into `O`
/// lowered by each of a grid of penalties.
fn o_penalty_grid(o: &Options, c: &Corpora) -> Result<()> {
    const PENALTIES: [i16; 8] = [0, 5, 10, 15, 20, 30, 40, 60];
    let mut sum = [[0.0f64; 2]; PENALTIES.len()];
    for k in 0..o.seeds {
        let config = TrainConfig {
            seed: o.config.seed.wrapping_add(k as u64),
            ..o.config.clone()
        };
        let model = Model::from_bytes(&train::train(&c.train, &config).to_bytes())?;
        let model = train::with_own_seen(model, &c.train);
        for (row, &p) in sum.iter_mut().zip(&PENALTIES) {
            let m = with_o_penalty(&model, p);
            for (x, dev) in row.iter_mut().zip([&c.dev_news, &c.dev_wiki]) {
                let f1 = evaluate(&m, dev, Domain::PerInput, o.pass).0.f1();
                *x += f1 / o.seeds as f64;
            }
        }
    }
    println!(
        "O penalty: F1 news, F1 wiki (mean of {} training orders)",
        o.seeds
    );
    for (row, p) in sum.iter().zip(PENALTIES) {
        println!("{p:>5} {:>8.2} {:>8.2}", row[0], row[1]);
    }
    Ok(())
}

/// The ablation table: each lever switched off in turn (and each group the shipped model
/// leaves out switched on), then the other trainer and the other tag encoding, F1 on both dev
/// sets averaged over `--seeds` training orders.
fn ablate(o: &Options, c: &Corpora) -> Result<()> {
    // Mean F1 (news, wiki) over the seeds: with the document pass, without it, and with the
    // heuristic one (issue 10; the stacked pass is the shipped `stack.bin`, trained for the
    // shipped levers).
    let score = |corpora: &Corpora, config: &TrainConfig| -> Result<[f64; 6]> {
        let mut sum = [0.0; 6];
        for k in 0..o.seeds {
            let config = TrainConfig {
                seed: config.seed.wrapping_add(k as u64),
                ..config.clone()
            };
            let start = Instant::now();
            let model = train::train(&corpora.train, &config);
            let secs = start.elapsed().as_secs_f64();
            let bytes = model.to_bytes();
            // The list of names the stacked pass reads: this training text's, not the shipped.
            let model = train::with_own_seen(Model::from_bytes(&bytes)?, &corpora.train);
            let f1 = |dev: &[Sentence], pass| evaluate(&model, dev, Domain::PerInput, pass).0.f1();
            let row = [
                f1(&corpora.dev_news, o.pass),
                f1(&corpora.dev_wiki, o.pass),
                f1(&corpora.dev_news, DocumentPass::Off),
                f1(&corpora.dev_wiki, DocumentPass::Off),
                f1(&corpora.dev_news, HEURISTIC),
                f1(&corpora.dev_wiki, HEURISTIC),
            ];
            println!(
                "  seed {}: F1 news {:.2}, wiki {:.2}; trained in {secs:.1}s; model {} bytes",
                config.seed,
                row[0],
                row[1],
                bytes.len()
            );
            for (s, r) in sum.iter_mut().zip(row) {
                *s += r / o.seeds as f64;
            }
        }
        Ok(sum)
    };
    let base = score(c, &o.config)?;
    println!(
        "F1 averaged over {} training order(s) (seeds {}..), tags {}; the document pass is on except in its own row",
        o.seeds,
        o.config.seed,
        o.config.scheme.name()
    );
    println!(
        "{:<28} {:>8} {:>7} {:>8} {:>7}",
        "variant", "F1 news", "delta", "F1 wiki", "delta"
    );
    let row = |name: &str, n: f64, w: f64| {
        println!(
            "{name:<28} {n:>8.2} {:>+7.2} {w:>8.2} {:>+7.2}",
            n - base[0],
            w - base[1]
        );
    };
    println!(
        "{:<28} {:>8.2} {:>7} {:>8.2} {:>7}",
        "shipped levers", base[0], "", base[1], ""
    );
    row("without document pass", base[2], base[3]);
    row("heuristic document pass", base[4], base[5]);
    let mut variants: Vec<(String, TrainConfig, bool)> = Vec::new();
    let levers = o
        .levers
        .clone()
        .unwrap_or_else(|| Group::ALL.iter().map(|&g| vec![g]).collect());
    for groups in levers {
        let set = o.config.features;
        let mut features = set;
        let mut names = Vec::new();
        for g in groups {
            if set.has(g) {
                names.push(format!("without {}", g.name()));
                features = features.without(g);
            } else {
                names.push(format!("with {}", g.name()));
                features = features.with(g);
            }
        }
        let name = names.join(", ");
        let config = TrainConfig {
            features,
            ..o.config.clone()
        };
        variants.push((name, config, true));
    }
    if o.levers.is_some() {
        // Only the variants asked for.
        return run_variants(c, variants, &score, row);
    }
    variants.push((
        "without domain copies".to_owned(),
        TrainConfig {
            domains: false,
            ..o.config.clone()
        },
        true,
    ));
    variants.push(("without WikiFANE".to_owned(), o.config.clone(), false));
    // The structured model's two choices (issue 10): the trainer and the tag encoding.
    let other_trainer = match o.config.crf {
        Some(_) => ("perceptron instead of CRF", None),
        None => (
            "CRF instead of perceptron",
            Some(ner::crf::CrfConfig::default()),
        ),
    };
    variants.push((
        other_trainer.0.to_owned(),
        TrainConfig {
            crf: other_trainer.1,
            ..o.config.clone()
        },
        true,
    ));
    let other_scheme = match o.config.scheme {
        ner::Scheme::Bios => ner::Scheme::Bio,
        ner::Scheme::Bio => ner::Scheme::Bios,
    };
    variants.push((
        format!(
            "tags {} instead of {}",
            other_scheme.name(),
            o.config.scheme.name()
        ),
        TrainConfig {
            scheme: other_scheme,
            ..o.config.clone()
        },
        true,
    ));
    run_variants(c, variants, &score, row)
}

/// Scores each ablation variant (name, training options, whether WikiFANE is trained on) and
/// prints its row.
fn run_variants(
    c: &Corpora,
    variants: Vec<(String, TrainConfig, bool)>,
    score: &dyn Fn(&Corpora, &TrainConfig) -> Result<[f64; 6]>,
    row: impl Fn(&str, f64, f64),
) -> Result<()> {
    for (name, config, with_wiki) in variants {
        let scores = if with_wiki {
            score(c, &config)?
        } else {
            let news_only = Corpora {
                train: c.train.iter().filter(|s| s.domain == 0).cloned().collect(),
                dev_news: c.dev_news.clone(),
                dev_wiki: c.dev_wiki.clone(),
            };
            score(&news_only, &config)?
        };
        row(&name, scores[0], scores[1]);
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
            ner::tag_scored_in(model, &words, Some(0))
        })
        .collect();
    println!("{:>9} {:>7} {:>7} {:>7}", "min-margin", "P", "R", "F1");
    for t in [0.0f32, 6.0, 12.0, 20.0, 30.0, 40.0, 60.0, 80.0, 120.0] {
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
