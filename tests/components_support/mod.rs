//! Shared helpers of the native server-side-render snapshot tests.

use yew::{BaseComponent, LocalServerRenderer};

/// Renders a component to HTML without hydration markers.
pub async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The HTML with a line break before each block-level or list tag, for readable snapshots.
pub fn lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    for (i, part) in html.split('<').enumerate() {
        if i > 0 {
            let block = [
                "p", "h1", "h2", "h3", "li", "ul", "ol", "section", "article", "div", "dl", "dt",
                "dd", "button", "main", "aside", "header", "nav", "form", "label", "input",
                "textarea",
            ]
            .iter()
            .any(|t| part.starts_with(t) && part[t.len()..].starts_with([' ', '>', '/']));
            if block {
                out.push('\n');
            }
            out.push('<');
        }
        out.push_str(part);
    }
    out.trim_start().to_owned()
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}
