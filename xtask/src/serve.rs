//! `cargo xtask serve` (release build served on localhost) and `cargo xtask dist` (release build
//! into `dist/`, optionally for a subpath, with a table of gzip sizes).

use crate::tools::{self, Needs, Tools};
use anyhow::{Context, Result, bail};
use lexopt::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
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
    })?;
    build(&tools, public_url.as_deref())?;
    print_sizes(&crate::root().join("dist"))
}

/// `trunk build --release --offline [--public-url P]` into `dist/`.
pub fn build(tools: &Tools, public_url: Option<&str>) -> Result<()> {
    let start = Instant::now();
    let mut cmd = tools.command("trunk");
    cmd.args(["build", "--release", "--offline"]);
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
    println!("[dist] release build in dist/ in {}", tools::elapsed(start));
    Ok(())
}

/// Prints the raw and gzip sizes of the wasm, js, css and font files in `dist`.
pub fn print_sizes(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(dist, &mut files)?;
    files.retain(|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("wasm" | "js" | "css" | "woff2")
        )
    });
    files.sort();
    println!("{:<60} {:>10} {:>10}", "file", "bytes", "gzip -9");
    let (mut raw_total, mut gz_total) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let gz = gzip_len(&bytes)?;
        raw_total += bytes.len();
        gz_total += gz;
        let name = file
            .strip_prefix(dist)
            .unwrap_or(file)
            .display()
            .to_string();
        println!("{name:<60} {:>10} {gz:>10}", bytes.len());
    }
    println!("{:<60} {raw_total:>10} {gz_total:>10}", "total");
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("reading {} (run a build first)", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}
