//! Properties of the share-link decoder (issue 13): arbitrary strings and bytes never make it
//! panic, what it reads is bounded, and every view it can write reads back the same.

use khabar_share::link::{self, Article, MAX_TEXT_BYTES, Selection, SharedView};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,20}"
}

fn selection() -> impl Strategy<Value = Selection> {
    prop_oneof![
        Just(Selection::None),
        ("[a-z][0-9]{1,3}", 0usize..500)
            .prop_map(|(id, mention)| Selection::Entity { id, mention }),
        "v[0-9]{1,3}".prop_map(|id| Selection::Event { id }),
    ]
}

fn article() -> impl Strategy<Value = Article> {
    prop_oneof![
        name().prop_map(Article::Slug),
        "\\PC{0,400}".prop_map(Article::Text),
    ]
}

fn view() -> impl Strategy<Value = SharedView> {
    (
        article(),
        proptest::option::of("20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])"),
        selection(),
        proptest::option::of(name()),
        "\\PC{0,30}",
        proptest::option::of(name()),
        proptest::option::of("[a-z]{2}"),
    )
        .prop_map(
            |(article, date, selection, group, search, view, lang)| SharedView {
                article,
                date,
                selection,
                group,
                search,
                view,
                lang,
            },
        )
}

/// The text a decoded view carries is within the limit.
fn bounded(view: &SharedView) -> bool {
    match &view.article {
        Article::Text(text) => text.len() <= MAX_TEXT_BYTES,
        Article::Current | Article::Slug(_) => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn views_round_trip(view in view()) {
        let fragment = link::encode(&view);
        prop_assert_eq!(link::decode(&fragment), Ok(view));
    }

    #[test]
    fn arbitrary_strings_never_panic(fragment in "\\PC{0,300}") {
        if let Ok(view) = link::decode(&fragment) {
            prop_assert!(bounded(&view));
        }
    }

    #[test]
    fn link_shaped_strings_never_panic(
        pairs in proptest::collection::vec(("(v|a|t|d|q|g|lang|view|entity|mention|event|x)", "[A-Za-z0-9_%=-]{0,40}"), 0..8),
    ) {
        let fragment: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let fragment = format!("v=1&{}", fragment.join("&"));
        if let Ok(view) = link::decode(&fragment) {
            prop_assert!(bounded(&view));
        }
    }

    #[test]
    fn arbitrary_packed_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        // Random bytes as the payload: base64 of arbitrary (mostly invalid) zlib data.
        use base64::Engine as _;
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        if let Ok(text) = link::unpack_text(&packed) {
            prop_assert!(text.len() <= MAX_TEXT_BYTES);
        }
        let _ = link::decode(&format!("v=1&t={packed}"));
    }

    #[test]
    fn every_cut_of_a_text_link_fails_or_reads_a_prefix(view in view(), cut in 0usize..2000) {
        // issue 13: a link cut short (a chat app's limit) is an error, never a panic.
        let fragment = link::encode(&view);
        let mut at = cut.min(fragment.len());
        while !fragment.is_char_boundary(at) {
            at -= 1;
        }
        if let Ok(read) = link::decode(&fragment[..at]) {
            prop_assert!(bounded(&read));
        }
    }
}
