//! The whole explorer: the store, its context provider, the hooks, and the page layout.

use crate::components::article_view::ArticleView;
use crate::components::draft_notice::DraftNoticeView;
use crate::components::entity_card::EntityCard;
use crate::components::entity_sidebar::EntitySidebar;
use crate::components::event_card::EventCard;
use crate::components::header::Header;
use crate::components::legend::Legend;
use crate::components::mention_nav::MentionNav;
use crate::components::new_article::NewArticle;
use crate::components::notice::{NoticeBarProps, notice_bar};
use crate::components::share_panel::{SharePanelProps, share_panel};
use crate::components::timeline::Timeline;
use crate::hooks::use_analysis_worker::{AnalysisControls, use_analysis_worker};
use crate::hooks::use_document_attrs::{system_prefers_dark, use_document_attrs};
use crate::hooks::use_draft_storage::use_draft_storage;
use crate::hooks::use_file_loader::use_file_loader;
use crate::hooks::use_fragment_sync::use_fragment_sync;
use crate::hooks::use_keyboard_shortcuts::use_keyboard_shortcuts;
use crate::hooks::use_scroll_to_selection::use_scroll_to_selection;
use crate::hooks::use_scroll_top_on_view::use_scroll_top_on_view;
use crate::hooks::use_share::{ShareControls, use_share};
use crate::i18n::t;
use crate::state::{Action, AppContext, AppState, Notice, Progress, Selection, View};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// The article text.
    pub text: AttrValue,
    /// The publication date `YYYY-MM-DD`, if known.
    #[prop_or_default]
    pub published: Option<AttrValue>,
    /// The analysis of `text`; `None` shows the text with nothing found in it yet (the page never
    /// analyses: the build or the worker does).
    #[prop_or_default]
    pub analysis: Option<Rc<khabar_nlp::Analysis>>,
}

/// The whole explorer.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let published = props.published.as_ref().map(|p| p.to_string());
        let analysis = props
            .analysis
            .clone()
            .unwrap_or_else(|| Rc::new(empty_analysis(published.clone())));
        AppState::new(props.text.as_str().into(), published, analysis)
    });
    use_draft_storage(state.clone());
    use_fragment_sync(state.clone());
    use_keyboard_shortcuts(state.clone());
    use_document_attrs(state.theme, state.lang);
    use_scroll_to_selection(state.selection.clone());
    use_scroll_top_on_view(state.view);
    let controls = use_analysis_worker(state.clone());
    let share = use_share(state.clone());
    // Whatever file the share panel opens, the worker decides whether it is a bundle.
    let open_file = {
        let s = state.clone();
        let on_error = Callback::from(move |_| {
            s.dispatch(Action::Notify(Notice {
                key: "bundle.not",
                link: None,
            }))
        });
        use_file_loader(
            share.open_bundle.clone(),
            on_error,
            share.open_bundle.clone(),
        )
    };
    {
        let snapshot = state.clone();
        use_effect(move || crate::js_api::record(&snapshot));
    }
    let skip_to_article = Callback::from(|()| {
        let target = gloo::utils::document()
            .get_element_by_id("article")
            .or_else(|| gloo::utils::document().get_element_by_id("main"));
        if let Some(el) =
            target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    });
    let notice = state.notice.clone().map(|notice| {
        let s = state.clone();
        notice_bar(&NoticeBarProps {
            notice,
            lang: state.lang,
            on_download: share.download.clone(),
            on_dismiss: Callback::from(move |()| s.dispatch(Action::DismissNotice)),
        })
    });
    let body = match state.view {
        View::Reader => reader(&state, &share, open_file),
        View::NewArticle => new_article(&state, controls, &share),
    };
    let header = {
        let (s1, s2, s3) = (state.clone(), state.clone(), state.clone());
        html! {
            <Header lang={state.lang} theme={state.theme} view={state.view}
                on_toggle_lang={Callback::from(move |()| s1.dispatch(Action::SetLang(s1.lang.toggled())))}
                on_toggle_theme={Callback::from(move |()| s2.dispatch(Action::SetTheme(s2.theme.toggled(system_prefers_dark()))))}
                on_show_view={Callback::from(move |v| s3.dispatch(Action::ShowView(v)))}
                on_skip={skip_to_article} />
        }
    };
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class="app" data-view={state.view.as_str()} lang={state.lang.tag()}>

                {header}
                { notice.unwrap_or_default() }
                {body}
            </div>
        </ContextProvider<AppContext>>
    }
}

/// An analysis that found nothing (not even sentences or blocks).
fn empty_analysis(published: Option<String>) -> khabar_nlp::Analysis {
    khabar_nlp::Analysis {
        schema: khabar_nlp::analysis::SCHEMA.to_owned(),
        reference_date: published,
        reference_source: khabar_nlp::analysis::ReferenceSource::Given,
        structure: Vec::new(),
        sentences: Vec::new(),
        entities: Vec::new(),
        times: Vec::new(),
        events: Vec::new(),
        quotes: Vec::new(),
        diagnostics: Vec::new(),
    }
}

fn reader(state: &AppContext, share: &ShareControls, open_file: Callback<web_sys::File>) -> Html {
    let lang = state.lang;
    let dispatcher = |f: fn(String) -> Action| {
        let s = state.clone();
        Callback::from(move |id: String| s.dispatch(f(id)))
    };
    let on_select_entity = dispatcher(Action::SelectEntity);
    let on_select_event = dispatcher(Action::SelectEvent);
    let on_set_date = {
        let state = state.clone();
        Callback::from(move |date: String| {
            crate::hooks::use_analysis_worker::redate(&state, &date);
        })
    };
    let on_select_mention = {
        let s = state.clone();
        Callback::from(move |(id, mention): (String, usize)| {
            s.dispatch(Action::SelectMention { id, mention })
        })
    };
    let on_search = dispatcher(Action::SetSearch);
    let on_group_filter = {
        let s = state.clone();
        Callback::from(move |g| s.dispatch(Action::SetGroupFilter(g)))
    };
    let simple = |action: Action| {
        let s = state.clone();
        Callback::from(move |()| s.dispatch(action.clone()))
    };
    let nav_and_card = match (&state.selection, state.selected_entity()) {
        (Selection::Entity { mention, .. }, Some(entity)) => html! {
            <>
                <MentionNav entity={entity.clone()} mention={*mention} {lang}
                    on_previous={simple(Action::PreviousMention)} on_next={simple(Action::NextMention)}
                    on_clear={simple(Action::ClearSelection)} />
                <EntityCard analysis={state.analysis.clone()} entity={entity.clone()} {lang}
                    on_select_event={on_select_event.clone()} />
            </>
        },
        _ => match state.selected_event() {
            Some(event) => html! {
                <EventCard analysis={state.analysis.clone()} event={event.clone()} {lang}
                    on_select_entity={on_select_entity.clone()} on_clear={simple(Action::ClearSelection)} />
            },
            None => html! { <p class="card card--hint">{t(lang, "card.hint")}</p> },
        },
    };
    html! {
        <main class="layout" id="main" data-view="reader">
            <Timeline analysis={state.analysis.clone()} selection={state.selection.clone()} {lang} {on_select_event}
                {on_set_date} busy={matches!(state.progress, Progress::Running(_))} />
            <ArticleView text={state.text.clone()} analysis={state.analysis.clone()}
                selection={state.selection.clone()} {lang} {on_select_mention}
                incremental={state.request > 0} />
            <aside class="sidebar" aria-label={t(lang, "sidebar.title")}>
                {share_panel(&SharePanelProps {
                    lang,
                    on_share: share.share.clone(),
                    on_download: share.download.clone(),
                    on_file: open_file,
                })}
                {nav_and_card}
                <EntitySidebar analysis={state.analysis.clone()} filters={state.filters.clone()}
                    selection={state.selection.clone()} {lang} {on_select_entity} {on_group_filter} {on_search} />
                <Legend {lang} />
            </aside>
        </main>
    }
}

fn new_article(state: &AppContext, controls: AnalysisControls, share: &ShareControls) -> Html {
    let (s1, s2, s3, s4) = (state.clone(), state.clone(), state.clone(), state.clone());
    // Issue 15: where the draft is kept, when the reader must know.
    let notice = state.draft_notice.clone().map(|notice| {
        let (take, dismiss) = (state.clone(), state.clone());
        html! {
            <DraftNoticeView {notice} draft={state.draft.clone()} lang={state.lang}
                on_take={Callback::from(move |d: crate::state::Draft| {
                    take.dispatch(Action::SetDraftText(d.text));
                    take.dispatch(Action::SetDraftDate(d.date));
                    take.dispatch(Action::SetDraftNotice(None));
                })}
                on_dismiss={Callback::from(move |()| dismiss.dispatch(Action::SetDraftNotice(None)))} />
        }
    });
    html! {
        <main class="layout layout--form" id="main" data-view="new-article">
            <NewArticle draft={state.draft.clone()} progress={state.progress.clone()} steps={state.steps} lang={state.lang}
                on_text={Callback::from(move |t| s1.dispatch(Action::SetDraftText(t)))}
                on_date={Callback::from(move |d| s2.dispatch(Action::SetDraftDate(d)))}
                on_analyze={controls.analyze} on_cancel={controls.cancel} on_bundle={share.open_bundle.clone()}
                on_error={Callback::from(move |key: &'static str| {
                    let request = crate::hooks::use_analysis_worker::begin_request(&s3);
                    s4.dispatch(Action::AnalysisFailed { request, message: key.into() });
                })} />
            { notice.unwrap_or_default() }
        </main>
    }
}
