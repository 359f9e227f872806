//! Fuzz target `html` (issue 15): the pasted-HTML reducer `khabar_nlp::html_to_text` on any
//! bytes (invalid UTF-8 replaced) must not panic, and its text is never much longer than the
//! markup (no entity or block expands without bound).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let text = khabar_nlp::html_to_text(&html);
    assert!(
        text.len() <= 2 * html.len() + 16,
        "{} bytes of HTML gave {} bytes of text",
        html.len(),
        text.len()
    );
});
