//! The notice under the new-article form when the draft is not where the reader thinks (issue
//! 15): localStorage is full (the draft is kept in the page and offered as a download), or
//! another tab saved a different draft (take it, or keep this one).

use crate::i18n::t;
use crate::state::{Draft, DraftNotice, Lang};
use yew::prelude::*;

/// Props of [`DraftNoticeView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DraftNoticeViewProps {
    /// What to tell.
    pub notice: DraftNotice,
    /// This page's draft (the download's content).
    pub draft: Draft,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Take this draft (the other tab's) instead of the page's.
    #[prop_or_default]
    pub on_take: Callback<Draft>,
    /// Close the notice (keeping the page's draft).
    #[prop_or_default]
    pub on_dismiss: Callback<()>,
}

/// The notice.
#[component]
pub fn DraftNoticeView(props: &DraftNoticeViewProps) -> Html {
    let lang = props.lang;
    let link_ref = use_node_ref();
    match &props.notice {
        DraftNotice::StorageFull => {
            let text = props.draft.text.clone();
            let link = link_ref.clone();
            // The link's address is made when it is clicked (a data: URL of the draft), not at
            // every keystroke.
            let on_download = Callback::from(move |_: MouseEvent| {
                if let Some(link) = link.cast::<web_sys::Element>() {
                    let encoded = js_sys::encode_uri_component(&text);
                    let href = format!("data:text/plain;charset=utf-8,{encoded}");
                    let _ = link.set_attribute("href", &href);
                }
            });
            html! {
                <div class="draft-notice" role="alert" data-notice="storage-full">
                    <p class="draft-notice__text">{t(lang, "draft.full")}</p>
                    <a class="draft-notice__download" download="khabar-draft.txt" href="#"
                        ref={link_ref} onclick={on_download}>{t(lang, "draft.download")}</a>
                </div>
            }
        }
        DraftNotice::OtherTab(theirs) => {
            let theirs = theirs.clone();
            let on_take = props.on_take.reform(move |_: MouseEvent| theirs.clone());
            let on_keep = props.on_dismiss.reform(|_: MouseEvent| ());
            html! {
                <div class="draft-notice" role="alert" data-notice="other-tab">
                    <p class="draft-notice__text">{t(lang, "draft.other_tab")}</p>
                    <button type="button" class="draft-notice__take" onclick={on_take}>{t(lang, "draft.take")}</button>
                    <button type="button" class="draft-notice__keep" onclick={on_keep}>{t(lang, "draft.keep")}</button>
                </div>
            }
        }
    }
}
