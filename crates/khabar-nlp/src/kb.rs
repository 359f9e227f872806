//! The offline knowledge base: countries, people with their offices, organisations, places.
//!
//! (Stub: the entities issue (#4) compiles the reviewable data files under `data/kb/`.)

use crate::ner::NerType;

/// The ANERcorp type a matching key (see [`crate::normalize::key`]) has in the knowledge base,
/// if it is a known name (a feature of the NER model).
pub fn gazetteer_class(key: &str) -> Option<NerType> {
    let _ = key;
    None
}

/// Whether a matching key is a name or word known to the knowledge base as a whole (so clitic
/// analysis must not strip its first letter: «بوتين», «لبنان», «فرنسا»).
pub fn is_known_name(key: &str) -> bool {
    let _ = key;
    false
}
