//! Tokens with their original spans: Arabic words, Latin words, numbers, punctuation, bullets.
//!
//! Rules (one left-to-right scan, no backtracking beyond a short look-ahead):
//! - an Arabic word is a run of Arabic letters, marks, tatweel and joiners; a detached proclitic
//!   written with tatweel before a name («لـ"رويترز"», «بـالصين», «ولـ») is its own token;
//! - a Latin word is a run of letters (any non-Arabic script) and combining marks, with ASCII
//!   digits after the first letter (G7), and inner `'` `’` `-` `.` between letters (O'Brien,
//!   al-Assad, U.S.); URLs (`https://…`, `www.…`) and e-mail addresses are one Latin token;
//! - a number is a run of digits in one of three sets (ASCII, Arabic-Indic, Persian) with inner
//!   `.` `,` `٫` `٬` between digits (at most one decimal point: «15.3.2021» is five tokens) and
//!   an optional trailing `%`/`٪`;
//! - every other visible char is a punctuation token, except that a run of dots (`...`) is one;
//!   `-` `•` `–` `—` `*` opening a line and followed by a space is a [`TokenKind::Bullet`];
//! - whitespace and invisible controls (bidi marks, zero-width spaces) separate tokens and are
//!   never part of one, except joiners inside an Arabic word.

use crate::normalize;
use crate::span::Span;
use smol_str::SmolStr;

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word in Arabic script.
    Arabic,
    /// A word in Latin script (or other letters), a URL or an e-mail address.
    Latin,
    /// A number in any digit set.
    Number,
    /// A punctuation mark.
    Punct,
    /// The dash or bullet that opens a subheading line («- »).
    Bullet,
}

/// A token: its span in the original text, its kind and its matching key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Its normalised matching key ([`normalize::key`]), inline for all but the longest words
    /// ([`normalize::small_key`]; issue 9).
    pub key: SmolStr,
}

/// Whether `c` is an Arabic-script letter (or mark inside a word).
pub fn is_arabic_letter(c: char) -> bool {
    // The basic letters and marks first (issue 9: most chars of an article are).
    if ('\u{0620}'..='\u{065F}').contains(&c) {
        return true;
    }
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{0620}'..='\u{065F}' | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'..='\u{06ED}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// The value of `c` as a digit of one of the three digit sets (ASCII, Arabic-Indic, Persian).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '٠'..='٩' => Some(c as u32 - '٠' as u32),
        '۰'..='۹' => Some(c as u32 - '۰' as u32),
        _ => None,
    }
}

/// Whether the Arabic token is a proclitic detached with tatweel («لـ», «بـ», «ولـ»), which
/// attaches to the following (usually foreign) name.
pub fn is_detached_clitic(word: &str) -> bool {
    let base = word.trim_end_matches('\u{0640}');
    base.len() < word.len()
        && matches!(
            normalize::key(base).as_str(),
            "ل" | "ب"
                | "ك"
                | "و"
                | "ف"
                | "ول"
                | "وب"
                | "فل"
                | "فب"
                | "ال"
                | "وال"
                | "بال"
                | "لل"
        )
}

/// Splits `text` into tokens, in order, non-overlapping.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Sized once (issue 9: collecting grew it a dozen times for an article).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.chars().count());
    chars.extend(text.char_indices());
    let end_of = |j: usize| chars.get(j).map_or(text.len(), |&(b, _)| b);
    // About one token in five chars in news text: sized so that it grows once at most
    // (issue 9: it grew nine times for an article).
    let mut tokens = Vec::with_capacity(chars.len() / 4 + 1);
    let mut line_start = true;
    let mut plain_until = 0;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        // Most chars between tokens are plain spaces (issue 9: asked first).
        if c == ' ' {
            i += 1;
            continue;
        }
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            line_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            i += 1;
            continue;
        }
        let at_line_start = std::mem::replace(&mut line_start, false);
        let (j, kind) = if is_arabic_letter(c) {
            (scan_arabic(&chars, i), TokenKind::Arabic)
        } else if digit_value(c).is_some() {
            let (j, until) = scan_number(&chars, i, plain_until);
            plain_until = until;
            (j, TokenKind::Number)
        } else if let Some(j) = scan_url_or_email(&chars, i) {
            (j, TokenKind::Latin)
        } else if is_latin_letter(c) {
            (scan_latin(&chars, i), TokenKind::Latin)
        } else if c.is_numeric() {
            (i + 1, TokenKind::Number)
        } else if at_line_start
            && matches!(c, '-' | '•' | '–' | '—' | '*' | '·' | '▪')
            && chars
                .get(i + 1)
                .is_some_and(|&(_, n)| n == ' ' || n == '\u{00A0}')
        {
            (i + 1, TokenKind::Bullet)
        } else if c == '.' {
            let mut j = i + 1;
            while chars.get(j).is_some_and(|&(_, n)| n == '.') {
                j += 1;
            }
            (j, TokenKind::Punct)
        } else {
            (i + 1, TokenKind::Punct)
        };
        tokens.push(make(text, start, end_of(j), kind));
        i = j;
    }
    tokens
}

/// Invisible format controls that separate tokens (outside Arabic words).
fn is_invisible(c: char) -> bool {
    normalize::is_ignorable(c) && !is_arabic_letter(c) && c != '\u{0640}'
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && !is_arabic_letter(c)
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

fn scan_arabic(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i;
    while let Some(&(_, c)) = chars.get(j) {
        // A letter, or a joiner before one (the letter asked first: issue 9).
        let joiner = || {
            matches!(c, '\u{200C}' | '\u{200D}')
                && chars.get(j + 1).is_some_and(|&(_, n)| is_arabic_letter(n))
        };
        if !(is_arabic_letter(c) || joiner()) {
            break;
        }
        j += 1;
        // A detached proclitic: «لـ» (tatweel) then another letter starts the name.
        let (_, prev) = chars[j - 1];
        if prev == '\u{0640}' && chars.get(j).is_some_and(|&(_, n)| n != '\u{0640}') {
            let word: String = chars[i..j].iter().map(|&(_, c)| c).collect();
            if is_detached_clitic(&word) {
                return j;
            }
        }
    }
    j
}

/// The end of the number at `i`, and the end of the dotted run it opens when that run has
/// several decimal points («15.3.2021» is a date or a version, not one number: its parts are
/// tokens of their own, so numbers up to that end are read without separators).
fn scan_number(chars: &[(usize, char)], i: usize, plain_until: usize) -> (usize, usize) {
    if i < plain_until {
        return (scan_number_with(chars, i, false), plain_until);
    }
    let j = scan_number_with(chars, i, true);
    let decimal_points = chars[i..j]
        .iter()
        .filter(|&&(_, c)| matches!(c, '.' | '٫'))
        .count();
    if decimal_points > 1 {
        (scan_number_with(chars, i, false), j)
    } else {
        (j, 0)
    }
}

fn scan_number_with(chars: &[(usize, char)], i: usize, separators: bool) -> usize {
    let mut j = i;
    loop {
        while chars.get(j).is_some_and(|&(_, c)| digit_value(c).is_some()) {
            j += 1;
        }
        let sep = chars
            .get(j)
            .is_some_and(|&(_, c)| matches!(c, '.' | ',' | '٫' | '٬'));
        let digit_after = chars
            .get(j + 1)
            .is_some_and(|&(_, c)| digit_value(c).is_some());
        if separators && sep && digit_after {
            j += 1;
        } else {
            break;
        }
    }
    if chars.get(j).is_some_and(|&(_, c)| matches!(c, '%' | '٪')) {
        j += 1;
    }
    j
}

fn scan_latin(chars: &[(usize, char)], i: usize) -> usize {
    let mut j = i;
    loop {
        while chars
            .get(j)
            .is_some_and(|&(_, c)| is_latin_letter(c) || is_mark(c) || c.is_ascii_digit())
        {
            j += 1;
        }
        let joiner = chars
            .get(j)
            .is_some_and(|&(_, c)| matches!(c, '\'' | '’' | '-' | '.'));
        let next = chars.get(j + 1).map(|&(_, c)| c);
        let dot = chars.get(j).is_some_and(|&(_, c)| c == '.');
        // Dots join only single-letter initials (U.S.), and keep the closing dot (U.S.).
        let single =
            j > i && (j == i + 1 || !chars.get(j - 2).is_some_and(|&(_, c)| is_latin_letter(c)));
        if joiner && next.is_some_and(|n| is_latin_letter(n) || (!dot && n.is_ascii_digit())) {
            if dot && !single {
                break;
            }
            j += 1;
        } else {
            if dot && single && j >= i + 3 {
                // the closing dot of U.S.
                j += 1;
            }
            break;
        }
    }
    j
}

/// A URL (`http://`, `https://`, `www.`) or e-mail address starting at `i`: its end.
fn scan_url_or_email(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let (_, c) = chars[i];
    if !c.is_ascii_alphanumeric() {
        return None;
    }
    let ascii_run = |from: usize, ok: &dyn Fn(char) -> bool| {
        let mut j = from;
        while chars.get(j).is_some_and(|&(_, c)| ok(c)) {
            j += 1;
        }
        j
    };
    let starts_with = |s: &str| {
        s.chars().enumerate().all(|(k, e)| {
            chars
                .get(i + k)
                .is_some_and(|&(_, c)| c.to_ascii_lowercase() == e)
        })
    };
    let url_char = |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '`');
    if starts_with("http://") || starts_with("https://") || starts_with("www.") {
        let mut j = ascii_run(i, &url_char);
        while j > i
            && matches!(
                chars[j - 1].1,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\''
            )
        {
            j -= 1;
        }
        return (j > i + 4).then_some(j);
    }
    let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let at = ascii_run(i, &local);
    if chars.get(at).is_some_and(|&(_, c)| c == '@') {
        let domain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-');
        let mut j = ascii_run(at + 1, &domain);
        while j > at + 1 && matches!(chars[j - 1].1, '.' | '-') {
            j -= 1;
        }
        let host: String = chars[at + 1..j].iter().map(|&(_, c)| c).collect();
        if host.contains('.') && !host.starts_with('.') {
            return Some(j);
        }
    }
    None
}

fn make(text: &str, start: usize, end: usize, kind: TokenKind) -> Token {
    let span = Span::new(start, end);
    Token {
        span,
        kind,
        key: normalize::small_key(span.slice(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| format!("{:?}:{}", t.kind, t.span.slice(text)))
            .collect()
    }

    #[test]
    fn numbers_urls_and_clitics() {
        assert_eq!(
            show("ارتفع 3٫5% و1,200 لـ\"رويترز\""),
            [
                "Arabic:ارتفع",
                "Number:3٫5%",
                "Arabic:و",
                "Number:1,200",
                "Arabic:لـ",
                "Punct:\"",
                "Arabic:رويترز",
                "Punct:\""
            ]
        );
        assert_eq!(
            show("- عنوان www.example.com/a. U.S. a@b.org"),
            [
                "Bullet:-",
                "Arabic:عنوان",
                "Latin:www.example.com/a",
                "Punct:.",
                "Latin:U.S.",
                "Latin:a@b.org"
            ]
        );
        assert_eq!(show("لـبايدن"), ["Arabic:لـ", "Arabic:بايدن"]);
    }

    /// Issue 9: with the letter asked before the joiner and spaces skipped first, a joiner
    /// still joins only before a letter, and spaces, tabs and line ends still separate.
    #[test]
    fn joiners_and_spaces() {
        assert_eq!(
            show("مي\u{200C}خواهم كلمة\u{200C} ثانية\u{200D}.\t- بند"),
            [
                "Arabic:مي\u{200C}خواهم",
                "Arabic:كلمة",
                "Arabic:ثانية",
                "Punct:.",
                "Punct:-",
                "Arabic:بند"
            ]
        );
        assert_eq!(show("أ\n- بند"), ["Arabic:أ", "Bullet:-", "Arabic:بند"]);
    }
}
