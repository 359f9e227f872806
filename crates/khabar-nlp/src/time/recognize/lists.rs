//! Dated lists (issue 11): in a chronology written one item per line («- 12 مارس 2023: …»,
//! «- 15 أبريل: …»), an item's bare day-month belongs to the year of the item above it, not to
//! the year the publication date would pick, which made the years alternate from line to line.
//! Recognition marks where each item stands ([`ListItem`]); resolution gives the year.

use super::*;

/// What may stand before the date at the start of a list line: spaces, bullets and dashes,
/// and an item number with its closing mark («1.», «٢)»).
fn is_item_marker(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || matches!(
            c,
            '-' | '–' | '—' | '•' | '·' | '*' | '▪' | '●' | '◦' | '.' | ')' | '(' | '/'
        )
}

/// The byte where the line holding `at` starts, if only an item marker stands before `at` on it.
fn list_line_start(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    before[start..]
        .chars()
        .all(is_item_marker)
        .then_some(start)
}

/// The start of the closest line above the one starting at `line_start` that is not blank.
fn line_above(text: &str, line_start: usize) -> Option<usize> {
    let mut end = line_start;
    while end > 0 {
        let before = text.get(..end - 1)?;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        if !before[start..].trim().is_empty() {
            return Some(start);
        }
        end = start;
    }
    None
}

/// Whether the hit's text writes a year (a number of three or more digits).
fn writes_year(text: &str, h: &Hit) -> bool {
    let Some(s) = text.get(h.start..h.end) else {
        return false;
    };
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Where a list item stands (issue 11): resolution gives its bare day-month the year of the
/// item on the line above (that item's own year, written or inherited), when the two items are
/// adjacent (at most blank lines between).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListItem {
    /// The start of its line.
    pub line: usize,
    /// The start of the closest non-blank line above.
    pub above: Option<usize>,
    /// Whether the expression writes a year.
    pub writes_year: bool,
}

/// Marks the hits that open an item of a list.
pub(super) fn list_items(text: &str, hits: &mut [Hit]) {
    for h in hits.iter_mut() {
        let Some(line) = list_line_start(text, h.start) else {
            continue;
        };
        h.list = Some(ListItem {
            line,
            above: line_above(text, line),
            writes_year: writes_year(text, h),
        });
    }
}
