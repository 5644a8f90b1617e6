//! The command line as a user runs it: outputs, formats and exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tieuchi"));
    cmd.env("TIEUCHI_LANG", "en");
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("TIEUCHI_LANG", "en");
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
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(doc["format_version"], "1");
    assert_eq!(doc["files"][0]["errors"], 3);
    let list = doc["files"][0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
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
        err.contains("never used") && err.contains("ok (3 warnings)"),
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
    // Typed, language-neutral: the comparison's sides, the gap (exact), the unit.
    assert_eq!(c1["shortfall"]["op"], ">=", "{c1}");
    assert_eq!(c1["shortfall"]["value"], "75%");
    assert_eq!(c1["shortfall"]["threshold"], "80%");
    assert_eq!(c1["shortfall"]["gap"], "0.05");
    assert_eq!(c1["shortfall"]["percent"], true);
    assert_eq!(c1["would_pass"][0]["input"], "vu_kham_pha@ca_nam");
    assert_eq!(c1["would_pass"][0]["to"], "10");
    assert_eq!(c1["would_pass"][0]["now"], "9");
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

// ---- `provisional` params and `points PARAM` ----

const PROVISIONAL: &str = r#"ruleset p "Provisional"
input n "N": count
input m "M": count
param nguong "Ngưỡng tạm" = 5 provisional
param diem "Điểm C2" = 40 provisional
param chac "Đã chốt" = 1
assessment a "A" {
  criterion C1 "n reaches the threshold" required { n >= nguong }
  criterion C2 "weighted" points diem { n >= 10 }
  outcome tot "Tốt" when all_required and points >= 40
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
assessment b "B" {
  criterion K "m" required { m >= chac }
  outcome ok "OK" when all_required
  outcome no "No" otherwise
}
assessment c "C" {
  criterion K "a is tot or dat" required { a in (tot, dat) }
  outcome ok "OK" when all_required
  outcome no "No" otherwise
}
target T1 "Most a" { share(a == tot) >= 50% }
target T2 "Some b" { count(b == ok) >= 1 }
test "points from the param, and set in a test" {
  given { n = 12 m = 1 }
  expect a == tot
  expect c in (ok, na)
  expect not (a in (dat, khong))
}
test "a lower weight" {
  given { n = 12 m = 1 }
  set diem = 30
  expect a == dat
}
"#;

const PROVISIONAL_DATA: &str = "id,name,district,n,m\nx1,X1,D,12,1\nx2,X2,D,6,0\n";

#[test]
fn provisional_params_are_marked_in_text_under_what_rests_on_them() {
    let rules = temp("provisional.tc", PROVISIONAL);
    let data = temp("provisional.csv", PROVISIONAL_DATA);
    let (code, out, err) = run(
        &["assess", &rules.to_string_lossy(), &data.to_string_lossy()],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let block = |title: &str| -> String {
        let start = out
            .find(title)
            .unwrap_or_else(|| panic!("{title} in {out}"));
        let rest = &out[start..];
        let end = rest[1..].find("\n\n").map_or(rest.len(), |e| e + 1);
        rest[..end].to_string()
    };
    let line = "⚠ provisional: nguong (Ngưỡng tạm) = 5";
    assert!(block("A (a)").contains(line), "{out}");
    assert!(block("A (a)").contains("⚠ provisional: diem (Điểm C2) = 40"));
    // c reads a's verdict, so it rests on a's params too
    assert!(block("C (c)").contains(line), "{out}");
    // b reads only a confirmed param
    assert!(!block("B (b)").contains("provisional"), "{out}");
    let targets = block("Targets");
    let t1 = &targets[targets.find("T1").unwrap_or_else(|| panic!("T1"))
        ..targets.find("T2").unwrap_or_else(|| panic!("T2"))];
    assert!(t1.contains(line), "{targets}");
    assert!(!targets[targets.find("T2").unwrap_or_else(|| panic!("T2"))..].contains("provisional"));
    assert_eq!(
        out.matches(line).count(),
        3,
        "once per block, not per area:\n{out}"
    );
}

#[test]
fn provisional_params_are_listed_in_json_and_a_set_value_is_still_marked() {
    let rules = temp("provisional-json.tc", PROVISIONAL);
    let data = temp("provisional-json.csv", PROVISIONAL_DATA);
    let args = |extra: &[&str]| -> serde_json::Value {
        let (r, d) = (rules.to_string_lossy(), data.to_string_lossy());
        let mut all = vec!["assess", &r, &d, "--format", "json"];
        all.extend_from_slice(extra);
        let (code, out, err) = run(&all, None);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("json: {e}"))
    };
    let doc = args(&[]);
    let x1 = &doc["areas"][0]["assessments"];
    assert_eq!(
        x1["a"]["provisional"],
        serde_json::json!(["nguong", "diem"])
    );
    assert_eq!(
        x1["c"]["provisional"],
        serde_json::json!(["nguong", "diem"])
    );
    assert_eq!(x1["b"]["provisional"], serde_json::json!([]), "{}", x1["b"]);
    assert_eq!(
        doc["targets"][0]["provisional"],
        serde_json::json!(["nguong", "diem"])
    );
    assert_eq!(doc["targets"][1]["provisional"], serde_json::json!([]));
    // a value chosen on the command line is not confirmed by the council: still marked
    let set = args(&["--set", "nguong=7"]);
    assert_eq!(
        set["areas"][0]["assessments"]["a"]["provisional"],
        serde_json::json!(["nguong", "diem"])
    );
    let (code, text, _) = run(
        &[
            "assess",
            &rules.to_string_lossy(),
            &data.to_string_lossy(),
            "--set",
            "nguong=7",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(
        text.contains("⚠ provisional: nguong (Ngưỡng tạm) = 7 (set for this run; the rules say 5)"),
        "{text}"
    );
}

#[test]
fn points_from_a_param_follow_set_and_sweep() {
    let rules = temp("points-param.tc", PROVISIONAL);
    let data = temp("points-param.csv", PROVISIONAL_DATA);
    let (r, d) = (rules.to_string_lossy(), data.to_string_lossy());
    let verdict = |extra: &[&str]| -> (serde_json::Value, serde_json::Value) {
        let mut all = vec!["assess", &r, &d, "--format", "json"];
        all.extend_from_slice(extra);
        let (code, out, err) = run(&all, None);
        assert_eq!(code, 0, "{err}");
        let doc: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("json: {e}"));
        let a = doc["areas"][0]["assessments"]["a"].clone();
        (a["verdict"].clone(), a["points"].clone())
    };
    assert_eq!(
        verdict(&[]),
        (serde_json::json!("tot"), serde_json::json!("40"))
    );
    assert_eq!(
        verdict(&["--set", "diem=30"]),
        (serde_json::json!("dat"), serde_json::json!("30"))
    );
    let (code, _, err) = run(&["assess", &r, &d, "--set", "diem=-1"], None);
    assert_eq!(code, 2);
    assert!(err.contains("not negative"), "{err}");
    let (code, out, err) = run(&["sweep", &r, &d, "--param", "diem=30..40/10"], None);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("30") || l.trim_start().starts_with("40"))
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert_ne!(
        rows[0].split_whitespace().nth(1),
        rows[1].split_whitespace().nth(1),
        "{out}"
    );
    let (code, out, err) = run(&["test", &r], None);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 passed"), "{out}");
}

#[test]
fn a_na_verdict_rests_only_on_the_params_of_its_when() {
    let rules = temp(
        "provisional-na.tc",
        r#"ruleset p "Na"
input n "N": count
input m "M": count
param nguong "Ngưỡng tạm" = 5 provisional
param pham_vi "Phạm vi tạm" = 1 provisional
assessment a "A" when m >= 1 {
  criterion C1 "n" required { n >= nguong }
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
assessment b "B" when m >= pham_vi {
  criterion C1 "n" required { n >= 1 }
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
"#,
    );
    let data = temp(
        "provisional-na.csv",
        "id,name,district,n,m\nx1,X1,D,6,0\nx2,X2,D,6,1\n",
    );
    let (r, d) = (rules.to_string_lossy(), data.to_string_lossy());
    let (code, out, err) = run(&["assess", &r, &d, "--format", "json"], None);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("json: {e}"));
    let a = |i: usize, id: &str| doc["areas"][i]["assessments"][id].clone();
    assert_eq!(a(0, "a")["verdict"], "na");
    assert_eq!(
        a(0, "a")["provisional"],
        serde_json::json!([]),
        "{}",
        a(0, "a")
    );
    assert_eq!(a(1, "a")["provisional"], serde_json::json!(["nguong"]));
    assert_eq!(a(0, "b")["verdict"], "na");
    assert_eq!(a(0, "b")["provisional"], serde_json::json!(["pham_vi"]));
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

#[test]
fn data_that_does_not_parse_stops_every_command_with_exit_two() {
    let rules = "rules/quang-binh-2024.tc";
    let not_json = temp("not-json.json", "this is not JSON\n");
    let not_json = not_json.to_str().unwrap_or_default();
    let twice = temp(
        "twice.csv",
        "id,name,district,dien,dien\nx,A,B,chon_moi,chon_moi\n",
    );
    let twice = twice.to_str().unwrap_or_default();
    let param = "nguong_kham_pha=80%..90%/5%";
    for data in [not_json, twice] {
        let runs: [&[&str]; 6] = [
            &["assess", rules, data],
            &["assess", rules, data, "--format", "json"],
            &["validate", rules, data],
            &["sweep", rules, data, "--param", param],
            &["diff", rules, rules, data],
            &["diff", rules, data, "--set", "nguong_kham_pha=85%"],
        ];
        for args in runs {
            let (code, out, err) = run(args, None);
            assert_eq!(code, 2, "{args:?}: {out}{err}");
            assert!(err.contains("tieuchi::data::"), "{args:?}: {err}");
            assert!(!out.contains("0 of 0"), "{args:?}: {out}");
        }
    }
    let (code, _, err) = run(
        &["assess", rules, "-", "--data-format", "json"],
        Some("[1, 2"),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("does not parse"), "{err}");
}

#[test]
fn a_folder_without_rules_files_is_nothing_to_do() {
    let dir = std::env::temp_dir().join(format!("tieuchi-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("notes.txt"), "not rules").unwrap_or_else(|e| panic!("{e}"));
    let dir = dir.to_str().unwrap_or_default();
    for (args, doing) in [
        (vec!["check", dir], "check"),
        (vec!["fmt", dir], "format"),
        (vec!["fmt", "--check", dir], "format"),
        (vec!["test", dir], "test"),
        (vec!["test", dir, "--on", "2024-05-01"], "test"),
    ] {
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            err.contains(&format!("holds no `.tc` file: nothing to {doing}")),
            "{args:?}: {err}"
        );
    }
}

// ---- Vietnamese CSV habits and whole-data-set problems (issue 8, parts 4 and 5) ----

/// The shipped CSV as Excel set to Vietnamese saves it: `;` between cells, decimal commas, a
/// byte-order mark, CRLF, and rows left empty at the end.
fn vietnamese_csv() -> String {
    let lines: Vec<String> = fixture("data/quang-binh-2024.csv")
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                l.to_string()
            } else {
                l.replace(',', ";").replace("92.5%", "92,5%")
            }
        })
        .collect();
    assert!(
        lines.iter().any(|l| l.contains("92,5%")),
        "the fixture has a decimal"
    );
    format!("\u{feff}{}\r\n;;;;\r\n;;;;\r\n", lines.join("\r\n"))
}

fn verdicts(json: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let areas: Vec<serde_json::Value> = v["areas"]
        .as_array()
        .unwrap_or_else(|| panic!("areas"))
        .iter()
        .map(|a| {
            serde_json::json!([
                a["id"],
                a["status"],
                a["assessments"]["chuyen_hoa"]["verdict"],
                a["assessments"]["chuyen_hoa"]["points"]
            ])
        })
        .collect();
    serde_json::json!({ "areas": areas, "targets": v["targets"] })
}

#[test]
fn a_csv_saved_by_vietnamese_excel_assesses_like_the_json() {
    let data = temp("vn-excel.csv", &vietnamese_csv());
    let rules = "rules/quang-binh-2024.tc";
    let (code, out, err) = run(
        &["assess", rules, &data.to_string_lossy(), "--format", "json"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "no data problem: {err}");
    let (_, expected, _) = run(
        &[
            "assess",
            rules,
            "data/quang-binh-2024.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(verdicts(&out), verdicts(&expected));
    assert_eq!(verdicts(&out)["areas"].as_array().map(Vec::len), Some(16));
    let (code, _, err) = run(&["validate", rules, &data.to_string_lossy()], None);
    assert_eq!(code, 0, "{err}");
    // Forcing a decimal point on it makes `92,5%` a problem, not a guess.
    let (code, _, err) = run(
        &[
            "validate",
            rules,
            &data.to_string_lossy(),
            "--decimal-point",
        ],
        None,
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`92,5` has a decimal comma"), "{err}");
}

#[test]
fn a_count_typed_with_a_grouping_dot_is_refused_not_read_as_ten() {
    let text = fixture("data/quang-binh-2024.csv").replacen(
        "vinh-ninh,Xã Vĩnh Ninh,Huyện Quảng Ninh,ttxh,chon_moi,false,18,",
        "vinh-ninh,Xã Vĩnh Ninh,Huyện Quảng Ninh,ttxh,chon_moi,false,10.000,",
        1,
    );
    assert!(text.contains("10.000"), "the fixture's row changed");
    let data = temp("grouped.csv", &text);
    let rules = "rules/quang-binh-2024.tc";
    let (code, _, err) = run(&["validate", rules, &data.to_string_lossy()], None);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`10.000`: 10000 written with a grouping dot, or 10?"),
        "{err}"
    );
    assert!(
        err.contains("grouped.csv:3:61"),
        "the cell, not the row above: {err}"
    );
    let (_, json, _) = run(
        &[
            "validate",
            rules,
            &data.to_string_lossy(),
            "--format",
            "json",
        ],
        None,
    );
    assert!(json.contains("\"column\": 61"), "{json}");
    // Told the dot is a decimal point, the count is ten.
    let (code, _, err) = run(
        &[
            "validate",
            rules,
            &data.to_string_lossy(),
            "--decimal-point",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    // Told the file uses decimal commas, `10.000` is ten thousand, and the file's `92.5%` is
    // a problem instead.
    let (code, _, err) = run(
        &[
            "validate",
            rules,
            &data.to_string_lossy(),
            "--decimal-comma",
        ],
        None,
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`92.5`: in this file `.` groups digits by three") && !err.contains("10.000"),
        "{err}"
    );
    // `diff` and `sweep` take the same flags.
    let path = data.to_string_lossy();
    let (_, out, _) = run(&["diff", rules, rules, &path], None);
    assert!(
        out.contains("Data problems (with both rules files):") && out.contains("10.000"),
        "{out}"
    );
    let (_, out, _) = run(&["diff", rules, rules, &path, "--decimal-point"], None);
    assert!(!out.contains("Data problems"), "{out}");
    let sweep = ["sweep", rules, &path, "--param", "diem_dat=50..70/10"];
    let (code, _, err) = run(&sweep, None);
    assert!(code == 0 && err.contains("10.000"), "{err}");
    let (code, _, err) = run(&[&sweep[..], &["--decimal-point"]].concat(), None);
    assert!(code == 0 && !err.contains("10.000"), "{err}");
    let (code, _, err) = run(
        &[
            "validate",
            rules,
            &data.to_string_lossy(),
            "--decimal-comma",
            "--decimal-point",
        ],
        None,
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_file_that_is_no_data_set_exits_two_naming_the_cause() {
    let data = temp("semi-header.csv", "id;name,district,nhom\nx;A,B,ttxh\n");
    for cmd in ["assess", "validate"] {
        let (code, out, err) = run(
            &[cmd, "rules/quang-binh-2024.tc", &data.to_string_lossy()],
            None,
        );
        assert_eq!(code, 2, "{cmd}: {out}{err}");
        assert!(err.contains("seems to use `;` between cells"), "{err}");
    }
    let data = temp("no-id.csv", "name,district\nA,B\n");
    let (code, _, err) = run(
        &[
            "assess",
            "rules/quang-binh-2024.tc",
            &data.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("has no `id` column"), "{err}");
}

#[test]
fn validate_warns_about_a_column_no_area_fills() {
    let text: Vec<String> = fixture("data/quang-binh-2024.csv")
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                return l.to_string();
            }
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(11); // tin_bao@ca_nam
            cells.join(",")
        })
        .collect();
    assert!(!text[1].contains("tin_bao@ca_nam"), "{}", text[1]);
    let data = temp("forgotten.csv", &text.join("\n"));
    let (code, _, err) = run(
        &[
            "validate",
            "rules/quang-binh-2024.tc",
            &data.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(code, 0, "a warning: {err}");
    assert!(
        err.contains("no area has a value for `tin_bao@ca_nam`"),
        "{err}"
    );
    assert!(err.contains("tieuchi::data::no_values"), "{err}");
}

const OLD_RULES: &str = r#"
ruleset r "R"
input a "A": count
input b "B": count
assessment x "X" {
  criterion C1 "c1" { a >= 1 }
  criterion C2 "c2" { b >= 1 }
  outcome y "Y" when C1 and C2
  outcome n "N" otherwise
}
"#;

const NEW_RULES: &str = r#"
ruleset r "R"
input a "A": percent
assessment x "X" {
  criterion C1 "c1" { a >= 1% }
  outcome y "Y" when C1
  outcome n "N" otherwise
}
"#;

#[test]
fn diff_reads_keys_of_either_rules_file_and_shows_each_sides_data_problems() {
    let old = temp("old.tc", OLD_RULES);
    let new = temp("new.tc", NEW_RULES);
    let data = temp("either.csv", "id,name,a,b\np,P,5,0\nq,Q,120,1\n");
    let (old, new, data) = (
        old.to_string_lossy(),
        new.to_string_lossy(),
        data.to_string_lossy(),
    );
    let (code, out, err) = run(&["diff", &old, &new, &data], None);
    assert_eq!(code, 0, "{err}");
    // `b` is the old rules' input: not a problem under the new ones, so `p` is assessed.
    assert!(out.contains("p P\n    x: n → y"), "{out}");
    assert!(
        out.contains("Data problems with the new rules only:"),
        "{out}"
    );
    assert!(
        out.contains("either.csv:3:5: `a` of area `q`: 120 is outside 0–100%"),
        "{out}"
    );
    assert!(!out.contains("not an input"), "{out}");
    let (_, json, _) = run(&["diff", &old, &new, &data, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        v["data_problems"]["new_only"][0]["code"],
        "tieuchi::data::percent_range"
    );
    assert_eq!(
        v["data_problems"]["old_only"].as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn the_explanation_of_an_invalid_area_lists_its_data_problems() {
    let rules = temp("explain-bad.tc", OLD_RULES);
    let data = temp("explain-bad.csv", "id,name,a,b\np,P,-1,x\nq,Q,1,1\n");
    let (rules, data) = (rules.to_string_lossy(), data.to_string_lossy());
    let (_, out, _) = run(&["assess", &rules, &data, "--explain"], None);
    assert!(out.contains("━━ p P — invalid data, not assessed\n  data problem: `a`: a count cannot be negative (-1)\n  data problem: `b`: `x` is not a count"), "{out}");
    let (_, json, _) = run(
        &["assess", &rules, &data, "--explain", "--format", "json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["areas"][0]["problems"][1], "`b`: `x` is not a count");
    assert_eq!(v["areas"][1]["problems"], serde_json::json!([]), "{json}");
}

/// Found in review: a what-if for a percent input is shown in percents and stays within
/// 0–100%; a gap too small for 2 places is not shown as 0; a name that a spreadsheet would run
/// as a formula is written as text in the results CSV.
#[test]
fn explanations_and_results_csv_say_values_as_people_read_them() {
    let rules = temp(
        "review.tc",
        "ruleset r \"R\"\ninput p \"P\": percent\ninput a \"A\": count\ninput b \"B\": count\nassessment x \"X\" {\n  criterion C1 \"c1\" required { p + 50% >= 120% }\n  criterion C2 \"c2\" required { ratio(a, b) >= 66.67% }\n  criterion C3 \"c3\" required { p >= 160% - 50% }\n  outcome o \"O\" when all_required\n  outcome k \"K\" otherwise\n}\n",
    );
    let data = temp(
        "review.json",
        r#"{ "areas": [ { "id": "a1", "name": "=HYPERLINK(\"http://x\",\"y\")", "values": { "p": 60, "a": 2, "b": 3 } } ] }"#,
    );
    let (r, d) = (rules.to_string_lossy(), data.to_string_lossy());
    let (_, out, err) = run(&["assess", &r, &d, "--explain"], None);
    assert!(
        out.contains("would pass with p = 70% (now 60%: 10 percentage points more)"),
        "{out}{err}"
    );
    assert!(
        !out.contains("p = 1.1") && !out.contains("p = 110%"),
        "{out}"
    );
    assert!(out.contains("≈0.003333 percentage points short"), "{out}");
    let (code, csv, err) = run(&["assess", &r, &d, "--format", "csv"], None);
    assert_eq!(code, 0, "{err}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}

/// Diagnostics follow `--lang`: the text on stderr and the JSON's message and help, with the
/// same code and keys in both languages.
#[test]
fn diagnostics_follow_the_language() {
    let file = "tests/fixtures/check/unknown_name.tc";
    let (code, _, vi) = run(&["check", file, "--lang", "vi"], None);
    assert_eq!(code, 2, "{vi}");
    assert!(vi.contains("chưa được khai báo"), "{vi}");
    assert!(vi.contains("tieuchi::check::unknown_name"), "{vi}");
    assert!(!vi.contains("is not declared"), "{vi}");
    let (_, _, en) = run(&["check", file, "--lang", "en"], None);
    assert!(en.contains("is not declared"), "{en}");
    let (_, json_vi, _) = run(&["check", file, "--format", "json", "--lang", "vi"], None);
    let (_, json_en, _) = run(&["check", file, "--format", "json", "--lang", "en"], None);
    let vi: serde_json::Value = serde_json::from_str(&json_vi).unwrap_or_default();
    let en: serde_json::Value = serde_json::from_str(&json_en).unwrap_or_default();
    let first = |v: &serde_json::Value, key: &str| {
        v["files"][0]["diagnostics"][0][key]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(first(&vi, "code"), "tieuchi::check::unknown_name");
    assert_eq!(first(&vi, "code"), first(&en, "code"));
    assert!(
        first(&vi, "message").contains("chưa được khai báo"),
        "{json_vi}"
    );
    assert!(
        first(&en, "message").contains("is not declared"),
        "{json_en}"
    );
    assert!(first(&vi, "help").starts_with("có phải là"), "{json_vi}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .args([
            "assess",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
            "--explain",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tieuchi starts");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("stdout piped");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout); // the reader goes away, as `| head` does
    let out = child.wait_with_output().expect("tieuchi ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(3), "{err}");
}
