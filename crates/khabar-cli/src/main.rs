//! The `khabar` command: `analyze` an article to JSON, TimeML or brat (or many articles to JSON
//! Lines, in parallel); `tag-conll` for ANERcorp-style evaluation. The interface is a public
//! contract (`docs/contracts.md`); keep it stable.

use anyhow::{Context, Result, anyhow, bail};
use khabar_nlp::{Config, Date};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: khabar analyze [--date YYYY-MM-DD] [--format json|timeml|brat] [--output FILE] [FILE]
       khabar analyze [--date YYYY-MM-DD] [--output FILE] FILE|DIR FILE|DIR...
       khabar tag-conll [FILE]

FILE is a UTF-8 text; standard input when absent or '-'. Several files or a directory give
JSON Lines, one {\"file\", \"analysis\"} object per file, analysed in parallel
(RAYON_NUM_THREADS threads); a file that cannot be analysed gets a one-line error on stderr and
the exit status is 2. --output writes the result to FILE atomically.";

/// Output format of `analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    TimeMl,
    Brat,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}").replace('\n', " ");
            eprintln!("khabar: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        bail!("missing command\n{USAGE}");
    };
    match command.as_str() {
        "analyze" | "analyse" => analyze(rest),
        "tag-conll" => tag_conll(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command '{other}' (expected analyze or tag-conll)"),
    }
}

fn analyze(args: &[String]) -> Result<()> {
    let mut date = None;
    let mut format = None;
    let mut output: Option<PathBuf> = None;
    let mut files: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| anyhow!("{name} needs a value"))
        };
        match flag {
            "--date" => {
                let v = value("--date")?;
                let parsed: Date = v
                    .parse()
                    .map_err(|_| anyhow!("--date '{v}' is not a date of the form YYYY-MM-DD"))?;
                date = Some(parsed);
            }
            "--format" => {
                format = Some(match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "timeml" => Format::TimeMl,
                    "brat" => Format::Brat,
                    other => bail!("--format '{other}' is not one of json, timeml, brat"),
                });
            }
            "--output" | "-o" => output = Some(PathBuf::from(value("--output")?)),
            "-" => files.push("-".to_owned()),
            f if f.starts_with('-') => bail!("unknown option '{f}'\n{USAGE}"),
            f => files.push(f.to_owned()),
        }
    }
    let config = Config {
        reference_date: date,
    };
    let batch = files.len() > 1 || files.iter().any(|f| Path::new(f).is_dir());
    if batch {
        if let Some(f @ (Format::TimeMl | Format::Brat)) = format {
            let name = if f == Format::TimeMl {
                "timeml"
            } else {
                "brat"
            };
            bail!(
                "--format {name} takes one FILE; several files or a directory give JSON Lines (--format json)"
            );
        }
        if files.iter().any(|f| f == "-") {
            bail!("standard input ('-') cannot be one of several inputs");
        }
        return analyze_batch(&files, &config, output.as_deref());
    }
    let format = format.unwrap_or(Format::Json);
    let file = files.first().map(String::as_str);
    let text = read_input(file)?;
    let analysis = khabar_nlp::analyze(&text, &config);
    let out = match format {
        Format::Json => {
            let mut s =
                serde_json::to_string_pretty(&analysis).context("serialising the analysis")?;
            s.push('\n');
            s
        }
        Format::TimeMl => khabar_nlp::format::timeml(&text, &analysis),
        Format::Brat => khabar_nlp::format::brat(&analysis),
    };
    match output {
        Some(path) => write_atomically(&path, &out),
        None => write_stdout(&out),
    }
}

/// Batch mode: every file (directories read recursively, in path order) analysed in parallel,
/// one JSON object per line in input order; a file that fails gets a one-line error on stderr
/// and the others still come out.
fn analyze_batch(inputs: &[String], config: &Config, output: Option<&Path>) -> Result<()> {
    let mut files: Vec<PathBuf> = Vec::new();
    for input in inputs {
        collect_files(Path::new(input), &mut files);
    }
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files, {eta} left")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let results: Vec<Result<String, String>> = files
        .par_iter()
        .map(|path| {
            let line = analyze_one(path, config);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            line
        })
        .collect();
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut out = String::new();
    let mut failed = 0;
    for result in results {
        match result {
            Ok(line) => {
                out.push_str(&line);
                out.push('\n');
            }
            Err(message) => {
                eprintln!("khabar: {}", message.replace('\n', " "));
                failed += 1;
            }
        }
    }
    match output {
        Some(path) => write_atomically(path, &out)?,
        None => write_stdout(&out)?,
    }
    if failed > 0 {
        bail!("{failed} of {} files could not be analysed", files.len());
    }
    Ok(())
}

/// The files under `path` (itself when it is not a directory), sorted; an unreadable directory
/// is kept as a path so that reading it reports the error.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        out.push(path.to_owned());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        out.push(path.to_owned());
        return;
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        collect_files(&child, out);
    }
}

/// One JSON line `{"file": …, "analysis": …}`, or the one-line reason the file failed.
fn analyze_one(path: &Path, config: &Config) -> Result<String, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read '{name}': {e}"))?;
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "'{name}' is a binary file (NUL byte at offset {at})"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "'{name}' is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("'{name}' is empty"));
    }
    let analysis = khabar_nlp::analyze(&text, config);
    let line = serde_json::json!({ "file": name, "analysis": analysis });
    serde_json::to_string(&line).map_err(|e| format!("'{name}': serialising the analysis: {e}"))
}

/// Writes `contents` to `path` through a temporary file in the same directory and a rename, so
/// that `path` is never left half-written.
fn write_atomically(path: &Path, contents: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .with_context(|| format!("--output '{}' is not a file name", path.display()))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(contents.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("writing '{}'", path.display()));
    }
    Ok(())
}

fn tag_conll(args: &[String]) -> Result<()> {
    let file = match args {
        [] => None,
        [f] => Some(f.as_str()),
        _ => bail!("tag-conll takes at most one FILE"),
    };
    let text = read_input(file)?;
    // Sentences: the first token of each line, a blank line ending a sentence.
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        match line.split_whitespace().next() {
            Some(token) => sentences.last_mut().into_iter().for_each(|s| s.push(token)),
            None if sentences.last().is_some_and(|s| !s.is_empty()) => sentences.push(Vec::new()),
            None => {}
        }
    }
    // News or Wikipedia conventions, decided once over the whole input; one tagger for it all:
    // each distinct word is analysed once (issue 9), and the names it tags confidently label
    // their other occurrences in the input (issue 10).
    let domain = khabar_nlp::ner::detect_domain(sentences.iter().flatten().copied());
    let tagged = khabar_nlp::ner::DocumentTagger::new(domain)
        .tag_words(&sentences, khabar_nlp::ner::DocumentPass::SHIPPED);
    // The lines again, in order: a token line takes the next tag, a blank line stays blank.
    let mut tags = tagged.iter().flatten();
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        if let Some(token) = line.split_whitespace().next() {
            out.push_str(token);
            out.push('\t');
            out.push_str(&khabar_nlp::ner::tag_name(
                tags.next().map_or(khabar_nlp::ner::Tag::O, |t| t.tag),
            ));
        }
        out.push('\n');
    }
    write_stdout(&out)
}

fn read_input(file: Option<&str>) -> Result<String> {
    let bytes = match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            buf
        }
        Some(path) => std::fs::read(path).with_context(|| format!("cannot read '{path}'"))?,
    };
    let name = file.unwrap_or("-");
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "'{name}' is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn write_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`khabar analyze … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("writing standard output"),
    }
}
