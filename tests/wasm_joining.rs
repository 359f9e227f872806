//! In headless Chromium (issue 6): a highlight on a clitic-attached name («وبوتين») must not
//! break Arabic letter joining, so the word renders exactly as wide as without the highlight;
//! a zero-width non-joiner, which does break joining, changes the width (the check can fail).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FONT: &[u8] = include_bytes!("../assets/fonts/noto-naskh-arabic-news-400.woff2");
const STYLE: &str = include_str!("../style.css");

async fn load_font() {
    let document = gloo::utils::document();
    let bytes = js_sys::Uint8Array::from(FONT);
    let face =
        web_sys::FontFace::new_with_array_buffer("Joining Test Naskh", &bytes.buffer()).unwrap();
    let loaded = wasm_bindgen_futures::JsFuture::from(face.load().unwrap())
        .await
        .unwrap();
    document.fonts().add(&loaded.unchecked_into()).unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(STYLE));
    document.head().unwrap().append_child(&style).unwrap();
}

fn width(html: &str) -> f64 {
    let document = gloo::utils::document();
    let host = document.create_element("p").unwrap();
    host.set_attribute("dir", "rtl").unwrap();
    host.set_attribute("lang", "ar").unwrap();
    host.set_attribute(
        "style",
        "font: 40px 'Joining Test Naskh'; display: inline-block; white-space: nowrap;",
    )
    .unwrap();
    host.set_inner_html(html);
    document.body().unwrap().append_child(&host).unwrap();
    let w = host.get_bounding_client_rect().width();
    host.remove();
    w
}

fn mention(word: &str, class: &str) -> String {
    format!(
        "<span class=\"mention mention--people {class}\" data-entity-id=\"e1\" data-mention-index=\"0\">{word}</span>"
    )
}

#[wasm_bindgen_test]
async fn a_highlight_keeps_a_clitic_attached_name_joined() {
    load_font().await;
    // «و» never joins the next letter; «ل» and «ب» do, so a break there would show.
    for (clitic, name, joins) in [
        ("و", "بوتين", false),
        ("ل", "روسيا", true),
        ("وب", "بايدن", true),
        ("ول", "بوتين", true),
    ] {
        let plain = width(&format!("{clitic}{name}"));
        for class in [
            "",
            "is-selected",
            "is-selected is-current",
            "is-participant",
        ] {
            let highlighted = width(&format!("{clitic}{}", mention(name, class)));
            assert!(
                (plain - highlighted).abs() <= 0.5,
                "{clitic}{name} [{class}]: {plain} vs {highlighted}"
            );
        }
        let timed = width(&format!(
            "<time class=\"time\" tabindex=\"0\">{clitic}{}</time>",
            mention(name, "")
        ));
        assert!(
            (plain - timed).abs() <= 0.5,
            "{clitic}{name} in a time: {plain} vs {timed}"
        );
        let broken = width(&format!("{clitic}\u{200c}{name}"));
        assert!(
            !joins || (plain - broken).abs() > 0.5,
            "{clitic}{name}: the check is blind to joining ({plain} vs {broken})"
        );
    }
}
