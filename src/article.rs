//! Helpers that turn code-point ranges of the analysis into pieces of the article text.

/// The text between code-point offsets `start` and `end` (clamped).
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = indices.nth(start).unwrap_or(text.len());
    let e = if end > start {
        indices.nth(end - start - 1).unwrap_or(text.len())
    } else {
        s
    };
    &text[s..e.max(s)]
}
