//! The council's language: Vietnamese by default, English on request, the same content in
//! both; explanations with labels; test reports that show what decided a failure.

// Helpers outside `#[test]` functions fail the test loudly too.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

/// Runs the binary with `env` (and no language variable of the caller's environment).
fn tieuchi_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tieuchi"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["TIEUCHI_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the tieuchi binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tieuchi(args: &[&str]) -> (i32, String, String) {
    tieuchi_env(args, &[])
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-lang-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn basic_with(from: &str, to: &str, dir: &std::path::Path, name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/spec/basic/basic.tc");
    let text = std::fs::read_to_string(path).expect("basic.tc is there");
    assert!(text.contains(from), "basic.tc no longer has `{from}`");
    let out = dir.join(name);
    std::fs::write(&out, text.replacen(from, to, 1)).expect("write rules");
    out
}

const SHIPPED: [&str; 3] = [
    "assess",
    "rules/quang-binh-2024.tc",
    "data/quang-binh-2024.json",
];

#[test]
fn vietnamese_is_the_default_and_the_environment_chooses_otherwise() {
    let args = [&SHIPPED[..], &["--area", "bac-ly"]].concat();
    let (_, vi, _) = tieuchi(&args);
    assert!(
        vi.contains("chưa kết luận được: có thể dat hoặc chua_dat"),
        "{vi}"
    );
    assert!(vi.contains("Chỉ tiêu"), "{vi}");
    let (_, en, _) = tieuchi_env(&args, &[("LANG", "en_US.UTF-8")]);
    assert!(en.contains("unknown: dat or chua_dat possible"), "{en}");
    let (_, vi2, _) = tieuchi_env(&args, &[("LANG", "en_US.UTF-8"), ("TIEUCHI_LANG", "vi")]);
    assert_eq!(vi, vi2);
    let (_, en2, _) = tieuchi_env(
        &[&["--lang", "en"], &args[..]].concat(),
        &[("TIEUCHI_LANG", "vi")],
    );
    assert_eq!(en, en2);
}

#[test]
fn explanations_name_values_by_label_and_period_in_both_languages() {
    let args = [&SHIPPED[..], &["--explain", "--area", "quang-minh"]].concat();
    let (code, vi, err) = tieuchi(&args);
    assert_eq!(code, 0, "{err}");
    for phrase in [
        "Số vụ phạm pháp hình sự về TTXH — Năm 2024 (vu_pham_phap@ca_nam) = 12",
        "75% < 80%: thiếu 5 điểm phần trăm",
        "gợi ý: để đạt, cần thêm 1 vụ điều tra, khám phá (vu_kham_pha@ca_nam = 10, hiện nay là 9)",
        "kết quả dat (Chuyển hóa đạt): bị loại",
        "`all_required` không thỏa mãn: C2 không đạt",
        "≈8,33% (1 trên 12)",
        "⚠ tham số tạm tính: muc_giam_toi_pham",
    ] {
        assert!(vi.contains(phrase), "missing «{phrase}» in:\n{vi}");
    }
    assert!(!vi.contains("tieuchi::explain"), "{vi}");
    assert!(
        !vi.contains("percentage") && !vi.contains("thiếu 5 điểm\n"),
        "{vi}"
    );
    let (_, en, _) = tieuchi(&[&["--lang", "en"], &args[..]].concat());
    for phrase in [
        "Số vụ phạm pháp hình sự về TTXH — Năm 2024 (vu_pham_phap@ca_nam) = 12",
        "75% < 80%: 5 percentage points short",
        "would pass with vu_kham_pha@ca_nam = 10 (now 9: 1 more)",
        "outcome dat (Chuyển hóa đạt): ruled out",
        "≈8.33% (1 of 12)",
    ] {
        assert!(en.contains(phrase), "missing «{phrase}» in:\n{en}");
    }
    insta::assert_snapshot!("explain_quang_minh_vi", vi);
    insta::assert_snapshot!("explain_quang_minh_en", en);
}

#[test]
fn an_outcome_ruled_out_by_points_says_by_how_much() {
    let dir = temp_dir("points");
    let rules = basic_with("points >= 40", "points >= 60", &dir, "r.tc");
    let (_, out, err) = tieuchi(&[
        "--lang",
        "en",
        "assess",
        rules.to_str().expect("utf-8 path"),
        "tests/spec/basic/basic.json",
        "--explain",
    ]);
    assert!(
        out.contains("because `points >= 60` does not hold: 40 < 60: 20 short"),
        "{out}{err}"
    );
}

#[test]
fn a_failing_target_expectation_shows_the_tally_that_decided_it() {
    let dir = temp_dir("target");
    let rules = basic_with("expect T1 == met", "expect T1 == not_met", &dir, "t.tc");
    let path = rules.to_str().expect("utf-8 path");
    let (code, vi, _) = tieuchi(&["test", path]);
    assert_eq!(code, 1);
    assert!(
        vi.contains("nhưng `T1` là đạt: 2 trên 3 địa bàn, ≈66,67% ≥ 60%"),
        "{vi}"
    );
    assert!(
        !vi.contains("với địa bàn"),
        "a target is not about one area: {vi}"
    );
    let (_, en, _) = tieuchi(&["--lang", "en", "test", path]);
    assert!(
        en.contains("but `T1` is met: 2 of 3 areas, ≈66.67% ≥ 60%"),
        "{en}"
    );
    assert!(en.contains("3 passed, 1 failed"), "{en}");
}

#[test]
fn a_failing_test_shows_its_own_criterion_first_and_condenses_the_rest() {
    let dir = temp_dir("criterion");
    let rules = basic_with(
        "expect chuyen_hoa.C3 == pass",
        "expect chuyen_hoa.C3 == fail",
        &dir,
        "c.tc",
    );
    let (code, out, _) = tieuchi(&["--lang", "en", "test", rules.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    let c3 = out.find("✓ C3 pass").expect("C3 shown in full");
    let rest = out
        .find("other criteria: C1 pass, C2 not applicable")
        .expect("the rest condensed");
    assert!(c3 < rest, "{out}");
    assert!(
        out.contains("expected `chuyen_hoa.C3 == fail` for area `given-1`"),
        "{out}"
    );
    assert!(out.contains("but `chuyen_hoa.C3` is pass"), "{out}");
}

#[test]
fn testing_a_folder_runs_every_file_and_names_it() {
    let dir = temp_dir("folder");
    basic_with("expect T1 == met", "expect T1 == met", &dir, "a.tc");
    basic_with("expect T1 == met", "expect T1 == not_met", &dir, "b.tc");
    let (code, out, err) = tieuchi(&["--lang", "en", "test", dir.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{out}{err}");
    let a = dir.join("a.tc").display().to_string();
    assert!(out.contains(&format!("[{a}]")), "{out}");
    assert!(out.contains("b.tc:"), "the failure names its file: {out}");
    assert!(out.contains("7 passed, 1 failed"), "{out}");
}

/// English words that must not appear in Vietnamese output (outside identifiers, backticks and
/// the rules file's own lines).
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "not",
    "of",
    "and",
    "or",
    "with",
    "because",
    "would",
    "pass",
    "passed",
    "fail",
    "failed",
    "unknown",
    "missing",
    "area",
    "areas",
    "points",
    "verdict",
    "target",
    "targets",
    "criterion",
    "criteria",
    "outcome",
    "met",
    "short",
    "over",
    "expected",
    "but",
    "where",
    "help",
    "error",
    "warning",
    "provisional",
    "chosen",
    "ruled",
    "reached",
    "otherwise",
    "values",
    "data",
    "file",
    "rules",
    "invalid",
    "valid",
    "ok",
    "edit",
    "edits",
    "changed",
    "from",
    "to",
    "possible",
    "applicable",
    "apply",
    "does",
    "percentage",
    "more",
    "now",
];

/// The English words of `text`, leaving out code in backticks, lines of the rules file shown by
/// a diagnostic (`82 │ …`), identifiers (with `_`, `@`, `.`, `-` or digits) and the rules'
/// declarations quoted in a diff (`period … from … to …`).
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        let source_line = t
            .split_once(" │")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        if source_line || t.starts_with('│') || t.contains(": period ") {
            continue;
        }
        let mut outside = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                outside.push_str(part);
                outside.push(' ');
            }
        }
        for word in outside.split(|c: char| c.is_whitespace() || ",;:()[]«»—–→=<>≥≤\"'".contains(c))
        {
            let plain = word.chars().all(|c| c.is_ascii_alphabetic());
            if plain && ENGLISH.contains(&word.to_ascii_lowercase().as_str()) {
                found.push(format!("{word}  in: {line}"));
            }
        }
    }
    found
}

/// Every text output of the commands of the issue, on the shipped rules and data.
fn all_outputs(lang: &str) -> Vec<(String, String)> {
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "assess",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
            "--explain",
        ],
        vec!["test", "rules/"],
        vec!["test", "rules/quang-binh-2024.tc", "--coverage"],
        vec![
            "diff",
            "rules/quang-binh-2024.tc",
            "rules/quang-binh-2025-draft.tc",
            "data/quang-binh-2024.json",
        ],
        vec![
            "diff",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
            "--set",
            "nguong_kham_pha=85%",
        ],
        vec![
            "sweep",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
            "--param",
            "nguong_kham_pha=70%..90%/5%",
        ],
        vec![
            "validate",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
        ],
        vec!["check", "rules/"],
    ];
    runs.into_iter()
        .map(|args| {
            let all = [&["--lang", lang][..], &args[..]].concat();
            let (code, out, err) = tieuchi(&all);
            assert!(code == 0 || code == 1, "{args:?}: exit {code}\n{err}");
            (args.join(" "), format!("{out}\n{err}"))
        })
        .collect()
}

#[test]
fn no_english_word_in_the_vietnamese_output_of_any_command() {
    let mut found = Vec::new();
    for (command, out) in all_outputs("vi") {
        assert!(out.len() > 20, "{command} printed nothing");
        found.extend(
            english_words(&out)
                .into_iter()
                .map(|w| format!("{command}: {w}")),
        );
    }
    assert!(
        found.is_empty(),
        "English in Vietnamese output:\n{}",
        found.join("\n")
    );
    // The check sees English where there is English.
    let english: usize = all_outputs("en")
        .iter()
        .map(|(_, o)| english_words(o).len())
        .sum();
    assert!(
        english > 50,
        "the word list finds only {english} words in English output"
    );
}
