//! The one span type every stage points with, and its conversion to code points at the edges.
//!
//! A [`Span`] is a half-open range of **UTF-8 byte offsets into the original text** as given.
//! Inside the crate everything is bytes (cheap slicing, always on char boundaries); the JSON
//! contract wants Unicode code-point offsets, so [`CharIndex`] converts once, when an
//! [`crate::analysis::Analysis`] is assembled.

use serde::{Deserialize, Serialize};

/// A half-open `[start, end)` range of UTF-8 byte offsets into the original text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is the caller's promise.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    #[cfg_attr(not(feature = "eval"), allow(dead_code))] // tests and evaluations use it
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text the span covers. Returns `""` when the span does not fit `text`.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[cfg_attr(not(feature = "eval"), allow(dead_code))] // tests and evaluations use it
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[cfg_attr(not(feature = "eval"), allow(dead_code))] // tests and evaluations use it
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Converts byte offsets of one text to Unicode code-point offsets (what the JSON contract,
/// Python's `str` and brat use).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char start, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        // Sized once (issue 9: collecting grew it a dozen times for an article).
        let mut starts = Vec::with_capacity(text.chars().count() + 1);
        starts.extend(text.char_indices().map(|(i, _)| i));
        starts.push(text.len());
        CharIndex { starts }
    }

    /// The code-point offset of byte offset `byte` (a byte inside a char maps to that char).
    pub fn char_offset(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of code-point offset `ch`, clamped to the text length.
    pub fn byte_offset(&self, ch: usize) -> usize {
        self.starts[ch.min(self.starts.len() - 1)]
    }

    /// The number of code points of the text.
    pub fn char_len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The text between code-point offsets `start` and `end` of `text` (the indexed text),
    /// clamped to it; empty when `end <= start`.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let s = self.byte_offset(start);
        let e = self.byte_offset(end);
        text.get(s..e.max(s)).unwrap_or_default()
    }

    /// `(start, end)` in code points.
    pub(crate) fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}
