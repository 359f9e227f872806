//! The pages written at build time (issue 12): the article's HTML is in the page, with its
//! analysis as JSON that reads back exactly, safe inside `<script>`; several articles give an
//! index at the root.
#![cfg(all(feature = "prerender", not(target_arch = "wasm32")))]

use khabar::page::PageData;
use khabar::prerender::{Article, MOUNT, article_page, index_page};

const TEMPLATE: &str = "<!doctype html><html><head><title>x</title></head><body>\
                        <div id=\"khabar-root\"></div></body></html>";

/// A short article of our own (not the bundled one), with a name and a date.
const OTHER: &str = "القاهرة - 3 أيار/مايو 2022\nوزير الخارجية المصري يزور عمان\n\n\
                     زار وزير الخارجية المصري سامح شكري عمان اليوم الثلاثاء.\n";

#[tokio::test(flavor = "current_thread")]
async fn an_article_page_holds_the_laid_out_article_and_its_analysis() {
    let article = Article::new("other", OTHER, Some("2022-05-03"));
    let page = article_page(TEMPLATE, &article).await;
    assert!(!page.contains(MOUNT), "the mount point is filled");
    assert!(page.contains("<article "), "{page}");
    for entity in &article.data.analysis.entities {
        let mark = format!("data-entity-id=\"{}\" data-mention-index=\"0\"", entity.id);
        assert!(page.contains(&mark), "{} is highlighted", entity.name);
    }
    assert!(page.contains("class=\"sidebar\"") && page.contains("class=\"timeline\""));
    assert!(page.contains(&format!("<title>{} — خبر</title>", article.headline())));
    let start = page.find("id=\"khabar-page\">").expect("the data script") + 17;
    let json = &page[start..start + page[start..].find("</script>").unwrap()];
    let data = PageData::from_script_json(json).expect("the data reads back");
    assert_eq!(data, article.data);
}

// Issue 12: text that would end or change the <script> element stays inside it.
#[test]
fn page_data_json_cannot_close_its_script_element() {
    let text = "نص </script><script>alert(1)</script> <!-- & \u{2028}";
    let data = Article::new("x", text, None).data;
    let json = data.to_script_json();
    assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
    assert!(!json.contains('\u{2028}'));
    assert_eq!(PageData::from_script_json(&json), Some(data));
}

#[test]
fn several_articles_give_an_index_with_headline_date_and_entities() {
    let one = Article::new("other", OTHER, Some("2022-05-03"));
    let two = Article::new(
        "bundled",
        khabar::BUNDLED_TEXT,
        Some(khabar::BUNDLED_PUBLISHED),
    );
    let page = index_page(TEMPLATE, &[one.clone(), two.clone()]);
    for article in [&one, &two] {
        assert!(
            page.contains(&format!("href=\"a/{}/\"", article.slug)),
            "{page}"
        );
        assert!(page.contains(&khabar::prerender::escape(&article.headline())));
        let date = article.data.published.as_deref().unwrap();
        assert!(page.contains(&format!("datetime=\"{date}\"")));
        let main = &article.data.analysis.entities[0].name;
        assert!(page.contains(&khabar::prerender::escape(main)), "{main}");
    }
}

/// A template as Trunk writes it: an inline module script and a JSON-free head.
const TRUNK_TEMPLATE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>x</title>\
                              <script type=\"module\">import init from '/app.js'; await init();</script>\
                              </head><body><div id=\"khabar-root\"></div></body></html>";

// Issue 13: the CSP comes first in <head>, allows every inline script the page runs by its hash
// and nothing from elsewhere; the data block is not a script.
#[tokio::test(flavor = "current_thread")]
async fn every_page_carries_a_csp_that_allows_exactly_its_own_scripts() {
    use khabar::site::{REGISTER_SCRIPT, inline_scripts};
    let article = Article::new("other", OTHER, Some("2022-05-03"));
    let page = article_page(&khabar::prerender::with_head(TRUNK_TEMPLATE, ""), &article).await;
    let head = &page[page.find("<head>").unwrap()..page.find("</head>").unwrap()];
    let csp_at = head.find("Content-Security-Policy").expect("a CSP");
    assert!(
        csp_at < head.find("<script").unwrap(),
        "the CSP precedes every script"
    );
    let scripts = inline_scripts(&page);
    assert_eq!(
        scripts.len(),
        2,
        "Trunk's module script and the registration: {scripts:?}"
    );
    assert!(scripts.contains(&REGISTER_SCRIPT));
    let csp = khabar::site::content_security_policy(&scripts);
    assert!(page.contains(&csp), "the page's CSP hashes its own scripts");
    assert!(csp.contains("'sha256-"), "{csp}");
    for forbidden in ["'unsafe-eval'", "'unsafe-inline'; ", "http:", "https:", "*"] {
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(
            !script_src.contains(forbidden),
            "{forbidden} in {script_src}"
        );
    }
    assert!(csp.starts_with("default-src 'none'"));
    assert!(page.contains("<meta name=\"referrer\" content=\"no-referrer\">"));
}

// Issue 13: a shared link previews with the headline and the first paragraph.
#[test]
fn article_pages_carry_open_graph_and_twitter_previews() {
    let article = Article::new("other", OTHER, Some("2022-05-03"));
    let tags = khabar::site::preview_tags(&article, None);
    let headline = khabar::prerender::escape(&article.headline());
    assert!(tags.contains(&format!(
        "<meta property=\"og:title\" content=\"{headline}\">"
    )));
    assert!(
        tags.contains("og:description\" content=\"زار وزير الخارجية المصري سامح شكري"),
        "{tags}"
    );
    assert!(tags.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(tags.contains("article:published_time\" content=\"2022-05-03\""));
    assert!(!tags.contains("og:image"), "no relative image URL: {tags}");
    let hosted = khabar::site::preview_tags(&article, Some("https://example.org/khabar/"));
    assert!(hosted.contains("content=\"https://example.org/khabar/a/other/\""));
    assert!(hosted.contains("og:image\" content=\"https://example.org/khabar/icon.svg\""));
    // Markup in the text stays text.
    let hostile = Article::new("x", "عنوان\n\n<script>alert(1)</script> \"نص\"", None);
    let tags = khabar::site::preview_tags(&hostile, None);
    assert!(
        !tags.contains("<script>") && !tags.contains("\"نص\""),
        "{tags}"
    );
}

// Issue 13: the description is cut at a word, at most 200 characters.
#[test]
fn the_description_is_the_first_paragraph_cut_at_a_word() {
    let long = format!("عنوان\n\n{}\n", "كلمة ".repeat(100));
    let description = khabar::site::description(&Article::new("x", &long, None));
    assert!(description.chars().count() <= 200, "{description}");
    assert!(description.ends_with("كلمة…"), "{description}");
}

// Issue 13: the service worker caches every file of the site, the pages under their addresses.
#[test]
fn the_service_worker_lists_every_file_of_the_site() {
    let site = std::env::temp_dir().join(format!("khabar-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(site.join("a/one")).unwrap();
    std::fs::create_dir_all(site.join("fonts")).unwrap();
    for file in [
        "index.html",
        "a/one/index.html",
        "fonts/f.woff2",
        "app_bg.wasm",
        "sw.js",
    ] {
        std::fs::write(site.join(file), file).unwrap();
    }
    let urls = khabar::site::site_urls(&site).unwrap();
    assert_eq!(
        urls,
        [
            "./",
            "a/one/",
            "a/one/index.html",
            "app_bg.wasm",
            "fonts/f.woff2",
            "index.html"
        ]
    );
    let version = khabar::site::site_version(&site, &urls).unwrap();
    std::fs::write(site.join("app_bg.wasm"), "changed").unwrap();
    assert_ne!(khabar::site::site_version(&site, &urls).unwrap(), version);
    let worker = khabar::site::service_worker(&urls, &version);
    assert!(worker.contains("\"a/one/\"") && worker.contains(&version));
    let manifest: serde_json::Value =
        serde_json::from_str(&khabar::site::manifest()).expect("the manifest is JSON");
    assert_eq!(manifest["dir"], "rtl");
    assert_eq!(manifest["start_url"], "./");
    std::fs::remove_dir_all(&site).unwrap();
}
