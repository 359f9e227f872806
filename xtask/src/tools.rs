//! Installs the tools the build needs (wasm target, Trunk, wasm-bindgen CLI, wasm-opt, Chromium).
//!
//! Every tool is first looked for with the right version and reused; only what is missing is
//! installed, from a registry this machine reaches (rustup, crates.io, npm, Debian). Each step
//! prints one progress line with how long it may take. Child processes get a `PATH` with the
//! project-local tools folder (`.tools/node_modules/.bin`, for wasm-opt) and `$CARGO_HOME/bin`
//! first, so a fresh shell needs nothing on its `PATH` but cargo.

use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The Trunk version (0.22 needs a newer rustc than the machine's).
pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the pinned `wasm-bindgen` crate (root Cargo.toml) and `[tools]` in Trunk.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// npm's binaryen major version; must match `[tools] wasm_opt` in Trunk.toml.
pub const BINARYEN_VERSION: &str = "132";
/// The rustc target of the web app.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Which tools a command needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Needs {
    /// Trunk, wasm-bindgen and wasm-opt (a release build of the app).
    pub trunk: bool,
    /// Chromium and chromedriver (wasm tests and end-to-end tests).
    pub browser: bool,
}

/// Where the tools are, once [`ensure`] has run.
#[derive(Debug, Clone)]
pub struct Tools {
    /// `PATH` for child processes.
    pub path: OsString,
    /// The chromedriver binary.
    pub chromedriver: Option<PathBuf>,
    /// The Chromium binary.
    pub chromium: Option<PathBuf>,
}

impl Tools {
    /// A command with the tools' `PATH`, run from the workspace root.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env("PATH", &self.path).current_dir(crate::root());
        cmd
    }
}

/// Makes sure every tool in `needs` is there (plus the wasm32 target), installing what is missing.
pub fn ensure(needs: Needs) -> Result<Tools> {
    let root = crate::root();
    let local_bin = root.join(".tools/node_modules/.bin");
    let cargo_bin = cargo_home().join("bin");
    let mut dirs = vec![local_bin.clone(), cargo_bin.clone()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).context("building PATH")?;
    let mut tools = Tools {
        path,
        chromedriver: None,
        chromium: None,
    };

    ensure_wasm_target(&tools)?;
    if needs.trunk {
        ensure_cargo_tool(
            &tools,
            CargoTool {
                name: "Trunk",
                crate_name: "trunk",
                binary: "trunk",
                version: TRUNK_VERSION,
                locked: true,
                minutes: "about 10 min on 2 cores",
            },
        )?;
        // wasm-bindgen-cli's lock file names a dependency version the registry no longer has:
        // it installs only without --locked.
        ensure_cargo_tool(
            &tools,
            CargoTool {
                name: "wasm-bindgen-cli",
                crate_name: "wasm-bindgen-cli",
                binary: "wasm-bindgen",
                version: WASM_BINDGEN_VERSION,
                locked: false,
                minutes: "about 5 min on 2 cores",
            },
        )?;
        ensure_wasm_opt(&tools, &root)?;
    }
    if needs.browser {
        let (chromium, chromedriver) = ensure_browser(&tools)?;
        tools.chromium = Some(chromium);
        tools.chromedriver = Some(chromedriver);
    }
    Ok(tools)
}

/// `$CARGO_HOME`, or `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home);
    }
    let home = std::env::var_os("HOME").unwrap_or_else(|| "/root".into());
    PathBuf::from(home).join(".cargo")
}

/// Prints one progress line for a step that is about to run.
pub fn progress(message: &str) {
    println!("[tools] {message}");
}

/// `12m03s` / `4.2s`.
pub fn elapsed(start: Instant) -> String {
    let secs = start.elapsed().as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = secs.round() as u64;
        format!("{}m{:02}s", whole / 60, whole % 60)
    }
}

fn ensure_wasm_target(tools: &Tools) -> Result<()> {
    let installed = tools
        .command("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("running rustup (is Rust installed with rustup?)")?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == WASM_TARGET)
    {
        return Ok(());
    }
    progress(&format!(
        "adding the {WASM_TARGET} target with rustup (about 1 min)…"
    ));
    let start = Instant::now();
    run_quiet(
        tools.command("rustup").args(["target", "add", WASM_TARGET]),
        "rustup target add",
    )?;
    progress(&format!("{WASM_TARGET} added in {}", elapsed(start)));
    Ok(())
}

/// A tool installed with `cargo install`.
#[derive(Debug, Clone, Copy)]
struct CargoTool {
    name: &'static str,
    crate_name: &'static str,
    binary: &'static str,
    version: &'static str,
    locked: bool,
    minutes: &'static str,
}

fn ensure_cargo_tool(tools: &Tools, tool: CargoTool) -> Result<()> {
    if let Some(found) = version_of(tools, tool.binary) {
        if found.split_whitespace().any(|w| w == tool.version) {
            return Ok(());
        }
        progress(&format!(
            "found '{}' but need {} {}: reinstalling",
            found.trim(),
            tool.name,
            tool.version
        ));
    }
    progress(&format!(
        "installing {} {} with cargo install ({})…",
        tool.name, tool.version, tool.minutes
    ));
    let start = Instant::now();
    let mut cmd = tools.command("cargo");
    cmd.args([
        "install",
        tool.crate_name,
        "--version",
        tool.version,
        "--force",
    ]);
    if tool.locked {
        cmd.arg("--locked");
    }
    // Installs go to $CARGO_HOME/bin, already first on the children's PATH.
    run_quiet(&mut cmd, &format!("cargo install {}", tool.crate_name))?;
    progress(&format!(
        "{} {} installed in {}",
        tool.name,
        tool.version,
        elapsed(start)
    ));
    Ok(())
}

fn ensure_wasm_opt(tools: &Tools, root: &Path) -> Result<()> {
    if let Some(found) = version_of(tools, "wasm-opt")
        && found.contains(&format!("version {BINARYEN_VERSION}"))
    {
        return Ok(());
    }
    let dir = root.join(".tools");
    progress(&format!(
        "installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) into {} (about 1 min)…",
        dir.display()
    ));
    let start = Instant::now();
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    run_quiet(
        tools.command("npm").args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            &dir.to_string_lossy(),
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]),
        "npm install binaryen (is Node.js with npm installed?)",
    )?;
    match version_of(tools, "wasm-opt") {
        Some(v) if v.contains(&format!("version {BINARYEN_VERSION}")) => {}
        other => bail!("wasm-opt after npm install reports {other:?}"),
    }
    progress(&format!("wasm-opt installed in {}", elapsed(start)));
    Ok(())
}

fn ensure_browser(tools: &Tools) -> Result<(PathBuf, PathBuf)> {
    let find = || (which(tools, "chromium"), which(tools, "chromedriver"));
    if let (Some(chromium), Some(driver)) = find() {
        return Ok((chromium, driver));
    }
    if !is_root() {
        bail!(
            "Chromium and chromedriver are needed for the browser tests but are not installed, \
             and installing them needs root. Run: sudo apt-get install -y chromium chromium-driver"
        );
    }
    progress("installing chromium and chromium-driver with apt-get (about 2 min)…");
    let start = Instant::now();
    run_quiet(tools.command("apt-get").arg("update"), "apt-get update")?;
    run_quiet(
        tools
            .command("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        "apt-get install chromium chromium-driver",
    )?;
    progress(&format!("chromium installed in {}", elapsed(start)));
    match find() {
        (Some(chromium), Some(driver)) => Ok((chromium, driver)),
        _ => bail!("chromium or chromedriver still missing after apt-get install"),
    }
}

/// The first line of `binary --version`, if the binary runs.
fn version_of(tools: &Tools, binary: &str) -> Option<String> {
    let out = tools
        .command(binary)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().next().map(str::to_owned)
}

/// The path of `binary` on the tools' `PATH`.
fn which(tools: &Tools, binary: &str) -> Option<PathBuf> {
    std::env::split_paths(&tools.path)
        .map(|dir| dir.join(binary))
        .find(|p| p.is_file())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Runs a command, keeping its output out of the way unless it fails (then its tail is shown).
fn run_quiet(cmd: &mut Command, what: &str) -> Result<()> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("starting {what}"))?;
    if out.status.success() {
        return Ok(());
    }
    let mut log = String::from_utf8_lossy(&out.stdout).into_owned();
    log.push_str(&String::from_utf8_lossy(&out.stderr));
    let tail: Vec<&str> = log.lines().rev().take(30).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    bail!("{what} failed ({}):\n{}", out.status, tail.join("\n"))
}
