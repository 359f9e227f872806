//! The app's one store: article, analysis, selection, filters, theme, language and view, changed
//! only through [`Action`]s. No DOM code here: hooks translate browser events into actions.

use khabar_nlp::Analysis;
use khabar_nlp::analysis::{Entity, EntityKind, ReferenceSource};
use std::rc::Rc;
use yew::prelude::*;

/// The language of the interface (the article itself is always Arabic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Arabic, the default.
    #[default]
    Ar,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag (`ar`, `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// The other language.
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The `data-theme` attribute value (`system`, `light`, `dark`).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The explicit theme opposite to what is shown now (`system_dark`: what the system prefers).
    pub fn toggled(self, system_dark: bool) -> Theme {
        let dark_now = match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        };
        if dark_now { Theme::Light } else { Theme::Dark }
    }
}

/// Which page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The highlighted article with sidebar and timeline.
    #[default]
    Reader,
    /// The form to paste or open a new article.
    NewArticle,
}

impl View {
    /// The `data-view` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Reader => "reader",
            View::NewArticle => "new-article",
        }
    }
}

/// The groups of the entity sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KindGroup {
    /// `person`.
    People,
    /// `country`.
    Countries,
    /// `organization`.
    Organisations,
    /// `city`, `location`.
    Places,
    /// `nationality`, `work`, `other`.
    Other,
}

impl KindGroup {
    /// Every group, in sidebar order.
    pub const ALL: [KindGroup; 5] = [
        KindGroup::People,
        KindGroup::Countries,
        KindGroup::Organisations,
        KindGroup::Places,
        KindGroup::Other,
    ];

    /// The group of an entity kind of the contract.
    pub fn of(kind: EntityKind) -> KindGroup {
        match kind {
            EntityKind::Person => KindGroup::People,
            EntityKind::Country => KindGroup::Countries,
            EntityKind::Organization => KindGroup::Organisations,
            EntityKind::City | EntityKind::Location => KindGroup::Places,
            EntityKind::Nationality | EntityKind::Work | EntityKind::Other => KindGroup::Other,
        }
    }

    /// A stable name for class names, data attributes and i18n keys.
    pub fn as_str(self) -> &'static str {
        match self {
            KindGroup::People => "people",
            KindGroup::Countries => "countries",
            KindGroup::Organisations => "organisations",
            KindGroup::Places => "places",
            KindGroup::Other => "other",
        }
    }

    /// The group named `name` (the inverse of [`KindGroup::as_str`]).
    pub fn parse(name: &str) -> Option<KindGroup> {
        KindGroup::ALL.into_iter().find(|g| g.as_str() == name)
    }
}

/// What the reader has selected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An entity, with the mention the reader is at (an index into its mentions).
    Entity {
        /// The entity id (`e1`).
        id: String,
        /// Index of the current mention.
        mention: usize,
    },
    /// An event of the timeline.
    Event {
        /// The event id (`v1`).
        id: String,
    },
}

impl Selection {
    /// The selection as a URL fragment (`entity=e1&mention=2`, `event=v1`, or empty).
    pub fn to_fragment(&self) -> String {
        match self {
            Selection::None => String::new(),
            Selection::Entity { id, mention } => format!("entity={id}&mention={mention}"),
            Selection::Event { id } => format!("event={id}"),
        }
    }

    /// Reads a URL fragment written by [`Selection::to_fragment`] (with or without `#`); anything
    /// else reads as no selection.
    pub fn from_fragment(fragment: &str) -> Selection {
        let fragment = fragment.trim_start_matches('#');
        let mut entity = None;
        let mut mention = 0;
        let mut event = None;
        for pair in fragment.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let valid = !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric());
            match key {
                "entity" if valid => entity = Some(value.to_owned()),
                "mention" => mention = value.parse().unwrap_or(0),
                "event" if valid => event = Some(value.to_owned()),
                _ => {}
            }
        }
        match (entity, event) {
            (Some(id), _) => Selection::Entity { id, mention },
            (None, Some(id)) => Selection::Event { id },
            _ => Selection::None,
        }
    }
}

/// The sidebar's filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Only this group, or all.
    pub group: Option<KindGroup>,
    /// Only entities whose names contain this (case-insensitive), or all when empty.
    pub search: String,
}

impl Filters {
    /// Whether `entity` passes the filters.
    pub fn accepts(&self, entity: &Entity) -> bool {
        if self.group.is_some_and(|g| g != KindGroup::of(entity.kind)) {
            return false;
        }
        let needle = self.search.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let hay = |s: &str| s.to_lowercase().contains(&needle);
        hay(&entity.name)
            || entity.name_en.as_deref().is_some_and(hay)
            || entity.mentions.iter().any(|m| hay(&m.text))
    }
}

/// The article being written in the new-article view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// The text as pasted or loaded.
    pub text: String,
    /// The publication date `YYYY-MM-DD`, or empty.
    pub date: String,
}

/// Where the analysis of a new article is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Progress {
    /// Nothing running.
    #[default]
    Idle,
    /// Analysis request `n` is running.
    Running(u32),
    /// The last request failed; the message says why (shown to the reader).
    Failed(String),
}

/// A message for the reader about sharing, a link or a file (issue 13).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The i18n key of the message (`link.truncated`, `share.copied`, …).
    pub key: &'static str,
    /// The link made, when the message is about one (shown so it can be copied by hand).
    pub link: Option<String>,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The article text the analysis points into.
    pub text: Rc<str>,
    /// The analysis's reference date, `YYYY-MM-DD`, if known: the publication date given with
    /// the article, or the date the analysis read from its text (issue 14: it used to be called
    /// `published`, which it is not always).
    pub reference_date: Option<String>,
    /// The analysis of `text`.
    pub analysis: Rc<Analysis>,
    /// What is selected.
    pub selection: Selection,
    /// The sidebar filters.
    pub filters: Filters,
    /// The colour theme.
    pub theme: Theme,
    /// The interface language.
    pub lang: Lang,
    /// The page shown.
    pub view: View,
    /// The new-article draft.
    pub draft: Draft,
    /// The analysis of the draft.
    pub progress: Progress,
    /// The number of the last analysis request.
    pub request: u32,
    /// How far the running analysis has got, once the worker has said.
    pub steps: Option<crate::worker::Steps>,
    /// Whether the article shown is a reader's own (pasted, opened, or from a link) rather than
    /// the page's (issue 13: a link carries the first by its text, the second by its slug).
    pub pasted: bool,
    /// A message about sharing, a link or a file, until dismissed or replaced.
    pub notice: Option<Notice>,
}

/// Every change to [`AppState`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Select an entity at its first mention (or clear if it is already selected and `toggle`).
    SelectEntity(String),
    /// Select an entity at a given mention (a click on a name in the text).
    SelectMention {
        /// Entity id.
        id: String,
        /// Mention index.
        mention: usize,
    },
    /// Move to the next mention of the selected entity (wrapping).
    NextMention,
    /// Move to the previous mention of the selected entity (wrapping).
    PreviousMention,
    /// Select an event.
    SelectEvent(String),
    /// Replace the selection (from the URL fragment); unknown ids select nothing.
    RestoreSelection(Selection),
    /// Select nothing.
    ClearSelection,
    /// Show only one group, or all.
    SetGroupFilter(Option<KindGroup>),
    /// Set the search text.
    SetSearch(String),
    /// Set the theme.
    SetTheme(Theme),
    /// Set the interface language.
    SetLang(Lang),
    /// Show a page.
    ShowView(View),
    /// Replace the draft text.
    SetDraftText(String),
    /// Replace the draft date.
    SetDraftDate(String),
    /// The worker found this date in the draft's dateline: the draft date, if still empty.
    DatelineFound(String),
    /// An analysis of the draft has been sent off as request `n`.
    AnalysisStarted(u32),
    /// Request `request` has got this far.
    AnalysisProgress {
        /// The request number (stale reports are dropped).
        request: u32,
        /// Stages done of all.
        steps: crate::worker::Steps,
    },
    /// Request `request` finished: show its article.
    AnalysisFinished {
        /// The request number (stale results are dropped).
        request: u32,
        /// The analysed text.
        text: Rc<str>,
        /// The reference date the analysis used.
        reference_date: Option<String>,
        /// The analysis.
        analysis: Rc<Analysis>,
    },
    /// Request `request` failed; the current article stays.
    AnalysisFailed {
        /// The request number.
        request: u32,
        /// Why, for the reader.
        message: String,
    },
    /// Show a message about sharing, a link or a file.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
}

impl AppState {
    /// A state showing `text` with its `analysis`.
    pub fn new(text: Rc<str>, reference_date: Option<String>, analysis: Rc<Analysis>) -> AppState {
        AppState {
            text,
            reference_date,
            analysis,
            selection: Selection::None,
            filters: Filters::default(),
            theme: Theme::System,
            lang: Lang::Ar,
            view: View::Reader,
            draft: Draft::default(),
            progress: Progress::Idle,
            request: 0,
            steps: None,
            pasted: false,
            notice: None,
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.analysis.entities.iter().find(|e| e.id == id)
    }

    /// The selected entity, if an entity is selected.
    pub fn selected_entity(&self) -> Option<&Entity> {
        match &self.selection {
            Selection::Entity { id, .. } => self.entity(id),
            _ => None,
        }
    }

    /// The selected event, if an event is selected.
    pub fn selected_event(&self) -> Option<&khabar_nlp::analysis::Event> {
        match &self.selection {
            Selection::Event { id } => self.analysis.events.iter().find(|v| &v.id == id),
            _ => None,
        }
    }

    /// The selection made valid for the current analysis (unknown ids dropped, mention clamped).
    fn validated(&self, selection: Selection) -> Selection {
        match selection {
            Selection::Entity { id, mention } => match self.entity(&id) {
                Some(e) if !e.mentions.is_empty() => Selection::Entity {
                    mention: mention.min(e.mentions.len() - 1),
                    id,
                },
                _ => Selection::None,
            },
            Selection::Event { id } if self.analysis.events.iter().any(|v| v.id == id) => {
                Selection::Event { id }
            }
            _ => Selection::None,
        }
    }

    fn step_mention(&self, forward: bool) -> Selection {
        match (&self.selection, self.selected_entity()) {
            (Selection::Entity { id, mention }, Some(e)) if !e.mentions.is_empty() => {
                let n = e.mentions.len();
                let next = if forward {
                    (mention + 1) % n
                } else {
                    (mention + n - 1) % n
                };
                Selection::Entity {
                    id: id.clone(),
                    mention: next,
                }
            }
            _ => self.selection.clone(),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SelectEntity(id) => {
                next.selection = self.validated(Selection::Entity { id, mention: 0 })
            }
            Action::SelectMention { id, mention } => {
                next.selection = self.validated(Selection::Entity { id, mention })
            }
            Action::NextMention => next.selection = self.step_mention(true),
            Action::PreviousMention => next.selection = self.step_mention(false),
            Action::SelectEvent(id) => next.selection = self.validated(Selection::Event { id }),
            Action::RestoreSelection(s) => next.selection = self.validated(s),
            Action::ClearSelection => next.selection = Selection::None,
            Action::SetGroupFilter(g) => next.filters.group = g,
            Action::SetSearch(s) => next.filters.search = s,
            Action::SetTheme(t) => next.theme = t,
            Action::SetLang(l) => next.lang = l,
            Action::ShowView(v) => next.view = v,
            Action::SetDraftText(t) => next.draft.text = t,
            Action::SetDraftDate(d) => next.draft.date = d,
            Action::DatelineFound(d) => {
                if next.draft.date.is_empty() {
                    next.draft.date = d;
                }
            }
            Action::AnalysisStarted(n) => {
                next.request = n;
                next.progress = Progress::Running(n);
                next.steps = None;
            }
            Action::AnalysisProgress { request, steps } => {
                if request == self.request && self.progress == Progress::Running(request) {
                    next.steps = Some(steps);
                }
            }
            Action::AnalysisFinished {
                request,
                text,
                reference_date,
                analysis,
            } => {
                if request != self.request {
                    return self;
                }
                if next.draft.date.is_empty() && analysis.reference_source == ReferenceSource::Text
                {
                    next.draft.date = analysis.reference_date.clone().unwrap_or_default();
                }
                next.text = text;
                next.reference_date = reference_date;
                next.analysis = analysis;
                next.selection = Selection::None;
                next.progress = Progress::Idle;
                next.steps = None;
                next.view = View::Reader;
                next.pasted = true;
            }
            Action::AnalysisFailed { request, message } => {
                if request != self.request {
                    return self;
                }
                next.progress = Progress::Failed(message);
                next.steps = None;
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

/// Whether `text` looks like HTML markup rather than an article (a document or block tag near
/// its beginning).
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start();
    let head: String = start
        .chars()
        .take(400)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype")
        || head.starts_with("<html")
        || ["<p>", "<p ", "<div", "<article", "<h1", "<body"]
            .iter()
            .any(|tag| head.contains(tag))
}

/// The article text of a draft or file: HTML is reduced to text (never rendered), anything else
/// is kept as it is.
pub fn article_text(text: &str) -> String {
    if looks_like_html(text) {
        khabar_nlp::html_to_text(text)
    } else {
        text.to_owned()
    }
}

/// The store as shared through the context provider.
pub type AppContext = UseReducerHandle<AppState>;
