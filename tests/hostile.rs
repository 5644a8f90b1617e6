//! Hostile inputs: each gets a diagnostic and exit code 2, never a crash.

use std::path::PathBuf;
use std::process::{Command, Output};

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let path = dir.join(name);
    std::fs::write(&path, bytes).ok();
    path
}

fn check(path: &PathBuf) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .arg("check")
        .arg(path)
        .env("NO_COLOR", "1")
        .output();
    out.unwrap_or_else(|e| panic!("could not run tieuchi: {e}"))
}

fn assert_diagnosed(out: &Output, needle: &str) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code; output: {}",
        &text[..text.len().min(2000)]
    );
    assert!(!text.contains("panicked"), "crashed: {text}");
    assert!(
        text.contains(needle),
        "output lacks {needle:?}: {}",
        &text[..text.len().min(2000)]
    );
}

const HEADER: &str = "ruleset h \"Hostile\"\ninput n \"N\": count\n";

#[test]
fn empty_file() {
    assert_diagnosed(&check(&temp_file("empty.tc", b"")), "no `ruleset` header");
}

#[test]
fn invalid_utf8() {
    assert_diagnosed(
        &check(&temp_file("latin1.tc", b"ruleset x \"T\xe9st\"\n")),
        "not UTF-8",
    );
}

#[test]
fn nul_byte() {
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"let x = n\0 + 1\n");
    assert_diagnosed(&check(&temp_file("nul.tc", &bytes)), "nul.tc:3:10");
}

#[test]
fn twenty_thousand_nested_parentheses() {
    let src = format!(
        "{HEADER}let x = {}n{}\n",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    assert_diagnosed(
        &check(&temp_file("nested.tc", src.as_bytes())),
        "nested more than",
    );
}

/// Ten times the depth limit: enough to show the limit holds (50,000 took 27 s in debug).
#[test]
fn very_long_operator_chain() {
    let src = format!(
        "{HEADER}let x = n{}\n",
        " + n".repeat(10 * tieuchi::syntax::MAX_EXPR_DEPTH as usize)
    );
    assert_diagnosed(
        &check(&temp_file("chain.tc", src.as_bytes())),
        "levels deep",
    );
}

/// A file of megabytes (2 MB: 10 MB took 26 s in debug and tests nothing more) is read whole
/// and its last declaration checked.
#[test]
fn two_megabyte_file() {
    let mut src = String::from(HEADER);
    let mut i = 0;
    while src.len() < 2 * 1024 * 1024 {
        src.push_str(&format!("param p{i} \"Ngưỡng số {i}\" = {i}%\n"));
        i += 1;
    }
    src.push_str("param p0 \"again\" = 1\n");
    assert_diagnosed(
        &check(&temp_file("big.tc", src.as_bytes())),
        "declared twice",
    );
}

#[test]
fn line_of_a_hundred_thousand_characters() {
    let src = format!("{HEADER}param p \"{}\" = 1 +\n", "x".repeat(100_000));
    let out = check(&temp_file("longline.tc", src.as_bytes()));
    assert_diagnosed(&out, "longline.tc:3:");
    assert!(
        out.stderr.len() < 20_000,
        "the long line is not echoed whole"
    );
}

#[test]
fn missing_file() {
    assert_diagnosed(
        &check(&PathBuf::from("/nonexistent/rules.tc")),
        "cannot read",
    );
}
