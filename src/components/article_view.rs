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
    /// Render a long article a few blocks per animation frame (an article the worker has just
    /// analysed), so that no main-thread task grows with its length; otherwise all at once (the
    /// prerendered article, whose HTML is hydrated as it is).
    #[prop_or_default]
    pub incremental: bool,
}

/// How many marks (sentences, times, mentions) one animation frame renders at most.
pub const MARKS_PER_FRAME: usize = 400;

/// How many of the blocks `[from..]` to render next: whole blocks up to [`MARKS_PER_FRAME`]
/// marks, at least one.
pub fn next_chunk(analysis: &Analysis, marks: &[(usize, usize, Mark)], from: usize) -> usize {
    let mut budget = 0;
    let mut count = 0;
    for b in analysis.structure.iter().skip(from) {
        let lo = marks.partition_point(|m| m.0 < b.start);
        let hi = marks.partition_point(|m| m.0 < b.end);
        budget += hi - lo + 1;
        if count > 0 && budget > MARKS_PER_FRAME {
            break;
        }
        count += 1;
    }
    count
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

/// What the selection lights up inside one block: the block re-renders only when this (or the
/// language) changes, so a click in a long article touches the blocks it changes, not all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockLit {
    /// `(entity, mention, LIT_*)` of each lit mention in the block.
    mentions: Vec<(usize, usize, u8)>,
    /// Evidence ranges that reach into the block.
    evidence: Vec<(usize, usize)>,
}

/// A mention of the selected entity.
const LIT_SELECTED: u8 = 1;
/// The current mention of the selected entity.
const LIT_CURRENT: u8 = 2;
/// A mention of a participant in the selected event.
const LIT_PARTICIPANT: u8 = 4;

impl BlockLit {
    /// What `lit` lights up among the marks `[start, end)` of `marks`.
    fn new(lit: &Lit, marks: &[(usize, usize, Mark)], start: usize, end: usize) -> BlockLit {
        let mut block = BlockLit::default();
        if lit.entity.is_some() || !lit.participants.is_empty() {
            let lo = marks.partition_point(|m| m.0 < start);
            let hi = marks.partition_point(|m| m.0 < end);
            for &(_, _, mark) in &marks[lo..hi] {
                if let Mark::Mention { entity, mention } = mark {
                    let selected = lit.entity == Some(entity);
                    let mut bits = 0;
                    if selected {
                        bits |= LIT_SELECTED;
                    }
                    if selected && lit.current == Some(mention) {
                        bits |= LIT_CURRENT;
                    }
                    if lit.participants.contains(&entity) {
                        bits |= LIT_PARTICIPANT;
                    }
                    if bits != 0 {
                        block.mentions.push((entity, mention, bits));
                    }
                }
            }
        }
        block.evidence = lit
            .evidence
            .iter()
            .copied()
            .filter(|&(s, e)| s < end && e > start)
            .collect();
        block
    }

    fn bits(&self, entity: usize, mention: usize) -> u8 {
        self.mentions
            .iter()
            .find(|m| m.0 == entity && m.1 == mention)
            .map_or(0, |m| m.2)
    }
}

/// What every block of one article shares (made once per text and analysis).
#[derive(Debug)]
struct Shared {
    text: Rc<str>,
    offsets: CharIndex,
    analysis: Rc<Analysis>,
    marks: Vec<(usize, usize, Mark)>,
    /// The first block of each frame's chunk ([`chunk_starts`]).
    chunks: Vec<usize>,
}

struct Ctx<'a> {
    text: &'a str,
    offsets: &'a CharIndex,
    analysis: &'a Analysis,
    lit: &'a BlockLit,
    lang: Lang,
}

/// Props of [`Block`].
#[derive(Debug, Clone, Properties)]
struct BlockProps {
    shared: Rc<Shared>,
    /// Index of the block in `analysis.structure`.
    index: usize,
    lit: BlockLit,
    lang: Lang,
}

impl PartialEq for BlockProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
            && self.index == other.index
            && self.lit == other.lit
            && self.lang == other.lang
    }
}

/// One block of the article (kicker, headline, subheading, dateline or paragraph).
#[component]
fn Block(props: &BlockProps) -> Html {
    let shared = &props.shared;
    let Some(b) = shared.analysis.structure.get(props.index) else {
        return Html::default();
    };
    let ctx = Ctx {
        text: &shared.text,
        offsets: &shared.offsets,
        analysis: &shared.analysis,
        lit: &props.lit,
        lang: props.lang,
    };
    let tree = mark_tree(&shared.marks, b.start, b.end);
    let content = render_pieces(&ctx, &tree);
    match b.kind {
        BlockKind::Kicker => html! { <p class="article__kicker">{content}</p> },
        BlockKind::Headline => html! { <h1 class="article__headline">{content}</h1> },
        BlockKind::Subheading => html! { <h2 class="article__subheading">{content}</h2> },
        BlockKind::Dateline => html! { <p class="article__dateline">{content}</p> },
        BlockKind::Paragraph => html! { <p class="article__paragraph">{content}</p> },
    }
}

/// The first block of each frame's chunk: whole blocks of at most [`MARKS_PER_FRAME`] marks.
fn chunk_starts(analysis: &Analysis, marks: &[(usize, usize, Mark)]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    while at < analysis.structure.len() {
        starts.push(at);
        at += next_chunk(analysis, marks, at);
    }
    starts
}

/// Props of [`Chunk`].
#[derive(Clone, Properties)]
struct ChunkProps {
    shared: Rc<Shared>,
    /// Index of the chunk in `shared.chunks`.
    chunk: usize,
    lit: Rc<Lit>,
    lang: Lang,
}

impl PartialEq for ChunkProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
            && self.chunk == other.chunk
            && Rc::ptr_eq(&self.lit, &other.lit)
            && self.lang == other.lang
    }
}

/// The blocks one animation frame added, in a `div.article__chunk`. A frame that adds a chunk
/// compares the earlier chunks' props and stops there, so its cost does not grow with the
/// blocks already shown (issue 15); a new selection reaches each block through its chunk and
/// re-renders only the blocks it lights differently. The browser skips the layout and paint
/// of chunks off screen (`content-visibility: auto` in `style.css`), and a chunk rather than
/// a block is what it tracks, so that bookkeeping stays small too.
#[component]
fn Chunk(props: &ChunkProps) -> Html {
    let shared = &props.shared;
    let from = shared.chunks.get(props.chunk).copied().unwrap_or(0);
    let to = shared
        .chunks
        .get(props.chunk + 1)
        .copied()
        .unwrap_or(shared.analysis.structure.len());
    let blocks = shared
        .analysis
        .structure
        .iter()
        .enumerate()
        .take(to)
        .skip(from)
        .map(|(index, b)| {
            let lit = BlockLit::new(&props.lit, &shared.marks, b.start, b.end);
            html! { <Block key={index} shared={shared.clone()} {index} {lit} lang={props.lang} /> }
        });
    html! { <div class="article__chunk">{ for blocks }</div> }
}

/// The article.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let shared = use_memo(
        (props.text.clone(), props.analysis.clone()),
        |(text, analysis)| {
            let marks = marks(analysis);
            Shared {
                text: text.clone(),
                offsets: CharIndex::new(text),
                analysis: analysis.clone(),
                chunks: chunk_starts(analysis, &marks),
                marks,
            }
        },
    );
    let total = shared.chunks.len();
    let first = |incremental: bool| if incremental { total.min(1) } else { total };
    // Chunks rendered so far, for the analysis they were counted for.
    let shown = {
        let (analysis, incremental) = (props.analysis.clone(), props.incremental);
        use_state(move || (analysis, first(incremental)))
    };
    let shown_count = if Rc::ptr_eq(&shown.0, &props.analysis) {
        shown.1
    } else {
        first(props.incremental)
    };
    {
        let (shown, analysis) = (shown.clone(), props.analysis.clone());
        use_effect_with((props.analysis.clone(), shown_count), move |_| {
            let frame = (shown_count < total).then(|| {
                gloo::render::request_animation_frame(move |_| {
                    shown.set((analysis, shown_count + 1));
                })
            });
            move || drop(frame)
        });
    }
    // One `Lit` per analysis and selection: a frame that adds a chunk leaves it as it was.
    let lit = use_memo(
        (props.analysis.clone(), props.selection.clone()),
        |(analysis, selection)| Lit::new(analysis, selection),
    );
    let on_click = {
        let on_select = props.on_select_mention.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(hit) = clicked_mention(&event) {
                on_select.emit(hit);
            }
        })
    };
    // One component per frame's chunk and one per block, all keyed: Yew pairs unkeyed children
    // from the end, so each frame's appended blocks would shift every earlier one onto
    // another's node and re-render all of them (issue 15); and a new selection re-renders only
    // the blocks whose lit state it changes (issue 12).
    let chunks = (0..shown_count).map(|chunk| {
        html! { <Chunk key={chunk} shared={shared.clone()} {chunk} lit={lit.clone()} lang={props.lang} /> }
    });
    html! {
        <article class="article" id="article" lang="ar" dir="rtl" tabindex="-1"
            aria-label={t(props.lang, "article.label")} aria-busy={(shown_count < total).then_some("true")}
            onclick={on_click}>
            { for chunks }
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
    let bits = ctx.lit.bits(entity, mention);
    let selected = bits & LIT_SELECTED != 0;
    let current = bits & LIT_CURRENT != 0;
    let participant = bits & LIT_PARTICIPANT != 0;
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
