//! The contract's closed vocabularies (issue 14): each enum of `analysis` serialises as the names
//! docs/contracts.md lists, and those lists name nothing the enums lack.

use khabar_nlp::analysis::{
    BlockKind, EntityKind, EventKind, EventStatus, MentionForm, ReferenceSource, TimeType,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Every value serialises as `"<as_str>"` and reads back.
fn round_trips<T>(all: &[T], name: impl Fn(&T) -> &'static str)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for v in all {
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("\"{}\"", name(v)));
        assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v);
    }
}

#[test]
fn vocabularies_serialise_as_their_names() {
    round_trips(ReferenceSource::ALL, |v| v.as_str());
    round_trips(BlockKind::ALL, |v| v.as_str());
    round_trips(EntityKind::ALL, |v| v.as_str());
    round_trips(MentionForm::ALL, |v| v.as_str());
    round_trips(TimeType::ALL, |v| v.as_str());
    round_trips(EventKind::ALL, |v| v.as_str());
    round_trips(EventStatus::ALL, |v| v.as_str());
    assert!(serde_json::from_str::<EventStatus>("\"finished\"").is_err());
}

/// The backticked words of the bullet of docs/contracts.md that starts with `start`.
fn listed(start: &str) -> Vec<String> {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/contracts.md"
    ))
    .unwrap();
    let mut lines = doc.lines().skip_while(|l| !l.starts_with(start));
    let mut bullet = lines.next().unwrap_or_default().to_owned();
    for l in lines.take_while(|l| l.starts_with("  ")) {
        bullet.push_str(l);
    }
    bullet
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_contract_document_lists_the_same_names() {
    let check = |start: &str, names: Vec<&str>, extra: &[&str]| {
        let listed = listed(start);
        let words: Vec<&str> = listed
            .iter()
            .map(String::as_str)
            .filter(|w| !extra.contains(w))
            .collect();
        assert_eq!(words, names, "{start}");
    };
    check(
        "- `kind` of an entity",
        EntityKind::ALL.iter().map(|v| v.as_str()).collect(),
        &["kind"],
    );
    check(
        "- `form` of a mention",
        MentionForm::ALL.iter().map(|v| v.as_str()).collect(),
        &["form"],
    );
    check(
        "- `kind` of an event",
        EventKind::ALL.iter().map(|v| v.as_str()).collect(),
        &["kind", "value"],
    );
    check(
        "- `status` of an event",
        EventStatus::ALL.iter().map(|v| v.as_str()).collect(),
        &["status"],
    );
    let times = listed("- `type` and `value` of a time");
    for t in TimeType::ALL {
        assert!(times.iter().any(|w| w == t.as_str()), "{t}");
    }
}
