//! Each rule of meaning of LANGUAGE.md, checked through the library API.

use serde_json::Value;
use tieuchi::{assess_text, DataFormat};

const RULES: &str = r#"
ruleset m "Meaning"
input nhom "Nhóm": choice(ttxh, ma_tuy)
input a "A": count
input b "B": count
input c "C": count
param nguong "Ngưỡng" = 80%
let ty_le = ratio(a, b)
let ty_le_hoac = ratio(a, b) ?? 100%
assessment x "X" when nhom == ttxh {
  criterion R "ratio at threshold" required { ty_le >= nguong }
  criterion P1 "points 40" points 40 { c >= 1 }
  criterion P2 "points 60" points 60 { c >= 2 }
  criterion F "fallback" { ty_le_hoac >= 100% }
  outcome cao "Cao" when all_required and points >= 80
  outcome vua "Vừa" when all_required and points >= 40
  outcome thap "Thấp" otherwise
}
target T1 "Half of ttxh areas are cao" { share(x == cao among nhom == ttxh) >= 50% }
target T2 "At least 2 cao" { count(x == cao) >= 2 }
"#;

fn run(values: &[&str]) -> Value {
    let areas: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#"{{ "id": "a{i}", "values": {{ {v} }} }}"#))
        .collect();
    let data = format!(r#"{{ "areas": [ {} ] }}"#, areas.join(","));
    assess_text(RULES, &data, DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or(Value::Null)
}

fn verdict(doc: &Value, i: usize) -> &Value {
    &doc["areas"][i]["assessments"]["x"]
}

fn criterion<'a>(doc: &'a Value, i: usize, id: &str) -> &'a str {
    let list = verdict(doc, i)["criteria"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let pos = list
        .iter()
        .position(|c| c["id"] == id)
        .unwrap_or(usize::MAX);
    verdict(doc, i)["criteria"][pos]["result"]
        .as_str()
        .unwrap_or("?")
}

#[test]
fn equality_at_a_threshold_passes() {
    let doc = run(&[r#""nhom": "ttxh", "a": 8, "b": 10, "c": 2"#]);
    assert_eq!(criterion(&doc, 0, "R"), "pass");
    assert_eq!(verdict(&doc, 0)["verdict"], "cao");
    assert_eq!(verdict(&doc, 0)["points"], "100");
}

#[test]
fn unknown_propagates_with_its_reason() {
    let doc = run(&[r#""nhom": "ttxh", "b": 10, "c": 2"#]);
    assert_eq!(criterion(&doc, 0, "R"), "unknown");
    let reasons = &verdict(&doc, 0)["criteria"][0]["reasons"];
    assert_eq!(reasons[0]["kind"], "missing");
    assert_eq!(reasons[0]["input"], "a");
}

#[test]
fn division_by_zero_is_unknown_and_named() {
    let doc = run(&[r#""nhom": "ttxh", "a": 0, "b": 0, "c": 2"#]);
    assert_eq!(criterion(&doc, 0, "R"), "unknown");
    assert_eq!(
        verdict(&doc, 0)["criteria"][0]["reasons"][0]["kind"],
        "division_by_zero"
    );
}

#[test]
fn coalesce_uses_the_fallback_only_when_unknown() {
    let doc = run(&[
        r#""nhom": "ttxh", "a": 0, "b": 0, "c": 0"#,
        r#""nhom": "ttxh", "a": 5, "b": 10, "c": 0"#,
    ]);
    assert_eq!(criterion(&doc, 0, "F"), "pass");
    assert_eq!(criterion(&doc, 1, "F"), "fail");
}

#[test]
fn false_and_unknown_is_false_so_the_verdict_is_decided() {
    // R fails, so `all_required and …` is false whatever c is: the verdict is thap.
    let doc = run(&[r#""nhom": "ttxh", "a": 1, "b": 10"#]);
    assert_eq!(verdict(&doc, 0)["verdict"], "thap");
}

#[test]
fn unknown_verdict_lists_the_outcomes_still_possible() {
    // R passes, c missing: points 0..100, so cao, vua and thap are all possible.
    let doc = run(&[r#""nhom": "ttxh", "a": 9, "b": 10"#]);
    assert_eq!(verdict(&doc, 0)["verdict"], "unknown");
    assert_eq!(
        verdict(&doc, 0)["possible"],
        serde_json::json!(["cao", "vua", "thap"])
    );
    assert!(
        verdict(&doc, 0).get("points").is_none(),
        "points are not decided"
    );
}

#[test]
fn unknown_when_adds_na_to_the_possible_verdicts() {
    // nhom is missing, so the assessment may not apply: na is possible beside cao.
    let doc = run(&[r#""a": 9, "b": 10, "c": 2"#]);
    assert_eq!(verdict(&doc, 0)["verdict"], "unknown");
    assert_eq!(
        verdict(&doc, 0)["possible"],
        serde_json::json!(["cao", "na"])
    );
}

#[test]
fn target_bounds_count_unknown_areas_both_ways() {
    // a0 cao, a1 unknown (cao/vua/thap), a2 thap, a3 not ttxh: share among ttxh is 1/3..2/3.
    let doc = run(&[
        r#""nhom": "ttxh", "a": 9, "b": 10, "c": 2"#,
        r#""nhom": "ttxh", "a": 9, "b": 10"#,
        r#""nhom": "ttxh", "a": 1, "b": 10, "c": 2"#,
        r#""nhom": "ma_tuy", "a": 9, "b": 10, "c": 2"#,
    ]);
    assert_eq!(doc["targets"][0]["result"], "unknown");
    assert_eq!(doc["targets"][1]["result"], "unknown");
    let doc = run(&[
        r#""nhom": "ttxh", "a": 9, "b": 10, "c": 2"#,
        r#""nhom": "ttxh", "a": 9, "b": 10, "c": 2"#,
        r#""nhom": "ttxh", "a": 1, "b": 10"#,
    ]);
    assert_eq!(doc["targets"][0]["result"], "met");
    assert_eq!(doc["targets"][1]["result"], "met");
}

#[test]
fn invalid_areas_count_as_anything_in_targets() {
    // a1 is invalid (negative count): it may or may not be cao, so T1 (2/2 or 1/2 or 1/1) holds
    // either way, and T2 (1 or 2 cao) is unknown.
    let doc = run(&[
        r#""nhom": "ttxh", "a": 9, "b": 10, "c": 2"#,
        r#""nhom": "ttxh", "a": -1, "b": 10, "c": 2"#,
    ]);
    assert_eq!(verdict(&doc, 1)["verdict"], "invalid");
    assert_eq!(doc["areas"][1]["status"], "invalid");
    assert_eq!(doc["targets"][0]["result"], "met");
    assert_eq!(doc["targets"][1]["result"], "unknown");
}

#[test]
fn exact_decimals_two_thirds() {
    let rules = "ruleset d \"D\"\ninput a \"A\": count\ninput b \"B\": count\nassessment x \"X\" {\n criterion C \"c\" { ratio(a, b) >= 66.66% }\n criterion E \"e\" { a * 0.1 + b * 0.2 == 0.3 }\n outcome y \"Y\" when C and E\n outcome n \"N\" otherwise\n}\n";
    let out = assess_text(
        rules,
        r#"{"areas":[{"id":"z","values":{"a":1,"b":1}},{"id":"w","values":{"a":2,"b":3}}]}"#,
        DataFormat::Json,
        &[],
    );
    let doc = out.map(|o| o.to_json(false)).unwrap_or(Value::Null);
    assert_eq!(
        doc["areas"][0]["assessments"]["x"]["criteria"][1]["result"], "pass",
        "0.1 + 0.2 == 0.3 exactly"
    );
    assert_eq!(
        doc["areas"][1]["assessments"]["x"]["criteria"][0]["result"], "pass",
        "2/3 >= 66.66%"
    );
}

#[test]
fn overrides_are_type_checked() {
    let err = assess_text(RULES, r#"{"areas":[]}"#, DataFormat::Json, &["nguon=70%"])
        .err()
        .unwrap_or_default();
    assert!(err[0]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("nguong"));
    let err = assess_text(
        RULES,
        r#"{"areas":[]}"#,
        DataFormat::Json,
        &["nguong=2024-01-01"],
    )
    .err()
    .unwrap_or_default();
    assert!(err[0].message.to_string().contains("is a number"));
    let ok = assess_text(
        RULES,
        r#"{"areas":[{"id":"q","values":{"nhom":"ttxh","a":7,"b":10,"c":2}}]}"#,
        DataFormat::Json,
        &["nguong=70%"],
    );
    assert_eq!(
        ok.map(|o| o.to_json(false)["areas"][0]["assessments"]["x"]["verdict"].clone())
            .unwrap_or(Value::Null),
        "cao"
    );
}

#[test]
fn ratio_comparisons_are_exact_past_the_28th_digit() {
    // 2/3 rounded to 28 digits is 0.6666666666666666666666666667; the exact 2/3 is below it.
    let rules = "ruleset d \"D\"\ninput a \"A\": count\ninput b \"B\": number\nassessment x \"X\" {\n criterion C \"c\" { ratio(a, b) >= 66.66666666666666666666666667% }\n criterion N \"n\" { ratio(a, b) >= 50% }\n outcome y \"Y\" when C\n outcome n \"N\" otherwise\n}\n";
    let data =
        r#"{"areas":[{"id":"z","values":{"a":2,"b":3}},{"id":"neg","values":{"a":2,"b":-4}}]}"#;
    let doc = assess_text(rules, data, DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or(Value::Null);
    assert_eq!(
        doc["areas"][0]["assessments"]["x"]["criteria"][0]["result"],
        "fail"
    );
    assert_eq!(
        doc["areas"][0]["assessments"]["x"]["criteria"][1]["result"],
        "pass"
    );
    // a negative denominator turns the comparison round: 2 / -4 = -0.5 is not >= 0.5
    assert_eq!(
        doc["areas"][1]["assessments"]["x"]["criteria"][1]["result"],
        "fail"
    );
}

// ---- `X in (a, b, …)` (LANGUAGE.md, "More on `in`") ----

const RULES_IN: &str = r#"
ruleset m "In"
input nhom "Nhóm": choice(ttxh, ma_tuy, khac)
input a "A": count
input c "C": count
assessment x "X" when nhom in (ttxh, ma_tuy) {
  criterion R "a" required { a >= 1 }
  criterion P "c" points 40 { c >= 1 }
  outcome cao "Cao" when all_required and points >= 40
  outcome vua "Vừa" when all_required
  outcome thap "Thấp" otherwise
}
assessment y "Y" {
  criterion Dat "x is cao or vua" { x in (cao, vua) }
  criterion CaoNa "x is cao or na" { x in (cao, na) }
  criterion Thap "x is thap" { x in (thap) }
  criterion Nhom "nhom is ttxh or ma_tuy" { nhom in (ttxh, ma_tuy) }
  criterion MoiNhom "nhom is any option" { nhom in (ttxh, ma_tuy, khac) }
  outcome co "Có" when Dat
  outcome khong "Không" otherwise
}
target T "cao or vua" { count(x in (cao, vua)) >= 1 }
"#;

fn run_in(values: &[&str]) -> Value {
    let areas: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#"{{ "id": "a{i}", "values": {{ {v} }} }}"#))
        .collect();
    let data = format!(r#"{{ "areas": [ {} ] }}"#, areas.join(","));
    assess_text(RULES_IN, &data, DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or_else(|e| panic!("RULES_IN does not check: {e:?}"))
}

fn y_criterion(doc: &Value, i: usize, id: &str) -> String {
    let list = doc["areas"][i]["assessments"]["y"]["criteria"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("criteria of y"));
    let c = list
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("criterion"));
    c["result"]
        .as_str()
        .unwrap_or_else(|| panic!("result"))
        .to_string()
}

#[test]
fn in_with_a_decided_verdict_or_option() {
    let doc = run_in(&[r#""nhom": "ttxh", "a": 1, "c": 0"#]);
    assert_eq!(doc["areas"][0]["assessments"]["x"]["verdict"], "vua");
    assert_eq!(y_criterion(&doc, 0, "Dat"), "pass");
    assert_eq!(y_criterion(&doc, 0, "CaoNa"), "fail");
    assert_eq!(y_criterion(&doc, 0, "Thap"), "fail");
    assert_eq!(y_criterion(&doc, 0, "Nhom"), "pass");
}

#[test]
fn in_with_na_in_the_list() {
    let doc = run_in(&[r#""nhom": "khac", "a": 1, "c": 1"#]);
    assert_eq!(doc["areas"][0]["assessments"]["x"]["verdict"], "na");
    assert_eq!(y_criterion(&doc, 0, "CaoNa"), "pass");
    assert_eq!(y_criterion(&doc, 0, "Dat"), "fail");
    assert_eq!(y_criterion(&doc, 0, "Nhom"), "fail");
}

#[test]
fn in_with_an_unknown_verdict_looks_at_every_possible_outcome() {
    // `a` passes, `c` missing: x is cao or vua, both in (cao, vua): decided.
    let doc = run_in(&[r#""nhom": "ttxh", "a": 1"#]);
    let x = &doc["areas"][0]["assessments"]["x"];
    assert_eq!(x["verdict"], "unknown");
    assert_eq!(x["possible"], serde_json::json!(["cao", "vua"]));
    assert_eq!(y_criterion(&doc, 0, "Dat"), "pass");
    assert_eq!(y_criterion(&doc, 0, "Thap"), "fail");
    assert_eq!(y_criterion(&doc, 0, "CaoNa"), "unknown");
    assert_eq!(doc["areas"][0]["assessments"]["y"]["verdict"], "co");
    // in a target it is one condition: every possible outcome is counted
    assert_eq!(doc["targets"][0]["result"], "met");
}

#[test]
fn in_with_an_unknown_when_counts_na_among_the_possible() {
    // nhom missing: x may be na; `a` fails, so otherwise x is thap.
    let doc = run_in(&[r#""a": 0, "c": 1"#]);
    let x = &doc["areas"][0]["assessments"]["x"];
    assert_eq!(x["possible"], serde_json::json!(["thap", "na"]));
    assert_eq!(y_criterion(&doc, 0, "Dat"), "fail");
    assert_eq!(y_criterion(&doc, 0, "Thap"), "unknown");
    assert_eq!(y_criterion(&doc, 0, "CaoNa"), "unknown");
}

#[test]
fn in_with_a_missing_choice_is_unknown_unless_every_option_is_listed() {
    let doc = run_in(&[r#""a": 1, "c": 1"#]);
    assert_eq!(y_criterion(&doc, 0, "Nhom"), "unknown");
    assert_eq!(y_criterion(&doc, 0, "MoiNhom"), "pass");
}

#[test]
fn in_with_an_invalid_area_leaves_the_target_open() {
    // a1 is invalid (negative count): x in (cao, vua) is unknown there, so T (count >= 1)
    // cannot be decided from a0 (thap) alone.
    let doc = run_in(&[
        r#""nhom": "ttxh", "a": 0, "c": 1"#,
        r#""nhom": "ttxh", "a": -1"#,
    ]);
    assert_eq!(doc["areas"][1]["assessments"]["x"]["verdict"], "invalid");
    assert_eq!(doc["targets"][0]["result"], "unknown");
    let decided = run_in(&[r#""nhom": "ttxh", "a": 0, "c": 1"#]);
    assert_eq!(decided["targets"][0]["result"], "not_met");
}
