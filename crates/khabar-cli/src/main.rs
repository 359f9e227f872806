//! The `khabar` command: `analyze` an article to JSON, TimeML or brat; `tag-conll` for ANERcorp-style
//! evaluation. The interface is a public contract (`docs/contracts.md`); keep it stable.

use anyhow::{Context, Result, anyhow, bail};
use khabar_nlp::{Config, Date};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: khabar analyze [--date YYYY-MM-DD] [--format json|timeml|brat] [FILE]
       khabar tag-conll [FILE]

FILE is a UTF-8 text; standard input when absent or '-'.";

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
    let mut format = Format::Json;
    let mut file = None;
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
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "timeml" => Format::TimeMl,
                    "brat" => Format::Brat,
                    other => bail!("--format '{other}' is not one of json, timeml, brat"),
                };
            }
            "-" => file = Some("-".to_owned()),
            f if f.starts_with('-') => bail!("unknown option '{f}'\n{USAGE}"),
            f => {
                if file.replace(f.to_owned()).is_some() {
                    bail!("more than one FILE given");
                }
            }
        }
    }
    let text = read_input(file.as_deref())?;
    let analysis = khabar_nlp::analyze(
        &text,
        &Config {
            reference_date: date,
        },
    );
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
    write_stdout(&out)
}

fn tag_conll(args: &[String]) -> Result<()> {
    let file = match args {
        [] => None,
        [f] => Some(f.as_str()),
        _ => bail!("tag-conll takes at most one FILE"),
    };
    let text = read_input(file)?;
    let mut out = String::with_capacity(text.len() * 2);
    let mut sentence: Vec<&str> = Vec::new();
    // News or Wikipedia conventions, decided once over the whole input.
    let domain =
        khabar_nlp::ner::detect_domain(text.lines().filter_map(|l| l.split_whitespace().next()));
    let flush = |sentence: &mut Vec<&str>, out: &mut String| {
        if sentence.is_empty() {
            return;
        }
        let tags = khabar_nlp::ner::tag_scored_in_domain(sentence, domain);
        for (word, tag) in sentence.iter().zip(tags.into_iter().map(|t| t.tag)) {
            out.push_str(word);
            out.push('\t');
            out.push_str(&khabar_nlp::ner::tag_name(tag));
            out.push('\n');
        }
        sentence.clear();
    };
    for line in text.lines() {
        match line.split_whitespace().next() {
            Some(token) => sentence.push(token),
            None => {
                flush(&mut sentence, &mut out);
                out.push('\n');
            }
        }
    }
    flush(&mut sentence, &mut out);
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
