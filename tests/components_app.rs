//! Snapshots of the whole page, the header, the legend and the new-article view (issue 6).
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

mod components_support;

use components_support::{count, lines, render};
use expect_test::expect;
use fixture::{FIXTURE_PUBLISHED, FIXTURE_TEXT, fixture_analysis};
use khabar::components::header::{Header, HeaderProps};
use khabar::components::legend::{Legend, LegendProps};
use khabar::components::new_article::{NewArticle, NewArticleProps};
use khabar::state::{Draft, Lang, Progress, Theme, View};
use khabar::{App, AppProps};
use std::rc::Rc;

#[tokio::test]
async fn the_reader_page_has_its_regions() {
    let props = AppProps {
        text: FIXTURE_TEXT.into(),
        published: Some(FIXTURE_PUBLISHED.into()),
        analysis: Some(Rc::new(fixture_analysis())),
    };
    let html = render::<App>(props).await;
    for needle in [
        "class=\"masthead\"",
        "data-view=\"reader\" class=\"layout\"",
        "class=\"article\"",
        "class=\"sidebar\"",
        "class=\"timeline\"",
        "class=\"legend\"",
    ] {
        assert_eq!(count(&html, needle), 1, "{needle} in {html}");
    }
}

#[tokio::test]
async fn the_bundled_article_renders() {
    let props = AppProps {
        text: khabar::BUNDLED_TEXT.into(),
        published: Some(khabar::BUNDLED_PUBLISHED.into()),
        analysis: Some(Rc::new(khabar::analyze(
            khabar::BUNDLED_TEXT,
            Some(khabar::BUNDLED_PUBLISHED),
        ))),
    };
    let html = render::<App>(props).await;
    assert!(html.contains("<h1 class=\"article__headline\">"));
}

#[tokio::test]
async fn header_in_both_languages() {
    let props = |lang| HeaderProps {
        lang,
        theme: Theme::System,
        view: View::Reader,
        on_toggle_lang: Default::default(),
        on_toggle_theme: Default::default(),
        on_show_view: Default::default(),
        on_skip: Default::default(),
    };
    let ar = render::<Header>(props(Lang::Ar)).await;
    let en = render::<Header>(props(Lang::En)).await;
    expect![[r#"
        <header class="masthead">
        <button type="button" class="skip-link">انتقل إلى المقال</button>
        <div class="masthead__brand">
        <p class="masthead__title">خبر</p>
        <p class="masthead__tagline">مستكشف الأخبار العربية</p></div>
        <nav aria-label="التنقل الرئيسي" class="masthead__nav">
        <button type="button" data-view="reader" aria-pressed="true" class="masthead__tab is-current">المقال</button>
        <button type="button" data-view="new-article" aria-pressed="false" class="masthead__tab">مقال جديد</button>
        <button type="button" lang="en" title="Switch the interface to English" class="masthead__toggle masthead__toggle--lang">English</button>
        <button type="button" data-theme-toggle="" aria-pressed="false" class="masthead__toggle masthead__toggle--theme">الوضع الداكن</button></nav></header>

        <header class="masthead">
        <button type="button" class="skip-link">Skip to the article</button>
        <div class="masthead__brand">
        <p class="masthead__title">khabar</p>
        <p class="masthead__tagline">Arabic news explorer</p></div>
        <nav aria-label="Main navigation" class="masthead__nav">
        <button type="button" data-view="reader" aria-pressed="true" class="masthead__tab is-current">Article</button>
        <button type="button" data-view="new-article" aria-pressed="false" class="masthead__tab">New article</button>
        <button type="button" lang="ar" title="بدّل الواجهة إلى العربية" class="masthead__toggle masthead__toggle--lang">العربية</button>
        <button type="button" data-theme-toggle="" aria-pressed="false" class="masthead__toggle masthead__toggle--theme">Dark theme</button></nav></header>"#]].assert_eq(&lines(&format!("{ar}\n{en}")));
}

#[tokio::test]
async fn legend() {
    let html = render::<Legend>(LegendProps { lang: Lang::Ar }).await;
    expect![[r#"
        <section aria-labelledby="legend-title" class="legend">
        <h2 id="legend-title" class="legend__title">دليل الألوان</h2>
        <ul class="legend__list">
        <li class="legend__item"><span class="legend__swatch mention mention--people">أشخاص</span></li>
        <li class="legend__item"><span class="legend__swatch mention mention--countries">دول</span></li>
        <li class="legend__item"><span class="legend__swatch mention mention--organisations">منظمات</span></li>
        <li class="legend__item"><span class="legend__swatch mention mention--places">أماكن</span></li>
        <li class="legend__item"><span class="legend__swatch mention mention--other">أخرى</span></li>
        <li class="legend__item"><span class="legend__swatch time">تعبير زمني</span></li>
        <li class="legend__item"><span class="legend__swatch mention is-selected">التحديد</span></li></ul></section>"#]].assert_eq(&lines(&html));
}

#[tokio::test]
async fn new_article_form_progress_and_error() {
    let props = |progress| NewArticleProps {
        draft: Draft {
            text: "نص قصير".into(),
            date: "2024-05-01".into(),
        },
        progress,
        steps: None,
        lang: Lang::Ar,
        on_text: Default::default(),
        on_date: Default::default(),
        on_analyze: Default::default(),
        on_cancel: Default::default(),
        on_error: Default::default(),
        on_bundle: Default::default(),
    };
    let idle = render::<NewArticle>(props(Progress::Idle)).await;
    expect![[r#"
        <section id="article" tabindex="-1" aria-labelledby="new-title" class="new-article">
        <h1 id="new-title" class="new-article__title">مقال جديد</h1>
        <p class="new-article__intro">الصق نص مقال عربي أو افتح ملفا نصيا أو صفحة HTML (تُحوَّل HTML إلى نص ولا تُعرض). تبقى المسودة محفوظة في هذا المتصفح.</p>
        <form class="new-article__form">
        <label for="new-text" class="new-article__label">نص المقال</label>
        <textarea id="new-text" lang="ar" dir="rtl" rows="14" aria-describedby="new-chars" class="new-article__text">نص قصير</textarea>
        <p id="new-chars" class="new-article__chars"><bdi>7</bdi> حرف</p>
        <div class="new-article__row">
        <div class="new-article__field">
        <label for="new-date" class="new-article__label">تاريخ النشر</label>
        <input value="2024-05-01" id="new-date" type="date" aria-describedby="new-date-hint" class="new-article__date">
        <p id="new-date-hint" class="new-article__hint">يُملأ تلقائيا إذا ورد تاريخ في النص.</p></div>
        <div class="new-article__field">
        <label for="new-file" class="new-article__label">افتح ملفا</label>
        <input id="new-file" type="file" accept=".txt,.html,.htm,.json,text/plain,text/html,application/json" class="new-article__file">
        <p class="new-article__hint">أو اسحب ملفا وأفلته هنا</p></div></div>
        <button type="submit" class="new-article__submit">حلّل المقال</button></form>
        <div role="status" aria-live="polite" class="new-article__status"></div></section>"#]].assert_eq(&lines(&idle));
    let running = render::<NewArticle>(props(Progress::Running(1))).await;
    assert!(running.contains("<progress"));
    // Issue 12: a running analysis can be stopped, and shows the worker's stages once reported.
    assert!(running.contains("data-action=\"cancel-analysis\""));
    let reported = render::<NewArticle>(NewArticleProps {
        steps: Some(khabar::worker::Steps { done: 2, total: 5 }),
        ..props(Progress::Running(1))
    })
    .await;
    assert!(reported.contains("max=\"5\"") && reported.contains("value=\"2\""));
    assert!(
        reported.contains("data-done=\"2\" data-total=\"5\""),
        "{reported}"
    );
    let failed = render::<NewArticle>(props(Progress::Failed("error.empty".into()))).await;
    assert!(failed.contains("role=\"alert\""));
}
