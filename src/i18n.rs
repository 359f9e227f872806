//! Interface labels in Arabic and English, read once from `i18n.tsv` (key, Arabic, English).

use crate::state::Lang;
use std::sync::OnceLock;

const TABLE_TSV: &str = include_str!("i18n.tsv");

/// The label `key` in `lang`; the key itself when the table lacks it (visible, never a panic).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match lookup(key) {
        Some((ar, en)) => match lang {
            Lang::Ar => ar,
            Lang::En => en,
        },
        None => key,
    }
}

/// Every key of the table (for tests).
pub fn keys() -> Vec<&'static str> {
    table().iter().map(|(key, _)| *key).collect()
}

/// Lines of the table that do not have exactly three tab-separated columns (for tests).
pub fn malformed_lines() -> Vec<&'static str> {
    TABLE_TSV
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| l.split('\t').count() != 3)
        .collect()
}

/// The table, sorted by key (looked up by binary search; no hash map in the page's wasm).
fn table() -> &'static [(&'static str, (&'static str, &'static str))] {
    static TABLE: OnceLock<Vec<(&'static str, (&'static str, &'static str))>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<_> = TABLE_TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, (cols.next()?, cols.next()?)))
            })
            .collect();
        rows.sort_by_key(|(key, _)| *key);
        rows.dedup_by_key(|(key, _)| *key);
        rows
    })
}

fn lookup(key: &str) -> Option<&'static (&'static str, &'static str)> {
    let table = table();
    table
        .binary_search_by_key(&key, |(k, _)| k)
        .ok()
        .map(|i| &table[i].1)
}
