//! The app's downloads equal `khabar analyze` output byte for byte (issue 13): the JSON,
//! TimeML and brat files the page offers are made by `khabar_share::export`, which this test
//! runs on the same text and date as the command.

use std::process::Command;

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../articles/biden-putin-summit.txt"
);

fn cli(format: &str, date: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["analyze", "--format", format, "--date", date, ARTICLE])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn downloads_equal_the_cli_output() {
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    for date in ["2021-04-16", "2022-01-03"] {
        let config = khabar_nlp::Config {
            reference_date: date.parse().ok(),
        };
        let analysis = khabar_nlp::analyze(&text, &config);
        assert_eq!(
            khabar_share::export::analysis_json(&analysis),
            cli("json", date),
            "json, {date}"
        );
        assert_eq!(
            khabar_share::export::timeml(&text, &analysis),
            cli("timeml", date),
            "timeml, {date}"
        );
        assert_eq!(
            khabar_share::export::brat(&analysis),
            cli("brat", date),
            "brat, {date}"
        );
    }
}
