//! Tests of the app's share links and files (issue 13), natively: the view a link carries and
//! the actions that restore it, the worker's link, bundle and export tasks, and the notices.
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

use fixture::{FIXTURE_PUBLISHED, FIXTURE_TEXT, fixture_analysis};
use khabar::share::{
    ExportFormat, ExportInput, export, notice_key, page_slug, restoring_actions, shared_view,
};
use khabar::state::{Action, AppState, KindGroup, Lang, Notice, Selection, View};
use khabar::worker::{Task, WorkerRequest, WorkerResponse, answer};
use khabar_share::link::{self, Article};
use std::rc::Rc;
use yew::Reducible;

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(
        FIXTURE_TEXT.into(),
        Some(FIXTURE_PUBLISHED.into()),
        Rc::new(fixture_analysis()),
    ))
}

fn ask(task: Task, text: &str, date: Option<&str>) -> WorkerResponse {
    answer(WorkerRequest {
        request: 7,
        text: text.to_owned(),
        date: date.map(str::to_owned),
        task,
    })
}

/// Applies `actions` in order.
fn reduce_all(mut state: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
    for action in actions {
        state = state.reduce(action);
    }
    state
}

#[test]
fn a_view_of_the_page_article_restores_the_same_view() {
    // issue 13: select, filter, switch language; the link restores all of it on a fresh state.
    let before = reduce_all(
        state(),
        vec![
            Action::SelectMention {
                id: "e1".into(),
                mention: 2,
            },
            Action::SetGroupFilter(Some(KindGroup::People)),
            Action::SetSearch("بو".into()),
            Action::SetLang(Lang::En),
        ],
    );
    let view = shared_view(&before, "some-article");
    assert_eq!(view.article, Article::Slug("some-article".into()));
    assert_eq!(view.date, None, "a hosted article's date is its page's");
    let fragment = link::encode(&view);
    let read = link::decode(&fragment).unwrap();
    let after = reduce_all(state(), restoring_actions(&read));
    assert_eq!(after.selection, before.selection);
    assert_eq!(after.filters, before.filters);
    assert_eq!((after.lang, after.view), (Lang::En, View::Reader));
}

#[test]
fn a_pasted_article_travels_as_text_with_its_given_date() {
    let text = "قال الرئيس الأمريكي جو بايدن يوم الثلاثاء إنه سيلتقي نظيره الروسي.";
    let analysis = khabar::analyze(text, Some("2021-04-16"));
    let s = state().reduce(Action::AnalysisStarted(1));
    let s = s.reduce(Action::AnalysisFinished {
        request: 1,
        text: text.into(),
        reference_date: analysis.reference_date.clone(),
        analysis: Rc::new(analysis),
    });
    assert!(s.pasted);
    let view = shared_view(&s, "ignored");
    assert_eq!(view.article, Article::Text(text.into()));
    assert_eq!(view.date.as_deref(), Some("2021-04-16"));
    // The worker opens the packed text: the same text, analysed with the same date.
    let fragment = link::encode(&view);
    let (_, packed) = link::split(&fragment).unwrap();
    let opened = ask(Task::OpenLink, packed.unwrap(), view.date.as_deref());
    assert_eq!(opened.output.as_deref(), Some(text));
    assert_eq!(opened.analysis.as_ref(), Some(&*s.analysis));
}

#[test]
fn the_worker_says_why_a_link_or_a_file_is_bad() {
    // issue 13: a damaged link or file is an i18n key, never a panic.
    let packed = ask(Task::Pack, "نص قصير للتجربة", None).output.unwrap();
    let cut = &packed[..packed.len() - 3];
    assert_eq!(
        ask(Task::OpenLink, cut, None).error.as_deref(),
        Some("link.truncated")
    );
    assert_eq!(
        ask(Task::OpenLink, "!!!", None).error.as_deref(),
        Some("link.corrupt")
    );
    assert_eq!(
        ask(Task::ReadBundle, "{\"schema\": 1}", None)
            .error
            .as_deref(),
        Some("bundle.not")
    );
    assert_eq!(
        ask(Task::Export, "not json", None).error.as_deref(),
        Some("error.worker")
    );
}

fn export_of(format: ExportFormat, selection: &str) -> String {
    let input = ExportInput {
        format,
        text: FIXTURE_TEXT.to_owned(),
        date: Some(FIXTURE_PUBLISHED.to_owned()),
        selection: selection.to_owned(),
    };
    let json = serde_json::to_string(&input).unwrap();
    ask(Task::Export, &json, None).output.unwrap()
}

#[test]
fn downloads_are_the_cli_formats() {
    // issue 13: the worker makes the files from the text and date, as `khabar analyze` does
    // (crates/khabar-cli/tests/export_identity.rs checks those functions against the CLI).
    let analysis = khabar::analyze(FIXTURE_TEXT, Some(FIXTURE_PUBLISHED));
    let json = export_of(ExportFormat::Json, "");
    assert_eq!(json, khabar_share::export::analysis_json(&analysis));
    assert_eq!(
        export_of(ExportFormat::Timeml, ""),
        khabar_nlp::format::timeml(FIXTURE_TEXT, &analysis)
    );
    assert_eq!(
        export_of(ExportFormat::Brat, ""),
        khabar_nlp::format::brat(&analysis)
    );
    assert!(export_of(ExportFormat::Csv, "").starts_with("id,kind,status,"));
    assert!(export_of(ExportFormat::Ics, "").starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(export(""), None);
}

#[test]
fn a_bundle_opens_with_its_selection() {
    let file = export_of(ExportFormat::Bundle, "entity=e1&mention=1");
    let opened = ask(Task::ReadBundle, &file, None);
    assert_eq!(opened.output.as_deref(), Some(FIXTURE_TEXT));
    assert_eq!(opened.selection.as_deref(), Some("entity=e1&mention=1"));
    assert_eq!(
        opened.analysis,
        Some(khabar::analyze(FIXTURE_TEXT, Some(FIXTURE_PUBLISHED)))
    );
}

#[test]
fn slugs_come_from_the_page_path() {
    assert_eq!(page_slug("/a/some-article/"), "some-article");
    assert_eq!(
        page_slug("/khabar/a/other/index.html"),
        khabar::BUNDLED_SLUG
    );
    assert_eq!(page_slug("/khabar/a/other"), "other");
    assert_eq!(page_slug("/"), khabar::BUNDLED_SLUG);
    assert_eq!(page_slug("/khabar/"), khabar::BUNDLED_SLUG);
}

#[test]
fn notices_only_show_known_messages() {
    assert_eq!(notice_key("link.truncated"), "link.truncated");
    assert_eq!(notice_key("<img src=x onerror=alert(1)>"), "error.worker");
    for key in khabar::share::NOTICE_KEYS {
        assert!(
            khabar::i18n::keys().contains(&key),
            "{key} missing from i18n.tsv"
        );
    }
    for format in ExportFormat::ALL {
        assert!(khabar::i18n::keys().contains(&format.label_key()));
        assert_eq!(ExportFormat::parse(format.name()), Some(format));
    }
    let s = state().reduce(Action::Notify(Notice {
        key: "share.copied",
        link: Some("https://example.org/#v=1&a=x".into()),
    }));
    assert_eq!(s.notice.as_ref().map(|n| n.key), Some("share.copied"));
    assert_eq!(s.reduce(Action::DismissNotice).notice, None);
}

#[test]
fn unknown_names_in_a_link_are_skipped() {
    let view = link::decode("v=1&g=planets&view=map&lang=fr&event=v999&a=x").unwrap();
    let after = reduce_all(state(), restoring_actions(&view));
    assert_eq!(after.filters.group, None);
    assert_eq!((after.lang, after.view), (Lang::Ar, View::Reader));
    assert_eq!(
        after.selection,
        Selection::None,
        "an unknown event selects nothing"
    );
}
