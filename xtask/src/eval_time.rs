//! `cargo xtask eval-time`: span P/R/F1 (exact and overlap) and value accuracy of the time
//! expressions on the gold set (`crates/khabar-nlp/test_data/time/*.tsv`), per category.

use anyhow::{Result, anyhow};
use khabar_nlp::time::eval;

/// Runs the subcommand; `--failures` also lists every miss.
pub fn run(args: &[String]) -> Result<()> {
    let dir = crate::root().join("crates/khabar-nlp/test_data/time");
    let cases = eval::read_gold_dir(&dir).map_err(|e| anyhow!(e))?;
    let report = eval::evaluate(&cases);
    println!("{} sentences, gold set {}", cases.len(), dir.display());
    print!("{}", report.table());
    if args.iter().any(|a| a == "--failures") {
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
