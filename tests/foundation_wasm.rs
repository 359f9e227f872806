//! The explorer mounted in a real browser (headless Chromium through wasm-bindgen-test-runner).
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p khabar`
//! (`cargo xtask test wasm-tests` sets this up).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page's body to mount the app in.
fn mount_point() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_parsed_headline() {
    let root = mount_point();
    yew::Renderer::<khabar::App>::with_root_and_props(
        root.clone(),
        khabar::AppProps {
            text: khabar::BUNDLED_TEXT.into(),
            published: Some(khabar::BUNDLED_PUBLISHED.into()),
            analysis: Some(std::rc::Rc::new(khabar::analyze(
                khabar::BUNDLED_TEXT,
                Some(khabar::BUNDLED_PUBLISHED),
            ))),
        },
    )
    .render();
    yew::scheduler::flush().await;

    let analysis = khabar_nlp::analyze(khabar::BUNDLED_TEXT, &khabar_nlp::Config::default());
    let expected = khabar::article::headline(khabar::BUNDLED_TEXT, &analysis).expect("a headline");

    let headline = root
        .query_selector("h1.article__headline")
        .expect("a valid selector")
        .expect("the headline is rendered");
    assert_eq!(headline.text_content().unwrap_or_default().trim(), expected);
    for region in [".article", ".sidebar", ".timeline"] {
        assert!(
            root.query_selector(region).ok().flatten().is_some(),
            "region {region} is rendered"
        );
    }
}
