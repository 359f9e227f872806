//! Events of five fresh news articles in regional styles (Levantine, Maghrebi, Gulf, Egyptian,
//! Iraqi/Sudanese;
//! `test_data/events/*.txt`) against hand-written gold (`*.events.tsv`): each gold event is found
//! when a predicted event has its kind and trigger; found events are checked for value and
//! status, and the timeline order of the found ones is compared pair by pair. The scores are
//! floors: a change that loses events, values, statuses or order fails.

use khabar_nlp::{Config, Date, analyze};

struct Gold {
    kind: String,
    value: Option<String>,
    status: String,
    trigger: String,
}

fn gold(tsv: &str) -> Vec<Gold> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "bad gold line {l:?}");
            Gold {
                kind: c[0].to_owned(),
                value: (c[1] != "-").then(|| c[1].to_owned()),
                status: c[2].to_owned(),
                trigger: c[3].to_owned(),
            }
        })
        .collect()
}

#[derive(Debug, Default, PartialEq)]
struct Score {
    gold: usize,
    predicted: usize,
    found: usize,
    value: usize,
    status: usize,
    order_pairs: usize,
    order_agree: usize,
}

fn score(text: &str, date: &str, tsv: &str) -> (Score, Vec<String>) {
    let reference: Date = date.parse().unwrap();
    let a = analyze(
        text,
        &Config {
            reference_date: Some(reference),
        },
    );
    let gold = gold(tsv);
    let mut s = Score {
        gold: gold.len(),
        predicted: a.events.len(),
        ..Score::default()
    };
    let mut notes = Vec::new();
    // Position on the predicted timeline of each found gold event.
    let mut positions: Vec<usize> = Vec::new();
    let mut used = vec![false; a.events.len()];
    for g in &gold {
        let hit = a.events.iter().enumerate().position(|(k, e)| {
            !used[k] && e.kind.as_str() == g.kind && e.trigger.text.ends_with(g.trigger.as_str())
        });
        let Some(k) = hit else {
            notes.push(format!("missed {} «{}»", g.kind, g.trigger));
            continue;
        };
        used[k] = true;
        let e = &a.events[k];
        s.found += 1;
        if e.value == g.value {
            s.value += 1;
        } else {
            notes.push(format!(
                "{} «{}»: value {:?}, want {:?}",
                g.kind, g.trigger, e.value, g.value
            ));
        }
        if e.status.as_str() == g.status {
            s.status += 1;
        } else {
            notes.push(format!(
                "{} «{}»: status {}, want {}",
                g.kind, g.trigger, e.status, g.status
            ));
        }
        positions.push(k);
    }
    for i in 0..positions.len() {
        for j in i + 1..positions.len() {
            s.order_pairs += 1;
            if positions[i] < positions[j] {
                s.order_agree += 1;
            }
        }
    }
    (s, notes)
}

#[test]
fn regional_articles_events() {
    let cases = [
        (
            "levant",
            "2023-01-12",
            include_str!("../test_data/events/levant.txt"),
            include_str!("../test_data/events/levant.events.tsv"),
        ),
        (
            "maghreb",
            "2022-04-20",
            include_str!("../test_data/events/maghreb.txt"),
            include_str!("../test_data/events/maghreb.events.tsv"),
        ),
        (
            "gulf",
            "2023-03-06",
            include_str!("../test_data/events/gulf.txt"),
            include_str!("../test_data/events/gulf.events.tsv"),
        ),
        (
            "egypt",
            "2024-02-20",
            include_str!("../test_data/events/egypt.txt"),
            include_str!("../test_data/events/egypt.events.tsv"),
        ),
        (
            "iraq",
            "2025-06-10",
            include_str!("../test_data/events/iraq.txt"),
            include_str!("../test_data/events/iraq.events.tsv"),
        ),
    ];
    let mut total = Score::default();
    for (name, date, text, tsv) in cases {
        let (s, notes) = score(text, date, tsv);
        println!(
            "{name}: gold {} predicted {} found {} value {} status {} order {}/{}",
            s.gold, s.predicted, s.found, s.value, s.status, s.order_agree, s.order_pairs
        );
        for n in notes {
            println!("  {n}");
        }
        total.gold += s.gold;
        total.predicted += s.predicted;
        total.found += s.found;
        total.value += s.value;
        total.status += s.status;
        total.order_pairs += s.order_pairs;
        total.order_agree += s.order_agree;
    }
    println!("{total:?}");
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    assert!(ratio(total.found, total.gold) >= FLOOR_FOUND, "{total:?}");
    assert!(
        ratio(total.found, total.predicted) >= FLOOR_PRECISION,
        "{total:?}"
    );
    assert!(ratio(total.value, total.found) >= FLOOR_VALUE, "{total:?}");
    assert!(
        ratio(total.status, total.found) >= FLOOR_STATUS,
        "{total:?}"
    );
    assert!(
        ratio(total.order_agree, total.order_pairs) >= FLOOR_ORDER,
        "{total:?}"
    );
}

// Measured: found 48/48, precision 48/48, value 47/48, status 48/48, order 220/221.
const FLOOR_FOUND: f64 = 1.0;
const FLOOR_PRECISION: f64 = 0.97;
const FLOOR_VALUE: f64 = 0.97;
const FLOOR_STATUS: f64 = 0.97;
const FLOOR_ORDER: f64 = 0.99;
