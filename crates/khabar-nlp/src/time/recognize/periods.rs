//! Decades, centuries, reference words («مؤخرا»), «في وقت سابق», and START/MID/END anchors.

use super::*;

/// A century after «القرن»: ordinal, digits or a relative word; the value is the TIMEX3
/// century (the 21st → 20).
pub(super) fn century_after(c: &Ctx<'_>, j: usize) -> Option<(CenturyOf, usize)> {
    if let Some(&d) = c.lx.relative.get(c.key(j)) {
        return Some((CenturyOf::Reference(i32::from(d)), j + 1));
    }
    let n = c.number(j)?;
    if !(1..=30).contains(&n.value) || !(n.ordinal || n.digits) {
        return None;
    }
    Some((CenturyOf::Written(n.value as i32 - 1), n.end))
}

/// «القرن».
const CENTURY_WORD: &str = "القرن";

/// What [`century`] starts at.
pub(super) fn century_starts(_: &Lexicon) -> Starts {
    Starts::words([CENTURY_WORD])
}

/// «القرن الحادي والعشرين»، «القرن الماضي»، «القرن 19».
pub(super) fn century(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let at = c.alt(i, CENTURY_WORD)?;
    let (v, end) = century_after(c, i + 1)?;
    Some(c.hit(i, at, end, TimeType::Date, Spec::Century(v)))
}

/// «عقد» before a decade.
const DECADE_WORD: &str = "عقد";

/// What [`decade`] starts at.
pub(super) fn decade_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.decades).and([DECADE_WORD])
}

/// «الثمانينيات»، «ثمانينيات القرن الماضي»، «عقد التسعينيات».
pub(super) fn decade(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j, lead) = match c.alt(i, DECADE_WORD) {
        Some(at) => (i + 1, Some(at)),
        None => (i, None),
    };
    let (d, at) =
        c.w.get(j)?
            .alts()
            .find_map(|(k, at)| c.lx.decades.get(k).map(|d| (*d, at)))?;
    let start = lead.unwrap_or(at);
    let mut end = j + 1;
    let mut cent = CenturyOf::Written(19);
    let mut k = end;
    if matches!(c.key(k), "من" | "في") {
        k += 1;
    }
    if c.key(k) == "القرن"
        && let Some((v, e)) = century_after(c, k + 1)
    {
        cent = v;
        end = e;
    }
    let spec = Spec::Decade {
        century: cent,
        index: i32::from(d),
    };
    Some(c.hit(i, start, end, TimeType::Date, spec))
}

/// What [`reference_word`] starts at.
pub(super) fn reference_word_starts(lx: &Lexicon) -> Starts {
    Starts::words(firsts(&lx.refs))
}

/// «الآن»، «حاليا»، «مؤخرا»، «في الوقت الحالي»، «في الماضي».
pub(super) fn reference_word(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let ((v, signal), end, at) = c.phrase(&c.lx.refs, i)?;
    if let Some(s) = signal
        && (i == 0 || c.alt(i - 1, &crate::normalize::key(s)).is_none())
    {
        return None;
    }
    Some(c.hit(i, at, end, TimeType::Date, Val::Ref(v)))
}

/// «في», before «وقت سابق».
const IN: &str = "في";

/// What [`earlier_later`] starts at.
pub(super) fn earlier_later_starts(_: &Lexicon) -> Starts {
    Starts::words([IN])
}

/// «في وقت سابق من هذا الشهر»، «في وقت لاحق اليوم»، «في وقت سابق».
pub(super) fn earlier_later(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let at = c.alt(i, IN)?;
    if c.key(i + 1) != "وقت" {
        return None;
    }
    let later = match c.key(i + 2) {
        "سابق" => false,
        "لاحق" => true,
        _ => return None,
    };
    let mut j = i + 3;
    if c.key(j) == "من" {
        j += 1;
    }
    let core = [deictic, unit_relative, month, year, weekday, season]
        .iter()
        .filter_map(|r| r(c, j))
        .filter(|h| h.spec.is_calendar())
        .max_by_key(|h| h.end_word);
    match core {
        Some(mut h) => {
            h.start = at;
            Some(h)
        }
        None => Some(c.hit(
            i,
            at,
            i + 3,
            TimeType::Date,
            Val::Ref(if later { "FUTURE_REF" } else { "PAST_REF" }),
        )),
    }
}

/// What [`anchored`] starts at.
pub(super) fn anchored_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.anchors)
}

/// «مطلع العام الجاري»، «نهاية الشهر الماضي»، «منتصف أبريل»، «أواخر الثمانينيات».
pub(super) fn anchored(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (m, at) =
        c.w.get(i)?
            .alts()
            .find_map(|(k, at)| c.lx.anchors.get(k).map(|m| (*m, at)))?;
    let mut j = i + 1;
    if c.key(j) == "من" {
        j += 1;
    }
    let core = [
        month,
        year,
        unit_relative,
        date,
        quarter,
        season,
        decade,
        century,
        set,
    ]
    .iter()
    .filter_map(|r| r(c, j))
    // «مطلع كل شهر»: a set with a mod (issue 11).
    .filter(|h| h.spec.is_calendar() || matches!(h.spec, Spec::Fixed(Val::Set(_))) && c.key(j) == "كل")
    .max_by_key(|h| h.end_word);
    let mut h = match core {
        Some(h) => h,
        None => {
            // «مطلع العام»، «نهاية الأسبوع»: the current unit.
            let (unit, _) = definite_unit(c, j)?;
            c.hit(j, c.start(j), j + 1, TimeType::Date, Spec::Current(unit))
        }
    };
    h.start = at;
    h.modifier = Some(m);
    Some(h)
}

/// «العقد».
const THE_DECADE: &str = "العقد";

/// What [`decade_of_century`] starts at.
pub(super) fn decade_of_century_starts(_: &Lexicon) -> Starts {
    Starts::words([THE_DECADE])
}

/// «العقد الأول من القرن الحالي»، «العقد الأخير من القرن الماضي» (issue 11): the n-th decade of
/// a century, counted from the century's year 00 (the first decade of the 21st century is the
/// 2000s, `200X`).
pub(super) fn decade_of_century(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let at = c.alt(i, THE_DECADE)?;
    let n = match c.key(i + 1) {
        "الاخير" => 10,
        k => {
            let n = c.number(i + 1).filter(|n| n.ordinal && n.end == i + 2)?;
            if !k.starts_with("ال") || !(1..=10).contains(&n.value) {
                return None;
            }
            n.value as i32
        }
    };
    if c.key(i + 2) != "من" || c.key(i + 3) != "القرن" {
        return None;
    }
    let (v, end) = century_after(c, i + 4)?;
    let spec = Spec::Decade {
        century: v,
        index: n - 1,
    };
    Some(c.hit(i, at, end, TimeType::Date, spec))
}
