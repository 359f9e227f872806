//! Gold entity tests (issue #4): every `test_data/entities/*.json` is one case.
//!
//! A case names its text (`"text"`: a path relative to the crate, or `"inline"`), the
//! publication date, and every entity the analysis must find: name, kind, Wikidata id (or
//! null), optionally the office held on that date (`"office"`, English label), and the exact
//! mentions in text order as `[text, form]` pairs. The analysis must find exactly these
//! entities — nothing else is highlighted. Adding a case is adding a file.
//!
//! Names the knowledge base cannot know (people, parties, towns only a NER model finds) are
//! kept out of a case's gold and listed in a sibling `<case>.ner.json` (same entity format,
//! without Wikidata ids): the driver accepts them when found exactly as listed, and requires
//! none of them, so a case passes with and without the statistical model. A name found cut
//! short («يو إيه» of «هو يو إيه»: every mention whole words inside a mention of a listed name of
//! the same kind) is accepted too and counted apart: it is a boundary error of the model,
//! which `cargo xtask eval-ner` measures on thousands of names, not something else highlighted
//! (issue 10: every retraining moved a few such boundaries and failed this test).

use khabar_nlp::{Config, Date, analyze};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// An entity as compared: name, kind, wikidata, office (English), mentions.
#[derive(Debug, PartialEq)]
struct Sig {
    name: String,
    kind: String,
    wikidata: Option<String>,
    office: Option<String>,
    mentions: Vec<(String, String)>,
}

fn gold_sig(e: &Value) -> Sig {
    Sig {
        name: e["name"].as_str().unwrap().to_owned(),
        kind: e["kind"].as_str().unwrap().to_owned(),
        wikidata: e["wikidata"].as_str().map(str::to_owned),
        office: e["office"].as_str().map(str::to_owned),
        mentions: e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m[0].as_str().unwrap().to_owned(),
                    m[1].as_str().unwrap().to_owned(),
                )
            })
            .collect(),
    }
}

/// Whether `found` is a listed NER-only name cut short: same kind, not the whole name, and each
/// of its mentions whole words inside one of the listed name's mentions.
fn part_of(found: &Sig, listed: &Sig) -> bool {
    let inside = |part: &str, whole: &str| {
        let part: Vec<&str> = part.split_whitespace().collect();
        let whole: Vec<&str> = whole.split_whitespace().collect();
        !part.is_empty() && whole.windows(part.len()).any(|w| w == part.as_slice())
    };
    found.kind == listed.kind
        && found.name != listed.name
        && found
            .mentions
            .iter()
            .all(|(text, _)| listed.mentions.iter().any(|(whole, _)| inside(text, whole)))
}

/// Checks one case; `Ok` holds (NER-only names found exactly, NER-only names listed, NER-only
/// names found in part).
fn check(path: &Path) -> Result<(usize, usize, usize), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    let text = match gold["text"].as_str() {
        Some(rel) => fs::read_to_string(root.join(rel)).unwrap(),
        None => gold["inline"].as_str().unwrap().to_owned(),
    };
    let date: Option<Date> = gold["date"].as_str().map(|d| d.parse().unwrap());
    let analysis = analyze(
        &text,
        &Config {
            reference_date: date,
        },
    );
    let expected: Vec<Sig> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(gold_sig)
        .collect();
    let found: Vec<Sig> = analysis
        .entities
        .iter()
        .map(|e| Sig {
            name: e.name.clone(),
            kind: e.kind.to_string(),
            wikidata: e.wikidata.clone(),
            office: None,
            mentions: e
                .mentions
                .iter()
                .map(|m| (m.text.clone(), m.form.to_string()))
                .collect(),
        })
        .collect();
    let ner_path = path.with_extension("").with_extension("ner.json");
    let ner_gold: Vec<Sig> = fs::read_to_string(&ner_path)
        .ok()
        .map(|t| serde_json::from_str::<Value>(&t).unwrap())
        .map(|v| {
            v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(gold_sig)
                .collect()
        })
        .unwrap_or_default();
    let office_of = |i: usize| {
        analysis.entities[i]
            .office
            .as_ref()
            .map(|o| o.label_en.clone())
    };
    let mut problems = Vec::new();
    for e in &expected {
        let hit = found.iter().position(|f| {
            f.name == e.name
                && f.kind == e.kind
                && f.wikidata == e.wikidata
                && f.mentions == e.mentions
        });
        match hit {
            None => {
                let near = found
                    .iter()
                    .find(|f| f.wikidata.is_some() && f.wikidata == e.wikidata || f.name == e.name);
                problems.push(format!("missing {e:?}\n      nearest found {near:?}"));
            }
            Some(i) if e.office.is_some() && office_of(i) != e.office => {
                problems.push(format!(
                    "{}: office {:?}, expected {:?}",
                    e.name,
                    office_of(i),
                    e.office
                ));
            }
            Some(_) => {}
        }
    }
    for f in &found {
        let known = expected.iter().any(|e| {
            f.name == e.name
                && f.kind == e.kind
                && f.wikidata == e.wikidata
                && f.mentions == e.mentions
        });
        let from_ner = ner_gold
            .iter()
            .any(|e| f.name == e.name && f.kind == e.kind && f.mentions == e.mentions);
        if !known && !from_ner && !ner_gold.iter().any(|e| part_of(f, e)) {
            problems.push(format!("unexpected {f:?}"));
        }
    }
    // Entities come most salient first (more mentions, then earlier), as listed in the gold.
    if problems.is_empty() {
        let order: Vec<&str> = found
            .iter()
            .filter(|f| expected.iter().any(|e| e.name == f.name))
            .map(|f| f.name.as_str())
            .collect();
        let gold_order: Vec<&str> = expected.iter().map(|e| e.name.as_str()).collect();
        if order != gold_order {
            problems.push(format!("order {order:?}, expected {gold_order:?}"));
        }
    }
    if problems.is_empty() {
        let found_ner = ner_gold
            .iter()
            .filter(|e| {
                let hit = found
                    .iter()
                    .any(|f| f.name == e.name && f.kind == e.kind && f.mentions == e.mentions);
                if !hit {
                    println!("  not found (NER-only): {} {:?}", e.name, e.mentions);
                }
                hit
            })
            .count();
        let partial = found
            .iter()
            .filter(|f| {
                let part = ner_gold.iter().find(|e| part_of(f, e));
                if let Some(e) = part {
                    println!("  found in part (NER-only): {} of {}", f.name, e.name);
                }
                part.is_some()
            })
            .count();
        Ok((found_ner, ner_gold.len(), partial))
    } else {
        Err(format!("{}:\n  {}", path.display(), problems.join("\n  ")))
    }
}

#[test]
fn gold_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/entities");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".ner.json")
        })
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 6,
        "expected the bundled article and at least 5 more cases"
    );
    let results: Vec<Result<(usize, usize, usize), String>> =
        paths.iter().map(|p| check(p)).collect();
    let (hit, listed, partial) = results
        .iter()
        .flatten()
        .fold((0, 0, 0), |(h, l, p), (a, b, c)| (h + a, l + b, p + c));
    // Recall of the names only the NER model can find (not required; printed for the report).
    println!("NER-only names found exactly: {hit}/{listed}; found cut short: {partial}");
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}
