//! The article text cut into a tree of marked ranges (sentences ⊃ time expressions ⊃ mentions),
//! in code points, ready to render as nested inline elements. Pure: no DOM, no Yew.

use khabar_nlp::analysis::BlockKind;
use khabar_nlp::{Analysis, CharIndex};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The text between code-point offsets `start` and `end` (clamped).
pub fn char_slice(text: &str, start: usize, end: usize) -> &str {
    CharIndex::new(text).slice(text, start, end)
}

/// The headline's text, as the analysis found it in `text`.
pub fn headline<'t>(text: &'t str, analysis: &Analysis) -> Option<&'t str> {
    let block = analysis
        .structure
        .iter()
        .find(|b| b.kind == BlockKind::Headline)?;
    Some(char_slice(text, block.start, block.end))
}

/// What a range of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Sentence `i` of `analysis.sentences`.
    Sentence(usize),
    /// Time expression `i` of `analysis.times`.
    Time(usize),
    /// Mention `mention` of entity `entity` (indices into the analysis lists).
    Mention {
        /// Index of the entity.
        entity: usize,
        /// Index of the mention in the entity's list.
        mention: usize,
    },
}

impl Mark {
    fn depth(self) -> u8 {
        match self {
            Mark::Sentence(_) => 0,
            Mark::Time(_) => 1,
            Mark::Mention { .. } => 2,
        }
    }
}

/// A marked range with the marked ranges nested in it; text between children is plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkNode {
    /// The mark, `None` for the block itself.
    pub mark: Option<Mark>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Nested ranges, in order, inside `[start, end)`, not overlapping.
    pub children: Vec<MarkNode>,
}

/// The marks of the whole analysis, sorted for [`mark_tree`].
pub fn marks(analysis: &Analysis) -> Vec<(usize, usize, Mark)> {
    let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
    for (i, s) in analysis.sentences.iter().enumerate() {
        marks.push((s.start, s.end, Mark::Sentence(i)));
    }
    for (i, t) in analysis.times.iter().enumerate() {
        marks.push((t.start, t.end, Mark::Time(i)));
    }
    for (entity, e) in analysis.entities.iter().enumerate() {
        for (mention, m) in e.mentions.iter().enumerate() {
            marks.push((m.start, m.end, Mark::Mention { entity, mention }));
        }
    }
    marks.retain(|(s, e, _)| s < e);
    marks.sort_by_key(|&(s, e, m)| (s, Reverse(e), m.depth(), m));
    marks
}

/// A mark waiting in [`mark_tree`]: earliest start first, then longest, then outermost.
type QueueItem = Reverse<(usize, Reverse<usize>, u8, Mark)>;

/// How far back [`mark_tree`] looks for marks that start before a block.
const CROSSING_LOOKBACK: usize = 64;

/// The tree of marks inside the block `[start, end)`. A mark that crosses the end of an
/// enclosing one is split in two (both pieces keep the mark), so the tree always nests.
pub fn mark_tree(all_marks: &[(usize, usize, Mark)], start: usize, end: usize) -> MarkNode {
    let lo = all_marks.partition_point(|m| m.0 < start);
    let hi = all_marks.partition_point(|m| m.0 < end);
    // Marks that begin before the block and reach into it (a sentence across a line break) sit
    // just before `lo`; look back a bounded distance for them.
    let crossing = all_marks[lo.saturating_sub(CROSSING_LOOKBACK)..lo]
        .iter()
        .filter(|m| m.1 > start);
    let mut queue: BinaryHeap<QueueItem> = crossing
        .chain(&all_marks[lo..hi])
        .map(|&(s, e, m)| Reverse((s.max(start), Reverse(e.min(end)), m.depth(), m)))
        .collect();
    let mut stack = vec![MarkNode {
        mark: None,
        start,
        end,
        children: Vec::new(),
    }];
    while let Some(Reverse((s, Reverse(e), depth, mark))) = queue.pop() {
        while stack.len() > 1 && stack.last().is_some_and(|top| top.end <= s) {
            close_top(&mut stack);
        }
        let top = stack.last().map_or(end, |n| n.end);
        let e = if e > top {
            queue.push(Reverse((top, Reverse(e), depth, mark)));
            top
        } else {
            e
        };
        if s < e {
            stack.push(MarkNode {
                mark: Some(mark),
                start: s,
                end: e,
                children: Vec::new(),
            });
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().unwrap_or(MarkNode {
        mark: None,
        start,
        end,
        children: Vec::new(),
    })
}

fn close_top(stack: &mut Vec<MarkNode>) {
    if let Some(node) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        parent.children.push(node);
    }
}

/// A piece of a node: either plain text or a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'n> {
    /// Plain text `[start, end)`.
    Text(usize, usize),
    /// A nested marked node.
    Node(&'n MarkNode),
}

impl MarkNode {
    /// The node's content in order: plain text between children, and the children.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        let mut pieces = Vec::with_capacity(self.children.len() * 2 + 1);
        let mut at = self.start;
        for child in &self.children {
            if child.start > at {
                pieces.push(Piece::Text(at, child.start));
            }
            pieces.push(Piece::Node(child));
            at = child.end;
        }
        if at < self.end {
            pieces.push(Piece::Text(at, self.end));
        }
        pieces
    }
}
