//! How long share links are (issue 13): a typical 6 KB article must fit in a link of a few
//! kilobytes, well under the limit past which the app offers a file instead.

use khabar_share::link::{self, Article, MAX_LINK_CHARS, SharedView};

const ARTICLE: &str = include_str!("../../../articles/biden-putin-summit.txt");

#[test]
fn a_6_kb_article_gives_a_link_of_a_few_kilobytes() {
    assert!((5_000..8_000).contains(&ARTICLE.len()), "{}", ARTICLE.len());
    let view = SharedView {
        article: Article::Text(ARTICLE.to_owned()),
        date: Some("2021-04-16".into()),
        selection: link::Selection::Entity {
            id: "e2".into(),
            mention: 3,
        },
        view: Some("reader".into()),
        lang: Some("ar".into()),
        ..SharedView::default()
    };
    let fragment = link::encode(&view);
    // Measured: 2,780 characters for the 6,066-byte article (zlib level 9 + base64).
    assert!(fragment.len() < 3_500, "{} characters", fragment.len());
    assert!(fragment.len() * 8 < MAX_LINK_CHARS);
    assert_eq!(link::decode(&fragment), Ok(view));
}
