//! The [`Document`]: the text with what the text stages (structure, tokens, sentences) found,
//! handed to the later stages.

use crate::sentence;
use crate::span::Span;
use crate::structure;
use crate::token;

/// The text with what the early stages found, handed to the later stages.
#[derive(Debug)]
pub struct Document<'t> {
    /// The original text, never modified.
    pub text: &'t str,
    /// Kicker, headline, subheadings, paragraphs.
    pub blocks: Vec<structure::Block>,
    /// Tokens in order.
    pub tokens: Vec<token::Token>,
    /// Sentence spans in order.
    pub sentences: Vec<Span>,
}

impl<'t> Document<'t> {
    /// Runs the text stages (structure, tokens, sentences) over `text`.
    pub fn new(text: &'t str) -> Document<'t> {
        let blocks = structure::parse_plain(text);
        let tokens = token::tokenize(text);
        let sentences = sentence::split(text, &tokens);
        Document {
            text,
            blocks,
            tokens,
            sentences,
        }
    }
}
