//! The recognise/resolve split of the time stage, checked in the source (issue 11): the
//! recognition rules (`src/time/recognize.rs`, `src/time/recognize/`) never read the reference
//! date, and only resolution (`src/time/resolve.rs`) calls the calendar functions that pick a
//! value from it.

use std::path::{Path, PathBuf};

fn time_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/time")
}

/// The identifiers of a Rust source, comments left out.
fn identifiers(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut word = String::new();
        for c in code.chars().chain(std::iter::once(' ')) {
            if c.is_alphanumeric() || c == '_' {
                word.push(c);
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// What reads the reference date or the anchor date, or stands for a value resolved without
/// one.
const RESOLUTION: &[&str] = &[
    "reference",
    "anchor",
    "Relative",
    "pick_month_year",
    "pick_day",
    "pick_weekday",
    "pick_season_year",
    "unit_offset",
    "resolve",
];

// Issue 11: recognition builds unresolved specs; no rule reads the reference date.
#[test]
fn recognition_reads_no_reference_date() {
    let mut files = vec![time_dir().join("recognize.rs")];
    files.extend(rust_files(&time_dir().join("recognize")));
    assert!(files.len() >= 8, "{files:?}");
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for id in identifiers(&source) {
            assert!(
                !RESOLUTION.contains(&id.as_str()),
                "{} uses `{id}`: recognition must not resolve (issue 11)",
                file.display()
            );
        }
    }
}

// Issue 11: the calendar functions that pick a value from the reference date are called only
// by resolution (and defined and tested in the calendar module).
#[test]
fn only_resolution_picks_from_the_reference_date() {
    let picks = [
        "pick_month_year",
        "pick_day",
        "pick_weekday",
        "pick_season_year",
    ];
    let mut callers = Vec::new();
    for file in rust_files(&time_dir()) {
        let source = std::fs::read_to_string(&file).unwrap();
        if identifiers(&source)
            .iter()
            .any(|id| picks.contains(&id.as_str()))
        {
            callers.push(file.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert_eq!(callers, ["calendar.rs", "resolve.rs"]);
}
