//! Property tests of entities (issue #4): mentions never overlap, within an entity or across
//! entities, and every mention's text is the original text at its offsets.

use khabar_nlp::{Config, Date, analyze};
use proptest::prelude::*;

/// Words that exercise names, titles, clitics, capitals and odd characters.
const WORDS: &[&str] = &[
    "الرئيس",
    "الأمريكي",
    "الروسي",
    "نظيره",
    "بوتين",
    "وبوتين",
    "لبوتين",
    "بايدن",
    "جو",
    "فلاديمير",
    "واشنطن",
    "وموسكو",
    "موسكو",
    "في",
    "إن",
    "تبحثان",
    "الولايات",
    "المتحدة",
    "للولايات",
    "روسيا",
    "لروسيا",
    "والصين",
    "الروس",
    "والأمريكان",
    "البيت",
    "الأبيض",
    "رئيس",
    "الوزراء",
    "البريطاني",
    "وزير",
    "الخارجية",
    "السابق",
    "الأمير",
    "محمد",
    "بن",
    "سلمان",
    "كوريا",
    "الشمالية",
    "لـروسيا",
    "بـ",
    "ـ",
    "،",
    ".",
    "\"",
    "«",
    "»",
    "\n",
    "أوروبا",
    "الأمين",
    "العام",
    "للأمم",
    "عون",
    "الرئيس",
    "اتهمت",
    "بكين",
    "مُحَمَّد",
    "ﻻ",
    "x",
    "2021",
    "٢٠٢١",
    "\u{200f}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), prop::bool::ANY), 0..40).prop_map(|ws| {
        let mut s = String::new();
        for (w, glue) in ws {
            s.push_str(w);
            if !glue {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mentions_are_disjoint_and_exact(text in text_strategy(), dated in prop::bool::ANY) {
        let date: Option<Date> = dated.then(|| "2021-04-16".parse().unwrap());
        let analysis = analyze(&text, &Config { reference_date: date });
        let chars: Vec<char> = text.chars().collect();
        let mut all: Vec<(usize, usize)> = Vec::new();
        for e in &analysis.entities {
            prop_assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                prop_assert!(m.start < m.end && m.end <= chars.len());
                let original: String = chars[m.start..m.end].iter().collect();
                prop_assert_eq!(&original, &m.text);
                all.push((m.start, m.end));
            }
        }
        all.sort();
        for w in all.windows(2) {
            prop_assert!(w[0].1 <= w[1].0, "overlapping mentions {:?} in {:?}", w, text);
        }
    }
}
