//! What the build adds around the pages so that they can be shared, installed and kept to
//! themselves (issue 13; feature `prerender`, native only, run by the post-build hook):
//!
//! - link previews: Open Graph and Twitter card tags per article page (headline, first paragraph,
//!   site name, publication date; an image only when the site's absolute URL is known, since
//!   previews need absolute image URLs);
//! - no leaks: a Content Security Policy (`<meta http-equiv>`, the only way a static site without
//!   server headers can set one) that allows the site's own files and nothing else, with the
//!   inline scripts allowed by their SHA-256 hashes, and `Referrer-Policy: no-referrer`;
//! - offline and installable: `manifest.webmanifest`, and `sw.js`, a service worker that caches
//!   every file of the site when it installs (after the page's `load`, so never during the first
//!   view) and answers from that cache when the network fails. Its cache name is a hash of the
//!   files' contents, so a new build replaces the old cache.

use crate::prerender::{Article, escape};
use base64::Engine as _;
use khabar_nlp::analysis::BlockKind;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The site's name, as previews and the installed app show it.
pub const SITE_NAME: &str = "خبر";
/// The service worker's file, at the site's root (its scope is the whole site).
pub const SERVICE_WORKER: &str = "sw.js";
/// The web app manifest's file, at the site's root.
pub const MANIFEST: &str = "manifest.webmanifest";
/// The icon the manifest and the previews point at (an SVG, `assets/icon.svg`).
pub const ICON: &str = "icon.svg";
/// How long a preview's description may be, in characters.
const DESCRIPTION_CHARS: usize = 200;
/// How many words a paragraph needs to be taken for the lede.
const LEDE_WORDS: usize = 8;

/// The Content Security Policy for a page whose inline scripts are `inline_scripts`.
///
/// - scripts: the site's own files, the inline scripts by hash, and `'wasm-unsafe-eval'`
///   (compiling WebAssembly; it does not allow `eval`);
/// - styles: the site's own stylesheet; inline `style` *attributes* are allowed because the
///   timeline positions its marks with custom properties (`style="--start: 3.8%"`), which cannot
///   run code;
/// - fonts, images, fetches, workers and the manifest: the site's own files only (images also
///   `data:` and `blob:`, which the page makes itself);
/// - nothing else: no frames, no objects, no form targets, no `<base>` elsewhere.
pub fn content_security_policy(inline_scripts: &[&str]) -> String {
    let hashes: String = inline_scripts
        .iter()
        .map(|script| format!(" 'sha256-{}'", sha256_base64(script.as_bytes())))
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self'; style-src-attr 'unsafe-inline'; font-src 'self'; \
         img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'; \
         frame-src 'none'"
    )
}

/// The text of every inline `<script>` of `html` that a browser would run (not JSON data
/// blocks), exactly as written between its tags.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let tag_end = match rest[open..].find('>') {
            Some(end) => open + end,
            None => break,
        };
        let tag = &rest[open..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        if !tag.contains(" src=") && !tag.contains("application/json") {
            scripts.push(body);
        }
        rest = &rest[body_start + close + "</script>".len()..];
    }
    scripts
}

/// The security tags for a page (the template with its inline scripts): the CSP and the
/// referrer policy, to go first in `<head>`.
pub fn security_tags(page: &str) -> String {
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n  \
         <meta name=\"referrer\" content=\"no-referrer\">\n",
        content_security_policy(&inline_scripts(page))
    )
}

/// The link-preview tags of an article's page. `site_url` is the site's absolute URL
/// (`https://example.org/khabar/`) when the build knows it; it adds `og:url` and the image.
pub fn preview_tags(article: &Article, site_url: Option<&str>) -> String {
    let headline = escape(&article.headline());
    let description = escape(&description(article));
    let mut tags = format!(
        "<meta name=\"description\" content=\"{description}\">\n  \
         <meta property=\"og:type\" content=\"article\">\n  \
         <meta property=\"og:site_name\" content=\"{SITE_NAME}\">\n  \
         <meta property=\"og:locale\" content=\"ar_AR\">\n  \
         <meta property=\"og:title\" content=\"{headline}\">\n  \
         <meta property=\"og:description\" content=\"{description}\">\n  \
         <meta name=\"twitter:card\" content=\"summary\">\n  \
         <meta name=\"twitter:title\" content=\"{headline}\">\n  \
         <meta name=\"twitter:description\" content=\"{description}\">\n"
    );
    if let Some(date) = &article.data.published {
        tags.push_str(&format!(
            "  <meta property=\"article:published_time\" content=\"{}\">\n",
            escape(date)
        ));
    }
    if let Some(site) = site_url.filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        let site = site.trim_end_matches('/');
        let slug = escape(&article.slug);
        tags.push_str(&format!(
            "  <meta property=\"og:url\" content=\"{site}/a/{slug}/\">\n  \
             <meta property=\"og:image\" content=\"{site}/{ICON}\">\n  \
             <meta name=\"twitter:image\" content=\"{site}/{ICON}\">\n"
        ));
    }
    tags
}

/// The tags every page carries for installing: the manifest, the icon and the theme colour.
pub fn app_tags() -> String {
    format!(
        "<link rel=\"manifest\" href=\"{MANIFEST}\">\n  \
         <link rel=\"icon\" href=\"{ICON}\" type=\"image/svg+xml\">\n  \
         <meta name=\"theme-color\" content=\"#8a1c1c\">\n"
    )
}

/// The article's lede — its first paragraph of at least [`LEDE_WORDS`] words, else its first
/// paragraph, else its text —, cut at a word to at most
/// [`DESCRIPTION_CHARS`] characters with an ellipsis.
pub fn description(article: &Article) -> String {
    let text = &article.data.text;
    let paragraphs: Vec<&str> = article
        .data
        .analysis
        .structure
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| crate::article::char_slice(text, b.start, b.end))
        .collect();
    // The lede: the first paragraph that reads as a sentence, not a short line such as a date.
    let paragraph = paragraphs
        .iter()
        .find(|p| p.split_whitespace().count() >= LEDE_WORDS)
        .or(paragraphs.first())
        .copied()
        .unwrap_or(text);
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let needed = out.chars().count() + word.chars().count() + usize::from(!out.is_empty());
        if needed > DESCRIPTION_CHARS - 1 {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The web app manifest: the explorer, right to left, opening on the site's root.
pub fn manifest() -> String {
    serde_json::json!({
        "name": "خبر — مستكشف الأخبار العربية",
        "short_name": SITE_NAME,
        "description": "Arabic news article explorer: names, entities and a timeline, analysed in the browser.",
        "lang": "ar",
        "dir": "rtl",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#f7f4ee",
        "theme_color": "#8a1c1c",
        "icons": [
            { "src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any" }
        ]
    })
    .to_string()
}

/// The URLs (relative to the site's root) that the service worker caches: every file of
/// `site`, with `…/index.html` cached under its directory's URL (`./`, `a/<slug>/`) as well,
/// since that is the address readers open. Sorted, without the service worker itself.
pub fn site_urls(site: &Path) -> std::io::Result<Vec<String>> {
    let mut urls = Vec::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(relative) = path.strip_prefix(site) else {
                continue;
            };
            let url = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if url == SERVICE_WORKER {
                continue;
            }
            if let Some(dir) = url.strip_suffix("index.html") {
                urls.push(if dir.is_empty() {
                    "./".to_owned()
                } else {
                    dir.to_owned()
                });
            }
            urls.push(url);
        }
    }
    urls.sort();
    Ok(urls)
}

/// The service worker for a site of `urls` whose files hash to `version`.
///
/// Install: cache every URL (bypassing the HTTP cache), then take over at once. Activate: drop
/// the caches of older builds. Fetch: the site's own GET requests go to the network while there
/// is one (a reader online always gets the site as it is now, and the server sees what the page
/// asks for); when the network fails they are answered from the cache (query strings ignored),
/// a navigation to an unknown page with the root page. Requests to other origins are not
/// touched (the CSP forbids them anyway).
pub fn service_worker(urls: &[String], version: &str) -> String {
    let list = serde_json::to_string(urls).unwrap_or_else(|_| "[]".to_owned());
    format!(
        "// khabar's service worker (written by khabar-prerender at build time; issue 13).\n\
         const CACHE = 'khabar-{version}';\n\
         const FILES = {list};\n\
         self.addEventListener('install', (event) => {{\n\
         \x20 event.waitUntil(caches.open(CACHE)\n\
         \x20   .then((cache) => cache.addAll(FILES.map((f) => new Request(f, {{ cache: 'reload' }}))))\n\
         \x20   .then(() => self.skipWaiting()));\n\
         }});\n\
         self.addEventListener('activate', (event) => {{\n\
         \x20 event.waitUntil(caches.keys()\n\
         \x20   .then((keys) => Promise.all(keys\n\
         \x20     .filter((k) => k.startsWith('khabar-') && k !== CACHE)\n\
         \x20     .map((k) => caches.delete(k))))\n\
         \x20   .then(() => self.clients.claim()));\n\
         }});\n\
         self.addEventListener('fetch', (event) => {{\n\
         \x20 const request = event.request;\n\
         \x20 if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;\n\
         \x20 event.respondWith(fetch(request).catch(async (error) => {{\n\
         \x20   const cache = await caches.open(CACHE);\n\
         \x20   const hit = (await cache.match(request, {{ ignoreSearch: true }}))\n\
         \x20     || (request.mode === 'navigate' ? await cache.match('./') : undefined);\n\
         \x20   if (hit) return hit;\n\
         \x20   throw error;\n\
         \x20 }}));\n\
         }});\n"
    )
}

/// The registration script every page runs (inline, allowed by its hash): once the page has
/// loaded, so that caching the site never competes with the first view.
pub const REGISTER_SCRIPT: &str = "if ('serviceWorker' in navigator) { addEventListener('load', () => { navigator.serviceWorker.register('sw.js').catch(() => {}); }); }";

/// A short hash of every file of `site` (paths and contents), naming the service worker's cache.
pub fn site_version(site: &Path, urls: &[String]) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    for url in urls.iter().filter(|u| !u.ends_with('/')) {
        hasher.update(url.as_bytes());
        hasher.update([0]);
        hasher.update(std::fs::read(site.join(url))?);
    }
    let digest = hasher.finalize();
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

fn sha256_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
}
