//! The `khabar` command's public contract (docs/contracts.md): output shape and exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn khabar(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("khabar starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("stdin written");
    child.wait_with_output().expect("khabar runs")
}

fn bundled_article() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../articles/biden-putin-summit.txt")
}

/// A file in the target directory holding `bytes`.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khabar-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file written");
    path
}

fn assert_one_line_error(out: &Output) {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout: {out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("khabar: "), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
}

#[test]
fn analyze_file_prints_the_json_contract() {
    let path = bundled_article();
    let out = khabar(
        &[
            "analyze",
            "--date",
            "2021-04-16",
            path.to_str().expect("UTF-8 path"),
        ],
        b"",
    );
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "khabar.analysis/1");
    assert_eq!(json["reference_date"], "2021-04-16");
    for list in ["sentences", "entities", "times", "events"] {
        assert!(json[list].is_array(), "'{list}' is a list in {json}");
    }
}

#[test]
fn analyze_reads_stdin_when_no_file_is_given() {
    let out = khabar(&["analyze"], "قال الرئيس إن القمة ستعقد.\n".as_bytes());
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "khabar.analysis/1");
}

#[test]
fn non_utf8_input_exits_2() {
    let path = temp_file("latin1.txt", b"caf\xe9\n");
    let out = khabar(&["analyze", path.to_str().expect("UTF-8 path")], b"");
    assert_one_line_error(&out);
    assert_one_line_error(&khabar(&["analyze", "-"], b"\xff\xfe"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_one_line_error(&khabar(&["analyze", "--date", "16/04/2021"], b""));
    assert_one_line_error(&khabar(&["analyze", "--format", "xml"], b""));
    assert_one_line_error(&khabar(&["analyze", "--no-such-flag"], b""));
    assert_one_line_error(&khabar(&["frobnicate"], b""));
    assert_one_line_error(&khabar(&[], b""));
    assert_one_line_error(&khabar(&["analyze", "/no/such/file.txt"], b""));
}

/// An empty directory of its own under the temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("khabar-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const SENTENCE: &str = "قال الرئيس الفرنسي في باريس أمس إن المحادثات مع ألمانيا ستستمر.\n";

#[test]
fn batch_mode_reports_each_bad_file_and_analyses_the_others() {
    // Issue 9 (batch CLI) and issue 15 (CLI robustness): a binary file, an empty file and a
    // non-UTF-8 file each give one line on stderr; the good files (one of 10 MB) come out as
    // JSON Lines in path order; the exit status is 2.
    let dir = temp_dir("batch");
    let inputs = dir.join("in");
    std::fs::create_dir_all(inputs.join("sub")).expect("input dirs");
    std::fs::write(inputs.join("a.txt"), SENTENCE).expect("a");
    std::fs::write(inputs.join("b.bin"), b"\x7fELF\x02\x01\x00\x00binary").expect("b");
    std::fs::write(inputs.join("c.txt"), b"").expect("c");
    std::fs::write(inputs.join("d.txt"), b"caf\xe9 au lait\n").expect("d");
    // 10 MB, made from the repository's text: the bundled article, then paragraphs of spaces
    // and the article's first line (cheap to analyse in a debug build, yet a 10 MB read).
    let article = std::fs::read_to_string(bundled_article()).expect("the bundled article");
    let first_line = article.lines().next().expect("a first line");
    let mut large = article.clone();
    while large.len() < 10_000_000 {
        large.push_str(&" ".repeat(100_000));
        large.push_str("\n\n");
        large.push_str(first_line);
        large.push('\n');
    }
    std::fs::write(inputs.join("sub/e.txt"), &large).expect("e");
    let output = dir.join("out.jsonl");
    let out = khabar(
        &[
            "analyze",
            "--date",
            "2020-03-02",
            inputs.to_str().expect("UTF-8 path"),
            "--output",
            output.to_str().expect("UTF-8 path"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "the result goes to --output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 4, "three files and a summary: {stderr}");
    assert!(
        errors[0].contains("b.bin") && errors[0].contains("binary"),
        "{stderr}"
    );
    assert!(
        errors[1].contains("c.txt") && errors[1].contains("empty"),
        "{stderr}"
    );
    assert!(
        errors[2].contains("d.txt") && errors[2].contains("UTF-8"),
        "{stderr}"
    );
    assert!(errors[3].contains("3 of 5"), "{stderr}");
    let jsonl = std::fs::read_to_string(&output).expect("output written");
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2, "{jsonl:.200}");
    assert!(
        lines[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("a.txt"))
    );
    assert!(
        lines[1]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("e.txt"))
    );
    for line in &lines {
        assert_eq!(line["analysis"]["schema"], "khabar.analysis/1");
        assert_eq!(line["analysis"]["reference_date"], "2020-03-02");
        assert!(
            !line["analysis"]["entities"]
                .as_array()
                .expect("list")
                .is_empty()
        );
    }
    // Nothing half-written is left next to the output.
    let left: Vec<_> = std::fs::read_dir(&dir).expect("dir").collect();
    assert_eq!(left.len(), 2, "only the inputs and the output: {left:?}");
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}

#[test]
fn several_files_give_json_lines_and_one_file_stays_pretty_json() {
    // Issue 9: batch mode on stdout, in the order given; a single FILE keeps the exact output
    // it always had, also when written with --output.
    let dir = temp_dir("lines");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, SENTENCE).expect("a");
    std::fs::write(&b, "زار وزير الخارجية الروسي القاهرة.\n").expect("b");
    let (a, b) = (a.to_str().expect("path"), b.to_str().expect("path"));
    let out = khabar(&["analyze", b, a], b"");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let files: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["file"].as_str().expect("file").to_owned()
        })
        .collect();
    assert_eq!(files, [b, a]);
    let single = khabar(&["analyze", a], b"");
    assert!(single.status.success(), "{single:?}");
    let pretty: serde_json::Value = serde_json::from_slice(&single.stdout).expect("JSON");
    assert!(String::from_utf8_lossy(&single.stdout).starts_with("{\n"));
    let line: serde_json::Value =
        serde_json::from_str(text.lines().nth(1).expect("a's line")).expect("JSON line");
    assert_eq!(line["analysis"], pretty, "the same analysis either way");
    let output = dir.join("a.json");
    let written = khabar(
        &["analyze", a, "--output", output.to_str().expect("path")],
        b"",
    );
    assert!(
        written.status.success() && written.stdout.is_empty(),
        "{written:?}"
    );
    assert_eq!(std::fs::read(&output).expect("written"), single.stdout);
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}

#[test]
fn batch_mode_refuses_timeml_and_brat() {
    // Issue 9: TimeML and brat describe one document; several inputs are a usage error.
    let dir = temp_dir("formats");
    let a = dir.join("a.txt");
    std::fs::write(&a, SENTENCE).expect("a");
    let a = a.to_str().expect("path");
    for format in ["timeml", "brat"] {
        let out = khabar(&["analyze", "--format", format, a, a], b"");
        assert_one_line_error(&out);
        assert!(String::from_utf8_lossy(&out.stderr).contains("JSON Lines"));
    }
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}

#[test]
fn an_interrupted_run_leaves_the_output_file_as_it_was() {
    // Issue 15: the output is written through a temporary file and a rename, so a run that is
    // killed before it finishes (here: while it still reads its input) leaves the file named by
    // --output exactly as it was, and no temporary file beside it.
    let dir = temp_dir("interrupted");
    let output = dir.join("out.json");
    std::fs::write(&output, "the previous result\n").expect("old output");
    let mut child = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["analyze", "--output", output.to_str().expect("path")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("khabar starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(SENTENCE.repeat(1000).as_bytes())
        .expect("half the input written");
    stdin.flush().expect("flushed");
    // The input is not finished (stdin is still open): the run cannot have written anything.
    child.kill().expect("killed");
    child.wait().expect("ended");
    drop(stdin);
    assert_eq!(
        std::fs::read_to_string(&output).expect("output kept"),
        "the previous result\n"
    );
    let left: Vec<_> = std::fs::read_dir(&dir).expect("dir").collect();
    assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
    // The same run, finished, replaces the file whole.
    let out = khabar(
        &["analyze", "--output", output.to_str().expect("path")],
        SENTENCE.as_bytes(),
    );
    assert!(out.status.success(), "{out:?}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).expect("written")).expect("JSON");
    assert_eq!(written["schema"], "khabar.analysis/1");
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}
