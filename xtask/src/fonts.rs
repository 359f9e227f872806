//! `cargo xtask fonts`: regenerates the webfont subsets in `assets/fonts/` (issue 12).
//!
//! The sources are the Noto Naskh Arabic woff2 files of npm's `@fontsource/noto-naskh-arabic`
//! (OFL-1.1), installed into `.tools/`; fonttools (with brotli, for woff2) comes from PyPI into a
//! project-local virtualenv `.tools/fonts-venv`. Each weight keeps two files, split by
//! `unicode-range` as in `style.css`: the Arabic one cut down to what Arabic news text uses (the
//! Arabic block, the presentation forms, Arabic punctuation, the joiners and direction marks),
//! the Latin one to ASCII, Latin-1 and general punctuation. Every OpenType layout feature is
//! kept, so shaping (joining forms, ligatures, marks) is unchanged. The outputs are committed:
//! a build needs neither npm's package nor Python.

use crate::tools::progress;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

/// The npm package of the source fonts, pinned.
const FONTSOURCE: &str = "@fontsource/noto-naskh-arabic@5.3.0";
/// fonttools and brotli from PyPI, pinned.
const PIP_PACKAGES: [&str; 2] = ["fonttools==4.68.0", "brotli==1.2.1"];

/// The code points of the Arabic files: the Arabic block (letters, Arabic-Indic digits, ، ؛ ؟,
/// harakat), presentation forms A and B, ZWNJ/ZWJ and the direction marks and isolates.
pub const ARABIC_UNICODES: &str =
    "U+0600-06FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+202A-202E,U+2066-2069";
/// The code points of the Latin files: ASCII (digits, punctuation, basic Latin), Latin-1
/// (« », no-break space, accented names) and general punctuation (dashes, quotes, …).
pub const LATIN_UNICODES: &str =
    "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-205E,U+20AC,U+2122,U+FEFF,U+FFFD";

/// (source file in the npm package, output file in assets/fonts, code points)
const SUBSETS: [(&str, &str, &str); 4] = [
    (
        "noto-naskh-arabic-arabic-400-normal.woff2",
        "noto-naskh-arabic-news-arabic-400.woff2",
        ARABIC_UNICODES,
    ),
    (
        "noto-naskh-arabic-arabic-700-normal.woff2",
        "noto-naskh-arabic-news-arabic-700.woff2",
        ARABIC_UNICODES,
    ),
    (
        "noto-naskh-arabic-latin-400-normal.woff2",
        "noto-naskh-arabic-news-latin-400.woff2",
        LATIN_UNICODES,
    ),
    (
        "noto-naskh-arabic-latin-700-normal.woff2",
        "noto-naskh-arabic-news-latin-700.woff2",
        LATIN_UNICODES,
    ),
];

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<()> {
    if let Some(arg) = args.first() {
        bail!("unknown option '{arg}' (fonts takes none)");
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
    let pyftsubset = venv.join("bin/pyftsubset");
    if !pyftsubset.is_file() {
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
    println!("{:<44} {:>10} {:>10}", "subset", "before", "after");
    for (source, output, unicodes) in SUBSETS {
        let from = package.join(source);
        let to = out_dir.join(output);
        subset(&pyftsubset, &from, &to, unicodes)?;
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        println!("{output:<44} {:>10} {:>10}", size(&from), size(&to));
    }
    Ok(())
}

fn subset(pyftsubset: &Path, from: &Path, to: &Path, unicodes: &str) -> Result<()> {
    run_checked(
        Command::new(pyftsubset).args([
            &from.to_string_lossy().into_owned(),
            &format!("--unicodes={unicodes}"),
            "--layout-features=*",
            "--flavor=woff2",
            "--no-hinting",
            "--desubroutinize",
            "--name-IDs=*",
            "--name-legacy",
            "--name-languages=*",
            &format!("--output-file={}", to.display()),
        ]),
        "pyftsubset",
    )
}

fn run_checked(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}
