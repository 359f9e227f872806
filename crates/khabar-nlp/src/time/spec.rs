//! The unresolved time value (issue 11): what the text of an expression says, before the
//! publication date or an earlier date of the text is known. Recognition (`recognize`) builds a
//! [`Spec`] for every expression without ever reading the reference date; resolution
//! (`resolve`) is the one place that turns it into a [`Value`] against the reference date and,
//! for anaphora, against the date the text mentioned before.
//!
//! Where a rule chooses between readings by the calendar («الخميس 16 مايو»: the year in which
//! the 16th of May is a Thursday), the choice is part of the spec and resolution makes it.

use super::calendar::Lean;
use super::lexicon::{Month, Unit};
use super::value::Value;

/// What follows a month name: a written year, «الجاري», «من العام الماضي» …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// A written year; `true` when Hijri.
    Absolute(i32, bool),
    /// A relative word about the month («مارس المقبل»).
    MonthRelative(i8),
    /// A relative year («من العام الماضي»).
    YearRelative(i8),
}

/// A year that is written or counted from the reference's year («2020», «العام الماضي»).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearOf {
    /// A written year (Gregorian).
    Written(i32),
    /// The reference's year moved by this many years.
    Reference(i32),
}

/// A century that is written or counted from the reference's century («القرن الماضي»),
/// TIMEX3 style (19 = 1900–1999).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CenturyOf {
    /// A written century.
    Written(i32),
    /// The reference's century moved by this many centuries.
    Reference(i32),
}

/// An unresolved time value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spec {
    /// Fully determined by the text («15 أبريل 2021», «P5Y», «PAST_REF»), or known to have no
    /// value ([`Value::Unknown`]).
    Fixed(Value),
    /// The unit holding the article's now moved by `n` units («أمس», «الشهر المقبل»); without a
    /// reference date, a [`Value::Relative`] offset.
    Offset(Unit, i64),
    /// The unit holding the article's now («مطلع العام»); unknown without a reference date.
    Current(Unit),
    /// `n` units before (negative) or after the article's now, at that unit's precision
    /// («منذ ثلاثة أشهر»: the month three months back, not its first day's month).
    Ago(Unit, i64),
    /// «خلال عشرة أيام» read as a future offset: like [`Spec::Offset`], hours rounded to days.
    Within(Unit, i64),
    /// A named weekday with a lean («الثلاثاء الماضي»).
    Weekday(u8, Lean),
    /// «الأربعاء العشرين»: the day of the month nearest to the article's now that falls on the
    /// weekday.
    WeekdayDay {
        /// The weekday (ISO, 1 = Monday).
        weekday: u8,
        /// The day of the month.
        day: u8,
    },
    /// A day of a named month whose year the reference picks («15 أبريل», «16 مايو الماضي»,
    /// «عيد الفطر»); a named weekday picks the nearest year where it agrees with the date.
    DayMonth {
        /// The month (Gregorian or Hijri).
        month: Month,
        /// The day of the month.
        day: u8,
        /// What follows the month, when it is not a written year.
        year: Option<YearSpec>,
        /// Past or future when nothing is said.
        lean: Lean,
        /// The weekday the text names.
        weekday: Option<u8>,
    },
    /// «23 من الشهر الجاري»: day `day` of the month `offset` months from the article's now.
    DayOfMonthOffset {
        /// Months from the article's now.
        offset: i64,
        /// The day of the month.
        day: u8,
    },
    /// A named month whose year the reference picks («يناير الماضي», «رمضان»).
    MonthName {
        /// The month.
        month: Month,
        /// What follows the month, when it is not a written year.
        year: Option<YearSpec>,
        /// Past or future when nothing is said.
        lean: Lean,
    },
    /// «عام 1442»: a written year without an era, Hijri when it is near the reference's Hijri
    /// year.
    Year(i32),
    /// A quarter (`half` false) or half of a year.
    Quarter {
        /// The year.
        year: YearOf,
        /// Which quarter or half.
        n: u8,
        /// A half rather than a quarter.
        half: bool,
    },
    /// A season of a year; with no year, the reference picks it by the lean.
    Season {
        /// `SP`, `SU`, `FA` or `WI`.
        code: &'static str,
        /// The year, when the text gives one.
        year: Option<YearOf>,
        /// Past or future when no year is given.
        lean: Lean,
    },
    /// A century.
    Century(CenturyOf),
    /// A decade: the century times ten plus `index` (199 = the 1990s).
    Decade {
        /// The century.
        century: CenturyOf,
        /// The decade inside it.
        index: i32,
    },
    /// «الخميس الثاني من مايو»: the n-th (−1: last) weekday of a month.
    NthWeekday {
        /// The month.
        month: Box<Spec>,
        /// The weekday (ISO).
        weekday: u8,
        /// Which one.
        n: i8,
    },
    /// «خميس الأسبوع المقبل»: a weekday of a week.
    WeekdayOfWeek {
        /// The week.
        week: Box<Spec>,
        /// The weekday (ISO).
        weekday: u8,
    },
    /// «الأسبوع الأول من يوليو», «آخر يوم من فبراير»: the n-th (−1: last) week or day of a
    /// period.
    PartOfPeriod {
        /// The period.
        period: Box<Spec>,
        /// `Week` or `Day`.
        unit: Unit,
        /// Which one.
        n: i8,
    },
    /// A time (`T10:30`, `TMO`) of a day; unknown unless the day resolves to a day.
    AtTime {
        /// The day.
        day: Box<Spec>,
        /// The TIMEX3 time part.
        time: String,
    },
    /// «الجمعة صباحا»: a part of the day after a day; a day becomes a time of that day, any
    /// other value stays as it is.
    WithPart {
        /// The day.
        day: Box<Spec>,
        /// The TIMEX3 time part.
        time: String,
    },
    /// «بين 6 و9 يونيو»: day `day` of the month and year of the date that closes the range
    /// (of its Hijri month and year for «بين 6 و9 رمضان»); dropped when that date does not
    /// resolve to a later day.
    RangeStart {
        /// The date closing the range.
        end: Box<Spec>,
        /// The day of the month.
        day: u8,
        /// The closing date names a Hijri month.
        hijri: bool,
    },
}

/// What kind of value a spec resolves to when the reference date is known, for the rules that
/// combine expressions (a month for «الخميس الثاني من …», a week for «خميس الأسبوع …»).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A time of a day.
    Time,
    /// Any other value.
    Other,
}

impl Spec {
    /// A spec known to have no value.
    pub fn unknown() -> Spec {
        Spec::Fixed(Value::Unknown)
    }

    /// What it resolves to with a reference date; `None` when it is known to have no value.
    pub fn shape(&self) -> Option<Shape> {
        Some(match self {
            Spec::Fixed(Value::Unknown) => return None,
            Spec::Fixed(Value::Day(_)) => Shape::Day,
            Spec::Fixed(Value::Week(_)) => Shape::Week,
            Spec::Fixed(Value::Month(..)) => Shape::Month,
            Spec::Fixed(Value::Time(..)) => Shape::Time,
            Spec::Fixed(_) => Shape::Other,
            Spec::Offset(unit, _) | Spec::Current(unit) | Spec::Within(unit, _) => {
                unit_shape(*unit)
            }
            Spec::Ago(unit, _) => match unit {
                Unit::Decade | Unit::Century | Unit::Year => Shape::Other,
                unit => unit_shape(*unit),
            },
            Spec::Weekday(..)
            | Spec::WeekdayDay { .. }
            | Spec::DayMonth { .. }
            | Spec::DayOfMonthOffset { .. }
            | Spec::NthWeekday { .. }
            | Spec::WeekdayOfWeek { .. }
            | Spec::RangeStart { .. } => Shape::Day,
            Spec::PartOfPeriod { unit, .. } => unit_shape(*unit),
            Spec::MonthName { .. } => Shape::Month,
            Spec::AtTime { .. } => Shape::Time,
            Spec::WithPart { day, .. } => match day.shape() {
                Some(Shape::Day) => Shape::Time,
                other => return other,
            },
            Spec::Year(_)
            | Spec::Quarter { .. }
            | Spec::Season { .. }
            | Spec::Century(_)
            | Spec::Decade { .. } => Shape::Other,
        })
    }

    /// A calendar value (resolved or not), as opposed to a reference word, a duration, a set
    /// or a season of no year ([`Value::is_calendar`]).
    pub fn is_calendar(&self) -> bool {
        match self {
            Spec::Fixed(v) => v.is_calendar(),
            _ => true,
        }
    }
}

/// The shape of the calendar unit holding a day moved by some units.
fn unit_shape(unit: Unit) -> Shape {
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => Shape::Day,
        Unit::Week => Shape::Week,
        Unit::Month => Shape::Month,
        Unit::Year | Unit::Decade | Unit::Century => Shape::Other,
    }
}

impl From<Value> for Spec {
    fn from(v: Value) -> Spec {
        Spec::Fixed(v)
    }
}
