//! TIMEX3 values (`2023-01`, `2023-W31`, `2023-SU`, `2023-08-04`, `PAST_REF`) read for display:
//! their granularity, the span of days they cover, and a label in the interface language.

use crate::i18n::t;
use crate::state::Lang;
use jiff::civil::{Date, ISOWeekDate, Weekday};
use khabar_nlp::analysis::TimeValue;

/// How precise a resolved time is (drawn differently on the timeline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// A time of day.
    Time,
    /// A day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A quarter.
    Quarter,
    /// A year (or decade).
    Year,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`: no place on the axis.
    Reference,
}

impl Granularity {
    /// A stable name for data attributes and i18n keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
            Granularity::Reference => "ref",
        }
    }
}

/// A TIMEX3 value, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// The value as written.
    pub value: String,
    /// Its granularity.
    pub granularity: Granularity,
    /// First and last day covered (inclusive), when it names a calendar period.
    pub days: Option<(Date, Date)>,
}

/// Parses a TIMEX3 date value; `None` for durations, sets and anything unreadable.
pub fn parse(value: &str) -> Option<Timex> {
    let v = value.trim();
    let timex = |granularity, days| {
        Some(Timex {
            value: v.to_owned(),
            granularity,
            days,
        })
    };
    if matches!(v, "PAST_REF" | "PRESENT_REF" | "FUTURE_REF") {
        return timex(Granularity::Reference, None);
    }
    let (date_part, has_time) = match v.split_once('T') {
        Some((d, _)) => (d, true),
        None => (v, false),
    };
    let mut parts = date_part.split('-');
    let year_text = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if year_text.len() == 4 && year_text.ends_with('X') {
        // A decade such as 198X.
        let decade: i16 = year_text[..3].parse().ok()?;
        let first = Date::new(decade * 10, 1, 1).ok()?;
        let last = Date::new(decade * 10 + 9, 12, 31).ok()?;
        return timex(Granularity::Year, Some((first, last)));
    }
    if year_text.len() != 4 {
        return None;
    }
    let year: i16 = year_text.parse().ok()?;
    match (second, third) {
        (None, None) => timex(
            Granularity::Year,
            Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        ),
        (Some(s), None) if matches!(s, "SP" | "SU" | "FA" | "WI") => {
            // Northern-hemisphere meteorological seasons; winter runs into the next year.
            let (m1, y2, m2) = match s {
                "SP" => (3, year, 5),
                "SU" => (6, year, 8),
                "FA" => (9, year, 11),
                _ => (12, year + 1, 2),
            };
            let first = Date::new(year, m1, 1).ok()?;
            let last = Date::new(y2, m2, 1).ok()?.last_of_month();
            timex(Granularity::Season, Some((first, last)))
        }
        (Some(s), None) if s.starts_with('W') => {
            let week: i8 = s[1..].parse().ok()?;
            let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
            let sunday = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
            timex(Granularity::Week, Some((monday, sunday)))
        }
        (Some(s), None) if s.starts_with('Q') => {
            let q: i8 = s[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
            let first = Date::new(year, (q - 1) * 3 + 1, 1).ok()?;
            let last = Date::new(year, q * 3, 1).ok()?.last_of_month();
            timex(Granularity::Quarter, Some((first, last)))
        }
        (Some(s), None) => {
            let month: i8 = s.parse().ok()?;
            let first = Date::new(year, month, 1).ok()?;
            timex(Granularity::Month, Some((first, first.last_of_month())))
        }
        (Some(s), Some(d)) => {
            let date = Date::new(year, s.parse().ok()?, d.parse().ok()?).ok()?;
            let g = if has_time {
                Granularity::Time
            } else {
                Granularity::Day
            };
            timex(g, Some((date, date)))
        }
        (None, Some(_)) => None,
    }
}

/// The typed value of the analysis (issue 11) read for display: granularity and days come from
/// it, not from parsing the TIMEX3 string; `value` is kept for the label. `None` for durations,
/// sets and values that need an unknown publication date.
pub fn from_typed(typed: &TimeValue, value: Option<&str>) -> Option<Timex> {
    match typed.kind.as_str() {
        "calendar" => {
            let granularity = match typed.granularity.as_deref()? {
                "minute" | "part_of_day" => Granularity::Time,
                "day" => Granularity::Day,
                "week" => Granularity::Week,
                "month" => Granularity::Month,
                "season" => Granularity::Season,
                "quarter" | "half" => Granularity::Quarter,
                _ => Granularity::Year,
            };
            let first = crate::civil::parse_date(typed.first.as_deref()?)?;
            let last = crate::civil::parse_date(typed.last.as_deref()?)?;
            Some(Timex {
                value: value.unwrap_or_default().to_owned(),
                granularity,
                days: Some((first, last)),
            })
        }
        "reference" => parse(value?),
        _ => None,
    }
}

/// The typed value when there is one, else the TIMEX3 string parsed (older analyses).
pub fn of(typed: Option<&TimeValue>, value: Option<&str>) -> Option<Timex> {
    match typed {
        Some(tv) if !tv.kind.is_empty() => from_typed(tv, value),
        _ => value.and_then(parse),
    }
}

/// A label for a relative value of an undated article (issue 11): «جوان المقبل» is "next
/// June", «أمس» "yesterday"; `None` when the value is not relative or has no label.
pub fn relative_label(typed: &TimeValue, lang: Lang) -> Option<String> {
    if typed.kind != "relative" {
        return None;
    }
    let offset = typed.offset?;
    if let Some(m) = typed.month {
        let name = month_name(i8::try_from(m).ok()?, lang);
        let word = match offset {
            ..0 => t(lang, "rel.last"),
            0 => return Some(name.to_owned()),
            _ => t(lang, "rel.next"),
        };
        return Some(match lang {
            Lang::Ar => format!("{name} {word}"),
            Lang::En => format!("{word} {name}"),
        });
    }
    let key = match (typed.unit.as_deref()?, offset) {
        ("day", -1) => "rel.day.-1",
        ("day", 0) => "rel.day.0",
        ("day", 1) => "rel.day.1",
        ("week", -1) => "rel.week.-1",
        ("week", 0) => "rel.week.0",
        ("week", 1) => "rel.week.1",
        ("month", -1) => "rel.month.-1",
        ("month", 0) => "rel.month.0",
        ("month", 1) => "rel.month.1",
        ("year", -1) => "rel.year.-1",
        ("year", 0) => "rel.year.0",
        ("year", 1) => "rel.year.1",
        _ => return None,
    };
    Some(t(lang, key).to_owned())
}

/// A reader-facing label for a TIMEX3 value («أبريل 2021», "Week 15, 2021"); the value itself
/// when it cannot be read.
pub fn label(value: &str, lang: Lang) -> String {
    let Some(timex) = parse(value) else {
        return duration_label(value, lang).unwrap_or_else(|| value.to_owned());
    };
    let v = timex.value.as_str();
    let year = v.get(..4).unwrap_or_default();
    match (timex.granularity, timex.days) {
        (Granularity::Reference, _) => ref_label(v, lang).to_owned(),
        (Granularity::Day | Granularity::Time, Some((d, _))) => {
            let time = v
                .split_once('T')
                .map(|(_, t)| format!(" {t}"))
                .unwrap_or_default();
            format!(
                "{} {} {}{time}",
                d.day(),
                month_name(d.month(), lang),
                d.year()
            )
        }
        (Granularity::Month, Some((d, _))) => format!("{} {}", month_name(d.month(), lang), year),
        (Granularity::Week, _) => {
            format!("{} {} {} {year}", t(lang, "week.label"), &v[6..], sep(lang))
        }
        (Granularity::Quarter, _) => {
            format!(
                "{} {} {} {year}",
                t(lang, "quarter.label"),
                &v[6..],
                sep(lang)
            )
        }
        (Granularity::Season, _) => format!("{} {year}", season_name(&v[5..], lang)),
        (Granularity::Year, Some((first, last))) if first.year() != last.year() => {
            format!("{}–{}", first.year(), last.year())
        }
        (Granularity::Year, Some((first, _))) => first.year().to_string(),
        _ => v.to_owned(),
    }
}

fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "من",
        Lang::En => "of",
    }
}

fn ref_label(v: &str, lang: Lang) -> &'static str {
    match v {
        "PAST_REF" => t(lang, "ref.PAST_REF"),
        "PRESENT_REF" => t(lang, "ref.PRESENT_REF"),
        _ => t(lang, "ref.FUTURE_REF"),
    }
}

fn season_name(code: &str, lang: Lang) -> &'static str {
    match code {
        "SP" => t(lang, "season.SP"),
        "SU" => t(lang, "season.SU"),
        "FA" => t(lang, "season.FA"),
        _ => t(lang, "season.WI"),
    }
}

/// The month's name in `lang` (1-based).
pub fn month_name(month: i8, lang: Lang) -> &'static str {
    const KEYS: [&str; 12] = [
        "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
        "month.9", "month.10", "month.11", "month.12",
    ];
    KEYS.get(usize::try_from(month - 1).unwrap_or(0))
        .map_or("", |k| t(lang, k))
}

/// A TIMEX3 duration with one unit (`P5Y`, `P3M`, `P2W`, `P10D`, `PT6H`) in words («5 سنوات»,
/// "5 years"); `None` for anything else.
pub fn duration_label(value: &str, lang: Lang) -> Option<String> {
    let v = value.trim().strip_prefix('P')?;
    let (v, time) = match v.strip_prefix('T') {
        Some(rest) => (rest, true),
        None => (v, false),
    };
    let unit = v.chars().last()?;
    let n: u64 = v[..v.len() - unit.len_utf8()].parse().ok()?;
    // i18n keys: one, two (the Arabic dual), few (the Arabic plural of 3–10; English plural),
    // many (the Arabic accusative singular of 11–99).
    let [one, two, few, many] = match (unit, time) {
        ('Y', false) => [
            "dur.year.one",
            "dur.year.two",
            "dur.year.few",
            "dur.year.many",
        ],
        ('M', false) => [
            "dur.month.one",
            "dur.month.two",
            "dur.month.few",
            "dur.month.many",
        ],
        ('W', false) => [
            "dur.week.one",
            "dur.week.two",
            "dur.week.few",
            "dur.week.many",
        ],
        ('D', false) => ["dur.day.one", "dur.day.two", "dur.day.few", "dur.day.many"],
        ('H', true) => [
            "dur.hour.one",
            "dur.hour.two",
            "dur.hour.few",
            "dur.hour.many",
        ],
        ('M', true) => [
            "dur.minute.one",
            "dur.minute.two",
            "dur.minute.few",
            "dur.minute.many",
        ],
        _ => return None,
    };
    // Arabic: 1 and 2 are the singular and dual alone, 3–10 take the plural, 11–99 the
    // accusative singular, 100 and more the genitive singular.
    Some(match (lang, n) {
        (Lang::Ar, 1) => t(lang, one).to_owned(),
        (Lang::Ar, 2) => t(lang, two).to_owned(),
        (Lang::Ar, 3..=10) | (Lang::En, 2..) | (Lang::En, 0) => format!("{n} {}", t(lang, few)),
        (Lang::Ar, 11..=99) => format!("{n} {}", t(lang, many)),
        _ => format!("{n} {}", t(lang, one)),
    })
}
