//! `cargo xtask eval-time`: span P/R/F1 (exact and overlap) and value accuracy of the time
//! expressions on the gold set (`crates/khabar-nlp/test_data/time/*.tsv`), per category.

use anyhow::{Result, anyhow};
use khabar_nlp::time::eval;

/// Runs the subcommand; `--failures` also lists every miss.
pub fn run(args: &[String]) -> Result<()> {
    let mut failures = false;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("failures") => failures = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    let dir = crate::root().join("crates/khabar-nlp/test_data/time");
    let cases = read_gold_dir(&dir).map_err(|e| anyhow!(e))?;
    let report = eval::evaluate(&cases);
    println!("{} sentences, gold set {}", cases.len(), dir.display());
    print!("{}", report.table());
    if failures {
        for f in &report.failures {
            println!("  {f}");
        }
    } else if !report.failures.is_empty() {
        println!(
            "{} mismatches (--failures lists them)",
            report.failures.len()
        );
    }
    Ok(())
}

/// Reads every `*.tsv` gold file of a directory, in name order (the category is the file stem).
fn read_gold_dir(dir: &std::path::Path) -> Result<Vec<eval::GoldCase>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    let mut cases = Vec::new();
    for p in paths {
        let data = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or("gold");
        cases.extend(eval::parse_gold(name, &data)?);
    }
    Ok(cases)
}
