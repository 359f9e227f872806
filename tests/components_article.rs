//! Snapshots of the article view (issue 6): highlights nest, keep clitics outside the name, and
//! follow the selection.
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

mod components_support;

use components_support::{count, lines, render};
use expect_test::expect;
use fixture::{FIXTURE_TEXT, fixture_analysis};
use khabar::components::article_view::{ArticleView, ArticleViewProps};
use khabar::state::{Lang, Selection};
use std::rc::Rc;

fn props(selection: Selection) -> ArticleViewProps {
    ArticleViewProps {
        text: FIXTURE_TEXT.into(),
        analysis: Rc::new(fixture_analysis()),
        selection,
        lang: Lang::Ar,
        on_select_mention: Default::default(),
        incremental: false,
    }
}

#[tokio::test]
async fn every_mention_and_time_is_marked() {
    let html = render::<ArticleView>(props(Selection::None)).await;
    let analysis = fixture_analysis();
    let mentions: usize = analysis.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(count(&html, "data-mention-start="), mentions);
    assert_eq!(count(&html, "<time "), analysis.times.len());
    expect![[r#"
        <article id="article" lang="ar" dir="rtl" tabindex="-1" aria-label="المقال" class="article">
        <div class="article__chunk">
        <p class="article__kicker"><span data-sentence-index="0" class="sentence">سياسة خارجية</span></p>
        <h1 class="article__headline"><span data-sentence-index="1" class="sentence"><span data-entity-id="e1" data-mention-index="0" data-mention-start="13" data-mention-end="19" data-piece-start="13" data-form="name" data-kind="person" class="mention mention--people">ماكرون</span> يزور <span data-entity-id="e6" data-mention-index="0" data-mention-start="25" data-mention-end="32" data-piece-start="25" data-form="name" data-kind="city" class="mention mention--places">القاهرة</span> <time datetime="2023-04" data-time-id="t1" data-value="2023-04" data-label="أبريل 2023" title="أبريل 2023" tabindex="0" class="time">الشهر المقبل</time> لبحث أزمة المياه</span></h1>
        <p class="article__dateline"><span data-sentence-index="2" class="sentence"><span data-entity-id="e7" data-mention-index="0" data-mention-start="63" data-mention-end="68" data-piece-start="63" data-form="name" data-kind="city" class="mention mention--places">باريس</span> –</span></p>
        <p class="article__paragraph"><span data-sentence-index="2" class="sentence">أعلن <span data-entity-id="e1" data-mention-index="1" data-mention-start="76" data-mention-end="90" data-piece-start="76" data-form="title" data-kind="person" class="mention mention--people">الرئيس الفرنسي</span> <span data-entity-id="e1" data-mention-index="2" data-mention-start="91" data-mention-end="106" data-piece-start="91" data-form="name" data-kind="person" class="mention mention--people">إيمانويل ماكرون</span> <time datetime="2023-03-14" data-time-id="t2" data-value="2023-03-14" data-label="14 مارس 2023" title="14 مارس 2023" tabindex="0" class="time">أمس</time> أنه سيزور <span data-entity-id="e2" data-mention-index="0" data-mention-start="121" data-mention-end="124" data-piece-start="121" data-form="name" data-kind="country" class="mention mention--countries">مصر</span> <time datetime="2023-04" data-time-id="t3" data-value="2023-04" data-label="أبريل 2023" title="أبريل 2023" tabindex="0" class="time">الشهر المقبل</time>، في أول زيارة له منذ عامين.</span></p>
        <p class="article__paragraph"><span data-sentence-index="3" class="sentence">وقال <span data-entity-id="e1" data-mention-index="3" data-mention-start="171" data-mention-end="177" data-piece-start="171" data-form="name" data-kind="person" class="mention mention--people">ماكرون</span> إن <span data-entity-id="e3" data-mention-index="0" data-mention-start="181" data-mention-end="186" data-piece-start="181" data-form="name" data-kind="country" class="mention mention--countries">فرنسا</span> تدعم الحوار بين دول <span data-entity-id="e8" data-mention-index="0" data-mention-start="207" data-mention-end="216" data-piece-start="207" data-form="name" data-kind="location" class="mention mention--places">حوض النيل</span>، فيما رحّب <span data-entity-id="e4" data-mention-index="0" data-mention-start="228" data-mention-end="240" data-piece-start="228" data-form="relational" data-kind="person" class="mention mention--people">نظيره المصري</span> <span data-entity-id="e4" data-mention-index="1" data-mention-start="241" data-mention-end="258" data-piece-start="241" data-form="name" data-kind="person" class="mention mention--people">عبد الفتاح السيسي</span> بالزيارة.</span></p>
        <h2 class="article__subheading"><span data-sentence-index="4" class="sentence">اتصال سابق</span></h2>
        <p class="article__paragraph"><span data-sentence-index="5" class="sentence">وكان الرئيسان قد تحادثا هاتفيا في <time datetime="2023-01" data-time-id="t4" data-value="2023-01" data-label="يناير 2023" title="يناير 2023" tabindex="0" class="time">يناير الماضي</time>، وأكدت <span data-entity-id="e5" data-mention-index="0" data-mention-start="336" data-mention-end="349" data-piece-start="336" data-form="name" data-kind="organization" class="mention mention--organisations">الأمم المتحدة</span> أن ل<span data-entity-id="e3" data-mention-index="1" data-mention-start="354" data-mention-end="359" data-piece-start="354" data-form="name" data-kind="country" class="mention mention--countries">فرنسا</span> و<span data-entity-id="e2" data-mention-index="1" data-mention-start="361" data-mention-end="364" data-piece-start="361" data-form="name" data-kind="country" class="mention mention--countries">مصر</span> دورا في الوساطة <time datetime="2023-SU" data-time-id="t5" data-value="2023-SU" data-label="صيف 2023" title="صيف 2023" tabindex="0" class="time">هذا الصيف</time>.</span></p></div></article>"#]].assert_eq(&lines(&html));
}

#[tokio::test]
async fn a_clitic_stays_outside_the_highlight() {
    let html = render::<ArticleView>(props(Selection::None)).await;
    // «لفرنسا»: the preposition is plain text, the name is the mention.
    assert!(html.contains("أن ل<span data-entity-id=\"e3\""), "{html}");
    assert!(html.contains("و<span data-entity-id=\"e2\""), "{html}");
}

#[tokio::test]
async fn selecting_an_entity_lights_all_its_mentions() {
    let selection = Selection::Entity {
        id: "e1".into(),
        mention: 1,
    };
    let html = render::<ArticleView>(props(selection)).await;
    assert_eq!(count(&html, "is-selected"), 4);
    assert_eq!(count(&html, "is-current"), 1);
    let current = html
        .split('<')
        .find(|tag| tag.contains("is-current"))
        .unwrap();
    assert!(
        current.contains("data-entity-id=\"e1\" data-mention-index=\"1\""),
        "{current}"
    );
}

#[tokio::test]
async fn selecting_an_event_lights_its_sentence_and_participants() {
    let html = render::<ArticleView>(props(Selection::Event { id: "v1".into() })).await;
    assert_eq!(count(&html, "sentence is-evidence"), 1);
    // Macron (4 mentions) and el-Sisi (2) take part in the call.
    assert_eq!(count(&html, "is-participant"), 6);
}
