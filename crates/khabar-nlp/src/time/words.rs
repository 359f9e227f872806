//! A word view of the tokens for the time rules: keys with and without attached clitics, and
//! number phrases (digits or words).

use super::lexicon::{Lexicon, NumberStart};
use crate::normalize;
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// One token as the time rules see it.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    pub span: Span,
    pub kind: TokenKind,
    /// The folded key of the whole token (borrowed from the token).
    pub key: &'t str,
    /// The clitic readings ([`Word::alts`]): where each starts in `key` (or whether it is
    /// `article`), and its stem's start in the text relative to the token's start. Kept inline:
    /// the word view allocates nothing for most words (issue 9).
    readings: [Reading; MAX_READINGS],
    len: u8,
    /// «ال» + the stem of a word read as ل + «ال» («للعام» → «العام»): the one reading that is
    /// not a part of `key` (a word has at most one).
    article: Option<Box<str>>,
}

/// The most readings a word has: whole, after و/ف, after a preposition, and «ال» + the stem
/// twice (at two stem starts).
pub(crate) const MAX_READINGS: usize = 5;

/// One clitic reading of a word: `key[from..]`, or the word's «ال» form; its stem starts at
/// byte `at` of the token.
#[derive(Debug, Clone, Copy, Default)]
struct Reading {
    from: u8,
    article: bool,
    at: u32,
}

impl<'t> Word<'t> {
    /// Keys with a leading و/ف and a preposition ب/ل/ك stripped, each with the byte where the
    /// remaining stem starts in the original text. The first is the whole token.
    pub fn alts(&self) -> impl DoubleEndedIterator<Item = (&str, usize)> + '_ {
        self.readings[..usize::from(self.len)].iter().map(|r| {
            let key = if r.article {
                self.article.as_deref().unwrap_or_default()
            } else {
                &self.key[usize::from(r.from)..]
            };
            (key, self.span.start + r.at as usize)
        })
    }

    /// How many readings [`Word::alts`] gives.
    pub fn alt_count(&self) -> usize {
        usize::from(self.len)
    }

    /// The stem start if some clitic reading of the token is `key`.
    pub fn alt(&self, key: &str) -> Option<usize> {
        self.alts().find(|&(k, _)| k == key).map(|(_, at)| at)
    }

    fn push(&mut self, reading: Reading) {
        self.readings[usize::from(self.len)] = reading;
        self.len += 1;
    }
}

/// Builds the word view of `tokens`.
pub(crate) fn words<'t>(text: &str, tokens: &'t [Token]) -> Vec<Word<'t>> {
    tokens.iter().map(|t| word(text, t)).collect()
}

/// The word view of one token: its readings with a leading و/ف, a preposition ب/ل/ك and
/// «لل» (ل + ال) read off.
fn word<'t>(text: &str, t: &'t Token) -> Word<'t> {
    let key = t.key.as_str();
    let mut w = Word {
        span: t.span,
        kind: t.kind,
        key,
        readings: [Reading::default(); MAX_READINGS],
        len: 0,
        article: None,
    };
    w.push(Reading::default());
    if t.kind != TokenKind::Arabic {
        return w;
    }
    // The first four letters with where they start in the key, and the length up to 6, in one
    // walk over the key (issue 9).
    let mut first = [('\0', key.len()); 4];
    let mut len = 0;
    for (at, ch) in key.char_indices().take(6) {
        if let Some(slot) = first.get_mut(len) {
            *slot = (ch, at);
        }
        len += 1;
    }
    let letter = |k: usize| first[k].0;
    let byte = |k: usize| first[k].1;
    let original = t.span.slice(text);
    // Where a stem starts (in letters): after و/ف, then after ب/ل/ك.
    let mut stems = [0usize; 2];
    let mut n_stems = 0;
    let conjunction = usize::from(len > 3 && matches!(letter(0), 'و' | 'ف'));
    if conjunction == 1 {
        stems[n_stems] = 1;
        n_stems += 1;
    }
    if len > conjunction + 3 && matches!(letter(conjunction), 'ب' | 'ل' | 'ك') {
        stems[n_stems] = conjunction + 1;
        n_stems += 1;
    }
    let with_article = |w: &mut Word<'t>, rest: usize, at: usize| {
        let article = w
            .article
            .get_or_insert_with(|| format!("ال{}", &key[rest..]).into_boxed_str());
        debug_assert_eq!(&article[4..], &key[rest..]);
        w.push(Reading {
            from: 0,
            article: true,
            at: at as u32,
        });
    };
    for &f in &stems[..n_stems] {
        let at = byte_after_folded(original, f);
        w.push(Reading {
            from: byte(f) as u8,
            article: false,
            at: at as u32,
        });
        // «للعام» = ل + العام.
        if letter(f) == 'ل' && letter(f - 1) == 'ل' {
            with_article(&mut w, byte(f + 1), at);
        }
    }
    if len > 4 && letter(0) == 'ل' && letter(1) == 'ل' {
        with_article(&mut w, byte(2), 0);
    }
    if len > 5 && matches!(letter(0), 'و' | 'ف') && letter(1) == 'ل' && letter(2) == 'ل' {
        with_article(&mut w, byte(3), byte_after_folded(original, 1));
    }
    w
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
/// `starts` are what each reading of the word can start ([`super::lexicon::number_starts`], in the
/// order of [`Word::alts`]), looked up by the caller.
pub(crate) fn number(
    w: &[Word<'_>],
    i: usize,
    lx: &Lexicon,
    starts: &[Option<NumberStart>],
) -> Option<Number> {
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
    // The first word may carry a clitic (وثلاثة، بخمسة); «الثلاثة» in «الأيام الثلاثة
    // الماضية». One lookup per reading (issue 9); the first reading is the whole word, which
    // also says whether a number phrase can open with it.
    let mut phrase = false;
    let found = first.alts().enumerate().find_map(|(n, (_, at))| {
        let s = starts.get(n).copied().flatten()?;
        if n == 0 {
            phrase = s.phrase;
        }
        s.word.map(|(v, o)| (v, o, at))
    });
    let Some((mut value, ordinal, start)) = found else {
        // An Arabic word has no digits: without a phrase opening with it, there is none.
        if !phrase {
            return None;
        }
        // The keys of up to four words, without a vector per word (issue 9).
        let mut keys = [""; 4];
        let words = &w[i..w.len().min(i + 4)];
        for (k, x) in keys.iter_mut().zip(words) {
            *k = x.key;
        }
        let p = crate::numbers::parse_keys(&keys[..words.len()])?;
        return Some(Number {
            value: p.value,
            end: i + p.words,
            ordinal: p.ordinal,
            digits: false,
            start: first.span.start,
        });
    };
    let lone_one = matches!(
        first.alts().next_back().map(|a| a.0),
        Some("احد" | "احدي")
    ) || first.key == "احد"
        || first.key == "احدي";
    let mut end = i + 1;
    if value < 10
        && let Some(next) = w.get(end)
        && matches!(next.key, "عشر" | "عشره")
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

#[cfg(test)]
mod tests {
    use crate::document::Document;

    fn readings(text: &str) -> Vec<Vec<(String, usize)>> {
        let doc = Document::new(text);
        super::words(text, &doc.tokens)
            .iter()
            .map(|w| w.alts().map(|(k, at)| (k.to_owned(), at)).collect())
            .collect()
    }

    // Issue 9: the index of what a key can start answers as the lookups it replaced: the
    // number table (itself, or «ال» + a cardinal below 100) and a number phrase's first word.
    #[test]
    fn number_starts_answer_as_the_tables() {
        let lx = super::super::lexicon::get();
        let starts = super::super::lexicon::number_starts(&lx.numbers);
        let mut keys: Vec<String> = Vec::new();
        let words = lx.numbers.keys().map(String::as_str);
        for k in words.chain(crate::numbers::first_item_keys()) {
            for p in ["", "ال", "و", "ب", "ل", "وال", "فال", "لل"] {
                keys.push(format!("{p}{k}"));
            }
        }
        keys.extend(["بايدن", "قال", "اليوم", "ال", ""].map(str::to_owned));
        assert!(keys.len() > 1000, "{}", keys.len());
        for k in &keys {
            let word = lx.numbers.get(k.as_str()).copied().or_else(|| {
                let rest = k.strip_prefix("ال")?;
                let &(v, ordinal) = lx.numbers.get(rest)?;
                (!ordinal && v < 100).then_some((v, false))
            });
            let phrase = crate::numbers::parse_keys(&[k.as_str()]).is_some();
            let start = starts.get(k.as_str()).copied().unwrap_or_default();
            assert_eq!((start.word, start.phrase), (word, phrase), "{k}");
        }
    }

    // Issue 9: the word view keeps its readings inline; these are the readings it gave when it
    // built a string for each.
    #[test]
    fn readings_of_clitics() {
        let r = |k: &str, at: usize| (k.to_owned(), at);
        assert_eq!(
            readings("وللعام للعام وبالعام في 2021"),
            vec![
                vec![
                    r("وللعام", 0),
                    r("للعام", 2),
                    r("لعام", 4),
                    r("العام", 4),
                    r("العام", 2)
                ],
                vec![r("للعام", 13), r("لعام", 15), r("العام", 15), r("العام", 13)],
                vec![r("وبالعام", 24), r("بالعام", 26), r("العام", 28)],
                vec![r("في", 39)],
                vec![r("2021", 44)],
            ]
        );
    }
}
