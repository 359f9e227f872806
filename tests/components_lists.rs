//! A list of children in a component is the only child of its element (issue 15).
//!
//! Yew pairs unkeyed children from the end: in `<main><Form/>{ for notice }</main>`, a notice
//! appearing made the form's slot take the notice and a new form get built, with a new text
//! area (the reader's cursor and undo history gone, a pasted 5 MB draft laid out again). So a
//! `{ for … }` list — whose length changes — sits alone inside its element, where appending
//! and removing only touch the end; an optional child beside siblings is one fixed slot
//! (`{ opt.unwrap_or_default() }`) and a variable list beside siblings is one
//! (`{ list.collect::<Html>() }`).

use std::path::Path;

/// The `{ for … }` lists in `code` that have siblings: (line, excerpt).
fn lists_with_siblings(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for pattern in ["{ for ", "{for "] {
        let mut from = 0;
        while let Some(at) = code[from..].find(pattern).map(|i| i + from) {
            from = at + pattern.len();
            let mut depth = 0usize;
            let mut end = at;
            for (i, &b) in bytes.iter().enumerate().skip(at) {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let before = code[..at].trim_end();
            let after = code[end + 1..].trim_start();
            // Right after an opening tag (not a closing or self-closing one) and right before
            // a closing tag.
            let opening = before.rfind('<').is_some_and(|lt| {
                let tag = &before[lt..];
                tag.ends_with('>') && !tag.ends_with("/>") && !tag.starts_with("</")
            });
            if !(opening && after.starts_with("</")) {
                let line = code[..at].lines().count();
                found.push((line, code[at..=end].chars().take(60).collect()));
            }
        }
    }
    found
}

#[test]
fn every_list_of_children_is_alone_in_its_element() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    let mut bad = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src/components") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let code = std::fs::read_to_string(&path).expect("source");
            for (line, excerpt) in lists_with_siblings(&code) {
                bad.push(format!("{}:{line}: {excerpt}", path.display()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "lists of children beside siblings (make them one slot):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_sees_a_list_beside_siblings() {
    let beside = "html! { <main><Form />{ for notice }</main> }";
    assert_eq!(lists_with_siblings(beside).len(), 1);
    let after = "html! { <ol>{ for events }</ol>{ for more }</section> }";
    assert_eq!(lists_with_siblings(after).len(), 1);
    let alone = "html! { <ul>{ for items.iter().map(|i| html! { <li>{i}</li> }) }</ul> }";
    assert!(lists_with_siblings(alone).is_empty());
}
