//! Day rules: «اليوم»/«أمس» and their colloquial forms, weekdays, day-month(-year) dates, digit dates.

use super::*;

/// «يوم», which may open a day expression («يوم الجمعة», «يوم أمس»).
pub(super) const DAY: &str = "يوم";

/// What [`deictic`] starts at.
pub(super) fn deictic_starts(lx: &Lexicon) -> Starts {
    Starts::words([DAY]).and(firsts(&lx.deictic))
}

/// «اليوم»، «أمس»، «يوم أمس»، «اليوم الجمعة»، «أول أمس».
pub(super) fn deictic(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j0, start) = if c.alt(i, DAY).is_some() {
        (i + 1, c.alt(i, DAY)?)
    } else {
        (i, 0)
    };
    let (offset, mut j, at) = c.phrase(&c.lx.deictic, j0)?;
    let start = if j0 == i { at } else { start };
    if c.w[j - 1].alt("اليوم").is_some() {
        if c.lx.in_class("not_after_today", c.key(j))
            || (i > 0 && matches!(c.key(i - 1), "هذا" | "ذلك"))
        {
            return None;
        }
        if j0 != i {
            return None;
        }
    }
    // «نحو غد أفضل»: a bare «غد» is a day only after a part of the day («مساء غد»).
    if c.key(j0) == "غد" && j0 == i && j == j0 + 1 && !(i > 0 && c.is_day_part_word(i - 1)) {
        return None;
    }
    let mut wd = None;
    if let Some(&(d, _)) = c.lx.weekdays.get(c.key(j)) {
        wd = Some(d);
        j += 1;
    }
    let spec = Spec::Offset(Unit::Day, i64::from(offset));
    let mut h = c.hit(i, start, j, TimeType::Date, spec);
    h.weekday = wd;
    Some(h)
}

/// What [`weekday`] starts at.
pub(super) fn weekday_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.weekdays).and([DAY])
}

/// «(يوم) الثلاثاء (الماضي)».
pub(super) fn weekday(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j, start) = match c.alt(i, DAY) {
        Some(at) => (i + 1, at),
        None => (i, 0),
    };
    let (wd, ambiguous, at) =
        c.w.get(j)?
            .alts()
            .find_map(|(k, at)| c.lx.weekdays.get(k).map(|&(d, a)| (d, a, at)))?;
    let start = if j == i { at } else { start };
    let mut end = j + 1;
    let mut lean = None;
    if let Some(&d) = c.lx.relative.get(c.key(end)) {
        lean = Some(Lean::from_direction(d));
        end += 1;
    }
    let before = if i > 0 { c.key(i - 1) } else { "" };
    if ambiguous
        && j == i
        && lean.is_none()
        && (matches!(before, "بين" | "كلا" | "هذين") || c.key(end) == "معا")
    {
        return None;
    }
    if c.key(j) == "الجمعه" && j == i && matches!(before, "صلاه" | "خطبه" | "صلاة")
    {
        return None;
    }
    let lean = lean.unwrap_or_else(|| c.lean(i, end));
    Some(c.hit(i, start, end, TimeType::Date, Spec::Weekday(wd, lean)))
}

/// What [`date`] starts at.
pub(super) fn date_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.weekdays).and([DAY]).or_number()
}

/// «15 أبريل 2021»، «الخميس 15 نيسان/أبريل الجاري»، «5 رمضان 1445هـ»، «الثالث من مارس»,
/// «الثلاثاء الموافق 13 شهر حزيران»، «السبت 14/02»، «الثلاثاء العاشر».
pub(super) fn date(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut start = c.start(i);
    let mut wd = None;
    if let Some(at) = c.alt(j, DAY) {
        start = at;
        j += 1;
    }
    if let Some((d, at)) =
        c.w.get(j)?
            .alts()
            .find_map(|(k, at)| c.lx.weekdays.get(k).map(|x| (x.0, at)))
    {
        if j == i {
            start = at;
        }
        wd = Some(d);
        j += 1;
        if c.is_punct(j, &["،", ","]) {
            j += 1;
        }
        if c.key(j) == "الموافق" {
            j += 1;
        }
        // «السبت 14/02»: day and month in digits after a weekday.
        if let Some((day, month, e)) = day_slash_month(c, j) {
            let m = Month {
                calendar: Calendar::Gregorian,
                number: month,
                ambiguous: false,
            };
            let val = day_month(c, i, e, m, day, None, wd);
            let mut h = c.hit(i, start, e, TimeType::Date, val);
            h.weekday = wd;
            return Some(h);
        }
    } else if j != i {
        return None;
    }
    let n = c.number(j)?;
    if wd.is_none() {
        start = n.start;
    }
    if !(1..=31).contains(&n.value) {
        return None;
    }
    j = n.end;
    if c.key(j) == "من" {
        j += 1;
    }
    let Some((m, mut j, _, _)) = month_ref(c, j) else {
        if let Some(h) = day_of_relative_month(c, i, start, j, day_number(n), wd) {
            return Some(h);
        }
        // «الأربعاء العشرين»: a weekday and a day of the month, the nearest such day.
        let w = wd?;
        if !(n.ordinal || n.digits) || n.value < 6 && c.key(n.end) == "من" {
            return None;
        }
        let spec = Spec::WeekdayDay {
            weekday: w,
            day: n.value as u8,
        };
        let mut h = c.hit(i, start, n.end, TimeType::Date, spec);
        h.weekday = wd;
        return Some(h);
    };
    // «22 أبريل من كل عام»: a yearly date.
    if m.calendar == Calendar::Gregorian
        && c.key(j) == "من"
        && c.key(j + 1) == "كل"
        && matches!(c.key(j + 2), "عام" | "سنه")
    {
        let v = format!("XXXX-{:02}-{:02}", m.number, n.value);
        return Some(c.hit(i, start, j + 3, TimeType::Set, Val::Set(v)));
    }
    let hijri_month = m.calendar == Calendar::Hijri;
    let spec = year_spec(c, j, hijri_month);
    if let Some((_, e)) = spec {
        j = e;
    }
    let val = day_month(c, i, j, m, n.value as u8, spec.map(|s| s.0), wd);
    let mut h = c.hit(i, start, j, TimeType::Date, val);
    h.weekday = wd;
    Some(h)
}

/// The spec of a day of a month, with what follows the month (`spec`) and a weekday the text
/// names: a written year decides; otherwise resolution picks the year from the reference date
/// and the lean, and a named weekday picks the nearest year where it agrees with the date
/// (issue 11).
pub(super) fn day_month(
    c: &Ctx<'_>,
    i: usize,
    j: usize,
    m: Month,
    day: u8,
    spec: Option<YearSpec>,
    wd: Option<u8>,
) -> Spec {
    match (m.calendar, spec) {
        (Calendar::Gregorian, Some(YearSpec::Absolute(y, false))) => {
            Date::new(y as i16, m.number as i8, day as i8)
                .ok()
                .map_or(Val::Unknown, Val::Day)
                .into()
        }
        (Calendar::Hijri, Some(YearSpec::Absolute(y, true))) => {
            calendar::hijri_to_gregorian(y, m.number, day)
                .map_or(Val::Unknown, Val::Day)
                .into()
        }
        (Calendar::Hijri, Some(YearSpec::Absolute(y, false))) => {
            hijri_in_gregorian_year(y, m.number, day)
                .map_or(Val::Unknown, Val::Day)
                .into()
        }
        (_, spec) => Spec::DayMonth {
            month: m,
            day,
            year: spec,
            lean: match spec {
                Some(YearSpec::MonthRelative(d)) => Lean::from_direction(d),
                _ => c.lean(i, j),
            },
            weekday: wd,
        },
    }
}

/// «14/02» at `j` (not followed by a year): (day, month, end word).
fn day_slash_month(c: &Ctx<'_>, j: usize) -> Option<(u8, u8, usize)> {
    let a = c.w.get(j).filter(|w| w.kind == TokenKind::Number)?;
    let b = c.w.get(j + 2).filter(|w| w.kind == TokenKind::Number)?;
    if c.key(j + 1) != "/" || a.key.len() > 2 || b.key.len() > 2 || c.key(j + 3) == "/" {
        return None;
    }
    let (d, m): (u8, u8) = (a.key.parse().ok()?, b.key.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m, j + 3))
}

pub(super) fn day_number(n: Number) -> u8 {
    n.value as u8
}

/// «23 من الشهر الجاري»، «العاشر من هذا الشهر»: a day of a month named by a relative unit.
pub(super) fn day_of_relative_month(
    c: &Ctx<'_>,
    i: usize,
    start: usize,
    j: usize,
    day: u8,
    wd: Option<u8>,
) -> Option<Hit> {
    let this = matches!(c.key(j), "هذا");
    let u = if this { j + 1 } else { j };
    let (unit, _) = definite_unit(c, u)?;
    if unit != Unit::Month {
        return None;
    }
    let (offset, end) = if this {
        (0, u + 1)
    } else {
        (i64::from(*c.lx.relative.get(c.key(u + 1))?), u + 2)
    };
    let spec = Spec::DayOfMonthOffset { offset, day };
    let mut h = c.hit(i, start, end, TimeType::Date, spec);
    h.weekday = wd;
    Some(h)
}

/// What [`digit_date`] starts at: digits.
pub(super) fn digit_date_starts(_: &Lexicon) -> Starts {
    Starts::default().or_number()
}

/// «15/4/2021»، «2021-04-15»، «١٥/٤/٢٠٢١».
pub(super) fn digit_date(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let num = |k: usize| -> Option<(u32, usize)> {
        let w = c.w.get(k)?;
        (w.kind == TokenKind::Number).then(|| (w.key.parse().ok().unwrap_or(0), w.key.len()))
    };
    let (a, la) = num(i)?;
    let sep = c.key(i + 1).to_owned();
    if !matches!(sep.as_str(), "/" | "-" | ".") || c.end(i) != c.start(i + 1) {
        return None;
    }
    let (b, lb) = num(i + 2)?;
    if c.key(i + 3) != sep {
        // «في 3/2021»: a month and a year.
        if sep == "/" && la <= 2 && lb == 4 && (1..=12).contains(&a) && (1900..=2100).contains(&b) {
            return Some(c.hit(
                i,
                c.start(i),
                i + 3,
                TimeType::Date,
                Val::Month(b as i32, a as u8),
            ));
        }
        return None;
    }
    let (cc, lc) = num(i + 4)?;
    let (y, m, d) = if la == 4 {
        (a as i32, b, cc)
    } else if lc == 4 || lc == 2 {
        let y = if lc == 2 {
            if cc < 50 { 2000 + cc } else { 1900 + cc }
        } else {
            cc
        };
        (y as i32, b, a)
    } else {
        return None;
    };
    let mut end = i + 5;
    let mut hijri = false;
    if let Some((h, e)) = era(c, end) {
        hijri = h;
        end = e;
    }
    let day = if hijri {
        calendar::hijri_to_gregorian(y, m as u8, d as u8)
    } else {
        Date::new(y as i16, m as i8, d as i8).ok()
    }?;
    Some(c.hit(i, c.start(i), end, TimeType::Date, Val::Day(day)))
}

/// An ordinal 1–5 or «الأخير» after a weekday («الخميس الثاني», «الجمعة الأخيرة»), or before
/// an indefinite one («ثاني خميس», «آخر جمعة»): n, or −1 for the last.
fn weekday_ordinal(key: &str, before: bool) -> Option<i8> {
    let bare = key.strip_prefix("ال").unwrap_or(key);
    if before && key.starts_with("ال") {
        return None;
    }
    WEEKDAY_ORDINALS
        .iter()
        .find(|o| o.word == bare && if before { o.before } else { o.after })
        .map(|o| o.n)
}

/// An ordinal of a weekday: its word without «ال», n (−1 for the last), and whether it may
/// stand after a weekday and before an indefinite one.
struct WeekdayOrdinal {
    word: &'static str,
    n: i8,
    after: bool,
    before: bool,
}

const fn ordinal_word(word: &'static str, n: i8, after: bool, before: bool) -> WeekdayOrdinal {
    WeekdayOrdinal {
        word,
        n,
        after,
        before,
    }
}

const WEEKDAY_ORDINALS: [WeekdayOrdinal; 13] = [
    ordinal_word("اول", 1, true, true),
    ordinal_word("اولي", 1, true, true),
    ordinal_word("ثاني", 2, true, true),
    ordinal_word("ثانيه", 2, true, true),
    ordinal_word("ثالث", 3, true, true),
    ordinal_word("ثالثه", 3, true, true),
    ordinal_word("رابع", 4, true, true),
    ordinal_word("رابعه", 4, true, true),
    ordinal_word("خامس", 5, true, true),
    ordinal_word("خامسه", 5, true, true),
    ordinal_word("اخير", -1, true, false),
    ordinal_word("اخيره", -1, true, false),
    ordinal_word("اخر", -1, false, true),
];

/// A month after «من»/«في» at `k` for the n-th weekday or a week of a month: «مايو 2024»,
/// «شهر نوفمبر», «الشهر المقبل», «ديسمبر الماضي».
fn month_after(c: &Ctx<'_>, k: usize) -> Option<Hit> {
    [month, unit_relative]
        .iter()
        .filter_map(|r| r(c, k))
        .filter(|h| matches!(h.spec.shape(), Some(Shape::Month) | None))
        .max_by_key(|h| h.end_word)
}

/// What [`nth_weekday`] starts at: «يوم», a weekday, or an ordinal before one.
pub(super) fn nth_weekday_starts(lx: &Lexicon) -> Starts {
    let before = WEEKDAY_ORDINALS.iter().filter(|o| o.before);
    Starts::keys(&lx.weekdays)
        .and([DAY])
        .and(before.map(|o| o.word))
}

/// «الخميس الثاني من مايو 2024»، «ثالث أربعاء من شهر نوفمبر»، «الجمعة الأخيرة من آب»،
/// «آخر جمعة من ديسمبر الماضي» (issue 11). An ordinal up to the fifth after a weekday is read
/// as the n-th weekday, even when the day of the month would fall on it too (issue 11 lists
/// «الخميس الثاني من مايو» read as 2 May as wrong); a day of the month is written «الخميس 2 مايو».
pub(super) fn nth_weekday(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut start = c.start(i);
    if let Some(at) = c.alt(j, DAY) {
        start = at;
        j += 1;
    }
    let weekday_at = |k: usize, indefinite: bool| {
        c.w.get(k)?.alts().find_map(|(key, at)| {
            if indefinite {
                c.lx.weekdays_indefinite.get(key).map(|d| (*d, at))
            } else {
                c.lx.weekdays.get(key).map(|x| (x.0, at))
            }
        })
    };
    let (wd, n, k) = if let Some((wd, at)) = weekday_at(j, false) {
        if j == i {
            start = at;
        }
        let n = weekday_ordinal(c.key(j + 1), false)?;
        (wd, n, j + 2)
    } else if j == i {
        let n =
            c.w.get(i)?
                .alts()
                .find_map(|(key, _)| weekday_ordinal(key, true))?;
        let (wd, _) = weekday_at(i + 1, true).or_else(|| weekday_at(i + 1, false))?;
        (wd, n, i + 2)
    } else {
        return None;
    };
    if !matches!(c.key(k), "من" | "في") {
        return None;
    }
    let m = month_after(c, k + 1)?;
    let spec = Spec::NthWeekday {
        month: Box::new(m.spec),
        weekday: wd,
        n,
    };
    Some(c.hit(i, start, m.end_word, TimeType::Date, spec))
}

/// What [`weekday_of_week`] starts at.
pub(super) fn weekday_of_week_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.weekdays)
        .and(lx.weekdays_indefinite.keys().map(String::as_str))
        .and([DAY])
}

/// «ثلاثاء الأسبوع المقبل»، «يوم الاثنين من الأسبوع القادم»، «الأربعاء من الأسبوع الماضي»
/// (issue 11): a weekday of a relative ISO week.
pub(super) fn weekday_of_week(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j, lead) = match c.alt(i, DAY) {
        Some(at) => (i + 1, Some(at)),
        None => (i, None),
    };
    let (wd, at) = c.w.get(j)?.alts().find_map(|(key, at)| {
        c.lx.weekdays
            .get(key)
            .map(|x| x.0)
            .or_else(|| c.lx.weekdays_indefinite.get(key).copied())
            .map(|d| (d, at))
    })?;
    let mut k = j + 1;
    if c.key(k) == "من" {
        k += 1;
    }
    let week = unit_relative(c, k)?;
    if week.spec.shape() != Some(Shape::Week) {
        return None;
    }
    let spec = Spec::WeekdayOfWeek {
        week: Box::new(week.spec),
        weekday: wd,
    };
    Some(c.hit(i, lead.unwrap_or(at), week.end_word, TimeType::Date, spec))
}

/// The units of [`part_of_period`].
const PERIOD_UNITS: [(&str, Unit); 4] = [
    ("الاسبوع", Unit::Week),
    ("اسبوع", Unit::Week),
    ("اليوم", Unit::Day),
    (DAY, Unit::Day),
];

/// «أول يوم», «آخر أسبوع».
const FIRST_OR_LAST: [&str; 2] = ["اول", "اخر"];

/// What [`part_of_period`] starts at.
pub(super) fn part_of_period_starts(_: &Lexicon) -> Starts {
    Starts::words(FIRST_OR_LAST).and(PERIOD_UNITS.iter().map(|(word, _)| *word))
}

/// «الأسبوع الأول من يوليو 2024»، «آخر يوم من فبراير»، «اليوم الأخير من العام»، «اليوم الأول
/// من الشهر المقبل» (issue 11). The n-th week of a month is the ISO week holding its n-th
/// Thursday (so that most of the week is in the month).
pub(super) fn part_of_period(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let unit_word = |k: usize| -> Option<(Unit, usize)> {
        let w = c.w.get(k)?;
        w.alts().find_map(|(key, at)| {
            let &(_, unit) = PERIOD_UNITS.iter().find(|(word, _)| *word == key)?;
            Some((unit, at))
        })
    };
    let ordinal = |key: &str| -> Option<i8> {
        Some(match key.strip_prefix("ال").unwrap_or(key) {
            "اول" => 1,
            "ثاني" => 2,
            "ثالث" => 3,
            "رابع" => 4,
            "اخير" | "اخر" => -1,
            _ => return None,
        })
    };
    let (unit, n, start, k) = if let Some((unit, at)) = unit_word(i)
        && c.key(i).contains("ال")
        && let Some(n) = ordinal(c.key(i + 1)).filter(|_| c.key(i + 1).starts_with("ال"))
    {
        (unit, n, at, i + 2)
    } else {
        let (n, at) = c.w.get(i)?.alts().find_map(|(key, at)| {
            FIRST_OR_LAST.contains(&key).then(|| (ordinal(key), at))
        })?;
        let (unit, _) = unit_word(i + 1).filter(|_| !c.key(i + 1).starts_with("ال"))?;
        (unit, n?, at, i + 2)
    };
    if !matches!(c.key(k), "من" | "في") {
        return None;
    }
    // The period: a month, a relative month or year, a year, or the bare current «العام».
    let period = [month, unit_relative, year]
        .iter()
        .filter_map(|r| r(c, k + 1))
        .filter(|h| h.spec.is_calendar())
        .max_by_key(|h| h.end_word)
        .or_else(|| {
            let (u, _) = definite_unit(c, k + 1)?;
            if !matches!(u, Unit::Month | Unit::Year) {
                return None;
            }
            Some(c.hit(k + 1, c.start(k + 1), k + 2, TimeType::Date, Spec::Current(u)))
        })?;
    // A period is a week or longer, so its n-th day (n ≤ 4) is always inside it.
    let spec = Spec::PartOfPeriod {
        period: Box::new(period.spec),
        unit,
        n,
    };
    Some(c.hit(i, start, period.end_word, TimeType::Date, spec))
}

/// What [`holiday`] starts at.
pub(super) fn holiday_starts(lx: &Lexicon) -> Starts {
    Starts::words(firsts(&lx.holidays))
}

/// «عيد الفطر»، «يوم المرأة العالمي»، «عيد الأضحى 2025» (issue 11): holidays that name a day
/// (`data/time/holidays.tsv`), resolved like a day and month.
pub(super) fn holiday(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let ((calendar, number, day), mut j, at) = c.phrase(&c.lx.holidays, i)?;
    // «يوم عرفة 9 ذو الحجة 1444»: the written date says it.
    if c.w.get(j).is_some_and(|w| w.kind == TokenKind::Number) {
        return None;
    }
    let m = Month {
        calendar,
        number,
        ambiguous: false,
    };
    let spec = year_spec(c, j, calendar == Calendar::Hijri);
    if let Some((_, e)) = spec {
        j = e;
    }
    let spec = day_month(c, i, j, m, day, spec.map(|s| s.0), None);
    Some(c.hit(i, at, j, TimeType::Date, spec))
}
