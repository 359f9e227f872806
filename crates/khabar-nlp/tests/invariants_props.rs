//! Issue 15: the invariants of every analysis (`khabar_nlp::invariants`, the checker the fuzz
//! targets run) on generated text, on every article and golden text in the repository, and the
//! work bound's calibration against news text.

use khabar_nlp::invariants::{self, NEWS_WORK_PER_BYTE};
use khabar_nlp::{Config, Date};
use proptest::prelude::*;
use std::path::Path;

/// Pieces of hostile text: Arabic with diacritics and tatweel, presentation forms, bidi and
/// zero-width controls, Hebrew, emoji, markup, entities, digits, dates and news words.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[\u{0621}-\u{064A}]{1,8}",
        1 => "[\u{064B}-\u{0652}\u{0670}\u{0640}]{1,4}",
        1 => "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}]{1,3}",
        1 => "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}]{1,3}",
        1 => "[\u{05D0}-\u{05EA}]{1,5}",
        1 => "[\u{1F600}-\u{1F64F}\u{1F1E6}-\u{1F1FF}]{1,2}",
        1 => "[0-9\u{0660}-\u{0669}]{1,4}[/.-]?",
        3 => "[ \n]",
        1 => "[،؛؟«»\"'().!?:-]",
        1 => "(و|ف|ب|ل|ال|وال|بال)",
        1 => "<[a-z/]{0,6}[^>]{0,5}>?",
        1 => "&[a-z#0-9]{0,5};?",
        2 => "(بوتين|الرئيس|الروسي|نظيره|واشنطن|الأمم المتحدة|يوم|أمس|غدا|الماضي|المقبل|مارس|2021|قال|اتصال|قمة)",
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

fn configs() -> impl Strategy<Value = Config> {
    prop_oneof![
        Just(Config::default()),
        (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Config {
            reference_date: Some(Date::constant(y, m, d)),
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // Issue 15: every invariant holds on any text, with or without a reference date.
    #[test]
    fn every_analysis_keeps_the_invariants(text in hostile_text(), config in configs()) {
        if let Err(v) = invariants::analyze_checked(&text, &config) {
            prop_assert!(false, "{v}\ntext: {text:?}");
        }
    }
}

/// Every article and golden text file in the repository.
fn repository_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack = vec![root.join("test_data"), root.join("../../articles")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "html") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    assert!(out.len() > 50, "found only {} texts", out.len());
    out
}

// Issue 15: the invariants hold on every text in the repository (the fuzz corpus's seeds), read
// as plain text and, for the HTML files, as reduced HTML.
#[test]
fn repository_texts_keep_the_invariants() {
    let config = Config {
        reference_date: Some(Date::constant(2021, 4, 16)),
    };
    for (path, text) in repository_texts() {
        let text = if path.ends_with(".html") {
            khabar_nlp::html_to_text(&text)
        } else {
            text
        };
        for config in [&config, &Config::default()] {
            if let Err(v) = invariants::analyze_checked(&text, config) {
                panic!("{path}: {v}");
            }
        }
    }
}

/// News text: the first `sentences` sentences of the ANERcorp training text, as articles.
fn news(sentences: usize) -> String {
    use khabar_nlp::ner::train;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let conll = std::fs::read_to_string(root.join("data/anercorp/train.txt")).unwrap();
    let mut all = train::conll_sentences(&conll);
    all.truncate(sentences);
    train::news_text(&all)
}

// Issue 15: the work bound is 100 times what news text costs per byte; news text costs what
// `NEWS_WORK_PER_BYTE` says (within a factor of two), so the bound means what it says.
#[test]
fn news_text_costs_what_the_work_bound_assumes() {
    let text = news(200);
    let config = Config {
        reference_date: Some(Date::constant(2020, 3, 2)),
    };
    let work = invariants::work_of(&text, &config);
    let per_byte = work as f64 / text.len() as f64;
    println!(
        "news text: {} bytes, {work} units of work, {per_byte:.3} per byte",
        text.len()
    );
    assert!(
        per_byte > NEWS_WORK_PER_BYTE / 2.0 && per_byte < NEWS_WORK_PER_BYTE * 2.0,
        "news text costs {per_byte:.3} per byte; NEWS_WORK_PER_BYTE says {NEWS_WORK_PER_BYTE}"
    );
    invariants::analyze_checked(&text, &config).unwrap();
}

// Issue 15: the checker catches what it is meant to catch (a checker that cannot fail proves
// nothing).
#[test]
fn the_checker_finds_broken_analyses() {
    let text = "قال الرئيس الروسي فلاديمير بوتين يوم الجمعة 16 أبريل 2021 إن موسكو سترد.";
    let config = Config {
        reference_date: Some(Date::constant(2021, 4, 16)),
    };
    let good = invariants::analyze_checked(text, &config).unwrap();
    assert!(!good.entities.is_empty() && !good.times.is_empty());
    let broken = |edit: &dyn Fn(&mut khabar_nlp::Analysis)| {
        let mut a = good.clone();
        edit(&mut a);
        invariants::check(text, &a).unwrap_err().invariant
    };
    assert_eq!(broken(&|a| a.entities[0].mentions[0].end += 1), "spans");
    assert_eq!(broken(&|a| a.times[0].end = 10_000), "spans");
    assert_eq!(
        broken(&|a| {
            let m = a.entities[0].mentions[0].clone();
            a.entities[0].mentions.push(m);
        }),
        "mentions"
    );
    assert_eq!(broken(&|a| a.sentences[0].start = 9_999), "spans");
    assert_eq!(broken(&|a| a.times[0].text.push('x')), "spans");
    let work = invariants::check_work(1000, 1_000_000).unwrap_err();
    assert_eq!(work.invariant, "work");
    assert!(invariants::check_work(1000, 100).is_ok());
}
