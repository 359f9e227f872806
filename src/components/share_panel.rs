//! The share panel of the reader (issue 13): share the view as a link, download it as a file
//! (bundle, JSON, TimeML, brat, CSV, iCalendar), open a `.khabar.json` file.
//!
//! A function rather than a component: it holds no state, and each component costs the page's
//! wasm its own lifecycle code (the first-view budget).

use crate::i18n::t;
use crate::share::ExportFormat;
use crate::state::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`SharePanel`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct SharePanelProps {
    /// Interface language.
    pub lang: Lang,
    /// Share the view.
    #[prop_or_default]
    pub on_share: Callback<()>,
    /// Download a file of the view.
    #[prop_or_default]
    pub on_download: Callback<ExportFormat>,
    /// A file to open was chosen (read by `use_file_loader`).
    #[prop_or_default]
    pub on_file: Callback<web_sys::File>,
}

/// The panel.
pub fn share_panel(props: &SharePanelProps) -> Html {
    let lang = props.lang;
    let load_file = props.on_file.clone();
    let on_file = Callback::from(move |e: Event| {
        let input = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            load_file.emit(file);
        }
        if let Some(input) = input {
            // The same file may be opened again.
            input.set_value("");
        }
    });
    let downloads = ExportFormat::ALL.into_iter().map(|format| {
        let on_download = props.on_download.clone();
        html! {
            <li>
                <button type="button" class="share__download" data-format={format.name()}
                    onclick={move |_| on_download.emit(format)}>{t(lang, format.label_key())}</button>
            </li>
        }
    });
    html! {
        <section class="share" aria-label={t(lang, "share.title")}>
            <button type="button" class="share__button" data-action="share"
                onclick={props.on_share.reform(|_: MouseEvent| ())}>{t(lang, "share.button")}</button>
            <details class="share__files">
                <summary class="share__summary">{t(lang, "files.title")}</summary>
                <ul class="share__list">{for downloads}</ul>
                <label class="share__open-label" for="share-open">{t(lang, "files.open")}</label>
                <input class="share__open" id="share-open" type="file"
                    accept=".json,application/json" onchange={on_file} />
            </details>
        </section>
    }
}
