//! Spelling-tolerant matching keys for Arabic (`docs/arabic.md`, "Spelling variation").
//!
//! Normalisation never changes what is displayed: it produces keys, and [`Normalized`] keeps a map
//! from every byte of the key back to the original text.
//!
//! The folds, applied char by char (so the offset map stays exact):
//! - alef forms أ إ آ ٱ → ا; ى → ي; ة → ه; optionally ؤ → و and ئ → ي ([`Config`]);
//! - tatweel, diacritics (U+064B–U+065F, U+0670), Quranic marks (U+0610–U+061A,
//!   U+06D6–U+06ED), bidi and zero-width controls, the byte-order mark: dropped;
//! - presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their NFKC letters, then folded again
//!   (ﻻ → لا, ﻷ → لا);
//! - Persian lookalikes ک → ك, ی/ې → ي, ۀ/ە → ه; Arabic-Indic and Persian digits → ASCII;
//!   the Arabic decimal and thousands separators and percent sign → `.` `,` `%`.
//!
//! Every fold maps to a char that folds to itself, so [`key`] is idempotent.

#[cfg(feature = "eval")]
use crate::span::Span;
use std::fmt;
use smol_str::{SmolStr, SmolStrBuilder};
use unicode_normalization::UnicodeNormalization;

/// Options of the folding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Config {
    /// Also fold the hamza seats ؤ → و and ئ → ي (writers drop the hamza on them too).
    pub fold_hamza_seats: bool,
}

/// Folds one char for matching; `None` means the char is dropped (diacritics, tatweel, controls).
///
/// A presentation form that stands for several letters (ﻻ, ﷲ) folds to its first letter here;
/// [`key`] and [`Normalized`] expand it in full.
pub fn fold_char(c: char) -> Option<char> {
    let mut first = None;
    fold_into(c, &Config::default(), &mut |f| {
        first.get_or_insert(f);
    });
    first
}

/// The matching key of a word or phrase (default [`Config`]).
pub fn key(text: &str) -> String {
    key_with(text, &Config::default())
}

/// The matching key of a word or phrase under `config`.
pub fn key_with(text: &str, config: &Config) -> String {
    let mut out = String::with_capacity(text.len());
    fold_key_into(text, config, &mut out);
    out
}

/// Appends [`key`]`(text)` to `out` (for keys of phrases built in one buffer; issue 9).
pub fn push_key(text: &str, out: &mut String) {
    fold_key_into(text, &Config::default(), out);
}

/// [`key`] as a small string, kept inline up to 23 bytes (a word of eleven Arabic letters):
/// the tokens' keys, built without an allocation for nearly every word (issue 9: a `String`
/// per token was a malloc and a free each).
pub fn small_key(text: &str) -> SmolStr {
    let config = Config::default();
    // Most words are their own key: copied whole.
    if text.chars().all(|c| folds_to_itself(c, &config)) {
        crate::work::count(crate::work::Work::Keys, 1);
        return SmolStr::new(text);
    }
    let mut out = SmolStrBuilder::with_capacity(text.len());
    fold_key_into(text, &Config::default(), &mut out);
    out.finish()
}

/// Writes the key of `text` under `config` to `out` (a `String` or a small-string builder, whose
/// writes cannot fail).
fn fold_key_into(text: &str, config: &Config, out: &mut impl fmt::Write) {
    crate::work::count(crate::work::Work::Keys, 1);
    // Runs of chars that fold to themselves are copied whole (issue 9: most chars do).
    let mut run = 0;
    for (i, c) in text.char_indices() {
        if folds_to_itself(c, config) {
            continue;
        }
        let _ = out.write_str(&text[run..i]);
        fold_into(c, config, &mut |f| {
            let _ = out.write_char(f);
        });
        run = i + c.len_utf8();
    }
    let _ = out.write_str(&text[run..]);
}

/// Whether [`fold_into`] gives `c` back unchanged by its fast path.
#[inline]
fn folds_to_itself(c: char, config: &Config) -> bool {
    (c.is_ascii() || matches!(c, 'ء'..='غ' | 'ف'..='ي'))
        && !matches!(c, 'أ' | 'إ' | 'آ' | 'ى' | 'ة')
        && !(config.fold_hamza_seats && matches!(c, 'ؤ' | 'ئ'))
}

/// The length in bytes of [`key`]`(text)`, without building it.
pub fn key_len(text: &str) -> usize {
    let mut len = 0;
    for c in text.chars() {
        fold_into(c, &Config::default(), &mut |f| len += f.len_utf8());
    }
    len
}

/// Whether `c` is dropped from keys: tatweel, diacritics, Quranic marks, bidi and zero-width
/// controls.
pub fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}'
        | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Folds `c`, handing each resulting char (none, one or several) to `emit`. (Inlined: keys of
/// every token and clitic analyses of every word go through it, char by char; issue 9.)
#[inline]
pub fn fold_into(c: char, config: &Config, emit: &mut impl FnMut(char)) {
    // The common case first (issue 9): ASCII and the basic Arabic letters (ء–غ, ف–ي; the
    // tatweel and the diacritics around them are not in these ranges) are never dropped, and
    // only these of them fold.
    if c.is_ascii() || matches!(c, 'ء'..='غ' | 'ف'..='ي') {
        emit(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            'ؤ' if config.fold_hamza_seats => 'و',
            'ئ' if config.fold_hamza_seats => 'ي',
            _ => c,
        });
        return;
    }
    fold_by_table(c, config, emit);
}

/// [`fold_into`] without its fast path.
#[inline(never)]
fn fold_by_table(c: char, config: &Config, emit: &mut impl FnMut(char)) {
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        // Presentation forms: NFKC gives the letters (already composed), then fold those.
        let mut buf = [0u8; 4];
        for d in c.encode_utf8(&mut buf).nfkc() {
            if !matches!(d, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
                fold_into(d, config, emit);
            }
        }
        return;
    }
    if is_ignorable(c) {
        return;
    }
    let f = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' | 'ۍ' => 'ي',
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' => 'ه',
        'ک' | 'ڪ' => 'ك',
        'ؤ' if config.fold_hamza_seats => 'و',
        'ئ' if config.fold_hamza_seats => 'ي',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '٬' => ',',
        '٪' => '%',
        _ => c,
    };
    emit(f);
}

/// A normalised text with a map from each of its bytes back to the original. (The stages match
/// token by token and never need it; the tests use it to check that folding keeps offsets, hence
/// the feature.)
#[cfg(feature = "eval")]
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text (a key, never shown).
    pub text: String,
    /// For each byte of `text`, the span of the original char it came from.
    origin: Vec<Span>,
    /// Length of the original text, for spans at the end.
    original_len: usize,
}

#[cfg(feature = "eval")]
impl Normalized {
    /// Normalises `original` (default [`Config`]).
    pub fn new(original: &str) -> Normalized {
        Normalized::with_config(original, &Config::default())
    }

    /// Normalises `original` under `config`.
    pub fn with_config(original: &str, config: &Config) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            let from = Span::new(i, i + c.len_utf8());
            fold_into(c, config, &mut |f| {
                text.push(f);
                origin.extend(std::iter::repeat_n(from, f.len_utf8()));
            });
        }
        Normalized {
            text,
            origin,
            original_len: original.len(),
        }
    }

    /// Maps a span of the normalised text back to the original text: the smallest original span
    /// covering every char the normalised bytes came from (always on char boundaries).
    pub fn original_span(&self, span: Span) -> Span {
        let at = |i: usize| self.origin.get(i).map_or(self.original_len, |s| s.start);
        if span.is_empty() {
            let a = at(span.start);
            return Span::new(a, a);
        }
        let start = at(span.start);
        let end = self
            .origin
            .get(span.end.min(self.origin.len()).saturating_sub(1))
            .map_or(self.original_len, |s| s.end);
        Span::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spelling_variants() {
        assert_eq!(key("أمريكا"), "امريكا");
        assert_eq!(key("إسرائيل"), "اسرائيل");
        assert_eq!(key("على"), "علي");
        assert_eq!(key("القاهرة"), "القاهره");
        assert_eq!(key("مُحَمَّد"), "محمد");
        assert_eq!(key("قـــال"), "قال");
        assert_eq!(key("٢٠٢١"), "2021");
        assert_eq!(key("۱۴۰۰"), "1400");
        assert_eq!(key("ﻻ"), "لا");
        assert_eq!(key("کی"), "كي");
        assert_eq!(
            key_with(
                "مسؤول",
                &Config {
                    fold_hamza_seats: true
                }
            ),
            "مسوول"
        );
        assert_eq!(key("مسؤول"), "مسؤول");
        for text in ["قـال ﻻ", "٢٠٢١ أمريكا", "", "مُحَمَّد"] {
            assert_eq!(key_len(text), key(text).len(), "{text}");
        }
    }

    /// Issue 9: the fast path for ASCII and basic Arabic letters folds as the full table does.
    #[test]
    fn fast_path_agrees_with_the_full_fold() {
        for c in (0u32..0x80).chain(0x0600..0x0700).filter_map(char::from_u32) {
            for fold_hamza_seats in [false, true] {
                let config = Config { fold_hamza_seats };
                let mut fast = Vec::new();
                fold_into(c, &config, &mut |f| fast.push(f));
                let mut full = Vec::new();
                fold_by_table(c, &config, &mut |f| full.push(f));
                assert_eq!(fast, full, "{c:?}");
            }
        }
    }

    /// Issue 9: a key copies the runs of chars that fold to themselves; it is the chars'
    /// folds, one by one.
    #[test]
    fn keys_are_the_folds_of_their_chars() {
        let chars = (0u32..0x80).chain(0x0600..0x0700).chain(0xFE70..0xFF00);
        let text: String = chars.filter_map(char::from_u32).collect();
        for fold_hamza_seats in [false, true] {
            let config = Config { fold_hamza_seats };
            for text in [text.as_str(), "وللعامِ قـال ﻻ أمريكا", "", "مسؤولة"] {
                let mut folds = String::new();
                for c in text.chars() {
                    fold_into(c, &config, &mut |f| folds.push(f));
                }
                assert_eq!(key_with(text, &config), folds, "{text}");
            }
        }
    }

    /// Issue 9: the tokens' small keys are their keys, inline (up to 23 bytes) or not.
    #[test]
    fn small_keys_are_the_keys() {
        let long = "والاستراتيجيات الأمريكية";
        assert!(key(long).len() > SmolStr::INLINE_CAP);
        let plain = "والمستشفيات والمدارس";
        assert!(plain.len() > SmolStr::INLINE_CAP);
        for text in ["قـال", "وللعامِ", long, plain, "بايدن", "ﻻ", "", "٢٠٢١", "مسؤولة"] {
            assert_eq!(small_key(text), key(text), "{text}");
            let mut phrase = String::from("x ");
            push_key(text, &mut phrase);
            assert_eq!(phrase, format!("x {}", key(text)), "{text}");
        }
    }

    #[test]
    fn maps_back_over_dropped_chars() {
        let text = "قـال ﻻ";
        let n = Normalized::new(text);
        assert_eq!(n.text, "قال لا");
        let la = n.text.find("لا").unwrap();
        let back = n.original_span(Span::new(la, la + "لا".len()));
        assert_eq!(back.slice(text), "ﻻ");
    }
}
