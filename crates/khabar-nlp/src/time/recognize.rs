//! Recognition rules: at each word, every rule proposes an expression (with its value already
//! resolved against the reference date); the longest proposal wins and scanning resumes after it.

use super::TimeType;
use super::calendar::{self, Lean};
use super::lexicon::{Calendar, Lexicon, Month, Phrases, Unit};
use super::words::{self, Number, Word};
use crate::token::TokenKind;
use jiff::civil::Date;

/// A resolved value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Val {
    Day(Date),
    Week(Date),
    Month(i32, u8),
    Season(i32, &'static str),
    Quarter(i32, u8),
    Half(i32, u8),
    Year(i32),
    Decade(i32),
    Century(i32),
    Ref(&'static str),
    Time(Date, String),
    Duration(String),
    Set(String),
    /// Needs the reference date, which is unknown.
    Unknown,
}

impl Val {
    /// The TIMEX3 value.
    pub fn render(&self) -> Option<String> {
        Some(match self {
            Val::Day(d) => d.to_string(),
            Val::Week(d) => calendar::week_value(*d),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Season(y, s) => format!("{y:04}-{s}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Half(y, h) => format!("{y:04}-H{h}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Decade(d) => format!("{d:03}X"),
            Val::Century(c) => format!("{c:02}"),
            Val::Ref(r) => (*r).to_owned(),
            Val::Time(d, t) => format!("{d}{t}"),
            Val::Duration(v) | Val::Set(v) => v.clone(),
            Val::Unknown => return None,
        })
    }

    fn is_calendar(&self) -> bool {
        !matches!(self, Val::Ref(_) | Val::Duration(_) | Val::Set(_))
    }
}

/// One recognised expression.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub end_word: usize,
    pub kind: TimeType,
    pub val: Val,
    pub modifier: Option<&'static str>,
    /// An explicit weekday the date should fall on (ISO, 1 = Monday).
    pub weekday: Option<u8>,
}

/// The rule context.
pub(crate) struct Ctx<'a> {
    pub w: Vec<Word>,
    pub lx: &'static Lexicon,
    pub reference: Option<Date>,
    /// For each word, the word range of its sentence.
    sentence: Vec<(usize, usize)>,
    _text: &'a str,
}

/// Particles of European and Arabic family names («دي مايو», «دا سيلفا»).
const NAME_PARTICLES: &[&str] = &["دي", "دو", "دا", "ديل", "فان", "فون", "لو", "دوس", "ديلا"];

const SIGNALS: &[&str] = &[
    "في",
    "و",
    "منذ",
    "حتي",
    "خلال",
    "قبل",
    "بعد",
    "من",
    "الي",
    "مطلع",
    "بدايه",
    "اوائل",
    "منتصف",
    "اواسط",
    "نهايه",
    "اواخر",
    "اخر",
    "اول",
    "مستهل",
    "شهر",
    "بين",
    "عن",
    "ختام",
    "وسط",
];

/// Nouns that take «العام» as the adjective "general, public".
const GENERAL: &[&str] = &[
    "الامين",
    "المدعي",
    "النائب",
    "الراي",
    "القطاع",
    "المال",
    "الدين",
    "المؤتمر",
    "المدير",
    "المفتش",
    "المرشد",
    "الاضراب",
    "الامن",
    "النظام",
    "الصالح",
    "الشان",
    "العفو",
    "الاتحاد",
    "المجلس",
    "القائد",
    "المنسق",
    "المراقب",
    "الاستفتاء",
    "الحشد",
    "التعداد",
    "السكرتير",
];

const DAY_EXCLUDED_AFTER: &[&str] = &[
    "التالي",
    "نفسه",
    "ذاته",
    "السابق",
    "الاول",
    "الثاني",
    "الوطني",
    "العالمي",
    "الدولي",
    "الذي",
    "الاخير",
    "الموعود",
    "المشهود",
];

impl<'a> Ctx<'a> {
    /// Builds the context over a document's tokens and sentences.
    pub fn new(doc: &crate::document::Document<'a>, reference: Option<Date>) -> Ctx<'a> {
        let w = words::words(doc.text, &doc.tokens);
        let mut sentence = vec![(0, w.len()); w.len()];
        let mut at = 0;
        for s in &doc.sentences {
            let first = at;
            while at < w.len() && w[at].span.start < s.end {
                at += 1;
            }
            for x in sentence.iter_mut().take(at).skip(first) {
                *x = (first, at);
            }
        }
        Ctx {
            w,
            lx: super::lexicon::get(),
            reference,
            sentence,
            _text: doc.text,
        }
    }

    fn key(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.key.as_str())
    }

    fn alt(&self, i: usize, key: &str) -> Option<usize> {
        self.w.get(i).and_then(|w| w.alt(key))
    }

    fn alt_in(&self, i: usize, keys: &[&str]) -> Option<usize> {
        keys.iter().find_map(|k| self.alt(i, k))
    }

    fn start(&self, i: usize) -> usize {
        self.w.get(i).map_or(0, |w| w.span.start)
    }

    fn end(&self, i: usize) -> usize {
        self.w.get(i).map_or(0, |w| w.span.end)
    }

    fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        self.w
            .get(i)
            .is_some_and(|w| w.kind == TokenKind::Punct && p.contains(&w.key.as_str()))
    }

    /// Matches a phrase whose first word may carry clitics: (value, end word, stem start).
    fn phrase<T: Copy>(&self, table: &Phrases<T>, i: usize) -> Option<(T, usize, usize)> {
        let first = self.w.get(i)?;
        for (words, value) in &table.entries {
            let Some(at) = first.alt(&words[0]) else {
                continue;
            };
            if words[1..]
                .iter()
                .enumerate()
                .all(|(k, word)| self.key(i + 1 + k) == word)
            {
                return Some((*value, i + words.len(), at));
            }
        }
        None
    }

    fn number(&self, i: usize) -> Option<Number> {
        words::number(&self.w, i, self.lx)
    }

    /// A signal word (preposition, anchor, «شهر») right before word `i`.
    fn signal_before(&self, i: usize) -> bool {
        i > 0 && self.alt_in(i - 1, SIGNALS).is_some()
    }

    /// Past or future for a bare expression over words `i..j`.
    fn lean(&self, i: usize, j: usize) -> Lean {
        // «منذ سبتمبر» always looks back.
        if i > 0 && self.alt_in(i - 1, &["منذ"]).is_some() {
            return Lean::Past;
        }
        let (s, e) = self.sentence.get(i).copied().unwrap_or((0, self.w.len()));
        let from = i.saturating_sub(8).max(s);
        let to = (j + 8).min(e);
        let cue = (from..to).any(|k| {
            (k < i || k >= j)
                && (self.phrase(&self.lx.future_cues, k).is_some() || future_verb(&self.w[k].key))
        });
        if cue { Lean::Future } else { Lean::Past }
    }

    fn hit(&self, _i: usize, start: usize, j: usize, kind: TimeType, val: Val) -> Hit {
        Hit {
            start,
            end: self.end(j - 1),
            end_word: j,
            kind,
            val,
            modifier: None,
            weekday: None,
        }
    }
}

/// A verb with the future prefix سـ (سيعقد، ستزور، سنرد), excluding common nouns starting so.
pub(crate) fn future_verb(key: &str) -> bool {
    let k = key
        .strip_prefix('و')
        .or_else(|| key.strip_prefix('ف'))
        .unwrap_or(key);
    let mut chars = k.chars();
    if chars.next() != Some('س') || !matches!(chars.next(), Some('ي' | 'ت' | 'ن')) {
        return false;
    }
    const NOUNS: &[&str] = &[
        "سياس",
        "سيار",
        "سيطر",
        "سيد",
        "سير",
        "سيول",
        "ستار",
        "ستين",
        "سته",
        "ستون",
        "سنو",
        "سنه",
        "سنين",
        "سنت",
        "سيناريو",
        "سين",
        "سيف",
        "سيم",
        "سيك",
        "ستوكهولم",
        "سنغافور",
        "سيول",
        "ستراتيج",
        "سينا",
        "سيبير",
        "سنغال",
        "سنا",
        "سنة",
        "ستاد",
    ];
    k.chars().count() >= 4 && !NOUNS.iter().any(|n| k.starts_with(n))
}

/// Runs all rules over the context; hits are non-overlapping, in order.
pub(crate) fn scan(c: &Ctx<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < c.w.len() {
        match best_at(c, i) {
            Some(h) if h.end_word > i => {
                i = h.end_word;
                hits.push(h);
            }
            _ => i += 1,
        }
    }
    range_starts(c, &mut hits);
    hits
}

/// «بين 6 و9 يونيو», «من 1 إلى 5 يونيو»: the first day of a range takes the month and year of
/// the date that closes it.
fn range_starts(c: &Ctx<'_>, hits: &mut Vec<Hit>) {
    let mut extra = Vec::new();
    for h in hits.iter() {
        let Val::Day(d) = h.val else { continue };
        // Words are in order: a binary search, not a scan per hit (issue 9).
        let k = c.w.partition_point(|w| w.span.start < h.start);
        if c.w.get(k).is_none_or(|w| w.span.start != h.start) {
            continue;
        }
        if k < 2 || c.w[k].kind != TokenKind::Number {
            continue;
        }
        let joined = matches!(c.key(k - 1), "و" | "الي" | "حتي" | "-");
        let Some(n) = c.number(k - 2).filter(|n| n.end == k - 1 && !n.ordinal) else {
            continue;
        };
        if !joined || n.value == 0 || n.value >= u64::from(d.day() as u8) {
            continue;
        }
        if !(k >= 3 && matches!(c.key(k - 3), "بين" | "من")) && c.key(k - 1) == "و" {
            continue;
        }
        let Ok(first) = Date::new(d.year(), d.month(), n.value as i8) else {
            continue;
        };
        // Hits are in order and do not overlap: only the first ending after the start can.
        let after = hits.partition_point(|x| x.end <= c.start(k - 2));
        if hits.get(after).is_some_and(|x| x.start < c.end(k - 2)) {
            continue;
        }
        extra.push(c.hit(
            k - 2,
            c.start(k - 2),
            k - 1,
            TimeType::Date,
            Val::Day(first),
        ));
    }
    if !extra.is_empty() {
        hits.extend(extra);
        hits.sort_by_key(|h| h.start);
    }
}

type Rule = fn(&Ctx<'_>, usize) -> Option<Hit>;

fn best_at(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    const RULES: &[Rule] = &[
        earlier_later,
        tonight,
        part_of_day,
        clock,
        digit_date,
        date,
        deictic,
        anchored,
        weekday,
        month,
        year,
        quarter,
        season,
        unit_relative,
        ago,
        duration,
        set,
        decade,
        century,
        reference_word,
    ];
    let mut best: Option<Hit> = None;
    for rule in RULES {
        if let Some(h) = rule(c, i)
            && best.as_ref().is_none_or(|b| h.end_word > b.end_word)
        {
            best = Some(h);
        }
    }
    best.map(|h| day_part_suffix(c, h))
}

/// «الجمعة صباحا»: a day followed by a part-of-day adverb becomes a TIME.
fn day_part_suffix(c: &Ctx<'_>, mut h: Hit) -> Hit {
    let suffixes = ["صباحا", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "فجرا"];
    if h.kind == TimeType::Date
        && matches!(h.val, Val::Day(_) | Val::Unknown)
        && suffixes.contains(&c.key(h.end_word))
        && let Some(((part, _), _, _)) = c.phrase(&c.lx.day_parts, h.end_word)
    {
        h.val = match h.val {
            Val::Day(d) => Val::Time(d, format!("T{part}")),
            v => v,
        };
        h.kind = TimeType::Time;
        h.end = c.end(h.end_word);
        h.end_word += 1;
    }
    h
}

// ---------------------------------------------------------------------------------------------
// Days

/// «اليوم»، «أمس»، «يوم أمس»، «اليوم الجمعة»، «أول أمس».
fn deictic(c: &Ctx<'_>, i: usize) -> Option<Hit> {
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
fn weekday(c: &Ctx<'_>, i: usize) -> Option<Hit> {
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

/// A month name at `i`, with a «X/Y» or «X (Y)» double form: (month, end word, start byte).
fn month_name(c: &Ctx<'_>, i: usize) -> Option<(Month, usize, usize)> {
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

/// What follows a month: a year, «الجاري», «من العام الماضي» …
#[derive(Debug, Clone, Copy)]
enum YearSpec {
    /// A written year; `true` when Hijri.
    Absolute(i32, bool),
    /// A relative word about the month («مارس المقبل»).
    MonthRelative(i8),
    /// A relative year («من العام الماضي»).
    YearRelative(i8),
}

fn era(c: &Ctx<'_>, i: usize) -> Option<(bool, usize)> {
    let k = c.key(i);
    match k {
        "م" | "ميلادي" | "ميلاديه" | "للميلاد" => Some((false, i + 1)),
        "ه" | "هجري" | "هجريه" | "للهجره" => Some((true, i + 1)),
        _ => None,
    }
}

/// A year number at `i` (3-4 digits) with its era: (year, hijri?, end).
fn year_number(c: &Ctx<'_>, i: usize, hijri_default: bool) -> Option<(i32, bool, usize)> {
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

fn year_spec(c: &Ctx<'_>, j: usize, hijri: bool) -> Option<(YearSpec, usize)> {
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

fn hijri_from_year(hy: i32, hijri: bool) -> i32 {
    if hijri {
        calendar::hijri_to_gregorian(hy, 7, 1).map_or(hy, |d| i32::from(d.year()))
    } else {
        hy
    }
}

/// «15 أبريل 2021»، «الخميس 15 نيسان/أبريل الجاري»، «5 رمضان 1445هـ»، «الثالث من مارس».
fn date(c: &Ctx<'_>, i: usize) -> Option<Hit> {
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

fn day_number(n: Number) -> u8 {
    n.value as u8
}

/// «23 من الشهر الجاري»، «العاشر من هذا الشهر»: a day of a month named by a relative unit.
fn day_of_relative_month(
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
fn digit_date(c: &Ctx<'_>, i: usize) -> Option<Hit> {
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

// ---------------------------------------------------------------------------------------------
// Months, years, quarters, seasons

/// «يناير الماضي»، «شهر رمضان»، «أبريل 2021»، «مارس/آذار من العام الماضي».
fn month(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j0, start) = match c.alt(i, "شهر") {
        Some(at) => (i + 1, Some(at)),
        None => (i, None),
    };
    let (m, mut j, at) = month_name(c, j0)?;
    let start = start.unwrap_or(at);
    let spec = year_spec(c, j, m.calendar == Calendar::Hijri);
    if let Some((_, e)) = spec {
        j = e;
    }
    if m.ambiguous && spec.is_none() && j0 == i && !c.signal_before(i) {
        return None;
    }
    // «لويجي دي مايو»: a bare month after a name particle is a surname.
    if spec.is_none() && j0 == i && i > 0 && NAME_PARTICLES.contains(&c.key(i - 1)) {
        return None;
    }
    let val = match (m.calendar, spec) {
        (Calendar::Gregorian, Some((YearSpec::Absolute(y, _), _))) => Val::Month(y, m.number),
        (Calendar::Hijri, Some((YearSpec::Absolute(y, _), _))) => hijri_month(y, m.number),
        (_, spec) => match c.reference {
            None => Val::Unknown,
            Some(r) => {
                let lean = match spec {
                    Some((YearSpec::MonthRelative(d), _)) => Lean::from_direction(d),
                    _ => c.lean(i, j),
                };
                if m.calendar == Calendar::Gregorian {
                    let y = match spec {
                        Some((YearSpec::YearRelative(d), _)) => i32::from(r.year()) + i32::from(d),
                        _ => calendar::pick_month_year(r, m.number, lean),
                    };
                    Val::Month(y, m.number)
                } else {
                    let hy = calendar::hijri_year(r).unwrap_or(1440);
                    let firsts: Vec<Date> = (hy - 1..=hy + 1)
                        .filter_map(|y| calendar::hijri_to_gregorian(y, m.number, 1))
                        .collect();
                    let picked = match lean {
                        // «رمضان الماضي» during Ramadan is the one before.
                        Lean::Previous => firsts
                            .iter()
                            .copied()
                            .filter(|f| calendar::add_days(*f, 29) < r)
                            .max(),
                        Lean::Current => calendar::pick_day(r, &firsts, Lean::Past),
                        lean => calendar::pick_day(r, &firsts, lean),
                    };
                    match picked {
                        Some(first) => {
                            let y =
                                calendar::hijri_year(calendar::add_days(first, 3)).unwrap_or(hy);
                            hijri_month(y, m.number)
                        }
                        None => Val::Unknown,
                    }
                }
            }
        },
    };
    Some(c.hit(i, start, j, TimeType::Date, val))
}

/// A Hijri month as the Gregorian month holding its 15th day.
fn hijri_month(year: i32, month: u8) -> Val {
    calendar::hijri_to_gregorian(year, month, 15).map_or(Val::Unknown, |d| {
        Val::Month(i32::from(d.year()), d.month() as u8)
    })
}

/// «عام 2021»، «العام 1445هـ»، «2021م»، «في 2019».
fn year(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let lead = c.alt_in(i, &["عام", "العام", "سنه", "السنه", "عامي"]);
    let j = if lead.is_some() { i + 1 } else { i };
    let (y, mut hijri, end) = year_number(c, j, false)?;
    let explicit_era = end > j + 1;
    if lead.is_none() && !explicit_era {
        let next = c.w.get(end);
        let next_is_word =
            next.is_some_and(|w| w.kind == TokenKind::Arabic && !w.key.starts_with('و'));
        // «انتخابات 2020.», «مونديال 2022،»: a year closing a name, not a count.
        let closing = i > 0
            && c.w[i - 1].kind == TokenKind::Arabic
            && !(i.saturating_sub(3)..i).any(|k| COUNT_WORDS.contains(&c.key(k)))
            && next.is_none_or(|w| {
                w.kind == TokenKind::Punct && !matches!(w.key.as_str(), "%" | "٪" | "-" | "/" | ".")
                    || w.key == "." && c.w.get(end + 1).is_none_or(|x| x.kind != TokenKind::Number)
            });
        if !(1900..=2100).contains(&y) || !(c.signal_before(i) || closing) || next_is_word {
            return None;
        }
    }
    // «عام 1442» in a 2021 article is a Hijri year.
    if !explicit_era
        && let Some(hy) = c.reference.and_then(calendar::hijri_year)
        && (hy - 5..=hy + 1).contains(&y)
    {
        hijri = true;
    }
    let start = lead.unwrap_or(c.start(j));
    let val = Val::Year(hijri_from_year(y, hijri));
    Some(c.hit(i, start, end, TimeType::Date, val))
}

/// Words before a number that make it a count, not a year.
const COUNT_WORDS: &[&str] = &[
    "نحو",
    "حوالي",
    "قرابه",
    "زهاء",
    "بلغ",
    "بلغت",
    "عدد",
    "قتل",
    "مقتل",
    "اصابه",
    "رقم",
    "يبلغ",
    "تبلغ",
    "اكثر",
    "اقل",
    "سجل",
    "سجلت",
    "مجموع",
    "اجمالي",
    "ارتفع",
    "ارتفعت",
];

/// A reference year at `j` for quarters/halves/seasons: «من العام الماضي», «2020», «هذا العام».
fn year_after(c: &Ctx<'_>, j: usize) -> (Option<i32>, usize, bool) {
    let r = c.reference.map(|r| i32::from(r.year()));
    let j = if c.key(j) == "من" && year_number(c, j + 1, false).is_some() {
        j + 1
    } else {
        j
    };
    if let Some((y, h, e)) = year_number(c, j, false) {
        return (Some(hijri_from_year(y, h)), e, true);
    }
    if let Some((YearSpec::Absolute(y, h), e)) = year_spec(c, j, false) {
        return (Some(hijri_from_year(y, h)), e, true);
    }
    if let Some((YearSpec::YearRelative(d), e)) = year_spec(c, j, false) {
        return (r.map(|y| y + i32::from(d)), e, true);
    }
    let mut k = j;
    if c.key(k) == "من" {
        k += 1;
    }
    if matches!(c.key(k), "العام" | "السنه") {
        let d = c.lx.relative.get(c.key(k + 1)).copied();
        return match d {
            Some(d) => (r.map(|y| y + i32::from(d)), k + 2, true),
            None => (r, k + 1, true),
        };
    }
    (r, j, false)
}

/// «الربع الأول من العام الجاري»، «النصف الثاني من 2020».
fn quarter(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    // «الثلاثي» and «السداسي» are the Maghrebi quarter and half.
    let (half, at) = match (
        c.alt_in(i, &["الربع", "الثلاثي"]),
        c.alt_in(i, &["النصف", "السداسي"]),
    ) {
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
    let (y, end, _) = year_after(c, i + 2);
    let val = match y {
        Some(y) if half => Val::Half(y, n),
        Some(y) => Val::Quarter(y, n),
        None => Val::Unknown,
    };
    Some(c.hit(i, at, end, TimeType::Date, val))
}

/// «هذا الصيف»، «الصيف الماضي»، «صيف 2024»، «شتاء العام الماضي».
fn season(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (this, j) = if matches!(c.key(i), "هذا" | "هذه") {
        (true, i + 1)
    } else {
        (false, i)
    };
    let (code, at) =
        c.w.get(j)?
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.seasons.get(k).map(|s| (*s, *at)))?;
    let start = if this { c.start(i) } else { at };
    let definite = c.key(j).starts_with("ال")
        || c.w[j]
            .alts
            .iter()
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
            (y, e, Lean::Current)
        } else if definite && c.signal_before(i) {
            (None, j + 1, c.lean(i, j + 1))
        } else {
            return None;
        }
    };
    let val = match (year, c.reference) {
        (Some(y), _) => Val::Season(y, code),
        (None, Some(r)) => Val::Season(calendar::pick_season_year(r, code, lean), code),
        (None, None) => Val::Unknown,
    };
    Some(c.hit(i, start, end, TimeType::Date, val))
}

/// A definite calendar unit at `i` («الأسبوع», «للعام»): (unit, stem start).
fn definite_unit(c: &Ctx<'_>, i: usize) -> Option<(Unit, usize)> {
    c.w.get(i)?.alts.iter().find_map(|(k, at)| {
        let rest = k.strip_prefix("ال")?;
        let u = c.lx.units.get(rest)?;
        (u.count == 1 && !matches!(u.unit, Unit::Day | Unit::Hour | Unit::Minute))
            .then_some((u.unit, *at))
    })
}

/// «هذا الأسبوع»، «الشهر الماضي»، «العام المقبل»، «العقد الماضي»، «الأسبوع قبل الماضي».
fn unit_relative(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let this = matches!(c.key(i), "هذا" | "هذه");
    let j = if this { i + 1 } else { i };
    let (unit, at) = definite_unit(c, j)?;
    let start = if this { c.start(i) } else { at };
    // «الأمين العام السابق», «النائب العام الحالي»: «العام» as the adjective "general".
    if unit == Unit::Year
        && !this
        && c.key(j) == "العام"
        && j > 0
        && GENERAL.contains(&c.key(j - 1))
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
    let val = match c.reference {
        None => Val::Unknown,
        Some(r) => unit_offset(r, unit, offset),
    };
    Some(c.hit(i, start, end, TimeType::Date, val))
}

/// The calendar unit containing the reference moved by `n`.
fn unit_offset(r: Date, unit: Unit, n: i64) -> Val {
    let y = i32::from(r.year());
    match unit {
        Unit::Minute | Unit::Hour => Val::Day(r),
        Unit::Day => Val::Day(calendar::add_days(r, n)),
        Unit::Week => Val::Week(calendar::add_days(r, 7 * n)),
        Unit::Month => {
            let d = calendar::add_months(r.first_of_month(), n);
            Val::Month(i32::from(d.year()), d.month() as u8)
        }
        Unit::Year => Val::Year(i32::from(calendar::add_years(r, n).year())),
        Unit::Decade => Val::Decade(y.div_euclid(10) + n as i32),
        Unit::Century => Val::Century(y.div_euclid(100) + n as i32),
    }
}

// ---------------------------------------------------------------------------------------------
// Relative offsets, durations, sets

/// A count and unit at `j`: «5 سنوات», «ثلاثة أشهر», «عامين», «15 عاما»; (count, unit, end).
fn count_unit(c: &Ctx<'_>, j: usize) -> Option<(u64, Unit, usize, usize, bool)> {
    let mut k = j;
    let mut start = c.start(j);
    // «الـ24 ساعة».
    if c.key(k) == "ال" && c.w.get(k + 1).is_some_and(|w| w.kind == TokenKind::Number) {
        k += 1;
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
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.units.get(k).map(|u| (*u, *at)))?;
    Some((u64::from(u.count), u.unit, j + 1, at, false))
}

/// «منذ ثلاثة أيام»، «قبل عامين»، «بعد أسبوع»، «منذ سنوات».
fn ago(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (dir, at) = if let Some(at) = c.alt_in(i, &["منذ", "قبل"]) {
        (-1i64, at)
    } else {
        (1, c.alt(i, "بعد")?)
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
    let val = if n == 0 {
        Val::Ref(if dir < 0 { "PAST_REF" } else { "FUTURE_REF" })
    } else {
        match c.reference {
            None => Val::Unknown,
            Some(r) => {
                let n = dir * n as i64;
                match unit {
                    Unit::Decade => Val::Year(i32::from(calendar::add_years(r, 10 * n).year())),
                    Unit::Century => Val::Year(i32::from(calendar::add_years(r, 100 * n).year())),
                    Unit::Week => Val::Week(calendar::add_days(r, 7 * n)),
                    Unit::Month => {
                        let d = calendar::add_months(r, n);
                        Val::Month(i32::from(d.year()), d.month() as u8)
                    }
                    Unit::Year => Val::Year(i32::from(calendar::add_years(r, n).year())),
                    Unit::Day => Val::Day(calendar::add_days(r, n)),
                    Unit::Hour | Unit::Minute => Val::Day(r),
                }
            }
        }
    };
    let mut h = c.hit(i, at, end, TimeType::Date, val);
    h.modifier = modifier;
    Some(h)
}

/// «5 سنوات إضافية»، «عامين»، «لمدة عام»، «عدة أشهر»، «الأيام الثلاثة الماضية»، «الأيام المقبلة».
fn duration(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    const TAILS: &[&str] = &[
        "اضافيه",
        "اضافي",
        "اضافيين",
        "اخري",
        "اخرى",
        "متتاليه",
        "متتالي",
        "متواصله",
        "كامله",
        "كاملا",
        "كاملين",
        "فقط",
        "متتاليين",
    ];
    // «عدة/بضعة أيام».
    if let Some(at) = c.alt_in(i, &["عده", "بضعه", "بضع"])
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
    if let Some(at) = c.alt_in(i, &["نصف", "ربع"])
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
    if let Some(rest) = c.key(i).strip_prefix("ال")
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
    if let Some(rest) = c.key(i).strip_prefix("ال")
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
                let val = match (year, n.value, first) {
                    (None, _, _) => Val::Unknown,
                    (Some(y), 3, true) => Val::Quarter(y, 1),
                    (Some(y), 3, false) => Val::Quarter(y, 4),
                    (Some(y), _, true) => Val::Half(y, 1),
                    (Some(y), _, false) => Val::Half(y, 2),
                };
                return Some(c.hit(i, at, e, TimeType::Date, val));
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
        if TAILS.contains(&c.key(e)) {
            e += 1;
        }
        let val = c
            .reference
            .map_or(Val::Unknown, |r| unit_offset(r, unit, n as i64));
        let val = match (unit, c.reference) {
            // «في غضون أيام»: some time soon.
            _ if n == 0 => Val::Ref("FUTURE_REF"),
            (Unit::Hour, Some(r)) => Val::Day(calendar::add_days(r, n as i64 / 24)),
            _ => val,
        };
        return Some(c.hit(signal, c.start(signal), e, TimeType::Date, val));
    }
    let lone_plural = !with_number && n == 0;
    let lone_singular = !with_number && n == 1;
    if lone_singular && !signal_for && modifier.is_none() && c.key(end) != "ونصف" {
        return None;
    }
    if lone_plural {
        // «لسنوات», «لساعات», «سنوات عدة».
        let has_l = c.w[j].alts.len() > 1 && c.w[j].key.starts_with('ل');
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
    if TAILS.contains(&c.key(end)) {
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

/// «يوميا»، «كل عام»، «كل ثلاثة أشهر»، «كل يوم جمعة».
fn set(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    if let Some((v, at)) =
        c.w.get(i)?
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.sets.get(k).map(|v| (*v, *at)))
    {
        return Some(c.hit(i, at, i + 1, TimeType::Set, Val::Set(v.to_owned())));
    }
    // «مرتين في الأسبوع», «ثلاث مرات في الشهر».
    let times_word = |k: usize| matches!(c.key(k), "مره" | "مرتين" | "مرتان" | "مرات");
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
        && let Some((unit, _)) =
            definite_unit(c, k + 1).or_else(|| c.lx.units.get(c.key(k + 1)).map(|u| (u.unit, 0)))
    {
        return Some(c.hit(i, at, k + 2, TimeType::Set, Val::Set(unit.duration("1"))));
    }
    if k > 0 && matches!(c.key(k), "يوميا" | "اسبوعيا" | "شهريا" | "سنويا") {
        let v = c.lx.sets.get(c.key(k))?;
        return Some(c.hit(i, at, k + 1, TimeType::Set, Val::Set((*v).to_owned())));
    }
    let at = c.alt(i, "كل")?;
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

// ---------------------------------------------------------------------------------------------
// Decades, centuries, reference words, clock times

/// A century after «القرن»: ordinal, digits or a relative word; the value is the TIMEX3
/// century (the 21st → 20).
fn century_after(c: &Ctx<'_>, j: usize) -> Option<(Option<i32>, usize)> {
    if let Some(&d) = c.lx.relative.get(c.key(j)) {
        let v = c
            .reference
            .map(|r| i32::from(r.year()).div_euclid(100) + i32::from(d));
        return Some((v, j + 1));
    }
    let n = c.number(j)?;
    if !(1..=30).contains(&n.value) || !(n.ordinal || n.digits) {
        return None;
    }
    Some((Some(n.value as i32 - 1), n.end))
}

/// «القرن الحادي والعشرين»، «القرن الماضي»، «القرن 19».
fn century(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let at = c.alt(i, "القرن")?;
    let (v, end) = century_after(c, i + 1)?;
    let val = v.map_or(Val::Unknown, Val::Century);
    Some(c.hit(i, at, end, TimeType::Date, val))
}

/// «الثمانينيات»، «ثمانينيات القرن الماضي»، «عقد التسعينيات».
fn decade(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (j, lead) = match c.alt(i, "عقد") {
        Some(at) => (i + 1, Some(at)),
        None => (i, None),
    };
    let (d, at) =
        c.w.get(j)?
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.decades.get(k).map(|d| (*d, *at)))?;
    let start = lead.unwrap_or(at);
    let mut end = j + 1;
    let mut cent = Some(19);
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
    let val = cent.map_or(Val::Unknown, |c| Val::Decade(c * 10 + i32::from(d)));
    Some(c.hit(i, start, end, TimeType::Date, val))
}

/// «الآن»، «حاليا»، «مؤخرا»، «في الوقت الحالي»، «في الماضي».
fn reference_word(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let ((v, signal), end, at) = c.phrase(&c.lx.refs, i)?;
    if let Some(s) = signal
        && (i == 0 || c.alt(i - 1, &crate::normalize::key(s)).is_none())
    {
        return None;
    }
    Some(c.hit(i, at, end, TimeType::Date, Val::Ref(v)))
}

/// «في وقت سابق من هذا الشهر»، «في وقت لاحق اليوم»، «في وقت سابق».
fn earlier_later(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let at = c.alt(i, "في")?;
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
        .filter(|h| h.val.is_calendar())
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

/// «مطلع العام الجاري»، «نهاية الشهر الماضي»، «منتصف أبريل»، «أواخر الثمانينيات».
fn anchored(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (m, at) =
        c.w.get(i)?
            .alts
            .iter()
            .find_map(|(k, at)| c.lx.anchors.get(k).map(|m| (*m, *at)))?;
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
    ]
    .iter()
    .filter_map(|r| r(c, j))
    .filter(|h| h.val.is_calendar())
    .max_by_key(|h| h.end_word);
    let mut h = match core {
        Some(h) => h,
        None => {
            // «مطلع العام»، «نهاية الأسبوع»: the current unit.
            let (unit, _) = definite_unit(c, j)?;
            let val = c
                .reference
                .map_or(Val::Unknown, |r| unit_offset(r, unit, 0));
            c.hit(j, c.start(j), j + 1, TimeType::Date, val)
        }
    };
    h.start = at;
    h.modifier = Some(m);
    Some(h)
}

/// A day at `j` for a clock time or a part of day: deictic, weekday or date.
fn day_at(c: &Ctx<'_>, j: usize) -> Option<Hit> {
    [deictic, date, digit_date, weekday]
        .iter()
        .filter_map(|r| r(c, j))
        .max_by_key(|h| h.end_word)
}

/// «الليلة»، «الليلة الماضية»، «هذا الصباح»، «هذا المساء».
fn tonight(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let (part, j, at) = if let Some(at) = c.alt(i, "الليله") {
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
    let val = c.reference.map_or(Val::Unknown, |r| {
        Val::Time(calendar::add_days(r, offset), format!("T{part}"))
    });
    Some(c.hit(i, at, end, TimeType::Time, val))
}

/// «صباح اليوم»، «مساء أمس»، «ليلة الجمعة».
fn part_of_day(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    // «الساعات الأولى من صباح اليوم».
    if c.alt(i, "الساعات").is_some() && c.key(i + 1) == "الاولي" && c.key(i + 2) == "من"
    {
        let mut h = part_of_day(c, i + 3)?;
        h.start = c.alt(i, "الساعات").unwrap_or(h.start);
        return Some(h);
    }
    let ((part, _), j, at) = c.phrase(&c.lx.day_parts, i)?;
    let mut k = j;
    if matches!(c.key(k), "يوم" | "من") && c.key(k + 1) != "يوم" {
        k += if c.key(k) == "يوم" && c.lx.weekdays.contains_key(c.key(k + 1)) {
            0
        } else {
            1
        };
    }
    let day = day_at(c, k)?;
    let val = match day.val {
        Val::Day(d) => Val::Time(d, format!("T{part}")),
        _ => Val::Unknown,
    };
    let mut h = c.hit(i, at, day.end_word, TimeType::Time, val);
    h.weekday = day.weekday;
    Some(h)
}

/// «الساعة 10:30»، «الساعة العاشرة صباحا»، «في تمام الساعة الثالثة بعد الظهر من يوم الجمعة».
fn clock(c: &Ctx<'_>, i: usize) -> Option<Hit> {
    let lead = c.alt(i, "الساعه");
    let j = if lead.is_some() { i + 1 } else { i };
    let (mut hour, mut minute, mut k, start);
    if let Some(w) = c.w.get(j)
        && w.kind == TokenKind::Number
        && c.key(j + 1) == ":"
        && c.w
            .get(j + 2)
            .is_some_and(|w| w.kind == TokenKind::Number && w.key.len() == 2)
    {
        hour = w.key.parse::<u32>().ok()?;
        minute = c.key(j + 2).parse::<u32>().ok()?;
        k = j + 3;
        start = lead.unwrap_or(w.span.start);
    } else {
        let n = c.number(j)?;
        let feminine_ordinal = n.ordinal && c.key(j).ends_with('ه');
        if !(feminine_ordinal || (n.digits && lead.is_some())) || !(1..=24).contains(&n.value) {
            return None;
        }
        hour = n.value as u32;
        minute = 0;
        k = n.end;
        start = lead.unwrap_or(n.start);
        match c.key(k) {
            "والنصف" => {
                minute = 30;
                k += 1;
            }
            "والربع" => {
                minute = 15;
                k += 1;
            }
            _ => {}
        }
        if lead.is_none() && c.phrase(&c.lx.day_parts, k).is_none() {
            return None;
        }
    }
    if hour > 24 || minute > 59 {
        return None;
    }
    if let Some(((part, shift), e, _)) = c.phrase(&c.lx.day_parts, k) {
        // «العاشرة مساء» is 22:00, «الثالثة بعد الظهر» 15:00, «الثانية ليلا» stays 02:00.
        let after_midnight = part == "NI" && hour < 6;
        if shift == 12 && hour < 12 && !after_midnight {
            hour += 12;
        }
        k = e;
    }
    let mut day = None;
    let mut wd = None;
    let mut kk = k;
    if matches!(c.key(kk), "من" | "يوم") && c.key(kk) == "من" {
        kk += 1;
    }
    if let Some(d) = day_at(c, kk) {
        day = Some(d.val.clone());
        wd = d.weekday;
        k = d.end_word;
    }
    let date = match day {
        Some(Val::Day(d)) => Some(d),
        Some(_) => None,
        None => c.reference,
    };
    let val = date.map_or(Val::Unknown, |d| {
        Val::Time(d, format!("T{hour:02}:{minute:02}"))
    });
    let mut h = c.hit(i, start, k, TimeType::Time, val);
    h.weekday = wd;
    Some(h)
}
