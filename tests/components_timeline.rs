//! Snapshots of the timeline (issue 6): order, granularity, status, dimming, publication date;
//! the card of a selected event.
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

mod components_support;

use components_support::{count, lines, render};
use expect_test::expect;
use fixture::fixture_analysis;
use khabar::components::timeline::{Timeline, TimelineProps};
use khabar::state::{Lang, Selection};
use std::rc::Rc;

fn props(selection: Selection, lang: Lang) -> TimelineProps {
    TimelineProps {
        analysis: Rc::new(fixture_analysis()),
        selection,
        lang,
        on_select_event: Default::default(),
        on_set_date: Default::default(),
        busy: false,
    }
}

#[tokio::test]
async fn events_in_order_with_granularity_and_status() {
    let html = render::<Timeline>(props(Selection::None, Lang::Ar)).await;
    expect![[r#"
        <section aria-labelledby="timeline-title" class="timeline">
        <div class="timeline__header">
        <h2 id="timeline-title" class="timeline__title">الخط الزمني</h2>
        <label for="reference-date" class="timeline__date-control"><span>تاريخ النشر</span>
        <input value="2023-03-15" type="date" id="reference-date" class="timeline__date-input"></label></div>
        <ol aria-label="محور الزمن" class="timeline__axis axis">
        <li data-event-id="v1" style="--start: 3.80%; --size: 11.79%;" class="axis__mark axis__mark--month axis__mark--occurred"><span class="axis__number"><bdi>1</bdi></span></li>
        <li data-event-id="v2" style="--start: 31.18%; --size: 0.38%;" class="axis__mark axis__mark--day axis__mark--occurred"><span class="axis__number"><bdi>2</bdi></span></li>
        <li data-event-id="v3" style="--start: 38.02%; --size: 11.41%;" class="axis__mark axis__mark--month axis__mark--planned"><span class="axis__number"><bdi>3</bdi></span></li>
        <li data-event-id="v4" style="--start: 61.22%; --size: 34.98%;" class="axis__mark axis__mark--season axis__mark--ongoing is-open"><span class="axis__number"><bdi>4</bdi></span></li>
        <li style="--start: 31.56%; --size: 0.38%;" data-date="2023-03-15" class="axis__published"><span class="axis__published-label">تاريخ النشر <bdi>15 مارس 2023</bdi></span></li></ol>
        <ol class="timeline__events">
        <li data-event-id="v1" data-status="occurred" data-granularity="month" data-value="2023-01" class="timeline__event">
        <button type="button" aria-pressed="false" class="timeline__button"><span aria-hidden="true" class="timeline__number"><bdi>1</bdi></span><span class="timeline__date"><span aria-hidden="true" class="timeline__glyph"></span><bdi>يناير 2023</bdi><span class="timeline__granularity"> · شهر</span></span><span class="timeline__label"><span lang="ar">اتصال هاتفي بين ماكرون والسيسي</span></span><span data-status="occurred" class="timeline__status">وقع</span></button>
        <ul aria-label="المشاركون" class="timeline__participants">
        <li data-entity-id="e1" class="timeline__participant"><bdi lang="ar">إيمانويل ماكرون</bdi></li>
        <li data-entity-id="e4" class="timeline__participant"><bdi lang="ar">عبد الفتاح السيسي</bdi></li></ul></li>
        <li data-event-id="v2" data-status="occurred" data-granularity="day" data-value="2023-03-14" class="timeline__event">
        <button type="button" aria-pressed="false" class="timeline__button"><span aria-hidden="true" class="timeline__number"><bdi>2</bdi></span><span class="timeline__date"><span aria-hidden="true" class="timeline__glyph"></span><bdi>14 مارس 2023</bdi><span class="timeline__granularity"> · يوم</span></span><span class="timeline__label"><span lang="ar">ماكرون يعلن زيارته</span></span><span data-status="occurred" class="timeline__status">وقع</span></button>
        <ul aria-label="المشاركون" class="timeline__participants">
        <li data-entity-id="e1" class="timeline__participant"><bdi lang="ar">إيمانويل ماكرون</bdi></li></ul></li>
        <li data-event-id="v3" data-status="planned" data-granularity="month" data-value="2023-04" class="timeline__event">
        <button type="button" aria-pressed="false" class="timeline__button"><span aria-hidden="true" class="timeline__number"><bdi>3</bdi></span><span class="timeline__date"><span aria-hidden="true" class="timeline__glyph"></span><bdi>أبريل 2023</bdi><span class="timeline__granularity"> · شهر</span></span><span class="timeline__label"><span lang="ar">زيارة ماكرون إلى مصر</span></span><span data-status="planned" class="timeline__status">مخطط</span></button>
        <ul aria-label="المشاركون" class="timeline__participants">
        <li data-entity-id="e1" class="timeline__participant"><bdi lang="ar">إيمانويل ماكرون</bdi></li>
        <li data-entity-id="e2" class="timeline__participant"><bdi lang="ar">مصر</bdi></li></ul></li>
        <li data-event-id="v4" data-status="ongoing" data-granularity="season" data-value="2023-SU" class="timeline__event">
        <button type="button" aria-pressed="false" class="timeline__button"><span aria-hidden="true" class="timeline__number"><bdi>4</bdi></span><span class="timeline__date"><span aria-hidden="true" class="timeline__glyph"></span><bdi>صيف 2023</bdi><span class="timeline__granularity"> · فصل</span></span><span class="timeline__label"><span lang="ar">وساطة في أزمة المياه</span></span><span data-status="ongoing" class="timeline__status">مستمر</span></button>
        <ul aria-label="المشاركون" class="timeline__participants">
        <li data-entity-id="e3" class="timeline__participant"><bdi lang="ar">فرنسا</bdi></li>
        <li data-entity-id="e2" class="timeline__participant"><bdi lang="ar">مصر</bdi></li>
        <li data-entity-id="e5" class="timeline__participant"><bdi lang="ar">الأمم المتحدة</bdi></li></ul></li></ol></section>"#]].assert_eq(&lines(&html));
}

#[tokio::test]
async fn english_labels_and_dimming() {
    let selection = Selection::Entity {
        id: "e4".into(),
        mention: 0,
    };
    let html = render::<Timeline>(props(selection, Lang::En)).await;
    // el-Sisi only takes part in the call.
    assert_eq!(count(&html, "is-dimmed"), 3);
    assert!(html.contains("Call between Macron and el-Sisi"));
    assert!(html.contains("Summer 2023"));
    assert!(html.contains("Published"));
}

#[tokio::test]
async fn no_events_says_what_will_appear() {
    let mut analysis = fixture_analysis();
    analysis.events.clear();
    let props = TimelineProps {
        analysis: Rc::new(analysis),
        ..props(Selection::None, Lang::Ar)
    };
    let html = render::<Timeline>(props).await;
    assert!(html.contains("class=\"empty\""));
    assert_eq!(count(&html, "timeline__event"), 0);
}

#[tokio::test]
async fn event_card_shows_date_status_and_participants() {
    use khabar::components::event_card::{EventCard, EventCardProps};
    let analysis = Rc::new(fixture_analysis());
    let event = analysis.events[0].clone();
    let html = render::<EventCard>(EventCardProps {
        analysis: analysis.clone(),
        event,
        lang: Lang::En,
        on_select_entity: Default::default(),
        on_clear: Default::default(),
    })
    .await;
    expect![[r#"
        <section data-event-id="v1" aria-labelledby="event-card-title" aria-live="polite" class="card card--event">
        <h2 id="event-card-title" class="card__title"><span lang="en">Call between Macron and el-Sisi</span></h2>
        <dl class="card__facts">
        <dt>Date</dt>
        <dd><bdi>January 2023</bdi></dd>
        <dt>Status</dt>
        <dd data-status="occurred">occurred</dd></dl>
        <h3 class="card__subtitle">Participants</h3>
        <ul class="card__events">
        <li>
        <button type="button" data-entity-id="e1" class="card__event"><bdi lang="en">Emmanuel Macron</bdi></button></li>
        <li>
        <button type="button" data-entity-id="e4" class="card__event"><bdi lang="en">Abdel Fattah el-Sisi</bdi></button></li></ul>
        <button type="button" data-action="clear" class="mention-nav__button mention-nav__button--clear">Clear selection</button></section>"#]].assert_eq(&lines(&html));
}

/// The fixture's events repeated to `n` (ids `v1`…`vn`).
fn many_events(n: usize) -> Rc<khabar_nlp::Analysis> {
    let mut analysis = fixture_analysis();
    let base = analysis.events.clone();
    analysis.events = (0..n)
        .map(|i| {
            let mut v = base[i % base.len()].clone();
            v.id = format!("v{}", i + 1);
            v
        })
        .collect();
    Rc::new(analysis)
}

// Issue 12: a long text's thousands of events are not all rendered at once: the first page,
// and a button that says how many are left; a selected event further down is shown too.
#[tokio::test]
async fn a_long_timeline_shows_a_page_of_events_and_how_many_are_left() {
    use khabar::components::timeline::EVENTS_PAGE;
    let analysis = many_events(EVENTS_PAGE * 2 + 50);
    let html = render::<Timeline>(TimelineProps {
        analysis: analysis.clone(),
        selection: Selection::None,
        lang: Lang::En,
        on_select_event: Default::default(),
        on_set_date: Default::default(),
        busy: false,
    })
    .await;
    assert_eq!(count(&html, "class=\"timeline__event\""), EVENTS_PAGE);
    assert_eq!(count(&html, "class=\"axis__mark "), EVENTS_PAGE);
    let left = EVENTS_PAGE + 50;
    assert!(html.contains(&format!("data-left=\"{left}\"")), "{html}");
    assert!(html.contains(&format!("Show more events ({left} left)")));

    let far = format!("v{}", EVENTS_PAGE + 20);
    let html = render::<Timeline>(TimelineProps {
        analysis,
        selection: Selection::Event { id: far.clone() },
        lang: Lang::Ar,
        on_select_event: Default::default(),
        on_set_date: Default::default(),
        busy: false,
    })
    .await;
    assert!(html.contains(&format!("data-event-id=\"{far}\"")));
    assert_eq!(count(&html, "timeline__event "), 1, "the selected one");
    assert!(
        html.contains(&format!("(بقي {})", EVENTS_PAGE + 30)),
        "{html}"
    );

    // The bundled-size fixture has no button.
    let html = render::<Timeline>(props(Selection::None, Lang::Ar)).await;
    assert!(!html.contains("timeline__more"));
}
