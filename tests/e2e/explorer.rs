//! The explorer's acceptance (issue 6) on the built site: entity selection and mention walking,
//! clicking names in the text, the timeline, a reader's own article and its draft, keyboard-only
//! use, axe-core in both themes, and screenshots of every view.
//!
//! Expectations come from the same analysis the page shows (the build's, recomputed natively,
//! or the page's own `window.khabar.analyze`, answered by its worker), so the tests check that
//! the UI shows exactly what the analysis found.

use crate::browser::Result;
use crate::pages::{ExplorerPage, Viewport};
use crate::pages_explorer::Violation;
use khabar_nlp::Analysis;
use khabar_nlp::analysis::Entity;

/// A short news article written for these tests (not the bundled one): a dateline, two
/// ministers, countries, a past meeting and a planned one.
const OWN_ARTICLE: &str = "\
عمان - 12 آذار/مارس 2023
وزير الخارجية الأردني يستقبل نظيره المصري في عمان

استقبل وزير الخارجية الأردني أيمن الصفدي اليوم الأحد نظيره المصري سامح شكري في عمان، وبحث الوزيران العلاقات بين الأردن ومصر والأوضاع في المنطقة.

وقال الصفدي في مؤتمر صحفي مشترك إن البلدين سيعقدان اجتماعا للجنة العليا المشتركة في القاهرة الشهر المقبل.

وكان شكري قد زار بغداد في كانون الثاني/يناير الماضي، حيث التقى رئيس الوزراء العراقي محمد شياع السوداني.
";

/// The bundled article's analysis, as the build computed it for the page (the same code,
/// natively: the analysis is deterministic). The page itself no longer analyses (issue 12).
async fn bundled(_page: &ExplorerPage) -> Result<Analysis> {
    Ok(khabar::analyze(
        khabar::BUNDLED_TEXT,
        Some(khabar::BUNDLED_PUBLISHED),
    ))
}

/// The entity whose English name contains `english`.
fn entity<'a>(analysis: &'a Analysis, english: &str) -> &'a Entity {
    analysis
        .entities
        .iter()
        .find(|e| e.name_en.as_deref().is_some_and(|n| n.contains(english)))
        .unwrap_or_else(|| panic!("the analysis has an entity named {english}"))
}

#[tokio::test(flavor = "current_thread")]
async fn sidebar_selection_lights_exactly_the_entitys_mentions_and_names_select_in_text()
-> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let analysis = bundled(&page).await?;
    let putin = entity(&analysis, "Putin");

    page.select_entity(&putin.id).await?;
    let lit = page.selected_mentions().await?;
    let ids: Vec<(&str, usize)> = lit.iter().map(|m| (m.id.as_str(), m.index)).collect();
    let expected: Vec<(&str, usize)> = (0..putin.mentions.len())
        .map(|i| (putin.id.as_str(), i))
        .collect();
    assert_eq!(ids, expected, "exactly Putin's mentions are highlighted");
    let texts: Vec<&str> = lit.iter().map(|m| m.text.as_str()).collect();
    let analysed: Vec<&str> = putin.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, analysed, "each highlight covers its mention's text");
    for form in ["الرئيس الروسي", "نظيره الروسي", "بوتين"] {
        assert!(
            texts.iter().any(|t| t.contains(form)),
            "«{form}» is among Putin's highlighted mentions: {texts:?}"
        );
    }
    let total: String = page
        .eval("return document.querySelector('.mention-nav [data-total]').dataset.total;")
        .await?;
    assert_eq!(
        total,
        putin.mentions.len().to_string(),
        "the count is shown"
    );
    page.wait_in_view(".article .mention.is-current").await?;
    assert_eq!(page.current_mention().await?, Some(0));

    // Next / previous walk the mentions, wrapping at both ends.
    page.next_mention().await?;
    page.wait_for_current_mention(1).await?;
    page.wait_in_view(".article .mention.is-current").await?;
    page.next_mention().await?;
    page.wait_for_current_mention(2 % putin.mentions.len())
        .await?;
    page.previous_mention().await?;
    page.wait_for_current_mention(1).await?;
    page.previous_mention().await?;
    page.previous_mention().await?;
    page.wait_for_current_mention(putin.mentions.len() - 1)
        .await?;

    // Clicking «بايدن» in the text selects Biden at that mention.
    let biden = entity(&analysis, "Biden");
    let index = biden
        .mentions
        .iter()
        .position(|m| m.text == "بايدن")
        .expect("Biden is named «بايدن» in the article");
    page.click_mention(&biden.id, index).await?;
    page.wait_for_selection("entity", &biden.id).await?;
    page.wait_for_current_mention(index).await?;
    let lit = page.selected_mentions().await?;
    assert_eq!(lit.len(), biden.mentions.len());
    assert!(lit.iter().all(|m| m.id == biden.id));
    let card: String = page
        .eval("return document.querySelector('.card').dataset.entityId;")
        .await?;
    assert_eq!(card, biden.id, "the entity card shows Biden");
    page.close().await
}

/// The event of the bundled analysis whose value satisfies `test`.
fn event_id(analysis: &Analysis, what: &str, test: impl Fn(&str) -> bool) -> String {
    analysis
        .events
        .iter()
        .find(|v| v.value.as_deref().is_some_and(&test))
        .unwrap_or_else(|| {
            let values: Vec<_> = analysis.events.iter().map(|v| &v.value).collect();
            panic!("an event for {what} among {values:?}")
        })
        .id
        .clone()
}

#[tokio::test(flavor = "current_thread")]
async fn timeline_is_chronological_and_an_event_lights_its_sentence() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let analysis = bundled(&page).await?;
    let published = khabar::BUNDLED_PUBLISHED;
    let january = event_id(&analysis, "the January call", |v| v.starts_with("2021-01"));
    let week = event_id(&analysis, "this week's call", |v| v.starts_with("2021-W"));
    let today = event_id(&analysis, "today", |v| v == published);
    let summer = event_id(&analysis, "the summer summit", |v| v.ends_with("-SU"));
    let wanted = [january.clone(), week, today, summer];

    let shown = page.timeline_event_ids().await?;
    let positions: Vec<usize> = wanted
        .iter()
        .map(|id| shown.iter().position(|s| s == id).expect("event listed"))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "timeline order January call → this week's call → today → summer: {wanted:?} at {positions:?} in {shown:?}"
    );
    // On a wide screen the axis runs right to left: earlier events further right.
    let centres = page.axis_centres(&wanted).await?;
    let centres: Vec<f64> = centres
        .into_iter()
        .map(|c| c.expect("on the axis"))
        .collect();
    assert!(
        centres.windows(2).all(|w| w[0] > w[1]),
        "the axis runs right to left: {centres:?}"
    );

    page.select_event(&january).await?;
    let event = analysis.events.iter().find(|v| v.id == january).unwrap();
    let lit = page.evidence_sentences().await?;
    let expected: Vec<usize> = analysis
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            event
                .evidence
                .iter()
                .chain(std::iter::once(&event.sentence))
                .any(|r| s.start < r.end && r.start < s.end)
        })
        .map(|(i, _)| i)
        .collect();
    assert!(
        !lit.is_empty(),
        "the January call's sentence is highlighted"
    );
    assert!(
        lit.iter().all(|i| expected.contains(i)),
        "only the event's sentences are highlighted: {lit:?} ⊄ {expected:?}"
    );
    page.wait_in_view(".article .sentence.is-evidence").await?;
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn a_pasted_article_is_analysed_and_its_draft_survives_a_reload() -> Result<()> {
    let page = ExplorerPage::open_new_article_form(Viewport::DESKTOP).await?;
    page.paste_draft(OWN_ARTICLE).await?;
    let expected = page.analyze(OWN_ARTICLE, None).await?;
    assert_eq!(
        expected.reference_source, "text",
        "the dateline gives the date"
    );
    assert_eq!(expected.reference_date.as_deref(), Some("2023-03-12"));
    page.wait_until(
        "the date prefilled from the dateline",
        "return document.querySelector('#new-date').value === '2023-03-12';",
    )
    .await?;
    let date = page.draft_date().await?;
    let expected = page
        .analyze(
            OWN_ARTICLE,
            Some(&date).filter(|d| !d.is_empty()).map(|d| d.as_str()),
        )
        .await?;
    assert!(
        expected.entities.len() >= 3,
        "the test article has entities"
    );
    assert!(!expected.events.is_empty(), "the test article has events");

    page.analyze_draft().await?;
    let sidebar = page.sidebar_entity_ids().await?;
    let mut want: Vec<&str> = expected.entities.iter().map(|e| e.id.as_str()).collect();
    let mut got: Vec<&str> = sidebar.iter().map(String::as_str).collect();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want, "the sidebar lists the new article's entities");
    let timeline = page.timeline_event_ids().await?;
    let events: Vec<String> = expected.events.iter().map(|v| v.id.clone()).collect();
    assert_eq!(
        timeline, events,
        "the timeline shows the new article's events"
    );
    let shown: String = page
        .eval("return document.querySelector('.article').textContent;")
        .await?;
    let first_paragraph = OWN_ARTICLE.lines().nth(3).unwrap();
    assert!(
        shown.contains(first_paragraph),
        "the reader shows the new article"
    );

    page.wait_for_saved_draft(OWN_ARTICLE).await?;
    page.reload().await?;
    page.show_view("new-article").await?;
    assert_eq!(
        page.draft_text().await?,
        OWN_ARTICLE,
        "the draft survives a reload"
    );
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn keyboard_alone_selects_an_entity_and_walks_its_mentions() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.tab_to(".sidebar button.sidebar__entity", 80).await?;
    let id = page
        .focused_entity()
        .await?
        .expect("an entity button has focus");
    let visible_focus: bool = page
        .eval(
            "const s = getComputedStyle(document.activeElement);
             return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;",
        )
        .await?;
    assert!(visible_focus, "the focused entity shows a focus ring");
    page.press(fantoccini::key::Key::Enter).await?;
    page.wait_for_selection("entity", &id).await?;
    page.wait_for_current_mention(0).await?;
    let count = page.selected_mentions().await?.len();
    if count > 1 {
        page.type_keys("n").await?;
        page.wait_for_current_mention(1).await?;
        page.type_keys("p").await?;
        page.wait_for_current_mention(0).await?;
    }
    page.type_keys("p").await?;
    page.wait_for_current_mention(count - 1).await?;
    page.press(fantoccini::key::Key::Escape).await?;
    page.wait_until(
        "selection cleared",
        "return window.khabar.state().selection.kind === 'none';",
    )
    .await?;
    page.close().await
}

/// Every view the reader can reach: main, entity card, timeline event, new article.
async fn show(page: &ExplorerPage, analysis: &Analysis, view: &str) -> Result<()> {
    page.show_view("reader").await?;
    page.press(fantoccini::key::Key::Escape).await?;
    page.wait_until(
        "nothing selected",
        "return window.khabar.state().selection.kind === 'none';",
    )
    .await?;
    page.eval::<serde_json::Value>("window.scrollTo(0, 0); return null;")
        .await?;
    match view {
        "reader" => {}
        "entity" => {
            page.select_entity(&entity(analysis, "Putin").id).await?;
            page.find_waiting(".card").await?;
        }
        "event" => {
            let id = analysis.events.first().expect("events").id.clone();
            page.select_event(&id).await?;
        }
        _ => page.show_view("new-article").await?,
    }
    // The tab or button clicked last keeps focus; the views are shown without its ring.
    page.eval::<serde_json::Value>("document.activeElement?.blur(); return null;")
        .await?;
    page.settle().await
}

const VIEWS: [&str; 4] = ["reader", "entity", "event", "new-article"];

#[tokio::test(flavor = "current_thread")]
async fn axe_finds_no_violations_in_any_view_in_either_theme() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let analysis = bundled(&page).await?;
    let mut found: Vec<(String, Violation)> = Vec::new();
    for dark in [false, true] {
        page.set_dark(dark).await?;
        for view in VIEWS {
            show(&page, &analysis, view).await?;
            let theme = if dark { "dark" } else { "light" };
            for v in page.axe_violations().await? {
                found.push((format!("{view}/{theme}"), v));
            }
        }
    }
    assert!(found.is_empty(), "axe-core violations: {found:#?}");
    // The checker does see problems: an image without a text alternative is one.
    page.eval::<serde_json::Value>(
        "const img = document.createElement('img'); img.src = 'data:,'; img.id = 'axe-probe';
         document.querySelector('main').appendChild(img); return null;",
    )
    .await?;
    let probe = page.axe_violations().await?;
    assert!(
        probe.iter().any(|v| v.id == "image-alt"),
        "axe-core reports the probe image: {probe:?}"
    );
    page.close().await
}

#[tokio::test(flavor = "current_thread")]
async fn screenshots_of_every_view_at_both_sizes_and_themes() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let analysis = bundled(&page).await?;
    let mut shots = Vec::new();
    for viewport in [Viewport::DESKTOP, Viewport::PHONE] {
        page.set_viewport(viewport).await?;
        for dark in [false, true] {
            page.set_dark(dark).await?;
            for view in VIEWS {
                show(&page, &analysis, view).await?;
                let theme = if dark { "dark" } else { "light" };
                let name = format!("{view}-{theme}-{}x{}", viewport.width, viewport.height);
                shots.push(page.screenshot(&name).await?);
            }
        }
    }
    for shot in &shots {
        let bytes = std::fs::read(shot)?;
        assert!(bytes.starts_with(b"\x89PNG"), "{} is a PNG", shot.display());
    }
    assert_eq!(shots.len(), 16);
    page.close().await
}

// Issue 11: the reader sets the publication date right in the reader view, and every relative
// date of the timeline is resolved again from it at once.
#[tokio::test(flavor = "current_thread")]
async fn setting_the_publication_date_resolves_the_timeline_again() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    let before = timeline_values(&page).await?;
    let date = "2022-04-15";
    let expected = page.analyze(khabar::BUNDLED_TEXT, Some(date)).await?;
    page.set_publication_date(date).await?;
    let after = timeline_values(&page).await?;
    let want: Vec<String> = expected
        .events
        .iter()
        .map(|v| v.value.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        after, want,
        "the timeline of the article published on {date}"
    );
    assert_ne!(
        after, before,
        "relative dates moved with the publication date"
    );
    let value: String = page
        .eval("return document.querySelector('#reference-date').value;")
        .await?;
    assert_eq!(value, date);
    page.close().await
}

/// The `data-value` of every event of the timeline, in order.
async fn timeline_values(page: &ExplorerPage) -> Result<Vec<String>> {
    page.eval(
        "return [...document.querySelectorAll('.timeline__event')].map(e => e.dataset.value);",
    )
    .await
}
