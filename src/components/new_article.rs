//! The new-article view: paste text or open/drop a .txt/.html file (or a .khabar.json bundle),
//! set the date, analyse.

use crate::hooks::use_file_loader::use_file_loader;
use crate::i18n::t;
use crate::state::{Draft, Lang, Progress};
use crate::worker::Steps;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`NewArticle`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct NewArticleProps {
    /// The draft.
    pub draft: Draft,
    /// Where the analysis is.
    #[prop_or_default]
    pub progress: Progress,
    /// How far the running analysis has got, once the worker has said.
    #[prop_or_default]
    pub steps: Option<Steps>,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// The text changed (typed, pasted, or read from a file).
    #[prop_or_default]
    pub on_text: Callback<String>,
    /// The date changed.
    #[prop_or_default]
    pub on_date: Callback<String>,
    /// Analyse the draft.
    #[prop_or_default]
    pub on_analyze: Callback<()>,
    /// Stop the running analysis.
    #[prop_or_default]
    pub on_cancel: Callback<()>,
    /// A file could not be read (an i18n key).
    #[prop_or_default]
    pub on_error: Callback<&'static str>,
    /// A `.khabar.json` bundle was opened: its contents (issue 13).
    #[prop_or_default]
    pub on_bundle: Callback<String>,
}

/// The form.
#[component]
pub fn NewArticle(props: &NewArticleProps) -> Html {
    let lang = props.lang;
    let load_file = use_file_loader(
        props.on_text.clone(),
        props.on_error.clone(),
        props.on_bundle.clone(),
    );
    let on_date = props.on_date.reform(|e: Event| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default()
    });
    let on_file = {
        let load_file = load_file.clone();
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                load_file.emit(file);
            }
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            load_file.emit(file);
        }
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_submit = props
        .on_analyze
        .reform(|e: SubmitEvent| e.prevent_default());
    let running = matches!(props.progress, Progress::Running(_));
    html! {
        <section class="new-article" id="article" tabindex="-1" aria-labelledby="new-title" ondrop={on_drop} ondragover={on_drag_over}>
            <h1 class="new-article__title" id="new-title">{t(lang, "new.title")}</h1>
            <p class="new-article__intro">{t(lang, "new.intro")}</p>
            <form class="new-article__form" onsubmit={on_submit}>
                <label class="new-article__label" for="new-text">{t(lang, "new.text")}</label>
                <DraftText text={props.draft.text.clone()} {lang} on_text={props.on_text.clone()} />
                <div class="new-article__row">
                    <div class="new-article__field">
                        <label class="new-article__label" for="new-date">{t(lang, "new.date")}</label>
                        <input class="new-article__date" id="new-date" type="date" value={props.draft.date.clone()}
                            onchange={on_date} aria-describedby="new-date-hint" />
                        <p class="new-article__hint" id="new-date-hint">{t(lang, "new.date.hint")}</p>
                    </div>
                    <div class="new-article__field">
                        <label class="new-article__label" for="new-file">{t(lang, "new.file")}</label>
                        <input class="new-article__file" id="new-file" type="file" accept=".txt,.html,.htm,.json,text/plain,text/html,application/json"
                            onchange={on_file} />
                        <p class="new-article__hint">{t(lang, "new.drop")}</p>
                    </div>
                </div>
                <button type="submit" class="new-article__submit" disabled={running}>{t(lang, "new.analyze")}</button>
            </form>
            {progress_view(props, lang)}
        </section>
    }
}

/// Props of [`DraftText`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct DraftTextProps {
    text: String,
    lang: Lang,
    on_text: Callback<String>,
}

/// The draft's text area and its length. Its own component so that it renders only when the
/// text changes (issue 15): each render of a text area reads its whole value back from the DOM,
/// which for a 5 MB draft blocked the page for a third of a second at every progress report.
#[component]
fn DraftText(props: &DraftTextProps) -> Html {
    let on_input = props.on_text.reform(|e: InputEvent| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|a| a.value())
            .unwrap_or_default()
    });
    let chars = props.text.chars().count();
    html! {
        <>
            <textarea class="new-article__text" id="new-text" lang="ar" dir="rtl" rows="14"
                value={props.text.clone()} oninput={on_input} aria-describedby="new-chars" />
            <p class="new-article__chars" id="new-chars"><bdi>{chars}</bdi>{" "}{t(props.lang, "new.chars")}</p>
        </>
    }
}

fn progress_view(props: &NewArticleProps, lang: Lang) -> Html {
    match &props.progress {
        Progress::Idle => {
            html! { <div class="new-article__status" role="status" aria-live="polite"></div> }
        }
        Progress::Running(_) => {
            let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
            // Indeterminate until the worker's first report.
            let bar = match props.steps {
                Some(Steps { done, total }) if total > 0 => html! {
                    <progress class="new-article__progress" max={total.to_string()} value={done.to_string()}
                        aria-label={t(lang, "new.running")}></progress>
                },
                _ => {
                    html! { <progress class="new-article__progress" aria-label={t(lang, "new.running")}></progress> }
                }
            };
            let count = props.steps.filter(|s| s.total > 0).map(|s| html! {
                <span class="new-article__steps" data-done={s.done.to_string()} data-total={s.total.to_string()}>
                    {" "}{t(lang, "new.steps")}{" "}<bdi>{s.done}</bdi>{" "}{t(lang, "new.of")}{" "}<bdi>{s.total}</bdi>
                </span>
            });
            html! {
                <div class="new-article__status" role="status" aria-live="polite">
                    {bar}
                    <span>{t(lang, "new.running")}</span>
                    { count.unwrap_or_default() }
                    <button type="button" class="new-article__cancel" data-action="cancel-analysis"
                        onclick={on_cancel}>{t(lang, "new.cancel")}</button>
                </div>
            }
        }
        Progress::Failed(key) => html! {
            <div class="new-article__status" role="status" aria-live="polite">
                <p class="new-article__error" role="alert">{error_text(key, lang)}</p>
            </div>
        },
    }
}

fn error_text(key: &str, lang: Lang) -> &'static str {
    match key {
        "error.empty" => t(lang, "error.empty"),
        "error.date" => t(lang, "error.date"),
        "error.file" => t(lang, "error.file"),
        "error.cancelled" => t(lang, "error.cancelled"),
        "error.worker_restarted" => t(lang, "error.worker_restarted"),
        _ => t(lang, "error.worker"),
    }
}
