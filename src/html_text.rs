//! HTML reduced to plain text without ever rendering it: tags dropped, block ends as line
//! breaks, `script`/`style` contents removed, common entities decoded.
//!
//! A local fallback until `khabar_nlp::structure::html_to_text` lands (issue 6 asks for pasted
//! HTML to be reduced to text).

/// Whether `text` looks like HTML (starts with a tag after whitespace, or has `<html`/`<p>`).
pub fn looks_like_html(text: &str) -> bool {
    let lower = text
        .trim_start()
        .get(..200.min(text.trim_start().len()))
        .unwrap_or_default();
    let lower = lower.to_ascii_lowercase();
    lower.starts_with("<!doctype")
        || lower.starts_with("<html")
        || lower.contains("<p>")
        || lower.contains("<p ")
        || lower.contains("<div")
}

/// The text of `html`: one line per block element, trimmed, blank runs collapsed.
pub fn html_to_text(html: &str) -> String {
    const BLOCKS: [&str; 16] = [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "article",
        "section",
        "header",
        "blockquote",
        "title",
    ];
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while let Some(open) = rest.find('<') {
        if skip_until.is_none() {
            out.push_str(&decode_entities(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |i| i + 1);
        let tag = &after[..close.saturating_sub(1).min(after.len())];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        match skip_until {
            Some(end) if closing && name == end => skip_until = None,
            Some(_) => {}
            None if !closing && (name == "script" || name == "style") => {
                skip_until = Some(if name == "script" { "script" } else { "style" });
            }
            None if BLOCKS.contains(&name.as_str()) => out.push('\n'),
            None => {}
        }
        rest = after.get(close..).unwrap_or_default();
    }
    if skip_until.is_none() {
        out.push_str(&decode_entities(rest));
    }
    let mut text = String::with_capacity(out.len());
    for line in out.lines().map(str::trim).filter(|l| !l.is_empty()) {
        text.push_str(line);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&laquo;", "«")
        .replace("&raquo;", "»")
        .replace("&amp;", "&")
}
