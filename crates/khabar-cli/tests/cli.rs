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
