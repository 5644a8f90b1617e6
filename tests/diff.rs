//! `tieuchi diff`: changed areas only, changed targets, edits and their attribution.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let p = dir.join(name);
    std::fs::write(&p, text).ok();
    p
}

fn diff(args: &[&Path], extra: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .arg("diff")
        .args(args)
        .args(extra)
        .args(["--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap_or(-1), doc)
}

fn spec(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/spec/basic")
        .join(file)
}

fn basic() -> String {
    let text =
        std::fs::read_to_string(spec("basic.tc")).unwrap_or_else(|e| panic!("basic.tc: {e}"));
    assert!(text.contains("assessment"), "basic.tc is not the example");
    text
}

#[test]
fn lowering_the_threshold_names_exactly_xa_e_with_that_edit_as_cause() {
    let lowered = temp(
        "basic-75.tc",
        &basic().replace(
            "nguong_kham_pha \"Ngưỡng tỷ lệ điều tra, khám phá\" = 80%",
            "nguong_kham_pha \"Ngưỡng tỷ lệ điều tra, khám phá\" = 75%",
        ),
    );
    let (code, d) = diff(
        &[&spec("basic.tc"), &lowered, &spec("basic.json")],
        &["--exit-code"],
    );
    assert_eq!(code, 1, "--exit-code exits 1 when something changed");
    let areas = d["areas"].as_array().cloned().unwrap_or_default();
    assert_eq!(areas.len(), 1, "{d:#}");
    assert_eq!(areas[0]["id"], "xa-e");
    let a = &areas[0]["assessments"][0];
    assert_eq!(
        (a["old"].as_str(), a["new"].as_str()),
        (Some("chua_dat"), Some("unknown"))
    );
    assert_eq!(a["criteria"][0]["id"], "C1");
    let edits = d["edits"].as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 1);
    assert_eq!(
        (edits[0]["kind"].as_str(), edits[0]["name"].as_str()),
        (Some("param"), Some("nguong_kham_pha"))
    );
    assert_eq!(
        (edits[0]["old"].as_str(), edits[0]["new"].as_str()),
        (Some("80%"), Some("75%"))
    );
    assert_eq!(
        a["causes"],
        serde_json::json!([1]),
        "edits are numbered from 1"
    );
    assert_eq!(edits[0]["number"], 1);
}

#[test]
fn what_if_override_gives_the_same_answer() {
    let (code, d) = diff(
        &[&spec("basic.tc"), &spec("basic.json")],
        &["--set", "nguong_kham_pha=75%"],
    );
    assert_eq!(code, 0, "without --exit-code");
    assert_eq!(d["areas"][0]["id"], "xa-e");
    assert_eq!(d["areas"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        d["areas"][0]["assessments"][0]["causes"],
        serde_json::json!([1])
    );
    assert_eq!(d["targets"][0]["id"], "T1");
}

#[test]
fn no_change_exits_zero() {
    let same = temp(
        "basic-same.tc",
        &format!("{}\n// a comment only\n", basic()),
    );
    let (code, d) = diff(
        &[&spec("basic.tc"), &same, &spec("basic.json")],
        &["--exit-code"],
    );
    assert_eq!(code, 0);
    assert_eq!(d["areas"], serde_json::json!([]));
    assert_eq!(d["edits"], serde_json::json!([]));
}

#[test]
fn structural_edits_are_listed_and_attributed_one_by_one() {
    let new = basic()
        .replace("points 40 {\n    change(vu_pham_phap@ca_nam, vu_pham_phap@truoc) <= -10%", "points 40 {\n    change(vu_pham_phap@ca_nam, vu_pham_phap@truoc) <= 0%")
        .replace(
            "  criterion C2 \"Không còn tụ điểm phức tạp về ma túy\" required when nhom == ma_tuy {",
            "  criterion C4 \"Mới\" { vu_pham_phap@ca_nam < 100 }\n  criterion C2 \"Không còn tụ điểm phức tạp về ma túy\" when nhom == ma_tuy {",
        );
    let new = temp("basic-structural.tc", &new);
    let (_, d) = diff(&[&spec("basic.tc"), &new, &spec("basic.json")], &[]);
    let edits: Vec<(String, String, String)> = d["edits"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or("").into(),
                e["name"].as_str().unwrap_or("").into(),
                e["change"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let want = [
        ("criterion", "chuyen_hoa.C2", "required"),
        ("criterion", "chuyen_hoa.C3", "condition"),
        ("criterion", "chuyen_hoa.C4", "added"),
    ];
    let got: Vec<(&str, &str, &str)> = edits
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(got, want, "{d:#}");
    // xa-b fails only C2: no longer required, it becomes dat because of the C2 edit alone.
    let xa_b = d["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["id"] == "xa-b")
        .cloned()
        .unwrap_or_default();
    assert_eq!(xa_b["assessments"][0]["new"], "dat");
    assert_eq!(xa_b["assessments"][0]["causes"], serde_json::json!([1]));
    // xa-f (12 → 12 cases) now passes C3 (change 0% <= 0%): dat, caused by the C3 edit.
    let xa_f = d["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["id"] == "xa-f")
        .cloned()
        .unwrap_or_default();
    assert_eq!(xa_f["assessments"][0]["new"], "dat");
    assert_eq!(xa_f["assessments"][0]["causes"], serde_json::json!([2]));
}

#[test]
fn outcome_order_is_an_edit() {
    let new = basic().replace(
        "  outcome dat \"Chuyển hóa đạt\" when all_required and points >= 40\n  outcome chua_dat \"Chưa đạt\" otherwise",
        "  outcome chua_dat \"Chưa đạt\" when not all_required\n  outcome dat \"Chuyển hóa đạt\" otherwise",
    );
    let new = temp("basic-order.tc", &new);
    let (_, d) = diff(&[&spec("basic.tc"), &new, &spec("basic.json")], &[]);
    let kinds: Vec<&str> = d["edits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"outcome_order"), "{d:#}");
    assert!(kinds.contains(&"outcome"), "{d:#}");
}

#[test]
fn an_added_outcome_is_applied_alone_before_otherwise() {
    let new = basic().replace(
        "  outcome chua_dat \"Chưa đạt\" otherwise",
        "  outcome kha \"Khá\" when C1\n  outcome chua_dat \"Chưa đạt\" otherwise",
    );
    let new = temp("basic-added-outcome.tc", &new);
    let (_, d) = diff(&[&spec("basic.tc"), &new, &spec("basic.json")], &[]);
    assert_eq!(d["edits"][0]["name"], "chuyen_hoa.kha", "{d:#}");
    assert_eq!(d["edits"][0]["applicable"], true);
    assert_eq!(d["edits"].as_array().map(Vec::len), Some(1));
    let xa_f = d["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["id"] == "xa-f")
        .cloned()
        .unwrap_or_default();
    assert_eq!(xa_f["assessments"][0]["new"], "kha");
    assert_eq!(xa_f["assessments"][0]["causes"], serde_json::json!([1]));
}

#[test]
fn an_edited_in_list_is_an_edit_that_changes_the_verdicts_reading_it() {
    let rules = |list: &str| {
        format!(
            r#"ruleset d "In"
input nhom "Nhóm": choice(ttxh, ma_tuy, khac)
input n "N": count
assessment a "A" {{
  criterion C "n" required {{ n >= 1 }}
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}}
assessment b "B" when nhom in (ttxh, ma_tuy) {{
  criterion K "a" required {{ a in ({list}) }}
  outcome ok "OK" when all_required
  outcome no "No" otherwise
}}
"#
        )
    };
    let old = temp("in-old.tc", &rules("dat"));
    let new = temp("in-new.tc", &rules("dat, khong"));
    let data = temp(
        "in.csv",
        "id,name,district,nhom,n\nx1,X1,D,ttxh,0\nx2,X2,D,ttxh,1\nx3,X3,D,khac,0\n",
    );
    let (code, d) = diff(&[&old, &new, &data], &["--exit-code"]);
    assert_eq!(code, 1, "{d:#}");
    let areas = d["areas"].as_array().cloned().unwrap_or_default();
    assert_eq!(areas.len(), 1, "{d:#}");
    assert_eq!(areas[0]["id"], "x1");
    let edits = d["edits"].as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 1, "{d:#}");
    assert_eq!(edits[0]["kind"], "criterion");
    assert_eq!(edits[0]["name"], "b.K");
}

#[test]
fn marking_a_param_provisional_is_an_edit() {
    let marked = temp(
        "basic-provisional.tc",
        &basic().replace(
            "nguong_kham_pha \"Ngưỡng tỷ lệ điều tra, khám phá\" = 80%",
            "nguong_kham_pha \"Ngưỡng tỷ lệ điều tra, khám phá\" = 80% provisional",
        ),
    );
    let (code, d) = diff(&[&spec("basic.tc"), &marked, &spec("basic.json")], &[]);
    assert_eq!(code, 0, "{d:#}");
    assert_eq!(d["areas"].as_array().map(Vec::len), Some(0), "{d:#}");
    let edits = d["edits"].as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 1, "{d:#}");
    assert_eq!(
        (edits[0]["old"].as_str(), edits[0]["new"].as_str()),
        (Some("80%"), Some("80% provisional"))
    );
}
