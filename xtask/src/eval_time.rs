//! `cargo xtask` subcommand module (eval_time). Not written yet.

use anyhow::{Result, bail};

/// Runs the subcommand.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
