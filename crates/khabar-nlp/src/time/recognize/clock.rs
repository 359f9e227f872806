//! Clock times and parts of the day («الساعة العاشرة صباحا», «مساء أمس», «الليلة»).

use super::*;

/// A day at `j` for a clock time or a part of day: deictic, weekday or date.
pub(super) fn day_at(c: &Ctx<'_>, j: usize) -> Option<Hit> {
    [anaphoric, deictic, date, digit_date, weekday]
        .iter()
        .filter_map(|r| r(c, j))
        .max_by_key(|h| h.end_word)
}

/// «الليلة».
const TONIGHT: &str = "الليله";

/// What [`tonight`] starts at.
pub(super) fn tonight_starts(_: &Lexicon) -> Starts {
    Starts::words([TONIGHT]).and(THIS)
}

/// «الليلة»، «الليلة الماضية»، «هذا الصباح»، «هذا المساء».
pub(super) fn tonight(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (part, j, at) = if let Some(at) = c.alt(i, TONIGHT) {
        ("NI", i + 1, at)
    } else if c.key(i) == "هذا" {
        match c.key(i + 1) {
            "الصباح" => ("MO", i + 2, c.start(i)),
            "المساء" => ("EV", i + 2, c.start(i)),
            _ => return None,
        }
    } else {
        return None;
    };
    let (offset, end) = match c.lx.relative.get(c.key(j)) {
        Some(&d) if d < 0 && part == "NI" => (-1, j + 1),
        Some(_) => return None,
        None => (0, j),
    };
    let spec = Spec::AtTime {
        day: Box::new(Spec::Offset(Unit::Day, offset)),
        time: format!("T{part}"),
    };
    Some(c.hit(i, at, end, TimeType::Time, spec))
}

/// «الساعات», before «الأولى من صباح».
const HOURS: &str = "الساعات";

/// What [`part_of_day`] starts at.
pub(super) fn part_of_day_starts(lx: &Lexicon) -> Starts {
    Starts::words([HOURS]).and(firsts(&lx.day_parts))
}

/// «صباح اليوم»، «مساء أمس»، «ليلة الجمعة».
pub(super) fn part_of_day(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    // «الساعات الأولى من صباح اليوم».
    if c.alt(i, HOURS).is_some() && c.key(i + 1) == "الاولي" && c.key(i + 2) == "من" {
        let mut h = part_of_day(c, i + 3)?;
        h.start = c.alt(i, HOURS).unwrap_or(h.start);
        return Some(h);
    }
    let ((part, _, _), j, at) = c.phrase(&c.lx.day_parts, i)?;
    let mut k = j;
    if matches!(c.key(k), "يوم" | "من") && c.key(k + 1) != "يوم" {
        k += if c.key(k) == "يوم" && c.lx.weekdays.contains_key(c.key(k + 1)) {
            0
        } else {
            1
        };
    }
    let day = day_at(c, k)?;
    let spec = Spec::AtTime {
        day: Box::new(day.spec),
        time: format!("T{part}"),
    };
    let mut h = c.hit(i, at, day.end_word, TimeType::Time, spec);
    h.weekday = day.weekday;
    h.anaphor = day.anaphor.map(|a| Anaphor {
        part: Some(part),
        ..a
    });
    Some(h)
}

/// «الساعة».
const HOUR: &str = "الساعه";

/// What [`clock`] starts at.
pub(super) fn clock_starts(_: &Lexicon) -> Starts {
    Starts::words([HOUR]).or_number()
}

/// «الساعة 10:30»، «الساعة العاشرة صباحا»، «في تمام الساعة الثالثة بعد الظهر من يوم الجمعة»,
/// «التاسعة إلا ربعا مساء»، «الرابعة وعشر دقائق عصرا»، «الثامنة والنصف من صباح الثلاثاء»،
/// «الساعة 9 بعد العشاء»، «ستة ونص المسا».
pub(super) fn clock(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let lead = c.alt(i, HOUR);
    let j = if lead.is_some() { i + 1 } else { i };
    let (mut hour, mut minute, mut k, start);
    if let Some((h, m, e)) = digit_clock(c, j) {
        hour = h;
        minute = m;
        k = e;
        start = lead.unwrap_or(c.start(j));
    } else {
        let n = c.number(j)?;
        let feminine_ordinal = n.ordinal && c.key(j).ends_with('ه');
        if !(1..=24).contains(&n.value) || n.ordinal && !feminine_ordinal {
            return None;
        }
        hour = n.value as u32;
        minute = 0;
        k = n.end;
        start = lead.unwrap_or(n.start);
        let mut written_minutes = false;
        if let Some((delta, e)) = minutes_after(c, k) {
            let total = i64::from(hour) * 60 + delta;
            hour = (total.rem_euclid(24 * 60) / 60) as u32;
            minute = (total.rem_euclid(60)) as u32;
            k = e;
            written_minutes = true;
        }
        let part_follows = part_after(c, k).is_some();
        // Without «الساعة», an hour needs an ordinal or written minutes, and a part of the day.
        if lead.is_none() && (!part_follows || !(feminine_ordinal || written_minutes)) {
            return None;
        }
    }
    if hour > 24 || minute > 59 {
        return None;
    }
    let mut day_from = None;
    if let Some(((part, shift, _), e)) = part_after(c, k) {
        // «العاشرة مساء» is 22:00, «الثالثة بعد الظهر» 15:00, «الثانية ليلا» stays 02:00;
        // «الواحدة إلا ثلثا ظهرا» is 12:40.
        let after_midnight = part == "NI" && hour < 6;
        if shift == 12 && hour < 12 && !after_midnight {
            hour += 12;
        }
        k = e;
        day_from = Some(e);
    }
    let mut day = None;
    let mut wd = None;
    let mut kk = day_from.unwrap_or(k);
    if c.key(kk) == "من" {
        kk += 1;
    }
    if let Some(d) = day_at(c, kk) {
        day = Some(d.spec);
        wd = d.weekday;
        k = d.end_word;
    }
    // Without a day, the article's today.
    let spec = Spec::AtTime {
        day: Box::new(day.unwrap_or(Spec::Offset(Unit::Day, 0))),
        time: format!("T{hour:02}:{minute:02}"),
    };
    let mut h = c.hit(i, start, k, TimeType::Time, spec);
    h.weekday = wd;
    Some(h)
}

/// «10:30», «7.30» at `j`: (hour, minute, end word).
fn digit_clock(c: &Ctx<'_>, j: usize) -> Option<(u32, u32, usize)> {
    let w = c.w.get(j)?;
    if w.kind != TokenKind::Number {
        return None;
    }
    if let Some((h, m)) = w.key.split_once(['.', ':', '٫'])
        && m.len() == 2
    {
        return Some((h.parse().ok()?, m.parse().ok()?, j + 1));
    }
    if matches!(c.key(j + 1), ":" | ".")
        && c.end(j) == c.start(j + 1)
        && c.w
            .get(j + 2)
            .is_some_and(|x| x.kind == TokenKind::Number && x.key.len() == 2)
    {
        // «14.5» is not a time, but «7.30 مساء» and «10:30» are.
        if c.key(j + 1) == "." && part_after(c, j + 3).is_none() {
            return None;
        }
        return Some((w.key.parse().ok()?, c.key(j + 2).parse().ok()?, j + 3));
    }
    None
}

/// Minutes written after an hour: «والنصف»، «وربع»، «ونص»، «إلا ربعا»، «إلا عشر دقائق»،
/// «وخمس وعشرين دقيقة»: (minutes to add, end word).
fn minutes_after(c: &Ctx<'_>, k: usize) -> Option<(i64, usize)> {
    let fraction = |key: &str| -> Option<i64> {
        Some(match key.trim_start_matches('و').trim_start_matches("ال") {
            "نصف" | "نص" => 30,
            "ربع" | "ربعا" => 15,
            "ثلث" | "ثلثا" => 20,
            _ => return None,
        })
    };
    let minute_word = |key: &str| matches!(key, "دقيقه" | "دقائق" | "دقيقا");
    let key = c.key(k);
    if key == "الا" {
        if let Some(f) = fraction(c.key(k + 1)) {
            return Some((-f, k + 2));
        }
        let n = c.number(k + 1)?;
        if !(1..60).contains(&n.value) {
            return None;
        }
        let e = if minute_word(c.key(n.end)) {
            n.end + 1
        } else {
            n.end
        };
        return Some((-(n.value as i64), e));
    }
    if key.starts_with('و') {
        if let Some(f) = fraction(key) {
            return Some((f, k + 1));
        }
        let n = c.number(k)?;
        if (1..60).contains(&n.value) && minute_word(c.key(n.end)) {
            return Some((n.value as i64, n.end + 1));
        }
    }
    None
}

/// A part of the day after a clock time: «مساء»، «بعد الظهر»، «من صباح»، «من بعد ظهر».
fn part_after(c: &Ctx<'_>, k: usize) -> Option<((&'static str, u8, bool), usize)> {
    if let Some((p, e, _)) = c.phrase(&c.lx.day_parts, k) {
        return Some((p, e));
    }
    if c.key(k) == "من"
        && let Some((p, e, _)) = c.phrase(&c.lx.day_parts, k + 1)
    {
        return Some((p, e));
    }
    None
}
