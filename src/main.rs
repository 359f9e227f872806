//! The web app's entry point: installs `window.khabar` and hydrates the article page that the
//! build prerendered (wasm only).
//!
//! The page carries its article, date and analysis as JSON (`crate::page`); nothing is analysed
//! here, so the analysis code stays out of this binary (it lives in the worker). A page without
//! that data (the index of several articles) is plain HTML and mounts nothing.

#[cfg(target_arch = "wasm32")]
fn main() {
    use khabar::page::{DATA_ID, PageData, ROOT_ID};
    khabar::js_api::install();
    let document = gloo::utils::document();
    let data = document
        .get_element_by_id(DATA_ID)
        .and_then(|el| el.text_content())
        .and_then(|json| PageData::from_script_json(&json));
    let (Some(data), Some(root)) = (data, document.get_element_by_id(ROOT_ID)) else {
        return;
    };
    let props = khabar::AppProps {
        text: data.text.into(),
        published: data.published.map(Into::into),
        analysis: Some(std::rc::Rc::new(data.analysis)),
    };
    yew::Renderer::<khabar::App>::with_root_and_props(root, props).hydrate();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("khabar-app is the web app: build it with `cargo xtask serve` (Trunk, wasm32).");
}
