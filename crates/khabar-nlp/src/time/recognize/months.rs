//! Month, year, quarter and season rules, and the month-name and year readers the day rules share.

use super::*;

/// A month name at `i`, with a «X/Y» or «X (Y)» double form: (month, end word, start byte).
pub(super) fn month_name(c: &Ctx<'_>, i: usize) -> Option<(Month, usize, usize)> {
    let (m, mut j, at) = c.phrase(&c.lx.months, i)?;
    let mut month = m;
    if c.is_punct(j, &["/", "-"])
        && let Some((m2, j2, _)) = c.phrase(&c.lx.months, j + 1)
    {
        month.ambiguous &= m2.ambiguous;
        j = j2;
    } else if c.is_punct(j, &["("])
        && let Some((m2, j2, _)) = c.phrase(&c.lx.months, j + 1)
        && c.is_punct(j2, &[")"])
    {
        month.ambiguous &= m2.ambiguous;
        j = j2 + 1;
    } else if let Some((m2, j2, _)) = c.phrase(&c.lx.months, j)
        && m2.number == month.number
        && m2.calendar == month.calendar
    {
        // «يناير كانون الثاني» written side by side.
        month.ambiguous &= m2.ambiguous;
        j = j2;
    }
    Some((month, j, at))
}

/// «شهر», before a month name or number.
const MONTH_WORD: &str = "شهر";

/// «هذا», «هذه» before a unit or a season.
pub(super) const THIS: [&str; 2] = ["هذا", "هذه"];

/// A month at `i`: a name («أبريل», «شهر نيسان») or «شهر» and a month number («شهر 11»,
/// «شهر ستة», Levant and Iraq): (month, end word, start byte, numeric?).
pub(super) fn month_ref(c: &Ctx<'_>, i: usize) -> Option<(Month, usize, usize, bool)> {
    let Some(at) = c.alt(i, MONTH_WORD) else {
        let (m, e, at) = month_name(c, i)?;
        return Some((m, e, at, false));
    };
    if let Some((m, e, _)) = month_name(c, i + 1) {
        return Some((m, e, at, false));
    }
    let n = c.number(i + 1)?;
    if n.ordinal || !(1..=12).contains(&n.value) {
        return None;
    }
    let month = Month {
        calendar: Calendar::Gregorian,
        number: n.value as u8,
        ambiguous: false,
    };
    Some((month, n.end, at, true))
}

/// Day `day` of Hijri month `month` in the Hijri year whose such day falls in Gregorian `year`.
pub(super) fn hijri_in_gregorian_year(year: i32, month: u8, day: u8) -> Option<Date> {
    let mid = Date::new(i16::try_from(year).ok()?, 7, 1).ok()?;
    let hy = calendar::hijri_year(mid)?;
    (hy - 1..=hy + 1)
        .filter_map(|h| calendar::hijri_to_gregorian(h, month, day))
        .find(|d| i32::from(d.year()) == year)
}

pub(super) fn era(c: &Ctx<'_>, i: usize) -> Option<(bool, usize)> {
    let k = c.key(i);
    match k {
        "م" | "ميلادي" | "ميلاديه" | "للميلاد" => Some((false, i + 1)),
        "ه" | "هجري" | "هجريه" | "للهجره" => Some((true, i + 1)),
        _ => None,
    }
}

/// A year number at `i` (3-4 digits) with its era: (year, hijri?, end).
pub(super) fn year_number(
    c: &Ctx<'_>,
    i: usize,
    hijri_default: bool,
) -> Option<(i32, bool, usize)> {
    let w = c.w.get(i)?;
    if w.kind != TokenKind::Number || !(3..=4).contains(&w.key.len()) {
        return None;
    }
    let y: i32 = w.key.parse().ok()?;
    let (hijri, end) = match era(c, i + 1) {
        Some((h, e)) => (h, e),
        None => (hijri_default && y < 1700, i + 1),
    };
    Some((y, hijri, end))
}

pub(super) fn year_spec(c: &Ctx<'_>, j: usize, hijri: bool) -> Option<(YearSpec, usize)> {
    if let Some((y, h, e)) = year_number(c, j, hijri) {
        return Some((YearSpec::Absolute(y, h), e));
    }
    if let Some(&d) = c.lx.relative.get(c.key(j)) {
        return Some((YearSpec::MonthRelative(d), j + 1));
    }
    let mut k = j;
    if c.key(k) == "من" {
        k += 1;
    }
    let this = c.key(k) == "هذا";
    if this {
        k += 1;
    }
    if matches!(c.key(k), "العام" | "عام" | "السنه" | "سنه") {
        if this {
            return Some((YearSpec::YearRelative(0), k + 1));
        }
        if let Some((y, h, e)) = year_number(c, k + 1, hijri) {
            return Some((YearSpec::Absolute(y, h), e));
        }
        if let Some(&d) = c.lx.relative.get(c.key(k + 1)) {
            return Some((YearSpec::YearRelative(d), k + 2));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Months, years, quarters, seasons

/// What [`month`] starts at.
pub(super) fn month_starts(lx: &Lexicon) -> Starts {
    Starts::words([MONTH_WORD]).and(firsts(&lx.months))
}

/// «يناير الماضي»، «شهر رمضان»، «أبريل 2021»، «مارس/آذار من العام الماضي».
pub(super) fn month(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (m, mut j, start, numeric) = month_ref(c, i)?;
    let j0 = if c.alt(i, MONTH_WORD).is_some() {
        i + 1
    } else {
        i
    };
    let spec = year_spec(c, j, m.calendar == Calendar::Hijri);
    if let Some((_, e)) = spec {
        j = e;
    }
    if m.ambiguous && spec.is_none() && j0 == i && !c.signal_before(i) {
        return None;
    }
    // «شهر 3» alone needs a preposition or an anchor before it («في شهر 3», «منتصف شهر 3»).
    let anchor_before = i > 0 && c.lx.anchors.contains_key(c.key(i - 1));
    if numeric && spec.is_none() && !c.signal_before(i) && !anchor_before {
        return None;
    }
    // «لويجي دي مايو»: a bare month after a name particle is a surname.
    if spec.is_none() && j0 == i && i > 0 && c.lx.in_class("name_particle", c.key(i - 1)) {
        return None;
    }
    let spec = match (m.calendar, spec) {
        (Calendar::Gregorian, Some((YearSpec::Absolute(y, _), _))) => Val::Month(y, m.number).into(),
        (Calendar::Hijri, Some((YearSpec::Absolute(y, true), _))) => calendar::hijri_month(y, m.number).into(),
        // «رمضان 2023»: the year decides the calendar; the Ramadan of Gregorian 2023.
        (Calendar::Hijri, Some((YearSpec::Absolute(y, false), _))) => {
            hijri_in_gregorian_year(y, m.number, 15)
                .map_or(Val::Unknown, |d| {
                    Val::Month(i32::from(d.year()), d.month() as u8)
                })
                .into()
        }
        (_, spec) => Spec::MonthName {
            month: m,
            year: spec.map(|s| s.0),
            lean: match spec {
                Some((YearSpec::MonthRelative(d), _)) => Lean::from_direction(d),
                _ => c.lean(i, j),
            },
        },
    };
    Some(c.hit(i, start, j, TimeType::Date, spec))
}

/// «عام», «سنة» before a year number.
const YEAR_WORDS: [&str; 5] = ["عام", "العام", "سنه", "السنه", "عامي"];

/// What [`year`] starts at.
pub(super) fn year_starts(_: &Lexicon) -> Starts {
    Starts::words(YEAR_WORDS).or_number()
}

/// «عام 2021»، «العام 1445هـ»، «2021م»، «في 2019».
pub(super) fn year(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let lead = c.alt_in(i, &YEAR_WORDS);
    let j = if lead.is_some() { i + 1 } else { i };
    let (y, hijri, end) = year_number(c, j, false)?;
    let explicit_era = end > j + 1;
    if lead.is_none() && !explicit_era {
        let next = c.w.get(end);
        let next_is_word =
            next.is_some_and(|w| w.kind == TokenKind::Arabic && !w.key.starts_with('و'));
        // «انتخابات 2020.», «مونديال 2022،»: a year closing a name, not a count.
        let closing = i > 0
            && c.w[i - 1].kind == TokenKind::Arabic
            && !(i.saturating_sub(3)..i).any(|k| c.lx.in_class("count_word", c.key(k)))
            && next.is_none_or(|w| {
                w.kind == TokenKind::Punct && !matches!(w.key, "%" | "٪" | "-" | "/" | ".")
                    || w.key == "." && c.w.get(end + 1).is_none_or(|x| x.kind != TokenKind::Number)
            });
        // «(1994)»: a year in brackets (issue 11).
        let bracketed = c.is_punct(i.wrapping_sub(1), &["("]) && c.is_punct(end, &[")"]);
        // «وفي 2003 عاد», «من 2015 إلى 2018»: a strong preposition, or a range, lets a word
        // follow the year.
        let before = if i > 0 { c.key(i - 1) } else { "" };
        let strong = matches!(
            before.strip_prefix('و').unwrap_or(before),
            "في" | "منذ" | "حتي" | "خلال"
        ) || matches!(before, "من" | "بين");
        let range = matches!(c.key(end), "الي" | "حتي");
        let word_ok = !next_is_word || strong || range;
        if !(1900..=2100).contains(&y)
            || !(c.signal_before(i) || closing || bracketed || strong)
            || !word_ok
        {
            return None;
        }
    }
    let start = lead.unwrap_or(c.start(j));
    // «عام 1442» in a 2021 article is a Hijri year: resolution decides by the reference.
    let spec = if explicit_era {
        Val::Year(calendar::hijri_from_year(y, hijri)).into()
    } else {
        Spec::Year(y)
    };
    Some(c.hit(i, start, end, TimeType::Date, spec))
}

/// A year at `j` for quarters/halves/seasons: «من العام الماضي», «2020», «هذا العام»; the
/// reference's year when none is written (`false`).
pub(super) fn year_after(c: &Ctx<'_>, j: usize) -> (YearOf, usize, bool) {
    let j = if c.key(j) == "من" && year_number(c, j + 1, false).is_some() {
        j + 1
    } else {
        j
    };
    if let Some((y, h, e)) = year_number(c, j, false) {
        return (YearOf::Written(calendar::hijri_from_year(y, h)), e, true);
    }
    if let Some((YearSpec::Absolute(y, h), e)) = year_spec(c, j, false) {
        return (YearOf::Written(calendar::hijri_from_year(y, h)), e, true);
    }
    if let Some((YearSpec::YearRelative(d), e)) = year_spec(c, j, false) {
        return (YearOf::Reference(i32::from(d)), e, true);
    }
    let mut k = j;
    if c.key(k) == "من" {
        k += 1;
    }
    if matches!(c.key(k), "العام" | "السنه") {
        let d = c.lx.relative.get(c.key(k + 1)).copied();
        return match d {
            Some(d) => (YearOf::Reference(i32::from(d)), k + 2, true),
            None => (YearOf::Reference(0), k + 1, true),
        };
    }
    (YearOf::Reference(0), j, false)
}

/// «الربع», and «الثلاثي», the Maghrebi quarter.
const QUARTER_WORDS: [&str; 2] = ["الربع", "الثلاثي"];

/// «النصف», and «السداسي», the Maghrebi half.
const HALF_WORDS: [&str; 2] = ["النصف", "السداسي"];

/// What [`quarter`] starts at.
pub(super) fn quarter_starts(_: &Lexicon) -> Starts {
    Starts::words(QUARTER_WORDS).and(HALF_WORDS)
}

/// «الربع الأول من العام الجاري»، «النصف الثاني من 2020».
pub(super) fn quarter(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (half, at) = match (c.alt_in(i, &QUARTER_WORDS), c.alt_in(i, &HALF_WORDS)) {
        (Some(at), _) => (false, at),
        (_, Some(at)) => (true, at),
        _ => return None,
    };
    let n: u8 = match c.key(i + 1) {
        "الاول" => 1,
        "الثاني" => 2,
        "الثالث" if !half => 3,
        "الرابع" if !half => 4,
        "الاخير" => {
            if half {
                2
            } else {
                4
            }
        }
        _ => return None,
    };
    // «النصف الأول من القرن العشرين»: the century with START or END (issue 11).
    if half
        && c.key(i + 2) == "من"
        && c.key(i + 3) == "القرن"
        && let Some((v, e)) = century_after(c, i + 4)
    {
        let mut h = c.hit(i, at, e, TimeType::Date, Spec::Century(v));
        h.modifier = Some(if n == 1 { "START" } else { "END" });
        return Some(h);
    }
    let (year, end, _) = year_after(c, i + 2);
    let spec = Spec::Quarter { year, n, half };
    Some(c.hit(i, at, end, TimeType::Date, spec))
}

/// What [`season`] starts at.
pub(super) fn season_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.seasons).and(THIS)
}

/// «هذا الصيف»، «الصيف الماضي»، «صيف 2024»، «شتاء العام الماضي».
pub(super) fn season(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (this, j) = if THIS.contains(&c.key(i)) {
        (true, i + 1)
    } else {
        (false, i)
    };
    let (code, at) =
        c.w.get(j)?
            .alts()
            .find_map(|(k, at)| c.lx.seasons.get(k).map(|s| (*s, at)))?;
    let start = if this { c.start(i) } else { at };
    let definite = c.key(j).starts_with("ال")
        || c.w[j]
            .alts()
            .any(|(k, _)| k.starts_with("ال") && c.lx.seasons.contains_key(k));
    if c.key(j + 1) == "العربي" || c.key(j + 1) == "العربيه" {
        return None;
    }
    let rel = c.lx.relative.get(c.key(j + 1)).copied();
    let (year, end, lean) = if this {
        (None, j + 1, Lean::Current)
    } else if let Some(d) = rel {
        (None, j + 2, Lean::from_direction(d))
    } else {
        let (y, e, explicit) = year_after(c, j + 1);
        if explicit {
            (Some(y), e, Lean::Current)
        } else if definite && c.signal_before(i) {
            (None, j + 1, c.lean(i, j + 1))
        } else {
            return None;
        }
    };
    let spec = Spec::Season { code, year, lean };
    Some(c.hit(i, start, end, TimeType::Date, spec))
}

/// «فصل» before a season.
const SEASON_WORD: &str = "فصل";

/// What [`generic_season`] starts at: «فصل» or a season adverb («صيفا»).
pub(super) fn generic_season_starts(lx: &Lexicon) -> Starts {
    let adverbs = lx.seasons.keys().map(|season| format!("{season}ا"));
    Starts::words([SEASON_WORD]).and(adverbs)
}

/// «صيفا»، «في فصل الشتاء» (issue 11): a season of no particular year, `XXXX-SU`; «فصل الصيف
/// المقبل» with a year or a direction is resolved like «الصيف المقبل».
pub(super) fn generic_season(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    if let Some(at) = c.alt(i, SEASON_WORD) {
        let inner = season(c, i + 1);
        if let Some(mut h) = inner.filter(|h| h.end_word > i + 2 || !c.signal_before(i + 1)) {
            h.start = at;
            return Some(h);
        }
        let code = c
            .key(i + 1)
            .strip_prefix("ال")
            .and_then(|k| c.lx.seasons.get(k))?;
        return Some(c.hit(i, at, i + 2, TimeType::Date, Val::AnySeason(code)));
    }
    let w = c.w.get(i)?;
    let (code, at) = w.alts().find_map(|(k, at)| {
        let stem = k.strip_suffix('ا')?;
        (!stem.starts_with("ال"))
            .then(|| c.lx.seasons.get(stem).map(|s| (*s, at)))
            .flatten()
    })?;
    Some(c.hit(i, at, i + 1, TimeType::Date, Val::AnySeason(code)))
}
