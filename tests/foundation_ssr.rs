//! Server-side-render snapshot of the explorer page (native, no browser).
//!
//! Renders `App` with the bundled article through Yew's `ServerRenderer` and checks the page's
//! invariants: the three regions, one `h1.article__headline` holding the headline that
//! `khabar-nlp` parsed from the plain text. The snapshot is a text outline of the article region
//! only (block tags and their text, markup inside blocks stripped), so restyling or highlighting
//! names does not disturb it. Re-bless with `UPDATE_EXPECT=1 cargo test --test foundation_ssr`.

#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect;

async fn render_page() -> String {
    yew::ServerRenderer::<khabar::App>::with_props(|| khabar::AppProps {
        text: khabar::BUNDLED_TEXT.into(),
        published: Some(khabar::BUNDLED_PUBLISHED.into()),
        analysis: Some(std::rc::Rc::new(khabar::analyze(
            khabar::BUNDLED_TEXT,
            Some(khabar::BUNDLED_PUBLISHED),
        ))),
    })
    .hydratable(false)
    .render()
    .await
}

/// The headline as `khabar-nlp` finds it in the bundled text.
fn parsed_headline() -> String {
    let analysis = khabar_nlp::analyze(khabar::BUNDLED_TEXT, &khabar_nlp::Config::default());
    khabar::article::headline(khabar::BUNDLED_TEXT, &analysis)
        .expect("the bundled article has a headline")
        .to_owned()
}

/// The element starting at the first `<tag` whose attributes contain `class="…class_name…"`.
fn element<'a>(html: &'a str, tag: &str, class_name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(pos) = html[from..].find(&format!("<{tag}")) {
        let start = from + pos;
        let open_end = start + html[start..].find('>')?;
        let open = &html[start..open_end];
        let has_class = open
            .split("class=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .is_some_and(|classes| classes.split_whitespace().any(|c| c == class_name));
        if has_class {
            let close = format!("</{tag}>");
            let end = open_end + html[open_end..].find(&close)? + close.len();
            return Some(&html[start..end]);
        }
        from = open_end;
    }
    None
}

/// Text with tags removed and the few entities Yew escapes decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .trim()
        .to_owned()
}

/// One line per heading or paragraph of `html`: `tag: first words…`.
fn outline(html: &str) -> String {
    let mut lines = Vec::new();
    let mut rest = html;
    while let Some(pos) = rest.find('<') {
        rest = &rest[pos + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !matches!(name.as_str(), "h1" | "h2" | "h3" | "p" | "blockquote") {
            continue;
        }
        let close = format!("</{name}>");
        let Some(end) = rest.find(&close) else { break };
        let text = text_of(&format!("<{}", &rest[..end]));
        let short: String = text.chars().take(40).collect();
        let more = if text.chars().count() > 40 { "…" } else { "" };
        lines.push(format!("{name}: {short}{more}"));
        rest = &rest[end + close.len()..];
    }
    lines.join("\n")
}

#[tokio::test(flavor = "current_thread")]
async fn page_has_the_three_regions_and_the_parsed_headline() {
    let html = render_page().await;
    for region in ["article", "sidebar", "timeline"] {
        let found = ["article", "aside", "section", "div", "nav"]
            .iter()
            .any(|tag| element(&html, tag, region).is_some());
        assert!(found, "no element with class '{region}' in {html}");
    }
    let headline = element(&html, "h1", "article__headline").expect("an h1.article__headline");
    assert_eq!(text_of(headline), parsed_headline());
    assert_eq!(html.matches("<h1").count(), 1, "exactly one h1: {html}");
}

#[tokio::test(flavor = "current_thread")]
async fn article_region_outline() {
    let html = render_page().await;
    let article = ["article", "section", "div"]
        .iter()
        .find_map(|tag| element(&html, tag, "article"))
        .expect("the article region");
    expect![[r#"
        p: قال إنه يبحث إمكانية إجراء قمة مع بوتين
        h1: بايدن: لا نسعى لإطلاق حلقة من التصعيد مع…
        p: أكد الرئيس الأمريكي جو بايدن، أن الولايا…
        p: وفي أعقاب فرض الولايات المتحدة حزمة جديد…
        h2: مسؤولية الاستقرار العالمي
        p: وشدد "بايدن" على أن الولايات المتحدة ورو…
        p: وتابع قائلا إن: "الروس والأمريكان شعبان …
        p: وأفاد الرئيس الأمريكي، متطرقا إلى العقوب…
        h2: محاولات لمنع تصاعد التوتر
        p: ولفت إلى أن الولايات المتحدة وروسيا تمكن…
        p: وأردف: "عندما كنت أتحدث مع الرئيس بوتين …
        p: واعتبر "بايدن" أن هذه القمة يمكن أن تسهم…
        p: وجدد "بايدن" أن الولايات المتحدة تشعر بق…
        p: واختتم تصريحاته بالقول، "من مصلحة الولاي…"#]]
    .assert_eq(&outline(article));
}
