//! The command line as a user runs it: outputs, formats and exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tieuchi"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{e}"));
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes()).ok();
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let p = dir.join(name);
    std::fs::write(&p, text).ok();
    p
}

/// A file of the repository; panics when it is missing or empty.
fn fixture(path: &str) -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(!text.trim().is_empty(), "{path} is empty");
    text
}

#[test]
fn check_json_has_one_object_per_diagnostic() {
    let (code, out, _) = run(
        &[
            "check",
            "--format",
            "json",
            "tests/spec/errors/many-errors.tc",
        ],
        None,
    );
    assert_eq!(code, 2);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let list = list.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 3);
    for d in &list {
        for key in [
            "code",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    assert_eq!(list[1]["code"], "tieuchi::check::unknown_name");
    assert_eq!(
        (list[1]["line"].as_u64(), list[1]["column"].as_u64()),
        (Some(5), Some(22))
    );
}

#[test]
fn plain_output_has_no_escape_codes_and_shows_locations() {
    let (code, _, err) = run(&["check", "tests/spec/errors/unknown-name.tc"], None);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}'), "colour in plain output");
    assert!(err.contains("unknown-name.tc:6:5"));
    assert!(err.contains("did you mean `vu_kham_pha`?"));
}

#[test]
fn warnings_do_not_fail_check() {
    let (code, _, err) = run(&["check", "tests/fixtures/check/warnings.tc"], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("never used") && err.contains("ok (3 warning(s))"),
        "{err}"
    );
}

#[test]
fn validate_reports_every_bad_area_with_exit_one() {
    let (code, _, err) = run(
        &[
            "validate",
            "tests/spec/drugs/drugs.tc",
            "tests/spec/drugs/drugs.json",
        ],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("drugs.json:21:27")
            && err.contains("drugs.json:24:")
            && err.contains("did you mean `nguoi_nghien`?"),
        "{err}"
    );
    assert!(err.contains("8 areas: 6 valid, 2 invalid"), "{err}");
    let (code, _, _) = run(
        &[
            "validate",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.csv",
        ],
        None,
    );
    assert_eq!(code, 0);
}

#[test]
fn data_from_standard_input_needs_a_format() {
    let json = fixture("tests/spec/basic/basic.json");
    let (code, out, err) = run(
        &[
            "assess",
            "tests/spec/basic/basic.tc",
            "-",
            "--data-format",
            "json",
            "--format",
            "json",
        ],
        Some(&json),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"xa-a\""));
    let (code, _, err) = run(&["assess", "tests/spec/basic/basic.tc", "-"], Some(&json));
    assert_eq!(code, 2);
    assert!(err.contains("--data-format"));
}

#[test]
fn command_line_mistakes_exit_two_with_a_hint() {
    let (code, _, err) = run(
        &[
            "assess",
            "tests/spec/basic/basic.tc",
            "tests/spec/basic/basic.json",
            "--area",
            "xa-z",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("no area `xa-z`"), "{err}");
    let (code, _, err) = run(
        &[
            "assess",
            "tests/spec/basic/basic.tc",
            "tests/spec/basic/basic.json",
            "--set",
            "nguong_kham_pha=abc",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("is a number"), "{err}");
    let (code, _, _) = run(&["assess", "tests/spec/basic/basic.tc"], None);
    assert_eq!(code, 2);
    let (code, _, err) = run(
        &[
            "assess",
            "tests/spec/basic/basic.tc",
            "tests/spec/basic/basic.txt",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("cannot tell the format"), "{err}");
}

#[test]
fn area_filter_and_explain_json() {
    let (code, out, _) = run(
        &[
            "assess",
            "tests/spec/basic/basic.tc",
            "tests/spec/basic/basic.json",
            "--format",
            "json",
            "--explain",
            "--area",
            "xa-e",
        ],
        None,
    );
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(doc["areas"].as_array().map(Vec::len), Some(1));
    let c1 = &doc["areas"][0]["assessments"]["chuyen_hoa"]["criteria"][0]["explanation"];
    assert_eq!(c1["shortfall"], "75% < 80%: 5 points short");
    assert_eq!(
        c1["would_pass"][0],
        "vu_kham_pha@ca_nam = 10 (now 9: 1 more)"
    );
    assert_eq!(doc["ruleset"]["sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn a_wrong_expectation_fails_with_a_readable_report() {
    let text = fixture("tests/spec/basic/basic.tc");
    let wrong = temp(
        "wrong.tc",
        &text.replacen(
            "expect chuyen_hoa.C3 == pass",
            "expect chuyen_hoa.C3 == fail",
            1,
        ),
    );
    let (code, out, _) = run(&["test", wrong.to_str().unwrap_or("")], None);
    assert_eq!(code, 1);
    assert!(
        out.contains("FAIL  Đủ điều kiện thì chuyển hóa đạt"),
        "{out}"
    );
    assert!(
        out.contains("expected `chuyen_hoa.C3 == fail` for area `given-1`"),
        "{out}"
    );
    assert!(out.contains("but `chuyen_hoa.C3` is pass"), "{out}");
    assert!(
        out.contains("✓ C3 pass — Tội phạm giảm ít nhất 10%"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("3 passed, 1 failed"), "{out}");
}

#[test]
fn check_and_fmt_take_folders() {
    let (code, _, err) = run(&["check", "rules"], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("rules/quang-binh-2024.tc: ok")
            && err.contains("rules/ma-tuy-qd28-2025.tc: ok"),
        "{err}"
    );
    let (code, out, _) = run(&["fmt", "--check", "rules"], None);
    assert_eq!(code, 0, "{out}");
}
