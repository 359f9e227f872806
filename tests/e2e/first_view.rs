//! Issue 12, the first view: the article page is prerendered at build time, so it is readable
//! with JavaScript off, painted before the page's wasm has arrived, taken over (hydrated) without
//! being rebuilt, and the analysis worker is not fetched until the reader turns to their own text.

use crate::browser::Result;
use crate::pages::{ExplorerPage, Viewport, selectors};
use crate::server::Seen;
use khabar_nlp::Analysis;

/// The bundled article's analysis (the build's, recomputed: the analysis is deterministic).
fn bundled() -> Analysis {
    khabar::analyze(khabar::BUNDLED_TEXT, Some(khabar::BUNDLED_PUBLISHED))
}

/// The entity whose English name contains `english`.
fn entity<'a>(analysis: &'a Analysis, english: &str) -> &'a khabar_nlp::analysis::Entity {
    analysis
        .entities
        .iter()
        .find(|e| e.name_en.as_deref().is_some_and(|n| n.contains(english)))
        .unwrap_or_else(|| panic!("the analysis has an entity named {english}"))
}

/// The requests by which the page started the analysis worker: its loader script fetched as a
/// worker. (The service worker also fetches the worker's files once the page has loaded, to keep
/// them for offline use — a deliberate prefetch after the page is interactive; those are
/// `Sec-Fetch-Dest: empty` and start nothing. Once it controls the page, the requests it passes
/// on are `empty` too, so the test also asks the page: `khabar.state().worker`.)
fn worker_starts(seen: &[Seen]) -> Vec<&Seen> {
    seen.iter()
        .filter(|s| s.path.contains("khabar-worker") && s.dest == "worker")
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn without_javascript_the_article_its_names_and_the_timeline_are_in_the_page() -> Result<()> {
    let page = ExplorerPage::open_without_javascript(Viewport::DESKTOP).await?;
    let analysis = bundled();
    assert!(
        page.visible("p.noscript").await?,
        "JavaScript is off: the <noscript> note shows"
    );
    let headline = khabar::article::headline(khabar::BUNDLED_TEXT, &analysis).expect("a headline");
    assert_eq!(page.headline_text().await?, headline);

    // Every mention of Putin is highlighted in the text, «بوتين» among them.
    let putin = entity(&analysis, "Putin");
    let css = format!(".article .mention[data-entity-id=\"{}\"]", putin.id);
    let mut indices = page.attributes(&css, "data-mention-index").await?;
    indices.dedup();
    let expected: Vec<String> = (0..putin.mentions.len()).map(|i| i.to_string()).collect();
    assert_eq!(indices, expected, "all of Putin's mentions are highlighted");
    let texts = page.texts(&css).await?;
    assert!(texts.iter().any(|t| t.contains("بوتين")), "{texts:?}");
    let all_mentions: usize = analysis.entities.iter().map(|e| e.mentions.len()).sum();
    assert!(page.count(".article .mention").await? >= all_mentions);

    // The sidebar lists the entities; the timeline shows every event with its date.
    let sidebar = page
        .attributes(".sidebar button.sidebar__entity", "data-entity-id")
        .await?;
    let mut want: Vec<&str> = analysis.entities.iter().map(|e| e.id.as_str()).collect();
    let mut got: Vec<&str> = sidebar.iter().map(String::as_str).collect();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want, "the sidebar lists every entity");
    let events = page
        .attributes(".timeline .timeline__event", "data-event-id")
        .await?;
    let want: Vec<String> = analysis.events.iter().map(|v| v.id.clone()).collect();
    assert_eq!(events, want, "the timeline lists every event in order");
    let values = page
        .attributes(".timeline .timeline__event", "data-value")
        .await?;
    let want: Vec<String> = analysis
        .events
        .iter()
        .map(|v| v.value.clone().unwrap_or_default())
        .collect();
    assert_eq!(values, want, "each event carries its resolved date");
    let first_date = page.texts(".timeline .timeline__date").await?;
    assert!(
        first_date.first().is_some_and(|d| !d.trim().is_empty()),
        "the first event's date is shown: {first_date:?}"
    );
    assert!(page.visible(selectors::TIMELINE).await?);
    assert!(page.visible(selectors::SIDEBAR).await?);
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn the_article_is_painted_before_the_wasm_arrives_and_is_hydrated_in_place() -> Result<()> {
    let page = ExplorerPage::open_holding_wasm(Viewport::DESKTOP).await?;
    page.find_waiting(selectors::HEADLINE).await?;
    page.wait_until(
        "the first contentful paint",
        "return performance.getEntriesByName('first-contentful-paint').length > 0;",
    )
    .await?;
    let before: serde_json::Value = page
        .eval(
            "const article = document.querySelector('.article');
             article.dataset.e2eMark = 'prerendered';
             return {
               app: typeof window.khabar,
               wasm: performance.getEntriesByType('resource')
                 .filter(e => e.name.endsWith('_bg.wasm')).length,
               top: document.querySelector('h1.article__headline').getBoundingClientRect().top,
               mentions: document.querySelectorAll('.article .mention').length,
             };",
        )
        .await?;
    assert_eq!(before["wasm"], 0, "the wasm is still held back: {before}");
    assert_eq!(
        before["app"], "undefined",
        "the app has not started: {before}"
    );
    assert!(before["mentions"].as_u64() > Some(0), "{before}");

    page.release_wasm();
    page.wait_for_app().await?;
    let after: serde_json::Value = page
        .eval(
            "const wasm = performance.getEntriesByType('resource')
               .filter(e => e.name.endsWith('_bg.wasm'));
             return {
               fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
               wasmEnd: wasm.length ? wasm[0].responseEnd : null,
               mark: document.querySelector('.article').dataset.e2eMark || null,
               top: document.querySelector('h1.article__headline').getBoundingClientRect().top,
               mentions: document.querySelectorAll('.article .mention').length,
             };",
        )
        .await?;
    let (fcp, wasm_end) = (after["fcp"].as_f64(), after["wasmEnd"].as_f64());
    assert!(
        matches!((fcp, wasm_end), (Some(f), Some(w)) if f < w),
        "first contentful paint before the wasm's responseEnd: {after}"
    );
    assert_eq!(
        after["mark"], "prerendered",
        "hydration kept the prerendered article element: {after}"
    );
    assert_eq!(
        after["top"], before["top"],
        "no re-layout: {before} → {after}"
    );
    assert_eq!(after["mentions"], before["mentions"]);

    // Clicking a name works as before.
    let analysis = bundled();
    let biden = entity(&analysis, "Biden");
    page.click_mention(&biden.id, 0).await?;
    page.wait_for_selection("entity", &biden.id).await?;
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn the_worker_is_fetched_only_when_the_reader_turns_to_their_own_text() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let analysis = bundled();
    let putin = entity(&analysis, "Putin");
    page.select_entity(&putin.id).await?;
    page.next_mention().await?;
    page.wait_for_current_mention(1).await?;
    let event = analysis.events.first().expect("events").id.clone();
    page.select_event(&event).await?;
    let seen = page.seen();
    assert!(
        worker_starts(&seen).is_empty(),
        "the worker is not started while reading: {seen:?}"
    );
    let started: bool = page.eval("return window.khabar.state().worker;").await?;
    assert!(!started, "the worker is not started while reading");
    let entries: Vec<String> = page
        .eval("return performance.getEntriesByType('resource').map(e => e.name);")
        .await?;
    assert!(
        !entries.iter().any(|e| e.contains("khabar-worker")),
        "{entries:?}"
    );

    // Opening the form for their own text starts the worker (so that it is ready when they
    // press «analyse»), which fetches its wasm once more (through the service worker, if it
    // controls the page by now: then the server sees `empty` as the destination).
    let wasm_requests = |seen: &[Seen]| {
        seen.iter()
            .filter(|s| s.path.ends_with("khabar-worker_bg.wasm"))
            .count()
    };
    let before = wasm_requests(&page.seen());
    page.show_view("new-article").await?;
    page.wait_until(
        "the worker to be started",
        "return window.khabar.state().worker === true;",
    )
    .await?;
    let start = std::time::Instant::now();
    while wasm_requests(&page.seen()) == before {
        assert!(
            start.elapsed() < crate::pages::TIMEOUT,
            "the worker fetches its wasm: {:?}",
            page.seen()
        );
        tokio::time::sleep(crate::pages::POLL).await;
    }
    page.close().await
}
