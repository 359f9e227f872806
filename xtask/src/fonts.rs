//! `cargo xtask fonts`: regenerates the webfont subsets in `assets/fonts/` (issue 12).
//!
//! The sources are the Noto Naskh Arabic woff2 files of npm's `@fontsource/noto-naskh-arabic`
//! (OFL-1.1), installed into `.tools/`; fonttools (with brotli, for woff2) comes from PyPI into a
//! project-local virtualenv `.tools/fonts-venv`. Fontsource splits each weight into an Arabic and
//! a Latin file; an Arabic article needs both (spaces, digits and punctuation are in the Latin
//! one), so each weight becomes one file: the Arabic file cut down to what Arabic news uses (see
//! [`ARABIC_UNICODES`]), merged with the basic
//! Latin, the no-break space, « », and the general punctuation of the Latin file. Every OpenType
//! layout feature is kept, so shaping (joining forms, ligatures, marks) is unchanged. Other
//! scripts fall back to the system's fonts. The outputs are committed: a build needs neither
//! npm's package nor Python.

use crate::tools::progress;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

/// The npm package of the source fonts, pinned.
const FONTSOURCE: &str = "@fontsource/noto-naskh-arabic@5.3.0";
/// fonttools and brotli from PyPI, pinned.
const PIP_PACKAGES: [&str; 2] = ["fonttools==4.68.0", "brotli==1.2.1"];

/// The Arabic part: what Arabic-language text uses of the Arabic block — the letters, hamza
/// forms, harakat, Arabic-Indic digits and ، ؛ ؟ ٪ (U+0600–066D), the dagger and wasla alefs —
/// plus the letters Arabic news borrows for foreign names (پ چ ژ ڤ ڨ گ ک ی), the ﷲ ﷺ ﷻ
/// ligatures, ZWNJ/ZWJ, the direction marks and isolates.
///
/// Not kept (issue 12: they made half of each file): the presentation-form code points
/// (U+FB50–FDFF, U+FE70–FEFF) — the joining forms and ligatures that shaping uses stay, since
/// the subsetter keeps every glyph the layout features reach from the kept characters; only
/// text *typed* in presentation forms falls back — and the letters and marks of Persian, Urdu,
/// Kurdish, Pashto, Sindhi and Quranic annotation, which fall back to the system's fonts.
pub const ARABIC_UNICODES: &str = "U+0600-065F,U+0660-066D,U+0670-0673,U+067E,U+0686,U+0698,\
                                   U+06A4,U+06A8,U+06A9,U+06AF,U+06CC,U+06D4,U+FDF2,U+FDFA,U+FDFB,\
                                   U+200C-200F,U+202A-202E,U+2066-2069";
/// The Latin part: basic Latin (space, digits, punctuation, letters), no-break space, « », ×, ÷,
/// and general punctuation (dashes, quotes, ellipsis, per mille), the euro sign.
pub const LATIN_UNICODES: &str =
    "U+0020-007E,U+00A0,U+00AB,U+00BB,U+00D7,U+00F7,U+2010-2027,U+2030-205E,U+20AC";

/// (weight, Arabic source, Latin source) in the npm package; the output is
/// `assets/fonts/noto-naskh-arabic-news-<weight>.woff2`.
const WEIGHTS: [(&str, &str, &str); 2] = [
    (
        "400",
        "noto-naskh-arabic-arabic-400-normal.woff2",
        "noto-naskh-arabic-latin-400-normal.woff2",
    ),
    (
        "700",
        "noto-naskh-arabic-arabic-700-normal.woff2",
        "noto-naskh-arabic-latin-700-normal.woff2",
    ),
];

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<()> {
    let mut parser = lexopt::Parser::from_args(args);
    if let Some(arg) = parser.next()? {
        return Err(arg.unexpected().into());
    }
    let root = crate::root();
    let tools_dir = root.join(".tools");
    std::fs::create_dir_all(&tools_dir)?;
    let package = tools_dir.join("node_modules/@fontsource/noto-naskh-arabic/files");
    if !package.is_dir() {
        progress(&format!("installing {FONTSOURCE} with npm into .tools/…"));
        run_checked(
            Command::new("npm").args([
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                &tools_dir.to_string_lossy(),
                FONTSOURCE,
            ]),
            "npm install",
        )?;
    }
    let venv = tools_dir.join("fonts-venv");
    if !venv.join("bin/pyftmerge").is_file() {
        progress("creating .tools/fonts-venv and installing fonttools from PyPI…");
        run_checked(
            Command::new("python3").args(["-m", "venv", &venv.to_string_lossy()]),
            "python3 -m venv",
        )?;
        run_checked(
            Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet"])
                .args(PIP_PACKAGES),
            "pip install fonttools",
        )?;
    }
    let out_dir = root.join("assets/fonts");
    let work = tools_dir.join("fonts-work");
    std::fs::create_dir_all(&work)?;
    let bin = venv.join("bin");
    println!("{:<40} {:>16} {:>10}", "font", "sources", "subset");
    for (weight, arabic, latin) in WEIGHTS {
        let (a, l) = (package.join(arabic), package.join(latin));
        let a_part = work.join(format!("arabic-{weight}.ttf"));
        let l_part = work.join(format!("latin-{weight}.ttf"));
        let merged = work.join(format!("merged-{weight}.ttf"));
        let output = out_dir.join(format!("noto-naskh-arabic-news-{weight}.woff2"));
        subset(&bin, &a, &a_part, ARABIC_UNICODES, None)?;
        subset(&bin, &l, &l_part, LATIN_UNICODES, None)?;
        run_checked(
            Command::new(bin.join("pyftmerge"))
                .arg(&a_part)
                .arg(&l_part)
                .arg(format!("--output-file={}", merged.display())),
            "pyftmerge",
        )?;
        let all = format!("{ARABIC_UNICODES},{LATIN_UNICODES}");
        subset(&bin, &merged, &output, &all, Some("woff2"))?;
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let name = output.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<40} {:>16} {:>10}",
            size(&a) + size(&l),
            size(&output)
        );
    }
    Ok(())
}

/// `pyftsubset from --unicodes=… → to`, keeping every layout feature and every name.
fn subset(bin: &Path, from: &Path, to: &Path, unicodes: &str, flavor: Option<&str>) -> Result<()> {
    let mut cmd = Command::new(bin.join("pyftsubset"));
    cmd.arg(from).args([
        &format!("--unicodes={unicodes}"),
        "--layout-features=*",
        "--no-hinting",
        "--name-IDs=*",
        "--name-legacy",
        "--name-languages=*",
        &format!("--output-file={}", to.display()),
    ]);
    if let Some(flavor) = flavor {
        cmd.arg(format!("--flavor={flavor}"));
    }
    run_checked(&mut cmd, "pyftsubset")
}

fn run_checked(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}
