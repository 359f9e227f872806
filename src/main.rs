//! The web app's entry point: installs `window.khabar` and mounts the explorer (wasm only).
//!
//! `?fixture` in the URL shows the hand-analysed fixture article instead of the bundled one
//! (for looking at the interface while the analysis stages grow).

#[cfg(target_arch = "wasm32")]
fn main() {
    khabar::js_api::install();
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let props = if search.contains("fixture") {
        khabar::AppProps {
            text: khabar::fixture::FIXTURE_TEXT.into(),
            published: Some(khabar::fixture::FIXTURE_PUBLISHED.into()),
            analysis: Some(std::rc::Rc::new(khabar::fixture::fixture_analysis())),
        }
    } else {
        khabar::AppProps {
            text: khabar::BUNDLED_TEXT.into(),
            published: Some(khabar::BUNDLED_PUBLISHED.into()),
            analysis: None,
        }
    };
    yew::Renderer::<khabar::App>::with_props(props).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("khabar-app is the web app: build it with `cargo xtask serve` (Trunk, wasm32).");
}
