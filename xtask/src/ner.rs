//! `cargo xtask train-ner` and `cargo xtask eval-ner`. Not written yet.

use anyhow::{Result, bail};

/// Retrains the NER model.
pub fn train(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}

/// Evaluates the NER model on the dev split.
pub fn eval(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
