//! The timeline reads the analysis's typed time values (issue 11): days and granularity from
//! `typed`, "next June" for a relative value of an undated article, and the TIMEX3 string only
//! as a fallback.

use khabar::state::Lang;
use khabar::timex::{self, Granularity};
use khabar_nlp::{Config, analyze};

// Issue 11: a calendar value is placed from its typed days, not by parsing `value`.
#[test]
fn calendar_values_come_from_typed() {
    let a = analyze(
        "عقد المؤتمر في الأسبوع الأول من مارس 2025 في الرباط.",
        &Config::default(),
    );
    let t = &a.times[0];
    let x = timex::of(Some(&t.typed), t.value.as_deref()).unwrap();
    assert_eq!(x.granularity, Granularity::Week);
    let (first, last) = x.days.unwrap();
    assert_eq!(
        (first.to_string(), last.to_string()),
        ("2025-03-03".to_owned(), "2025-03-09".to_owned())
    );
    // Without `typed` (older analyses), the string is parsed as before.
    assert_eq!(timex::of(None, Some("2025-W10")).unwrap().days, x.days);
}

// Issue 11: «جوان المقبل» without a publication date reads "next June".
#[test]
fn relative_values_have_labels() {
    let a = analyze("تجرى الانتخابات في جوان المقبل.", &Config::default());
    let t = &a.times[0];
    assert_eq!(t.value, None);
    assert_eq!(
        timex::relative_label(&t.typed, Lang::En).as_deref(),
        Some("next June")
    );
    assert_eq!(
        timex::relative_label(&t.typed, Lang::Ar).as_deref(),
        Some("يونيو المقبل")
    );
    assert!(timex::of(Some(&t.typed), None).is_none());
}
