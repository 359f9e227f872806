//! The event vocabulary, read once from `data/events/*.tsv`: trigger forms with their kind,
//! status cues, label nouns, target prepositions, demonyms and speech verbs.

use crate::analysis::{EventKind, EventStatus};
use crate::normalize;
use crate::tsv;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// What a cue word signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Possible,
    Planned,
    Recent,
    Ongoing,
    Reported,
    Past,
}

/// One trigger form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trigger {
    pub kind: &'static str,
    /// `noun`, `past` or `present`.
    pub form: &'static str,
    pub status: &'static str,
    /// A word that must follow («تحدث مع»).
    pub next: Option<&'static str>,
    /// Index into [`Lexicon::nouns`] of a label noun more precise than the kind's.
    pub noun: Option<usize>,
}

/// A label noun: Arabic, English, and whether the Arabic is feminine (for a nisba adjective).
#[derive(Debug, Clone)]
pub(crate) struct Noun {
    pub ar: String,
    pub en: String,
    pub feminine: bool,
}

/// A label pattern.
#[derive(Debug, Clone)]
pub(crate) struct Label {
    pub ar: String,
    pub en: String,
    pub pattern: String,
    pub feminine: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Phrase words → trigger, longest first.
    pub triggers: Vec<(Vec<String>, Trigger)>,
    /// The triggers (indices into `triggers`, in order) by the key of their first word.
    pub triggers_by_first: FxHashMap<String, Vec<usize>>,
    pub cues: Vec<(Vec<String>, Cue)>,
    /// The cues (indices into `cues`, in order) by the key of their first word.
    pub cues_by_first: FxHashMap<String, Vec<usize>>,
    pub labels: FxHashMap<String, Label>,
    pub speech: FxHashSet<String>,
    /// Trigger-specific label nouns.
    pub nouns: Vec<Noun>,
    /// Event kind → (folded preposition, English) introducing its target.
    pub preps: FxHashMap<&'static str, Vec<(String, String)>>,
    /// Folded noun between a preposition and a nisba adjective → English («الانتخابات»).
    pub role_nouns: FxHashMap<String, String>,
    /// English country name → English adjective ("US", "Russian").
    pub demonyms: FxHashMap<String, String>,
}

const FORMS: &[&str] = &["noun", "past", "present"];

/// The contract name of the event kind `s` (the lexicon keeps kinds as these names).
fn kind_name(s: &str) -> Option<&'static str> {
    EventKind::from_name(s).map(EventKind::as_str)
}

/// The contract name of the event status `s`.
fn status_name(s: &str) -> Option<&'static str> {
    EventStatus::from_name(s).map(EventStatus::as_str)
}

fn intern(set: &[&'static str], s: &str) -> Option<&'static str> {
    set.iter().copied().find(|x| *x == s)
}

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(normalize::key).collect()
}

/// The lexicon, loaded on first use.
pub(crate) fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(load)
}

fn load() -> Lexicon {
    let mut lx = Lexicon::default();
    for r in tsv::EVENTS_TRIGGERS.rows() {
        let (Some(p), Some(k), Some(f), Some(s)) = (r.first(), r.get(1), r.get(2), r.get(3)) else {
            continue;
        };
        let (Some(kind), Some(form), Some(status)) =
            (kind_name(k), intern(FORMS, f), status_name(s))
        else {
            continue;
        };
        let next = r.get(4).filter(|n| **n != "-").map(|n| {
            let key: &'static str = match normalize::key(n).as_str() {
                "مع" => "مع",
                "الي" => "الي",
                _ => "",
            };
            key
        });
        let noun = r.get(5).and_then(|n| {
            let parts: Vec<&str> = n.split('|').map(str::trim).collect();
            let [ar, en, g] = parts.as_slice() else {
                return None;
            };
            lx.nouns.push(Noun {
                ar: (*ar).to_owned(),
                en: (*en).to_owned(),
                feminine: *g == "f",
            });
            Some(lx.nouns.len() - 1)
        });
        lx.triggers.push((
            words(p),
            Trigger {
                kind,
                form,
                status,
                next,
                noun,
            },
        ));
    }
    lx.triggers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    lx.triggers_by_first = crate::time::index_by_first(&lx.triggers);
    for r in tsv::EVENTS_CUES.rows() {
        if let (Some(p), Some(c)) = (r.first(), r.get(1)) {
            let cue = match *c {
                "possible" => Cue::Possible,
                "planned" => Cue::Planned,
                "recent" => Cue::Recent,
                "ongoing" => Cue::Ongoing,
                "reported" => Cue::Reported,
                "past" => Cue::Past,
                _ => continue,
            };
            lx.cues.push((words(p), cue));
        }
    }
    lx.cues.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    lx.cues_by_first = crate::time::index_by_first(&lx.cues);
    for r in tsv::EVENTS_LABELS.rows() {
        if let (Some(k), Some(ar), Some(en), Some(p)) = (r.first(), r.get(1), r.get(2), r.get(3)) {
            lx.labels.insert(
                (*k).to_owned(),
                Label {
                    ar: (*ar).to_owned(),
                    en: (*en).to_owned(),
                    pattern: (*p).to_owned(),
                    feminine: r.get(4) == Some(&"f"),
                },
            );
        }
    }
    for r in tsv::EVENTS_ROLES.rows() {
        let (Some(k), Some(ar), Some(en)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        if *k == "noun" {
            lx.role_nouns.insert(normalize::key(ar), (*en).to_owned());
        } else if let Some(kind) = kind_name(k) {
            lx.preps
                .entry(kind)
                .or_default()
                .push((normalize::key(ar), (*en).to_owned()));
        }
    }
    for r in tsv::EVENTS_DEMONYMS.rows() {
        if let (Some(name), Some(adj)) = (r.first(), r.get(1)) {
            lx.demonyms.insert((*name).to_owned(), (*adj).to_owned());
        }
    }
    for r in tsv::EVENTS_SPEECH_VERBS.rows() {
        if let Some(v) = r.first() {
            lx.speech.insert(normalize::key(v));
        }
    }
    lx
}
