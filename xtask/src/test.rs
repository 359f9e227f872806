//! `cargo xtask` subcommand module (test). Not written yet.

use anyhow::{Result, bail};

/// Runs the subcommand.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
