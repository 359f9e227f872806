//! Pages rendered at build time (feature `prerender`, native only): every article in `articles/`
//! is analysed here with the same `khabar_nlp` code the worker runs, and written as a static
//! page whose HTML already holds the laid-out article, its highlights, the entity sidebar and the
//! timeline (Yew's server renderer, hydratable), plus the [`PageData`] for the app to hydrate.
//!
//! Output, next to Trunk's `index.html` (the template): `a/<slug>/index.html` per article, and
//! `index.html` itself showing the bundled article when it is the only one, else an index of the
//! articles (headline, date, main entities). All pages share the template's `<head>`, whose
//! `<base href>` is the public URL, so they work under a subpath too. Every page's head also gets
//! the security, preview and install tags of [`crate::site`], and the site its manifest and
//! service worker.

use crate::page::{DATA_ID, PageData, ROOT_ID};
use crate::{App, AppProps};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The empty mount point in the template that a page's content replaces.
pub const MOUNT: &str = "<div id=\"khabar-root\"></div>";

/// An article of `articles/`, analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file stem (`articles/<slug>.txt`): the page lives at `a/<slug>/`.
    pub slug: String,
    /// The text, the date and the analysis.
    pub data: PageData,
}

impl Article {
    /// Analyses `text` published on `published`.
    pub fn new(slug: &str, text: &str, published: Option<&str>) -> Article {
        Article {
            slug: slug.to_owned(),
            data: PageData {
                text: text.to_owned(),
                published: published.map(str::to_owned),
                analysis: crate::analyze(text, published),
            },
        }
    }

    /// The headline, or else the first line of the text (at most 80 characters).
    pub fn headline(&self) -> String {
        crate::article::headline(&self.data.text, &self.data.analysis)
            .map(str::to_owned)
            .unwrap_or_else(|| {
                let first = self.data.text.lines().find(|l| !l.trim().is_empty());
                first.unwrap_or_default().chars().take(80).collect()
            })
            .trim()
            .to_owned()
    }
}

/// Reads and analyses every `*.txt` of `dir` (sorted by name), with the `published` date of the
/// `.toml` file of the same name when there is one.
pub fn read_articles(dir: &Path) -> std::io::Result<Vec<Article>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let slug = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let metadata = std::fs::read_to_string(path.with_extension("toml")).unwrap_or_default();
        let published = metadata_value(&metadata, "published");
        articles.push(Article::new(&slug, &text, published.as_deref()));
    }
    Ok(articles)
}

/// The quoted value of `key = "…"` in a flat TOML text.
pub fn metadata_value(metadata: &str, key: &str) -> Option<String> {
    metadata.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        if k.trim() != key {
            return None;
        }
        let v = v.trim();
        Some(v.strip_prefix('"')?.strip_suffix('"')?.to_owned())
    })
}

/// The app's hydratable HTML for `data` (what goes inside `<div id="khabar-root">`).
pub async fn render_app(data: &PageData) -> String {
    let data = data.clone();
    yew::ServerRenderer::<App>::with_props(move || AppProps {
        text: data.text.clone().into(),
        published: data.published.clone().map(Into::into),
        analysis: Some(Rc::new(data.analysis.clone())),
    })
    .hydratable(true)
    .render()
    .await
}

/// The page of one article: the template with its mount point filled and its data attached.
pub async fn article_page(template: &str, article: &Article) -> String {
    let app = render_app(&article.data).await;
    let content = format!(
        "<div id=\"{ROOT_ID}\">{app}</div>\n<script type=\"application/json\" id=\"{DATA_ID}\">{}</script>",
        article.data.to_script_json()
    );
    let title = format!("{} — خبر", escape(&article.headline()));
    fill(template, &content, &title)
}

/// `template` with what every page's `<head>` carries added (issue 13): the security tags
/// first after the charset (so that they govern everything after them), then the manifest, icon and theme colour,
/// the service worker's registration, and `extra` (an article's preview tags).
pub fn with_head(template: &str, extra: &str) -> String {
    let register = format!("<script>{}</script>\n", crate::site::REGISTER_SCRIPT);
    let tail = format!("  {}  {extra}  {register}</head>", crate::site::app_tags());
    let page = template.replacen("</head>", &tail, 1);
    let security = crate::site::security_tags(&page);
    // After `<meta charset>` (which must come within the first 1024 bytes), before the rest.
    let charset = page.find("<meta charset=\"utf-8\">").map(|at| at + 22);
    match charset.or_else(|| page.find("<head>").map(|at| at + "<head>".len())) {
        Some(at) => format!("{}\n  {security}{}", &page[..at], &page[at..]),
        None => page,
    }
}

/// The index page of several articles: headline, date and main entities of each, linked.
pub fn index_page(template: &str, articles: &[Article]) -> String {
    let mut list = String::from(
        "<main class=\"layout layout--index\" id=\"main\"><section class=\"index\" aria-labelledby=\"index-title\">\
         <h1 class=\"index__title\" id=\"index-title\">المقالات</h1><ol class=\"index__list\">",
    );
    for article in articles {
        let entities: Vec<String> = article
            .data
            .analysis
            .entities
            .iter()
            .take(4)
            .map(|e| format!("<li>{}</li>", escape(&e.name)))
            .collect();
        let date = article.data.published.as_deref().unwrap_or_default();
        let _ = write!(
            list,
            "<li class=\"index__item\"><a class=\"index__link\" href=\"a/{}/\">{}</a>\
             <time class=\"index__date\" datetime=\"{}\">{}</time>\
             <ul class=\"index__entities\">{}</ul></li>",
            escape(&article.slug),
            escape(&article.headline()),
            escape(date),
            escape(date),
            entities.concat()
        );
    }
    list.push_str("</ol></section></main>");
    let content = format!("<div id=\"{ROOT_ID}\" class=\"app\">{list}</div>");
    fill(template, &content, "خبر — مستكشف الأخبار العربية")
}

/// The template with the mount point replaced by `content` and the title by `title`.
fn fill(template: &str, content: &str, title: &str) -> String {
    let page = template.replacen(MOUNT, content, 1);
    match (page.find("<title>"), page.find("</title>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}<title>{title}{}", &page[..start], &page[end..])
        }
        _ => page,
    }
}

/// `&`, `<`, `>`, `"` and `'` as character references.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the pages of every article of `articles_dir` into `site` (which holds Trunk's
/// `index.html`); returns the paths written.
pub async fn write_site(site: &Path, articles_dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let template_path = site.join("index.html");
    let template = std::fs::read_to_string(&template_path)?;
    if !template.contains(MOUNT) {
        return Err(std::io::Error::other(format!(
            "{} has no {MOUNT} to fill (was it prerendered already?)",
            template_path.display()
        )));
    }
    let articles = read_articles(articles_dir)?;
    let site_url = std::env::var("KHABAR_SITE_URL").ok();
    let mut written = Vec::new();
    let mut pages = Vec::new();
    for article in &articles {
        let preview = crate::site::preview_tags(article, site_url.as_deref());
        let page = article_page(&with_head(&template, &preview), article).await;
        let dir = site.join("a").join(&article.slug);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("index.html"), &page)?;
        written.push(dir.join("index.html"));
        pages.push(page);
    }
    let root = match pages.as_slice() {
        [only] => only.clone(),
        _ => index_page(&with_head(&template, ""), &articles),
    };
    std::fs::write(&template_path, root)?;
    written.push(template_path);
    let manifest = site.join(crate::site::MANIFEST);
    std::fs::write(&manifest, crate::site::manifest())?;
    written.push(manifest);
    // Last, so that it lists every other file.
    let urls = crate::site::site_urls(site)?;
    let version = crate::site::site_version(site, &urls)?;
    let worker = site.join(crate::site::SERVICE_WORKER);
    std::fs::write(&worker, crate::site::service_worker(&urls, &version))?;
    written.push(worker);
    Ok(written)
}
