//! Pasted HTML reduced to the plain-text article convention, never executed or rendered.
//!
//! A small tolerant tokenizer (tags, comments, entities) walks the markup once: `h1` becomes a
//! headline line, `h2`–`h6` a «- » subheading line, `p`, `li`, `blockquote` and `figcaption` a
//! paragraph line (a `br` inside starts a new line). The content of `script`, `style`, `head`,
//! `nav`, `footer`, `aside`, `form` and similar is dropped. When the markup has none of those
//! text blocks, every block-level tag becomes a line break instead. Entities are decoded and
//! whitespace collapsed.

/// The text of headings and paragraphs of `html`, one block per line.
pub fn html_to_text(html: &str) -> String {
    let items = lex(html);
    let has_blocks = items.iter().any(|i| match i {
        Item::Open(name) => block_prefix(name).is_some(),
        _ => false,
    });
    let mut lines: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    let mut skip_depth: Vec<String> = Vec::new();
    let mut prefix = "";
    let flush = |current: &mut Option<String>, lines: &mut Vec<String>, prefix: &str| {
        if let Some(text) = current.take() {
            let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !collapsed.is_empty() {
                lines.push(format!("{prefix}{collapsed}"));
            }
        }
    };
    for item in items {
        match item {
            Item::Open(name) if !skip_depth.is_empty() => {
                if is_skipped(&name) && !is_void(&name) {
                    skip_depth.push(name);
                }
            }
            Item::Close(name) if !skip_depth.is_empty() => {
                if let Some(pos) = skip_depth.iter().rposition(|n| *n == name) {
                    skip_depth.truncate(pos);
                }
            }
            Item::Text(_) if !skip_depth.is_empty() => {}
            Item::Open(name) if is_skipped(&name) => skip_depth.push(name),
            Item::Open(name) | Item::Close(name) if name == "br" => {
                if current.is_some() || !has_blocks {
                    flush(&mut current, &mut lines, prefix);
                    current = Some(String::new());
                }
            }
            Item::Open(name) => {
                if let Some(p) = block_prefix(&name).filter(|_| has_blocks) {
                    flush(&mut current, &mut lines, prefix);
                    prefix = p;
                    current = Some(String::new());
                } else if !has_blocks && is_block_level(&name) {
                    flush(&mut current, &mut lines, prefix);
                    current = Some(String::new());
                }
            }
            Item::Close(name) => {
                if (has_blocks && block_prefix(&name).is_some())
                    || (!has_blocks && is_block_level(&name))
                {
                    flush(&mut current, &mut lines, prefix);
                    prefix = "";
                }
            }
            Item::Text(text) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&text);
                } else if !has_blocks {
                    current = Some(text);
                }
            }
        }
    }
    flush(&mut current, &mut lines, prefix);
    lines.join("\n")
}

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Open(String),
    Close(String),
    Text(String),
}

fn block_prefix(name: &str) -> Option<&'static str> {
    match name {
        "h1" => Some(""),
        "h2" | "h3" | "h4" | "h5" | "h6" => Some("- "),
        "p" | "li" | "blockquote" | "figcaption" | "dd" | "td" => Some(""),
        _ => None,
    }
}

fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "nav"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "iframe"
            | "object"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img" | "hr" | "meta" | "link" | "input" | "source" | "wbr"
    )
}

fn is_block_level(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "ul"
            | "ol"
            | "table"
            | "tr"
            | "hr"
            | "body"
            | "html"
            | "dl"
            | "dt"
            | "pre"
            | "figure"
    ) || block_prefix(name).is_some()
}

/// Splits markup into tags and decoded text.
fn lex(html: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            items.push(Item::Text(decode_entities(rest)));
            break;
        };
        if lt > 0 {
            items.push(Item::Text(decode_entities(&rest[..lt])));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let next = rest[1..].chars().next();
        let is_tag =
            next.is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        if !is_tag {
            items.push(Item::Text("<".to_owned()));
            rest = &rest[1..];
            continue;
        }
        let end = tag_end(rest);
        let inner_end = if rest[..end].ends_with('>') {
            end - 1
        } else {
            end
        };
        let tag = &rest[1..inner_end.max(1)];
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: skip to the closing tag without reading markup inside.
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let at = lower.find(&close).unwrap_or(rest.len());
            rest = &rest[at..];
            let gt = rest.find('>').map_or(rest.len(), |g| g + 1);
            rest = &rest[gt..];
            continue;
        }
        items.push(if closing {
            Item::Close(name)
        } else {
            Item::Open(name)
        });
    }
    items
}

/// The byte index just past the `>` closing the tag that starts `s`, respecting quoted attribute
/// values (or the end of `s`).
fn tag_end(s: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// Decodes character references: numeric ones and the named ones news markup uses.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..].find(';').map(|s| s + 1).filter(|&s| s <= 10);
        let decoded = semi.and_then(|s| entity(&rest[1..s]).map(|c| (c, s + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "shy" => '\u{00AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "times" => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_headings_and_paragraphs() {
        let html = "<html><head><title>x</title><script>var a = '<p>no</p>';</script></head>\
            <body><nav><p>menu</p></nav><h1>بايدن &amp; بوتين</h1><p>نص <b>أول</b><br>ثان</p>\
            <h2>عنوان &laquo;فرعي&raquo;</h2><!-- <p>c</p> --><ul><li>بند&#160;1</li></ul></body>";
        assert_eq!(
            html_to_text(html),
            "بايدن & بوتين\nنص أول\nثان\n- عنوان «فرعي»\nبند 1"
        );
        assert_eq!(html_to_text("<div>سطر</div><div>آخر</div>"), "سطر\nآخر");
    }
}
