//! Time rules beyond the gold tables (issue 5): the weekday diagnostic, the reference date from
//! a dateline, determinism, robustness on arbitrary input, and a TimeML golden snapshot.

use expect_test::expect;
use khabar_nlp::{Config, Date, Document, analyze, format, time};
use proptest::prelude::*;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

// Issue 5: «اليوم الجمعة» on a Thursday is reported.
#[test]
fn weekday_mismatch_is_a_diagnostic() {
    let doc = Document::new("قال الرئيس اليوم الجمعة إن الحوار ضروري.");
    let times = time::find(&doc, Some(date("2021-04-15")));
    assert_eq!(times.exprs.len(), 1);
    assert_eq!(times.exprs[0].value.as_deref(), Some("2021-04-15"));
    assert_eq!(times.diagnostics.len(), 1);
    assert_eq!(times.diagnostics[0].code, "weekday-mismatch");
    assert_eq!(times.diagnostics[0].span, times.exprs[0].span);
    let ok = time::find(&doc, Some(date("2021-04-16")));
    assert!(ok.diagnostics.is_empty());
}

// Issue 5: a written date with the wrong weekday is reported too.
#[test]
fn explicit_date_weekday_mismatch() {
    let doc = Document::new("صدر القرار يوم الأحد 15 أبريل 2021.");
    let times = time::find(&doc, None);
    assert_eq!(times.exprs[0].value.as_deref(), Some("2021-04-15"));
    assert_eq!(times.diagnostics.len(), 1);
}

// Issue 5: the reference date from a dateline, else none.
#[test]
fn reference_from_dateline() {
    let doc = Document::new("القاهرة - الخميس 15 أبريل 2021\nقال الوزير أمس إن المحادثات مستمرة.");
    assert_eq!(time::reference_from_text(&doc), Some(date("2021-04-15")));
    let doc = Document::new("بيروت، ١٢/٣/٢٠٢٠ (رويترز) - أعلنت الحكومة.");
    assert_eq!(time::reference_from_text(&doc), Some(date("2020-03-12")));
    let doc = Document::new("قال الوزير أمس إن المحادثات مستمرة.");
    assert_eq!(time::reference_from_text(&doc), None);
    let a = analyze(
        "القاهرة - الخميس 15 أبريل 2021\nقال الوزير أمس إن المحادثات مستمرة.",
        &Config::default(),
    );
    assert_eq!(a.reference_date.as_deref(), Some("2021-04-15"));
    assert_eq!(a.reference_source.as_str(), "text");
    let yesterday = a.times.iter().find(|t| t.text == "أمس").unwrap();
    assert_eq!(yesterday.value.as_deref(), Some("2021-04-14"));
}

// Issue 5: TimeML output of a short article (golden; re-bless with UPDATE_EXPECT=1).
#[test]
fn timeml_snapshot() {
    let text = "اقترح الرئيس عقد قمة هذا الصيف، بعد اتصال هاتفي يناير الماضي استمر ساعتين.";
    let a = analyze(
        text,
        &Config {
            reference_date: Some(date("2021-04-16")),
        },
    );
    expect![[r#"
        <?xml version="1.0" encoding="UTF-8"?>
        <TimeML>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-16" functionInDocument="CREATION_TIME">2021-04-16</TIMEX3></DCT>
        <TEXT>اقترح الرئيس عقد قمة <TIMEX3 tid="t1" type="DATE" value="2021-SU">هذا الصيف</TIMEX3>، بعد اتصال هاتفي <TIMEX3 tid="t2" type="DATE" value="2021-01">يناير الماضي</TIMEX3> استمر <TIMEX3 tid="t3" type="DURATION" value="PT2H">ساعتين</TIMEX3>.</TEXT>
        </TimeML>
    "#]]
    .assert_eq(&format::timeml(text, &a));
}

const SENTENCES: &[&str] = &[
    "التقى الوزيران في يناير الماضي ثم مرة أخرى الأسبوع المقبل.",
    "سيلتقي الرئيسان الأربعاء بعد محادثات استمرت ثلاثة أيام.",
    "صدر العدد يوم الجمعة 5 رمضان 1445هـ الموافق 15 مارس 2024م.",
    "تحدث الرئيسان في وقت سابق من هذا الأسبوع ويبحثان عقد قمة هذا الصيف الآن.",
];

proptest! {
    // Issue 5: the same sentence with the same reference date gives the same values.
    #[test]
    fn deterministic(k in 0..SENTENCES.len(), days in 0i64..20000) {
        let r = date("1990-01-01").checked_add(jiff::Span::new().days(days)).unwrap();
        let doc = Document::new(SENTENCES[k]);
        let a = time::find(&doc, Some(r));
        let b = time::find(&Document::new(SENTENCES[k]), Some(r));
        prop_assert_eq!(a, b);
    }

    // Odd input never panics and spans stay on char boundaries inside the text.
    #[test]
    fn arbitrary_text_is_fine(text in "[ا-ي0-9٠-٩/:\\-() «»\"،.\\n]{0,80}|\\PC{0,40}") {
        let doc = Document::new(&text);
        let times = time::find(&doc, Some(date("2021-04-16")));
        for t in &times.exprs {
            prop_assert!(text.get(t.span.start..t.span.end).is_some());
        }
        let _ = time::reference_from_text(&doc);
        let _ = khabar_nlp::events::extract_at(&doc, &[], &times.exprs, None);
        let _ = khabar_nlp::events::quotes(&doc, &[]);
    }
}
