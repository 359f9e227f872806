//! The offline knowledge base: countries, people with their offices, organisations, places, works.
//!
//! The data lives in reviewable TSV files under `data/kb/` (see its README for sources and
//! licences), compiled into the binary with `include_str!` and parsed once into [`Kb`] on first
//! use. Every name is indexed by the matching keys ([`crate::normalize::key`]) of its words, so
//! lookups are spelling-tolerant (hamza forms, ى/ي, ة/ه, diacritics); aliases in the files carry
//! the other variants (أمريكا/أميركا, بوتين/بوتن).

mod data;
mod index;

pub use data::{Country, Office, OfficeRank, Person, Record, RecordKind, Term};
pub use index::{NameEntry, Starting, Target, ambiguous_pair};

use crate::ner_type::NerType;
use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// The knowledge base: records and the indexes over their names.
#[derive(Debug)]
pub struct Kb {
    /// Every country (CLDR), in file order.
    pub countries: Vec<Country>,
    /// People.
    pub people: Vec<Person>,
    /// Office types (titles).
    pub offices: Vec<Office>,
    /// Terms of office.
    pub terms: Vec<Term>,
    /// Organisations, places and works.
    pub records: Vec<Record>,
    /// Countries where the head of government, not the head of state, leads (counterparts).
    pub parliamentary: FxHashSet<String>,
    /// The first country with each ISO code (issue 9: looked up per candidate).
    pub(crate) by_iso: FxHashMap<String, usize>,
    /// Names and titles by the key of their first word.
    pub(crate) starting: FxHashMap<String, Starting>,
    /// Gazetteer classes of single keys and of whole-name keys (words joined by a space).
    pub(crate) classes: FxHashMap<String, NerType>,
    /// Keys never matched as one-word names nor used as in-text aliases.
    pub(crate) stopwords: FxHashSet<String>,
    /// Short names of people that are also ordinary words («الأسد», «البرهان»): matched only
    /// in a person context (after a title, or a speech verb for a definite one).
    pub(crate) guarded: FxHashMap<String, usize>,
}

static KB: LazyLock<Kb> = LazyLock::new(|| {
    let mut kb = data::load();
    index::build(&mut kb);
    kb
});

/// The knowledge base, parsed on first use.
pub fn get() -> &'static Kb {
    &KB
}

/// The ANERcorp type a matching key (see [`crate::normalize::key`]) has in the knowledge base,
/// if it is a known name (a feature of the NER model). Multiword names are keyed with single
/// spaces between their words' keys.
pub fn gazetteer_class(key: &str) -> Option<NerType> {
    KB.classes.get(key).copied()
}

/// Whether a matching key is a name or word known to the knowledge base as a whole (so clitic
/// analysis must not strip its first letter: «بوتين», «لبنان», «فرنسا»).
pub fn is_known_name(key: &str) -> bool {
    KB.classes.contains_key(key)
}

impl Kb {
    /// Name entries whose first word has this key.
    pub fn names_starting(&self, key: &str) -> &[NameEntry] {
        self.starting(key).names.as_slice()
    }

    /// Name and title entries whose first word has this key.
    pub fn starting(&self, key: &str) -> &Starting {
        static NONE: Starting = Starting {
            names: Vec::new(),
            titles: Vec::new(),
        };
        self.starting.get(key).unwrap_or(&NONE)
    }

    /// The index of the country with this ISO code.
    pub fn country_by_iso(&self, iso: &str) -> Option<usize> {
        self.by_iso.get(iso).copied()
    }

    /// Who held `office` of `holder` (a country ISO code or organisation id) on `date`; the
    /// current holder when there is no date.
    pub fn holder(&self, holder: &str, office: usize, date: Option<Date>) -> Option<usize> {
        self.terms
            .iter()
            .filter(|t| t.holder == holder && t.office == office)
            .find(|t| t.covers(date))
            .map(|t| t.person)
    }

    /// The offices `person` held on `date` (current ones without a date), most senior first.
    pub fn offices_of(&self, person: usize, date: Option<Date>) -> Vec<&Term> {
        let mut terms: Vec<&Term> = self
            .terms
            .iter()
            .filter(|t| t.person == person && t.covers(date))
            .collect();
        terms.sort_by_key(|t| self.offices[t.office].rank);
        terms
    }

    /// The office holders of `country` that count as a counterpart of someone of `rank`.
    pub fn counterpart(
        &self,
        country: usize,
        rank: OfficeRank,
        date: Option<Date>,
    ) -> Option<usize> {
        let iso = self.countries[country].iso.as_str();
        let wanted: &[OfficeRank] = match rank {
            OfficeRank::HeadOfState | OfficeRank::HeadOfGovernment => {
                if self.parliamentary.contains(iso) {
                    &[OfficeRank::HeadOfGovernment, OfficeRank::HeadOfState]
                } else {
                    &[OfficeRank::HeadOfState, OfficeRank::HeadOfGovernment]
                }
            }
            other => std::slice::from_ref(match other {
                OfficeRank::SupremeLeader => &OfficeRank::SupremeLeader,
                OfficeRank::CrownPrince => &OfficeRank::CrownPrince,
                OfficeRank::ForeignMinister => &OfficeRank::ForeignMinister,
                OfficeRank::DefenceMinister => &OfficeRank::DefenceMinister,
                _ => &OfficeRank::SecretaryGeneral,
            }),
        };
        wanted.iter().find_map(|&r| {
            self.terms
                .iter()
                .filter(|t| t.holder == iso && self.offices[t.office].rank == r)
                .find(|t| t.covers(date))
                .map(|t| t.person)
        })
    }

    /// The (Arabic, English) label of an office of a holder («رئيس الولايات المتحدة»).
    pub fn office_label(&self, term: &Term) -> (String, String) {
        let office = &self.offices[term.office];
        let (ar, en) = match self.country_by_iso(&term.holder) {
            Some(c) => (
                self.countries[c].name_ar.clone(),
                self.countries[c].name_en.clone(),
            ),
            None => self
                .records
                .iter()
                .find(|r| r.id == term.holder)
                .map_or((term.holder.clone(), term.holder.clone()), |r| {
                    (r.name_ar.clone(), r.name_en.clone())
                }),
        };
        // «the United States», «the Netherlands»: English names that take the article.
        let en = if en.starts_with("United ") || en.ends_with("lands") || en.ends_with("ines") {
            format!("the {en}")
        } else {
            en
        };
        (
            office.label_ar.replace("{}", &ar),
            office.label_en.replace("{}", &en),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    /// Issue 9: names and titles share one index by first word; every title of every office
    /// is found under its first word's key, and an unknown key finds nothing.
    #[test]
    fn titles_and_names_by_first_word() {
        let kb = get();
        for (i, o) in kb.offices.iter().enumerate() {
            for t in o.titles_def.iter().chain(&o.titles_construct) {
                let first = key(t.split_whitespace().next().unwrap());
                assert!(
                    kb.starting(&first).titles.iter().any(|e| e.office == i),
                    "{t}"
                );
            }
        }
        assert!(!kb.names_starting(&key("بوتين")).is_empty());
        assert!(kb.starting("ققق").names.is_empty() && kb.starting("ققق").titles.is_empty());
    }

    #[test]
    fn loads_every_file() {
        let kb = get();
        assert!(kb.countries.len() > 190, "{}", kb.countries.len());
        assert!(kb.people.len() > 150);
        assert!(kb.terms.len() > 150);
        assert!(kb.records.iter().any(|r| r.id == "WHITEHOUSE"));
    }

    #[test]
    fn gazetteer_classes() {
        assert_eq!(gazetteer_class(&key("روسيا")), Some(NerType::Loc));
        assert_eq!(gazetteer_class(&key("بوتين")), Some(NerType::Pers));
        assert_eq!(gazetteer_class(&key("الأمم المتحدة")), Some(NerType::Org));
        assert_eq!(gazetteer_class(&key("الروسية")), Some(NerType::Misc));
        assert_eq!(gazetteer_class(&key("قال")), None);
        assert!(is_known_name(&key("لبنان")));
        assert!(is_known_name(&key("بريطانيا")));
        assert!(!is_known_name(&key("الاتصالات")));
    }

    #[test]
    fn office_holders_by_date() {
        let kb = get();
        let us = kb.country_by_iso("US").unwrap();
        let president = kb.offices.iter().position(|o| o.id == "president").unwrap();
        let d = |s: &str| s.parse::<Date>().ok();
        let name = |p: Option<usize>| p.map(|p| kb.people[p].name_en.as_str());
        assert_eq!(
            name(kb.holder("US", president, d("2022-03-01"))),
            Some("Joe Biden")
        );
        assert_eq!(
            name(kb.holder("US", president, d("2019-04-16"))),
            Some("Donald Trump")
        );
        let gb = kb.country_by_iso("GB").unwrap();
        assert_eq!(
            name(kb.counterpart(gb, OfficeRank::HeadOfState, d("2022-03-01"))),
            Some("Boris Johnson")
        );
        assert_eq!(
            name(kb.counterpart(us, OfficeRank::ForeignMinister, d("2022-03-01"))),
            Some("Antony Blinken")
        );
    }
}
