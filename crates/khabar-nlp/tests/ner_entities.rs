//! Names from the NER model in the entities stage (issue 10): a span the time recogniser claims is
//! never a name, and a long knowledge-base name misspelt by one letter is still that name.

use khabar_nlp::{Config, Date, analyze};

fn config() -> Config {
    Config {
        reference_date: Some(Date::new(2023, 2, 20).unwrap()),
    }
}

// Issue 10: «12 فيفري الجاري» is a date; «فيفري الجاري» must not also be a person.
#[test]
fn a_time_expression_is_not_a_name() {
    let text = "أعلنت وزارة الداخلية الجزائرية أن الانتخابات المحلية ستجرى يوم 12 فيفري الجاري \
                في كل الولايات، وقال الوزير إن التحضيرات تسير بشكل جيد.";
    let analysis = analyze(text, &config());
    assert!(!analysis.times.is_empty(), "the date is found");
    for e in &analysis.entities {
        for m in &e.mentions {
            for t in &analysis.times {
                assert!(
                    m.end <= t.start || t.end <= m.start,
                    "mention «{}» of {} overlaps the time expression «{}»",
                    m.text,
                    e.name,
                    t.text
                );
            }
        }
    }
}

// Issue 10: «الولايات لمتحدة» (one letter dropped) is the United States; a short name never
// matches loosely.
#[test]
fn a_long_known_name_survives_a_dropped_letter() {
    let text = "قال المتحدث إن الولايات لمتحدة سترسل وفدا إلى المنطقة الأسبوع المقبل.";
    let analysis = analyze(text, &config());
    let us = analysis
        .entities
        .iter()
        .find(|e| e.wikidata.as_deref() == Some("Q30"))
        .expect("the United States is found");
    assert_eq!(us.mentions[0].text, "الولايات لمتحدة");
}
