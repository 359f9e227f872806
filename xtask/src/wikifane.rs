//! WikiFANE Gold as a second NER training corpus: its 50 fine classes mapped to the four
//! ANERcorp types (`data/wikifane/map.tsv`), its split-off clitics glued back onto their words
//! (so that it reads like running text, as ANERcorp and the app's input do), and a deterministic
//! document-level train/dev split.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use khabar_nlp::ner::train::Sentence;

/// Proclitic tokens WikiFANE writes apart («و» «ب» «ل» «ف» «ك»), glued onto the next word.
const PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك"];
/// Pronoun suffix tokens WikiFANE writes apart («عاصمة» «ها»), glued onto the previous word.
const ENCLITICS: &[&str] = &["ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي"];

fn is_word(token: &str) -> bool {
    token.chars().any(khabar_nlp::token::is_arabic_letter)
}

/// Reads the class mapping: `CLASS<TAB>TYPE` (TYPE one of PERS, LOC, ORG, MISC, O).
pub fn read_map(path: &Path) -> Result<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path:?}"))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, t)| (c.trim().to_owned(), t.trim().to_owned()))
        .collect())
}

/// One WikiFANE sentence: tokens and fine tags.
type Raw = Vec<(String, String)>;

fn parse(text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut cur = Raw::new();
    for line in text.lines() {
        match line.split_once('\t') {
            Some((w, t)) if !w.is_empty() => cur.push((w.to_owned(), t.trim().to_owned())),
            _ => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Maps a fine IOB tag to an ANERcorp one (`O` for classes mapped to O or unknown).
fn map_tag(tag: &str, map: &HashMap<String, String>) -> String {
    match tag.split_once('-') {
        Some((bi, class)) => match map.get(class).map(String::as_str) {
            Some(t @ ("PERS" | "LOC" | "ORG" | "MISC")) => format!("{bi}-{t}"),
            _ => "O".to_owned(),
        },
        None => "O".to_owned(),
    }
}

/// Glues split-off clitics back onto their words. A glued word keeps its content word's tag (a
/// proclitic's `B-` wins over the word's `I-` of the same type).
fn glue(sentence: &[(String, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(sentence.len());
    let mut pending: Option<(String, String)> = None;
    for (w, t) in sentence {
        if let Some((pw, pt)) = pending.take() {
            if is_word(w) {
                let tag = match (pt.split_once('-'), t.split_once('-')) {
                    (Some(("B", a)), Some(("I", b))) if a == b => pt.clone(),
                    _ => t.clone(),
                };
                let merged = (format!("{pw}{w}"), tag);
                if PROCLITICS.contains(&w.as_str()) {
                    pending = Some(merged);
                } else {
                    out.push(merged);
                }
                continue;
            }
            out.push((pw, pt));
        }
        if PROCLITICS.contains(&w.as_str()) {
            pending = Some((w.clone(), t.clone()));
            continue;
        }
        if ENCLITICS.contains(&w.as_str())
            && let Some(last) = out.last_mut()
            && is_word(&last.0)
            && !PROCLITICS.contains(&last.0.as_str())
        {
            // The feminine ending is written ت before a suffix: «عاصمة» «ها» → «عاصمتها».
            if last.0.ends_with('ة') {
                last.0.pop();
                last.0.push('ت');
            }
            last.0.push_str(w);
            continue;
        }
        out.push((w.clone(), t.clone()));
    }
    if let Some(p) = pending {
        out.push(p);
    }
    out
}

/// Whether a sentence opens a new Wikipedia article: it starts with a name and defines it
/// («X هو …», «X هي …» within its first ten tokens).
fn opens_article(sentence: &[(String, String)]) -> bool {
    sentence.first().is_some_and(|(_, t)| t.starts_with("B-"))
        && sentence
            .iter()
            .skip(1)
            .take(9)
            .any(|(w, _)| w == "هو" || w == "هي")
}

/// The corpus as (train, dev) sentences: articles are found by [`opens_article`], and every
/// tenth article (index 9, 19, …) is dev. `glue_clitics` glues split-off clitics back on.
pub fn load(
    path: &Path,
    map: &HashMap<String, String>,
    glue_clitics: bool,
) -> Result<(Vec<Sentence>, Vec<Sentence>)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path:?}"))?;
    let mut train = Vec::new();
    let mut dev = Vec::new();
    let mut article = 0usize;
    for (i, raw) in parse(&text).into_iter().enumerate() {
        if i > 0 && opens_article(&raw) {
            article += 1;
        }
        let raw = if glue_clitics { glue(&raw) } else { raw };
        let conll: String = raw
            .iter()
            .map(|(w, t)| format!("{w} {}\n", map_tag(t, map)))
            .collect();
        for mut s in khabar_nlp::ner::train::parse_conll(&conll) {
            s.domain = 1;
            if article % 10 == 9 {
                dev.push(s);
            } else {
                train.push(s);
            }
        }
    }
    Ok((train, dev))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &[(&str, &str)]) -> Vec<(String, String)> {
        s.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn clitics_glue_back() {
        let s = pairs(&[
            ("و", "O"),
            ("عاصمة", "O"),
            ("ها", "O"),
            ("ب", "B-Nation"),
            ("مصر", "I-Nation"),
            ("،", "O"),
            ("و", "O"),
        ]);
        let g = glue(&s);
        let words: Vec<&str> = g.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["وعاصمتها", "بمصر", "،", "و"]);
        assert_eq!(g[1].1, "B-Nation");
    }
}
