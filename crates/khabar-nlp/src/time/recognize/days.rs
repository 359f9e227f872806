//! Day rules: «اليوم»/«أمس» and their colloquial forms, weekdays, day-month(-year) dates, digit dates.

use super::*;

/// «اليوم»، «أمس»، «يوم أمس»، «اليوم الجمعة»، «أول أمس».
pub(super) fn deictic(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j0, start) = if c.alt(i, "يوم").is_some() {
        (i + 1, c.alt(i, "يوم")?)
    } else {
        (i, 0)
    };
    let (offset, mut j, at) = c.phrase(&c.lx.deictic, j0)?;
    let start = if j0 == i { at } else { start };
    if c.w[j - 1].alt("اليوم").is_some() {
        if DAY_EXCLUDED_AFTER.contains(&c.key(j))
            || (i > 0 && matches!(c.key(i - 1), "هذا" | "ذلك"))
        {
            return None;
        }
        if j0 != i {
            return None;
        }
    }
    let mut wd = None;
    if let Some(&(d, _)) = c.lx.weekdays.get(c.key(j)) {
        wd = Some(d);
        j += 1;
    }
    let val = c.reference.map_or(Val::Unknown, |r| {
        Val::Day(calendar::add_days(r, i64::from(offset)))
    });
    let mut h = c.hit(i, start, j, TimeType::Date, val);
    h.weekday = wd;
    Some(h)
}

/// «(يوم) الثلاثاء (الماضي)».
pub(super) fn weekday(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j, start) = match c.alt(i, "يوم") {
        Some(at) => (i + 1, at),
        None => (i, 0),
    };
    let (wd, ambiguous, at) =
        c.w.get(j)?
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.weekdays.get(k).map(|&(d, a)| (d, a, *at)))?;
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
    let val = c.reference.map_or(Val::Unknown, |r| {
        Val::Day(calendar::pick_weekday(r, wd, lean))
    });
    Some(c.hit(i, start, end, TimeType::Date, val))
}

/// «15 أبريل 2021»، «الخميس 15 نيسان/أبريل الجاري»، «5 رمضان 1445هـ»، «الثالث من مارس».
pub(super) fn date(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut start = c.start(i);
    let mut wd = None;
    if let Some(at) = c.alt(j, "يوم") {
        start = at;
        j += 1;
    }
    if let Some((d, at)) =
        c.w.get(j)?
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.weekdays.get(k).map(|x| (x.0, *at)))
    {
        if j == i {
            start = at;
        }
        wd = Some(d);
        j += 1;
        if c.is_punct(j, &["،", ","]) {
            j += 1;
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
    let Some((m, mut j, _)) = month_name(c, j) else {
        return day_of_relative_month(c, i, start, j, day_number(n), wd);
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
    let day = n.value as u8;
    let val = match (m.calendar, spec) {
        (Calendar::Gregorian, Some((YearSpec::Absolute(y, false), _))) => {
            Date::new(y as i16, m.number as i8, day as i8)
                .ok()
                .map_or(Val::Unknown, Val::Day)
        }
        (Calendar::Hijri, Some((YearSpec::Absolute(y, _), _))) => {
            calendar::hijri_to_gregorian(y, m.number, day).map_or(Val::Unknown, Val::Day)
        }
        (_, spec) => match c.reference {
            None => Val::Unknown,
            Some(r) => {
                let lean = match spec {
                    Some((YearSpec::MonthRelative(d), _)) => Lean::from_direction(d),
                    _ => c.lean(i, j),
                };
                let year_shift = match spec {
                    Some((YearSpec::YearRelative(d), _)) => Some(i32::from(d)),
                    _ => None,
                };
                let candidates: Vec<Date> = if m.calendar == Calendar::Hijri {
                    let hy = calendar::hijri_year(r).unwrap_or(1440);
                    (hy - 1..=hy + 1)
                        .filter_map(|y| calendar::hijri_to_gregorian(y, m.number, day))
                        .collect()
                } else {
                    let y = i32::from(r.year());
                    let years: Vec<i32> = match year_shift {
                        Some(s) => vec![y + s],
                        None => vec![y - 1, y, y + 1],
                    };
                    years
                        .into_iter()
                        .filter_map(|y| Date::new(y as i16, m.number as i8, day as i8).ok())
                        .collect()
                };
                let picked = if year_shift.is_some() {
                    candidates.first().copied()
                } else if matches!(lean, Lean::Previous | Lean::Next | Lean::Current)
                    && m.calendar == Calendar::Gregorian
                {
                    let y = calendar::pick_month_year(r, m.number, lean);
                    Date::new(y as i16, m.number as i8, day as i8).ok()
                } else {
                    calendar::pick_day(r, &candidates, lean)
                };
                picked.map_or(Val::Unknown, Val::Day)
            }
        },
    };
    let mut h = c.hit(i, start, j, TimeType::Date, val);
    h.weekday = wd;
    Some(h)
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
    let val = match c.reference {
        None => Val::Unknown,
        Some(r) => {
            let m = calendar::add_months(r.first_of_month(), offset);
            Date::new(m.year(), m.month(), day as i8).map_or(Val::Unknown, Val::Day)
        }
    };
    let mut h = c.hit(i, start, end, TimeType::Date, val);
    h.weekday = wd;
    Some(h)
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
    let (b, _) = num(i + 2)?;
    if c.key(i + 3) != sep {
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
