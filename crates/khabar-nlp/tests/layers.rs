//! The layer rule of ARCHITECTURE.md, checked (issue 14): a module of `khabar-nlp` imports only
//! from modules in layers below its own (or from itself), never up or sideways.
//!
//! The layer order is read from ARCHITECTURE.md itself (the numbered list under "**Layers**"), so
//! the document and the check cannot drift apart. Every `crate::…` path in the code (not in
//! comments) counts, in `use` lines and inline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The layers of ARCHITECTURE.md, bottom first: module name → layer number.
fn layers() -> HashMap<String, usize> {
    let doc = std::fs::read_to_string(root().join("../../ARCHITECTURE.md")).unwrap();
    let mut lines = doc.lines().skip_while(|l| !l.starts_with("**Layers**"));
    assert!(
        lines.next().is_some(),
        "ARCHITECTURE.md has no **Layers** list"
    );
    let mut out = HashMap::new();
    for line in lines
        .skip_while(|l| !l.starts_with("1. "))
        .take_while(|l| !l.trim().is_empty())
    {
        let Some((number, rest)) = line.trim().split_once(". ") else {
            continue;
        };
        let Ok(layer) = number.parse::<usize>() else {
            continue;
        };
        // The module names are the backticked words before the first dash.
        let names = rest.split(" — ").next().unwrap_or(rest);
        for name in names.split('`').skip(1).step_by(2) {
            out.insert(name.to_owned(), layer);
        }
    }
    assert!(out.len() > 5, "could not read the layers: {out:?}");
    out
}

/// The source files of the crate with the top-level module each belongs to (`lib` for lib.rs).
fn sources() -> Vec<(PathBuf, String)> {
    let src = root().join("src");
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).unwrap();
                let first = rel.components().next().unwrap().as_os_str();
                let module = first.to_string_lossy().trim_end_matches(".rs").to_owned();
                out.push((path, module));
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without `//` comments (doc comments included).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segments of every `crate::` path in `code`, with the line they are on:
/// `crate::a::b` gives `a`, `crate::{a, b::c}` gives `a` and `b`.
fn crate_paths(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push((ident(&item), line));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            if !item.trim().is_empty() {
                out.push((ident(&item), line));
            }
        } else {
            out.push((ident(rest), line));
        }
    }
    out.retain(|(name, _)| !name.is_empty());
    out
}

#[test]
fn imports_point_down_the_layers() {
    let layers = layers();
    let mut problems = Vec::new();
    for (path, module) in sources() {
        let Some(&own) = layers.get(&module) else {
            problems.push(format!(
                "{}: module `{module}` is not in ARCHITECTURE.md's layer list",
                path.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for (name, line) in crate_paths(&code(&text)) {
            // A name that is not a module is an item of lib.rs, the top layer.
            let target = if layers.contains_key(&name) {
                name.clone()
            } else {
                "lib".to_owned()
            };
            if target == module {
                continue;
            }
            let theirs = layers[&target];
            if theirs >= own {
                problems.push(format!(
                    "{}:{line}: `{module}` (layer {own}) imports `crate::{name}` (layer {theirs})",
                    path.display()
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "imports that point up or sideways:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_path_reader_sees_groups_and_inline_paths() {
    let code = code(
        "use crate::{clitic, kb::{self, Kb}, normalize};\n\
         // crate::events in a comment\n\
         let x = crate::time::find(doc);\n\
         use foo_crate::bar;",
    );
    let names: Vec<String> = crate_paths(&code).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["clitic", "kb", "normalize", "time"]);
}
