//! Wasm benchmark in headless Chromium: tokens per second over the ANERcorp training text and the
//! full analysis time of the bundled article. Compiled only for wasm32 with `--features bench`
//! (so normal test runs skip it); `cargo xtask bench --wasm` runs it. The corpus is compiled in
//! from `crates/khabar-nlp/data/anercorp/train.txt`. Prints a table; never asserts on time.
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use khabar_nlp::{clitic, token};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The repository copy of the ANERcorp training text (CC BY-SA 4.0).
const CONLL: &str = include_str!("../crates/khabar-nlp/data/anercorp/train.txt");
const ARTICLE: &str = include_str!("../articles/biden-putin-summit.txt");

/// `performance.now()` in milliseconds.
fn now_ms() -> f64 {
    let global = js_sys::global();
    let performance = js_sys::Reflect::get(&global, &"performance".into()).unwrap();
    let now = js_sys::Reflect::get(&performance, &"now".into()).unwrap();
    js_sys::Function::from(now)
        .call0(&performance)
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Mean milliseconds per run: at least 3 runs and about a second in all.
fn time<T>(mut f: impl FnMut() -> T) -> (usize, f64) {
    let start = now_ms();
    let mut runs = 0;
    while runs < 3 || now_ms() - start < 1000.0 {
        std::hint::black_box(f());
        runs += 1;
    }
    (runs, (now_ms() - start) / runs as f64)
}

#[wasm_bindgen_test]
fn bench_text_core_and_analysis() {
    let mut corpus = String::with_capacity(CONLL.len());
    for line in CONLL.lines() {
        match line.rsplit_once(' ') {
            Some((word, _)) if !word.is_empty() => {
                corpus.push_str(word);
                corpus.push(' ');
            }
            _ => corpus.push('\n'),
        }
    }
    let tokens = token::tokenize(&corpus);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == token::TokenKind::Arabic)
        .map(|t| t.span.slice(&corpus))
        .collect();
    let config = khabar_nlp::Config {
        reference_date: Some(khabar_nlp::Date::constant(2021, 4, 16)),
    };
    let (r1, tok) = time(|| token::tokenize(&corpus).len());
    let (r2, cl) = time(|| {
        words
            .iter()
            .map(|w| clitic::best(w).stem.len())
            .sum::<usize>()
    });
    let (r3, an) = time(|| khabar_nlp::analyze(ARTICLE, &config).entities.len());
    // The NER tagger (issue 10) over the corpus's first 300 lines (sentences).
    let sentences: Vec<Vec<&str>> = corpus
        .lines()
        .take(300)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let n_words: usize = sentences.iter().map(Vec::len).sum();
    let (r4, ner) = time(|| {
        sentences
            .iter()
            .map(|s| khabar_nlp::ner::tag(s).len())
            .sum::<usize>()
    });
    console_log!("khabar text-core bench (wasm32, headless Chromium)");
    console_log!(
        "{:<28} {:>10} {:>10} {:>16}",
        "stage",
        "runs",
        "ms/run",
        "rate"
    );
    let rate = |n: f64, ms: f64, unit: &str| format!("{:.0} {unit}", n / (ms / 1e3));
    console_log!(
        "{:<28} {r1:>10} {tok:>10.2} {:>16}",
        "tokenize",
        rate(tokens.len() as f64, tok, "tokens/s")
    );
    console_log!(
        "{:<28} {r2:>10} {cl:>10.2} {:>16}",
        "clitic::best",
        rate(words.len() as f64, cl, "words/s")
    );
    console_log!(
        "{:<28} {r3:>10} {an:>10.2} {:>16}",
        "analyze (bundled article)",
        rate(1.0, an, "articles/s")
    );
    console_log!(
        "{:<28} {r4:>10} {ner:>10.2} {:>16}",
        "ner::tag",
        rate(n_words as f64, ner, "tokens/s")
    );
}
