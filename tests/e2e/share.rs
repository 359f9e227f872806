//! Sharing (issue 13) on the built site: a share link opened in a fresh browser shows the same
//! article, selection and highlights (the bundled article by slug; a reader's own article as
//! text, with an event selected and the interface in English); bad links say so and keep the
//! bundled article; a downloaded `.khabar.json` opens the same view; downloaded JSON, TimeML and
//! brat are what `khabar analyze` prints.

use crate::browser::Result;
use crate::pages::{ExplorerPage, Viewport};
use khabar_nlp::Analysis;

/// A short news article written for these tests (not the bundled one): a headline, a
/// dateline, two presidents, a call that happened and a visit that is planned.
const OWN_ARTICLE: &str = "\
الرئيس السنغالي يتصل بنظيره الموريتاني

داكار (وكالات) - أجرى الرئيس السنغالي ماكي سال اتصالا هاتفيا أمس الأربعاء بنظيره الموريتاني محمد ولد الشيخ الغزواني، وبحث الرئيسان التعاون بين البلدين في مجال الطاقة.

وقال بيان للرئاسة في داكار إن الرئيس الموريتاني سيزور السنغال الشهر المقبل لتوقيع اتفاقية للغاز.
";

const OWN_DATE: &str = "2022-05-05";

/// The bundled article's analysis, as the build computed it for the page.
fn bundled() -> Analysis {
    khabar::analyze(khabar::BUNDLED_TEXT, Some(khabar::BUNDLED_PUBLISHED))
}

/// The part of `link` after `#`.
fn fragment(link: &str) -> &str {
    link.split_once('#').map_or("", |(_, f)| f)
}

#[tokio::test(flavor = "current_thread")]
async fn a_shared_entity_opens_with_the_same_selection_in_a_fresh_browser() -> Result<()> {
    let analysis = bundled();
    let putin = analysis
        .entities
        .iter()
        .find(|e| e.name_en.as_deref().is_some_and(|n| n.contains("Putin")))
        .expect("the bundled article names Putin");
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let headline = page.headline_text().await?;
    page.select_entity(&putin.id).await?;
    page.next_mention().await?;
    page.wait_for_current_mention(1).await?;
    let lit = page.selected_mentions().await?;
    // The share button: the Web Share API where there is one, else the clipboard, else the
    // link shown to copy by hand — a visible message with the link in every case.
    let (key, link) = page.click_share().await?;
    assert!(
        ["share.copied", "share.shared", "share.ready"].contains(&key.as_str()),
        "{key}"
    );
    assert_eq!(link, page.share_link().await?);
    assert!(link.contains("a=biden-putin-summit"), "by slug: {link}");
    assert!(link.len() < 200, "a hosted article's link is short: {link}");
    page.close().await?;

    let fresh = ExplorerPage::open_fragment(Viewport::DESKTOP, fragment(&link)).await?;
    fresh.wait_for_selection("entity", &putin.id).await?;
    fresh.wait_for_current_mention(1).await?;
    assert_eq!(fresh.headline_text().await?, headline);
    assert_eq!(fresh.selected_mentions().await?, lit, "the same highlights");
    fresh.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn a_pasted_article_with_an_event_and_english_opens_the_same_view() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.open_text(OWN_ARTICLE, Some(OWN_DATE)).await?;
    let analysis = khabar::analyze(OWN_ARTICLE, Some(OWN_DATE));
    let event = analysis.events.first().expect("the article reports events");
    page.select_event(&event.id).await?;
    page.click_css(".masthead__toggle--lang").await?;
    page.wait_until("English", "return window.khabar.state().lang === 'en';")
        .await?;
    let headline = page.headline_text().await?;
    let evidence = page.evidence_sentences().await?;
    assert!(
        !evidence.is_empty(),
        "the selected event lights its sentences"
    );
    let link = page.share_link().await?;
    assert!(link.contains("&t="), "the text travels in the link: {link}");
    assert!(link.contains("lang=en") && link.contains(&format!("d={OWN_DATE}")));
    assert!(
        link.len() < 2 * OWN_ARTICLE.len(),
        "compressed: {} chars for {} bytes",
        link.len(),
        OWN_ARTICLE.len()
    );
    page.close().await?;

    let fresh = ExplorerPage::open_fragment(Viewport::DESKTOP, fragment(&link)).await?;
    fresh.wait_for_selection("event", &event.id).await?;
    let state = fresh.state().await?;
    assert_eq!(state["lang"], "en");
    assert_eq!(state["pasted"], true);
    assert_eq!(fresh.headline_text().await?, headline);
    assert_eq!(
        fresh.evidence_sentences().await?,
        evidence,
        "the same highlights"
    );
    assert_eq!(fresh.html_attribute("lang").await?.as_deref(), Some("en"));
    fresh.close().await
}

/// The bad links of the acceptance, each with the message it must show.
fn bad_links(good_text_link: &str) -> Vec<(&'static str, String)> {
    let good = fragment(good_text_link).to_owned();
    // Corrupted: characters of the packed text replaced by ones base64 does not have.
    let at = good.find("&t=").expect("a text link") + 20;
    let corrupted = format!("{}!!!!{}", &good[..at], &good[at + 4..]);
    // Truncated: the link cut short, as a chat app that limits messages would.
    let truncated = good[..good.len() * 2 / 3].to_owned();
    // Oversized: past the decoder's hard limit, refused before anything is decoded.
    let oversized = format!("v=1&t={}", "A".repeat(70_000));
    let newer = "v=9&a=biden-putin-summit".to_owned();
    let hostile = "v=1&a=%3Cscript%3Ealert(1)%3C/script%3E&entity=e1".to_owned();
    vec![
        ("link.corrupt", corrupted),
        ("link.truncated", truncated),
        ("link.too_long", oversized),
        ("link.version", newer),
        ("link.malformed", hostile),
    ]
}

#[tokio::test(flavor = "current_thread")]
async fn bad_links_say_so_and_keep_the_bundled_article() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let headline = page.headline_text().await?;
    page.open_text(OWN_ARTICLE, Some(OWN_DATE)).await?;
    let good = page.share_link().await?;
    page.close().await?;

    for (key, bad) in bad_links(&good) {
        // A fresh browser opening the bad link: the message, the bundled article, a live app.
        let fresh = ExplorerPage::open_fragment(Viewport::DESKTOP, &bad).await?;
        assert_eq!(fresh.wait_for_notice().await?, key, "{key}");
        assert!(!fresh.notice_text().await?.is_empty());
        assert_eq!(fresh.headline_text().await?, headline, "{key}");
        let state = fresh.state().await?;
        assert_eq!(state["pasted"], false, "{key}: the bundled article stays");
        assert_eq!(state["selection"]["kind"], "none", "{key}");
        fresh.close().await?;
    }

    // The same links pasted into the address bar of an open page (a same-document navigation,
    // so errors can be recorded from the start): the message in the interface language, and
    // no console error.
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.click_css(".masthead__toggle--lang").await?;
    page.record_console_errors().await?;
    for (key, bad) in bad_links(&good) {
        page.set_fragment(&bad).await?;
        page.wait_until(
            &format!("message {key}"),
            &format!(
                "return window.khabar.state().notice === {};",
                serde_json::json!(key)
            ),
        )
        .await?;
        let text = page.notice_text().await?;
        assert!(text.is_ascii(), "{key} in English: {text}");
        page.click_css(".notice .notice__dismiss").await?;
        page.wait_until("dismissed", "return window.khabar.state().notice === null;")
            .await?;
    }
    assert_eq!(page.headline_text().await?, headline);
    assert_eq!(page.console_errors().await?, Vec::<String>::new());
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn a_downloaded_bundle_opens_the_same_view() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.open_text(OWN_ARTICLE, Some(OWN_DATE)).await?;
    let analysis = khabar::analyze(OWN_ARTICLE, Some(OWN_DATE));
    let entity = &analysis.entities[0];
    page.select_entity(&entity.id).await?;
    let lit = page.selected_mentions().await?;
    let headline = page.headline_text().await?;
    let bundle = page.export_file("bundle").await?;
    page.close().await?;
    let dir = std::env::temp_dir().join(format!("khabar-e2e-bundle-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("article.khabar.json");
    std::fs::write(&path, &bundle)?;

    let fresh = ExplorerPage::open(Viewport::DESKTOP).await?;
    fresh.open_bundle_file(&path).await?;
    fresh.wait_for_selection("entity", &entity.id).await?;
    assert_eq!(fresh.headline_text().await?, headline);
    assert_eq!(fresh.selected_mentions().await?, lit);
    fresh.close().await?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn downloads_are_what_khabar_analyze_prints() -> Result<()> {
    // The CLI prints these functions' output byte for byte
    // (crates/khabar-cli/tests/export_identity.rs); the page's files must equal them.
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let mut files = Vec::new();
    for format in ["json", "timeml", "brat", "csv", "ics"] {
        files.push(page.export_file(format).await?);
    }
    let analysis = bundled();
    let text = khabar::BUNDLED_TEXT;
    let expected = [
        khabar_share::export::analysis_json(&analysis),
        khabar_share::export::timeml(text, &analysis),
        khabar_share::export::brat(&analysis),
        khabar_share::export::timeline_csv(&analysis),
        khabar_share::export::timeline_ics(text, &analysis),
    ];
    assert_eq!(files, expected);
    // A reader's own article too, with the date the reader gave.
    page.open_text(OWN_ARTICLE, Some(OWN_DATE)).await?;
    let file = page.export_file("json").await?;
    let own = khabar::analyze(OWN_ARTICLE, Some(OWN_DATE));
    assert_eq!(file, khabar_share::export::analysis_json(&own));
    page.close().await
}

/// About `bytes` of text that deflate cannot shrink much: pseudo-random Arabic words (a fixed
/// linear congruential sequence, so every run is the same).
fn incompressible_article(bytes: usize) -> String {
    let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut text = String::from("عنوان تجريبي لمقال طويل\n\n");
    while text.len() < bytes {
        for _ in 0..3 + next(5) {
            text.push(letters[next(letters.len())]);
        }
        text.push(if next(12) == 0 { '.' } else { ' ' });
        if next(150) == 0 {
            text.push_str("\n\n");
        }
    }
    text
}

#[tokio::test(flavor = "current_thread")]
async fn an_article_too_long_for_a_link_is_offered_as_a_file() -> Result<()> {
    // issue 13: past MAX_LINK_CHARS the page says so and offers the .khabar.json file.
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.open_text(&incompressible_article(100_000), None)
        .await?;
    let (key, link) = page.click_share().await?;
    assert_eq!(key, "share.too_long");
    assert_eq!(link, "", "no link is offered");
    assert!(
        page.has(".notice button.notice__action[data-format=\"bundle\"]")
            .await?
    );
    let long = page.share_link().await?;
    assert!(
        long.len() > khabar_share::link::MAX_LINK_CHARS,
        "{}",
        long.len()
    );
    page.close().await
}
