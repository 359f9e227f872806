//! Tests of the app's pure parts (issue 6): the store, TIMEX labels, the mark tree, i18n, HTML
//! reduction, draft checks, keyboard mapping.
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

use expect_test::expect;
use fixture::{FIXTURE_PUBLISHED, FIXTURE_TEXT, fixture_analysis};
use khabar::article::{Mark, mark_tree, marks};
use khabar::hooks::use_analysis_worker::draft_request;
use khabar::hooks::use_keyboard_shortcuts::action_for_key;
use khabar::state::{Action, AppState, Lang, Selection, article_text};
use khabar::timex;
use std::rc::Rc;
use yew::Reducible;

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(
        FIXTURE_TEXT.into(),
        Some(FIXTURE_PUBLISHED.into()),
        Rc::new(fixture_analysis()),
    ))
}

#[test]
fn next_and_previous_wrap_around() {
    let s = state().reduce(Action::SelectEntity("e1".into()));
    assert_eq!(
        s.selection,
        Selection::Entity {
            id: "e1".into(),
            mention: 0
        }
    );
    let s = s.reduce(Action::PreviousMention);
    assert_eq!(
        s.selection,
        Selection::Entity {
            id: "e1".into(),
            mention: 3
        }
    );
    let s = s.reduce(Action::NextMention).reduce(Action::NextMention);
    assert_eq!(
        s.selection,
        Selection::Entity {
            id: "e1".into(),
            mention: 1
        }
    );
}

#[test]
fn unknown_ids_select_nothing() {
    let s = state().reduce(Action::RestoreSelection(Selection::from_fragment(
        "#entity=e99",
    )));
    assert_eq!(s.selection, Selection::None);
    let s = state().reduce(Action::RestoreSelection(Selection::from_fragment(
        "#entity=e2&mention=40",
    )));
    assert_eq!(
        s.selection,
        Selection::Entity {
            id: "e2".into(),
            mention: 1
        }
    );
}

#[test]
fn fragments_round_trip() {
    for s in [
        Selection::None,
        Selection::Entity {
            id: "e12".into(),
            mention: 3,
        },
        Selection::Event { id: "v2".into() },
    ] {
        assert_eq!(
            Selection::from_fragment(&format!("#{}", s.to_fragment())),
            s
        );
    }
    assert_eq!(
        Selection::from_fragment("#entity=<script>"),
        Selection::None
    );
}

#[test]
fn stale_analysis_results_are_dropped_and_failures_keep_the_article() {
    let s = state().reduce(Action::AnalysisStarted(2));
    let before = s.analysis.clone();
    let s = s.reduce(Action::AnalysisFailed {
        request: 2,
        message: "error.empty".into(),
    });
    assert!(Rc::ptr_eq(&before, &s.analysis));
    let other = Rc::new(khabar::analyze("نص", None));
    let s = s.reduce(Action::AnalysisFinished {
        request: 1,
        text: "نص".into(),
        reference_date: None,
        analysis: other,
    });
    assert!(Rc::ptr_eq(&before, &s.analysis));
}

#[test]
fn timex_labels() {
    let labels: Vec<String> = [
        "2021-01",
        "2021-W15",
        "2021-SU",
        "2021-04-16",
        "2021-Q2",
        "198X",
        "PAST_REF",
        "2021-04-16T10:30",
        "P5Y",
        "P1Y",
        "P2W",
        "P11M",
        "PT3H",
        "PXY",
    ]
    .iter()
    .flat_map(|v| [timex::label(v, Lang::Ar), timex::label(v, Lang::En)])
    .collect();
    expect![[r#"
        [
            "يناير 2021",
            "January 2021",
            "الأسبوع 15 من 2021",
            "Week 15 of 2021",
            "صيف 2021",
            "Summer 2021",
            "16 أبريل 2021",
            "16 April 2021",
            "الربع 2 من 2021",
            "Quarter 2 of 2021",
            "1980–1989",
            "1980–1989",
            "في الماضي",
            "in the past",
            "16 أبريل 2021 10:30",
            "16 April 2021 10:30",
            "5 سنوات",
            "5 years",
            "سنة",
            "1 year",
            "أسبوعان",
            "2 weeks",
            "11 شهرا",
            "11 months",
            "3 ساعات",
            "3 hours",
            "PXY",
            "PXY",
        ]
    "#]]
    .assert_debug_eq(&labels);
    let week = timex::parse("2021-W15").unwrap();
    assert_eq!(
        week.days.map(|(a, b)| (a.to_string(), b.to_string())),
        Some(("2021-04-12".into(), "2021-04-18".into()))
    );
    let winter = timex::parse("2021-WI").unwrap();
    assert_eq!(
        winter.days.map(|(_, b)| b.to_string()),
        Some("2022-02-28".into())
    );
}

#[test]
fn mark_tree_nests_and_splits_crossing_marks() {
    let text_marks = vec![
        (0, 10, Mark::Sentence(0)),
        (2, 6, Mark::Time(0)),
        (
            4,
            12,
            Mark::Mention {
                entity: 0,
                mention: 0,
            },
        ),
    ];
    let tree = mark_tree(&text_marks, 0, 12);
    expect![[r#"
        MarkNode {
            mark: None,
            start: 0,
            end: 12,
            children: [
                MarkNode {
                    mark: Some(
                        Sentence(
                            0,
                        ),
                    ),
                    start: 0,
                    end: 10,
                    children: [
                        MarkNode {
                            mark: Some(
                                Time(
                                    0,
                                ),
                            ),
                            start: 2,
                            end: 6,
                            children: [
                                MarkNode {
                                    mark: Some(
                                        Mention {
                                            entity: 0,
                                            mention: 0,
                                        },
                                    ),
                                    start: 4,
                                    end: 6,
                                    children: [],
                                },
                            ],
                        },
                        MarkNode {
                            mark: Some(
                                Mention {
                                    entity: 0,
                                    mention: 0,
                                },
                            ),
                            start: 6,
                            end: 10,
                            children: [],
                        },
                    ],
                },
                MarkNode {
                    mark: Some(
                        Mention {
                            entity: 0,
                            mention: 0,
                        },
                    ),
                    start: 10,
                    end: 12,
                    children: [],
                },
            ],
        }
    "#]]
    .assert_debug_eq(&tree);
}

#[test]
fn fixture_marks_cover_the_fixture() {
    let analysis = fixture_analysis();
    let all = marks(&analysis);
    for block in &analysis.structure {
        let tree = mark_tree(&all, block.start, block.end);
        assert_eq!((tree.start, tree.end), (block.start, block.end));
    }
}

#[test]
fn i18n_table_is_well_formed() {
    assert_eq!(khabar::i18n::malformed_lines(), Vec::<&str>::new());
    assert!(khabar::i18n::keys().len() > 80);
    assert_eq!(khabar::i18n::t(Lang::En, "timeline.title"), "Timeline");
}

#[test]
fn html_is_reduced_to_text() {
    let html = "<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>عنوان &amp; خبر</h1><p>فقرة <b>أولى</b></p><div>ثانية</div></body></html>";
    expect![[r#"
        عنوان & خبر
        فقرة أولى"#]]
    .assert_eq(&article_text(html));
    // Plain text stays as it is, even with a stray angle bracket.
    assert_eq!(article_text("أ < ب\n\nج"), "أ < ب\n\nج");
}

#[test]
fn drafts_are_checked_before_analysis() {
    assert_eq!(draft_request("  ", "", 1), Err("error.empty"));
    assert_eq!(draft_request("نص", "2021-13-45", 1), Err("error.date"));
    let ok = draft_request("نص", " 2021-04-16 ", 3).unwrap();
    assert_eq!((ok.request, ok.date.as_deref()), (3, Some("2021-04-16")));
}

#[test]
fn keys_map_to_actions() {
    assert_eq!(action_for_key("n", false, false), Some(Action::NextMention));
    assert_eq!(
        action_for_key("ArrowLeft", true, false),
        Some(Action::NextMention)
    );
    assert_eq!(
        action_for_key("k", false, false),
        Some(Action::PreviousMention)
    );
    assert_eq!(action_for_key("n", false, true), None);
    assert_eq!(
        action_for_key("Escape", false, false),
        Some(Action::ClearSelection)
    );
}

#[test]
fn the_worker_answers_requests() {
    let response = khabar::worker::answer(khabar::worker::WorkerRequest {
        request: 7,
        text: FIXTURE_TEXT.into(),
        date: None,
    });
    assert_eq!(response.request, 7);
    assert!(response.analysis.is_some_and(|a| !a.sentences.is_empty()));
}

// Issue 2: the bundled article's date comes from its metadata file, not from code.
#[test]
fn bundled_published_date_is_read_from_the_metadata_file() {
    let metadata = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/articles/biden-putin-summit.toml"
    ))
    .unwrap();
    let line = metadata
        .lines()
        .find(|l| l.starts_with("published"))
        .unwrap();
    assert!(
        line.contains(&format!("\"{}\"", khabar::BUNDLED_PUBLISHED)),
        "{line}"
    );
    assert!(
        khabar::BUNDLED_PUBLISHED
            .parse::<khabar_nlp::Date>()
            .is_ok()
    );
}
