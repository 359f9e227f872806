//! Training is deterministic, and the evaluation reads entities the conlleval way (#4).

use khabar_nlp::ner::train::{self, TrainConfig};

fn slice() -> Vec<train::Sentence> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/anercorp/train.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut all = train::parse_conll(&text);
    all.truncate(150);
    all
}

#[test]
fn training_twice_gives_identical_models() {
    let data = slice();
    let config = TrainConfig {
        epochs: 3,
        ..TrainConfig::default()
    };
    let a = train::train(&data, &config).to_bytes();
    let b = train::train(&data, &config).to_bytes();
    assert!(a.len() > 1000);
    assert_eq!(a, b);
}

#[test]
fn the_corpus_parses_with_its_attribution() {
    let readme = include_str!("../data/anercorp/README.md");
    assert!(readme.contains("CC BY-SA 4.0"));
    let data = slice();
    assert_eq!(data.len(), 150);
    assert!(data.iter().all(|s| s.words.len() == s.labels.len()));
    assert!(data.iter().flat_map(|s| &s.labels).any(|&l| l != 0));
}
