//! `cargo xtask serve` (release build served on localhost) and `cargo xtask dist` (release build
//! into `dist/`, optionally for a subpath, with the size table of `crate::size`). Trunk's
//! post-build hook (`Trunk.toml`) prerenders the article pages into the build.

use crate::tools::{self, Needs, Tools};
use anyhow::{Context, Result, bail};
use lexopt::prelude::*;
use std::path::Path;
use std::time::Instant;

/// Builds and serves the explorer: `cargo xtask serve [--port N] [--address A]`.
pub fn run(args: &[String]) -> Result<()> {
    let mut port: u16 = 8080;
    let mut address = "127.0.0.1".to_owned();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("port") => port = parser.value()?.parse()?,
            Long("address") => address = parser.value()?.string()?,
            _ => return Err(arg.unexpected().into()),
        }
    }
    let port = port.to_string();
    let tools = tools::ensure(Needs {
        trunk: true,
        browser: false,
        fuzz: false,
    })?;
    println!(
        "[serve] building the release wasm (a cold build takes about 4 min on 2 cores), then serving \
         on http://{address}:{port}/"
    );
    let status = tools
        .command("trunk")
        .args([
            "serve",
            "--release",
            "--offline",
            "--address",
            &address,
            "--port",
            &port,
        ])
        .status()
        .context("starting trunk serve")?;
    if !status.success() {
        bail!("trunk serve failed ({status})");
    }
    Ok(())
}

/// A release build into `dist/`: `cargo xtask dist [--public-url /sub/]`.
pub fn dist(args: &[String]) -> Result<()> {
    let mut public_url = None;
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("public-url") => public_url = Some(parser.value()?.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let tools = tools::ensure(Needs {
        trunk: true,
        browser: false,
        fuzz: false,
    })?;
    build(&tools, public_url.as_deref())?;
    print_sizes(&crate::root().join("dist"))
}

/// `trunk build --release --offline [--public-url P]` into `dist/`.
pub fn build(tools: &Tools, public_url: Option<&str>) -> Result<()> {
    build_into(tools, public_url, None)
}

/// Like [`build`], into `dist` instead of `dist/` when given.
pub fn build_into(tools: &Tools, public_url: Option<&str>, dist: Option<&Path>) -> Result<()> {
    let start = Instant::now();
    let mut cmd = tools.command("trunk");
    cmd.args(["build", "--release", "--offline"]);
    if let Some(dist) = dist {
        cmd.arg("--dist").arg(dist);
    }
    if let Some(url) = public_url {
        let url = if url.ends_with('/') {
            url.to_owned()
        } else {
            format!("{url}/")
        };
        cmd.args(["--public-url", &url]);
    }
    let status = cmd.status().context("starting trunk build")?;
    if !status.success() {
        bail!("trunk build --release failed ({status})");
    }
    let place = dist.map_or("dist/".to_owned(), |d| d.display().to_string());
    println!(
        "[dist] release build in {place} in {}",
        tools::elapsed(start)
    );
    Ok(())
}

/// Prints the size table of `dist` (`crate::size`): raw, gzip and brotli per file, the
/// first-view total and the total after a paste.
pub fn print_sizes(dist: &Path) -> Result<()> {
    let rows = crate::size::measure(dist)?;
    crate::size::print(&rows);
    Ok(())
}
