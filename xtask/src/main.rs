//! Project automation: `cargo xtask serve | test | dist | train-ner | eval-ner | eval-time |
//! eval-clitics | bench`.
//!
//! Each subcommand lives in its own module with a `run(args)` entry point.

mod bench;
mod eval_clitics;
mod eval_time;
mod ner;
mod ner_tables;
mod serve;
mod test;
mod tools;
mod wikifane;

use anyhow::{Result, bail};

const USAGE: &str = "usage: cargo xtask <command>

  serve                 build the explorer (release) and serve it on localhost
  test                  fmt, clippy (host + wasm32), native tests, wasm tests, release build, e2e
  dist [--public-url P] release build into dist/, working under the subpath P
  train-ner             retrain the NER model deterministically
  eval-ner              entity-level P/R/F1 per type on the two NER dev sets (--ablate: levers)
  ner-clusters          recompute the NER word clusters from the training text
  ner-gazetteer         convert the NERAr name lists into the NER gazetteer table
  eval-time             span F1 and value accuracy of time expressions on the gold set
  eval-clitics          clitic segmentation accuracy on the word list
  bench                 tokens per second and analysis time, native (and wasm)";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        bail!("{USAGE}");
    };
    match command.as_str() {
        "serve" => serve::run(rest),
        "dist" => serve::dist(rest),
        "test" => test::run(rest),
        "train-ner" => ner::train(rest),
        "eval-ner" => ner::eval(rest),
        "ner-clusters" => ner_tables::clusters(rest),
        "ner-gazetteer" => ner_tables::gazetteer(rest),
        "eval-time" => eval_time::run(rest),
        "eval-clitics" => eval_clitics::run(rest),
        "bench" => bench::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command '{other}'\n{USAGE}"),
    }
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> std::path::PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
