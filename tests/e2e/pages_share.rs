//! Page-object actions of sharing (issue 13): the share button and its message, share links,
//! `window.khabar.open/shareLink/exportFile`, opening a `.khabar.json` file, and a recorder of
//! console errors for same-page navigations.

use crate::browser::Result;
use crate::pages::ExplorerPage;
use fantoccini::Locator;
use serde_json::{Value, json};

impl ExplorerPage {
    /// Runs `window.khabar[name](...args)` (a Promise) and returns what it resolves to, or
    /// `Err` with what it rejected with.
    async fn khabar_promise(&self, name: &str, args: Vec<Value>) -> Result<Value> {
        let value = self
            .client()
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1];
                     const args = Array.from(arguments).slice(0, -1);
                     window.khabar[{}](...args).then(v => done({{ ok: v }}), e => done({{ error: String(e) }}));",
                    json!(name)
                ),
                args,
            )
            .await?;
        match (value.get("ok"), value.get("error")) {
            (Some(ok), _) => Ok(ok.clone()),
            (None, Some(error)) => Err(format!("khabar.{name} failed: {error}").into()),
            (None, None) => Err(format!("khabar.{name} answered {value}").into()),
        }
    }

    /// Shows `text` (published on `date`) as if pasted, with `window.khabar.open`, and waits
    /// until the reader shows it.
    pub async fn open_text(&self, text: &str, date: Option<&str>) -> Result<()> {
        let shown = self
            .khabar_promise("open", vec![json!(text), json!(date)])
            .await?;
        if shown != json!(true) {
            return Err(format!("khabar.open did not show the text: {shown}").into());
        }
        self.wait_until(
            "the opened article in the reader",
            "const s = window.khabar.state();
             return s.pasted && s.progress === 'idle' && s.view === 'reader';",
        )
        .await
    }

    /// `window.khabar.shareLink()`: the link of the current view.
    pub async fn share_link(&self) -> Result<String> {
        let link = self.khabar_promise("shareLink", Vec::new()).await?;
        Ok(link.as_str().ok_or("shareLink gave no string")?.to_owned())
    }

    /// `window.khabar.exportFile(format)`: the file the download menu makes.
    pub async fn export_file(&self, format: &str) -> Result<String> {
        let file = self
            .khabar_promise("exportFile", vec![json!(format)])
            .await?;
        Ok(file.as_str().ok_or("exportFile gave no string")?.to_owned())
    }

    /// Clicks the share button and waits for its message; returns the message's key and the
    /// link it shows.
    pub async fn click_share(&self) -> Result<(String, String)> {
        self.click_css(".share button.share__button").await?;
        let notice = self.wait_for_notice_element().await?;
        let key = notice.attr("data-notice").await?.unwrap_or_default();
        let link = match self
            .client()
            .find(Locator::Css(".notice .notice__link"))
            .await
        {
            Ok(input) => input.prop("value").await?.unwrap_or_default(),
            Err(_) => String::new(),
        };
        Ok((key, link))
    }

    /// The key of the message shown about a link or a file, waiting until there is one.
    pub async fn wait_for_notice(&self) -> Result<String> {
        let notice = self.wait_for_notice_element().await?;
        Ok(notice.attr("data-notice").await?.unwrap_or_default())
    }

    async fn wait_for_notice_element(&self) -> Result<fantoccini::elements::Element> {
        self.find_waiting(".notice[data-notice]").await
    }

    /// The message's text as shown.
    pub async fn notice_text(&self) -> Result<String> {
        let notice = self.find_waiting(".notice .notice__text").await?;
        Ok(notice.text().await?)
    }

    /// Opens the file at `path` with the share panel's "open a .khabar.json file" control and
    /// waits until the reader shows a reader's own article.
    pub async fn open_bundle_file(&self, path: &std::path::Path) -> Result<()> {
        let before: u64 = self.eval("return window.khabar.state().request;").await?;
        self.click_css(".share .share__summary").await?;
        let input = self.find_waiting("#share-open").await?;
        input.send_keys(&path.display().to_string()).await?;
        self.wait_until(
            "the bundle's article in the reader",
            &format!(
                "const s = window.khabar.state();
                 return s.request > {before} && s.pasted && s.progress === 'idle';"
            ),
        )
        .await
    }

    /// Starts recording `console.error` calls and uncaught errors of this document (a
    /// navigation to another document ends the recording).
    pub async fn record_console_errors(&self) -> Result<()> {
        self.eval::<Value>(
            "window.__khabarErrors = [];
             const original = console.error.bind(console);
             console.error = (...args) => { window.__khabarErrors.push(args.map(String).join(' ')); original(...args); };
             window.addEventListener('error', e => window.__khabarErrors.push('error: ' + e.message));
             window.addEventListener('unhandledrejection', e => window.__khabarErrors.push('rejection: ' + e.reason));
             return null;",
        )
        .await?;
        Ok(())
    }

    /// What [`ExplorerPage::record_console_errors`] has recorded.
    pub async fn console_errors(&self) -> Result<Vec<String>> {
        self.eval("return window.__khabarErrors || [];").await
    }

    /// Changes only the fragment of the page's address (a same-document navigation: the app
    /// hears `hashchange`).
    pub async fn set_fragment(&self, fragment: &str) -> Result<()> {
        self.eval_with::<Value>(
            "location.hash = arguments[0]; return null;",
            vec![json!(fragment)],
        )
        .await?;
        Ok(())
    }
}
