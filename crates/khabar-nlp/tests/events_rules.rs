//! Event rules on news-style sentences with hand-built entities (issue 5): kind, status, time,
//! participants, place, merging across sentences, timeline order and quotations.

use khabar_nlp::entities::{Entity, EntityKind, EntityMention, MentionForm};
use khabar_nlp::span::Span;
use khabar_nlp::{Date, Document, events, time};

/// Entities given as (kind, Arabic name, English name, forms found in the text).
fn entities(text: &str, specs: &[(EntityKind, &str, &str, &[&str])]) -> Vec<Entity> {
    let mut taken: Vec<Span> = Vec::new();
    specs
        .iter()
        .map(|(kind, name, en, forms)| {
            let mut mentions = Vec::new();
            for f in *forms {
                for (at, _) in text.match_indices(f) {
                    let span = Span::new(at, at + f.len());
                    if !taken.iter().any(|t| t.overlaps(span)) {
                        taken.push(span);
                        mentions.push(EntityMention {
                            span,
                            form: MentionForm::Name,
                        });
                    }
                }
            }
            mentions.sort_by_key(|m| m.span);
            Entity {
                kind: *kind,
                name: (*name).to_owned(),
                name_en: Some((*en).to_owned()),
                wikidata: None,
                office: None,
                mentions,
            }
        })
        .collect()
}

fn run(text: &str, ents: &[Entity], reference: &str) -> Vec<events::Event> {
    let doc = Document::new(text);
    let r: Date = reference.parse().unwrap();
    let times = time::find(&doc, Some(r));
    events::extract_at(&doc, ents, &times.exprs, Some(r))
}

fn summary(evs: &[events::Event]) -> Vec<(&'static str, Option<String>, &'static str)> {
    evs.iter()
        .map(|e| (e.kind, e.value.clone(), e.status))
        .collect()
}

// Issue 5: a past meeting with its day, participants and place.
#[test]
fn past_meeting_with_place() {
    let text = "التقى وزير الخارجية الفرنسي جان إيف لودريان نظيره الألماني هايكو ماس في برلين أمس.";
    let ents = entities(
        text,
        &[
            (
                EntityKind::Person,
                "جان إيف لودريان",
                "Jean-Yves Le Drian",
                &["جان إيف لودريان"],
            ),
            (
                EntityKind::Person,
                "هايكو ماس",
                "Heiko Maas",
                &["هايكو ماس"],
            ),
            (EntityKind::City, "برلين", "Berlin", &["برلين"]),
        ],
    );
    let evs = run(text, &ents, "2021-04-16");
    assert_eq!(
        summary(&evs),
        vec![("meeting", Some("2021-04-15".to_owned()), "occurred")]
    );
    assert_eq!(evs[0].participants, vec![0, 1]);
    assert_eq!(evs[0].place, Some(2));
    assert_eq!(
        evs[0].label_en,
        "Meeting between Le Drian and Maas in Berlin"
    );
    assert_eq!(evs[0].label, "لقاء بين لودريان وماس في برلين");
}

// Issue 5: a future visit is planned and dated to next week.
#[test]
fn planned_visit_next_week() {
    let text = "من المقرر أن يزور الرئيس المصري باريس الأسبوع المقبل.";
    let ents = entities(
        text,
        &[
            (
                EntityKind::Person,
                "عبد الفتاح السيسي",
                "Abdel Fattah el-Sisi",
                &["الرئيس المصري"],
            ),
            (EntityKind::City, "باريس", "Paris", &["باريس"]),
        ],
    );
    let evs = run(text, &ents, "2021-04-16");
    assert_eq!(
        summary(&evs),
        vec![("visit", Some("2021-W16".to_owned()), "planned")]
    );
}

// Issue 5: conditional sanctions are only possible.
#[test]
fn conditional_sanctions_are_possible() {
    let text = "وقالت الوزارة إنها ستدرس فرض عقوبات جديدة في حال استمرار الهجمات.";
    let evs = run(text, &[], "2021-04-16");
    let kinds = summary(&evs);
    assert!(kinds.contains(&("attack", None, "possible")), "{kinds:?}");
    assert!(kinds.contains(&("sanctions", None, "planned")), "{kinds:?}");
}

// Issue 5: ongoing protests.
#[test]
fn ongoing_protests() {
    let text = "تتواصل الاحتجاجات في الخرطوم للمطالبة بحكم مدني.";
    let ents = entities(
        text,
        &[(EntityKind::City, "الخرطوم", "Khartoum", &["الخرطوم"])],
    );
    let evs = run(text, &ents, "2021-04-16");
    assert_eq!(summary(&evs), vec![("protest", None, "ongoing")]);
    assert_eq!(evs[0].place, Some(0));
    assert_eq!(evs[0].label_en, "Protests in Khartoum");
}

// Issue 5: a dated election; a later anaphoric mention merges into it and the timeline is ordered
// by date, not by text.
#[test]
fn merge_and_order() {
    let text = "أجريت الانتخابات البرلمانية في العراق في 10 أكتوبر 2021. \
                وكان رئيس الوزراء قد زار طهران في 5 سبتمبر 2021. \
                وشهدت هذه الانتخابات نسبة مشاركة منخفضة.";
    let ents = entities(
        text,
        &[
            (EntityKind::Country, "العراق", "Iraq", &["العراق"]),
            (
                EntityKind::Person,
                "مصطفى الكاظمي",
                "Mustafa Al-Kadhimi",
                &["رئيس الوزراء"],
            ),
            (EntityKind::City, "طهران", "Tehran", &["طهران"]),
        ],
    );
    let evs = run(text, &ents, "2021-10-20");
    assert_eq!(
        summary(&evs),
        vec![
            ("visit", Some("2021-09-05".to_owned()), "occurred"),
            ("election", Some("2021-10-10".to_owned()), "occurred"),
        ]
    );
    assert_eq!(evs[1].evidence.len(), 2);
    assert_eq!(evs[1].place, Some(0));
}

// Issue 5: a planned event refuses a past date in its sentence.
#[test]
fn planned_event_does_not_take_todays_date() {
    let text = "وقال الرئيس اليوم إن البلدين يبحثان إمكانية عقد قمة.";
    let evs = run(text, &[], "2021-04-16");
    let summit = evs.iter().find(|e| e.kind == "summit").unwrap();
    assert_eq!(summit.status, "planned");
    assert_eq!(summit.value, None);
}

// Issue 5: quotations and their speakers.
#[test]
fn quote_speakers() {
    let text = "وقال الرئيس الفرنسي: «نحن مستعدون للحوار مع الجميع». \
                وأضاف المستشار الألماني: \"لا بد من حل سياسي للأزمة\".";
    let ents = entities(
        text,
        &[
            (
                EntityKind::Person,
                "إيمانويل ماكرون",
                "Emmanuel Macron",
                &["الرئيس الفرنسي"],
            ),
            (
                EntityKind::Person,
                "أولاف شولتس",
                "Olaf Scholz",
                &["المستشار الألماني"],
            ),
        ],
    );
    let doc = Document::new(text);
    let qs = events::quotes(&doc, &ents);
    let got: Vec<(&str, Option<usize>)> = qs
        .iter()
        .map(|q| (&text[q.span.start..q.span.end], q.speaker))
        .collect();
    assert_eq!(
        got,
        vec![
            ("نحن مستعدون للحوار مع الجميع", Some(0)),
            ("لا بد من حل سياسي للأزمة", Some(1)),
        ]
    );
}

// Issue 5: without a reference date, relative values stay unresolved but events are still found.
#[test]
fn no_reference_date() {
    let text = "اجتمع المجلس أمس لبحث الأزمة.";
    let doc = Document::new(text);
    let times = time::find(&doc, None);
    let evs = events::extract_at(&doc, &[], &times.exprs, None);
    assert_eq!(summary(&evs), vec![("meeting", None, "occurred")]);
    assert_eq!(evs[0].time, Some(0));
}

// Issue 5: with no reference date at all, undated events still order as past, ongoing, planned.
#[test]
fn order_without_reference() {
    let text = "من المقرر عقد قمة بين الزعيمين. وتتواصل الاحتجاجات في العاصمة. \
                وكان الوزير قد زار المنطقة.";
    let doc = Document::new(text);
    let times = time::find(&doc, None);
    let evs = events::extract_at(&doc, &[], &times.exprs, None);
    let kinds: Vec<(&str, &str)> = evs.iter().map(|e| (e.kind, e.status)).collect();
    assert_eq!(
        kinds,
        vec![
            ("visit", "occurred"),
            ("protest", "ongoing"),
            ("summit", "planned")
        ]
    );
}

/// Runs the whole pipeline (real entities) and returns the English labels in timeline order.
fn labels(text: &str, reference: &str) -> Vec<String> {
    let a = khabar_nlp::analyze(
        text,
        &khabar_nlp::Config {
            reference_date: Some(reference.parse().unwrap()),
        },
    );
    a.events.iter().map(|e| e.label_en.clone()).collect()
}

// Round 2: the agent and the target of sanctions, interference and a build-up.
#[test]
fn agent_and_target_labels() {
    let text = "فرضت الولايات المتحدة عقوبات جديدة على روسيا أمس. \
                وقال بايدن إن روسيا تدخلت في الانتخابات الأمريكية. \
                ويأتي ذلك وسط حشد روسيا قواتها على الحدود مع أوكرانيا.";
    let got = labels(text, "2021-04-16");
    for want in [
        "US sanctions on Russia",
        "Russian interference in the US elections",
        "Russian military build-up on the border with Ukraine",
    ] {
        assert!(got.iter().any(|l| l == want), "{want:?} not in {got:?}");
    }
}

// Round 2: the object of a visit verb is its destination, not its visitor.
#[test]
fn visit_destination() {
    let text = "وكان رئيس الوزراء الإيطالي ماريو دراغي قد زار الجزائر في 11 أبريل 2022.";
    let got = labels(text, "2022-04-20");
    assert_eq!(got, vec!["Visit by Draghi to Algeria".to_owned()]);
}

// Round 2: two coordinated clauses give two events with their own times and statuses.
#[test]
fn clauses_keep_their_times() {
    let text = "استضافت القاهرة الأسبوع الماضي جولة من المفاوضات بين إسرائيل وحماس، \
                فيما يتوقع أن تستأنف المحادثات خلال الأيام القليلة المقبلة.";
    let doc = Document::new(text);
    let r: Date = "2024-02-20".parse().unwrap();
    let times = time::find(&doc, Some(r));
    let evs = events::extract_at(&doc, &[], &times.exprs, Some(r));
    assert_eq!(
        summary(&evs),
        vec![
            ("talks", Some("2024-W07".to_owned()), "occurred"),
            ("talks", Some("FUTURE_REF".to_owned()), "planned"),
        ]
    );
}

// Round 2: «منذ» dates an ongoing state; it does not date an event that simply occurred.
#[test]
fn since_dates_only_ongoing_events() {
    let text = "وبحث الجانبان العلاقات في ثاني زيارة له منذ عام 2011. \
                وتجري الحكومة مشاورات مع الصندوق منذ ديسمبر 2022.";
    let doc = Document::new(text);
    let r: Date = "2024-02-20".parse().unwrap();
    let times = time::find(&doc, Some(r));
    let evs = events::extract_at(&doc, &[], &times.exprs, Some(r));
    assert_eq!(
        summary(&evs),
        vec![
            ("talks", Some("2022-12".to_owned()), "ongoing"),
            ("visit", None, "occurred"),
        ]
    );
}
