//! Clitic analysis: which part of a word is the stem («وبوتين» → «بوتين»).
//!
//! (Foundation version: the text-core issue (#3) replaces this with ranked candidate
//! segmentations checked against a lexicon.)

use crate::span::Span;

/// A segmentation of one word into proclitics, stem and enclitic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmentation {
    /// The stem's span, relative to the start of the word (bytes).
    pub stem: Span,
    /// The proclitics stripped, in order (`"و"`, `"ب"`, `"ال"`).
    pub proclitics: Vec<&'static str>,
    /// The enclitic pronoun stripped, if any.
    pub enclitic: Option<&'static str>,
}

/// The best segmentation of `word`. The whole word when nothing is stripped.
pub fn best(word: &str) -> Segmentation {
    Segmentation {
        stem: Span::new(0, word.len()),
        proclitics: Vec::new(),
        enclitic: None,
    }
}
