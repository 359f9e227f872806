//! Dates anchored on the last date the text mentioned (issue 11): «وفي اليوم التالي», «في العام
//! نفسه», «ذلك العام», «الشهر التالي». The rule marks the expression; `anchor_anaphora` resolves
//! it after the scan, from the previous calendar expression, and records which one it used.

use super::*;

/// The unit a definite unit word names, days included («اليوم»).
fn anaphoric_unit(c: &Ctx<'_>, k: usize) -> Option<(Unit, usize)> {
    let w = c.w.get(k)?;
    w.alts.iter().find_map(|(key, at)| {
        let unit = match key.as_str() {
            "اليوم" => Unit::Day,
            "الاسبوع" => Unit::Week,
            "الشهر" => Unit::Month,
            "العام" | "السنه" => Unit::Year,
            _ => return None,
        };
        Some((unit, *at))
    })
}

/// «اليوم التالي»، «العام نفسه»، «ذلك العام»، «الشهر ذاته»، «الأسبوع السابق».
pub(super) fn anaphoric(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (unit, start, offset, end) = if matches!(c.key(i), "ذلك" | "تلك" | "وذلك")
        && let Some((unit, _)) = anaphoric_unit(c, i + 1)
    {
        (unit, c.start(i), 0, i + 2)
    } else {
        let (unit, at) = anaphoric_unit(c, i)?;
        let offset = match c.key(i + 1) {
            "نفسه" | "ذاته" | "نفسها" | "ذاتها" => 0,
            "التالي" | "التاليه" => 1,
            "السابق" | "السابقه" => -1,
            _ => return None,
        };
        (unit, at, offset, i + 2)
    };
    // «اليوم التالي للانتخابات»: anchored on an event, not on a date.
    if c.w
        .get(end)
        .is_some_and(|w| w.key.starts_with('ل') && w.alts.len() > 1)
    {
        return None;
    }
    // Without an anchor, «الشهر التالي» is the month after the reference, as before.
    let fallback = if offset != 0 && unit != Unit::Day {
        unit_relative(c, i)
            .filter(|h| h.end_word == end)
            .map_or(Val::Unknown, |h| h.val)
    } else {
        Val::Unknown
    };
    let mut h = c.hit(i, start, end, TimeType::Date, fallback);
    h.anaphor = Some(Anaphor {
        unit,
        offset,
        part: None,
    });
    Some(h)
}

/// Resolves every anaphoric hit from the closest calendar expression before it (resolved
/// anaphora included, so that «وفي اليوم التالي» can follow another); without one that is
/// precise enough, the hit keeps its reference-based value, or is dropped when it has none.
pub(super) fn anchor_anaphora(hits: &mut Vec<Hit>) {
    let mut last: Option<(usize, Val)> = None;
    let mut keep = vec![true; hits.len()];
    for (k, h) in hits.iter_mut().enumerate() {
        if let Some(a) = h.anaphor {
            let resolved = last
                .as_ref()
                .and_then(|(at, v)| Some((*at, from_anchor(v, a)?)));
            match resolved {
                Some((at, v)) => {
                    h.val = v;
                    h.anchor = Some(at);
                    if a.part.is_some() {
                        h.kind = TimeType::Time;
                    }
                }
                None if matches!(h.val, Val::Unknown) => keep[k] = false,
                None => {}
            }
        }
        if keep[k] && h.val.interval().is_some() {
            last = Some((h.start, h.val.clone()));
        }
    }
    let mut k = 0;
    hits.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// The value `a.offset` units from the anchor value, when the anchor is precise enough.
fn from_anchor(anchor: &Val, a: Anaphor) -> Option<Val> {
    use super::super::value::Granularity as G;
    let g = anchor.granularity()?;
    let (first, _) = anchor.interval()?;
    let fine_enough = match a.unit {
        Unit::Day => matches!(g, G::Day | G::PartOfDay | G::Minute),
        Unit::Week => matches!(g, G::Day | G::PartOfDay | G::Minute | G::Week),
        Unit::Month => !matches!(
            g,
            G::Year | G::Half | G::Quarter | G::Season | G::Decade | G::Century
        ),
        Unit::Year => !matches!(g, G::Decade | G::Century),
        _ => false,
    };
    if !fine_enough {
        return None;
    }
    let v = match a.unit {
        Unit::Day => {
            let d = calendar::add_days(first, a.offset);
            match a.part {
                Some(p) => Val::Time(d, format!("T{p}")),
                None => Val::Day(d),
            }
        }
        Unit::Week => Val::Week(calendar::add_days(first, 7 * a.offset)),
        Unit::Month => {
            let d = calendar::add_months(first.first_of_month(), a.offset);
            Val::Month(i32::from(d.year()), d.month() as u8)
        }
        _ => Val::Year(i32::from(first.year()) + a.offset as i32),
    };
    Some(v)
}
