//! Property tests of the text core (issue #3): arbitrary Unicode, and Arabic-heavy text with
//! diacritics, tatweel, presentation forms, bidi controls, digits and punctuation.

use khabar_nlp::span::Span;
use khabar_nlp::{clitic, normalize, numbers, sentence, structure, token};
use proptest::prelude::*;

/// Pieces Arabic news text is made of, including the awkward ones.
fn arabic_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[\u{0621}-\u{064A}]{1,8}",
        1 => "[\u{064B}-\u{0652}\u{0670}\u{0640}\u{0610}-\u{061A}\u{06D6}-\u{06ED}]{1,3}",
        1 => "[\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}]{1,3}",
        1 => "[\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}]",
        1 => "[0-9\u{0660}-\u{0669}\u{06F0}-\u{06F9}]{1,4}[.,\u{066B}\u{066C}%\u{066A}]?",
        2 => "[ \n]",
        1 => "[،؛؟«»“”\"'().!?:-]",
        1 => "(و|ف|ب|ل|لل|وال|بال)",
        1 => "(لـ|بـ|- |• |ق.م|د. |هـ)",
        1 => "[a-zA-Z@./:']{1,6}",
        1 => "(https://|www.|@)",
        1 => "<[a-z/]{0,4}[^>]{0,5}>?",
        1 => "&[a-z#0-9]{0,5};?",
        1 => "ک|ی|ۀ|ى|ة|أ|إ|آ|ٱ|ؤ|ئ",
    ]
}

fn arabic_text() -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_piece(), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![arabic_text(), any::<String>()]
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_are_ordered_nonoverlapping_and_on_boundaries(text in any_text()) {
        let tokens = token::tokenize(&text);
        let mut last_end = 0;
        for t in &tokens {
            prop_assert!(on_boundaries(&text, t.span), "{t:?}");
            prop_assert!(!t.span.is_empty());
            prop_assert!(t.span.start >= last_end, "overlap at {t:?}");
            prop_assert_eq!(&t.key, &normalize::key(t.span.slice(&text)));
            last_end = t.span.end;
        }
    }

    #[test]
    fn normalisation_is_idempotent(text in any_text()) {
        let once = normalize::key(&text);
        prop_assert_eq!(normalize::key(&once), once.clone());
        let config = normalize::Config { fold_hamza_seats: true };
        let seats = normalize::key_with(&text, &config);
        prop_assert_eq!(normalize::key_with(&seats, &config), seats.clone());
        prop_assert_eq!(normalize::Normalized::new(&text).text, once);
    }

    #[test]
    fn normalised_spans_map_back_to_substrings(text in any_text(), a in 0usize..200, b in 0usize..200) {
        let n = normalize::Normalized::new(&text);
        // Any char-aligned span of the key maps to a char-aligned span of the original.
        let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
        let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let span = Span::new(x.min(y), x.max(y));
        let back = n.original_span(span);
        prop_assert!(on_boundaries(&text, back), "{span:?} -> {back:?}");
        if !span.is_empty() {
            // The original piece folds to a key containing the normalised piece.
            let piece = normalize::key(back.slice(&text));
            prop_assert!(piece.contains(span.slice(&n.text)), "{piece:?} vs {:?}", span.slice(&n.text));
        }
    }

    #[test]
    fn sentences_cover_tokens_in_order(text in any_text()) {
        let tokens = token::tokenize(&text);
        let sentences = sentence::split(&text, &tokens);
        let mut last_end = 0;
        for s in &sentences {
            prop_assert!(on_boundaries(&text, *s));
            prop_assert!(s.start >= last_end);
            last_end = s.end;
        }
        for t in &tokens {
            prop_assert!(sentences.iter().any(|s| s.contains(t.span)), "{t:?} not in a sentence");
        }
    }

    #[test]
    fn stems_lie_inside_their_words(text in arabic_text()) {
        for t in token::tokenize(&text) {
            let word = t.span.slice(&text);
            for c in clitic::segmentations(word) {
                let seg = c.segmentation;
                prop_assert!(on_boundaries(word, seg.stem), "{word:?} {seg:?}");
                prop_assert!(on_boundaries(word, seg.stem_with_article(word)), "{word:?} {seg:?}");
                prop_assert!(seg.stem_with_article(word).contains(seg.stem));
            }
        }
    }

    #[test]
    fn structure_and_numbers_never_panic(text in any_text()) {
        let blocks = structure::parse_plain(&text);
        let mut last_end = 0;
        for b in &blocks {
            prop_assert!(on_boundaries(&text, b.span));
            prop_assert!(b.span.start >= last_end);
            last_end = b.span.end;
        }
        let plain = structure::html_to_text(&text);
        let _ = structure::parse_plain(&plain);
        let words: Vec<&str> = text.split_whitespace().collect();
        for i in 0..words.len() {
            if let Some(p) = numbers::parse_phrase(&words[i..]) {
                prop_assert!(p.words >= 1 && p.words <= words.len() - i);
            }
        }
    }
}
