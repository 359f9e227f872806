//! The article laid out as a newspaper page: kicker, headline, subheadings, paragraphs.

use crate::article::char_slice;
use khabar_nlp::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ArticleViewProps {
    /// The article text the analysis points into.
    pub text: AttrValue,
    /// The analysis.
    pub analysis: Rc<Analysis>,
}

/// The article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let blocks = props.analysis.structure.iter().map(|b| {
        let text = char_slice(&props.text, b.start, b.end).to_owned();
        match b.kind.as_str() {
            "kicker" => html! { <p class="article__kicker">{text}</p> },
            "headline" => html! { <h1 class="article__headline">{text}</h1> },
            "subheading" => html! { <h2 class="article__subheading">{text}</h2> },
            _ => html! { <p class="article__paragraph">{text}</p> },
        }
    });
    html! { <article class="article" lang="ar" dir="rtl">{ for blocks }</article> }
}
