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
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec/basic/basic.json"),
    )
    .unwrap_or_default();
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
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec/basic/basic.tc"),
    )
    .unwrap_or_default();
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

#[test]
fn set_and_sweep_values_must_be_in_the_params_unit() {
    let (rules, data) = ("rules/quang-binh-2024.tc", "data/quang-binh-2024.json");
    // A percent param given a bare number: read as 8500% before; now an error with the fix.
    let (code, _, err) = run(
        &["assess", rules, data, "--set", "nguong_kham_pha=85"],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unit_mismatch") && err.contains("write `85%`"),
        "{err}"
    );
    // A plain param given a percent.
    let (code, _, err) = run(&["assess", rules, data, "--set", "diem_dat=60%"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`diem_dat` is a plain number"), "{err}");
    assert!(err.contains("write `60` without `%`"), "{err}");
    // The right units (and a literal zero, which fits either) are accepted.
    for set in ["nguong_kham_pha=85%", "diem_dat=60", "nguong_kham_pha=0"] {
        let (code, _, err) = run(&["assess", rules, data, "--set", set], None);
        assert_eq!(code, 0, "{set}: {err}");
    }
    let sweep = |spec: &str| run(&["sweep", rules, data, "--param", spec], None);
    let (code, _, err) = sweep("diem_dat=60%..100%/10%");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`diem_dat` is a plain number"), "{err}");
    let (code, _, err) = sweep("nguong_kham_pha=60..90/10");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("write `60%`"), "{err}");
    let (code, out, err) = sweep("diem_dat=60..100/10");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("100"), "{out}");
    let (code, out, err) = sweep("nguong_kham_pha=0..100%/50%");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("50%"), "{out}");
}

#[test]
fn rule_warnings_are_shown_once_condensed_on_stderr() {
    let rules = temp(
        "warned.tc",
        "ruleset w \"W\"\ninput n \"N\": count\nparam k \"K\" = 2\nassessment a \"A\" {\n  criterion C1 \"x\" required { n >= 0 }\n  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\ntest \"t\" { given { n = 1 } expect a == dat }\n",
    );
    let data = temp("warned.json", r#"{"areas":[{"id":"x","values":{"n":3}}]}"#);
    let (r, d) = (rules.to_str().unwrap_or(""), data.to_str().unwrap_or(""));
    let runs: [Vec<&str>; 5] = [
        vec!["assess", r, d],
        vec!["assess", r, d, "--format", "json"],
        vec!["test", r],
        vec!["diff", r, r, d],
        vec!["sweep", r, d, "--param", "k=1..2/1"],
    ];
    for args in runs {
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_eq!(
            err.matches("1 warning in rules").count(),
            1,
            "{args:?}: {err}"
        );
        assert!(err.contains("tieuchi check"), "{err}");
        assert!(err.contains("`n >= 0` is always true"), "{err}");
        assert!(err.contains("decided_comparison"), "{err}");
        assert!(
            !out.contains("warning"),
            "{args:?}: stdout stays clean: {out}"
        );
        if args.contains(&"json") {
            assert!(
                serde_json::from_str::<serde_json::Value>(&out).is_ok(),
                "{out}"
            );
        }
    }
}
