//! Installs the tools the build needs (wasm target, Trunk, wasm-bindgen CLI, wasm-opt, Chromium,
//! cargo-fuzz).
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

/// The Trunk version (0.22 needs a newer rustc than the machine's). Trunk is pinned only here.
pub const TRUNK_VERSION: &str = "0.21.14";
/// The cargo-fuzz version (issue 15). It runs on the machine's stable toolchain with
/// `RUSTC_BOOTSTRAP=1` (`xtask/src/fuzz.rs`): CI has no nightly and cannot fetch one.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The rustc target of the web app.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Which tools a command needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Needs {
    /// Trunk, wasm-bindgen and wasm-opt (a release build of the app).
    pub trunk: bool,
    /// Chromium and chromedriver (wasm tests and end-to-end tests).
    pub browser: bool,
    /// cargo-fuzz (the fuzz targets, issue 15).
    pub fuzz: bool,
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
    let pins = Pins::read(&root)?;
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
                version: &pins.wasm_bindgen,
                locked: false,
                minutes: "about 5 min on 2 cores",
            },
        )?;
        ensure_wasm_opt(&tools, &root, &pins.binaryen)?;
    }
    if needs.fuzz {
        ensure_cargo_tool(
            &tools,
            CargoTool {
                name: "cargo-fuzz",
                crate_name: "cargo-fuzz",
                binary: "cargo-fuzz",
                version: CARGO_FUZZ_VERSION,
                locked: true,
                minutes: "about 2 min on 2 cores",
            },
        )?;
    }
    if needs.browser {
        let (chromium, chromedriver) = ensure_browser(&tools)?;
        tools.chromium = Some(chromium);
        tools.chromedriver = Some(chromedriver);
    }
    Ok(tools)
}

/// The tool versions pinned in the project's own files, each in one place:
///
/// - wasm-bindgen: the root crate pins the `wasm-bindgen` crate with `=` in Cargo.toml, and the
///   CLI must be that version; xtask reads it from Cargo.lock. Trunk.toml's `[tools]
///   wasm_bindgen` repeats it because Trunk reads it there; `pinned_versions_agree` checks that
///   the three agree.
/// - wasm-opt: `[tools] wasm_opt = "version_N"` in Trunk.toml (Trunk checks the binary against
///   it); xtask installs npm `binaryen@N`.
/// - Trunk: [`TRUNK_VERSION`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pins {
    /// The wasm-bindgen crate and CLI version, e.g. `0.2.130`.
    pub wasm_bindgen: String,
    /// binaryen's version number (wasm-opt), e.g. `132`.
    pub binaryen: String,
}

impl Pins {
    /// Reads the pins from Cargo.lock and Trunk.toml under `root`.
    pub fn read(root: &Path) -> Result<Pins> {
        let read = |name: &str| {
            std::fs::read_to_string(root.join(name))
                .with_context(|| format!("reading {}", root.join(name).display()))
        };
        let lock = read("Cargo.lock")?;
        let wasm_bindgen = locked_version(&lock, "wasm-bindgen")
            .context("Cargo.lock has no wasm-bindgen package")?;
        let trunk = read("Trunk.toml")?;
        let wasm_opt = toml_string(&trunk, "tools", "wasm_opt")
            .context("Trunk.toml has no [tools] wasm_opt")?;
        let binaryen = wasm_opt
            .strip_prefix("version_")
            .context("Trunk.toml's wasm_opt is not \"version_N\"")?
            .to_owned();
        Ok(Pins {
            wasm_bindgen,
            binaryen,
        })
    }
}

/// The version of the one package called `name` in a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let header = format!("name = \"{name}\"");
    let mut lines = lock.lines().skip_while(|l| *l != header).skip(1);
    let version = lines.next()?.strip_prefix("version = \"")?;
    Some(version.strip_suffix('"')?.to_owned())
}

/// The string value of `key = "…"` in the `[section]` of a simple TOML file.
fn toml_string(toml: &str, section: &str, key: &str) -> Option<String> {
    let header = format!("[{section}]");
    toml.lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
        })
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
struct CargoTool<'v> {
    name: &'static str,
    crate_name: &'static str,
    binary: &'static str,
    version: &'v str,
    locked: bool,
    minutes: &'static str,
}

fn ensure_cargo_tool(tools: &Tools, tool: CargoTool<'_>) -> Result<()> {
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

fn ensure_wasm_opt(tools: &Tools, root: &Path, binaryen: &str) -> Result<()> {
    if let Some(found) = version_of(tools, "wasm-opt")
        && found.contains(&format!("version {binaryen}"))
    {
        return Ok(());
    }
    let dir = root.join(".tools");
    progress(&format!(
        "installing wasm-opt (npm binaryen@{binaryen}) into {} (about 1 min)…",
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
            &format!("binaryen@{binaryen}"),
        ]),
        "npm install binaryen (is Node.js with npm installed?)",
    )?;
    match version_of(tools, "wasm-opt") {
        Some(v) if v.contains(&format!("version {binaryen}")) => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 14: the wasm-bindgen pin in Cargo.toml, the version in Cargo.lock and Trunk.toml's
    // `[tools]` agree, so the CLI xtask installs is the one the crate and Trunk expect.
    #[test]
    fn pinned_versions_agree() {
        let root = crate::root();
        let pins = Pins::read(&root).unwrap();
        let trunk = std::fs::read_to_string(root.join("Trunk.toml")).unwrap();
        assert_eq!(
            toml_string(&trunk, "tools", "wasm_bindgen").as_deref(),
            Some(pins.wasm_bindgen.as_str()),
            "Trunk.toml [tools] wasm_bindgen"
        );
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let pin = format!("wasm-bindgen = \"={}\"", pins.wasm_bindgen);
        assert!(
            manifest.lines().any(|l| l.trim() == pin),
            "Cargo.toml must pin {pin}"
        );
        assert!(pins.binaryen.parse::<u32>().is_ok(), "{pins:?}");
    }

    #[test]
    fn reads_simple_toml_and_lock_files() {
        let lock = "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"b\"\nversion = \"2.1.0\"\n";
        assert_eq!(locked_version(lock, "b").as_deref(), Some("2.1.0"));
        assert_eq!(locked_version(lock, "c"), None);
        let toml = "[build]\nwasm_opt = \"no\"\n[tools]\nwasm_opt = \"version_9\"\n";
        assert_eq!(
            toml_string(toml, "tools", "wasm_opt").as_deref(),
            Some("version_9")
        );
        assert_eq!(toml_string(toml, "build", "target"), None);
    }
}
