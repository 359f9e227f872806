//! Arabic number words (cardinals, ordinals, gender forms, the dual) to values.
//!
//! (Stub: filled in by the text-core issue (#3).)

/// The value of a number word or digit string: «ثلاثة» → 3, «عامين» → 2 (dual).
pub fn value(word: &str) -> Option<u64> {
    let key = crate::normalize::key(word);
    key.parse().ok()
}

/// A number written in one or more words («خمسة وعشرون», «الحادي عشر», «25»).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberPhrase {
    /// Its value.
    pub value: u64,
    /// How many of the given words it used.
    pub words: usize,
    /// Whether it is an ordinal («الثالث»).
    pub ordinal: bool,
}

/// Reads the number that starts at `words[0]`, if any (cardinal or ordinal, words or digits).
pub fn parse_phrase(words: &[&str]) -> Option<NumberPhrase> {
    let first = words.first()?;
    value(first).map(|value| NumberPhrase {
        value,
        words: 1,
        ordinal: false,
    })
}
