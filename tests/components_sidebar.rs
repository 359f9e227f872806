//! Snapshots of the entity sidebar, the mention navigation and the entity card (issue 6).
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

mod components_support;

use components_support::{count, lines, render};
use expect_test::expect;
use fixture::fixture_analysis;
use khabar::components::entity_card::{EntityCard, EntityCardProps, surface_forms};
use khabar::components::entity_sidebar::{EntitySidebar, EntitySidebarProps};
use khabar::components::mention_nav::{MentionNav, MentionNavProps};
use khabar::state::{Filters, KindGroup, Lang, Selection};
use std::rc::Rc;

fn sidebar(filters: Filters, lang: Lang) -> EntitySidebarProps {
    EntitySidebarProps {
        analysis: Rc::new(fixture_analysis()),
        filters,
        selection: Selection::Entity {
            id: "e3".into(),
            mention: 0,
        },
        lang,
        on_select_entity: Default::default(),
        on_group_filter: Default::default(),
        on_search: Default::default(),
    }
}

#[tokio::test]
async fn groups_by_kind_sorted_by_salience() {
    let html = render::<EntitySidebar>(sidebar(Filters::default(), Lang::Ar)).await;
    // People, countries, organisations, places; the fixture has nothing in "other".
    assert_eq!(count(&html, "class=\"sidebar__group\""), 4);
    assert_eq!(count(&html, "sidebar__entity is-selected"), 1);
    expect![[r#"
        <section aria-labelledby="sidebar-title" class="sidebar__entities">
        <h2 id="sidebar-title" class="sidebar__title">الكيانات</h2>
        <div class="sidebar__filters">
        <label for="entity-search" class="sidebar__search-label">ابحث عن اسم</label>
        <input value="" id="entity-search" type="search" dir="auto" class="sidebar__search">
        <div role="group" aria-label="النوع" class="sidebar__chips">
        <button type="button" aria-pressed="true" data-group="all" class="sidebar__chip">الكل</button>
        <button type="button" aria-pressed="false" data-group="people" class="sidebar__chip">أشخاص</button>
        <button type="button" aria-pressed="false" data-group="countries" class="sidebar__chip">دول</button>
        <button type="button" aria-pressed="false" data-group="organisations" class="sidebar__chip">منظمات</button>
        <button type="button" aria-pressed="false" data-group="places" class="sidebar__chip">أماكن</button>
        <button type="button" aria-pressed="false" data-group="other" class="sidebar__chip">أخرى</button></div></div>
        <section data-group="people" aria-labelledby="sidebar-group-people" class="sidebar__group">
        <h3 id="sidebar-group-people" class="sidebar__group-title">أشخاص</h3>
        <ul class="sidebar__list">
        <li class="sidebar__item">
        <button type="button" data-entity-id="e1" data-kind="person" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--people"></span><span class="sidebar__name"><bdi lang="ar">إيمانويل ماكرون</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">Emmanuel Macron</bdi><span data-count="4" class="sidebar__count"><bdi>4</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q3052772" aria-label="ويكي بيانات: Emmanuel Macron" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q3052772</bdi></a></li>
        <li class="sidebar__item">
        <button type="button" data-entity-id="e4" data-kind="person" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--people"></span><span class="sidebar__name"><bdi lang="ar">عبد الفتاح السيسي</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">Abdel Fattah el-Sisi</bdi><span data-count="2" class="sidebar__count"><bdi>2</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q294016" aria-label="ويكي بيانات: Abdel Fattah el-Sisi" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q294016</bdi></a></li></ul></section>
        <section data-group="countries" aria-labelledby="sidebar-group-countries" class="sidebar__group">
        <h3 id="sidebar-group-countries" class="sidebar__group-title">دول</h3>
        <ul class="sidebar__list">
        <li class="sidebar__item">
        <button type="button" data-entity-id="e2" data-kind="country" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--countries"></span><span class="sidebar__name"><bdi lang="ar">مصر</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">Egypt</bdi><span data-count="2" class="sidebar__count"><bdi>2</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q79" aria-label="ويكي بيانات: Egypt" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q79</bdi></a></li>
        <li class="sidebar__item">
        <button type="button" data-entity-id="e3" data-kind="country" aria-pressed="true" class="sidebar__entity is-selected"><span aria-hidden="true" class="sidebar__swatch mention--countries"></span><span class="sidebar__name"><bdi lang="ar">فرنسا</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">France</bdi><span data-count="2" class="sidebar__count"><bdi>2</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q142" aria-label="ويكي بيانات: France" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q142</bdi></a></li></ul></section>
        <section data-group="organisations" aria-labelledby="sidebar-group-organisations" class="sidebar__group">
        <h3 id="sidebar-group-organisations" class="sidebar__group-title">منظمات</h3>
        <ul class="sidebar__list">
        <li class="sidebar__item">
        <button type="button" data-entity-id="e5" data-kind="organization" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--organisations"></span><span class="sidebar__name"><bdi lang="ar">الأمم المتحدة</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">United Nations</bdi><span data-count="1" class="sidebar__count"><bdi>1</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q1065" aria-label="ويكي بيانات: United Nations" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q1065</bdi></a></li></ul></section>
        <section data-group="places" aria-labelledby="sidebar-group-places" class="sidebar__group">
        <h3 id="sidebar-group-places" class="sidebar__group-title">أماكن</h3>
        <ul class="sidebar__list">
        <li class="sidebar__item">
        <button type="button" data-entity-id="e6" data-kind="city" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--places"></span><span class="sidebar__name"><bdi lang="ar">القاهرة</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">Cairo</bdi><span data-count="1" class="sidebar__count"><bdi>1</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q85" aria-label="ويكي بيانات: Cairo" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q85</bdi></a></li>
        <li class="sidebar__item">
        <button type="button" data-entity-id="e7" data-kind="city" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--places"></span><span class="sidebar__name"><bdi lang="ar">باريس</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">Paris</bdi><span data-count="1" class="sidebar__count"><bdi>1</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q90" aria-label="ويكي بيانات: Paris" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q90</bdi></a></li>
        <li class="sidebar__item">
        <button type="button" data-entity-id="e8" data-kind="location" aria-pressed="false" class="sidebar__entity"><span aria-hidden="true" class="sidebar__swatch mention--places"></span><span class="sidebar__name"><bdi lang="ar">حوض النيل</bdi></span><bdi lang="en" dir="ltr" class="sidebar__name-en">Nile Basin</bdi><span data-count="1" class="sidebar__count"><bdi>1</bdi> ذِكر</span></button><a href="https://www.wikidata.org/wiki/Q3229" aria-label="ويكي بيانات: Nile Basin" target="_blank" rel="noopener noreferrer" class="sidebar__wikidata"><bdi lang="en" dir="ltr">Q3229</bdi></a></li></ul></section></section>"#]].assert_eq(&lines(&html));
}

#[tokio::test]
async fn filters_by_kind_and_search() {
    let people = Filters {
        group: Some(KindGroup::People),
        search: String::new(),
    };
    let html = render::<EntitySidebar>(sidebar(people, Lang::En)).await;
    assert_eq!(count(&html, "class=\"sidebar__entity"), 2);
    let search = Filters {
        group: None,
        search: "egy".into(),
    };
    let html = render::<EntitySidebar>(sidebar(search, Lang::En)).await;
    assert_eq!(count(&html, "class=\"sidebar__entity"), 1);
    assert!(html.contains("data-entity-id=\"e2\""));
    let none = Filters {
        group: None,
        search: "zzz".into(),
    };
    let html = render::<EntitySidebar>(sidebar(none, Lang::En)).await;
    assert!(html.contains("No entities match the filter."));
}

#[tokio::test]
async fn mention_nav_announces_the_position() {
    let analysis = fixture_analysis();
    let props = MentionNavProps {
        entity: analysis.entities[0].clone(),
        mention: 2,
        lang: Lang::Ar,
        on_previous: Default::default(),
        on_next: Default::default(),
        on_clear: Default::default(),
    };
    let html = render::<MentionNav>(props).await;
    expect![[r#"
        <div data-entity-id="e1" class="mention-nav">
        <p role="status" aria-live="polite" data-current="3" data-total="4" class="mention-nav__status"><bdi lang="ar">إيمانويل ماكرون</bdi> — الذكر 3 من 4</p>
        <div class="mention-nav__buttons">
        <button type="button" data-action="previous-mention" class="mention-nav__button">الذكر السابق</button>
        <button type="button" data-action="next-mention" class="mention-nav__button">الذكر التالي</button>
        <button type="button" data-action="clear" class="mention-nav__button mention-nav__button--clear">إلغاء التحديد</button></div></div>"#]].assert_eq(&lines(&html));
}

#[tokio::test]
async fn entity_card_shows_office_forms_and_events() {
    let analysis = Rc::new(fixture_analysis());
    let props = EntityCardProps {
        entity: analysis.entities[0].clone(),
        analysis: analysis.clone(),
        lang: Lang::En,
        on_select_event: Default::default(),
    };
    let html = render::<EntityCard>(props).await;
    assert_eq!(count(&html, "class=\"card__event\""), 3);
    expect![[r#"
        <section data-entity-id="e1" aria-labelledby="card-title" class="card">
        <h2 id="card-title" class="card__title"><bdi lang="ar">إيمانويل ماكرون</bdi></h2>
        <p lang="en" dir="ltr" class="card__name-en">Emmanuel Macron</p>
        <dl class="card__facts">
        <dt>Kind</dt>
        <dd data-kind="person" class="card__kind">Person</dd>
        <dt>Office on the publication date</dt>
        <dd class="card__office"><bdi lang="en">President of France</bdi></dd></dl>
        <h3 class="card__subtitle">Forms used in this article</h3>
        <ul class="card__forms">
        <li data-form="name" class="card__form"><span lang="ar">ماكرون</span> <span class="card__form-count"><bdi>×2</bdi></span></li>
        <li data-form="title" class="card__form"><span lang="ar">الرئيس الفرنسي</span> <span class="card__form-count"><bdi>×1</bdi></span></li>
        <li data-form="name" class="card__form"><span lang="ar">إيمانويل ماكرون</span> <span class="card__form-count"><bdi>×1</bdi></span></li></ul>
        <h3 class="card__subtitle">Events</h3>
        <ul class="card__events">
        <li>
        <button type="button" data-event-id="v1" class="card__event"><span lang="en">Call between Macron and el-Sisi</span></button></li>
        <li>
        <button type="button" data-event-id="v2" class="card__event"><span lang="en">Macron announces his visit</span></button></li>
        <li>
        <button type="button" data-event-id="v3" class="card__event"><span lang="en">Macron's visit to Egypt</span></button></li></ul></section>"#]].assert_eq(&lines(&html));
    let forms = surface_forms(&analysis.entities[0]);
    assert_eq!(
        forms[0],
        (
            "ماكرون".to_owned(),
            khabar_nlp::analysis::MentionForm::Name,
            2
        )
    );
}
