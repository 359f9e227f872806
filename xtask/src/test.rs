//! `cargo xtask test`: every check CI runs, in order, with one line per step and a summary.
//!
//! Steps: tools (install what is missing), fmt, clippy on host and wasm32, native tests, a smoke
//! run of every fuzz target, wasm tests in headless Chromium, the release build (with the prerendered pages), the first-view
//! size budget, end-to-end tests of `dist/` in Chromium.
//! `cargo xtask test STEP…` runs only the named steps (e.g. `cargo xtask test e2e`). The run
//! stops at the first failing step and always ends with `summary: N passed, N failed`.

use crate::tools::{self, Needs, Tools};
use anyhow::{Context, Result, bail};
use lexopt::ValueExt;
use std::process::Command;
use std::time::Instant;

/// The steps, in the order they run.
const STEPS: &[&str] = &[
    "tools",
    "fmt",
    "clippy-host",
    "clippy-wasm",
    "native-tests",
    "fuzz-smoke",
    "wasm-tests",
    "trunk-build",
    "budget",
    "e2e",
    "e2e-subpath",
];

/// Runs the steps (all, or those named in `args`).
pub fn run(args: &[String]) -> Result<()> {
    let mut named = Vec::new();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Value(step) => {
                let step = step.string()?;
                if !STEPS.contains(&step.as_str()) {
                    let message = format!("unknown step '{step}' (steps: {})", STEPS.join(", "));
                    return Err(lexopt::Error::from(message).into());
                }
                named.push(step);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let selected: Vec<&str> = STEPS
        .iter()
        .copied()
        .filter(|s| named.is_empty() || named.iter().any(|a| a == s))
        .collect();
    let start = Instant::now();
    let mut tools: Option<Tools> = None;
    let mut passed = Vec::new();
    let mut failure = None;
    for (i, step) in selected.iter().enumerate() {
        println!("==> xtask test [{}/{}] {step}", i + 1, selected.len());
        let step_start = Instant::now();
        // Every step needs the tools' PATH; installing is the `tools` step's job.
        let result = match &tools {
            Some(t) => run_step(step, t),
            None => tools::ensure(Needs {
                trunk: true,
                browser: true,
                fuzz: true,
            })
            .and_then(|t| {
                let r = if *step == "tools" {
                    Ok(())
                } else {
                    run_step(step, &t)
                };
                tools = Some(t);
                r
            }),
        };
        let took = tools::elapsed(step_start);
        match result {
            Ok(()) => {
                println!("==> {step} ok ({took})");
                passed.push(format!("{step} {took}"));
            }
            Err(e) => {
                println!("==> {step} FAILED ({took}): {e:#}");
                failure = Some((*step, i));
                break;
            }
        }
    }
    let total = tools::elapsed(start);
    match failure {
        None => {
            println!(
                "xtask test: {} steps passed in {total} ({})",
                passed.len(),
                passed.join(", ")
            );
            println!("summary: {} passed, 0 failed", passed.len());
            Ok(())
        }
        Some((step, i)) => {
            let skipped = selected.len() - i - 1;
            println!("xtask test: step '{step}' failed after {total}");
            println!(
                "summary: {} passed, 1 failed, {skipped} skipped",
                passed.len()
            );
            std::process::exit(1);
        }
    }
}

fn run_step(step: &str, tools: &Tools) -> Result<()> {
    let wasm = tools::WASM_TARGET;
    match step {
        "tools" => Ok(()),
        "fmt" => cargo(tools, &["fmt", "--all", "--check"]),
        "clippy-host" => cargo(
            tools,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--features",
                "khabar/e2e,khabar/prerender",
                "--",
                "-D",
                "warnings",
            ],
        ),
        "clippy-wasm" => {
            // The app with its wasm tests; the nlp crate's library only (its native test
            // dependencies, proptest's RNG among them, do not build for wasm32).
            let lint = ["--", "-D", "warnings"];
            // With `bench`, so that the wasm benchmark (`tests/wasm_bench.rs`) is compiled too.
            let app = [
                "clippy",
                "--target",
                wasm,
                "-p",
                "khabar",
                "--all-targets",
                "--features",
                "bench",
            ];
            cargo(tools, &[&app[..], &lint[..]].concat())?;
            let nlp = ["clippy", "--target", wasm, "-p", "khabar-nlp", "--lib"];
            cargo(tools, &[&nlp[..], &lint[..]].concat())
        }
        "native-tests" => {
            if has_nextest(tools) {
                cargo(
                    tools,
                    &[
                        "nextest",
                        "run",
                        "--workspace",
                        "--features",
                        "khabar/prerender",
                        "--no-fail-fast",
                    ],
                )?;
            } else {
                cargo(
                    tools,
                    &[
                        "test",
                        "--workspace",
                        "--features",
                        "khabar/prerender",
                        "--no-fail-fast",
                        "--lib",
                        "--bins",
                        "--tests",
                    ],
                )?;
            }
            // nextest does not run doc tests.
            cargo(tools, &["test", "--workspace", "--doc"])
        }
        // Issue 15: every fuzz target, a fixed number of runs from its seeds and regressions.
        "fuzz-smoke" => crate::fuzz::smoke(tools),
        "wasm-tests" => {
            let mut cmd = cargo_command(tools, &["test", "--target", wasm, "-p", "khabar"]);
            cmd.env("CHROMEDRIVER", driver(tools)?)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "300");
            check(&mut cmd, "wasm tests")
        }
        "trunk-build" => {
            crate::serve::build(tools, None)?;
            crate::serve::print_sizes(&crate::root().join("dist"))
        }
        // Issue 12: the first view must stay within its budget.
        "budget" => crate::size::check_budget(&crate::root().join("dist")),
        "e2e" => {
            let dist = crate::root().join("dist");
            if !dist.join("index.html").is_file() {
                bail!("dist/index.html is missing: run the trunk-build step first");
            }
            e2e(tools, &dist, None)
        }
        // Issue 12: the site built for a subpath, served under it, passes the same tests.
        "e2e-subpath" => {
            let dist = crate::root().join("target/dist-subpath");
            crate::serve::build_into(tools, Some(SUBPATH), Some(&dist))?;
            e2e(tools, &dist, Some(SUBPATH))
        }
        other => bail!("unknown step {other}"),
    }
}

/// The subpath of the `e2e-subpath` step.
const SUBPATH: &str = "/khabar/";

/// The end-to-end tests against the site in `dist`, served under `public_url` (or `/`).
fn e2e(tools: &Tools, dist: &std::path::Path, public_url: Option<&str>) -> Result<()> {
    let mut cmd = cargo_command(
        tools,
        &["test", "-p", "khabar", "--features", "e2e", "--test", "e2e"],
    );
    cmd.env("KHABAR_DIST", dist)
        .env("CHROMEDRIVER", driver(tools)?)
        .env("CHROMIUM", tools.chromium.as_ref().context("chromium")?);
    if let Some(url) = public_url {
        cmd.env("KHABAR_PUBLIC_URL", url);
    }
    check(&mut cmd, "end-to-end tests")
}

fn driver(tools: &Tools) -> Result<&std::path::Path> {
    tools
        .chromedriver
        .as_deref()
        .context("chromedriver was not set up")
}

fn has_nextest(tools: &Tools) -> bool {
    tools
        .command("cargo")
        .args(["nextest", "--version"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn cargo_command(tools: &Tools, args: &[&str]) -> Command {
    let mut cmd = tools.command("cargo");
    cmd.args(args);
    cmd
}

fn cargo(tools: &Tools, args: &[&str]) -> Result<()> {
    check(
        &mut cargo_command(tools, args),
        &format!("cargo {}", args.join(" ")),
    )
}

fn check(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}
