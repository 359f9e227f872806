//! `cargo xtask bench --first-view` (issue 12): the release build with its prerendered pages,
//! then the app crate's `khabar-firstview-bench` in headless Chromium: first contentful paint,
//! time to interactive and bytes transferred for the bundled article; time to the first progress
//! report, to the full analysis and the longest main-thread task for a 1 MB paste. Then the size
//! table of `dist/`. Prints tables; asserts nothing about time.

use crate::tools::{self, Needs};
use anyhow::{Context, Result, bail};

/// Runs the first-view bench (`no_build`: reuse the `dist/` there is).
pub fn run(no_build: bool) -> Result<()> {
    let tools = tools::ensure(Needs {
        trunk: true,
        browser: true,
        fuzz: false,
    })?;
    let dist = crate::root().join("dist");
    if !no_build {
        crate::serve::build(&tools, None)?;
    }
    let status = tools
        .command("cargo")
        .args(["run", "--quiet", "-p", "khabar", "--features", "e2e"])
        .args(["--bin", "khabar-firstview-bench", "--"])
        .arg(&dist)
        .env(
            "CHROMEDRIVER",
            tools.chromedriver.as_ref().context("chromedriver")?,
        )
        .env("CHROMIUM", tools.chromium.as_ref().context("chromium")?)
        .status()
        .context("running the first-view bench")?;
    if !status.success() {
        bail!("the first-view bench failed ({status})");
    }
    crate::serve::print_sizes(&dist)
}
