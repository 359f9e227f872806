//! Spelling-tolerant matching keys for Arabic (`shared/docs/arabic.md`, "Spelling variation").
//!
//! Normalisation never changes what is displayed: it produces keys, and [`Normalized`] keeps a map
//! from every byte of the key back to the original text.
//!
//! (Foundation version: the text-core issue (#3) completes the folding rules and the offset map.)

use crate::span::Span;

/// Folds one char for matching; `None` means the char is dropped (diacritics, tatweel, controls).
pub fn fold_char(c: char) -> Option<char> {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        'ک' => Some('ك'),
        'ی' => Some('ي'),
        'ۀ' => Some('ه'),
        '\u{0640}' | '\u{064B}'..='\u{0652}' | '\u{0670}' => None,
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => None,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
        '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10),
        '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10),
        _ => Some(c),
    }
}

/// The matching key of a word or phrase.
pub fn key(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// A normalised text with a map from each of its bytes back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text (a key, never shown).
    pub text: String,
    /// For each byte of `text`, the span of the original char it came from.
    origin: Vec<Span>,
    /// Length of the original text, for spans at the end.
    original_len: usize,
}

impl Normalized {
    /// Normalises `original`.
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            if let Some(f) = fold_char(c) {
                let from = Span::new(i, i + c.len_utf8());
                text.push(f);
                origin.extend(std::iter::repeat_n(from, f.len_utf8()));
            }
        }
        Normalized {
            text,
            origin,
            original_len: original.len(),
        }
    }

    /// Maps a span of the normalised text back to the original text.
    pub fn original_span(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self
                .origin
                .get(span.start)
                .map_or(self.original_len, |s| s.start);
            return Span::new(at, at);
        }
        let start = self
            .origin
            .get(span.start)
            .map_or(self.original_len, |s| s.start);
        let end = self
            .origin
            .get(span.end - 1)
            .map_or(self.original_len, |s| s.end);
        Span::new(start, end.max(start))
    }
}
