//! Regression test for issue 9 (analysis in linear time): the work `analyze` does per byte of
//! text, per stage, must not grow when the text is repeated eight times. Work is counted, not
//! timed, so that a loaded machine cannot make the test flaky: the pipeline's own counters
//! (`khabar_nlp::work`, feature `work-counters`, on for this crate's tests) of matching keys
//! built (each a string: the allocation proxy, since `unsafe_code` is forbidden and a counting
//! allocator needs it), clitic readings, NER tokens and inner-loop visits.

use khabar_nlp::work::{self, Work};
use khabar_nlp::{Config, Date, Stage};

/// News text: the first `sentences` sentences of the ANERcorp training text (in the
/// repository), three to a paragraph, twelve to an article.
fn news(sentences: usize) -> String {
    use khabar_nlp::ner::train;
    let conll = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/anercorp/train.txt"
    ))
    .expect("the ANERcorp training text is in the repository");
    let mut all = train::conll_sentences(&conll);
    all.truncate(sentences);
    train::news_text(&all)
}

/// Per stage: each work counter, counted over one analysis of `text`.
fn work_per_stage(text: &str) -> Vec<(Stage, Vec<u64>)> {
    let snapshot = || work::counts().to_vec();
    let config = Config {
        reference_date: Some(Date::constant(2020, 3, 2)),
    };
    let mut last = snapshot();
    let mut out = Vec::new();
    let analysis = khabar_nlp::analyze_observed(text, &config, &mut |stage| {
        let now = snapshot();
        out.push((stage, now.iter().zip(&last).map(|(a, b)| a - b).collect()));
        last = now;
    });
    assert!(!analysis.entities.is_empty(), "the text names entities");
    out
}

#[test]
fn work_per_byte_does_not_grow_with_the_text() {
    // Issue 9: 300 KB took ten times as long as 100 KB. Counted work per byte for a text
    // repeated eight times must stay within 1.5 times that of the text itself (quadratic work
    // would be about 8 times). Stages with little work in all are not compared (fixed costs).
    let text = news(32);
    // The knowledge base, the NER model and the word lists are built on first use.
    work_per_stage(&text);
    let small = work_per_stage(&text);
    let large = work_per_stage(&text.repeat(8));
    let names: Vec<String> = Work::ALL.iter().map(|w| format!("{w:?}")).collect();
    let mut failures = Vec::new();
    for ((stage, once), (_, eight)) in small.iter().zip(&large) {
        for (k, name) in names.iter().enumerate() {
            let (once, eight) = (once[k] as f64, eight[k] as f64);
            if once < 50.0 {
                continue;
            }
            let growth = eight / (8.0 * once);
            println!(
                "{:<10} {name:<16} {once:>10} {eight:>10} {growth:>6.2}",
                stage.name()
            );
            if growth > 1.5 {
                failures.push(format!(
                    "{}: {name} per byte grew {growth:.2}× ({once} → {eight})",
                    stage.name()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "super-linear work:\n{}",
        failures.join("\n")
    );
    // The counters count: the text has knowledge-base lookups and candidates to check.
    let total = |stage: Stage, what: Work| {
        small
            .iter()
            .filter(|(s, _)| *s == stage)
            .map(|(_, v)| v[what as usize])
            .sum::<u64>()
    };
    assert!(total(Stage::Entities, Work::KbLookups) > 100);
    assert!(total(Stage::Entities, Work::CandidateChecks) > 10);
}
