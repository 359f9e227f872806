//! Interface labels in Arabic and English, read once from `i18n.tsv` (key, Arabic, English).

use crate::state::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE_TSV: &str = include_str!("i18n.tsv");

/// The label `key` in `lang`; the key itself when the table lacks it (visible, never a panic).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match table().get(key) {
        Some((ar, en)) => match lang {
            Lang::Ar => ar,
            Lang::En => en,
        },
        None => key,
    }
}

/// Every key of the table (for tests).
pub fn keys() -> Vec<&'static str> {
    let mut keys: Vec<_> = table().keys().copied().collect();
    keys.sort_unstable();
    keys
}

/// Lines of the table that do not have exactly three tab-separated columns (for tests).
pub fn malformed_lines() -> Vec<&'static str> {
    TABLE_TSV
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| l.split('\t').count() != 3)
        .collect()
}

fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TABLE_TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, (cols.next()?, cols.next()?)))
            })
            .collect()
    })
}
