//! Fuzz target `bundle` (issue 15): the `.khabar.json` reader `khabar_share::bundle::read` on any
//! bytes returns a bundle or an error, never panics, and a bundle it accepts writes back to a
//! file it reads the same.

#![no_main]

use khabar_share::bundle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(read) = bundle::read(data) else {
        return;
    };
    let written = bundle::write(&read);
    let again = bundle::read(written.as_bytes()).expect("a written bundle reads back");
    assert_eq!(again, read, "the bundle survives writing");
});
