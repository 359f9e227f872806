//! Article structure from plain text: kicker, headline, subheadings, paragraphs.
//!
//! The plain-text convention (the bundled article's, and what news sites give on copy): one block
//! per line; a short first line followed by another short line is a kicker above the headline;
//! a line starting with «- » (or «• ») is a subheading; everything else is a paragraph.
//! (Foundation version: the text-core issue (#3) adds datelines and HTML extraction.)

use crate::span::Span;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The short line above the headline.
    Kicker,
    /// The headline.
    Headline,
    /// A subheading inside the body.
    Subheading,
    /// A body paragraph.
    Paragraph,
}

impl BlockKind {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Kicker => "kicker",
            BlockKind::Headline => "headline",
            BlockKind::Subheading => "subheading",
            BlockKind::Paragraph => "paragraph",
        }
    }
}

/// One block: its kind and the span of its text (a subheading's bullet excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text in the original.
    pub span: Span,
}

/// Longest line (in chars) still taken for a kicker or headline.
const MAX_HEADING_CHARS: usize = 160;

/// Parses plain text into blocks, in order.
pub fn parse_plain(text: &str) -> Vec<Block> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let start = offset + lead;
            lines.push(Span::new(start, start + trimmed.len()));
        }
        offset += line.len();
    }
    let short = |s: Span| s.slice(text).chars().count() <= MAX_HEADING_CHARS;
    let bullet = |s: Span| {
        let t = s.slice(text);
        ["- ", "• ", "– ", "— "]
            .iter()
            .find(|b| t.starts_with(**b))
            .map(|b| b.len())
    };
    let mut blocks = Vec::with_capacity(lines.len());
    let mut i = 0;
    if lines.len() >= 3 && short(lines[0]) && short(lines[1]) && bullet(lines[0]).is_none() {
        blocks.push(Block {
            kind: BlockKind::Kicker,
            span: lines[0],
        });
        blocks.push(Block {
            kind: BlockKind::Headline,
            span: lines[1],
        });
        i = 2;
    } else if lines.len() >= 2 && short(lines[0]) && bullet(lines[0]).is_none() {
        blocks.push(Block {
            kind: BlockKind::Headline,
            span: lines[0],
        });
        i = 1;
    }
    for &line in &lines[i..] {
        match bullet(line) {
            Some(n) if short(line) => {
                let rest = Span::new(line.start + n, line.end);
                let lead = rest.slice(text).len() - rest.slice(text).trim_start().len();
                blocks.push(Block {
                    kind: BlockKind::Subheading,
                    span: Span::new(rest.start + lead, rest.end),
                });
            }
            _ => blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: line,
            }),
        }
    }
    blocks
}
