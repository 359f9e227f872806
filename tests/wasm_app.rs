//! In headless Chromium (issue 6): mount the explorer on the fixture article, select an entity
//! in the sidebar, walk its mentions, click a name in the text, choose an event.
#![cfg(target_arch = "wasm32")]

mod fixture;

use fixture::{FIXTURE_PUBLISHED, FIXTURE_TEXT, fixture_analysis};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn query_all(selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = gloo::utils::document()
        .query_selector_all(selector)
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn click(selector: &str) {
    query_all(selector)
        .first()
        .unwrap_or_else(|| panic!("no {selector}"))
        .click();
}

async fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<khabar::App>::with_root_and_props(
        root.clone(),
        khabar::AppProps {
            text: FIXTURE_TEXT.into(),
            published: Some(FIXTURE_PUBLISHED.into()),
            analysis: Some(Rc::new(fixture_analysis())),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn select_walk_click_and_choose_an_event() {
    let root = mount().await;
    let analysis = fixture_analysis();
    let macron = &analysis.entities[0];

    click(".sidebar__entity[data-entity-id='e1']");
    yew::scheduler::flush().await;
    assert_eq!(
        query_all(".article .mention.is-selected").len(),
        macron.mentions.len()
    );
    assert_eq!(
        query_all(".article .mention.is-current[data-mention-index='0']").len(),
        1
    );
    let status = query_all(".mention-nav__status")[0].get_attribute("data-total");
    assert_eq!(status.as_deref(), Some("4"));
    assert_eq!(
        gloo::utils::window().location().hash().unwrap(),
        "#entity=e1&mention=0"
    );

    click("[data-action='next-mention']");
    yew::scheduler::flush().await;
    assert_eq!(
        query_all(".article .mention.is-current[data-mention-index='1']").len(),
        1
    );

    let key = |k: &str, alt: bool| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_alt_key(alt);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        gloo::utils::document().dispatch_event(&event).unwrap();
    };
    key("n", false);
    yew::scheduler::flush().await;
    assert_eq!(
        query_all(".article .mention.is-current[data-mention-index='2']").len(),
        1
    );
    key("ArrowRight", true);
    key("p", false);
    yew::scheduler::flush().await;
    assert_eq!(
        query_all(".article .mention.is-current[data-mention-index='0']").len(),
        1
    );

    click(".article .mention[data-entity-id='e3']");
    yew::scheduler::flush().await;
    assert_eq!(
        query_all(".sidebar__entity.is-selected[data-entity-id='e3']").len(),
        1
    );
    assert_eq!(query_all(".article .mention.is-selected").len(), 2);

    click(".timeline__event[data-event-id='v1'] .timeline__button");
    yew::scheduler::flush().await;
    assert_eq!(query_all(".article .sentence.is-evidence").len(), 1);
    assert_eq!(query_all(".article .mention.is-participant").len(), 6);

    root.remove();
}
