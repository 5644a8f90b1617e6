//! The shipped rules and data: their tests pass, both data files give the same verdicts, and the
//! README's main command shows the expected result (snapshot).

use std::process::Command;

fn tieuchi(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("TIEUCHI_LANG", "en")
        .output();
    let out = out.unwrap_or_else(|e| panic!("could not run tieuchi: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn shipped_rules_check_and_their_tests_pass() {
    for rules in ["rules/quang-binh-2024.tc", "rules/ma-tuy-qd28-2025.tc"] {
        let (code, _, err) = tieuchi(&["check", rules]);
        assert_eq!(code, 0, "{err}");
        assert!(!err.contains("warning"), "{err}");
        let (code, out, _) = tieuchi(&["test", rules]);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains(" passed, 0 failed"), "{out}");
    }
}

fn verdicts(data: &str) -> Vec<(String, String, String)> {
    let (code, out, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        data,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    doc["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            let v = |k: &str| {
                a["assessments"][k]["verdict"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            };
            (
                a["id"].as_str().unwrap_or("").to_string(),
                v("chuyen_hoa"),
                v("theo_doi_6_thang"),
            )
        })
        .collect()
}

#[test]
fn shipped_data_shows_each_kind_of_result() {
    let json = verdicts("data/quang-binh-2024.json");
    assert_eq!(
        json,
        verdicts("data/quang-binh-2024.csv"),
        "JSON and CSV carry the same content"
    );
    assert_eq!(json.len(), 16);
    let count =
        |f: &dyn Fn(&(String, String, String)) -> bool| json.iter().filter(|x| f(x)).count();
    assert_eq!(count(&|x| x.1 == "dat"), 5);
    assert_eq!(count(&|x| x.1 == "chua_dat"), 2);
    assert_eq!(count(&|x| x.1 == "unknown"), 1);
    assert_eq!(count(&|x| x.2 == "tai_phuc_tap"), 1);
    assert_eq!(count(&|x| x.2 == "giu_vung"), 7);
}

#[test]
fn readme_main_command_output() {
    let (code, out, err) = tieuchi(&[
        "--lang",
        "en",
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--explain",
        "--area",
        "quang-minh",
        "--area",
        "bac-ly",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("5–6 of 8 areas, 62.5%–75% ≥ 60%"), "{out}");
    assert!(
        out.contains("Số vụ phạm pháp hình sự về TTXH — Năm 2024 (vu_pham_phap@ca_nam) = 12"),
        "{out}"
    );
    assert!(
        out.contains("ruled out — `all_required and points >= diem_dat` = false, because `all_required` is false: C2 fail"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("  quang-minh") && l.ends_with("100/100 fail: C2")),
        "{out}"
    );
    assert!(!out.contains("tieuchi::explain"), "{out}");
    assert!(
        out.contains("75% < 80%: 5 percentage points short"),
        "{out}"
    );
    assert!(
        out.contains("would pass with vu_kham_pha@ca_nam = 10 (now 9: 1 more)"),
        "{out}"
    );
    assert!(out.contains("`tu_diem_ma_tuy@ca_nam` is missing"), "{out}");
    insta::assert_snapshot!("assess_explain_two_areas", out);
}

#[test]
fn rules_by_date_pick_the_file_in_force() {
    let ruleset = |date: &str| {
        let (code, out, err) = tieuchi(&[
            "assess",
            "rules",
            "data/quang-binh-2024.json",
            "--on",
            date,
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{err}");
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        doc["ruleset"]["id"].as_str().unwrap_or("").to_string()
    };
    assert_eq!(ruleset("2024-06-14"), "quang_binh_2024");
    assert_eq!(ruleset("2025-03-01"), "quang_binh_2025_du_thao");
    let (code, _, err) = tieuchi(&[
        "assess",
        "rules",
        "data/quang-binh-2024.json",
        "--on",
        "2023-06-14",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no rules file")
            && err.contains("quang-binh-2024.tc: valid 2024-01-23 to 2024-12-14"),
        "{err}"
    );
    let (code, _, err) = tieuchi(&[
        "validate",
        "rules",
        "data/quang-binh-2024.json",
        "--on",
        "2025-09-01",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("several rules files"), "{err}");
    let (code, _, err) = tieuchi(&["assess", "rules", "data/quang-binh-2024.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("--on"), "{err}");
    let (code, _, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--on",
        "2023-01-01",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is valid from 2024-01-23 to 2024-12-14, not on 2023-01-01"),
        "{err}"
    );
    let (code, out, _) = tieuchi(&["test", "rules", "--on", "2024-12-01"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn sweep_counts_verdicts_per_threshold() {
    let (code, out, err) = tieuchi(&[
        "sweep",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--param",
        "nguong_kham_pha=75%..95%/10%",
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0][0], "nguong_kham_pha");
    assert_eq!(rows[1], ["75%", "6", "1", "1", "7", "1", "met", "met"]);
    assert_eq!(rows[2], ["85%", "5", "2", "1", "6", "2", "met", "not_met"]);
    assert_eq!(
        rows[3],
        ["95%", "2", "6", "0", "5", "3", "not_met", "not_met"]
    );
    let (code, _, err) = tieuchi(&[
        "sweep",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--param",
        "nguong_kham=1..2/1",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `nguong_kham_pha`"), "{err}");
}

#[test]
fn coverage_lists_what_no_test_reached_first() {
    let (code, out, _) = tieuchi(&["test", "rules/quang-binh-2024.tc", "--coverage"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("coverage:"))
        .collect();
    let first_covered = lines.iter().position(|l| l.contains('✓')).unwrap_or(0);
    let last_gap = lines.iter().rposition(|l| l.contains('✗')).unwrap_or(0);
    assert!(last_gap < first_covered, "{out}");
    assert!(
        out.contains("✓ criterion chuyen_hoa.C2: seen pass, fail, unknown"),
        "{out}"
    );
}
