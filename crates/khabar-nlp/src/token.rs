//! Tokens with their original spans: Arabic words, Latin words, numbers, punctuation.
//!
//! (Foundation version: the text-core issue (#3) completes digit separators, percentages,
//! mixed-script words and the subheading bullet.)

use crate::normalize;
use crate::span::Span;

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word in Arabic script.
    Arabic,
    /// A word in Latin script (or other letters).
    Latin,
    /// A number in any digit set.
    Number,
    /// A punctuation mark.
    Punct,
}

/// A token: its span in the original text, its kind and its matching key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Its normalised matching key ([`normalize::key`]).
    pub key: String,
}

/// Whether `c` is an Arabic-script letter (or mark inside a word).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'..='\u{06D3}'
        | '\u{06D5}'..='\u{06ED}' | '\u{06FA}'..='\u{06FF}' 
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

fn class(c: char) -> Option<TokenKind> {
    if is_arabic_letter(c) || matches!(c, '\u{200C}' | '\u{200D}') {
        Some(TokenKind::Arabic)
    } else if c.is_numeric() {
        Some(TokenKind::Number)
    } else if c.is_alphabetic() {
        Some(TokenKind::Latin)
    } else if c.is_whitespace() || c.is_control() {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// Splits `text` into tokens, in order, non-overlapping.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current: Option<(usize, TokenKind)> = None;
    for (i, c) in text.char_indices() {
        let kind = class(c);
        match (current, kind) {
            (Some((_, k)), Some(k2)) if k == k2 && k != TokenKind::Punct => {}
            _ => {
                if let Some((start, k)) = current.take() {
                    tokens.push(make(text, start, i, k));
                }
                current = kind.map(|k| (i, k));
            }
        }
    }
    if let Some((start, k)) = current {
        tokens.push(make(text, start, text.len(), k));
    }
    tokens
}

fn make(text: &str, start: usize, end: usize, kind: TokenKind) -> Token {
    let span = Span::new(start, end);
    Token {
        span,
        kind,
        key: normalize::key(span.slice(text)),
    }
}
