//! A word view of the tokens for the time rules: keys with and without attached clitics, and
//! number phrases (digits or words).

use super::lexicon::Lexicon;
use crate::normalize;
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// One token as the time rules see it.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub span: Span,
    pub kind: TokenKind,
    /// The folded key of the whole token.
    pub key: String,
    /// Keys with a leading و/ف and a preposition ب/ل/ك stripped, each with the byte where the
    /// remaining stem starts in the original text. The first entry is the whole token.
    pub alts: Vec<(String, usize)>,
}

impl Word {
    /// The stem start if some clitic reading of the token is `key`.
    pub fn alt(&self, key: &str) -> Option<usize> {
        self.alts.iter().find(|(k, _)| k == key).map(|&(_, at)| at)
    }
}

/// Builds the word view of `tokens`.
pub(crate) fn words(text: &str, tokens: &[Token]) -> Vec<Word> {
    tokens
        .iter()
        .map(|t| {
            let mut alts = vec![(t.key.clone(), t.span.start)];
            if t.kind == TokenKind::Arabic {
                let original = t.span.slice(text);
                let chars: Vec<char> = t.key.chars().collect();
                let mut firsts = vec![0usize];
                if chars.len() > 3 && matches!(chars[0], 'و' | 'ف') {
                    firsts.push(1);
                }
                for &f in &firsts.clone() {
                    if chars.len() > f + 3 && matches!(chars[f], 'ب' | 'ل' | 'ك') {
                        firsts.push(f + 1);
                    }
                }
                for f in firsts.into_iter().skip(1) {
                    let stem: String = chars[f..].iter().collect();
                    let at = t.span.start + byte_after_folded(original, f);
                    alts.push((stem.clone(), at));
                    // «للعام» = ل + العام.
                    if chars.get(f) == Some(&'ل') && chars.get(f.wrapping_sub(1)) == Some(&'ل') {
                        alts.push((format!("ا{stem}"), at));
                    }
                }
                if chars.len() > 4 && chars[0] == 'ل' && chars[1] == 'ل' {
                    let stem: String = chars[2..].iter().collect();
                    alts.push((format!("ال{stem}"), t.span.start));
                }
                if chars.len() > 5 && matches!(chars[0], 'و' | 'ف') && chars[1..3] == ['ل', 'ل']
                {
                    let stem: String = chars[3..].iter().collect();
                    alts.push((
                        format!("ال{stem}"),
                        t.span.start + byte_after_folded(original, 1),
                    ));
                }
            }
            Word {
                span: t.span,
                kind: t.kind,
                key: t.key.clone(),
                alts,
            }
        })
        .collect()
}

/// Byte offset in `original` after `n` chars that survive folding.
fn byte_after_folded(original: &str, n: usize) -> usize {
    let mut seen = 0;
    for (i, c) in original.char_indices() {
        if normalize::fold_char(c).is_some() {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    original.len()
}

/// A number read at a word position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    pub value: u64,
    /// Index one past its last word.
    pub end: usize,
    pub ordinal: bool,
    /// Written with digits.
    pub digits: bool,
    /// Byte where it starts (after a clitic).
    pub start: usize,
}

/// Reads a number starting at word `i`: digits, or number words with «عشر» teens and «و» tens.
/// Uses [`crate::numbers::parse_phrase`] first and the local table as a fallback.
pub(crate) fn number(w: &[Word], i: usize, lx: &Lexicon) -> Option<Number> {
    let first = w.get(i)?;
    if first.kind == TokenKind::Number {
        let value = first.key.parse().ok()?;
        return Some(Number {
            value,
            end: i + 1,
            ordinal: false,
            digits: true,
            start: first.span.start,
        });
    }
    if first.kind != TokenKind::Arabic {
        return None;
    }
    // The first word may carry a clitic (وثلاثة، بخمسة).
    let Some((mut value, ordinal, start)) = first.alts.iter().find_map(|(k, at)| {
        lx.numbers.get(k).map(|&(v, o)| (v, o, *at)).or_else(|| {
            // «الثلاثة» in «الأيام الثلاثة الماضية».
            let rest = k.strip_prefix("ال")?;
            lx.numbers
                .get(rest)
                .filter(|x| !x.1 && x.0 < 100)
                .map(|&(v, _)| (v, false, *at))
        })
    }) else {
        let keys: Vec<&str> = w[i..w.len().min(i + 4)]
            .iter()
            .map(|x| x.key.as_str())
            .collect();
        let p = crate::numbers::parse_keys(&keys)?;
        return Some(Number {
            value: p.value,
            end: i + p.words,
            ordinal: p.ordinal,
            digits: false,
            start: first.span.start,
        });
    };
    let lone_one = matches!(
        first.alts.last().map(|a| a.0.as_str()),
        Some("احد" | "احدي")
    ) || first.key == "احد"
        || first.key == "احدي";
    let mut end = i + 1;
    if value < 10
        && let Some(next) = w.get(end)
        && matches!(next.key.as_str(), "عشر" | "عشره")
    {
        value += 10;
        end += 1;
    } else if lone_one {
        return None;
    }
    // «خمسة وعشرون», «الحادي والعشرين».
    if value < 10
        && let Some(next) = w.get(end)
        && let Some(rest) = next.key.strip_prefix('و')
        && let Some(&(tens, _)) = lx
            .numbers
            .get(rest)
            .or_else(|| rest.strip_prefix("ال").and_then(|r| lx.numbers.get(r)))
        && (20..=90).contains(&tens)
        && tens % 10 == 0
    {
        value += tens;
        end += 1;
    }
    Some(Number {
        value,
        end,
        ordinal,
        digits: false,
        start,
    })
}
