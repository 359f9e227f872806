//! The web app's entry point: installs `window.khabar` and mounts the explorer on the bundled
//! article (wasm only).

#[cfg(target_arch = "wasm32")]
fn main() {
    khabar::js_api::install();
    let props = khabar::AppProps {
        text: khabar::BUNDLED_TEXT.into(),
        published: Some(khabar::BUNDLED_PUBLISHED.into()),
        analysis: None,
    };
    yew::Renderer::<khabar::App>::with_props(props).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("khabar-app is the web app: build it with `cargo xtask serve` (Trunk, wasm32).");
}
