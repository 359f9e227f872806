//! A message about sharing, a link or a file (issue 13): a bad link, a link too long to share,
//! a link copied; with the link itself to copy by hand, and the bundle offered in place of a
//! link that is too long. A function rather than a component (see `share_panel`).

use crate::i18n::t;
use crate::share::ExportFormat;
use crate::state::{Lang, Notice};
use yew::prelude::*;

/// Props of [`NoticeBar`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct NoticeBarProps {
    /// The message.
    pub notice: Notice,
    /// Interface language.
    pub lang: Lang,
    /// Download a file (the bundle, when the link is too long).
    #[prop_or_default]
    pub on_download: Callback<ExportFormat>,
    /// Hide the message.
    #[prop_or_default]
    pub on_dismiss: Callback<()>,
}

/// The message bar.
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let lang = props.lang;
    let key = props.notice.key;
    let error = !key.starts_with("share.") || key == "share.too_long" || key == "share.failed";
    let link = props.notice.link.as_ref().map(|link| {
        html! {
            <input class="notice__link" type="text" readonly=true dir="ltr" value={link.clone()}
                aria-label={t(lang, "share.link")} />
        }
    });
    let offer = (key == "share.too_long").then(|| {
        let on_download = props.on_download.clone();
        html! {
            <button type="button" class="notice__action" data-format="bundle"
                onclick={move |_| on_download.emit(ExportFormat::Bundle)}>{t(lang, "files.bundle")}</button>
        }
    });
    html! {
        <div class={classes!("notice", error.then_some("notice--error"))}
            role={if error { "alert" } else { "status" }} data-notice={key}>
            <p class="notice__text">{t(lang, key)}</p>
            { link.unwrap_or_default() }
            { offer.unwrap_or_default() }
            <button type="button" class="notice__dismiss" aria-label={t(lang, "notice.dismiss")}
                onclick={props.on_dismiss.reform(|_: MouseEvent| ())}>{"×"}</button>
        </div>
    }
}
