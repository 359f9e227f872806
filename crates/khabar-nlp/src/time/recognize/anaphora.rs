//! Dates anchored on the last date the text mentioned (issue 11): «وفي اليوم التالي», «في العام
//! نفسه», «ذلك العام», «الشهر التالي». The rule marks the expression with an [`Anaphor`];
//! resolution (`resolve`) anchors it on the previous calendar value and records which one.

use super::*;

/// The definite unit words, days included («اليوم»).
const UNIT_WORDS: [(&str, Unit); 5] = [
    ("اليوم", Unit::Day),
    ("الاسبوع", Unit::Week),
    ("الشهر", Unit::Month),
    ("العام", Unit::Year),
    ("السنه", Unit::Year),
];

/// «ذلك العام».
const DEMONSTRATIVES: [&str; 3] = ["ذلك", "تلك", "وذلك"];

/// The unit a definite unit word names, days included («اليوم»).
fn anaphoric_unit(c: &Ctx<'_>, k: usize) -> Option<(Unit, usize)> {
    let w = c.w.get(k)?;
    w.alts().find_map(|(key, at)| {
        let &(_, unit) = UNIT_WORDS.iter().find(|(word, _)| *word == key)?;
        Some((unit, at))
    })
}

/// What [`anaphoric`] starts at.
pub(super) fn anaphoric_starts(_: &Lexicon) -> Starts {
    Starts::words(DEMONSTRATIVES).and(UNIT_WORDS.iter().map(|(word, _)| *word))
}

/// «اليوم التالي»، «العام نفسه»، «ذلك العام»، «الشهر ذاته»، «الأسبوع السابق».
pub(super) fn anaphoric(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (unit, start, offset, end) = if DEMONSTRATIVES.contains(&c.key(i))
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
        .is_some_and(|w| w.key.starts_with('ل') && w.alt_count() > 1)
    {
        return None;
    }
    // Without an anchor, «الشهر التالي» is the month after the reference, as before.
    let fallback = if offset != 0 && unit != Unit::Day {
        unit_relative(c, i)
            .filter(|h| h.end_word == end)
            .map_or(Spec::unknown(), |h| h.spec)
    } else {
        Spec::unknown()
    };
    let mut h = c.hit(i, start, end, TimeType::Date, fallback);
    h.anaphor = Some(Anaphor {
        unit,
        offset,
        part: None,
    });
    Some(h)
}
