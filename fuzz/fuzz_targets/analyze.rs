//! Fuzz target `analyze` (issue 15): any bytes, read as text (invalid UTF-8 replaced), analysed
//! without a reference date when the input's length is even and with a date derived from its
//! bytes when odd, so that plain-text seeds need no header; every invariant of
//! `khabar_nlp::invariants` is checked, the work bound included.

#![no_main]

use khabar_nlp::{Config, Date, invariants};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let config = Config {
        reference_date: (data.len() % 2 == 1).then(|| date_of(data)),
    };
    let _ = khabar_nlp::dateline_date(&text);
    if let Err(v) = invariants::analyze_checked(&text, &config) {
        panic!("{v}");
    }
});

/// A valid date from the input's bytes (FNV-1a): any year 1–9999.
fn date_of(data: &[u8]) -> Date {
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let year = 1 + (hash % 9999) as i16;
    let month = 1 + (hash >> 16) % 12;
    let day = 1 + (hash >> 24) % 28;
    Date::constant(year, month as i8, day as i8)
}
