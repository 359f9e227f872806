//! The NER model's data files, embedded in this one place so that the app can later load them
//! separately (a page showing an article analysed in advance need not download them).
//!
//! Each file is described in `data/ner/README.md`; `cargo xtask train-ner`, `ner-clusters` and
//! `ner-gazetteer` regenerate the generated ones deterministically.

/// The model: quantised weights and transitions ([`crate::ner::model`] describes the format).
pub const MODEL: &[u8] = include_bytes!("../../data/ner/model.bin");

/// The stacked document pass ([`crate::ner::stack`] describes the format).
pub const STACK: &[u8] = include_bytes!("../../data/ner/stack.bin");

/// Word clusters: `key<TAB>path`, a path of three hex digits (16, 256 and 4096 clusters).
pub const CLUSTERS: &str = include_str!("../../data/ner/clusters.tsv");

/// Name lists (NERAr, converted to Arabic-script keys): `TYPE<TAB>name`.
pub const GAZETTEER: &str = include_str!("../../data/ner/gazetteer.tsv");

/// Place names (GeoNames, Algeria's and Morocco's communes, CLDR's exemplar cities; converted
/// to Arabic-script keys): one name a line.
pub const PLACES: &str = include_str!("../../data/ner/places.tsv");

/// Trigger words before or after names: `CLASS<TAB>word`.
pub const TRIGGERS: &str = include_str!("../../data/ner/triggers.tsv");

/// Topic words of a sentence (`data/ner/topics.tsv`): `CLASS<TAB>word`.
pub const TOPICS: &str = include_str!("../../data/ner/topics.tsv");

/// Words telling Wikipedia text from news: `key<TAB>weight`.
pub const DOMAINS: &str = include_str!("../../data/ner/domains.tsv");

/// Prefixes a repetition of a name may carry (the document pass): `prefix<TAB>replacement`.
pub const REPETITION_PREFIXES: &str = include_str!("../../data/ner/repetition_prefixes.tsv");

/// The training text's names and entity words (`cargo xtask train-ner`):
/// `P|W<TAB>key<TAB>TYPE<TAB>bucket` ([`crate::ner::seen`]).
pub const SEEN: &str = include_str!("../../data/ner/seen.tsv");
