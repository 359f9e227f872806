//! Unit rules: «الشهر الماضي», offsets («منذ ثلاثة أيام»), durations and sets.

use super::*;

/// The article «ال».
const ARTICLE: &str = "ال";

/// Every unit word with the article («الأسبوع»).
fn definite_units(lx: &Lexicon) -> impl Iterator<Item = String> {
    lx.units.keys().map(|unit| format!("{ARTICLE}{unit}"))
}

/// A definite calendar unit at `i` («الأسبوع», «للعام»): (unit, stem start).
pub(super) fn definite_unit(c: &Ctx<'_>, i: usize) -> Option<(Unit, usize)> {
    c.w.get(i)?.alts().find_map(|(k, at)| {
        let rest = k.strip_prefix(ARTICLE)?;
        let u = c.lx.units.get(rest)?;
        (u.count == 1 && !matches!(u.unit, Unit::Day | Unit::Hour | Unit::Minute))
            .then_some((u.unit, at))
    })
}

/// What [`unit_relative`] starts at.
pub(super) fn unit_relative_starts(lx: &Lexicon) -> Starts {
    Starts::words(THIS).and(definite_units(lx))
}

/// «هذا الأسبوع»، «الشهر الماضي»، «العام المقبل»، «العقد الماضي»، «الأسبوع قبل الماضي».
pub(super) fn unit_relative(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let this = THIS.contains(&c.key(i));
    let j = if this { i + 1 } else { i };
    let (unit, at) = definite_unit(c, j)?;
    let start = if this { c.start(i) } else { at };
    // «الأمين العام السابق», «النائب العام الحالي»: «العام» as the adjective "general".
    if unit == Unit::Year
        && !this
        && c.key(j) == "العام"
        && j > 0
        && c.lx.in_class("general_noun", c.key(j - 1))
    {
        return None;
    }
    let (offset, end) = if this {
        (0i64, j + 1)
    } else if c.key(j + 1) == "قبل" && c.key(j + 2) == "الماضي" {
        (-2, j + 3)
    } else if let Some(&d) = c.lx.relative.get(c.key(j + 1)) {
        if c.key(j + 1).starts_with("الاخير") {
            return None;
        }
        (i64::from(d), j + 2)
    } else {
        return None;
    };
    Some(c.hit(i, start, end, TimeType::Date, Spec::Offset(unit, offset)))
}

// ---------------------------------------------------------------------------------------------
// Relative offsets, durations, sets

/// A count and unit at `j`: «5 سنوات», «ثلاثة أشهر», «عامين», «15 عاما»; (count, unit, end).
pub(super) fn count_unit(c: &Ctx<'_>, j: usize) -> Option<(u64, Unit, usize, usize, bool)> {
    let mut k = j;
    let mut start = c.start(j);
    // «الـ24 ساعة».
    if c.key(k) == ARTICLE && c.w.get(k + 1).is_some_and(|w| w.kind == TokenKind::Number) {
        k += 1;
    }
    // «الـ(10) سنوات» (issue 11).
    if c.key(k) == ARTICLE
        && c.is_punct(k + 1, &["("])
        && c.w.get(k + 2).is_some_and(|w| w.kind == TokenKind::Number)
        && c.is_punct(k + 3, &[")"])
        && let Some(u) = c.lx.units.get(c.key(k + 4))
        && let Ok(n) = c.key(k + 2).parse::<u64>()
    {
        let tail = usize::from(c.lx.relative.contains_key(c.key(k + 5)));
        return Some((n, u.unit, k + 5 + tail, start, true));
    }
    if let Some(n) = c.number(k)
        && !n.ordinal
        && n.value > 0
        && let Some(u) = c.lx.units.get(c.key(n.end))
    {
        if k == j {
            start = n.start;
        }
        return Some((n.value, u.unit, n.end + 1, start, true));
    }
    let (u, at) =
        c.w.get(j)?
            .alts()
            .find_map(|(k, at)| c.lx.units.get(k).map(|u| (*u, at)))?;
    Some((u64::from(u.count), u.unit, j + 1, at, false))
}

/// «منذ», «قبل».
const AGO: [&str; 2] = ["منذ", "قبل"];

/// «بعد».
const AFTER: &str = "بعد";

/// What [`ago`] starts at.
pub(super) fn ago_starts(_: &Lexicon) -> Starts {
    Starts::words(AGO).and([AFTER])
}

/// «منذ ثلاثة أيام»، «قبل عامين»، «بعد أسبوع»، «منذ سنوات».
pub(super) fn ago(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (dir, at) = if let Some(at) = c.alt_in(i, &AGO) {
        (-1i64, at)
    } else {
        (1, c.alt(i, AFTER)?)
    };
    let mut j = i + 1;
    let mut modifier = None;
    if let Some((m, e, _)) = c.phrase(&c.lx.approx, j) {
        modifier = Some(m);
        j = e;
    }
    // «قبل قليل», «بعد قليل».
    if c.key(j) == "قليل" {
        let r = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(c.hit(i, at, j + 1, TimeType::Date, Val::Ref(r)));
    }
    if dir < 0 && matches!(c.key(j), "فتره" | "زمن" | "مده" | "وقت") {
        let mut end = j + 1;
        if matches!(c.key(end), "طويل" | "طويله" | "بعيد") {
            end += 1;
        }
        return Some(c.hit(i, at, end, TimeType::Date, Val::Ref("PAST_REF")));
    }
    let (n, unit, mut end, _, _) = count_unit(c, j)?;
    if c.key(end) == "من" && c.key(end + 1) == "الزمن" {
        // «قبل عقد من الزمن».
        end += 2;
    } else if c.key(end) == "من" || c.key(end) == "علي" {
        return None;
    }
    if n == 1 && c.w.get(end).is_some_and(|w| w.kind == TokenKind::Number) {
        return None;
    }
    let spec = if n == 0 {
        Val::Ref(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" }).into()
    } else {
        Spec::Ago(unit, (n as i64).saturating_mul(dir))
    };
    let mut h = c.hit(i, at, end, TimeType::Date, spec);
    h.modifier = modifier;
    Some(h)
}

/// «عدة», «بضعة».
const SEVERAL: [&str; 3] = ["عده", "بضعه", "بضع"];

/// «نصف», «ربع».
const FRACTIONS: [&str; 2] = ["نصف", "ربع"];

/// What [`duration`] starts at: a count word, a unit, a definite unit, an approximation, a
/// number, or «الـ» before one.
pub(super) fn duration_starts(lx: &Lexicon) -> Starts {
    Starts::words(SEVERAL)
        .and(FRACTIONS)
        .and([ARTICLE])
        .and(lx.units.keys())
        .and(definite_units(lx))
        .and(firsts(&lx.approx))
        .or_number()
}

/// «5 سنوات إضافية»، «عامين»، «لمدة عام»، «عدة أشهر»، «الأيام الثلاثة الماضية»، «الأيام المقبلة».
pub(super) fn duration(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    // «عدة/بضعة أيام».
    if let Some(at) = c.alt_in(i, &SEVERAL)
        && let Some(u) = c.lx.units.get(c.key(i + 1))
        && u.count == 0
    {
        return Some(c.hit(
            i,
            at,
            i + 2,
            TimeType::Duration,
            Val::Duration(u.unit.duration("X")),
        ));
    }
    // «نصف ساعة», «ربع قرن».
    if let Some(at) = c.alt_in(i, &FRACTIONS)
        && let Some(u) = c.lx.units.get(c.key(i + 1))
        && u.count == 1
    {
        let half = c.key(i).ends_with("نصف");
        let v = match (u.unit, half) {
            (Unit::Hour, true) => "PT30M",
            (Unit::Hour, false) => "PT15M",
            (Unit::Century, true) => "P50Y",
            (Unit::Century, false) => "P25Y",
            (Unit::Year, true) => "P6M",
            (Unit::Year, false) => "P3M",
            _ => return None,
        };
        return Some(c.hit(
            i,
            at,
            i + 2,
            TimeType::Duration,
            Val::Duration(v.to_owned()),
        ));
    }
    // «الأيام الثلاثة الماضية», «الأيام المقبلة».
    if let Some(rest) = c.key(i).strip_prefix(ARTICLE)
        && let Some(u) = c.lx.units.get(rest)
        && u.count == 2
        && matches!(
            c.key(i + 1),
            "الماضيين" | "الاخيرين" | "المقبلين" | "القادمين" | "المنصرمين"
        )
    {
        let v = u.unit.duration("2");
        return Some(c.hit(i, c.start(i), i + 2, TimeType::Duration, Val::Duration(v)));
    }
    if let Some(rest) = c.key(i).strip_prefix(ARTICLE)
        && let Some(u) = c.lx.units.get(rest)
        && u.count == 0
    {
        let at = c.start(i);
        // «الساعات الـ24 الماضية», «الأيام القليلة المقبلة».
        let k = if c.key(i + 1) == "ال" || matches!(c.key(i + 1), "القليله" | "القليلين")
        {
            i + 2
        } else {
            i + 1
        };
        if matches!(c.key(i + 1), "القليله" | "القليلين")
            && let Some(&d) = c.lx.relative.get(c.key(k))
        {
            let r = if d < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(c.hit(i, at, k + 1, TimeType::Date, Val::Ref(r)));
        }
        // «الأشهر الستة الأولى من العام»: the first half; «الأشهر الثلاثة الأخيرة من 2020».
        if let Some(n) = c.number(k)
            && u.unit == Unit::Month
            && matches!(n.value, 3 | 6)
            && matches!(c.key(n.end), "الاولي" | "الاخيره")
            && c.key(n.end + 1) == "من"
        {
            let (year, e, found) = year_after(c, n.end + 1);
            if found {
                let first = c.key(n.end) == "الاولي";
                let (n, half) = match (n.value, first) {
                    (3, true) => (1, false),
                    (3, false) => (4, false),
                    (_, true) => (1, true),
                    (_, false) => (2, true),
                };
                let spec = Spec::Quarter { year, n, half };
                return Some(c.hit(i, at, e, TimeType::Date, spec));
            }
        }
        if let Some(n) = c.number(k)
            && let Some(&d) = c.lx.relative.get(c.key(n.end))
            && d != 0
        {
            let v = u.unit.duration(&n.value.to_string());
            return Some(c.hit(i, at, n.end + 1, TimeType::Duration, Val::Duration(v)));
        }
        if let Some(&d) = c.lx.relative.get(c.key(i + 1)) {
            let r = match d {
                ..0 => "PAST_REF",
                0 => "PRESENT_REF",
                _ => "FUTURE_REF",
            };
            return Some(c.hit(i, at, i + 2, TimeType::Date, Val::Ref(r)));
        }
        return None;
    }
    let mut j = i;
    let mut modifier = None;
    let mut start = None;
    if let Some((m, e, at)) = c.phrase(&c.lx.approx, i) {
        modifier = Some(m);
        start = Some(at);
        j = e;
    }
    let signal_for = i > 0
        && c.alt_in(
            i - 1,
            &["لمده", "طوال", "طيله", "مده", "مدي", "مدار", "غضون", "خلال"],
        )
        .is_some();
    let (n, unit, mut end, at, with_number) = count_unit(c, j)?;
    // «ستصل خلال عشرة أيام», «على أن يكتمل في غضون عامين»: a future offset from the reference
    // («سيصل في غضون أيام»: FUTURE_REF).
    let within = i > 0 && c.alt_in(i - 1, &["غضون", "خلال"]).is_some();
    if within
        && modifier.is_none()
        && !matches!(c.key(end), "من" | "علي")
        && c.lean(i, end) == Lean::Future
    {
        let signal = if c.key(i - 1) == "غضون" && i > 1 && c.key(i - 2) == "في" {
            i - 2
        } else {
            i - 1
        };
        let mut e = end;
        if c.lx.in_class("duration_tail", c.key(e)) {
            e += 1;
        }
        let spec = if n == 0 {
            // «في غضون أيام»: some time soon.
            Val::Ref("FUTURE_REF").into()
        } else {
            Spec::Within(unit, n as i64)
        };
        return Some(c.hit(signal, c.start(signal), e, TimeType::Date, spec));
    }
    let lone_plural = !with_number && n == 0;
    let lone_singular = !with_number && n == 1;
    if lone_singular && !signal_for && modifier.is_none() && c.key(end) != "ونصف" {
        return None;
    }
    // «من خلال عقد ورش عمل»: «عقد» is "holding" or "a contract" before a noun (issue 11).
    if lone_singular
        && unit == Unit::Decade
        && c.w.get(end).is_some_and(|w| {
            w.kind == TokenKind::Arabic
                && !matches!(w.key, "من" | "كامل" | "واحد" | "مضي" | "ونصف")
                && !c.lx.relative.contains_key(w.key)
        })
    {
        return None;
    }
    if lone_plural {
        // «لسنوات», «لساعات», «سنوات عدة».
        let has_l = c.w[j].alt_count() > 1 && c.w[j].key.starts_with('ل');
        if c.key(end) == "عده" {
            end += 1;
        } else if !(has_l || signal_for) {
            return None;
        }
    }
    if lone_singular && c.w.get(end).is_some_and(|w| w.kind == TokenKind::Number) {
        return None;
    }
    let count = if n == 0 {
        "X".to_owned()
    } else {
        n.to_string()
    };
    let mut value = unit.duration(&count);
    if n == 1 && c.key(end) == "ونصف" {
        value = match unit {
            Unit::Year => "P18M".to_owned(),
            Unit::Hour => "PT90M".to_owned(),
            Unit::Day => "PT36H".to_owned(),
            _ => value,
        };
        end += 1;
    }
    if c.lx.in_class("duration_tail", c.key(end)) {
        end += 1;
    }
    let mut h = c.hit(
        i,
        start.unwrap_or(at),
        end,
        TimeType::Duration,
        Val::Duration(value),
    );
    h.modifier = modifier;
    Some(h)
}

/// «مرة», «مرتين», «مرات».
const TIMES: [&str; 4] = ["مره", "مرتين", "مرتان", "مرات"];

/// «كل».
const EVERY: &str = "كل";

/// What [`set`] starts at.
pub(super) fn set_starts(lx: &Lexicon) -> Starts {
    Starts::keys(&lx.sets)
        .and(TIMES)
        .and([EVERY])
        .or_number()
}

/// «يوميا»، «كل عام»، «كل ثلاثة أشهر»، «كل يوم جمعة».
pub(super) fn set(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    if let Some((v, at)) =
        c.w.get(i)?
            .alts()
            .find_map(|(k, at)| c.lx.sets.get(k).map(|v| (*v, at)))
    {
        return Some(c.hit(i, at, i + 1, TimeType::Set, Val::Set(v.to_owned())));
    }
    // «مرتين في الأسبوع», «ثلاث مرات في الشهر».
    let times_word = |k: usize| TIMES.contains(&c.key(k));
    let (k, at) = if times_word(i) {
        (i + 1, c.start(i))
    } else if c.number(i).is_some_and(|n| times_word(n.end)) {
        let n = c.number(i)?;
        (n.end + 1, n.start)
    } else {
        (0, 0)
    };
    if k > 0
        && matches!(c.key(k), "في" | "كل")
        && let Some((unit, n)) = definite_unit(c, k + 1).map(|(u, _)| (u, 1)).or_else(|| {
            c.lx.units
                .get(c.key(k + 1))
                .map(|u| (u.unit, u.count.max(1)))
        })
    {
        // «مرة كل أسبوعين»: every two weeks.
        let every = if c.key(k) == "كل" { n } else { 1 };
        return Some(c.hit(
            i,
            at,
            k + 2,
            TimeType::Set,
            Val::Set(unit.duration(&every.to_string())),
        ));
    }
    if k > 0 && matches!(c.key(k), "يوميا" | "اسبوعيا" | "شهريا" | "سنويا") {
        let v = c.lx.sets.get(c.key(k))?;
        return Some(c.hit(i, at, k + 1, TimeType::Set, Val::Set((*v).to_owned())));
    }
    let at = c.alt(i, EVERY)?;
    let mut j = i + 1;
    let is_weekday =
        |k: &str| c.lx.weekdays.contains_key(k) || c.lx.weekdays.contains_key(&format!("ال{k}"));
    if c.key(j) == "يوم" && is_weekday(c.key(j + 1)) {
        j += 1;
    }
    let wd_key = c.key(j);
    let wd =
        c.lx.weekdays
            .get(wd_key)
            .or_else(|| c.lx.weekdays.get(&format!("ال{wd_key}")))
            .map(|x| x.0);
    if let Some(d) = wd {
        return Some(c.hit(
            i,
            at,
            j + 1,
            TimeType::Set,
            Val::Set(format!("XXXX-WXX-{d}")),
        ));
    }
    let (n, unit, end, _, _) = count_unit(c, i + 1)?;
    if n == 0 {
        return None;
    }
    Some(c.hit(
        i,
        at,
        end,
        TimeType::Set,
        Val::Set(unit.duration(&n.to_string())),
    ))
}
