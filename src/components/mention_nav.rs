//! Next/previous mention controls for the selected entity, with the position announced.

use crate::components::entity_name;
use crate::i18n::t;
use crate::state::Lang;
use khabar_nlp::analysis::Entity;
use yew::prelude::*;

/// Props of [`MentionNav`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct MentionNavProps {
    /// The selected entity.
    pub entity: Entity,
    /// Index of the current mention.
    pub mention: usize,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// Go to the previous mention.
    #[prop_or_default]
    pub on_previous: Callback<()>,
    /// Go to the next mention.
    #[prop_or_default]
    pub on_next: Callback<()>,
    /// Clear the selection.
    #[prop_or_default]
    pub on_clear: Callback<()>,
}

/// The controls and the live status line («الذكر 2 من 5»).
#[component]
pub fn MentionNav(props: &MentionNavProps) -> Html {
    let lang = props.lang;
    let total = props.entity.mentions.len();
    let status = format!(
        "{} {} {} {}",
        t(lang, "nav.mention.status"),
        props.mention + 1,
        t(lang, "nav.mention.of"),
        total
    );
    html! {
        <div class="mention-nav" data-entity-id={props.entity.id.clone()}>
            <p class="mention-nav__status" role="status" aria-live="polite"
                data-current={(props.mention + 1).to_string()} data-total={total.to_string()}>
                {entity_name(&props.entity, lang)}{" — "}{status}
            </p>
            <div class="mention-nav__buttons">
                <button type="button" class="mention-nav__button" data-action="previous-mention"
                    onclick={props.on_previous.reform(|_: MouseEvent| ())}>{t(lang, "nav.mention.prev")}</button>
                <button type="button" class="mention-nav__button" data-action="next-mention"
                    onclick={props.on_next.reform(|_: MouseEvent| ())}>{t(lang, "nav.mention.next")}</button>
                <button type="button" class="mention-nav__button mention-nav__button--clear" data-action="clear"
                    onclick={props.on_clear.reform(|_: MouseEvent| ())}>{t(lang, "nav.clear")}</button>
            </div>
        </div>
    }
}
