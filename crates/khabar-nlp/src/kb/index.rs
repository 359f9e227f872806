//! Indexes over the knowledge base's names: by the key of the first word, for token matching.

use crate::tsv;
use std::sync::LazyLock;
use super::{Kb, RecordKind};
use crate::ner_type::NerType;
use crate::normalize::key;
use rustc_hash::{FxHashMap, FxHashSet};

/// What a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A country by one of its names.
    Country(usize),
    /// A nisba adjective of a country («الروسية»).
    Adjective(usize),
    /// A people («الروس», «الأمريكيون»).
    Nationality(usize),
    /// The capital of a country («موسكو»): the city, or the government as a metonym.
    Capital(usize),
    /// A person.
    Person(usize),
    /// An organisation, place or work ([`Kb::records`]).
    Record(usize),
}

/// The names and titles whose first word has one key: the matcher finds both with one lookup
/// per reading of a word (issue 9).
#[derive(Debug, Clone, Default)]
pub struct Starting {
    /// Name entries.
    pub names: Vec<NameEntry>,
    /// Title entries.
    pub titles: Vec<TitleEntry>,
}

/// A name: the keys of its words and what it refers to.
#[derive(Debug, Clone)]
pub struct NameEntry {
    /// Keys of the words, in order.
    pub words: Vec<String>,
    /// What the name refers to.
    pub target: Target,
}

/// A title: the keys of its words, the office, and whether a country name (construct:
/// «رئيس وزراء إسرائيل») or a nisba adjective («رئيس الوزراء الإسرائيلي») follows.
#[derive(Debug, Clone)]
pub struct TitleEntry {
    /// Keys of the words, in order.
    pub words: Vec<String>,
    /// Index into [`Kb::offices`].
    pub office: usize,
    /// Followed by a country name rather than an adjective.
    pub construct: bool,
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(key)
        .filter(|w| !w.is_empty())
        .collect()
}

fn definite(text: &str) -> String {
    text.split_whitespace()
        .map(|w| format!("ال{w}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Particles inside person names that are no name on their own. (`data/kb/name_particles.tsv`).
static NAME_PARTICLES: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::KB_NAME_PARTICLES.words());

/// Whether two targets of one name are a country and another country's capital.
pub fn ambiguous_pair(a: Target, b: Target) -> bool {
    matches!((a, b), (Target::Country(x), Target::Capital(y)) | (Target::Capital(y), Target::Country(x)) if x != y)
}

pub(super) fn build(kb: &mut Kb) {
    let stop: FxHashSet<String> = super::data::stopwords().collect();
    let mut entries: Vec<(String, Target, NerType)> = Vec::new();
    for (i, c) in kb.countries.iter().enumerate() {
        for n in std::iter::once(&c.name_ar).chain(&c.variants) {
            entries.push((n.clone(), Target::Country(i), NerType::Loc));
        }
    }
    for (i, r) in kb.records.iter().enumerate() {
        let class = match r.kind {
            RecordKind::Organization => NerType::Org,
            RecordKind::Location | RecordKind::City => NerType::Loc,
            RecordKind::Work => NerType::Misc,
        };
        for n in std::iter::once(&r.name_ar).chain(&r.variants) {
            entries.push((n.clone(), Target::Record(i), class));
        }
    }
    for (i, p) in kb.people.iter().enumerate() {
        for n in std::iter::once(&p.name_ar)
            .chain(&p.variants)
            .chain(&p.short)
        {
            entries.push((n.clone(), Target::Person(i), NerType::Pers));
        }
    }
    for (i, c) in kb.countries.iter().enumerate() {
        for a in c.adj_m.iter().chain(&c.adj_f) {
            entries.push((definite(a), Target::Adjective(i), NerType::Misc));
            entries.push((a.clone(), Target::Adjective(i), NerType::Misc));
        }
        // The indefinite accusative («وفدا عمانيا», «مبعوثا إيرانيا»).
        for a in c
            .adj_m
            .iter()
            .filter(|a| !a.contains(' ') && !stop.contains(&key(a)))
        {
            entries.push((format!("{a}ا"), Target::Adjective(i), NerType::Misc));
        }
        for a in &c.adj_pl {
            entries.push((definite(a), Target::Nationality(i), NerType::Misc));
        }
        // Sound plurals, definite and indefinite («السوريون», «سوريين»), except of an
        // adjective that is an ordinary word («مالي»: «ماليون» are financiers).
        for a in c
            .adj_m
            .iter()
            .filter(|a| !a.contains(' ') && !stop.contains(&key(a)))
        {
            for suffix in ["ون", "ين"] {
                for article in ["ال", ""] {
                    entries.push((
                        format!("{article}{a}{suffix}"),
                        Target::Nationality(i),
                        NerType::Misc,
                    ));
                }
            }
        }
        for n in &c.capital_ar {
            entries.push((n.clone(), Target::Capital(i), NerType::Loc));
        }
    }
    // A name is indexed once, with its first target, except a country name that is another
    // country's capital («عمان»: Oman, Amman), which the matcher disambiguates in context.
    let mut seen: FxHashMap<Vec<String>, Target> = FxHashMap::default();
    for (text, target, class) in entries {
        let w = words(&text);
        if let (Target::Person(p), [one]) = (target, w.as_slice())
            && stop.contains(one)
        {
            // An ordinary word as a surname («الأسد» the lion): only with a person context.
            kb.guarded.entry(one.clone()).or_insert(p);
        }
        if w.is_empty() || (w.len() == 1 && stop.contains(&w[0])) {
            continue;
        }
        match seen.get(&w) {
            None => {
                seen.insert(w.clone(), target);
            }
            Some(&first) if ambiguous_pair(first, target) => {}
            Some(_) => continue,
        }
        kb.classes.entry(w.join(" ")).or_insert(class);
        if let Target::Person(_) = target {
            for part in &w {
                if part.chars().count() >= 3
                    && !NAME_PARTICLES.contains(&part.as_str())
                    && !stop.contains(part)
                {
                    kb.classes.entry(part.clone()).or_insert(NerType::Pers);
                }
            }
        }
        kb.starting
            .entry(w[0].clone())
            .or_default()
            .names
            .push(NameEntry { words: w, target });
    }
    for (i, o) in kb.offices.iter().enumerate() {
        let forms = o.titles_def.iter().map(|t| (t, false));
        for (t, construct) in forms.chain(o.titles_construct.iter().map(|t| (t, true))) {
            let w = words(t);
            if let Some(first) = w.first() {
                kb.starting
                    .entry(first.clone())
                    .or_default()
                    .titles
                    .push(TitleEntry {
                        words: w,
                        office: i,
                        construct,
                    });
            }
        }
    }
    kb.stopwords = stop;
}
