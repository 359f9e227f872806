//! `cargo xtask bench`: tokens per second over the ANERcorp training text and full analysis time
//! of the bundled article, natively in release mode (re-runs itself with `--release` when built
//! in debug). `cargo xtask bench --wasm` runs the same in headless Chromium (the root crate's
//! `tests/wasm_bench.rs`, feature `bench`). Prints tables; never asserts on time.

use anyhow::{Context, Result, bail};
use khabar_nlp::{clitic, sentence, structure, token};
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<()> {
    let (mut wasm_too, mut debug) = (false, false);
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("wasm") => wasm_too = true,
            lexopt::Arg::Long("debug") => debug = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    if wasm_too {
        return wasm();
    }
    if cfg!(debug_assertions) && !debug {
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(crate::root())
            .args(["run", "--quiet", "--release", "-p", "xtask", "--", "bench"])
            .args(args)
            .status()
            .context("running the release build of xtask")?;
        if !status.success() {
            bail!("release bench failed");
        }
        return Ok(());
    }
    let corpus_path = crate::eval_clitics::anercorp_train();
    let corpus = corpus_text(
        &std::fs::read_to_string(&corpus_path)
            .with_context(|| format!("{}", corpus_path.display()))?,
    );
    let article_path = crate::root().join("articles/biden-putin-summit.txt");
    let article = std::fs::read_to_string(&article_path)?;

    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "khabar text-core bench (native, {profile}); corpus {}",
        corpus_path.display()
    );
    println!(
        "{:<28} {:>12} {:>10} {:>10} {:>16}",
        "stage", "input", "runs", "ms/run", "rate"
    );
    let tokens = token::tokenize(&corpus);
    let n_tokens = tokens.len();
    let mb = corpus.len() as f64 / 1e6;
    let t = time(|| token::tokenize(&corpus).len());
    row(
        "tokenize",
        &format!("{mb:.2} MB"),
        t,
        n_tokens as f64,
        "tokens/s",
    );
    let t = time(|| sentence::split(&corpus, &tokens).len());
    row(
        "sentence::split",
        &format!("{n_tokens} tok"),
        t,
        n_tokens as f64,
        "tokens/s",
    );
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == token::TokenKind::Arabic)
        .map(|t| t.span.slice(&corpus))
        .collect();
    let t = time(|| {
        words
            .iter()
            .map(|w| clitic::best(w).stem.len())
            .sum::<usize>()
    });
    row(
        "clitic::best",
        &format!("{} words", words.len()),
        t,
        words.len() as f64,
        "words/s",
    );
    // The NER tagger (issue 10) over the corpus's first 300 lines (sentences), news features.
    let sentences: Vec<Vec<&str>> = corpus
        .lines()
        .take(300)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let n_words: usize = sentences.iter().map(Vec::len).sum();
    let t = time(|| {
        sentences
            .iter()
            .map(|s| khabar_nlp::ner::tag(s).len())
            .sum::<usize>()
    });
    row(
        "ner::tag",
        &format!("{n_words} tok"),
        t,
        n_words as f64,
        "tokens/s",
    );
    let t = time(|| structure::parse_plain(&corpus).len());
    row(
        "structure::parse_plain",
        &format!("{mb:.2} MB"),
        t,
        mb,
        "MB/s",
    );
    let config = khabar_nlp::Config {
        reference_date: Some(khabar_nlp::Date::constant(2021, 4, 16)),
    };
    let t = time(|| khabar_nlp::analyze(&article, &config).entities.len());
    let kb = article.len() as f64 / 1e3;
    row(
        "analyze (bundled article)",
        &format!("{kb:.1} KB"),
        t,
        1.0,
        "articles/s",
    );
    Ok(())
}

/// The running text of the CoNLL-style corpus: tokens joined by spaces, a line per sentence.
fn corpus_text(conll: &str) -> String {
    let mut text = String::with_capacity(conll.len());
    for line in conll.lines() {
        match line.rsplit_once(' ') {
            Some((word, _)) if !word.is_empty() => {
                text.push_str(word);
                text.push(' ');
            }
            _ => text.push('\n'),
        }
    }
    text
}

/// Mean time per run: at least 3 runs and about a second in all.
fn time<T>(mut f: impl FnMut() -> T) -> (usize, Duration) {
    let start = Instant::now();
    let mut runs = 0;
    while runs < 3 || start.elapsed() < Duration::from_secs(1) {
        std::hint::black_box(f());
        runs += 1;
    }
    (runs, start.elapsed() / runs as u32)
}

fn row(stage: &str, input: &str, (runs, per_run): (usize, Duration), units: f64, unit: &str) {
    let secs = per_run.as_secs_f64();
    println!(
        "{stage:<28} {input:>12} {runs:>10} {:>10.2} {:>16}",
        secs * 1e3,
        format!("{:.0} {unit}", units / secs)
    );
}

/// Runs `tests/wasm_bench.rs` in headless Chromium (release build, wasm-bindgen-test-runner and
/// chromedriver on PATH or in `CHROMEDRIVER`).
fn wasm() -> Result<()> {
    let corpus = crate::root().join("crates/khabar-nlp/data/anercorp/train.txt");
    if !corpus.exists() {
        bail!(
            "the wasm bench compiles in {} (the repository copy of ANERcorp)",
            corpus.display()
        );
    }
    let caps = std::env::temp_dir().join("khabar-bench-webdriver.json");
    std::fs::write(
        &caps,
        r#"{"goog:chromeOptions": {"args": ["--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]}}"#,
    )?;
    let chromedriver =
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(crate::root())
        .env("CHROMEDRIVER", chromedriver)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &caps)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "600")
        .args([
            "test",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "khabar",
        ])
        .args([
            "--features",
            "bench",
            "--test",
            "wasm_bench",
            "--",
            "--nocapture",
        ])
        .status()
        .context("running the wasm bench")?;
    if !status.success() {
        bail!("wasm bench failed");
    }
    Ok(())
}
