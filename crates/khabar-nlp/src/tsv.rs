//! The one reader of the tab-separated data files under `data/` (issue 14), and the list of every
//! file it reads.
//!
//! A data file opens with `#` comment lines saying what it is for and what its columns are; `#`
//! lines and blank lines anywhere are skipped; fields are separated by one tab and trimmed. Each
//! file declares how many fields a row has (at least `min`, at most `max`; missing trailing fields
//! read as `""`). Reading never fails, because analysis never fails: a malformed row (a wrong
//! number of fields, an empty first field) is skipped. The test `every_data_file_is_well_formed`
//! fails on any such row, so a bad edit to a data file cannot go unnoticed.
//!
//! (The time stage still reads `data/time/` with its own reader while its word lists move; see
//! ARCHITECTURE.md.)

/// A tab-separated data file compiled into the crate.
#[derive(Debug)]
pub(crate) struct DataFile {
    /// Its path under `data/` (for the test's messages).
    #[cfg_attr(not(test), allow(dead_code))]
    pub path: &'static str,
    /// Its text.
    pub text: &'static str,
    /// The fewest fields a row may have.
    pub min: usize,
    /// The most fields a row may have; shorter rows are padded with `""` to this many.
    pub max: usize,
}

/// Declares a [`DataFile`] under `data/` with the number of fields its rows have.
macro_rules! data_file {
    ($path:literal, $min:literal ..= $max:literal) => {
        DataFile {
            path: $path,
            text: include_str!(concat!("../data/", $path)),
            min: $min,
            max: $max,
        }
    };
}

impl DataFile {
    /// The well-formed rows, each padded to [`DataFile::max`] fields.
    pub fn rows(&'static self) -> impl Iterator<Item = Vec<&'static str>> {
        self.lines().filter_map(|(_, fields)| {
            let mut fields = fields;
            if !self.well_formed(&fields) {
                return None;
            }
            fields.resize(self.max, "");
            Some(fields)
        })
    }

    /// The first field of every row: the entries of a word list.
    pub fn words(&'static self) -> Vec<&'static str> {
        self.rows().map(|f| f[0]).collect()
    }

    /// What is wrong with the file, one message per problem (empty when it is well formed).
    #[cfg(test)]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.text.starts_with('#') {
            out.push(format!(
                "data/{}: no header comment saying what it is for",
                self.path
            ));
        }
        for (line, fields) in self.lines() {
            if !self.well_formed(&fields) {
                out.push(format!(
                    "data/{}:{line}: {} fields (expected {}..={}) or an empty first field",
                    self.path,
                    fields.len(),
                    self.min,
                    self.max
                ));
            }
        }
        out
    }

    /// The data lines with their 1-based line numbers, split into trimmed fields.
    fn lines(&self) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
        let text: &'static str = self.text;
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
    }

    fn well_formed(&self, fields: &[&str]) -> bool {
        (self.min..=self.max).contains(&fields.len())
            && fields.first().is_some_and(|f| !f.is_empty())
    }
}

// The knowledge base (kb/data.rs).
pub(crate) static KB_COUNTRIES: DataFile = data_file!("kb/countries.tsv", 11..=11);
pub(crate) static KB_PEOPLE: DataFile = data_file!("kb/people.tsv", 6..=6);
pub(crate) static KB_TITLES: DataFile = data_file!("kb/titles.tsv", 6..=6);
pub(crate) static KB_OFFICES: DataFile = data_file!("kb/offices.tsv", 5..=5);
pub(crate) static KB_ORGS: DataFile = data_file!("kb/orgs.tsv", 6..=6);
pub(crate) static KB_PLACES: DataFile = data_file!("kb/places.tsv", 6..=6);
pub(crate) static KB_WORKS: DataFile = data_file!("kb/works.tsv", 5..=5);
pub(crate) static KB_PARLIAMENTARY: DataFile = data_file!("kb/parliamentary.tsv", 1..=1);
pub(crate) static KB_STOPWORDS: DataFile = data_file!("kb/stopwords.tsv", 1..=1);
pub(crate) static KB_NAME_PARTICLES: DataFile = data_file!("kb/name_particles.tsv", 1..=1);

// Events (events/).
pub(crate) static EVENTS_TRIGGERS: DataFile = data_file!("events/triggers.tsv", 5..=6);
pub(crate) static EVENTS_CUES: DataFile = data_file!("events/cues.tsv", 2..=2);
pub(crate) static EVENTS_LABELS: DataFile = data_file!("events/labels.tsv", 5..=5);
pub(crate) static EVENTS_ROLES: DataFile = data_file!("events/roles.tsv", 3..=3);
pub(crate) static EVENTS_DEMONYMS: DataFile = data_file!("events/demonyms.tsv", 2..=2);
pub(crate) static EVENTS_SPEECH_VERBS: DataFile = data_file!("events/speech_verbs.tsv", 1..=1);
pub(crate) static EVENTS_TOPIC_WORDS: DataFile = data_file!("events/topic_words.tsv", 1..=1);
pub(crate) static EVENTS_PREPOSITIONS: DataFile = data_file!("events/prepositions.tsv", 1..=1);
pub(crate) static EVENTS_BARRIERS: DataFile = data_file!("events/barriers.tsv", 1..=1);

// Entities (entities/).
pub(crate) static ENTITIES_FORMER: DataFile = data_file!("entities/former.tsv", 1..=1);
pub(crate) static ENTITIES_DESIGNATE: DataFile = data_file!("entities/designate.tsv", 1..=1);
pub(crate) static ENTITIES_HONORIFICS: DataFile = data_file!("entities/honorifics.tsv", 1..=1);
pub(crate) static ENTITIES_ASKING: DataFile = data_file!("entities/asking.tsv", 1..=1);
pub(crate) static ENTITIES_FEATURES: DataFile = data_file!("entities/features.tsv", 1..=1);
pub(crate) static ENTITIES_COUNTED: DataFile = data_file!("entities/counted.tsv", 1..=1);
pub(crate) static ENTITIES_SURNAME_VERBS: DataFile =
    data_file!("entities/surname_verbs.tsv", 1..=1);
pub(crate) static ENTITIES_METONYM_CUES: DataFile = data_file!("entities/metonym_cues.tsv", 1..=1);
pub(crate) static ENTITIES_PLACE_CUES: DataFile = data_file!("entities/place_cues.tsv", 1..=1);

// Text (numbers.rs, clitic.rs).
pub(crate) static TEXT_NUMBERS: DataFile = data_file!("text/numbers.tsv", 3..=3);
pub(crate) static TEXT_LEXICON: DataFile = data_file!("text/lexicon.tsv", 2..=3);

/// Every file read through this reader.
#[cfg(test)]
static ALL: &[&DataFile] = &[
    &KB_COUNTRIES,
    &KB_PEOPLE,
    &KB_TITLES,
    &KB_OFFICES,
    &KB_ORGS,
    &KB_PLACES,
    &KB_WORKS,
    &KB_PARLIAMENTARY,
    &KB_STOPWORDS,
    &KB_NAME_PARTICLES,
    &EVENTS_TRIGGERS,
    &EVENTS_CUES,
    &EVENTS_LABELS,
    &EVENTS_ROLES,
    &EVENTS_DEMONYMS,
    &EVENTS_SPEECH_VERBS,
    &EVENTS_TOPIC_WORDS,
    &EVENTS_PREPOSITIONS,
    &EVENTS_BARRIERS,
    &ENTITIES_FORMER,
    &ENTITIES_DESIGNATE,
    &ENTITIES_HONORIFICS,
    &ENTITIES_ASKING,
    &ENTITIES_FEATURES,
    &ENTITIES_COUNTED,
    &ENTITIES_SURNAME_VERBS,
    &ENTITIES_METONYM_CUES,
    &ENTITIES_PLACE_CUES,
    &TEXT_NUMBERS,
    &TEXT_LEXICON,
];

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 14: a malformed row in any data file fails here instead of being skipped unnoticed.
    #[test]
    fn every_data_file_is_well_formed() {
        let problems: Vec<String> = ALL.iter().flat_map(|f| f.problems()).collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    // Issue 14: every TSV file under data/ opens with a comment saying what it is for.
    #[test]
    fn every_tsv_file_has_a_header_comment() {
        let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")];
        let mut seen = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "tsv") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert!(text.starts_with('#'), "{} has no header", path.display());
                    seen += 1;
                }
            }
        }
        assert!(seen >= ALL.len());
    }

    #[test]
    fn malformed_rows_are_reported_and_skipped() {
        static BAD: DataFile = DataFile {
            path: "bad.tsv",
            text: "# what it is\nа\tb\none\n\tx\na\tb\tc\n",
            min: 2,
            max: 2,
        };
        assert_eq!(BAD.rows().count(), 1);
        assert_eq!(BAD.problems().len(), 3, "{:?}", BAD.problems());
        static NO_HEADER: DataFile = DataFile {
            path: "none.tsv",
            text: "a\n",
            min: 1,
            max: 1,
        };
        assert_eq!(NO_HEADER.problems().len(), 1);
    }
}
