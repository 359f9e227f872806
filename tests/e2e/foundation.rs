//! The foundation: the bundled article renders right-to-left in Arabic with the self-hosted font.

use crate::browser::Result;
use crate::pages::{ExplorerPage, Viewport, selectors};

/// The headline `khabar-nlp` parses from the bundled text.
fn expected_headline() -> String {
    let analysis = khabar_nlp::analyze(khabar::BUNDLED_TEXT, &khabar_nlp::Config::default());
    khabar::article::headline(khabar::BUNDLED_TEXT, &analysis)
        .expect("the bundled article has a headline")
        .to_owned()
}

#[tokio::test(flavor = "current_thread")]
async fn page_is_arabic_rtl_with_headline_font_and_screenshots() -> Result<()> {
    let page = ExplorerPage::open(Viewport::DESKTOP).await?;
    assert_eq!(page.html_attribute("dir").await?.as_deref(), Some("rtl"));
    assert_eq!(page.html_attribute("lang").await?.as_deref(), Some("ar"));
    assert_eq!(page.headline_text().await?, expected_headline());
    for region in [selectors::ARTICLE, selectors::SIDEBAR, selectors::TIMELINE] {
        assert!(page.has(region).await?, "region {region} is on the page");
    }
    page.wait_for_font("Noto Naskh Arabic").await?;
    let used: bool = page
        .eval("return document.fonts.check('16px \"Noto Naskh Arabic\"', 'خبر');")
        .await?;
    assert!(used, "document.fonts.check finds Noto Naskh Arabic usable");

    let desktop = page.screenshot("desktop-1280x800").await?;
    page.set_viewport(Viewport::PHONE).await?;
    let phone = page.screenshot("phone-390x844").await?;
    for shot in [desktop, phone] {
        let bytes = std::fs::read(&shot)?;
        assert!(bytes.starts_with(b"\x89PNG"), "{} is a PNG", shot.display());
    }
    page.close().await
}
