//! Golden tests of the text core (issue #3): one input file per case under `test_data/text/<stage>/`,
//! the expected output beside it (`<case>.out`). Re-bless with `UPDATE_EXPECT=1 cargo test`.

use expect_test::expect_file;
use khabar_nlp::span::Span;
use khabar_nlp::{clitic, normalize, numbers, sentence, structure, token};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn cases(stage: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data/text")
        .join(stage);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", dir.display());
    files
}

fn check(stage: &str, render: impl Fn(&str) -> String) {
    for case in cases(stage) {
        let input = std::fs::read_to_string(&case).unwrap();
        let out = case.with_extension("out");
        expect_file![out].assert_eq(&render(&input));
    }
}

fn show(text: &str, span: Span) -> String {
    span.slice(text).replace('\n', "⏎")
}

fn render_tokens(text: &str) -> String {
    let mut out = String::new();
    for t in token::tokenize(text) {
        let _ = writeln!(
            out,
            "{:?} {}..{} «{}» {}",
            t.kind,
            t.span.start,
            t.span.end,
            show(text, t.span),
            t.key
        );
    }
    out
}

fn render_sentences(text: &str) -> String {
    let tokens = token::tokenize(text);
    let mut out = String::new();
    for (i, s) in sentence::split(text, &tokens).into_iter().enumerate() {
        let _ = writeln!(out, "{}: {}", i + 1, show(text, s));
    }
    out
}

fn render_structure(text: &str) -> String {
    let mut out = String::new();
    for b in structure::parse_plain(text) {
        let _ = writeln!(out, "{}: {}", b.kind.as_str(), show(text, b.span));
    }
    out
}

fn render_clitics(text: &str) -> String {
    let mut out = String::new();
    for t in token::tokenize(text)
        .iter()
        .filter(|t| t.kind == token::TokenKind::Arabic)
    {
        let word = t.span.slice(text);
        let best = clitic::best(word);
        let ranked: Vec<String> = clitic::segmentations(word)
            .iter()
            .take(3)
            .map(|c| c.segmentation.render(word))
            .collect();
        let _ = writeln!(
            out,
            "{word}\t{}\tstem «{}» with article «{}»\t[{}]",
            best.render(word),
            best.stem.slice(word),
            best.stem_with_article(word).slice(word),
            ranked.join(" | ")
        );
    }
    out
}

fn render_numbers(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let _ = match numbers::parse_phrase(&words) {
            Some(p) => writeln!(
                out,
                "{line}\t= {}{} ({} words)",
                p.value,
                if p.ordinal { " ordinal" } else { "" },
                p.words
            ),
            None => writeln!(out, "{line}\t= none"),
        };
    }
    out
}

fn render_normalize(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let n = normalize::Normalized::new(line);
        let hamza = normalize::key_with(
            line,
            &normalize::Config {
                fold_hamza_seats: true,
            },
        );
        let words: Vec<String> = n
            .text
            .split(' ')
            .scan(0, |at, w| {
                let span = Span::new(*at, *at + w.len());
                *at += w.len() + 1;
                Some(format!("{w}←{}", n.original_span(span).slice(line)))
            })
            .collect();
        let _ = writeln!(
            out,
            "{line}\n  key: {}\n  hamza seats: {hamza}\n  map: {}",
            n.text,
            words.join(" ")
        );
    }
    out
}

#[test]
fn tokens() {
    check("tokens", render_tokens);
}

#[test]
fn sentences() {
    check("sentences", render_sentences);
}

#[test]
fn structure_plain() {
    check("structure", render_structure);
}

#[test]
fn structure_html() {
    check("html", |html| {
        let text = structure::html_to_text(html);
        format!("{text}\n---\n{}", render_structure(&text))
    });
}

#[test]
fn clitics() {
    check("clitics", render_clitics);
}

#[test]
fn numbers() {
    check("numbers", render_numbers);
}

#[test]
fn normalize() {
    check("normalize", render_normalize);
}

/// The bundled article in full, through every text stage.
#[test]
fn bundled_article() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles/biden-putin-summit.txt");
    let text = std::fs::read_to_string(root).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/text/article");
    expect_file![dir.join("biden-putin-summit.structure.out")].assert_eq(&render_structure(&text));
    expect_file![dir.join("biden-putin-summit.sentences.out")].assert_eq(&render_sentences(&text));
    expect_file![dir.join("biden-putin-summit.tokens.out")].assert_eq(&render_tokens(&text));
    expect_file![dir.join("biden-putin-summit.clitics.out")].assert_eq(&render_clitics(&text));
}
