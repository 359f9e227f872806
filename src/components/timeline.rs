//! The timeline: events on a time axis running right to left (earliest on the right, the
//! inline start of an RTL page) on wide screens, top to bottom on phones (see `style.css`).

use crate::civil::{self, day_number};
use crate::i18n::t;
use crate::state::{Lang, Selection};
use crate::timex::{self, Granularity};
use jiff::civil::Date;
use khabar_nlp::Analysis;
use khabar_nlp::analysis::{Entity, Event, EventStatus, Time};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct TimelineProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// The selection (a selected entity dims the events it is not part of).
    #[prop_or_default]
    pub selection: Selection,
    /// Interface language.
    #[prop_or_default]
    pub lang: Lang,
    /// An event was chosen.
    #[prop_or_default]
    pub on_select_event: Callback<String>,
    /// The reader set the publication date (`YYYY-MM-DD`, or empty for none): analyse the
    /// article again with it (issue 11).
    #[prop_or_default]
    pub on_set_date: Callback<String>,
    /// An analysis is running (the date control waits for it).
    #[prop_or_default]
    pub busy: bool,
}

/// Where an event sits on the axis, in percent of the axis length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisPlace {
    /// Offset of the start from the axis start.
    pub start: f64,
    /// Length (at least a dot).
    pub size: f64,
}

impl AxisPlace {
    /// The inline style that places a mark: `--start: 3.80%; --size: 11.79%;`.
    pub fn style(&self) -> String {
        format!(
            "--start: {}%; --size: {}%;",
            hundredths(self.start),
            hundredths(self.size)
        )
    }
}

/// `x` with two decimals (`3.80`), without the float formatter (issue 12: its tables and code
/// are a noticeable part of the page's wasm, for two numbers).
fn hundredths(x: f64) -> String {
    let h = (x * 100.0).round() as i64;
    let sign = if h < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", (h / 100).abs(), (h % 100).abs())
}

/// The axis: from the earliest to the latest day of the events and the publication date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The day number (`civil::day_number`) of the axis start.
    first: i64,
    days: f64,
}

impl Axis {
    /// The axis spanning `days` (first..=last of each), padded a little on both sides.
    pub fn new(spans: impl Iterator<Item = (Date, Date)>) -> Option<Axis> {
        let (mut lo, mut hi): (Option<Date>, Option<Date>) = (None, None);
        for (a, b) in spans {
            lo = Some(lo.map_or(a, |l| l.min(a)));
            hi = Some(hi.map_or(b, |h| h.max(b)));
        }
        let (lo, hi) = (lo?, hi?);
        let span = days_between(lo, hi).max(1.0);
        let pad = (span * 0.04).ceil().max(1.0);
        let first = day_number(lo) - pad as i64;
        Some(Axis {
            first,
            days: span + 2.0 * pad + 1.0,
        })
    }

    /// The place of the days `first..=last`.
    pub fn place(&self, first: Date, last: Date) -> AxisPlace {
        let start = (day_number(first) - self.first) as f64 / self.days * 100.0;
        let size = (days_between(first, last) + 1.0) / self.days * 100.0;
        AxisPlace { start, size }
    }
}

fn days_between(a: Date, b: Date) -> f64 {
    (day_number(b) - day_number(a)) as f64
}

fn published(analysis: &Analysis) -> Option<Date> {
    analysis
        .reference_date
        .as_deref()
        .and_then(civil::parse_date)
}

/// How many events the timeline shows at first, and how many more each «show more» adds. A long
/// text's thousands of events would otherwise hold the main thread for a second or more at each
/// render (issue 12); the axis still spans every event's date.
pub const EVENTS_PAGE: usize = 100;

/// What the event cards look up by id: the analysis's times and entities, indexed once per
/// render (not searched per event).
/// What the timeline reads of an analysis, made once per analysis rather than at every render
/// (a click, a page of events): each event's parsed time, and times and entities by id.
struct Index {
    parsed: Vec<Option<timex::Timex>>,
    times: HashMap<String, usize>,
    entities: HashMap<String, usize>,
}

impl Index {
    fn new(analysis: &Analysis) -> Index {
        Index {
            parsed: analysis
                .events
                .iter()
                .map(|v| timex::of(v.typed.as_ref(), v.value.as_deref()))
                .collect(),
            times: analysis
                .times
                .iter()
                .enumerate()
                .map(|(i, x)| (x.id.clone(), i))
                .collect(),
            entities: analysis
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect(),
        }
    }
}

/// Times and entities by id.
struct Lookup<'a> {
    analysis: &'a Analysis,
    index: &'a Index,
}

impl<'a> Lookup<'a> {
    fn time(&self, id: &str) -> Option<&'a Time> {
        self.index.times.get(id).map(|&i| &self.analysis.times[i])
    }

    fn entity(&self, id: &str) -> Option<&'a Entity> {
        self.index
            .entities
            .get(id)
            .map(|&i| &self.analysis.entities[i])
    }
}

/// The timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let analysis = &props.analysis;
    // How many events are shown, for which analysis (a new analysis starts again at a page).
    let shown = use_state(|| (Rc::as_ptr(analysis), EVENTS_PAGE));
    let page_end = if shown.0 == Rc::as_ptr(analysis) {
        shown.1
    } else {
        EVENTS_PAGE
    };
    let index = use_memo(analysis.clone(), |analysis| Index::new(analysis));
    let parsed = &index.parsed;
    let publication = published(analysis);
    let axis = Axis::new(
        parsed
            .iter()
            .filter_map(|p| p.as_ref().and_then(|p| p.days))
            .chain(publication.map(|d| (d, d))),
    );
    let selected_entity = match &props.selection {
        Selection::Entity { id, .. } => Some(id.as_str()),
        _ => None,
    };
    let selected_event = match &props.selection {
        Selection::Event { id } => Some(id.as_str()),
        _ => None,
    };
    // A selected event further down is always shown.
    let selected_index =
        selected_event.and_then(|id| analysis.events.iter().position(|v| v.id == id));
    let visible = page_end
        .max(selected_index.map_or(0, |i| i + 1))
        .min(analysis.events.len());
    let lookup = Lookup {
        analysis,
        index: &index,
    };
    let events = analysis
        .events
        .iter()
        .zip(parsed)
        .enumerate()
        .take(visible)
        .map(|(i, (v, p))| {
            let dimmed = selected_entity.is_some_and(|id| !v.participants.iter().any(|p| p == id));
            let selected = selected_event == Some(v.id.as_str());
            event_item(props, &lookup, i, v, p.as_ref(), dimmed, selected)
        });
    let markers = axis.map(|axis| axis_view(props, &axis, &parsed[..visible], publication));
    let left = analysis.events.len() - visible;
    let more = (left > 0).then(|| {
        let shown = shown.clone();
        let analysis = Rc::as_ptr(analysis);
        let onclick = move |_| shown.set((analysis, visible + EVENTS_PAGE));
        let label = match lang {
            Lang::Ar => format!("{} (بقي {left})", t(lang, "timeline.more")),
            Lang::En => format!("{} ({left} left)", t(lang, "timeline.more")),
        };
        html! {
            <button type="button" class="timeline__more" data-left={left.to_string()} {onclick}>{label}</button>
        }
    });
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <div class="timeline__header">
                <h2 class="timeline__title" id="timeline-title">{t(lang, "timeline.title")}</h2>
                {date_control(props)}
            </div>
            if analysis.events.is_empty() {
                <p class="empty">{t(lang, "timeline.empty")}</p>
            } else {
                { markers.unwrap_or_default() }
                <ol class="timeline__events">{ for events }</ol>
                { more.unwrap_or_default() }
            }
        </section>
    }
}

/// The publication date, which the reader can set: relative dates («الأسبوع الماضي») are
/// resolved again from it at once (issue 11).
fn date_control(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let value = props.analysis.reference_date.clone().unwrap_or_default();
    let on_set_date = props.on_set_date.clone();
    let onchange = Callback::from(move |e: yew::Event| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            on_set_date.emit(input.value());
        }
    });
    html! {
        <label class="timeline__date-control" for="reference-date">
            <span>{t(lang, "timeline.set_date")}</span>
            <input type="date" class="timeline__date-input" id="reference-date" {value}
                disabled={props.busy} aria-busy={props.busy.then_some("true")} {onchange} />
        </label>
    }
}

fn axis_view(
    props: &TimelineProps,
    axis: &Axis,
    parsed: &[Option<timex::Timex>],
    publication: Option<Date>,
) -> Html {
    let lang = props.lang;
    let marks = props
        .analysis
        .events
        .iter()
        .zip(parsed)
        .enumerate()
        .filter_map(|(i, (v, p))| {
            let p = p.as_ref()?;
            let (first, last) = p.days?;
            let place = axis.place(first, last);
            let open = v.status == EventStatus::Ongoing;
            let style = place.style();
            Some(html! {
                <li class={classes!("axis__mark", format!("axis__mark--{}", p.granularity.as_str()),
                        format!("axis__mark--{}", v.status), open.then_some("is-open"))}
                    data-event-id={v.id.clone()} style={style}>
                    <span class="axis__number"><bdi>{i + 1}</bdi></span>
                </li>
            })
        });
    let now = publication.map(|d| {
        let place = axis.place(d, d);
        let style = place.style();
        html! {
            <li class="axis__published" style={style} data-date={civil::iso(d)}>
                <span class="axis__published-label">{t(lang, "timeline.published")}{" "}
                    <bdi>{timex::label(&civil::iso(d), lang)}</bdi></span>
            </li>
        }
    });
    html! {
        <ol class="timeline__axis axis" aria-label={t(lang, "timeline.axis")}>
            { marks.collect::<Html>() }
            { now.unwrap_or_default() }
        </ol>
    }
}

fn event_item(
    props: &TimelineProps,
    lookup: &Lookup<'_>,
    index: usize,
    v: &Event,
    p: Option<&timex::Timex>,
    dimmed: bool,
    selected: bool,
) -> Html {
    let lang = props.lang;
    let granularity = p.map_or(Granularity::Reference, |p| p.granularity);
    // An undated event has no granularity to show; a duration says it is one.
    let gran_label = match (p, v.value.as_deref()) {
        (Some(p), _) => Some(gran_key(p.granularity)),
        (None, Some(value)) if timex::duration_label(value, lang).is_some() => {
            Some("gran.duration")
        }
        _ => None,
    };
    let date = match (v.value.as_deref(), v.typed.as_ref()) {
        (Some(value), _) => timex::label(value, lang),
        // «جوان المقبل» in an undated article: "next June" (issue 11).
        (None, Some(tv)) => timex::relative_label(tv, lang)
            .unwrap_or_else(|| t(lang, "timeline.undated").to_owned()),
        (None, None) => t(lang, "timeline.undated").to_owned(),
    };
    // An anaphoric date («وفي اليوم التالي») shows the date it was counted from (issue 11).
    let anchor = v
        .typed
        .as_ref()
        .and_then(|tv| tv.anchor.as_deref())
        .and_then(|id| lookup.time(id))
        .map(|x| {
            let shown = x
                .value
                .as_deref()
                .map_or_else(|| x.text.clone(), |value| timex::label(value, lang));
            html! {
                <span class="timeline__anchor" data-time-id={x.id.clone()}>
                    {" · "}{t(lang, "timeline.anchored")}{" "}<bdi>{shown}</bdi>
                </span>
            }
        });
    let label = match lang {
        Lang::En if !v.label_en.is_empty() => html! { <span lang="en">{v.label_en.clone()}</span> },
        _ if !v.label.is_empty() => html! { <span lang="ar">{v.label.clone()}</span> },
        _ => html! { <span lang="ar">{v.trigger.text.clone()}</span> },
    };
    let participants = v.participants.iter().filter_map(|id| {
        let e = lookup.entity(id)?;
        Some(html! { <li class="timeline__participant" data-entity-id={e.id.clone()}>{crate::components::entity_name(e, lang)}</li> })
    });
    let on_select = props.on_select_event.clone();
    let id = v.id.clone();
    html! {
        <li key={v.id.clone()} class={classes!("timeline__event", dimmed.then_some("is-dimmed"), selected.then_some("is-selected"))}
            data-event-id={v.id.clone()} data-status={v.status.as_str()} data-granularity={granularity.as_str()}
            data-value={v.value.clone().unwrap_or_default()}>
            <button type="button" class="timeline__button" aria-pressed={selected.to_string()}
                onclick={move |_| on_select.emit(id.clone())}>
                <span class="timeline__number" aria-hidden="true"><bdi>{index + 1}</bdi></span>
                <span class="timeline__date"><span class="timeline__glyph" aria-hidden="true"></span><bdi>{date}</bdi>
                    if let Some(key) = gran_label {
                        <span class="timeline__granularity">{" · "}{t(lang, key)}</span>
                    }
                    { anchor.unwrap_or_default() }</span>
                <span class="timeline__label">{label}</span>
                <span class="timeline__status" data-status={v.status.as_str()}>{t(lang, status_key(v.status))}</span>
            </button>
            if v.participants.is_empty() { } else {
                <ul class="timeline__participants" aria-label={t(lang, "timeline.participants")}>{ for participants }</ul>
            }
        </li>
    }
}

fn gran_key(g: Granularity) -> &'static str {
    match g {
        Granularity::Time => "gran.time",
        Granularity::Day => "gran.day",
        Granularity::Week => "gran.week",
        Granularity::Month => "gran.month",
        Granularity::Season => "gran.season",
        Granularity::Quarter => "gran.quarter",
        Granularity::Year => "gran.year",
        Granularity::Reference => "gran.ref",
    }
}

/// The i18n key of an event status.
pub fn status_key(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Occurred => "status.occurred",
        EventStatus::Ongoing => "status.ongoing",
        EventStatus::Planned => "status.planned",
        EventStatus::Possible => "status.possible",
        EventStatus::Reported => "status.reported",
    }
}
