//! Page objects: what a test can do on the explorer, in the reader's terms.
//!
//! `ExplorerPage::open(Viewport::DESKTOP)` serves `dist/` (`$KHABAR_DIST`, built by
//! `cargo xtask test`/`dist`), starts Chromium and waits for the app. Every wait polls with a
//! timeout ([`ExplorerPage::wait_until`]); nothing sleeps for a fixed time. To add an action,
//! add a method here built on `find`/`wait_until`/`eval`, and keep selectors in this file so
//! tests read as steps («open, click بوتين, expect 5 highlighted mentions»).

use crate::browser::{Browser, Options, Result};
use crate::server::StaticServer;
use fantoccini::Locator;
use fantoccini::elements::Element;
use serde::de::DeserializeOwned;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How often a wait re-checks its condition.
pub const POLL: Duration = Duration::from_millis(50);

/// A viewport size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Viewport {
    /// A laptop screen.
    pub const DESKTOP: Viewport = Viewport {
        width: 1280,
        height: 800,
    };
    /// A phone held upright.
    pub const PHONE: Viewport = Viewport {
        width: 390,
        height: 844,
    };
}

/// Selectors of the page's invariant parts.
pub mod selectors {
    /// The article's headline.
    pub const HEADLINE: &str = "h1.article__headline";
    /// The article region.
    pub const ARTICLE: &str = ".article";
    /// The entity sidebar.
    pub const SIDEBAR: &str = ".sidebar";
    /// The timeline.
    pub const TIMELINE: &str = ".timeline";
}

/// The explorer, loaded in Chromium from a local server of `dist/`.
#[derive(Debug)]
pub struct ExplorerPage {
    browser: Browser,
    server: StaticServer,
}

impl ExplorerPage {
    /// Serves `dist/` at `/` (or at `$KHABAR_PUBLIC_URL`, for a `dist/` built with
    /// `cargo xtask dist --public-url …`), opens it at `viewport` and waits until the app has
    /// rendered.
    pub async fn open(viewport: Viewport) -> Result<Self> {
        Self::open_at(viewport, &public_url()).await
    }

    /// Opens the site (as [`ExplorerPage::open`]) with no stored draft, on the new-article form.
    pub async fn open_new_article_form(viewport: Viewport) -> Result<Self> {
        let page = Self::open(viewport).await?;
        page.eval::<serde_json::Value>("localStorage.clear(); return null;")
            .await?;
        page.show_view("new-article").await?;
        Ok(page)
    }

    /// Like [`ExplorerPage::open`], with the site served under `prefix` (e.g. `/khabar/`, for a
    /// `dist/` built with `cargo xtask dist --public-url /khabar/`).
    pub async fn open_at(viewport: Viewport, prefix: &str) -> Result<Self> {
        let page = Self::start(viewport, prefix, Options::default(), None).await?;
        page.browser.client().goto(&page.server.url()).await?;
        page.wait_for_app().await?;
        Ok(page)
    }

    /// Opens the site at the fragment `fragment` (a share link's part after `#`, issue 13) in a
    /// fresh browser, and waits until the app has rendered.
    pub async fn open_fragment(viewport: Viewport, fragment: &str) -> Result<Self> {
        let page = Self::start(viewport, &public_url(), Options::default(), None).await?;
        let url = format!("{}#{fragment}", page.server.url());
        page.browser.client().goto(&url).await?;
        page.wait_for_app().await?;
        Ok(page)
    }

    /// Opens the site with JavaScript turned off: only the prerendered HTML (issue 12).
    pub async fn open_without_javascript(viewport: Viewport) -> Result<Self> {
        let options = Options {
            no_javascript: true,
            ..Options::default()
        };
        let page = Self::start(viewport, &public_url(), options, None).await?;
        page.browser.client().goto(&page.server.url()).await?;
        page.find_waiting(selectors::HEADLINE).await?;
        Ok(page)
    }

    /// Opens the site while the server holds back the page's wasm until
    /// [`ExplorerPage::release_wasm`]; returns as soon as navigation starts (issue 12).
    pub async fn open_holding_wasm(viewport: Viewport) -> Result<Self> {
        let options = Options {
            no_load_wait: true,
            ..Options::default()
        };
        let page = Self::start(viewport, &public_url(), options, Some("_bg.wasm")).await?;
        page.browser.client().goto(&page.server.url()).await?;
        Ok(page)
    }

    async fn start(
        viewport: Viewport,
        prefix: &str,
        options: Options,
        held: Option<&str>,
    ) -> Result<Self> {
        let server = match held {
            Some(_) => StaticServer::start_holding(&dist_dir()?, prefix, held)?,
            None => StaticServer::start(&dist_dir()?, prefix)?,
        };
        let browser = if options == Options::default() {
            Browser::start(viewport.width, viewport.height).await?
        } else {
            Browser::start_with(viewport.width, viewport.height, options).await?
        };
        let page = Self { browser, server };
        if !options.no_javascript {
            page.set_viewport(viewport).await?;
        }
        Ok(page)
    }

    /// Lets the server answer the held wasm requests.
    pub fn release_wasm(&self) {
        self.server.release();
    }

    /// Every path the browser has requested from the site so far.
    pub fn requests(&self) -> Vec<String> {
        self.server.requests()
    }

    /// Every request the site has seen so far, with its fetch destination.
    pub fn seen(&self) -> Vec<crate::server::Seen> {
        self.server.seen()
    }

    /// The site's origin and prefix (`http://127.0.0.1:PORT/`).
    pub fn site_url(&self) -> String {
        self.server.url()
    }

    /// Takes the site offline: its server refuses connections from now on (issue 13).
    pub fn stop_server(&mut self) {
        self.server.stop();
    }

    /// Waits until a service worker controls the page and has cached the site (issue 13).
    pub async fn wait_for_service_worker(&self) -> Result<()> {
        self.wait_until(
            "a service worker to control the page",
            "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;",
        )
        .await
    }

    /// Waits (polling, up to [`TIMEOUT`]) until the server has seen a request whose path
    /// satisfies `wanted`.
    pub async fn wait_for_request(&self, what: &str, wanted: impl Fn(&str) -> bool) -> Result<()> {
        self.wait_for_seen(what, |seen| wanted(&seen.path)).await
    }

    /// Waits (polling, up to [`TIMEOUT`]) until the server has seen a request that satisfies
    /// `wanted` (path and fetch destination).
    pub async fn wait_for_seen(
        &self,
        what: &str,
        wanted: impl Fn(&crate::server::Seen) -> bool,
    ) -> Result<()> {
        let start = Instant::now();
        loop {
            if self.seen().iter().any(&wanted) {
                return Ok(());
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!("timed out after {TIMEOUT:?} waiting for {what}").into());
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the app has taken over the page: the prerendered article is hydrated and
    /// `window.khabar.state()` answers.
    pub async fn wait_for_app(&self) -> Result<()> {
        self.find_waiting(selectors::HEADLINE).await?;
        self.wait_until(
            "the app to hydrate the page",
            "return !!window.khabar && window.khabar.state() !== null;",
        )
        .await
    }

    /// The headline's text.
    pub async fn headline_text(&self) -> Result<String> {
        let text = self.find_waiting(selectors::HEADLINE).await?.text().await?;
        Ok(text.trim().to_owned())
    }

    /// An attribute of `<html>` (`dir`, `lang`).
    pub async fn html_attribute(&self, name: &str) -> Result<Option<String>> {
        self.eval(&format!(
            "return document.documentElement.getAttribute({});",
            serde_json::to_string(name)?
        ))
        .await
    }

    /// Whether an element matching `css` is on the page now.
    pub async fn has(&self, css: &str) -> Result<bool> {
        Ok(!self
            .browser
            .client()
            .find_all(Locator::Css(css))
            .await?
            .is_empty())
    }

    /// Waits until a font face of `family` has status `loaded` (the page's CSS made the browser
    /// fetch and decode it).
    pub async fn wait_for_font(&self, family: &str) -> Result<()> {
        let family = serde_json::to_string(family)?;
        self.wait_until(
            &format!("font {family} loaded"),
            &format!(
                "return [...document.fonts].some(f => \
                 f.family.replace(/[\"']/g, '') === {family} && f.status === 'loaded');"
            ),
        )
        .await
    }

    /// The text of every element matching `css`, in document order (works without JavaScript).
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for el in self.browser.client().find_all(Locator::Css(css)).await? {
            out.push(el.text().await?);
        }
        Ok(out)
    }

    /// The attribute `name` of every element matching `css` that has it, in document order
    /// (works without JavaScript).
    pub async fn attributes(&self, css: &str, name: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for el in self.browser.client().find_all(Locator::Css(css)).await? {
            if let Some(value) = el.attr(name).await? {
                out.push(value);
            }
        }
        Ok(out)
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> Result<usize> {
        Ok(self
            .browser
            .client()
            .find_all(Locator::Css(css))
            .await?
            .len())
    }

    /// Clicks the entity called `name` in the sidebar (the first entry whose text contains it).
    pub async fn click_entity(&self, name: &str) -> Result<()> {
        let entries = self
            .browser
            .client()
            .find_all(Locator::Css(&format!(
                "{} button, {} li",
                selectors::SIDEBAR,
                selectors::SIDEBAR
            )))
            .await?;
        for entry in entries {
            if entry.text().await?.contains(name) {
                entry.click().await?;
                return Ok(());
            }
        }
        Err(format!("no entity '{name}' in the sidebar").into())
    }

    /// Resizes the window so that the page's viewport is exactly `viewport`.
    ///
    /// A resize lands asynchronously (and, with `pageLoadStrategy: none`, the first reading can
    /// come from a page that is not laid out yet), so each attempt polls the viewport until it
    /// reads the same non-empty size twice before judging it; window chrome, if any, is then
    /// added to the window's size.
    pub async fn set_viewport(&self, viewport: Viewport) -> Result<()> {
        let client = self.browser.client();
        let target = (viewport.width, viewport.height);
        let (mut w, mut h) = target;
        let start = Instant::now();
        let mut last = (0, 0);
        while start.elapsed() < TIMEOUT {
            client.set_window_size(w, h).await?;
            let inner = self.settled_viewport(target).await?;
            if inner == target {
                return Ok(());
            }
            last = inner;
            if inner.0 > 0 && inner.1 > 0 {
                w = (w + target.0).saturating_sub(inner.0);
                h = (h + target.1).saturating_sub(inner.1);
            }
        }
        Err(format!("could not size the viewport to {viewport:?}: it stays {last:?}").into())
    }

    /// Reads `innerWidth × innerHeight` until it equals `target` or reads the same non-empty
    /// size twice in a row (polling, at most a second).
    async fn settled_viewport(&self, target: (u32, u32)) -> Result<(u32, u32)> {
        let read = || self.eval::<(u32, u32)>("return [window.innerWidth, window.innerHeight];");
        let mut previous = read().await?;
        let start = Instant::now();
        while previous != target && start.elapsed() < Duration::from_secs(1) {
            tokio::time::sleep(POLL).await;
            let now = read().await?;
            if now == previous && now.0 > 0 && now.1 > 0 {
                break;
            }
            previous = now;
        }
        Ok(previous)
    }

    /// Saves a PNG of the viewport as `target/screenshots/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.browser.client().screenshot().await?;
        let dir = target_dir().join("screenshots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Waits (polling, up to [`TIMEOUT`]) for `css` to match, and returns the first match.
    pub async fn find_waiting(&self, css: &str) -> Result<Element> {
        self.browser
            .client()
            .wait()
            .at_most(TIMEOUT)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waiting for '{css}': {e}").into())
    }

    /// Waits (polling, up to [`TIMEOUT`]) until the JavaScript body `script` returns `true`.
    pub async fn wait_until(&self, what: &str, script: &str) -> Result<()> {
        let start = Instant::now();
        loop {
            if self.eval::<bool>(script).await? {
                return Ok(());
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!("timed out after {TIMEOUT:?} waiting for {what}").into());
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Runs the JavaScript function body `script` in the page and decodes what it returns.
    pub async fn eval<T: DeserializeOwned>(&self, script: &str) -> Result<T> {
        let value = self.browser.client().execute(script, Vec::new()).await?;
        Ok(serde_json::from_value(value)?)
    }

    /// The WebDriver client, for what the page object does not cover yet.
    pub fn client(&self) -> &fantoccini::Client {
        self.browser.client()
    }

    /// Ends the browser session; the driver and server stop when the page is dropped.
    pub async fn close(self) -> Result<()> {
        let Self { browser, server } = self;
        browser.close().await?;
        drop(server);
        Ok(())
    }
}

/// The subpath the site is served under: `$KHABAR_PUBLIC_URL`, else `/`.
pub fn public_url() -> String {
    std::env::var("KHABAR_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned())
}

/// The built site: `$KHABAR_DIST`, else `dist/` in the workspace.
pub fn dist_dir() -> Result<PathBuf> {
    let dir = std::env::var_os("KHABAR_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    if dir.join("index.html").is_file() {
        Ok(dir)
    } else {
        Err(format!(
            "{} has no index.html: build it first (cargo xtask dist)",
            dir.display()
        )
        .into())
    }
}

/// Cargo's target directory.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}
