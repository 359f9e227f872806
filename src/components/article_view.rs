//! The article laid out as a newspaper page, with every mention and time expression marked.
//!
//! Highlights are inline elements without padding, margin or border and without any change of
//! font, so a name inside a clitic-attached word («وبوتين») keeps its Arabic letter joining
//! (checked in a browser by `tests/wasm_joining.rs`).

use crate::article::{Mark, MarkNode, Piece, mark_tree, marks};
use crate::i18n::t;
use crate::state::{KindGroup, Lang, Selection};
use crate::timex;
use khabar_nlp::analysis::BlockKind;
use khabar_nlp::{Analysis, CharIndex};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ArticleView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ArticleViewProps {
    /// The article text the analysis points into.
    pub text: Rc<str>,
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// The selection.
    #[prop_or_default]
    pub selection: Selection,
    /// Interface language (tooltips).
    #[prop_or_default]
    pub lang: Lang,
    /// A highlighted name was clicked: `(entity id, mention index)`.
    #[prop_or_default]
    pub on_select_mention: Callback<(String, usize)>,
}

/// What the selection lights up in the text.
#[derive(Debug, Default)]
struct Lit {
    entity: Option<usize>,
    current: Option<usize>,
    participants: HashSet<usize>,
    evidence: Vec<(usize, usize)>,
}

impl Lit {
    fn new(analysis: &Analysis, selection: &Selection) -> Lit {
        let index = |id: &str| analysis.entities.iter().position(|e| e.id == id);
        match selection {
            Selection::None => Lit::default(),
            Selection::Entity { id, mention } => Lit {
                entity: index(id),
                current: Some(*mention),
                ..Lit::default()
            },
            Selection::Event { id } => {
                let Some(event) = analysis.events.iter().find(|v| &v.id == id) else {
                    return Lit::default();
                };
                let ranges = if event.evidence.is_empty() {
                    vec![event.sentence]
                } else {
                    event.evidence.clone()
                };
                Lit {
                    participants: event.participants.iter().filter_map(|p| index(p)).collect(),
                    evidence: ranges.iter().map(|r| (r.start, r.end)).collect(),
                    ..Lit::default()
                }
            }
        }
    }
}

struct Ctx<'a> {
    text: &'a str,
    offsets: &'a CharIndex,
    analysis: &'a Analysis,
    lit: &'a Lit,
    lang: Lang,
}

/// The article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let offsets = use_memo(props.text.clone(), |text| CharIndex::new(text));
    let all_marks = use_memo(props.analysis.clone(), |analysis| marks(analysis));
    let lit = Lit::new(&props.analysis, &props.selection);
    let ctx = Ctx {
        text: &props.text,
        offsets: &offsets,
        analysis: &props.analysis,
        lit: &lit,
        lang: props.lang,
    };
    let on_click = {
        let on_select = props.on_select_mention.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(hit) = clicked_mention(&event) {
                on_select.emit(hit);
            }
        })
    };
    let blocks = props.analysis.structure.iter().map(|b| {
        let tree = mark_tree(&all_marks, b.start, b.end);
        let content = render_pieces(&ctx, &tree);
        match b.kind {
            BlockKind::Kicker => html! { <p class="article__kicker">{content}</p> },
            BlockKind::Headline => html! { <h1 class="article__headline">{content}</h1> },
            BlockKind::Subheading => html! { <h2 class="article__subheading">{content}</h2> },
            BlockKind::Dateline => html! { <p class="article__dateline">{content}</p> },
            BlockKind::Paragraph => html! { <p class="article__paragraph">{content}</p> },
        }
    });
    html! {
        <article class="article" id="article" lang="ar" dir="rtl" tabindex="-1"
            aria-label={t(props.lang, "article.label")} onclick={on_click}>
            { for blocks }
        </article>
    }
}

fn clicked_mention(event: &MouseEvent) -> Option<(String, usize)> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let mention = target
        .closest("[data-entity-id][data-mention-index]")
        .ok()??;
    let id = mention.get_attribute("data-entity-id")?;
    let index = mention.get_attribute("data-mention-index")?.parse().ok()?;
    Some((id, index))
}

fn render_pieces(ctx: &Ctx<'_>, node: &MarkNode) -> Html {
    node.pieces()
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(s, e) => Html::from(ctx.offsets.slice(ctx.text, s, e).to_owned()),
            Piece::Node(child) => render_node(ctx, child),
        })
        .collect()
}

fn render_node(ctx: &Ctx<'_>, node: &MarkNode) -> Html {
    let inner = render_pieces(ctx, node);
    match node.mark {
        None => inner,
        Some(Mark::Sentence(i)) => {
            let evidence = ctx
                .lit
                .evidence
                .iter()
                .any(|&(s, e)| s < node.end && e > node.start);
            html! {
                <span class={classes!("sentence", evidence.then_some("is-evidence"))}
                    data-sentence-index={i.to_string()}>{inner}</span>
            }
        }
        Some(Mark::Time(i)) => {
            let time = &ctx.analysis.times[i];
            let value = time.value.clone().unwrap_or_default();
            let label = if value.is_empty() {
                time.kind.as_str().to_owned()
            } else {
                timex::label(&value, ctx.lang)
            };
            html! {
                <time class="time" datetime={value.clone()} data-time-id={time.id.clone()}
                    data-value={value} data-label={label.clone()} title={label}
                    tabindex="0">{inner}</time>
            }
        }
        Some(Mark::Mention { entity, mention }) => {
            render_mention(ctx, node, entity, mention, inner)
        }
    }
}

fn render_mention(
    ctx: &Ctx<'_>,
    node: &MarkNode,
    entity: usize,
    mention: usize,
    inner: Html,
) -> Html {
    let e = &ctx.analysis.entities[entity];
    let m = &e.mentions[mention];
    let group = KindGroup::of(e.kind).as_str();
    let selected = ctx.lit.entity == Some(entity);
    let current = selected && ctx.lit.current == Some(mention);
    let participant = ctx.lit.participants.contains(&entity);
    let class = classes!(
        "mention",
        format!("mention--{group}"),
        selected.then_some("is-selected"),
        current.then_some("is-current"),
        participant.then_some("is-participant"),
    );
    html! {
        <span {class} data-entity-id={e.id.clone()} data-mention-index={mention.to_string()}
            data-mention-start={m.start.to_string()} data-mention-end={m.end.to_string()}
            data-piece-start={node.start.to_string()} data-form={m.form.as_str()}
            data-kind={e.kind.as_str()}>{inner}</span>
    }
}
