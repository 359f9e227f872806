//! Project automation: `cargo xtask serve | test | dist | train-ner | eval-ner | ner-clusters |
//! ner-gazetteer | eval-time | eval-clitics | bench | fuzz`.
//!
//! Each subcommand lives in its own module with a `run(args)` entry point that reads its flags
//! with [`lexopt`] (the one argument parser of xtask). A flag a subcommand does not know, a
//! missing or malformed value, or an unknown subcommand is a usage error: xtask prints the error
//! and the subcommand's usage line on stderr and exits with code 2.

mod bench;
mod bench_firstview;
mod eval_clitics;
mod eval_time;
mod fonts;
mod fuzz;
mod ner;
mod ner_stack;
mod ner_tables;
mod serve;
mod size;
mod test;
mod tools;
mod wikifane;

use anyhow::Result;
use std::process::ExitCode;

/// One line per subcommand: `name [flags]` and what it does. A usage error prints the line of
/// the subcommand it was about.
const USAGE: &str = "usage: cargo xtask <command> [flags]

  serve [--port N] [--address A]
                        build the explorer (release) and serve it on localhost
  test [STEP…]          fmt, clippy (host + wasm32), native tests, wasm tests, release build, e2e
  dist [--public-url P] release build into dist/, working under the subpath P
  train-ner [--epochs N] [--min-count N] [--without G,…] [--with G,…] [--no-wikifane]
            [--wiki-fraction F] [--wiki-map FILE] [--no-glue] [--no-domains] [--shared-only]
            [--prune N] [--seed N] [--tags bios|bio] [--trainer crf|perceptron]
            [--crf-epochs N] [--l2 X] [--rate X] [--cost X] [--recall-cost X]
            [--stack-folds N] [--stack-doc-tokens N] [--stack-l2 X] [--stack-cost X] [--stack-recall-cost X] [--stack-epochs N]
                        retrain the NER model and its stacked document pass deterministically
                        (ANERcorp + WikiFANE)
  eval-ner [the flags of train-ner] [--write-dev PREFIX] [--ablate [--seeds N]] [--levers G,…]
           [--margins] [--write-model] [--shipped] [--curve]
           [--consistency M,B | --heuristic-pass | --no-consistency]
           [--consistency-grid] [--write-pred PREFIX] [--o-penalty-grid]
           [--float] [--stack] [--bag]
                        entity-level P/R/F1 per type on the two NER dev sets (news, Wikipedia)
  ner-clusters          recompute the NER word clusters and domain words from the training text
  ner-gazetteer [--geonames FILE]
                        convert the NERAr and GeoNames name lists into the NER gazetteer tables
                        (--geonames: first extract the Arabic place names from cities500.json)
  eval-time [--failures]
                        span F1 and value accuracy of time expressions on the gold set
  eval-clitics [--verbose | --derive-lexicon]
                        clitic segmentation accuracy on the word list
  bench [--native | --wasm | --batch] [--quick] [--debug] [--first-view [--no-build]]
                        scaling 10 KB-10 MB, stages, bundled article, batch CLI, wasm;
                        --first-view: page load and a 1 MB paste in headless Chromium
  fonts                 regenerate the webfont subsets in assets/fonts (npm + PyPI fonttools)
  fuzz [TARGET] [--minutes N]
                        fuzz one target (analyze, html, ner_model, …) or each for N minutes (10)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map_or("", String::as_str);
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.downcast_ref::<lexopt::Error>().is_some() => {
            eprintln!("error: {e}");
            eprintln!("{}", usage_of(command));
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        return Err(lexopt::Error::from("a command is needed").into());
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
        "fonts" => fonts::run(rest),
        "fuzz" => fuzz::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(lexopt::Error::from(format!("unknown command '{other}'")).into()),
    }
}

/// The usage line(s) of `command` (with the lines that continue it), or all of [`USAGE`].
fn usage_of(command: &str) -> String {
    let mut lines = USAGE.lines().skip(1);
    let prefix = format!("  {command} ");
    let exact = format!("  {command}");
    let Some(first) =
        lines.find(|l| !command.is_empty() && (l.starts_with(&prefix) || *l == exact))
    else {
        return USAGE.to_owned();
    };
    let continued = lines.take_while(|l| l.starts_with("    "));
    let mut out = format!("usage: cargo xtask {}", first.trim_start());
    for line in continued {
        out.push('\n');
        out.push_str(line);
    }
    out
}

/// The workspace root (the parent of `xtask/`).
pub fn root() -> std::path::PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand of `USAGE`.
    const COMMANDS: [&str; 11] = [
        "serve",
        "test",
        "dist",
        "train-ner",
        "eval-ner",
        "ner-clusters",
        "ner-gazetteer",
        "eval-time",
        "eval-clitics",
        "bench",
        "fuzz",
    ];

    // Issue 14: every subcommand has a usage line, and unknown flags are usage errors.
    #[test]
    fn every_command_has_a_usage_line() {
        for command in COMMANDS {
            let usage = usage_of(command);
            assert!(
                usage.starts_with(&format!("usage: cargo xtask {command}")),
                "{command}: {usage}"
            );
        }
        assert_eq!(usage_of("nonsense"), USAGE);
    }

    #[test]
    fn unknown_flags_are_usage_errors() {
        let flag = |command: &str| {
            let args = [command.to_owned(), "--no-such-flag".to_owned()];
            run(&args)
                .err()
                .map(|e| e.downcast_ref::<lexopt::Error>().is_some())
        };
        for command in COMMANDS.iter().chain(&["no-such-command"]) {
            assert_eq!(flag(command), Some(true), "{command}");
        }
    }
}
