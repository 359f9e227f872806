//! Issue 13, no leaks and offline: the page asks only the site for its own files while it loads,
//! analyses a pasted article, shares it and makes every download; the pages carry a CSP that the page itself never trips;
//! and after one visit the explorer opens, shows the bundled article and analyses a pasted one
//! with the server gone.

use crate::browser::Result;
use crate::pages::{ExplorerPage, Viewport, dist_dir, public_url};

/// An article of our own (not the bundled one), with names and a dateline.
const PASTED: &str = "\
الرباط - 4 حزيران/يونيو 2024
المغرب وإسبانيا يبحثان التعاون في مجال الهجرة

استقبل وزير الداخلية المغربي عبد الوافي لفتيت في الرباط اليوم الثلاثاء نظيره الإسباني فرناندو غراندي مارلاسكا.

وقال لفتيت إن البلدين سيعقدان اجتماعا في مدريد الشهر المقبل.
";

/// A second one, analysed offline.
const PASTED_OFFLINE: &str = "\
تونس - 9 أيلول/سبتمبر 2024
الرئيس التونسي يستقبل وزير الخارجية الجزائري

استقبل الرئيس التونسي قيس سعيد في قصر قرطاج وزير الخارجية الجزائري أحمد عطاف.
";

/// The script that records every CSP violation from now on (into `window.cspViolations`).
const RECORD_VIOLATIONS: &str = "window.cspViolations = window.cspViolations || [];
     document.addEventListener('securitypolicyviolation',
       e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
     return null;";

/// Pastes `text`, analyses it and returns the number of entities the sidebar lists.
async fn paste_and_analyse(page: &ExplorerPage, text: &str) -> Result<usize> {
    page.show_view("new-article").await?;
    page.paste_draft(text).await?;
    page.analyze_draft().await?;
    Ok(page.sidebar_entity_ids().await?.len())
}

#[tokio::test(flavor = "current_thread")]
async fn the_page_asks_only_for_its_own_files_and_works_offline_after_one_visit() -> Result<()> {
    let mut page = ExplorerPage::open(Viewport::DESKTOP).await?;
    page.eval::<serde_json::Value>(RECORD_VIOLATIONS).await?;
    let csp: Option<String> = page
        .eval("const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content;")
        .await?;
    assert!(
        csp.as_deref()
            .is_some_and(|c| c.starts_with("default-src 'none'")),
        "{csp:?}"
    );
    page.wait_for_service_worker().await?;
    assert!(
        paste_and_analyse(&page, PASTED).await? >= 2,
        "the pasted article's names"
    );
    // Sharing and every download are made in the page and its worker, from nothing fetched.
    let link = page.share_link().await?;
    assert!(link.contains("#v="), "{link}");
    for format in ["bundle", "json", "timeml", "brat", "csv", "ics"] {
        assert!(!page.export_file(format).await?.is_empty(), "{format}");
    }

    // Every request was for a file of the site, and every resource the page loaded came from it.
    let dist = dist_dir()?;
    let prefix = public_url();
    for seen in page.seen() {
        let Some(rest) = seen.path.strip_prefix(&prefix) else {
            panic!("a request outside the site: {seen:?}");
        };
        let file = if rest.is_empty() || rest.ends_with('/') {
            dist.join(rest).join("index.html")
        } else {
            dist.join(rest)
        };
        assert!(
            file.is_file(),
            "a request for a file the site has: {seen:?}"
        );
    }
    let origin = page.site_url();
    let origin = origin.trim_end_matches(&prefix).to_owned();
    let resources: Vec<String> = page
        .eval("return performance.getEntriesByType('resource').map(e => e.name);")
        .await?;
    assert!(!resources.is_empty());
    for url in &resources {
        assert!(url.starts_with(&origin), "a resource from elsewhere: {url}");
    }
    let violations: Vec<String> = page.eval("return window.cspViolations;").await?;
    assert!(
        violations.is_empty(),
        "the page trips its own CSP: {violations:?}"
    );

    // The server goes away; the explorer still opens, shows the bundled article and analyses.
    page.stop_server();
    page.reload().await?;
    let headline: String = page
        .eval("return document.querySelector('h1.article__headline').textContent;")
        .await?;
    assert!(!headline.trim().is_empty());
    page.eval::<serde_json::Value>(RECORD_VIOLATIONS).await?;
    assert!(
        paste_and_analyse(&page, PASTED_OFFLINE).await? >= 2,
        "the offline analysis lists the names"
    );
    let violations: Vec<String> = page.eval("return window.cspViolations;").await?;
    assert!(violations.is_empty(), "{violations:?}");
    page.close().await
}
