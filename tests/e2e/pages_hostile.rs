//! Page-object actions for hostile input and the reader's work (issue 15): main-thread long
//! tasks, what pasted markup could have done to the page, the analysis's progress, the worker's
//! crash hook, a full localStorage, the draft notices and a second tab.

use crate::browser::Result;
use crate::pages::ExplorerPage;
use serde_json::{Value, json};

/// What pasted markup could have done to the page, read after it was analysed and shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Tampering {
    /// `window.__pwned`, set by any of the hostile snippets if it ran.
    pub pwned: Option<Value>,
    /// `script`, `iframe`, `style`, `img`, `object`, `embed` elements inside the app.
    pub foreign_elements: usize,
    /// Whether the app's root is hidden (`display: none` or `visibility: hidden`).
    pub hidden: bool,
}

/// What became of the article's first blocks while the rest was rendered
/// ([`ExplorerPage::first_blocks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub struct FirstBlocks {
    /// Blocks there were when the article appeared.
    pub seen: usize,
    /// Of those, the ones still the same nodes in the same places at the end.
    pub kept: usize,
    /// DOM changes inside them meanwhile.
    pub changes: usize,
    /// Blocks of the finished article.
    pub total: usize,
}

impl ExplorerPage {
    /// Starts recording main-thread long animation frames (the Long Animation Frames API: a
    /// task over 50 ms with the style, layout and paint it caused; the Long Tasks API leaves
    /// rendering out, and a relayout of a pasted 5 MB draft went unseen there).
    pub async fn watch_long_tasks(&self) -> Result<()> {
        self.eval::<Value>(
            "window.__longTasks = [];
             window.__longTaskStart = performance.now();
             window.__longTaskObserver && window.__longTaskObserver.disconnect();
             window.__longTaskObserver = new PerformanceObserver(list => {
               for (const e of list.getEntries()) {
                 window.__longTasks.push([Math.round(e.startTime - window.__longTaskStart), e.duration]);
               }
             });
             window.__longTaskObserver.observe({ type: 'long-animation-frame' });
             return null;",
        )
        .await?;
        Ok(())
    }

    /// The longest main-thread frame (ms) since [`ExplorerPage::watch_long_tasks`], 0 if none
    /// was over 50 ms, and every long one as `[start, duration]` (ms since the watch began).
    pub async fn longest_task(&self) -> Result<(f64, Vec<(f64, f64)>)> {
        let tasks: Vec<(f64, f64)> = self.eval("return window.__longTasks || [];").await?;
        let longest = tasks.iter().map(|t| t.1).fold(0.0, f64::max);
        Ok((longest, tasks))
    }

    /// Replaces the draft with `text` made in the page: `unit` repeated until it is `bytes`
    /// UTF-8 bytes long (so that megabytes need not cross WebDriver).
    pub async fn paste_generated_draft(&self, unit: &str, bytes: usize) -> Result<usize> {
        self.find_waiting("#new-text").await?;
        self.eval_with(
            "const unit = arguments[0];
             const size = new TextEncoder().encode(unit).length;
             const text = unit.repeat(Math.ceil(arguments[1] / size));
             const area = document.querySelector('#new-text');
             area.focus();
             area.value = text;
             area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
             return new TextEncoder().encode(text).length;",
            vec![json!(unit), json!(bytes)],
        )
        .await
    }

    /// Watches the article's first blocks from the moment the article appears while its
    /// later blocks are still being rendered (`aria-busy`): [`ExplorerPage::first_blocks`] then
    /// says whether they were kept as they were.
    pub async fn watch_first_blocks(&self) -> Result<()> {
        self.eval::<Value>(
            "window.__firstBlocks = { seen: null, records: 0 };
             window.__firstBlocksWatch && window.__firstBlocksWatch.disconnect();
             window.__firstBlocksWatch = new MutationObserver(() => {
               const article = document.querySelector('#article[aria-busy]');
               const w = window.__firstBlocks;
               const blocks = article && article.querySelectorAll('.article__chunk > *');
               if (!article || w.seen || blocks.length === 0) return;
               w.seen = Array.from(blocks);
               w.observer = new MutationObserver(list => { w.records += list.length; });
               for (const b of w.seen) {
                 w.observer.observe(b, { subtree: true, childList: true, attributes: true, characterData: true });
               }
               window.__firstBlocksWatch.disconnect();
             });
             window.__firstBlocksWatch.observe(document.body, { childList: true, subtree: true });
             return null;",
        )
        .await?;
        Ok(())
    }

    /// What became of the blocks [`ExplorerPage::watch_first_blocks`] saw: how many there were,
    /// how many are still the same nodes in the same places, how many DOM changes touched them,
    /// and how many blocks the finished article has.
    pub async fn first_blocks(&self) -> Result<FirstBlocks> {
        self.eval(
            "const w = window.__firstBlocks || { seen: null, records: 0 };
             const article = document.querySelector('#article');
             const seen = w.seen || [];
             const blocks = article ? article.querySelectorAll('.article__chunk > *') : [];
             if (w.observer) { w.records += w.observer.takeRecords().length; w.observer.disconnect(); }
             return {
               seen: seen.length,
               kept: seen.filter((b, i) => b.isConnected && blocks[i] === b).length,
               changes: w.records,
               total: blocks.length,
             };",
        )
        .await
    }

    /// Submits the draft (without waiting for the reader).
    pub async fn submit_draft(&self) -> Result<()> {
        self.click_in_page(".new-article__submit").await
    }

    /// Waits until the running analysis has reported at least `done` finished stages in the
    /// form's progress line.
    pub async fn wait_for_progress(&self, done: u32) -> Result<()> {
        self.wait_until(
            &format!("{done} analysis stages reported"),
            &format!(
                "const s = document.querySelector('.new-article__steps');
                 return !!s && Number(s.dataset.done) >= {done}
                   && !!document.querySelector('progress.new-article__progress');"
            ),
        )
        .await
    }

    /// Clicks the first element matching `css` from inside the page, once it exists: while the
    /// worker reports progress the page re-renders, and a WebDriver element reference found a
    /// moment earlier may be stale by the time it is clicked.
    pub async fn click_in_page(&self, css: &str) -> Result<()> {
        self.wait_until(
            &format!("'{css}' to click"),
            &format!(
                "const el = document.querySelector({});
                 if (!el) return false;
                 el.click();
                 return true;",
                json!(css)
            ),
        )
        .await
    }

    /// Clicks the form's cancel button and waits for the "stopped" message.
    pub async fn cancel_analysis(&self) -> Result<()> {
        self.click_in_page("[data-action=\"cancel-analysis\"]")
            .await?;
        self.wait_until(
            "the analysis stopped",
            "const s = window.khabar.state();
             return s.progress === 'failed' && !!document.querySelector('.new-article__error');",
        )
        .await
    }

    /// The form's error line, if shown.
    pub async fn form_error(&self) -> Result<Option<String>> {
        self.eval(
            "const e = document.querySelector('.new-article__error');
             return e && e.textContent;",
        )
        .await
    }

    /// The text the reader view shows as the article.
    pub async fn article_text(&self) -> Result<String> {
        self.eval(
            "const a = document.querySelector('.article');
             return a ? a.textContent : '';",
        )
        .await
    }

    /// Marks the page as untouched, so that [`ExplorerPage::tampering`] sees what came after.
    pub async fn arm_tamper_check(&self) -> Result<()> {
        self.eval::<Value>("delete window.__pwned; return null;")
            .await?;
        Ok(())
    }

    /// What pasted markup could have done (see [`Tampering`]).
    pub async fn tampering(&self) -> Result<Tampering> {
        self.eval(
            "const app = document.querySelector('.app');
             const style = getComputedStyle(app);
             const body = getComputedStyle(document.body);
             return {
               pwned: window.__pwned === undefined ? null : window.__pwned,
               foreign_elements: app.querySelectorAll('script, iframe, style, img, object, embed').length,
               hidden: style.display === 'none' || style.visibility === 'hidden'
                 || body.display === 'none' || body.visibility === 'hidden'
                 || app.getBoundingClientRect().height === 0,
             };",
        )
        .await
    }

    /// Ends the analysis worker as a crash would (`window.khabar.killWorker()`, which acts once
    /// the worker has loaded: called until the form reports the restart).
    pub async fn kill_worker(&self) -> Result<()> {
        self.wait_until(
            "the page to report the worker's restart",
            "window.khabar.killWorker();
             return !!document.querySelector('.new-article__error');",
        )
        .await
    }

    /// Fills localStorage until it refuses more (keys `khabar-test-fill-N`).
    pub async fn fill_local_storage(&self) -> Result<()> {
        self.eval::<Value>(
            "let n = 0;
             for (let size = 1 << 20; size >= 16; size >>= 2) {
               const chunk = 'x'.repeat(size);
               try { for (;;) localStorage.setItem('khabar-test-fill-' + n++, chunk); } catch (e) {}
             }
             return null;",
        )
        .await?;
        Ok(())
    }

    /// Frees what [`ExplorerPage::fill_local_storage`] took.
    pub async fn free_local_storage(&self) -> Result<()> {
        self.eval::<Value>(
            "for (const k of Object.keys(localStorage)) {
               if (k.startsWith('khabar-test-fill-')) localStorage.removeItem(k);
             }
             return null;",
        )
        .await?;
        Ok(())
    }

    /// Waits for the draft notice `kind` (`storage-full`, `other-tab`).
    pub async fn wait_for_draft_notice(&self, kind: &str) -> Result<()> {
        self.find_waiting(&format!(".draft-notice[data-notice=\"{kind}\"]"))
            .await?;
        Ok(())
    }

    /// Waits until no draft notice is shown.
    pub async fn wait_for_no_draft_notice(&self) -> Result<()> {
        self.wait_until(
            "the draft notice gone",
            "return !document.querySelector('.draft-notice');",
        )
        .await
    }

    /// Clicks the notice's download link and returns the text its `data:` address carries.
    pub async fn download_draft(&self) -> Result<Option<String>> {
        self.eval(
            "const a = document.querySelector('.draft-notice__download');
             a.addEventListener('click', e => e.preventDefault(), { once: true });
             a.click();
             const href = a.getAttribute('href');
             const prefix = 'data:text/plain;charset=utf-8,';
             return href.startsWith(prefix) ? decodeURIComponent(href.slice(prefix.length)) : null;",
        )
        .await
    }

    /// Replaces the draft with `text`, fires `pagehide` as leaving the page would as soon as the
    /// page has rendered the change (well before the 300 ms pause after which the draft is saved
    /// anyway), and returns the draft then in localStorage.
    pub async fn paste_then_leave(&self, text: &str) -> Result<Option<String>> {
        self.find_waiting("#new-text").await?;
        let value = self
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 localStorage.removeItem('khabar.draft');
                 const text = arguments[0];
                 const chars = String([...text].length);
                 const area = document.querySelector('#new-text');
                 area.value = text;
                 area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
                 // Leave as soon as the page has rendered the change (its character count).
                 const leave = () => {
                   const count = document.querySelector('#new-chars bdi');
                   if (!count || count.textContent !== chars) return requestAnimationFrame(leave);
                   window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
                   const d = localStorage.getItem('khabar.draft');
                   done(d && JSON.parse(d).text);
                 };
                 leave();",
                vec![json!(text)],
            )
            .await?;
        Ok(serde_json::from_value(value)?)
    }

    /// Opens the site in a second tab and switches to it; returns the first tab's handle.
    pub async fn open_second_tab(&self) -> Result<fantoccini::wd::WindowHandle> {
        let url = self.client().current_url().await?;
        let first = self.client().window().await?;
        let tab = self.client().new_window(true).await?;
        self.client().switch_to_window(tab.handle).await?;
        self.client().goto(url.as_str()).await?;
        self.wait_for_app().await?;
        Ok(first)
    }

    /// Switches to the tab `handle`.
    pub async fn switch_to_tab(&self, handle: fantoccini::wd::WindowHandle) -> Result<()> {
        self.client().switch_to_window(handle).await?;
        Ok(())
    }
}
