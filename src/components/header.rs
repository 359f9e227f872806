//! The masthead: title, view switch, language and theme toggles.

use crate::i18n::t;
use crate::state::{Lang, Theme, View};
use yew::prelude::*;

/// Props of [`Header`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct HeaderProps {
    /// Interface language.
    pub lang: Lang,
    /// Current theme.
    pub theme: Theme,
    /// Current view.
    pub view: View,
    /// The reader asked for another language.
    pub on_toggle_lang: Callback<()>,
    /// The reader asked for the other theme.
    pub on_toggle_theme: Callback<()>,
    /// The reader asked for a view.
    pub on_show_view: Callback<View>,
    /// The skip link was used: move focus to the article.
    #[prop_or_default]
    pub on_skip: Callback<()>,
}

/// The masthead.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let tab = |view: View, key: &'static str| {
        let on_show_view = props.on_show_view.clone();
        let current = props.view == view;
        html! {
            <button type="button" class={classes!("masthead__tab", current.then_some("is-current"))}
                data-view={view.as_str()} aria-pressed={current.to_string()}
                onclick={move |_| on_show_view.emit(view)}>{t(lang, key)}</button>
        }
    };
    let on_lang = props.on_toggle_lang.reform(|_: MouseEvent| ());
    let on_theme = props.on_toggle_theme.reform(|_: MouseEvent| ());
    let dark = props.theme == Theme::Dark;
    let theme_label = t(
        lang,
        if dark {
            "nav.theme.light"
        } else {
            "nav.theme.dark"
        },
    );
    let other_lang = lang.toggled().tag();
    html! {
        <header class="masthead">
            <button type="button" class="skip-link" onclick={props.on_skip.reform(|_: MouseEvent| ())}>
                {t(lang, "nav.skip")}</button>
            <div class="masthead__brand">
                <p class="masthead__title">{t(lang, "app.title")}</p>
                <p class="masthead__tagline">{t(lang, "app.tagline")}</p>
            </div>
            <nav class="masthead__nav" aria-label={t(lang, "nav.main")}>
                {tab(View::Reader, "nav.reader")}
                {tab(View::NewArticle, "nav.new")}
                <button type="button" class="masthead__toggle masthead__toggle--lang"
                    lang={other_lang} title={t(lang, "nav.lang.label")}
                    onclick={on_lang}>{t(lang, "nav.lang")}</button>
                <button type="button" class="masthead__toggle masthead__toggle--theme"
                    data-theme-toggle="" aria-pressed={dark.to_string()}
                    onclick={on_theme}>{theme_label}</button>
            </nav>
        </header>
    }
}
