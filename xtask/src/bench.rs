//! `cargo xtask bench`: how fast `khabar_nlp::analyze` is and how it scales (issue 9). One run
//! prints, natively in release mode (re-running itself with `--release` when built in debug):
//!
//! - a scaling table over 10 KB, 100 KB, 1 MB and 10 MB of news text (the ANERcorp training text
//!   in the repository, in article-sized blocks, repeated to reach the size): seconds, MB/s, cost
//!   per byte relative to 10 KB and peak memory (each size in a child process of its own, so
//!   that the peak is that size's);
//! - the time of each stage for the 1 MB run (through `khabar_nlp::analyze_observed`: the
//!   analysis reads no clock, the bench times the stage boundaries it reports), with JSON
//!   serialisation;
//! - the bundled article's median and spread over 300 runs, in wall time and in this thread's
//!   CPU time per run;
//! - the CLI's batch mode over 1,000 article-sized files with one and with two threads;
//! - the same in wasm, in headless Chromium (`tests/wasm_bench.rs`, feature `bench`): the bundled
//!   article over 300 runs and 1 MB.
//!
//! `--native` skips wasm and batch, `--wasm` runs only wasm, `--batch` only the batch runs,
//! `--quick` leaves out 10 MB. Prints tables; never asserts on time.

use anyhow::{Context, Result, bail};
use khabar_nlp::{Config, Date, Stage};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// What to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    native: bool,
    wasm: bool,
    batch: bool,
    quick: bool,
}

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<()> {
    let mut plan = Plan {
        native: true,
        wasm: true,
        batch: true,
        quick: false,
    };
    let mut debug = false;
    let (mut first_view, mut no_build) = (false, false);
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            lexopt::Arg::Long("native") => (plan.wasm, plan.batch) = (false, false),
            lexopt::Arg::Long("wasm") => (plan.native, plan.batch) = (false, false),
            lexopt::Arg::Long("batch") => (plan.native, plan.wasm) = (false, false),
            lexopt::Arg::Long("quick") => plan.quick = true,
            lexopt::Arg::Long("debug") => debug = true,
            lexopt::Arg::Long("first-view") => first_view = true,
            lexopt::Arg::Long("no-build") => no_build = true,
            // Internal: one size in a child process, for its own peak memory.
            lexopt::Arg::Long("one") => {
                let size = lexopt::ValueExt::parse(&parser.value()?)?;
                return one_size(size);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    if first_view {
        return crate::bench_firstview::run(no_build);
    }
    if cfg!(debug_assertions) && !debug {
        let status = Command::new(cargo())
            .current_dir(crate::root())
            .args(["run", "--quiet", "--release", "-p", "xtask", "--", "bench"])
            .args(args)
            .status()
            .context("running the release build of xtask")?;
        if !status.success() {
            bail!("release bench failed");
        }
        return Ok(());
    }
    if plan.native {
        native(plan.quick)?;
    }
    if plan.batch {
        batch()?;
    }
    if plan.wasm {
        wasm()?;
    }
    Ok(())
}

pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// The reference date of the bundled article, from its metadata file.
fn article() -> Result<(String, Date)> {
    let root = crate::root().join("articles");
    let text = std::fs::read_to_string(root.join("biden-putin-summit.txt"))?;
    let meta = std::fs::read_to_string(root.join("biden-putin-summit.toml"))?;
    let published = meta
        .lines()
        .find_map(|l| l.strip_prefix("published = "))
        .context("no published date in the article's metadata")?
        .trim_matches('"');
    Ok((text, published.parse()?))
}

/// News text from the CoNLL-style ANERcorp training text: tokens joined into sentences, three
/// sentences to a paragraph, twelve to an article (a blank line between articles).
pub fn news_text(conll: &str) -> String {
    use khabar_nlp::ner::train;
    train::news_text(&train::conll_sentences(conll))
}

/// `size` bytes (about) of news text: whole articles of `news`, repeated, the last one cut at
/// a paragraph end.
pub fn sized(news: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + 1);
    while out.len() < size {
        let need = size - out.len();
        if need >= news.len() {
            out.push_str(news);
            continue;
        }
        let mut cut = need;
        while !news.is_char_boundary(cut) {
            cut -= 1;
        }
        let end = news[..cut].rfind('\n').map_or(cut, |i| i + 1);
        out.push_str(&news[..end]);
        break;
    }
    out
}

fn news() -> Result<String> {
    let path = crate::root().join("crates/khabar-nlp/data/anercorp/train.txt");
    let conll =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(news_text(&conll))
}

/// Peak resident memory of this process (Linux), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A clock of the time this thread has run on a CPU (`clock_gettime` of the thread's CPU-time
/// clock, in nanoseconds), else of wall time: on a shared machine, wall time also counts the time
/// other processes ran, so the tables use CPU time where the system gives it.
#[derive(Debug, Clone, Copy)]
struct Clock {
    cpu: bool,
}

impl Clock {
    fn new() -> Clock {
        Clock {
            cpu: thread_cpu_ns().is_some(),
        }
    }

    /// Nanoseconds since an arbitrary start.
    fn now(self) -> u64 {
        if self.cpu {
            thread_cpu_ns().unwrap_or(0)
        } else {
            static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
            START.get_or_init(Instant::now).elapsed().as_nanos() as u64
        }
    }

    fn name(self) -> &'static str {
        if self.cpu { "CPU" } else { "wall" }
    }
}

/// This thread's CPU time in nanoseconds. (Linux's `/proc/thread-self/schedstat` moves only at
/// scheduler ticks, 4 ms here; the CPU-time clock includes the time since the last tick.)
#[cfg(unix)]
fn thread_cpu_ns() -> Option<u64> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let seconds = u64::try_from(t.tv_sec).ok()?;
    let nanos = u64::try_from(t.tv_nsec).ok()?;
    Some(seconds * 1_000_000_000 + nanos)
}

#[cfg(not(unix))]
fn thread_cpu_ns() -> Option<u64> {
    None
}

/// CPU seconds used by this process's finished children (Linux `/proc/self/stat`, user +
/// system, in ticks of 1/100 s).
fn children_cpu_seconds() -> Option<f64> {
    stat_seconds(13)
}

/// The sum of the two `/proc/self/stat` time fields from `first` on (counting from the state
/// field), in seconds.
fn stat_seconds(first: usize) -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let user: f64 = fields.get(first)?.parse().ok()?;
    let system: f64 = fields.get(first + 1)?.parse().ok()?;
    Some((user + system) / 100.0)
}

/// Child process: analyses `size` bytes (repeatedly for small sizes, about a second in all)
/// and prints `bytes wall-seconds-per-run cpu-seconds-per-run peak-rss`.
fn one_size(size: usize) -> Result<()> {
    let text = sized(&news()?, size);
    let config = Config {
        reference_date: Some(Date::constant(2008, 6, 1)),
    };
    // The knowledge base and the NER model are built on first use: not part of the cost.
    khabar_nlp::analyze("قال الرئيس في بيروت أمس", &config);
    let runs = (1_000_000 / text.len().max(1)).clamp(1, 50);
    let clock = Clock::new();
    let cpu = clock.now();
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(khabar_nlp::analyze(&text, &config));
    }
    let wall = start.elapsed().as_secs_f64() / runs as f64;
    let cpu = clock.now().saturating_sub(cpu) as f64 / 1e9 / runs as f64;
    println!("{} {wall} {cpu} {}", text.len(), peak_rss().unwrap_or(0));
    Ok(())
}

fn native(quick: bool) -> Result<()> {
    println!("khabar bench (native, release; news text from the ANERcorp training text)");
    println!();
    println!("MB/s and cost per byte (relative to 10 KB) from CPU time; wall time for reference");
    println!(
        "{:>8} {:>10} {:>9} {:>9} {:>8} {:>12} {:>10}",
        "input", "bytes", "wall s", "CPU s", "MB/s", "cost/byte ×", "peak RSS"
    );
    let sizes: &[(&str, usize)] = if quick {
        &[("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000)]
    } else {
        &[
            ("10 KB", 10_000),
            ("100 KB", 100_000),
            ("1 MB", 1_000_000),
            ("10 MB", 10_000_000),
        ]
    };
    let exe = std::env::current_exe()?;
    let mut base: Option<f64> = None;
    for &(label, size) in sizes {
        let out = Command::new(&exe)
            .args(["bench", "--one", &size.to_string()])
            .output()
            .context("running one bench size")?;
        if !out.status.success() {
            bail!(
                "bench of {label} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let parts: Vec<f64> = line
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .collect();
        let [bytes, wall, cpu, rss] = parts[..] else {
            bail!("unexpected bench output '{line}'");
        };
        let secs = if cpu > 0.0 { cpu } else { wall };
        let per_byte = secs / bytes;
        let relative = per_byte / *base.get_or_insert(per_byte);
        println!(
            "{label:>8} {bytes:>10} {wall:>9.3} {cpu:>9.3} {:>8.2} {relative:>12.2} {:>7.0} MB",
            bytes / secs / 1e6,
            rss / 1e6
        );
    }
    println!();
    stages()?;
    println!();
    bundled()
}

/// The time of each stage for 1 MB (the best of three runs per stage).
fn stages() -> Result<()> {
    let text = sized(&news()?, 1_000_000);
    let config = Config {
        reference_date: Some(Date::constant(2008, 6, 1)),
    };
    let clock = Clock::new();
    let mut best: Vec<Duration> = vec![Duration::MAX; Stage::ALL.len() + 1];
    for _ in 0..3 {
        let mut last = clock.now();
        let mut times: Vec<Duration> = Vec::new();
        let analysis = khabar_nlp::analyze_observed(&text, &config, &mut |_| {
            let now = clock.now();
            times.push(Duration::from_nanos(now.saturating_sub(last)));
            last = now;
        });
        let start = clock.now();
        let json = serde_json::to_string(&analysis)?;
        times.push(Duration::from_nanos(clock.now().saturating_sub(start)));
        std::hint::black_box(json);
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    let total: f64 = best.iter().map(Duration::as_secs_f64).sum();
    println!(
        "stages for {:.2} MB ({} time, best of 3)   seconds   share",
        text.len() as f64 / 1e6,
        clock.name()
    );
    let names = Stage::ALL
        .iter()
        .map(|s| match s {
            Stage::Tokens => "tokens + sentences",
            Stage::Assembly => "assembly",
            other => other.name(),
        })
        .chain(["serialisation (JSON)"]);
    for (name, t) in names.zip(&best) {
        let s = t.as_secs_f64();
        println!("  {name:<30} {s:>8.3} {:>6.1}%", 100.0 * s / total);
    }
    println!("  {:<30} {total:>8.3}", "total");
    Ok(())
}

/// The bundled article: median and spread over 300 runs.
///
/// Each run is timed with the wall clock and, where the system has one, with this thread's
/// CPU-time clock: on a loaded machine other processes take turns in the middle of runs, which
/// wall time counts and CPU time does not.
fn bundled() -> Result<()> {
    let (text, date) = article()?;
    let config = Config {
        reference_date: Some(date),
    };
    khabar_nlp::analyze(&text, &config);
    let clock = Clock::new();
    let (mut wall, mut cpu): (Vec<f64>, Vec<f64>) = (0..300)
        .map(|_| {
            let (start, cpu) = (Instant::now(), clock.now());
            std::hint::black_box(khabar_nlp::analyze(&text, &config));
            let ms = |ns: u64| ns as f64 / 1e6;
            (
                start.elapsed().as_secs_f64() * 1e3,
                ms(clock.now().saturating_sub(cpu)),
            )
        })
        .unzip();
    println!(
        "bundled article ({:.1} KB), 300 runs, per run:",
        text.len() as f64 / 1e3
    );
    let print = |name: &str, ms: &mut [f64]| {
        ms.sort_by(f64::total_cmp);
        let q = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
        println!(
            "  {name:<9} median {:.3} ms, p10 {:.3}, p90 {:.3}, min {:.3}, max {:.3}",
            q(0.5),
            q(0.1),
            q(0.9),
            ms[0],
            ms[ms.len() - 1],
        );
    };
    print("wall time", &mut wall);
    if clock.cpu {
        print("CPU time", &mut cpu);
    }
    Ok(())
}

/// The CLI's batch mode: 1,000 article-sized files with one thread, then two.
fn batch() -> Result<()> {
    let status = Command::new(cargo())
        .current_dir(crate::root())
        .args(["build", "--quiet", "--release", "-p", "khabar-cli"])
        .status()
        .context("building the khabar CLI")?;
    if !status.success() {
        bail!("building the khabar CLI failed");
    }
    let khabar = target_dir().join("release/khabar");
    let work = std::env::temp_dir().join(format!("khabar-batch-bench-{}", std::process::id()));
    // The output goes next to the input directory, not into it: the second run would read the
    // first run's output as one more (very large) input.
    let dir = work.join("in");
    std::fs::create_dir_all(&dir)?;
    let news = news()?;
    let articles: Vec<&str> = news
        .split("\n\n")
        .filter(|a| !a.trim().is_empty())
        .collect();
    for k in 0..1000 {
        let text = articles[k % articles.len()];
        std::fs::write(dir.join(format!("{k:04}.txt")), format!("{text}\n"))?;
    }
    let out = work.join("out.jsonl");
    let bytes: usize = (0..1000)
        .map(|k| articles[k % articles.len()].len() + 1)
        .sum();
    println!();
    println!(
        "batch: khabar analyze DIR --output FILE, 1,000 files ({:.1} MB)",
        bytes as f64 / 1e6
    );
    let mut one = 0.0;
    for threads in [1, 2] {
        let cpu = children_cpu_seconds().unwrap_or(0.0);
        let start = Instant::now();
        let status = Command::new(&khabar)
            .env("RAYON_NUM_THREADS", threads.to_string())
            .arg("analyze")
            .arg(&dir)
            .arg("--output")
            .arg(&out)
            .status()
            .context("running khabar analyze")?;
        let secs = start.elapsed().as_secs_f64();
        let cpu = children_cpu_seconds().unwrap_or(0.0) - cpu;
        if !status.success() {
            bail!("khabar analyze failed in the batch bench");
        }
        let lines = std::fs::read_to_string(&out)?.lines().count();
        if lines != 1000 {
            bail!("the batch bench got {lines} results for 1,000 files");
        }
        if threads == 1 {
            one = secs;
        }
        println!(
            "  RAYON_NUM_THREADS={threads}: {secs:.2} s wall ({cpu:.2} s CPU), {:.0} files/s, speed-up {:.2}×",
            1000.0 / secs,
            one / secs
        );
    }
    std::fs::remove_dir_all(&work)?;
    Ok(())
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("target"))
}

/// Runs `tests/wasm_bench.rs` in headless Chromium (release build, wasm-bindgen-test-runner and
/// chromedriver on PATH or in `CHROMEDRIVER`).
fn wasm() -> Result<()> {
    let corpus = crate::root().join("crates/khabar-nlp/data/anercorp/train.txt");
    if !Path::new(&corpus).exists() {
        bail!(
            "the wasm bench compiles in {} (the repository copy of ANERcorp)",
            corpus.display()
        );
    }
    println!();
    let caps = std::env::temp_dir().join("khabar-bench-webdriver.json");
    std::fs::write(
        &caps,
        r#"{"goog:chromeOptions": {"args": ["--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]}}"#,
    )?;
    let chromedriver =
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let status = Command::new(cargo())
        .current_dir(crate::root())
        .env("CHROMEDRIVER", chromedriver)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &caps)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "600")
        .args([
            "test",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "khabar",
        ])
        .args([
            "--features",
            "bench",
            "--test",
            "wasm_bench",
            "--",
            "--nocapture",
        ])
        .status()
        .context("running the wasm bench")?;
    if !status.success() {
        bail!("wasm bench failed");
    }
    Ok(())
}
