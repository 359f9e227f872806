//! The typed time value (issue 11): what a time expression means, as data rather than as a
//! TIMEX3 string. Resolution (`resolve`) builds a [`Value`] from a rule's unresolved spec;
//! `to_timex` renders the contract's `value` from it, `interval` gives the days it covers, and
//! the app and the events stage read it instead of parsing TIMEX3 strings back.
//!
//! A value is either resolved (a calendar period, a clock time, a reference word, a duration, a
//! set) or [`Value::Relative`]: an expression that needs the publication date, which is unknown
//! («الشهر المقبل», «جوان المقبل», «أمس» in an undated article). A relative value keeps what the
//! text said (unit and offset, or a named month or weekday and a direction) so that events can
//! still be ordered against the article's own "now".

use super::calendar;
use super::lexicon::Unit;
use jiff::civil::Date;

/// A time value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A day.
    Day(Date),
    /// The ISO week holding a day.
    Week(Date),
    /// A month of a year.
    Month(i32, u8),
    /// A season of a year (`SP`, `SU`, `FA`, `WI`; winter starts in December).
    Season(i32, &'static str),
    /// A season of no particular year («صيفا», «في فصل الشتاء»).
    AnySeason(&'static str),
    /// A quarter of a year.
    Quarter(i32, u8),
    /// A half of a year.
    Half(i32, u8),
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (199 = the 1990s).
    Decade(i32),
    /// A century, TIMEX3 style (19 = 1900–1999).
    Century(i32),
    /// `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    Ref(&'static str),
    /// A time of a day: the day and the TIMEX3 time part (`T10:30`, `TMO`).
    Time(Date, String),
    /// A length of time (TIMEX3 duration, `P5Y`, `PT2H`).
    Duration(String),
    /// A recurring time (TIMEX3 set value, `P1W`, `XXXX-WXX-5`).
    Set(String),
    /// Needs the publication date, which is unknown.
    Relative(Relative),
    /// Needs the publication date and nothing more is known about it.
    Unknown,
}

/// What a relative expression said, when the publication date is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// `offset` units from the article's now («أمس» = day −1, «الشهر المقبل» = month +1).
    Offset(Unit, i64),
    /// A named month with a direction (−1 the last one, 0 this or the nearest past one, +1 the
    /// next one): «جوان المقبل» is month 6, +1.
    Month(u8, i8),
    /// A named weekday (ISO, 1 = Monday) with a direction, as for months.
    Weekday(u8, i8),
}

/// How precise a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// A century.
    Century,
    /// A decade.
    Decade,
    /// A year.
    Year,
    /// Half a year.
    Half,
    /// A quarter.
    Quarter,
    /// A season.
    Season,
    /// A month.
    Month,
    /// A week.
    Week,
    /// A day.
    Day,
    /// A part of a day (morning, evening …).
    PartOfDay,
    /// A clock time.
    Minute,
}

impl Granularity {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Century => "century",
            Granularity::Decade => "decade",
            Granularity::Year => "year",
            Granularity::Half => "half",
            Granularity::Quarter => "quarter",
            Granularity::Season => "season",
            Granularity::Month => "month",
            Granularity::Week => "week",
            Granularity::Day => "day",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Minute => "minute",
        }
    }
}

impl Value {
    /// The TIMEX3 value, `None` when the value needs an unknown publication date.
    pub fn to_timex(&self) -> Option<String> {
        Some(match self {
            Value::Day(d) => d.to_string(),
            Value::Week(d) => calendar::week_value(*d),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Season(y, s) => format!("{y:04}-{s}"),
            Value::AnySeason(s) => format!("XXXX-{s}"),
            Value::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Value::Half(y, h) => format!("{y:04}-H{h}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Decade(d) => format!("{d:03}X"),
            Value::Century(c) => format!("{c:02}"),
            Value::Ref(r) => (*r).to_owned(),
            Value::Time(d, t) => format!("{d}{t}"),
            Value::Duration(v) | Value::Set(v) => v.clone(),
            Value::Relative(_) | Value::Unknown => return None,
        })
    }

    /// A calendar value (a period or a time on the calendar, resolved or not), as opposed to a
    /// reference word, a duration, a set or a season of no year.
    pub fn is_calendar(&self) -> bool {
        !matches!(
            self,
            Value::Ref(_) | Value::Duration(_) | Value::Set(_) | Value::AnySeason(_)
        )
    }

    /// How precise it is, for calendar values.
    pub fn granularity(&self) -> Option<Granularity> {
        Some(match self {
            Value::Day(_) => Granularity::Day,
            Value::Week(_) => Granularity::Week,
            Value::Month(..) => Granularity::Month,
            Value::Season(..) => Granularity::Season,
            Value::Quarter(..) => Granularity::Quarter,
            Value::Half(..) => Granularity::Half,
            Value::Year(_) => Granularity::Year,
            Value::Decade(_) => Granularity::Decade,
            Value::Century(_) => Granularity::Century,
            Value::Time(_, t) if t.contains(':') => Granularity::Minute,
            Value::Time(..) => Granularity::PartOfDay,
            _ => return None,
        })
    }

    /// The first and last day (inclusive) a calendar value covers.
    pub fn interval(&self) -> Option<(Date, Date)> {
        let year = |y: i32| -> Option<(Date, Date)> {
            let y = i16::try_from(y).ok()?;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        };
        let months = |y: i32, first: u8, count: i64| -> Option<(Date, Date)> {
            let start = Date::new(i16::try_from(y).ok()?, first as i8, 1).ok()?;
            Some((
                start,
                calendar::add_days(calendar::add_months(start, count), -1),
            ))
        };
        match self {
            Value::Day(d) | Value::Time(d, _) => Some((*d, *d)),
            Value::Week(d) => {
                let monday = calendar::add_days(*d, 1 - i64::from(calendar::weekday(*d)));
                Some((monday, calendar::add_days(monday, 6)))
            }
            Value::Month(y, m) => months(*y, *m, 1),
            Value::Season(y, s) => {
                let first = match *s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                months(*y, first, 3)
            }
            Value::Quarter(y, q) => months(*y, (q - 1) * 3 + 1, 3),
            Value::Half(y, h) => months(*y, (h - 1) * 6 + 1, 6),
            Value::Year(y) => year(*y),
            Value::Decade(d) => Some((year(d * 10)?.0, year(d * 10 + 9)?.1)),
            Value::Century(c) => Some((year(c * 100)?.0, year(c * 100 + 99)?.1)),
            _ => None,
        }
    }
}

impl Relative {
    /// The value against a reference date (the publication date, or a stand-in for the
    /// article's "now" when ordering an undated article's events).
    pub fn resolve(self, reference: Date) -> Value {
        super::resolve::relative(self, reference)
    }

    /// −1 when it points before the article's "now", 1 after it, 0 when it includes it or
    /// cannot say.
    pub fn direction(self) -> i8 {
        match self {
            Relative::Offset(_, n) => n.signum() as i8,
            Relative::Month(_, d) | Relative::Weekday(_, d) => d.signum(),
        }
    }
}

/// The unit's name in the contract (`day`, `month` …).
pub fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    // Issue 11: the typed value gives the same days as the TIMEX3 string it renders.
    #[test]
    fn interval_agrees_with_the_timex_reader() {
        let values = [
            Value::Day(d("2024-03-14")),
            Value::Week(d("2024-03-14")),
            Value::Month(2024, 2),
            Value::Season(2023, "WI"),
            Value::Season(2024, "SU"),
            Value::Quarter(2024, 4),
            Value::Half(2024, 2),
            Value::Year(1987),
            Value::Decade(198),
            Value::Century(19),
            Value::Time(d("2024-03-14"), "T10:30".to_owned()),
        ];
        for v in values {
            let timex = v.to_timex().unwrap();
            assert_eq!(v.interval(), calendar::interval(&timex), "{timex}");
        }
        assert_eq!(Value::Duration("P5Y".into()).interval(), None);
        assert_eq!(
            Value::Relative(Relative::Month(6, 1)).to_timex(),
            None,
            "a relative value has no TIMEX3 value"
        );
    }
}
