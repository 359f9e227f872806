//! `cargo xtask eval-clitics`: clitic segmentation accuracy on the gold word list
//! (`crates/khabar-nlp/data/text/clitics_gold.tsv`); with `--derive-lexicon`, rebuilds
//! `crates/khabar-nlp/data/text/lexicon.tsv` from the ANERcorp training text.

use anyhow::{Context, Result, bail};
use khabar_nlp::{clitic, normalize, token};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<()> {
    let (mut verbose, mut derive) = (false, false);
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("verbose") => verbose = true,
            lexopt::Arg::Long("derive-lexicon") => derive = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    if derive {
        derive_lexicon()
    } else {
        evaluate(verbose)
    }
}

/// The ANERcorp training text: the repository's copy (see its README for the licence).
pub fn anercorp_train() -> PathBuf {
    crate::root().join("crates/khabar-nlp/data/anercorp/train.txt")
}

fn evaluate(verbose: bool) -> Result<()> {
    let path = crate::root().join("crates/khabar-nlp/data/text/clitics_gold.tsv");
    let gold = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    let mut by_group: HashMap<String, (usize, usize)> = HashMap::new();
    let mut errors = Vec::new();
    for line in gold
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [word, expected, group, ..] = cols[..] else {
            bail!("bad gold line: {line}");
        };
        let got = clitic::best(word).render(word);
        let ok = got == normalize::key(expected);
        for g in [group, "all"] {
            let e = by_group.entry(g.to_owned()).or_default();
            e.0 += usize::from(ok);
            e.1 += 1;
        }
        if !ok {
            errors.push(format!("{word}\tgold {expected}\tgot {got}"));
        }
    }
    let mut groups: Vec<_> = by_group.into_iter().collect();
    groups.sort();
    println!(
        "{:<10} {:>7} {:>7} {:>9}",
        "group", "correct", "words", "accuracy"
    );
    for (g, (ok, n)) in &groups {
        println!(
            "{g:<10} {ok:>7} {n:>7} {:>8.1}%",
            100.0 * *ok as f64 / *n as f64
        );
    }
    if verbose {
        for e in &errors {
            println!("{e}");
        }
    }
    Ok(())
}

/// A cliticised form is explained away when its core, weighted by the clitics' priors and this
/// factor, is as frequent: in news و+verb, ل/ب+noun and noun+pronoun are often more frequent than
/// the bare word (وقال > قال, بشكل > شكل, نظيره > نظير).
fn explain_factor(split: &clitic::Split) -> f32 {
    if split.enclitic.is_some() {
        return 15.0;
    }
    match split.proclitics.last().copied() {
        Some("و") => 15.0,
        Some("ب" | "ل" | "س") => 10.0,
        _ => 5.0,
    }
}

fn derive_lexicon() -> Result<()> {
    let path = anercorp_train();
    let text = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut entity: HashMap<String, u32> = HashMap::new();
    let mut hamza: HashMap<String, u32> = HashMap::new();
    let mut ta: HashMap<String, u32> = HashMap::new();
    for line in text.lines() {
        let Some((word, tag)) = line.rsplit_once(' ') else {
            continue;
        };
        if word.is_empty() || !word.chars().all(token::is_arabic_letter) {
            continue;
        }
        let key = normalize::key(word);
        if key.chars().count() < 2 {
            continue;
        }
        *counts.entry(key.clone()).or_default() += 1;
        if tag != "O" {
            *entity.entry(key.clone()).or_default() += 1;
        }
        if word.ends_with('ة') {
            *ta.entry(key.clone()).or_default() += 1;
        }
        if ["أل", "إل", "آل"].iter().any(|h| word.starts_with(h)) {
            *hamza.entry(key).or_default() += 1;
        }
    }
    // How often each core carries an enclitic pronoun, over all words: نظير+ه، نظير+ها، ل+نظير+ه.
    let mut with_pronoun: HashMap<String, u32> = HashMap::new();
    for (key, &count) in &counts {
        let folded: Vec<char> = key.chars().collect();
        for s in clitic::splits(&folded)
            .iter()
            .filter(|s| s.enclitic.is_some())
        {
            let core: String = folded[s.core_start..s.core_end].iter().collect();
            if core.chars().count() >= 3 {
                *with_pronoun.entry(core).or_default() += count;
            }
        }
    }
    let mut kept: Vec<(&String, u32, bool)> = Vec::new();
    for (key, &count) in &counts {
        if count < 2 && !entity.contains_key(key) {
            continue;
        }
        let folded: Vec<char> = key.chars().collect();
        let is_name =
            |k: &str| entity.get(k).copied().unwrap_or(0) * 2 > counts.get(k).copied().unwrap_or(0);
        let ta_marbuta = ta.get(key).copied().unwrap_or(0) * 2 > count;
        let explained = clitic::splits(&folded).iter().skip(1).any(|s| {
            let clitics = s.proclitics.len() + usize::from(s.enclitic.is_some());
            // A core of two letters explains only with a single clitic (فيه، وهو): وليد is not و+ل+يد.
            if clitics > 1 && s.core_end < s.core_start + 3 {
                return false;
            }
            if ta_marbuta && s.enclitic.is_some_and(|e| e.starts_with('ه')) {
                return false;
            }
            let core: String = folded[s.core_start..s.core_end].iter().collect();
            let core = if s.article_elided {
                format!("ا{core}")
            } else {
                core
            };
            let mut c = counts.get(&core).copied().unwrap_or(0);
            if s.enclitic.is_some() {
                // Other pronoun forms of the same core are evidence too (not this word itself).
                let family = with_pronoun
                    .get(&core)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(count);
                c = c.max(family);
                let alt = clitic::enclitic_base(&core).and_then(|a| counts.get(&a).copied());
                c = c.max(alt.unwrap_or(0));
            }
            // A name (mostly tagged as an entity) needs strong evidence unless its core is a
            // name too: بكين is not ب+كين, but وفلسطين is و+فلسطين.
            let factor = match (is_name(key), is_name(&core)) {
                (true, false) => 1.0,
                (true, true) => 3.0,
                _ => explain_factor(s),
            };
            c >= 1 && c as f32 * s.log_prior.exp() * factor >= count as f32
        });
        if !explained {
            let h = hamza.get(key).copied().unwrap_or(0) * 2 > count;
            kept.push((key, count, h));
        }
    }
    kept.sort();
    let mut out = String::from(
        "# Words attested unprefixed in the ANERcorp training text (folded keys, count, `h` when\n\
         # an initial ال is mostly written with hamza). Derived by `cargo xtask eval-clitics\n\
         # --derive-lexicon`. Source: ANERcorp (Benajiba et al. 2007, CAMeL Lab re-release),\n\
         # CC BY-SA 4.0; this derived list is shared under the same licence.\n",
    );
    for (key, count, h) in &kept {
        let _ = writeln!(out, "{key}\t{count}{}", if *h { "\th" } else { "" });
    }
    let dest = crate::root().join("crates/khabar-nlp/data/text/lexicon.tsv");
    std::fs::write(&dest, out)?;
    println!(
        "{} words of {} kept -> {}",
        kept.len(),
        counts.len(),
        dest.display()
    );
    Ok(())
}
