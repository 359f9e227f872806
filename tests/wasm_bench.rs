//! Wasm benchmark in headless Chromium (issue 9): the bundled article's analysis time over 300
//! runs (median and spread) and 1 MB of news text (the ANERcorp training text in article-sized
//! blocks, as in `cargo xtask bench`), plus tokens per second. Compiled only for wasm32 with
//! `--features bench` (so normal test runs skip it); `cargo xtask bench --wasm` runs it. The
//! corpus is compiled in from `crates/khabar-nlp/data/anercorp/train.txt`. Prints a table; never
//! asserts on time.
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use khabar_nlp::token;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The repository copy of the ANERcorp training text (CC BY-SA 4.0).
const CONLL: &str = include_str!("../crates/khabar-nlp/data/anercorp/train.txt");
const ARTICLE: &str = include_str!("../articles/biden-putin-summit.txt");
const ARTICLE_META: &str = include_str!("../articles/biden-putin-summit.toml");

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

/// News text: sentences of the CoNLL text, three to a paragraph, twelve to an article.
fn news_text() -> String {
    use khabar_nlp::ner::train;
    train::news_text(&train::conll_sentences(CONLL))
}

/// The first `size` bytes (about) of `news`, cut at a line end.
fn sized(news: &str, size: usize) -> &str {
    let mut cut = size.min(news.len());
    while !news.is_char_boundary(cut) {
        cut -= 1;
    }
    news[..cut]
        .rfind('\n')
        .map_or(&news[..cut], |i| &news[..=i])
}

#[wasm_bindgen_test]
fn bench_analysis() {
    let published = ARTICLE_META
        .lines()
        .find_map(|l| l.strip_prefix("published = "))
        .map(|v| v.trim_matches('"'))
        .and_then(|v| v.parse().ok());
    let config = khabar_nlp::Config {
        reference_date: published,
    };
    // The knowledge base and the NER model are built on first use.
    khabar_nlp::analyze(ARTICLE, &config);
    let mut ms: Vec<f64> = (0..300)
        .map(|_| {
            let start = now_ms();
            std::hint::black_box(khabar_nlp::analyze(ARTICLE, &config));
            now_ms() - start
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let q = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    console_log!("khabar bench (wasm32, release, headless Chromium)");
    console_log!(
        "bundled article ({:.1} KB), 300 runs: median {:.3} ms, p10 {:.3}, p90 {:.3}, min {:.3}, max {:.3}",
        ARTICLE.len() as f64 / 1e3,
        q(0.5),
        q(0.1),
        q(0.9),
        ms[0],
        ms[ms.len() - 1]
    );
    let news = news_text();
    let mb = sized(&news, 1_000_000);
    let config = khabar_nlp::Config {
        reference_date: Some(khabar_nlp::Date::constant(2008, 6, 1)),
    };
    let start = now_ms();
    let analysis = khabar_nlp::analyze(mb, &config);
    let secs = (now_ms() - start) / 1e3;
    console_log!(
        "1 MB of news text ({} bytes): {secs:.2} s, {:.2} MB/s, {} entities",
        mb.len(),
        mb.len() as f64 / 1e6 / secs,
        analysis.entities.len()
    );
    let tokens = token::tokenize(&news);
    let (runs, tok) = time(|| token::tokenize(&news).len());
    console_log!(
        "tokenize: {runs} runs, {tok:.1} ms/run, {:.0} tokens/s",
        tokens.len() as f64 / (tok / 1e3)
    );
}

/// Issue 10: the NER tagger alone, as the app runs it (`DocumentTagger`, the stacked document
/// pass on), on
/// the first ~100,000 tokens of the news text tagged as one document.
#[wasm_bindgen_test]
fn bench_ner_tagger() {
    use khabar_nlp::ner::{self, train};
    let sentences = train::conll_sentences(CONLL);
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.split(' ').collect())
        .scan(0, |total, s: Vec<&str>| {
            *total += s.len();
            (*total <= 100_000).then_some(s)
        })
        .collect();
    let owned = ner::sentence_keys(&words);
    let keys: Vec<Vec<&str>> = owned
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = words.iter().map(Vec::len).sum();
    let (runs, ms) = time(|| {
        ner::DocumentTagger::new(0)
            .tag_document(&words, &keys, ner::DocumentPass::SHIPPED)
            .len()
    });
    console_log!(
        "NER tagger (DocumentTagger, document pass): {runs} runs, {tokens} tokens, {ms:.1} ms/run, {:.0} tokens/s",
        tokens as f64 / (ms / 1e3)
    );
}
