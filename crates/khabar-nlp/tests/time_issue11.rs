//! Issue 11 regression tests: every "Wrong today" item of the issue, the typed value in the JSON
//! contract, anaphoric dates with their anchor, and an article without a publication date.

use khabar_nlp::{Config, Date, Document, analyze, time};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// The (text, value) pairs found in `sentence` with reference date `r`.
fn found(sentence: &str, r: &str) -> Vec<(String, Option<String>)> {
    let doc = Document::new(sentence);
    time::find(&doc, Some(date(r)))
        .exprs
        .iter()
        .map(|t| (t.span.slice(sentence).to_owned(), t.value.clone()))
        .collect()
}

fn one(sentence: &str, r: &str) -> (String, Option<String>) {
    let all = found(sentence, r);
    assert_eq!(all.len(), 1, "{sentence}: {all:?}");
    all.into_iter().next().unwrap()
}

// Issue 11: a number before «شهر» or «سنة» is a date, not a duration.
#[test]
fn number_before_shahr_is_a_date() {
    let (text, value) = one("صدر القرار في 14 شهر شباط.", "2024-03-14");
    assert_eq!(
        (text.as_str(), value.as_deref()),
        ("14 شهر شباط", Some("2024-02-14"))
    );
    let (text, value) = one("تخرج في شهر عشرة سنة 2015.", "2024-03-14");
    assert_eq!(
        (text.as_str(), value.as_deref()),
        ("شهر عشرة سنة 2015", Some("2015-10"))
    );
}

// Issue 11: the year decides the calendar: «رمضان 2023» is the Ramadan of Gregorian 2023.
#[test]
fn hijri_month_with_a_gregorian_year() {
    let (_, value) = one("صام الناس في رمضان 2023 وسط الحر.", "2024-03-14");
    assert_eq!(value.as_deref(), Some("2023-04"));
    let (_, value) = one("صدر العدد في 5 رمضان 2024.", "2024-03-14");
    assert_eq!(value.as_deref(), Some("2024-03-15"));
}

// Issue 11: an ordinal weekday is not a day of the month.
#[test]
fn ordinal_weekday_of_a_month() {
    let (text, value) = one("تعقد الجلسة الخميس الثاني من مايو 2024.", "2024-03-14");
    assert_eq!(text, "الخميس الثاني من مايو 2024");
    assert_eq!(value.as_deref(), Some("2024-05-09"));
}

// Issue 11: a weekday that contradicts the past-biased year picks the year where both agree;
// a real contradiction is still a diagnostic.
#[test]
fn weekday_decides_the_year() {
    let doc = Document::new("يبدأ المعرض الخميس 16 مايو.");
    let times = time::find(&doc, Some(date("2024-03-14")));
    assert_eq!(times.exprs[0].value.as_deref(), Some("2024-05-16"));
    assert!(times.diagnostics.is_empty());
    let doc = Document::new("يبدأ المعرض الأربعاء 16 مايو 2024.");
    let times = time::find(&doc, Some(date("2024-03-14")));
    assert_eq!(times.exprs[0].value.as_deref(), Some("2024-05-16"));
    assert_eq!(times.diagnostics[0].code, "weekday-mismatch");
}

// Issue 11: «اليوم الماضي» and «اليوم المنصرم» are yesterday; «قبل البارحة» two days ago.
#[test]
fn past_day_phrases() {
    for (s, v) in [
        ("تراجعت الأسهم في اليوم الماضي.", "2024-03-13"),
        ("تراجعت الأسهم خلال اليوم المنصرم.", "2024-03-13"),
        ("وصل الوفد قبل البارحة.", "2024-03-12"),
    ] {
        assert_eq!(one(s, "2024-03-14").1.as_deref(), Some(v), "{s}");
    }
}

// Issue 11: the hour of «الساعة السابعة من مساء غد» is 19:00 tomorrow.
#[test]
fn hour_with_a_later_part_of_day() {
    let (text, value) = one("تبدأ الحفلة الساعة السابعة من مساء غد.", "2024-03-14");
    assert_eq!(text, "الساعة السابعة من مساء غد");
    assert_eq!(value.as_deref(), Some("2024-03-15T19:00"));
}

// Issue 11: without a date given, a historical date in the body is not the publication date;
// a dateline still is.
#[test]
fn reference_date_from_a_dateline_only() {
    let body = "قال الرئيس في كلمة ألقاها أمام البرلمان إن البلاد تغيرت كثيرا منذ الهجمات التي وقعت في 11 سبتمبر 2001 على نيويورك.";
    assert_eq!(time::reference_from_text(&Document::new(body)), None);
    let with_line = format!("بغداد - الأحد 3 مارس 2024 -\n{body}");
    assert_eq!(
        time::reference_from_text(&Document::new(&with_line)),
        Some(date("2024-03-03"))
    );
}

// Issue 11: «عقد» as "holding" and a figurative «غد» are not times.
#[test]
fn not_times() {
    assert!(
        found(
            "تعمل الوزارة من خلال عقد ورش عمل على تدريب الشباب.",
            "2024-03-14"
        )
        .is_empty()
    );
    assert!(found("نسير معا نحو غد مشرق.", "2024-03-14").is_empty());
}

// Issue 11: an anaphoric date is anchored on the previous date of the text, and the contract
// says which one.
#[test]
fn anaphoric_dates_name_their_anchor() {
    let text = "وصل الوزير إلى الرباط يوم 3 مارس 2023، وفي اليوم التالي التقى الملك.";
    let a = analyze(
        text,
        &Config {
            reference_date: Some(date("2024-03-14")),
        },
    );
    let next = a.times.iter().find(|t| t.text == "اليوم التالي").unwrap();
    assert_eq!(next.value.as_deref(), Some("2023-03-04"));
    let anchor = next.typed.anchor.as_deref().unwrap();
    let anchored = a.times.iter().find(|t| t.id == anchor).unwrap();
    assert_eq!(anchored.value.as_deref(), Some("2023-03-03"));
    assert_eq!(next.typed.kind, "calendar");
    assert_eq!(next.typed.granularity.as_deref(), Some("day"));
    assert_eq!(next.typed.first.as_deref(), Some("2023-03-04"));
}

// Issue 11: without a publication date, «جوان المقبل» keeps what it says (next June), and the
// election it dates is planned, not something that happened.
#[test]
fn undated_article_keeps_relative_values() {
    let text = "أعلنت الهيئة أن الانتخابات التشريعية تجرى في جوان المقبل.";
    let a = analyze(text, &Config::default());
    assert_eq!(a.reference_date, None);
    let june = a.times.iter().find(|t| t.text.contains("جوان")).unwrap();
    assert_eq!(june.value, None);
    assert_eq!(june.typed.kind, "relative");
    assert_eq!(june.typed.month, Some(6));
    assert_eq!(june.typed.offset, Some(1));
    let election = a.events.iter().find(|v| v.kind == "election").unwrap();
    assert_eq!(election.status, "planned");
    assert_eq!(
        election.typed.as_ref().map(|t| t.kind.as_str()),
        Some("relative")
    );
}

// Issue 11: without a publication date, events are ordered against each other by their relative
// times («أمس» before «الشهر المقبل»).
#[test]
fn undated_article_orders_relative_events() {
    let text = "ستعقد القمة الشهر المقبل في القاهرة. وكان الوزيران قد عقدا اجتماعا أمس في عمان.";
    let a = analyze(text, &Config::default());
    let kinds: Vec<&str> = a.events.iter().map(|v| v.kind.as_str()).collect();
    let meeting = kinds.iter().position(|k| *k == "meeting").unwrap();
    let summit = kinds.iter().position(|k| *k == "summit").unwrap();
    assert!(meeting < summit, "{kinds:?}");
}

// Issue 11, "in a dated list the year alternating from line to line": a list item's bare
// day-month takes the year of the item above it, with a publication date or without one.
#[test]
fn a_dated_list_keeps_the_year_of_the_line_above() {
    let list = "أبرز محطات الأزمة\n\n- 12 مارس 2023: بدء المفاوضات بين الطرفين.\n\
                - 15 أبريل: تعليق المفاوضات.\n- 3 مايو 2022: توقيع الاتفاق الأول.\n\
                - 20 يونيو: انسحاب أحد الأطراف.\n- 2 يوليو: عودة الوفد.\n";
    let want = [
        ("12 مارس 2023", "2023-03-12"),
        ("15 أبريل", "2023-04-15"),
        ("3 مايو 2022", "2022-05-03"),
        ("20 يونيو", "2022-06-20"),
        ("2 يوليو", "2022-07-02"),
    ];
    for reference in ["2024-03-14", "2021-01-10"] {
        let got = found(list, reference);
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(t, v)| (t.as_str(), v.as_deref()))
            .collect();
        let want: Vec<(&str, Option<&str>)> = want.iter().map(|&(t, v)| (t, Some(v))).collect();
        assert_eq!(got, want, "reference date {reference}");
    }
    // Without a list, a bare day-month in running text still leans on the publication date.
    let all = found(
        "وقع الطرفان اتفاقا في 3 مايو 2022.\nوقال الوزير إن الاجتماع سيعقد في 15 أبريل.",
        "2024-03-14",
    );
    assert_eq!(all[1].1.as_deref(), Some("2024-04-15"), "{all:?}");
}

// Issue 11 (found while splitting recognition from resolution): the first day of a range of
// Hijri dates is a day of the same Hijri month («بين 6 و9 رمضان 1445»: 6 Ramadan = 16 March
// 2024), not the day of that number in the Gregorian month where the range ends (6 March).
#[test]
fn a_hijri_range_starts_in_the_hijri_month() {
    let all = found("صام الناس بين 6 و9 رمضان 1445 هـ.", "2024-03-14");
    assert_eq!(
        all[0],
        ("6".to_owned(), Some("2024-03-16".to_owned())),
        "{all:?}"
    );
    assert_eq!(all[1].1.as_deref(), Some("2024-03-19"), "{all:?}");
    let all = found("وقعت الأحداث بين 6 و9 رمضان.", "2024-03-14");
    assert_eq!(all[0].1.as_deref(), Some("2024-03-16"), "{all:?}");
    // Gregorian ranges as before.
    let all = found("جرت الانتخابات بين 6 و9 يونيو.", "2024-03-14");
    assert_eq!(all[0].1.as_deref(), Some("2023-06-06"), "{all:?}");
}

// Issue 11 (found while checking the recognise/resolve split on the training corpora): an
// offset too large for the calendar («قبل نحو 120000 عام», «منذ 9999999999 يوم») panicked in
// the date arithmetic; the analysis must never panic.
#[test]
fn huge_offsets_do_not_panic() {
    for sentence in [
        "سكن الإنسان الوادي قبل نحو 120000 عام .",
        "بدأ ذلك منذ 9999999999 يوم.",
        "بعد 99999999999 شهر يعود.",
        "قبل 18446744073709551615 أسبوع.",
        "سيصل خلال 9223372036854775808 ساعة.",
        "منذ 9223372036854775808 عقد.",
    ] {
        for r in [None, Some("2024-03-14")] {
            let doc = Document::new(sentence);
            let times = time::find(&doc, r.map(date));
            assert!(!times.exprs.is_empty(), "{sentence}");
        }
        analyze(sentence, &Config::default());
    }
}
