//! Fuzz target `share_link` (issue 15): the share-link decoder `khabar_share::link::decode` on
//! any fragment (invalid UTF-8 replaced) returns a view or an error, never panics, and a view it
//! returns with an article (a slug or a text) encodes to a link that decodes to the same view.
//! (A view of the page's own article, what version-0 fragments give, has no version-1 form: the
//! app puts its article in before it encodes one.)

#![no_main]

use khabar_share::link;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let _ = link::is_versioned(&fragment);
    let Ok(view) = link::decode(&fragment) else {
        return;
    };
    if view.article == link::Article::Current {
        return;
    }
    let encoded = link::encode(&view);
    let again = link::decode(&encoded).expect("an encoded view decodes");
    assert_eq!(again, view, "the view survives encoding: {encoded}");
});
