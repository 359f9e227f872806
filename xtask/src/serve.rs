//! `cargo xtask serve` and `cargo xtask dist`. Not written yet.

use anyhow::{Result, bail};

/// Builds and serves the explorer.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}

/// A release build into `dist/`.
pub fn dist(_args: &[String]) -> Result<()> {
    bail!("not written yet")
}
