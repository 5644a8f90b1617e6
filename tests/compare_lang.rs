//! `diff`, `sweep` and `test --coverage` in both languages: snapshots of the shipped rules and
//! data, and no English word left in the Vietnamese text.

use std::process::Command;

const RULES: &str = "rules/quang-binh-2024.tc";
const DRAFT: &str = "rules/quang-binh-2025-draft.tc";
const DATA: &str = "data/quang-binh-2024.json";

fn tieuchi(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("TIEUCHI_LANG")
        .output()
        .unwrap_or_else(|e| panic!("could not run tieuchi: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The text output of `args` in `lang`; the command must succeed with something to show.
fn text(args: &[&str], lang: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--lang", lang]);
    let (code, out, err) = tieuchi(&all);
    assert!(code == 0 || code == 1, "{args:?}: exit {code}: {err}");
    assert!(!out.trim().is_empty(), "{args:?}: no output; {err}");
    out
}

const DIFF_FILES: [&str; 4] = ["diff", RULES, DRAFT, DATA];
const DIFF_SET: [&str; 5] = ["diff", RULES, DATA, "--set", "nguong_kham_pha=75%"];
const DIFF_SETS: [&str; 7] = [
    "diff",
    RULES,
    DATA,
    "--set",
    "nguong_kham_pha=95%",
    "--set",
    "diem_dat=40",
];
const SWEEP: [&str; 5] = [
    "sweep",
    RULES,
    DATA,
    "--param",
    "nguong_kham_pha=75%..95%/10%",
];

/// The coverage lines of `test --coverage` (the test reports around them are not this output).
fn coverage(lang: &str) -> String {
    let out = text(&["test", RULES, "--coverage"], lang);
    let lines: Vec<&str> = out
        .lines()
        .skip_while(|l| !(l.starts_with("coverage:") || l.starts_with("độ bao phủ:")))
        .take_while(|l| !l.contains(" passed, ") && !l.contains(" ca kiểm thử đạt, "))
        .collect();
    assert!(lines.len() > 5, "no coverage in {out}");
    lines.join("\n") + "\n"
}

#[test]
fn snapshots_in_both_languages() {
    for lang in ["vi", "en"] {
        insta::assert_snapshot!(format!("diff_files_{lang}"), text(&DIFF_FILES, lang));
        insta::assert_snapshot!(format!("diff_set_{lang}"), text(&DIFF_SET, lang));
        insta::assert_snapshot!(format!("diff_sets_{lang}"), text(&DIFF_SETS, lang));
        insta::assert_snapshot!(format!("sweep_{lang}"), text(&SWEEP, lang));
        insta::assert_snapshot!(format!("coverage_{lang}"), coverage(lang));
    }
}

const ENGLISH: [&str; 21] = [
    "the",
    "is",
    "not",
    "areas",
    "area",
    "changed",
    "because",
    "unknown",
    "verdict",
    "pass",
    "fail",
    "met",
    "edit",
    "from",
    "to",
    "with",
    "points",
    "param",
    "target",
    "criterion",
    "outcome",
];

/// The rules text a diff quotes (the old and new text of its edits), from its JSON.
fn quoted_rules_text(args: &[&str]) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (_, out, err) = tieuchi(&all);
    let doc: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("json: {e}: {err}"));
    let mut texts: Vec<String> = doc["edits"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| [e["old"].as_str(), e["new"].as_str()])
        .flatten()
        .map(String::from)
        .collect();
    // The longest first, so that one text inside another is not cut in two.
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts
}

/// The English words of `text` outside quoted rules text, `code` and identifiers.
fn english_words(text: &str, quoted: &[String]) -> Vec<String> {
    let mut text = text.to_string();
    for q in quoted {
        text = text.replace(q.as_str(), " ");
    }
    let unquoted: String = text
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");
    unquoted
        .split(|c: char| c.is_whitespace() || ",;:()[]→≥≤<>=/–".contains(c))
        .filter(|w| !w.contains(['_', '@', '.']) && !w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

#[test]
fn the_word_check_finds_english() {
    // The check itself: it would catch today's English output.
    let en = text(&DIFF_FILES, "en");
    let found = english_words(&en, &quoted_rules_text(&DIFF_FILES));
    assert!(found.contains(&"areas".to_string()), "{found:?}");
    assert!(found.contains(&"met".to_string()), "{found:?}");
    let cov = english_words(&coverage("en"), &[]);
    assert!(cov.contains(&"criterion".to_string()), "{cov:?}");
}

#[test]
fn vietnamese_output_has_no_english_word() {
    for args in [&DIFF_FILES[..], &DIFF_SET[..], &DIFF_SETS[..]] {
        let out = text(args, "vi");
        let found = english_words(&out, &quoted_rules_text(args));
        assert!(found.is_empty(), "{args:?}: {found:?} in\n{out}");
    }
    let out = text(&SWEEP, "vi");
    assert!(english_words(&out, &[]).is_empty(), "{out}");
    let out = coverage("vi");
    assert!(english_words(&out, &[]).is_empty(), "{out}");
}

#[test]
fn json_does_not_depend_on_the_language() {
    for args in [&DIFF_FILES[..], &DIFF_SETS[..], &SWEEP[..]] {
        let json = |lang: &str| {
            let mut all = args.to_vec();
            all.extend(["--format", "json", "--lang", lang]);
            tieuchi(&all).1
        };
        let vi = json("vi");
        assert!(vi.trim_start().starts_with('{'), "{vi}");
        assert_eq!(vi, json("en"), "{args:?}");
    }
}

#[test]
fn diff_errors_of_the_command_line_in_both_languages() {
    let (code, _, err) = tieuchi(&["diff", RULES, DATA, "--lang", "vi"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cần nêu giá trị giả định: `--set P=V`"),
        "{err}"
    );
    let (code, _, err) = tieuchi(&["diff", RULES, DATA, "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("give the what-if overrides"), "{err}");
    let (code, _, err) = tieuchi(&["diff", RULES, DRAFT, "x.txt", "--lang", "vi"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("không xác định được định dạng của `x.txt`"),
        "{err}"
    );
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tieuchi-compare-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p.to_string_lossy().into_owned()
}

const TWO_PARAMS: &str = r#"ruleset hai "Hai tham số"
input n "Số vụ N": count
input m "Số vụ M": count
param k1 "Ngưỡng N" = 5
param k2 "Ngưỡng M" = 5
assessment a "Đánh giá" {
  criterion C "Cả hai" required { n >= k1 and m >= k2 }
  outcome dat "Đạt" when all_required
  outcome khong "Không đạt" otherwise
}
"#;

#[test]
fn a_change_that_needs_two_edits_together_says_so() {
    let old = temp("two-old.tc", TWO_PARAMS);
    let new = temp(
        "two-new.tc",
        &TWO_PARAMS
            .replace("k1 \"Ngưỡng N\" = 5", "k1 \"Ngưỡng N\" = 3")
            .replace("k2 \"Ngưỡng M\" = 5", "k2 \"Ngưỡng M\" = 3"),
    );
    let data = temp(
        "two.csv",
        "id,name,district,n,m\nx1,X1,D,3,3\nx2,X2,D,-1,3\n",
    );
    let args = ["diff", old.as_str(), new.as_str(), data.as_str()];
    let vi = text(&args, "vi");
    assert!(
        vi.contains("nguyên nhân: không do riêng một sửa đổi nào, mà do các sửa đổi cùng tác động"),
        "{vi}"
    );
    assert!(
        vi.contains("Lỗi, cảnh báo về số liệu (với cả hai tệp tiêu chí):"),
        "{vi}"
    );
    let en = text(&args, "en");
    assert!(
        en.contains("caused by: no single edit alone; the edits together"),
        "{en}"
    );
    assert!(
        en.contains("Data problems (with both rules files):"),
        "{en}"
    );
    // The data problems' own messages come from the diagnostics; the rest is Vietnamese.
    let rest: String = vi
        .lines()
        .filter(|l| !l.contains(".csv:"))
        .collect::<Vec<_>>()
        .join("\n");
    let found = english_words(&rest, &quoted_rules_text(&args));
    assert!(found.is_empty(), "{found:?} in\n{vi}");
    // An area with invalid data gets its own column in a sweep.
    let sweep = ["sweep", old.as_str(), data.as_str(), "--param", "k1=3..5/2"];
    let vi = text(&sweep, "vi");
    assert!(vi.contains("a: số liệu không hợp lệ"), "{vi}");
    assert!(text(&sweep, "en").contains("a.invalid"));
}

#[test]
fn coverage_of_rules_without_tests_in_both_languages() {
    let rules = temp("no-tests.tc", TWO_PARAMS);
    let vi = text(&["test", rules.as_str(), "--coverage"], "vi");
    assert!(
        vi.contains("✗ tiêu chí a.C: chưa có trường hợp nào; chưa có trường hợp đạt, không đạt, chưa kết luận được"),
        "{vi}"
    );
    assert!(
        vi.contains("✗ kết quả a.dat: chưa có địa bàn kiểm thử nào nhận kết quả này"),
        "{vi}"
    );
    let en = text(&["test", rules.as_str(), "--coverage"], "en");
    assert!(
        en.contains("✗ criterion a.C: seen nothing; never pass, fail, unknown"),
        "{en}"
    );
}
