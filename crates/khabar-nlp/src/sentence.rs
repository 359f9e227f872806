//! Sentence splitting on Arabic and Latin punctuation.
//!
//! (Foundation version: the text-core issue (#3) adds quotes, parentheses, decimals and
//! abbreviations.)

use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Sentence spans of `text`, in order; they cover every token.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        let s = *start.get_or_insert(t.span.start);
        let ends_here = (t.kind == TokenKind::Punct
            && matches!(t.span.slice(text), "." | "!" | "?" | "؟"))
            || tokens
                .get(i + 1)
                .is_some_and(|n| text[t.span.end..n.span.start].contains('\n'));
        if ends_here {
            sentences.push(Span::new(s, t.span.end));
            start = None;
        }
    }
    if let (Some(s), Some(last)) = (start, tokens.last()) {
        sentences.push(Span::new(s, last.span.end));
    }
    sentences
}
