//! The timeline: events on a time axis running right to left (earliest on the right, the
//! inline start of an RTL page) on wide screens, top to bottom on phones (see `style.css`).

use crate::i18n::t;
use crate::state::{Lang, Selection};
use crate::timex::{self, Granularity};
use jiff::civil::Date;
use khabar_nlp::Analysis;
use khabar_nlp::analysis::{Event, EventStatus};
use std::rc::Rc;
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
}

/// Where an event sits on the axis, in percent of the axis length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisPlace {
    /// Offset of the start from the axis start.
    pub start: f64,
    /// Length (at least a dot).
    pub size: f64,
}

/// The axis: from the earliest to the latest day of the events and the publication date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    first: Date,
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
        let first = lo
            .checked_sub(jiff::Span::new().days(pad as i64))
            .unwrap_or(lo);
        Some(Axis {
            first,
            days: span + 2.0 * pad + 1.0,
        })
    }

    /// The place of the days `first..=last`.
    pub fn place(&self, first: Date, last: Date) -> AxisPlace {
        let start = days_between(self.first, first) / self.days * 100.0;
        let size = (days_between(first, last) + 1.0) / self.days * 100.0;
        AxisPlace { start, size }
    }
}

fn days_between(a: Date, b: Date) -> f64 {
    a.until(b).map_or(0.0, |s| f64::from(s.get_days()))
}

fn published(analysis: &Analysis) -> Option<Date> {
    analysis
        .reference_date
        .as_deref()
        .and_then(|d| d.parse().ok())
}

/// The timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let analysis = &props.analysis;
    let parsed: Vec<Option<timex::Timex>> = analysis
        .events
        .iter()
        .map(|v| v.value.as_deref().and_then(timex::parse))
        .collect();
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
    let events = analysis
        .events
        .iter()
        .zip(&parsed)
        .enumerate()
        .map(|(i, (v, p))| {
            let dimmed = selected_entity.is_some_and(|id| !v.participants.iter().any(|p| p == id));
            let selected = selected_event == Some(v.id.as_str());
            event_item(props, i, v, p.as_ref(), dimmed, selected)
        });
    let markers = axis.map(|axis| axis_view(props, &axis, &parsed, publication));
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 class="timeline__title" id="timeline-title">{t(lang, "timeline.title")}</h2>
            if analysis.events.is_empty() {
                <p class="empty">{t(lang, "timeline.empty")}</p>
            } else {
                { for markers }
                <ol class="timeline__events">{ for events }</ol>
            }
        </section>
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
            let style = format!("--start: {:.2}%; --size: {:.2}%;", place.start, place.size);
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
        let style = format!("--start: {:.2}%; --size: {:.2}%;", place.start, place.size);
        html! {
            <li class="axis__published" style={style} data-date={d.to_string()}>
                <span class="axis__published-label">{t(lang, "timeline.published")}{" "}
                    <bdi>{timex::label(&d.to_string(), lang)}</bdi></span>
            </li>
        }
    });
    html! {
        <ol class="timeline__axis axis" aria-label={t(lang, "timeline.axis")}>
            { for marks }
            { for now }
        </ol>
    }
}

fn event_item(
    props: &TimelineProps,
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
    let date = match v.value.as_deref() {
        Some(value) => timex::label(value, lang),
        None => t(lang, "timeline.undated").to_owned(),
    };
    let label = match lang {
        Lang::En if !v.label_en.is_empty() => html! { <span lang="en">{v.label_en.clone()}</span> },
        _ if !v.label.is_empty() => html! { <span lang="ar">{v.label.clone()}</span> },
        _ => html! { <span lang="ar">{v.trigger.text.clone()}</span> },
    };
    let participants = v.participants.iter().filter_map(|id| {
        let e = props.analysis.entities.iter().find(|e| &e.id == id)?;
        Some(html! { <li class="timeline__participant" data-entity-id={e.id.clone()}>{crate::components::entity_name(e, lang)}</li> })
    });
    let on_select = props.on_select_event.clone();
    let id = v.id.clone();
    html! {
        <li class={classes!("timeline__event", dimmed.then_some("is-dimmed"), selected.then_some("is-selected"))}
            data-event-id={v.id.clone()} data-status={v.status.as_str()} data-granularity={granularity.as_str()}
            data-value={v.value.clone().unwrap_or_default()}>
            <button type="button" class="timeline__button" aria-pressed={selected.to_string()}
                onclick={move |_| on_select.emit(id.clone())}>
                <span class="timeline__number" aria-hidden="true"><bdi>{index + 1}</bdi></span>
                <span class="timeline__date"><span class="timeline__glyph" aria-hidden="true"></span><bdi>{date}</bdi>
                    if let Some(key) = gran_label {
                        <span class="timeline__granularity">{" · "}{t(lang, key)}</span>
                    }</span>
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
