//! The khabar web app: Yew components that show an [`khabar_nlp::Analysis`] of an Arabic article.
//!
//! The app only reads `Analysis` (and the article text it points into); it never reaches back
//! into the analysis stages.

pub mod article;
pub mod components;

use yew::prelude::*;

/// The bundled article, shown when the explorer opens.
pub const BUNDLED_TEXT: &str = include_str!("../articles/biden-putin-summit.txt");
/// The bundled article's publication date (from its metadata file).
pub const BUNDLED_PUBLISHED: &str = "2021-04-16";

/// Props of [`App`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// The article text.
    pub text: AttrValue,
    /// The publication date `YYYY-MM-DD`, if known.
    #[prop_or_default]
    pub published: Option<AttrValue>,
}

/// The whole explorer.
#[component]
pub fn App(props: &AppProps) -> Html {
    let date = props.published.as_ref().and_then(|d| d.parse().ok());
    let analysis = khabar_nlp::analyze(
        &props.text,
        &khabar_nlp::Config {
            reference_date: date,
        },
    );
    html! {
        <main class="layout">
            <components::article_view::ArticleView text={props.text.clone()} analysis={std::rc::Rc::new(analysis)} />
            <aside class="sidebar" aria-labelledby="sidebar-title">
                <h2 class="sidebar__title" id="sidebar-title">{"الكيانات"}</h2>
                <p class="empty">{"ستظهر هنا الأسماء الواردة في المقال: أشخاص ودول ومنظمات وأماكن."}</p>
            </aside>
            <section class="timeline" aria-labelledby="timeline-title">
                <h2 class="timeline__title" id="timeline-title">{"الخط الزمني"}</h2>
                <p class="empty">{"ستظهر هنا الأحداث مرتبة زمنيا، بتواريخ محسوبة من تاريخ النشر."}</p>
            </section>
        </main>
    }
}
