//! `cargo xtask fuzz [TARGET] [--minutes N]` and the `fuzz-smoke` step of `cargo xtask test`
//! (issue 15): the cargo-fuzz targets of `fuzz/` with libFuzzer.
//!
//! CI machines have one Rust toolchain, stable, and cannot fetch another, so cargo-fuzz runs on
//! stable with `RUSTC_BOOTSTRAP=1` (which lets stable rustc take the `-Z` flags cargo-fuzz passes:
//! the sanitizer-coverage passes, `-Zsanitizer=address`; stable's rust-std ships the address
//! sanitizer runtime). Long runs use AddressSanitizer; the smoke run builds without a sanitizer
//! (`-s none`), which halves its build and run time: the analysis is safe Rust, so what the smoke
//! run looks for is panics and broken invariants, not memory errors.
//!
//! Every target's corpus (`fuzz/corpus/TARGET`, not committed) is seeded from the repository:
//! the articles and golden texts, the HTML test pages, a small model made from the shipped NER
//! model, and each target's committed regression inputs (`fuzz/regressions/TARGET`, every one a
//! crash or broken invariant once found), so that every smoke run replays them.

use crate::tools::{self, Tools};
use anyhow::{Context, Result, bail};
use lexopt::ValueExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fuzz targets (binaries of `fuzz/Cargo.toml`).
pub const TARGETS: &[&str] = &["analyze", "html", "ner_model", "share_link", "bundle"];

/// Executions per target in the smoke run: a fixed number with a fixed seed (not a duration), so
/// the run does the same work on every machine. About 40 s in all on a loaded 2-core machine
/// after the build (most of it `analyze`, which runs the whole pipeline per input).
const SMOKE_RUNS: &[(&str, u32)] = &[
    ("analyze", 2_000),
    ("html", 200_000),
    ("ner_model", 100_000),
    ("share_link", 200_000),
    ("bundle", 20_000),
];

/// The exit status of a libFuzzer run that found a failing input (crash, timeout, out of memory).
const FINDING_EXIT: i32 = 77;

/// The libFuzzer flags of every run: a 30 s timeout per input (a hang is a finding; the work
/// bound of the invariants catches slow inputs earlier and without a clock), a memory limit, and
/// one exit status for every kind of finding.
const LIBFUZZER_FLAGS: &[&str] = &[
    "-timeout=30",
    "-rss_limit_mb=2048",
    "-print_final_stats=1",
    "-error_exitcode=77",
    "-timeout_exitcode=77",
];

/// `cargo xtask fuzz [TARGET] [--minutes N]`: fuzzes one target (or each in turn) for N minutes
/// (10 by default), with AddressSanitizer; `--minutes 0` seeds the corpus and replays it once.
pub fn run(args: &[String]) -> Result<()> {
    let mut target = None;
    let mut minutes: u32 = 10;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("minutes") => minutes = parser.value()?.parse()?,
            lexopt::Arg::Value(name) if target.is_none() => {
                let name = name.string()?;
                if !TARGETS.contains(&name.as_str()) {
                    let message = format!(
                        "unknown fuzz target '{name}' (targets: {})",
                        TARGETS.join(", ")
                    );
                    return Err(lexopt::Error::from(message).into());
                }
                target = Some(name);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let tools = tools::ensure(tools::Needs {
        fuzz: true,
        ..tools::Needs::default()
    })?;
    let targets: Vec<&str> = match &target {
        Some(t) => vec![t.as_str()],
        None => TARGETS.to_vec(),
    };
    build(&tools, Sanitizer::Address)?;
    for target in targets {
        let corpus = seed(target)?;
        println!(
            "[fuzz] {target}: {minutes} min, corpus {}",
            corpus.display()
        );
        // 0 minutes: only seed the corpus and run every input in it once.
        let flag = match minutes {
            0 => "-runs=0".to_owned(),
            n => format!("-max_total_time={}", u64::from(n) * 60),
        };
        fuzz(&tools, target, Sanitizer::Address, &corpus, &[&flag])?;
    }
    Ok(())
}

/// The `fuzz-smoke` step: builds every target without a sanitizer and runs each for a fixed
/// number of executions from its seeded corpus (which replays every committed regression input).
pub fn smoke(tools: &Tools) -> Result<()> {
    build(tools, Sanitizer::None)?;
    for &target in TARGETS {
        let runs = SMOKE_RUNS
            .iter()
            .find(|(t, _)| *t == target)
            .map_or(1_000, |(_, n)| *n);
        // A fresh corpus of the seeds alone, so that the run is the same on every machine (and
        // does not read or grow the long runs' corpus).
        let scratch = fuzz_dir().join("target-smoke").join(target);
        if scratch.exists() {
            std::fs::remove_dir_all(&scratch)
                .with_context(|| format!("clearing {}", scratch.display()))?;
        }
        write_seeds(&scratch, seeds(target)?)?;
        let runs = format!("-runs={runs}");
        fuzz(
            tools,
            target,
            Sanitizer::None,
            &scratch,
            &[&runs, "-seed=1"],
        )?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sanitizer {
    Address,
    None,
}

impl Sanitizer {
    fn name(self) -> &'static str {
        match self {
            Sanitizer::Address => "address",
            Sanitizer::None => "none",
        }
    }
}

fn fuzz_dir() -> PathBuf {
    crate::root().join("fuzz")
}

/// The target directory of a sanitizer's build (under the workspace's `target/`, so CI caches it
/// with the rest).
fn target_dir(sanitizer: Sanitizer) -> PathBuf {
    crate::root().join("target/fuzz").join(sanitizer.name())
}

/// `cargo fuzz` on stable, run in `fuzz/`.
fn cargo_fuzz(tools: &Tools, args: &[&str], sanitizer: Sanitizer) -> Command {
    let mut cmd = tools.command("cargo");
    cmd.current_dir(fuzz_dir())
        .env("RUSTC_BOOTSTRAP", "1")
        .arg("fuzz")
        .args(args)
        .args(["-s", sanitizer.name(), "--target-dir"])
        .arg(target_dir(sanitizer));
    cmd
}

fn build(tools: &Tools, sanitizer: Sanitizer) -> Result<()> {
    let status = cargo_fuzz(tools, &["build"], sanitizer)
        .status()
        .context("starting cargo fuzz build")?;
    if !status.success() {
        bail!("cargo fuzz build failed ({status})");
    }
    Ok(())
}

fn fuzz(
    tools: &Tools,
    target: &str,
    sanitizer: Sanitizer,
    corpus: &Path,
    flags: &[&str],
) -> Result<()> {
    let artifacts = fuzz_dir().join("artifacts").join(target);
    std::fs::create_dir_all(&artifacts)?;
    let mut cmd = cargo_fuzz(tools, &["run", target], sanitizer);
    cmd.arg(corpus)
        .arg("--")
        .args(LIBFUZZER_FLAGS)
        .args(flags)
        .arg(format!("-artifact_prefix={}/", artifacts.display()));
    let status = cmd.status().context("starting cargo fuzz run")?;
    match status.code() {
        Some(0) => Ok(()),
        Some(FINDING_EXIT) => bail!(
            "fuzz target {target} found a failing input: it is in {}; commit it to \
             fuzz/regressions/{target}/ with a fix",
            artifacts.display()
        ),
        _ => bail!("cargo fuzz run {target} failed ({status})"),
    }
}

/// Fills `fuzz/corpus/TARGET` with the target's seeds (kept: what earlier runs found stays) and
/// returns it.
fn seed(target: &str) -> Result<PathBuf> {
    let corpus = fuzz_dir().join("corpus").join(target);
    write_seeds(&corpus, seeds(target)?)?;
    Ok(corpus)
}

/// Writes `seeds` into `dir`, each named after its hash.
fn write_seeds(dir: &Path, seeds: Vec<Vec<u8>>) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for seed in seeds {
        let name = format!("seed-{:016x}", khabar_nlp::ner::features::fnv64(&seed));
        std::fs::write(dir.join(name), &seed)?;
    }
    Ok(())
}

/// The seeds of `target`: texts, pages, models, links or bundles made from the repository, and
/// the target's committed regression inputs.
fn seeds(target: &str) -> Result<Vec<Vec<u8>>> {
    let root = crate::root();
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    let texts = files_under(&root.join("crates/khabar-nlp/test_data"), "txt")?
        .into_iter()
        .chain(files_under(&root.join("articles"), "txt")?);
    match target {
        "analyze" => {
            for path in texts {
                seeds.push(std::fs::read(&path)?);
            }
        }
        "html" => {
            for path in files_under(&root.join("crates/khabar-nlp/test_data"), "html")? {
                seeds.push(std::fs::read(&path)?);
            }
            for path in texts.filter(|p| p.to_string_lossy().contains("structure")) {
                seeds.push(std::fs::read(&path)?);
            }
        }
        "ner_model" => {
            seeds.extend(model_seeds()?);
            // Issue 10: the stacked document pass's file.
            seeds.push(khabar_nlp::ner::assets::STACK.to_vec());
        }
        "share_link" | "bundle" => {
            let article = std::fs::read_to_string(root.join("articles/biden-putin-summit.txt"))?;
            seeds.extend(share_seeds(target, &article));
        }
        other => bail!("no seeds for fuzz target {other}"),
    }
    for path in files_under(&fuzz_dir().join("regressions").join(target), "")? {
        seeds.push(std::fs::read(&path)?);
    }
    Ok(seeds)
}

/// Small models made from the shipped one (the first 64 and 1 weights, and none): the real
/// header, notice and transitions, with a model file short enough to mutate quickly.
fn model_seeds() -> Result<Vec<Vec<u8>>> {
    use khabar_nlp::ner::{MODEL_BYTES, model::Model};
    let model = Model::from_bytes(MODEL_BYTES).context("reading the shipped NER model")?;
    Ok([64, 1, 0]
        .into_iter()
        .map(|n| {
            let mut small = model.clone();
            small.keys.truncate(n);
            small.weights.truncate(n);
            small.to_bytes()
        })
        .collect())
}

/// Links and bundles the share crate writes: of the bundled article and of its first lines,
/// with selections, filters and settings, and version-0 and unknown-version fragments.
fn share_seeds(target: &str, article: &str) -> Vec<Vec<u8>> {
    use khabar_share::{bundle, link};
    let short: String = article.lines().take(3).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    for text in [short.as_str(), article] {
        let date = khabar_nlp::dateline_date(text).map(|d| d.to_string());
        if target == "bundle" {
            let config = khabar_nlp::Config::default();
            let analysis = khabar_nlp::analyze(text, &config);
            let b = bundle::Bundle::new(text, date.as_deref(), &analysis);
            out.push(bundle::write(&b).into_bytes());
            continue;
        }
        let views = [
            link::SharedView {
                article: link::Article::Text(text.to_owned()),
                date: date.clone(),
                selection: link::Selection::Entity {
                    id: "e1".to_owned(),
                    mention: 2,
                },
                group: Some("people".to_owned()),
                search: "بوتين".to_owned(),
                view: Some("reader".to_owned()),
                lang: Some("en".to_owned()),
            },
            link::SharedView {
                article: link::Article::Slug("biden-putin-summit".to_owned()),
                date,
                selection: link::Selection::Event {
                    id: "v3".to_owned(),
                },
                ..link::SharedView::default()
            },
        ];
        for view in views {
            out.push(link::encode(&view).into_bytes());
        }
    }
    if target == "share_link" {
        for legacy in ["entity=e1&mention=2", "#event=v1", "", "v=2&x=1"] {
            out.push(legacy.as_bytes().to_vec());
        }
    }
    out
}

/// The files under `dir` (recursively) whose extension is `ext` (any when empty), sorted; none
/// when `dir` does not exist.
fn files_under(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if ext.is_empty() || path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 15: every target of fuzz/Cargo.toml is fuzzed and smoke-tested, and has seeds.
    #[test]
    fn every_fuzz_target_is_run_and_seeded() {
        let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
        let declared: Vec<&str> = manifest
            .lines()
            .filter_map(|l| l.strip_prefix("name = \""))
            .filter_map(|l| l.strip_suffix('"'))
            .filter(|n| *n != "khabar-fuzz")
            .collect();
        assert_eq!(declared, TARGETS);
        for target in TARGETS {
            assert!(SMOKE_RUNS.iter().any(|(t, _)| t == target), "{target}");
        }
        let seeds = model_seeds().unwrap();
        assert!(seeds.iter().all(|s| s.len() < 4096), "small model seeds");
    }
}
