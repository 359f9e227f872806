//! A short hand-analysed article (not the bundled one) with entities, times and events at real
//! offsets, for component snapshots and browser tests while the analysis stages are growing.

use crate::article::CharOffsets;
use khabar_nlp::Analysis;
use khabar_nlp::analysis::{Entity, Event, Mention, Office, Range, Time, Trigger};

/// The fixture article (`src/fixture.txt`).
pub const FIXTURE_TEXT: &str = include_str!("fixture.txt");
/// Its publication date.
pub const FIXTURE_PUBLISHED: &str = "2023-03-15";

/// The fixture's analysis: structure and sentences from `khabar-nlp`, the rest written by hand.
pub fn fixture_analysis() -> Analysis {
    let text = FIXTURE_TEXT;
    let mut analysis = crate::analyze(text, Some(FIXTURE_PUBLISHED));
    let at = |needle: &str, nth: usize, skip: usize| -> (usize, usize) {
        let byte = text.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
        let start = text[..byte].chars().count() + skip;
        (start, text[..byte].chars().count() + needle.chars().count())
    };
    let mention = |needle: &str, nth: usize, skip: usize, form: &str| {
        let (start, end) = at(needle, nth, skip);
        let offsets = CharOffsets::new(text);
        Mention {
            start,
            end,
            text: offsets.slice(text, start, end).to_owned(),
            form: form.to_owned(),
        }
    };
    let entity =
        |id: &str, kind: &str, name: &str, en: &str, q: &str, mentions: Vec<Mention>| Entity {
            id: id.to_owned(),
            kind: kind.to_owned(),
            name: name.to_owned(),
            name_en: Some(en.to_owned()),
            wikidata: Some(q.to_owned()),
            office: None,
            mentions,
        };
    let mut macron = entity(
        "e1",
        "person",
        "إيمانويل ماكرون",
        "Emmanuel Macron",
        "Q3052772",
        vec![
            mention("ماكرون", 0, 0, "name"),
            mention("الرئيس الفرنسي", 0, 0, "title"),
            mention("إيمانويل ماكرون", 0, 0, "name"),
            mention("ماكرون", 2, 0, "name"),
        ],
    );
    macron.office = Some(Office {
        label: "رئيس فرنسا".to_owned(),
        label_en: "President of France".to_owned(),
    });
    analysis.entities = vec![
        macron,
        entity(
            "e2",
            "country",
            "مصر",
            "Egypt",
            "Q79",
            vec![mention("مصر", 0, 0, "name"), mention("ومصر", 0, 1, "name")],
        ),
        entity(
            "e3",
            "country",
            "فرنسا",
            "France",
            "Q142",
            vec![
                mention("فرنسا", 0, 0, "name"),
                mention("لفرنسا", 0, 1, "name"),
            ],
        ),
        entity(
            "e4",
            "person",
            "عبد الفتاح السيسي",
            "Abdel Fattah el-Sisi",
            "Q294016",
            vec![
                mention("نظيره المصري", 0, 0, "relational"),
                mention("عبد الفتاح السيسي", 0, 0, "name"),
            ],
        ),
        entity(
            "e5",
            "organization",
            "الأمم المتحدة",
            "United Nations",
            "Q1065",
            vec![mention("الأمم المتحدة", 0, 0, "name")],
        ),
        entity(
            "e6",
            "city",
            "القاهرة",
            "Cairo",
            "Q85",
            vec![mention("القاهرة", 0, 0, "name")],
        ),
        entity(
            "e7",
            "city",
            "باريس",
            "Paris",
            "Q90",
            vec![mention("باريس", 0, 0, "name")],
        ),
        entity(
            "e8",
            "location",
            "حوض النيل",
            "Nile Basin",
            "Q3229",
            vec![mention("حوض النيل", 0, 0, "name")],
        ),
    ];
    let time = |id: &str, needle: &str, nth: usize, value: &str| {
        let m = mention(needle, nth, 0, "");
        Time {
            id: id.to_owned(),
            start: m.start,
            end: m.end,
            text: m.text,
            kind: "DATE".to_owned(),
            value: Some(value.to_owned()),
            modifier: None,
            typed: Default::default(),
        }
    };
    analysis.times = vec![
        time("t1", "الشهر المقبل", 0, "2023-04"),
        time("t2", "أمس", 0, "2023-03-14"),
        time("t3", "الشهر المقبل", 1, "2023-04"),
        time("t4", "يناير الماضي", 0, "2023-01"),
        time("t5", "هذا الصيف", 0, "2023-SU"),
    ];
    let sentence_of = |offset: usize| {
        analysis
            .sentences
            .iter()
            .copied()
            .find(|s| s.start <= offset && offset < s.end)
            .unwrap_or(Range {
                start: offset,
                end: offset + 1,
            })
    };
    let event = |id: &str,
                 kind: &str,
                 trigger: &str,
                 time: &str,
                 value: &str,
                 status: &str,
                 participants: &[&str],
                 labels: (&str, &str)| {
        let m = mention(trigger, 0, 0, "");
        let sentence = sentence_of(m.start);
        Event {
            id: id.to_owned(),
            kind: kind.to_owned(),
            time: Some(time.to_owned()),
            value: Some(value.to_owned()),
            typed: None,
            status: status.to_owned(),
            participants: participants.iter().map(|p| (*p).to_owned()).collect(),
            place: None,
            agent: None,
            target: None,
            sentence,
            trigger: Trigger {
                start: m.start,
                end: m.end,
                text: m.text,
            },
            evidence: vec![sentence],
            label: labels.0.to_owned(),
            label_en: labels.1.to_owned(),
        }
    };
    analysis.events = vec![
        event(
            "v1",
            "call",
            "تحادثا",
            "t4",
            "2023-01",
            "occurred",
            &["e1", "e4"],
            (
                "اتصال هاتفي بين ماكرون والسيسي",
                "Call between Macron and el-Sisi",
            ),
        ),
        event(
            "v2",
            "statement",
            "أعلن",
            "t2",
            "2023-03-14",
            "occurred",
            &["e1"],
            ("ماكرون يعلن زيارته", "Macron announces his visit"),
        ),
        event(
            "v3",
            "visit",
            "سيزور",
            "t3",
            "2023-04",
            "planned",
            &["e1", "e2"],
            ("زيارة ماكرون إلى مصر", "Macron's visit to Egypt"),
        ),
        event(
            "v4",
            "talks",
            "الوساطة",
            "t5",
            "2023-SU",
            "ongoing",
            &["e3", "e2", "e5"],
            ("وساطة في أزمة المياه", "Mediation on the water crisis"),
        ),
    ];
    analysis
}
