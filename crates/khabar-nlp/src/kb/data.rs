//! The records of the knowledge base, parsed from the TSV files under `data/kb/`.

use crate::tsv;
use jiff::civil::Date;

/// A country (names from CLDR, the rest from `tools/countries_extra.tsv`).
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166 code.
    pub iso: String,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
    /// Arabic name (CLDR).
    pub name_ar: String,
    /// English name (CLDR).
    pub name_en: String,
    /// Other Arabic names.
    pub variants: Vec<String>,
    /// Nisba adjective, masculine (without the article): «روسي».
    pub adj_m: Vec<String>,
    /// Nisba adjective, feminine: «روسية».
    pub adj_f: Vec<String>,
    /// Broken plurals for the people: «روس».
    pub adj_pl: Vec<String>,
    /// Capital, Arabic names.
    pub capital_ar: Vec<String>,
    /// Capital, English name.
    pub capital_en: String,
    /// Capital, Wikidata id.
    pub capital_wikidata: Option<String>,
}

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Row id in `people.tsv`.
    pub id: String,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
    /// Arabic label.
    pub name_ar: String,
    /// English label.
    pub name_en: String,
    /// Other full forms.
    pub variants: Vec<String>,
    /// Short forms safe to match on their own (surnames).
    pub short: Vec<String>,
}

/// How senior an office is, and which offices are counterparts of each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OfficeRank {
    /// President, monarch, emir, …
    HeadOfState,
    /// Prime minister, chancellor.
    HeadOfGovernment,
    /// Iran's supreme leader.
    SupremeLeader,
    /// Crown prince.
    CrownPrince,
    /// Foreign minister.
    ForeignMinister,
    /// Defence minister.
    DefenceMinister,
    /// Secretary-general of an organisation.
    SecretaryGeneral,
}

/// An office type with its titles (`titles.tsv`).
#[derive(Debug, Clone)]
pub struct Office {
    /// Row id.
    pub id: String,
    /// Seniority class.
    pub rank: OfficeRank,
    /// Definite titles, followed by a nisba adjective: «الرئيس» (الأمريكي).
    pub titles_def: Vec<String>,
    /// Construct titles, followed by a country name: «رئيس» (وزراء إسرائيل).
    pub titles_construct: Vec<String>,
    /// Arabic label pattern, `{}` = the country.
    pub label_ar: String,
    /// English label pattern.
    pub label_en: String,
}

/// A term of office (`offices.tsv`).
#[derive(Debug, Clone)]
pub struct Term {
    /// Country ISO code or organisation id.
    pub holder: String,
    /// Index into [`super::Kb::offices`].
    pub office: usize,
    /// Index into [`super::Kb::people`].
    pub person: usize,
    /// First day.
    pub start: Option<Date>,
    /// Day it ended; `None` while in office.
    pub end: Option<Date>,
}

impl Term {
    /// Whether the term covers `date` (the current terms when `None`).
    pub fn covers(&self, date: Option<Date>) -> bool {
        match date {
            Some(d) => self.start.is_none_or(|s| s <= d) && self.end.is_none_or(|e| d < e),
            None => self.end.is_none(),
        }
    }
}

/// What a non-country, non-person record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// An organisation or government body.
    Organization,
    /// A region, continent, sea …
    Location,
    /// A city.
    City,
    /// A treaty or agreement.
    Work,
}

/// An organisation, place or work.
#[derive(Debug, Clone)]
pub struct Record {
    /// Row id.
    pub id: String,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
    /// What it is.
    pub kind: RecordKind,
    /// Arabic label.
    pub name_ar: String,
    /// English label.
    pub name_en: String,
    /// Other names and acronyms.
    pub variants: Vec<String>,
}


/// Keys never matched as a one-word name nor used as an in-text alias (`stopwords.tsv`).
pub(super) fn stopwords() -> impl Iterator<Item = String> {
    tsv::KB_STOPWORDS.rows().map(|f| crate::normalize::key(f[0]))
}


fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn opt(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_owned())
}

fn rank(s: &str) -> OfficeRank {
    match s {
        "head_of_state" => OfficeRank::HeadOfState,
        "head_of_government" => OfficeRank::HeadOfGovernment,
        "supreme_leader" => OfficeRank::SupremeLeader,
        "crown_prince" => OfficeRank::CrownPrince,
        "foreign_minister" => OfficeRank::ForeignMinister,
        "defence_minister" => OfficeRank::DefenceMinister,
        _ => OfficeRank::SecretaryGeneral,
    }
}

/// Parses every file. Rows that refer to unknown ids are skipped (a unit test checks there are
/// none).
pub(super) fn load() -> super::Kb {
    let countries: Vec<Country> = tsv::KB_COUNTRIES.rows()
        .map(|f| Country {
            iso: f[0].to_owned(),
            wikidata: opt(f[1]),
            name_ar: f[2].to_owned(),
            name_en: f[3].to_owned(),
            variants: list(f[4]),
            adj_m: list(f[5]),
            adj_f: list(f[6]),
            adj_pl: list(f[7]),
            capital_ar: list(f[8]),
            capital_en: f[9].to_owned(),
            capital_wikidata: opt(f[10]),
        })
        .collect();
    let people: Vec<Person> = tsv::KB_PEOPLE.rows()
        .map(|f| Person {
            id: f[0].to_owned(),
            wikidata: opt(f[1]),
            name_ar: f[2].to_owned(),
            name_en: f[3].to_owned(),
            variants: list(f[4]),
            short: list(f[5]),
        })
        .collect();
    let offices: Vec<Office> = tsv::KB_TITLES.rows()
        .map(|f| Office {
            id: f[0].to_owned(),
            rank: rank(f[1]),
            titles_def: list(f[2]),
            titles_construct: list(f[3]),
            label_ar: f[4].to_owned(),
            label_en: f[5].to_owned(),
        })
        .collect();
    let terms: Vec<Term> = tsv::KB_OFFICES.rows()
        .filter_map(|f| {
            Some(Term {
                holder: f[0].to_owned(),
                office: offices.iter().position(|o| o.id == f[1])?,
                person: people.iter().position(|p| p.id == f[2])?,
                start: f[3].parse().ok(),
                end: f[4].parse().ok(),
            })
        })
        .collect();
    let mut records = Vec::new();
    for f in tsv::KB_ORGS.rows().chain(tsv::KB_PLACES.rows()) {
        records.push(Record {
            id: f[0].to_owned(),
            wikidata: opt(f[1]),
            kind: match f[2] {
                "city" => RecordKind::City,
                "location" => RecordKind::Location,
                "work" => RecordKind::Work,
                _ => RecordKind::Organization,
            },
            name_ar: f[3].to_owned(),
            name_en: f[4].to_owned(),
            variants: list(f[5]),
        });
    }
    for f in tsv::KB_WORKS.rows() {
        records.push(Record {
            id: f[0].to_owned(),
            wikidata: opt(f[1]),
            kind: RecordKind::Work,
            name_ar: f[2].to_owned(),
            name_en: f[3].to_owned(),
            variants: list(f[4]),
        });
    }
    let parliamentary = tsv::KB_PARLIAMENTARY.rows().map(|f| f[0].to_owned()).collect();
    let mut by_iso = rustc_hash::FxHashMap::default();
    for (i, c) in countries.iter().enumerate() {
        by_iso.entry(c.iso.clone()).or_insert(i);
    }
    super::Kb {
        countries,
        people,
        offices,
        terms,
        records,
        parliamentary,
        by_iso,
        starting: Default::default(),
        classes: Default::default(),
        stopwords: Default::default(),
        guarded: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_refers_to_known_rows() {
        let n = tsv::KB_OFFICES.rows().count();
        assert_eq!(
            load().terms.len(),
            n,
            "a row of offices.tsv names an unknown office or person"
        );
    }
}
