//! Output formats other than JSON: TimeML and brat standoff (`docs/contracts.md`).

use crate::analysis::{Analysis, EntityKind};
use std::fmt::Write;

/// The text unchanged with each time expression wrapped in `<TIMEX3>`, inside `<TimeML>`, with a
/// `<DCT>` when the reference date is known. Removing the tags (and the DCT element) gives back
/// the input exactly; `<`, `>` and `&` of the text are escaped as XML requires.
pub fn timeml(text: &str, analysis: &Analysis) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n");
    if let Some(date) = &analysis.reference_date {
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{date}\" functionInDocument=\"CREATION_TIME\">{date}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for t in &analysis.times {
        if t.start < at || t.end > chars.len() {
            continue;
        }
        escape_into(&mut out, chars[at..t.start].iter());
        let _ = write!(out, "<TIMEX3 tid=\"{}\" type=\"{}\"", t.id, t.kind);
        if let Some(v) = &t.value {
            let _ = write!(out, " value=\"{}\"", attr(v));
        }
        if let Some(m) = &t.modifier {
            let _ = write!(out, " mod=\"{}\"", attr(m));
        }
        out.push('>');
        escape_into(&mut out, chars[t.start..t.end].iter());
        out.push_str("</TIMEX3>");
        at = t.end;
    }
    escape_into(&mut out, chars[at..].iter());
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

fn escape_into<'a>(out: &mut String, chars: impl Iterator<Item = &'a char>) {
    for &c in chars {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// brat standoff: one `T` line per mention (`T1<TAB>PERS 120 128<TAB>جو بايدن`), with `#` notes
/// carrying the entity id and Wikidata id.
pub fn brat(analysis: &Analysis) -> String {
    let mut out = String::new();
    let mut n = 0;
    for e in &analysis.entities {
        let label = brat_label(e.kind);
        for m in &e.mentions {
            n += 1;
            let text = m.text.replace(['\n', '\t'], " ");
            let _ = writeln!(out, "T{n}\t{label} {} {}\t{text}", m.start, m.end);
            let wikidata = e
                .wikidata
                .as_deref()
                .map(|q| format!(" wikidata={q}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "#{n}\tAnnotatorNotes T{n}\tentity={} form={}{wikidata}",
                e.id, m.form
            );
        }
    }
    out
}

/// The ANERcorp-style brat label of an entity kind.
pub fn brat_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PERS",
        EntityKind::Country | EntityKind::City | EntityKind::Location => "LOC",
        EntityKind::Organization => "ORG",
        EntityKind::Nationality | EntityKind::Work | EntityKind::Other => "MISC",
    }
}
