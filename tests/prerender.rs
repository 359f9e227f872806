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
