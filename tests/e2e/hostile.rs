//! Hostile input in the browser and the reader's work never lost (issue 15).
//!
//! Hostile texts (a 100,000-letter word, only diacritics, only bidi and zero-width controls,
//! mixed scripts with emoji, markup that would run script or hide the page, names that look like
//! markup) are analysed and shown as text: nothing runs, nothing is added to or hidden on the
//! page. 5 MB of text is analysed in the worker while the page shows its progress and answers
//! the reader (the interface language switches, and the analysis can be stopped, while the
//! worker is busy); the test then cancels it (a full 5 MB analysis in wasm takes about half a
//! minute on CI, and rendering its result is not what this test is about).
//!
//! Main-thread long tasks (the Long Tasks API) are recorded and printed with each case, not
//! asserted: their length is wall time, which a loaded machine stretches (on the shared 2-core
//! development machine at load 15, tasks of 200–450 ms came and went between identical runs),
//! and the project's tests assert no wall time. What made the page slow for real — the text area
//! re-read its 5 MB value at every render, a 5 MB draft was written to localStorage — is fixed
//! and kept by the structure of the code (`DraftText`, `MAX_SAVED_BYTES`). The draft survives a crash of the worker (the page restarts it and says so), a
//! full localStorage (the reader is told and can download the draft), a second tab (each tab is
//! told when the other saved a different draft) and leaving the page (saved on `pagehide`).

use crate::browser::Result;
use crate::pages::{ExplorerPage, Viewport};
use khabar::i18n::t;
use khabar::state::Lang;

/// A paragraph of news text (written for these tests).
const PARAGRAPH: &str = "قال وزير الخارجية الأردني أيمن الصفدي اليوم الأحد إن البلدين سيعقدان اجتماعا للجنة العليا المشتركة في القاهرة الشهر المقبل، وبحث مع نظيره المصري سامح شكري الأوضاع في المنطقة.\n\n";

/// Markup that would run script, load frames or hide the page if it were rendered.
const HOSTILE_MARKUP: &str = "<script>window.__pwned = 'script'</script>\
<img src=\"x\" onerror=\"window.__pwned = 'onerror'\">\
<iframe src=\"javascript:parent.__pwned = 'iframe'\"></iframe>\
<a href=\"javascript:window.__pwned = 'link'\">رابط</a>\
<style>body, .app { display: none !important; }</style>\
<svg onload=\"window.__pwned = 'svg'\"></svg>";

/// The hostile texts, each with a piece the article view must show as text (or `None`).
fn hostile_texts() -> Vec<(&'static str, String, Option<String>)> {
    let word = "سلام".repeat(25_000);
    let nested = format!(
        "{}<p>مقال عن المحادثات في <b>موسكو</b>.</p>{HOSTILE_MARKUP}{}",
        "<div>".repeat(5_000),
        "</div>".repeat(5_000)
    );
    // Long enough in front that the text does not look like an HTML page: shown as text.
    let as_text = format!(
        "{}قال <b>بوتين</b> إن {HOSTILE_MARKUP} لن يمر.\n",
        PARAGRAPH.repeat(4)
    );
    vec![
        ("a 100,000-letter word", format!("{word}\n"), Some(word)),
        (
            "only diacritics",
            "\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0670}".repeat(300),
            None,
        ),
        (
            "only bidi and zero-width controls",
            "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200B}\u{200C}\u{200D}\u{FEFF}"
                .repeat(100),
            None,
        ),
        (
            "mixed Arabic, Hebrew, Latin and emoji",
            "قال بوتين 😀 في موسكو שלום עולם hello world 🇸🇦🇮🇱 👨\u{200D}👩\u{200D}👧 يوم 16 أبريل 2021 ‏(AP)‎ وزار القدس ירושלים.\n"
                .repeat(20),
            Some("שלום עולם hello world".to_owned()),
        ),
        (
            "pasted HTML with script, handlers, frames, links, style and deep nesting",
            nested,
            Some("مقال عن المحادثات في موسكو".to_owned()),
        ),
        (
            "markup-like names in plain text",
            as_text,
            Some("قال <b>بوتين</b> إن <script>".to_owned()),
        ),
    ]
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_texts_are_shown_as_text_and_change_nothing() -> Result<()> {
    // Issue 15: none of the hostile texts runs, adds or hides anything, or blocks the page.
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.eval::<serde_json::Value>("localStorage.clear(); return null;")
        .await?;
    for (what, text, shown) in hostile_texts() {
        page.show_view("new-article").await?;
        page.arm_tamper_check().await?;
        page.paste_draft(&text).await?;
        page.watch_long_tasks().await?;
        page.analyze_draft().await?;
        let tampering = page.tampering().await?;
        assert_eq!(tampering.pwned, None, "{what}: markup ran");
        assert_eq!(tampering.foreign_elements, 0, "{what}: elements were added");
        assert!(!tampering.hidden, "{what}: the page was hidden");
        if let Some(shown) = shown {
            let article = page.article_text().await?;
            assert!(
                article.contains(&shown),
                "{what}: the article does not show {:.80}…",
                shown
            );
        }
        let (longest, tasks) = page.longest_task().await?;
        println!(
            "{what}: longest main-thread task {longest} ms (long tasks [start, ms]: {tasks:?})"
        );
    }
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn five_megabytes_show_progress_and_keep_the_page_responsive() -> Result<()> {
    // Issue 15: 5 MB of text is analysed in the worker; the page shows how far it has got,
    // answers the reader meanwhile, can stop it, and keeps the draft.
    let page = ExplorerPage::open_new_article_form(Viewport::DESKTOP).await?;
    let bytes = page.paste_generated_draft(PARAGRAPH, 5_000_000).await?;
    assert!(bytes >= 5_000_000);
    page.watch_long_tasks().await?;
    page.eval::<serde_json::Value>(
        "window.__draftArea = document.querySelector('#new-text'); return null;",
    )
    .await?;
    page.submit_draft().await?;
    page.wait_for_progress(1).await?;
    // The page answers while the worker is busy: the interface switches to English, and the
    // progress line says what it is doing in English.
    page.click_in_page(".masthead__toggle--lang").await?;
    page.wait_until(
        "the interface in English while the analysis runs",
        &format!(
            "const s = window.khabar.state();
             const status = document.querySelector('.new-article__status');
             return s.lang === 'en' && s.progress === 'running'
               && status.textContent.includes({});",
            serde_json::json!(t(Lang::En, "new.running"))
        ),
    )
    .await?;
    let (longest, tasks) = page.longest_task().await?;
    println!("5 MB: longest main-thread task {longest} ms (long tasks [start, ms]: {tasks:?})");
    page.cancel_analysis().await?;
    // Too large for localStorage: the reader is told and can download it.
    page.wait_for_draft_notice("storage-full").await?;
    // The notice joins the form without replacing it: a new text area would lose the reader's
    // cursor and undo history, and laying out 5 MB again froze the page for seconds (Yew
    // pairs unkeyed children from the end, so an optional child after the form displaced it).
    let same_area: bool = page
        .eval("return document.querySelector('#new-text') === window.__draftArea;")
        .await?;
    assert!(
        same_area,
        "the text area was replaced when the notice appeared"
    );
    assert_eq!(
        page.form_error().await?.as_deref(),
        Some(t(Lang::En, "error.cancelled"))
    );
    let kept: usize = page
        .eval("return new TextEncoder().encode(document.querySelector('#new-text').value).length;")
        .await?;
    assert_eq!(kept, bytes, "the draft is kept");
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn a_long_article_is_shown_without_redoing_the_blocks_already_shown() -> Result<()> {
    // Issue 15: a long article is shown a few blocks per frame; each frame adds its blocks and
    // leaves the ones shown before untouched. Counted in DOM changes, not milliseconds: when
    // Yew paired the unkeyed blocks from the end, every frame rewrote every block shown so far,
    // and a 1 MB paste gave main-thread tasks of 0.7-1.9 s growing frame after frame.
    let page = ExplorerPage::open_new_article_form(Viewport::DESKTOP).await?;
    page.paste_generated_draft(PARAGRAPH, 150_000).await?;
    page.watch_first_blocks().await?;
    page.watch_long_tasks().await?;
    page.analyze_draft().await?;
    page.wait_until(
        "the whole article shown",
        "const a = document.querySelector('#article');
         return !!a && !a.hasAttribute('aria-busy') && window.khabar.state().view === 'reader';",
    )
    .await?;
    let blocks = page.first_blocks().await?;
    let (longest, tasks) = page.longest_task().await?;
    println!(
        "150 KB: {blocks:?}; longest main-thread task {longest} ms (long tasks [start, ms]: {tasks:?})"
    );
    assert!(
        blocks.seen > 0,
        "the article was never seen being built: {blocks:?}"
    );
    assert!(
        blocks.total > 4 * blocks.seen,
        "the article was not shown over several frames: {blocks:?}"
    );
    assert_eq!(
        blocks.kept, blocks.seen,
        "blocks shown first were replaced: {blocks:?}"
    );
    assert_eq!(
        blocks.changes, 0,
        "blocks shown first were rewritten: {blocks:?}"
    );
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn a_crashed_worker_is_restarted_and_the_page_says_so() -> Result<()> {
    // Issue 15: the worker dies (the test hook ends it as a crash would); the page tells the
    // reader, keeps the draft, and the restarted worker analyses it.
    let page = ExplorerPage::open_new_article_form(Viewport::DESKTOP).await?;
    page.paste_draft(PARAGRAPH).await?;
    page.kill_worker().await?;
    assert_eq!(
        page.form_error().await?.as_deref(),
        Some(t(Lang::Ar, "error.worker_restarted"))
    );
    assert_eq!(page.draft_text().await?, PARAGRAPH);
    page.analyze_draft().await?;
    assert!(page.article_text().await?.contains("أيمن الصفدي"));
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn a_full_local_storage_keeps_the_draft_and_offers_it_as_a_download() -> Result<()> {
    // Issue 15: localStorage refuses the draft; the reader is told, the draft stays in the
    // page and downloads whole; once there is room again the notice goes.
    let page = ExplorerPage::open_new_article_form(Viewport::DESKTOP).await?;
    page.fill_local_storage().await?;
    page.paste_draft(PARAGRAPH).await?;
    page.wait_for_draft_notice("storage-full").await?;
    assert_eq!(page.draft_text().await?, PARAGRAPH);
    assert_eq!(page.download_draft().await?.as_deref(), Some(PARAGRAPH));
    page.free_local_storage().await?;
    let edited = format!("{PARAGRAPH}وأضاف الوزير.");
    page.paste_draft(&edited).await?;
    page.wait_for_no_draft_notice().await?;
    page.wait_for_saved_draft(&edited).await?;
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn two_tabs_do_not_overwrite_each_others_draft_silently() -> Result<()> {
    // Issue 15: a second tab saves a different draft; the first is told and may take it.
    let page = ExplorerPage::open_new_article_form(Viewport::DESKTOP).await?;
    let first_draft = PARAGRAPH.to_owned();
    page.paste_draft(&first_draft).await?;
    page.wait_for_saved_draft(&first_draft).await?;
    let first = page.open_second_tab().await?;
    page.show_view("new-article").await?;
    assert_eq!(
        page.draft_text().await?,
        first_draft,
        "restored in the second tab"
    );
    let second_draft = format!("{PARAGRAPH}كتب هذا في التبويب الثاني.");
    page.paste_draft(&second_draft).await?;
    page.wait_for_saved_draft(&second_draft).await?;
    page.switch_to_tab(first).await?;
    page.wait_for_draft_notice("other-tab").await?;
    assert_eq!(
        page.draft_text().await?,
        first_draft,
        "nothing replaced silently"
    );
    page.click_css(".draft-notice__take").await?;
    page.wait_for_no_draft_notice().await?;
    assert_eq!(page.draft_text().await?, second_draft);
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn the_draft_is_saved_when_the_page_is_left() -> Result<()> {
    // Issue 15: leaving the page (pagehide) saves the draft at once, before the pause after
    // typing has passed.
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.show_view("new-article").await?;
    let saved = page.paste_then_leave(PARAGRAPH).await?;
    assert_eq!(saved.as_deref(), Some(PARAGRAPH));
    page.close().await
}
