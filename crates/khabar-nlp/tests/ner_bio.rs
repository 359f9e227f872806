//! Property: the tagger returns one valid BIO tag per word for any input, without panicking (#4).

use khabar_nlp::ner::{self, Tag};
use proptest::prelude::*;

fn valid_bio(tags: &[Tag]) -> bool {
    let mut prev = Tag::O;
    for &t in tags {
        if let Tag::I(ty) = t
            && prev != Tag::B(ty)
            && prev != Tag::I(ty)
        {
            return false;
        }
        prev = t;
    }
    true
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ء-ي]{1,8}",
        "(و|ب|ل|ال|وال){0,1}[ء-ي]{2,6}",
        "[a-zA-Z0-9.,]{1,5}",
        "\\PC{1,4}",
        Just("الرئيس".to_owned()),
        Just("قال".to_owned()),
    ]
}

proptest! {
    #[test]
    fn tags_are_valid_bio(words in prop::collection::vec(word(), 0..30)) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let tags = ner::tag(&words);
        prop_assert_eq!(tags.len(), words.len());
        prop_assert!(valid_bio(&tags), "{:?}", tags);
    }
}
