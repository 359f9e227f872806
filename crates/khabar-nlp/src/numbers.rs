//! Arabic number words (cardinals, ordinals, gender forms, the dual) to values.
//!
//! (Stub: filled in by the text-core issue (#3).)

/// The value of a number word or digit string: «ثلاثة» → 3, «عامين» → 2 (dual).
pub fn value(word: &str) -> Option<u64> {
    let key = crate::normalize::key(word);
    key.parse().ok()
}
