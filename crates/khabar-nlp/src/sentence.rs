//! Sentence splitting on Arabic and Latin punctuation.
//!
//! A sentence ends at `.` `!` `?` `؟` `۔` (with any closing quotes or brackets right after it)
//! and at every line break (paragraph end). It does not end:
//! - inside parentheses, brackets or quotes (« » “ ” and `"` toggling), unless the terminator is
//!   right before the closing mark, which then ends the sentence too; a quote mark that is not
//!   balanced within its paragraph is ignored (news often leaves a quotation open). A long
//!   quotation of several sentences is split when at least five words lie on each side of the
//!   terminator inside it (event and quote attribution work per sentence);
//! - after abbreviations: a single Arabic letter («د.» doctor, «أ.» professor, «م.» engineer,
//!   «ق.م»), unless it is an era mark after a number («عام 2020 م.»); Latin initials and common
//!   Latin abbreviations (Mr., Dr., Inc.);
//! - in decimals (`3.5` is one token, see [`crate::token`]) or at an ellipsis.

use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Sentence spans of `text`, in order; they cover every token.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut p = 0;
    while p < tokens.len() {
        // One paragraph: tokens up to the next line break.
        // (The gap between two tokens is mostly one space: its bytes are searched, not its
        // chars, issue 9.)
        let mut q = p + 1;
        while q < tokens.len()
            && !text.as_bytes()[tokens[q - 1].span.end..tokens[q].span.start].contains(&b'\n')
        {
            q += 1;
        }
        split_paragraph(text, &tokens[p..q], &mut sentences);
        p = q;
    }
    sentences
}

fn split_paragraph(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let s = |t: &Token| t.span.slice(text);
    // The quotation marks and brackets of the paragraph, counted in one pass (issue 9: one
    // pass per mark); only punctuation tokens can be one.
    let mut counts = [0usize; 9];
    let marks = ["«", "»", "“", "”", "(", ")", "[", "]", "\""];
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Punct) {
        if let Some(m) = marks.iter().position(|&m| m == s(t)) {
            counts[m] += 1;
        }
    }
    let count = |c: &str| marks.iter().position(|&m| m == c).map_or(0, |m| counts[m]);
    let balanced = |open: &str, close: &str| count(open) == count(close);
    let use_guillemets = balanced("«", "»");
    let use_curly = balanced("“", "”");
    let use_parens = balanced("(", ")") && balanced("[", "]");
    let use_straight = count("\"").is_multiple_of(2);
    let mut depth: i32 = 0;
    let mut parens: i32 = 0;
    let mut straight_open = false;
    let mut start: Option<usize> = None;
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if start.is_none() {
            start = Some(t.span.start);
            first = i;
        }
        if t.kind == TokenKind::Punct {
            match s(t) {
                "«" if use_guillemets => depth += 1,
                "»" if use_guillemets => depth -= 1,
                "“" if use_curly => depth += 1,
                "”" if use_curly => depth -= 1,
                "(" | "[" if use_parens => {
                    depth += 1;
                    parens += 1;
                }
                ")" | "]" if use_parens => {
                    depth -= 1;
                    parens -= 1;
                }
                "\"" if use_straight => {
                    straight_open = !straight_open;
                    depth += if straight_open { 1 } else { -1 };
                }
                _ => {}
            }
        }
        let mut end = i;
        let mut ends = false;
        if is_terminator(text, tokens, i) {
            // Closing marks right after the terminator belong to this sentence.
            let (mut d, mut open) = (depth, straight_open);
            let mut j = i + 1;
            while let Some(n) = tokens.get(j).filter(|n| n.kind == TokenKind::Punct) {
                match s(n) {
                    "»" if use_guillemets => d -= 1,
                    "”" if use_curly => d -= 1,
                    ")" | "]" if use_parens => d -= 1,
                    "\"" if use_straight && open => {
                        open = false;
                        d -= 1;
                    }
                    "!" | "?" | "؟" | "." | "…" => {}
                    _ => break,
                }
                j += 1;
            }
            if d <= 0 {
                ends = true;
                end = j - 1;
                depth = d.max(0);
                straight_open = open && d > 0;
                parens = parens.min(depth);
            } else if parens <= 0 && words(&tokens[first..i]) >= MIN_QUOTED_SENTENCE_WORDS {
                // A long quotation of several sentences: split inside it, unless only a few
                // words remain before the quote closes.
                let closing = tokens[i + 1..]
                    .iter()
                    .position(|n| matches!(s(n), "»" | "”" | "\""))
                    .map_or(tokens.len(), |k| i + 1 + k);
                ends = words(&tokens[i + 1..closing]) >= MIN_QUOTED_SENTENCE_WORDS;
            }
        }
        if (ends || end + 1 == tokens.len())
            && let Some(st) = start.take()
        {
            out.push(Span::new(st, tokens[end].span.end));
        }
        i = end + 1;
    }
}

/// Fewest words on each side of a terminator inside a quotation for it to split the quotation.
const MIN_QUOTED_SENTENCE_WORDS: usize = 5;

fn words(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| !matches!(t.kind, TokenKind::Punct | TokenKind::Bullet))
        .count()
}

/// Latin abbreviations that take a dot without ending a sentence (lower-cased).
const LATIN_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st", "no", "vs", "etc", "inc", "ltd", "co",
    "corp", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "mt", "ft", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e",
];

/// Whether token `i` ends a sentence (before closing marks).
fn is_terminator(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let s = t.span.slice(text);
    if t.kind != TokenKind::Punct {
        return false;
    }
    match s {
        "!" | "?" | "؟" | "۔" => return true,
        "." => {}
        _ => return false,
    }
    let Some(prev) = i.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    if prev.span.end != t.span.start {
        return true;
    }
    let p = prev.span.slice(text);
    match prev.kind {
        TokenKind::Arabic => {
            let letters = prev.key.chars().count();
            if letters != 1 {
                return true;
            }
            // «2020 م.» and «ق.م.» are era marks that can end a sentence; «د. محمد» cannot.
            let before = i.checked_sub(2).map(|k| &tokens[k]);
            let era_after_number = before.is_some_and(|b| b.kind == TokenKind::Number)
                && matches!(prev.key.as_str(), "م" | "ه");
            let bce = prev.key == "م"
                && before.is_some_and(|b| b.span.slice(text) == ".")
                && i.checked_sub(3).is_some_and(|k| tokens[k].key == "ق");
            era_after_number || bce
        }
        TokenKind::Latin => {
            let single = p.chars().count() == 1 && p.chars().all(char::is_uppercase);
            let lower = p.to_lowercase();
            !(single || p.ends_with('.') || LATIN_ABBREVIATIONS.contains(&lower.as_str()))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// Issue 9: a paragraph ends at a line break between two tokens (read byte by byte from
    /// the gap), with spaces, a carriage return or a line separator around it, never at a
    /// space or a non-breaking space alone.
    #[test]
    fn paragraphs_end_at_line_breaks_in_the_gap() {
        let text = "قال الرئيس\nإن المحادثات \r\n بدأت\u{00A0}أمس \u{2028}ثم انتهت";
        let sentences: Vec<&str> = split(text, &tokenize(text))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            sentences,
            ["قال الرئيس", "إن المحادثات", "بدأت\u{00A0}أمس \u{2028}ثم انتهت"]
        );
    }
}
