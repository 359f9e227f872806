//! Dated lists (issue 11): in a chronology written one item per line («- 12 مارس 2023: …»,
//! «- 15 أبريل: …»), an item's bare day-month belongs to the year of the item above it, not to
//! the year the publication date would pick, which made the years alternate from line to line.

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

/// Whether the line ending just before `line_start` is the first non-empty line above it that
/// starts at `previous_start`: the two items are adjacent, with at most blank lines between.
fn adjacent(text: &str, previous_start: usize, line_start: usize) -> bool {
    let Some(between) = text.get(previous_start..line_start) else {
        return false;
    };
    // The previous item's own line, then only blank lines.
    let mut lines = between.split('\n');
    lines.next();
    lines.all(|l| l.trim().is_empty())
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

/// Gives each list item's bare day-month the year of the item on the line above (that item's
/// own year, written or inherited).
pub(super) fn list_years(text: &str, hits: &mut [Hit]) {
    // (start of the line, its year) of the last list item with a day date.
    let mut above: Option<(usize, i32)> = None;
    for h in hits.iter_mut() {
        let Some(line) = list_line_start(text, h.start) else {
            continue;
        };
        let Val::Day(d) = h.val else {
            above = None;
            continue;
        };
        let year = if writes_year(text, h) {
            Some(i32::from(d.year()))
        } else {
            match above {
                Some((previous, y)) if adjacent(text, previous, line) => {
                    match Date::new(i16::try_from(y).unwrap_or(d.year()), d.month(), d.day()) {
                        Ok(moved) => {
                            h.val = Val::Day(moved);
                            Some(y)
                        }
                        Err(_) => None,
                    }
                }
                _ => None,
            }
        };
        above = year.map(|y| (line, y));
    }
}
