//! Page-object actions of the explorer (issue 6): entities, mentions, the timeline, the
//! new-article form, themes, keyboard and axe-core.
//!
//! Everything is found through the app's data attributes (`data-entity-id`,
//! `data-mention-index`, `data-event-id`, `data-action`, `data-view`), never through the
//! article's words, so the same actions work on any article.

use crate::browser::Result;
use crate::pages::ExplorerPage;
use fantoccini::Locator;
use fantoccini::key::Key;
use khabar_nlp::Analysis;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The axe-core build injected by [`ExplorerPage::axe_violations`] (see `vendor/README.md`).
const AXE: &str = include_str!("vendor/axe.min.js");

/// One highlighted mention in the article: its entity and its index among that entity's mentions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LitMention {
    /// Entity id.
    pub id: String,
    /// Mention index.
    pub index: usize,
    /// The highlighted text (all pieces of the mention).
    pub text: String,
}

/// One axe-core violation, short enough to print.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Violation {
    /// The rule id (`color-contrast`, …).
    pub id: String,
    /// The rule's help text.
    pub help: String,
    /// Selectors of the failing nodes (at most a few).
    pub targets: Vec<String>,
}

impl ExplorerPage {
    /// Runs the JavaScript function body `script` with `arguments` and decodes what it returns.
    pub async fn eval_with<T: DeserializeOwned>(
        &self,
        script: &str,
        args: Vec<Value>,
    ) -> Result<T> {
        let value = self.client().execute(script, args).await?;
        Ok(serde_json::from_value(value)?)
    }

    /// The analysis of `text` (published on `date`) by the page's own `window.khabar.analyze`
    /// (a Promise, answered by the analysis worker).
    pub async fn analyze(&self, text: &str, date: Option<&str>) -> Result<Analysis> {
        let value = self
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 window.khabar.analyze(arguments[0], arguments[1] || undefined)
                   .then(done, e => done({ error: String(e) }));",
                vec![json!(text), json!(date)],
            )
            .await?;
        Ok(serde_json::from_value(value)?)
    }

    /// `window.khabar.state()` of the running app.
    pub async fn state(&self) -> Result<Value> {
        self.eval("return window.khabar.state();").await
    }

    /// Clicks the sidebar entry of entity `id`.
    pub async fn select_entity(&self, id: &str) -> Result<()> {
        let css = format!(".sidebar button.sidebar__entity[data-entity-id=\"{id}\"]");
        self.find_waiting(&css).await?.click().await?;
        self.wait_for_selection("entity", id).await
    }

    /// Waits until the app's selection is `kind` (`entity`, `event`) `id`.
    pub async fn wait_for_selection(&self, kind: &str, id: &str) -> Result<()> {
        let script = format!(
            "const s = window.khabar.state().selection; return s.kind === {} && s.id === {};",
            json!(kind),
            json!(id)
        );
        self.wait_until(&format!("{kind} {id} selected"), &script)
            .await
    }

    /// The mentions highlighted as selected in the article, in text order (a mention split into
    /// pieces by a sentence or time boundary counts once).
    pub async fn selected_mentions(&self) -> Result<Vec<LitMention>> {
        self.eval(
            "const out = []; const seen = new Map();
             for (const el of document.querySelectorAll('.article .mention.is-selected')) {
               const key = el.dataset.entityId + '/' + el.dataset.mentionIndex;
               if (seen.has(key)) { seen.get(key).text += el.textContent; continue; }
               const m = { id: el.dataset.entityId, index: +el.dataset.mentionIndex, text: el.textContent };
               seen.set(key, m); out.push(m);
             }
             return out;",
        )
        .await
    }

    /// The index of the mention marked current, if one is.
    pub async fn current_mention(&self) -> Result<Option<usize>> {
        self.eval(
            "const el = document.querySelector('.article .mention.is-current');
             return el ? +el.dataset.mentionIndex : null;",
        )
        .await
    }

    /// Waits until mention `index` is the current one.
    pub async fn wait_for_current_mention(&self, index: usize) -> Result<()> {
        self.wait_until(
            &format!("mention {index} current"),
            &format!(
                "const el = document.querySelector('.article .mention.is-current');
                 return !!el && +el.dataset.mentionIndex === {index};"
            ),
        )
        .await
    }

    /// Clicks «next mention».
    pub async fn next_mention(&self) -> Result<()> {
        self.click_css("[data-action=\"next-mention\"]").await
    }

    /// Clicks «previous mention».
    pub async fn previous_mention(&self) -> Result<()> {
        self.click_css("[data-action=\"previous-mention\"]").await
    }

    /// Clicks mention `index` of entity `id` in the article text.
    pub async fn click_mention(&self, id: &str, index: usize) -> Result<()> {
        self.click_css(&format!(
            ".article .mention[data-entity-id=\"{id}\"][data-mention-index=\"{index}\"]"
        ))
        .await
    }

    /// Clicks event `id` on the timeline.
    pub async fn select_event(&self, id: &str) -> Result<()> {
        self.click_css(&format!(
            ".timeline .timeline__event[data-event-id=\"{id}\"] .timeline__button"
        ))
        .await?;
        self.wait_for_selection("event", id).await
    }

    /// The sentence indices marked as evidence of the selected event.
    pub async fn evidence_sentences(&self) -> Result<Vec<usize>> {
        self.eval(
            "return [...document.querySelectorAll('.article .sentence.is-evidence')]
               .map(el => +el.dataset.sentenceIndex);",
        )
        .await
    }

    /// Waits until the first element matching `css` lies (at least partly) inside the viewport.
    pub async fn wait_in_view(&self, css: &str) -> Result<()> {
        self.wait_until(
            &format!("{css} in view"),
            &format!(
                "const el = document.querySelector({});
                 if (!el) return false;
                 const r = el.getBoundingClientRect();
                 return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;",
                json!(css)
            ),
        )
        .await
    }

    /// The timeline's event ids in the order the list shows them.
    pub async fn timeline_event_ids(&self) -> Result<Vec<String>> {
        self.eval(
            "return [...document.querySelectorAll('.timeline .timeline__event')]
               .map(el => el.dataset.eventId);",
        )
        .await
    }

    /// The horizontal centres of the axis marks of events `ids` (CSS pixels from the left).
    pub async fn axis_centres(&self, ids: &[String]) -> Result<Vec<Option<f64>>> {
        self.eval_with(
            "return arguments[0].map(id => {
               const el = document.querySelector(`.timeline .axis__mark[data-event-id=\"${id}\"]`);
               if (!el) return null;
               const r = el.getBoundingClientRect();
               return r.left + r.width / 2;
             });",
            vec![json!(ids)],
        )
        .await
    }

    /// Switches to the view `view` (`reader`, `new-article`) with the masthead's tab.
    pub async fn show_view(&self, view: &str) -> Result<()> {
        self.click_css(&format!(
            ".masthead button.masthead__tab[data-view=\"{view}\"]"
        ))
        .await?;
        self.wait_until(
            &format!("view {view}"),
            &format!("return window.khabar.state().view === {};", json!(view)),
        )
        .await
    }

    /// Replaces the draft text as a paste would (the textarea's value and an `input` event).
    pub async fn paste_draft(&self, text: &str) -> Result<()> {
        self.find_waiting("#new-text").await?;
        self.eval_with::<Value>(
            "const area = document.querySelector('#new-text');
             area.focus();
             area.value = arguments[0];
             area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
             return null;",
            vec![json!(text)],
        )
        .await?;
        Ok(())
    }

    /// The draft text shown in the new-article form.
    pub async fn draft_text(&self) -> Result<String> {
        self.find_waiting("#new-text").await?;
        self.eval("return document.querySelector('#new-text').value;")
            .await
    }

    /// The draft date shown in the new-article form.
    pub async fn draft_date(&self) -> Result<String> {
        self.eval("return document.querySelector('#new-date').value;")
            .await
    }

    /// Submits the draft and waits until its analysis is shown in the reader.
    pub async fn analyze_draft(&self) -> Result<()> {
        let before: u64 = self.eval("return window.khabar.state().request;").await?;
        self.click_css(".new-article__submit").await?;
        self.wait_until(
            "the draft's analysis in the reader",
            &format!(
                "const s = window.khabar.state();
                 return s.request > {before} && s.progress === 'idle' && s.view === 'reader';"
            ),
        )
        .await
    }

    /// Sets the publication date in the timeline's date control (as a reader picking a date
    /// would: the value and a `change` event) and waits for the article's new analysis.
    pub async fn set_publication_date(&self, date: &str) -> Result<()> {
        let before: u64 = self.eval("return window.khabar.state().request;").await?;
        self.find_waiting("#reference-date").await?;
        self.eval_with::<Value>(
            "const input = document.querySelector('#reference-date');
             input.value = arguments[0];
             input.dispatchEvent(new Event('change', { bubbles: true }));
             return null;",
            vec![json!(date)],
        )
        .await?;
        self.wait_until(
            "the article analysed again with the new date",
            &format!(
                "const s = window.khabar.state();
                 return s.request > {before} && s.progress === 'idle' && s.view === 'reader';"
            ),
        )
        .await
    }

    /// Reloads the page and waits for the app.
    /// Waits until the draft `text` is in localStorage (it is saved 300 ms after its last change,
    /// and a later change, such as the dateline's date arriving from the worker, restarts that
    /// wait), so that a reload right after cannot race the save.
    pub async fn wait_for_saved_draft(&self, text: &str) -> Result<()> {
        let start = std::time::Instant::now();
        loop {
            let stored: Option<String> = self
                .eval("const d = localStorage.getItem('khabar.draft'); return d && JSON.parse(d).text;")
                .await?;
            if stored.as_deref() == Some(text) {
                return Ok(());
            }
            if start.elapsed() > crate::pages::TIMEOUT {
                return Err("timed out waiting for the draft to be saved".into());
            }
            tokio::time::sleep(crate::pages::POLL).await;
        }
    }

    pub async fn reload(&self) -> Result<()> {
        self.client().refresh().await?;
        self.wait_for_app().await
    }

    /// The entity ids listed in the sidebar, in order.
    pub async fn sidebar_entity_ids(&self) -> Result<Vec<String>> {
        self.eval(
            "return [...document.querySelectorAll('.sidebar button.sidebar__entity')]
               .map(el => el.dataset.entityId);",
        )
        .await
    }

    /// Sets the theme to dark (`true`) or light with the masthead toggle.
    pub async fn set_dark(&self, dark: bool) -> Result<()> {
        let is_dark = "return getComputedStyle(document.documentElement)
                         .getPropertyValue('color-scheme').includes('dark')
                       || document.querySelector('.app').closest('[data-theme]')?.dataset.theme === 'dark';";
        for _ in 0..2 {
            let theme: String = self.eval("return window.khabar.state().theme;").await?;
            let now = match theme.as_str() {
                "dark" => true,
                "light" => false,
                _ => self.eval::<bool>(is_dark).await?,
            };
            if now == dark && theme != "system" {
                return Ok(());
            }
            self.click_css("[data-theme-toggle]").await?;
        }
        let want = if dark { "dark" } else { "light" };
        self.wait_until(
            &format!("theme {want}"),
            &format!("return window.khabar.state().theme === '{want}';"),
        )
        .await
    }

    /// Presses `key` in the focused element.
    pub async fn press(&self, key: Key) -> Result<()> {
        let active = self.client().active_element().await?;
        active.send_keys(&char::from(key).to_string()).await?;
        Ok(())
    }

    /// Types `text` into the focused element.
    pub async fn type_keys(&self, text: &str) -> Result<()> {
        let active = self.client().active_element().await?;
        active.send_keys(text).await?;
        Ok(())
    }

    /// Presses Tab until the focused element matches `css` (at most `limit` times); fails if
    /// it never does.
    pub async fn tab_to(&self, css: &str, limit: usize) -> Result<()> {
        let matches = format!(
            "return !!document.activeElement && document.activeElement.matches({});",
            json!(css)
        );
        for _ in 0..limit {
            if self.eval::<bool>(&matches).await? {
                return Ok(());
            }
            self.press(Key::Tab).await?;
        }
        Err(format!("{css} not reached with {limit} Tabs").into())
    }

    /// The `data-entity-id` of the focused element, if it has one.
    pub async fn focused_entity(&self) -> Result<Option<String>> {
        self.eval("return document.activeElement?.dataset?.entityId ?? null;")
            .await
    }

    /// Runs axe-core on the page and returns its violations (WCAG 2.x A/AA and best practices).
    pub async fn axe_violations(&self) -> Result<Vec<Violation>> {
        let loaded: bool = self.eval("return typeof window.axe === 'object';").await?;
        if !loaded {
            // axe's source runs as the WebDriver script itself: the page's CSP (issue 13) rightly
            // refuses an inline <script> element, but not the driver's own script.
            self.eval::<Value>(&format!("{AXE}\n;return null;")).await?;
        }
        let value = self
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const short = v => ({ id: v.id, help: v.help,
                   targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) });
                 window.axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.passes.length === 0
                     ? [{ id: 'axe-ran-nothing', help: 'axe-core checked no rule', targets: [] }]
                     : r.violations.map(short)))
                   .catch(e => done([{ id: 'axe-error', help: String(e), targets: [] }]));",
                Vec::new(),
            )
            .await?;
        Ok(serde_json::from_value(value)?)
    }

    /// Waits until no CSS transition or animation is running and fonts are ready (before a
    /// screenshot or a colour check).
    pub async fn settle(&self) -> Result<()> {
        self.wait_until(
            "the page to settle",
            "return document.fonts.status === 'loaded' && document.getAnimations().length === 0;",
        )
        .await
    }

    /// Clicks the first element matching `css` (waiting for it).
    pub async fn click_css(&self, css: &str) -> Result<()> {
        self.find_waiting(css).await?.click().await?;
        Ok(())
    }

    /// Whether an element matching `css` exists and is displayed.
    pub async fn visible(&self, css: &str) -> Result<bool> {
        match self.client().find(Locator::Css(css)).await {
            Ok(el) => Ok(el.is_displayed().await?),
            Err(_) => Ok(false),
        }
    }
}
