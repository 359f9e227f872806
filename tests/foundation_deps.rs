//! The architecture boundary, checked: `khabar-nlp` never depends on the browser or the UI.
//!
//! The analysis crate must build and run anywhere (CLI, tests, wasm) without wasm-bindgen,
//! web-sys or yew; this test reads its normal dependency tree from `cargo tree` and fails
//! if any of them (or another browser/IO/randomness crate) shows up.

#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

/// Crates the pure analysis crate must never depend on.
const FORBIDDEN: &[&str] = &[
    "wasm-bindgen",
    "web-sys",
    "js-sys",
    "yew",
    "gloo",
    "getrandom",
    "rand",
    "tokio",
];

/// The names of every crate in `khabar-nlp`'s normal dependency tree, for every target.
fn nlp_dependencies() -> Vec<String> {
    dependencies("khabar-nlp")
}

/// The names of every crate in `package`'s normal dependency tree, for every target.
fn dependencies(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "tree", "-p", package, "-e", "normal", "--target", "all", "--prefix", "none",
            "--format", "{p}",
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("cargo tree prints UTF-8")
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn nlp_crate_has_no_browser_or_ui_dependency() {
    let deps = nlp_dependencies();
    // The tree really was read: it starts with the crate itself and holds its date library.
    assert_eq!(deps.first().map(String::as_str), Some("khabar-nlp"));
    assert!(
        deps.iter().any(|d| d == "jiff"),
        "jiff missing from {deps:?}"
    );
    let bad: Vec<&String> = deps
        .iter()
        .filter(|d| FORBIDDEN.contains(&d.as_str()))
        .collect();
    assert!(
        bad.is_empty(),
        "khabar-nlp must not depend on {bad:?} (tree: {deps:?})"
    );
}

#[test]
fn share_crate_has_no_browser_or_ui_dependency() {
    // issue 13: the link codec and the bundle reader are pure, like the analysis.
    let deps = dependencies("khabar-share");
    assert_eq!(deps.first().map(String::as_str), Some("khabar-share"));
    assert!(deps.iter().any(|d| d == "miniz_oxide"), "{deps:?}");
    let bad: Vec<&String> = deps
        .iter()
        .filter(|d| FORBIDDEN.contains(&d.as_str()))
        .collect();
    assert!(bad.is_empty(), "khabar-share must not depend on {bad:?}");
}

#[test]
fn app_crate_does_depend_on_yew() {
    // The same query on the app finds yew: proof that the check above can fail.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["tree", "-p", "khabar", "-e", "normal", "--target", "all"])
        .args(["--prefix", "none", "--format", "{p}", "--depth", "1"])
        .output()
        .expect("cargo tree runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("yew ")), "{text}");
}
