//! Calendar arithmetic for resolution: offsets, ISO weeks, seasons, past/future choice, and
//! Hijri ↔ Gregorian conversion through `icu_calendar` (Umm al-Qura).

use icu_calendar::Date as IcuDate;
use icu_calendar::cal::Hijri;
use jiff::Span;
use jiff::civil::Date;

/// Which way a bare month, weekday or day-month without year is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    /// «الماضي»: strictly before the current unit.
    Previous,
    /// «الجاري»، «هذا»: the current one.
    Current,
    /// «المقبل»: strictly after the current unit.
    Next,
    /// Nothing said, no future cue: the most recent (the current one included).
    Past,
    /// Nothing said but a future cue nearby: the next one (the current one included).
    Future,
}

impl Lean {
    /// From a relative word's direction.
    pub fn from_direction(d: i8) -> Lean {
        match d {
            ..0 => Lean::Previous,
            0 => Lean::Current,
            _ => Lean::Next,
        }
    }
}

/// `date` moved by `n` days; `date` itself when that leaves the supported range (a span too
/// large to build panicked before, issue 11).
pub(crate) fn add_days(date: Date, n: i64) -> Date {
    shifted(date, Span::new().try_days(n))
}

/// `date` moved by `n` months.
pub(crate) fn add_months(date: Date, n: i64) -> Date {
    shifted(date, Span::new().try_months(n))
}

/// `date` moved by `n` years.
pub(crate) fn add_years(date: Date, n: i64) -> Date {
    shifted(date, Span::new().try_years(n))
}

fn shifted(date: Date, span: Result<Span, jiff::Error>) -> Date {
    span.ok()
        .and_then(|s| date.checked_add(s).ok())
        .unwrap_or(date)
}

/// ISO weekday, 1 = Monday.
pub(crate) fn weekday(date: Date) -> u8 {
    date.weekday().to_monday_one_offset() as u8
}

/// `YYYY-Www` of `date`.
pub(crate) fn week_value(date: Date) -> String {
    let w = date.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The month index `year * 12 + month - 1`.
fn month_index(year: i32, month: u8) -> i32 {
    year * 12 + i32::from(month) - 1
}

/// The year of a Gregorian month relative to the reference.
pub(crate) fn pick_month_year(reference: Date, month: u8, lean: Lean) -> i32 {
    let year = i32::from(reference.year());
    let current = month_index(year, reference.month() as u8);
    let candidates = [year - 1, year, year + 1];
    let pick = |f: &dyn Fn(i32) -> bool, last: bool| {
        let it = candidates
            .iter()
            .copied()
            .filter(|&y| f(month_index(y, month)));
        if last { it.max() } else { it.min() }
    };
    match lean {
        Lean::Previous => pick(&|i| i < current, true),
        Lean::Next => pick(&|i| i > current, false),
        Lean::Current => Some(year),
        Lean::Past => pick(&|i| i <= current, true),
        Lean::Future => pick(&|i| i >= current, false),
    }
    .unwrap_or(year)
}

/// A day-month without a year relative to the reference.
pub(crate) fn pick_day(reference: Date, candidates: &[Date], lean: Lean) -> Option<Date> {
    let it = candidates.iter().copied();
    match lean {
        Lean::Previous => it.filter(|d| *d < reference).max(),
        Lean::Next => it.filter(|d| *d > reference).min(),
        Lean::Current => it.filter(|d| *d <= reference).max(),
        Lean::Past => {
            // A day a few weeks ahead beats the same day almost a year ago.
            let past = candidates.iter().copied().filter(|d| *d <= reference).max();
            let soon = candidates
                .iter()
                .copied()
                .filter(|d| *d > reference && *d <= add_days(reference, 45))
                .min();
            match (past, soon) {
                (Some(p), Some(f)) if p < add_days(reference, -300) => Some(f),
                (p, _) => p,
            }
        }
        Lean::Future => it.filter(|d| *d >= reference).min(),
    }
}

/// A weekday relative to the reference.
pub(crate) fn pick_weekday(reference: Date, wd: u8, lean: Lean) -> Date {
    let today = i64::from(weekday(reference));
    let back = (today - i64::from(wd)).rem_euclid(7);
    let ahead = (i64::from(wd) - today).rem_euclid(7);
    match lean {
        Lean::Previous => add_days(reference, -(if back == 0 { 7 } else { back })),
        Lean::Next => add_days(reference, if ahead == 0 { 7 } else { ahead }),
        Lean::Current | Lean::Past => add_days(reference, -back),
        Lean::Future => add_days(reference, ahead),
    }
}

/// The season containing `date`: (season year, code). Winter belongs to the year it starts in
/// (December).
pub(crate) fn season_of(date: Date) -> (i32, &'static str) {
    let y = i32::from(date.year());
    match date.month() {
        3..=5 => (y, "SP"),
        6..=8 => (y, "SU"),
        9..=11 => (y, "FA"),
        12 => (y, "WI"),
        _ => (y - 1, "WI"),
    }
}

/// Order of a season inside its year.
fn season_rank(code: &str) -> i32 {
    match code {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

/// The year of `code` relative to the reference («هذا الصيف», «الشتاء الماضي»).
pub(crate) fn pick_season_year(reference: Date, code: &str, lean: Lean) -> i32 {
    let (cy, cc) = season_of(reference);
    let current = cy * 4 + season_rank(cc);
    let year = i32::from(reference.year());
    let candidates = [year - 1, year, year + 1];
    let idx = |y: i32| y * 4 + season_rank(code);
    let it = candidates.iter().copied();
    match lean {
        Lean::Current => {
            if code == cc {
                cy
            } else {
                year
            }
        }
        Lean::Previous => it.filter(|&y| idx(y) < current).max().unwrap_or(year),
        Lean::Next => it.filter(|&y| idx(y) > current).min().unwrap_or(year),
        Lean::Past => it.filter(|&y| idx(y) <= current).max().unwrap_or(year),
        Lean::Future => it.filter(|&y| idx(y) >= current).min().unwrap_or(year),
    }
}

/// A Hijri (Umm al-Qura) date in the Gregorian calendar.
pub(crate) fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let h =
        IcuDate::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(icu_calendar::Iso);
    let y = i16::try_from(iso.era_year().year).ok()?;
    Date::new(y, iso.month().ordinal as i8, iso.day_of_month().0 as i8).ok()
}

/// The Hijri (Umm al-Qura) year of a Gregorian date.
pub(crate) fn hijri_year(date: Date) -> Option<i32> {
    to_hijri(date).map(|(year, ..)| year)
}

/// A Gregorian date in the Hijri (Umm al-Qura) calendar: (year, month, day).
pub(crate) fn to_hijri(date: Date) -> Option<(i32, u8, u8)> {
    let iso =
        IcuDate::try_new_iso(i32::from(date.year()), date.month() as u8, date.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), h.month().ordinal, h.day_of_month().0))
}

/// A Hijri month as the Gregorian month holding its 15th day.
pub(crate) fn hijri_month(year: i32, month: u8) -> super::value::Value {
    hijri_to_gregorian(year, month, 15).map_or(super::value::Value::Unknown, |d| {
        super::value::Value::Month(i32::from(d.year()), d.month() as u8)
    })
}

/// The Gregorian year in which Hijri year `hy` is mostly, when `hijri`; `hy` otherwise.
pub(crate) fn hijri_from_year(hy: i32, hijri: bool) -> i32 {
    if hijri {
        hijri_to_gregorian(hy, 7, 1).map_or(hy, |d| i32::from(d.year()))
    } else {
        hy
    }
}

/// The first and last day (inclusive) a TIMEX3 date value covers, when it is a calendar value
/// (`2023-08-02`, `2023-08`, `2023`, `2023-W31`, `2021-SU`, `2021-Q1`, `2021-H1`, `198X`, a
/// `T…` time of a day).
#[cfg(any(test, feature = "eval"))]
pub fn interval(value: &str) -> Option<(Date, Date)> {
    let value = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = value.split('-').collect();
    let year_of = |s: &str| -> Option<i16> { if s.len() == 4 { s.parse().ok() } else { None } };
    if let [y] = parts.as_slice() {
        if let Some(y) = year_of(y) {
            return Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?));
        }
        if y.len() == 4 && y.ends_with('X') {
            let d: i16 = y[..3].parse().ok()?;
            return Some((
                Date::new(d * 10, 1, 1).ok()?,
                Date::new(d * 10 + 9, 12, 31).ok()?,
            ));
        }
        if y.len() == 2 {
            let c: i16 = y.parse().ok()?;
            return Some((
                Date::new(c * 100, 1, 1).ok()?,
                Date::new(c * 100 + 99, 12, 31).ok()?,
            ));
        }
        return None;
    }
    let y = year_of(parts[0])?;
    match parts.as_slice() {
        [_, m] if m.starts_with('W') && *m != "WI" => {
            let w: i8 = m[1..].parse().ok()?;
            let iso = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday).ok()?;
            let start = iso.date();
            Some((start, add_days(start, 6)))
        }
        [_, m] if m.starts_with('Q') => {
            let q: i8 = m[1..].parse().ok()?;
            let start = Date::new(y, (q - 1) * 3 + 1, 1).ok()?;
            Some((start, add_days(add_months(start, 3), -1)))
        }
        [_, m] if m.starts_with('H') => {
            let h: i8 = m[1..].parse().ok()?;
            let start = Date::new(y, (h - 1) * 6 + 1, 1).ok()?;
            Some((start, add_days(add_months(start, 6), -1)))
        }
        [_, "SP"] => Some((Date::new(y, 3, 1).ok()?, Date::new(y, 5, 31).ok()?)),
        [_, "SU"] => Some((Date::new(y, 6, 1).ok()?, Date::new(y, 8, 31).ok()?)),
        [_, "FA"] => Some((Date::new(y, 9, 1).ok()?, Date::new(y, 11, 30).ok()?)),
        [_, "WI"] => Some((
            Date::new(y, 12, 1).ok()?,
            add_days(Date::new(y + 1, 3, 1).ok()?, -1),
        )),
        [_, m] => {
            let start = Date::new(y, m.parse().ok()?, 1).ok()?;
            Some((start, start.last_of_month()))
        }
        [_, m, d] => {
            let day = Date::new(y, m.parse().ok()?, d.parse().ok()?).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    // Issue 5: granularity-aware intervals of TIMEX3 values.
    #[test]
    fn intervals() {
        assert_eq!(
            interval("2021-W15"),
            Some((d("2021-04-12"), d("2021-04-18")))
        );
        assert_eq!(
            interval("2021-04"),
            Some((d("2021-04-01"), d("2021-04-30")))
        );
        assert_eq!(
            interval("2021-SU"),
            Some((d("2021-06-01"), d("2021-08-31")))
        );
        assert_eq!(
            interval("2020-WI"),
            Some((d("2020-12-01"), d("2021-02-28")))
        );
        assert_eq!(
            interval("2021-Q1"),
            Some((d("2021-01-01"), d("2021-03-31")))
        );
        assert_eq!(
            interval("2021-H2"),
            Some((d("2021-07-01"), d("2021-12-31")))
        );
        assert_eq!(interval("198X"), Some((d("1980-01-01"), d("1989-12-31"))));
        assert_eq!(interval("20"), Some((d("2000-01-01"), d("2099-12-31"))));
        assert_eq!(
            interval("2023-08-02T10:30"),
            Some((d("2023-08-02"), d("2023-08-02")))
        );
        assert_eq!(interval("P5Y"), None);
        assert_eq!(interval("PRESENT_REF"), None);
    }

    // Issue 5: past bias and explicit directions.
    #[test]
    fn picking() {
        let r = d("2023-08-04"); // a Friday
        assert_eq!(pick_month_year(r, 1, Lean::Previous), 2023);
        assert_eq!(pick_month_year(r, 8, Lean::Previous), 2022);
        assert_eq!(pick_month_year(r, 3, Lean::Next), 2024);
        assert_eq!(pick_month_year(r, 11, Lean::Past), 2022);
        assert_eq!(pick_month_year(r, 11, Lean::Future), 2023);
        assert_eq!(pick_weekday(r, 5, Lean::Past), r);
        assert_eq!(pick_weekday(r, 5, Lean::Previous), d("2023-07-28"));
        assert_eq!(pick_weekday(r, 1, Lean::Next), d("2023-08-07"));
        assert_eq!(pick_season_year(r, "SU", Lean::Previous), 2022);
        assert_eq!(pick_season_year(r, "SP", Lean::Next), 2024);
    }

    // Issue 5: Umm al-Qura conversion (5 Ramadan 1445 = Friday 15 March 2024).
    #[test]
    fn hijri() {
        assert_eq!(hijri_to_gregorian(1445, 9, 5), Some(d("2024-03-15")));
        assert_eq!(hijri_year(d("2023-08-04")), Some(1445));
        assert_eq!(hijri_to_gregorian(1445, 13, 1), None);
    }
}
