//! Targets, per possible outcome (LANGUAGE.md, Precise points): COND and FILTER of a
//! `count`/`share` are evaluated together for every combination of the possible outcomes of the
//! assessments they name, and for every filling of the missing choice/yes_no inputs they read.

use serde_json::Value;
use tieuchi::{assess_text, DataFormat};

const RULES: &str = r#"
ruleset t "Targets"
input dien "Diện": choice(chon, theo_doi, loai_tru)
input vu "Vụ": count
input kham_pha "Khám phá": count
input diem "Điểm": count
assessment a "A" when dien == chon {
  criterion C1 "Tỷ lệ" required { ratio(kham_pha, vu) >= 80% }
  criterion C2 "Điểm" points 10 { diem >= 5 }
  outcome top "Top" when all_required and points >= 10
  outcome mid "Mid" when all_required
  outcome dat "Đạt" when points >= 10
  outcome khong "Không" otherwise
}
target T_both "top or mid" { share(a == top or a == mid) >= 100% }
target T_self "never counted" { count(a == dat among a != dat) >= 1 }
target T_sel "selected areas pass" { share(a == top or a == mid among dien == chon) >= 60% }
target T_in "top or mid, with in" { share(a in (top, mid)) >= 100% }
target T_none "no area" { share(a == top among dien == loai_tru) >= 50% }
"#;

fn area(id: &str, values: &str) -> String {
    format!(r#"{{ "id": "{id}", "values": {{ {values} }} }}"#)
}

fn run(areas: &[String]) -> Value {
    let data = format!(r#"{{ "areas": [ {} ] }}"#, areas.join(","));
    match assess_text(RULES, &data, DataFormat::Json, &[]) {
        Ok(o) => o.to_json(false),
        Err(d) => panic!("{:?}", d.iter().map(|d| &d.message).collect::<Vec<_>>()),
    }
}

fn target<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["targets"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == id))
        .unwrap_or_else(|| panic!("no target {id} in {doc}"))
}

#[test]
fn correlated_outcomes_decide_a_share() {
    // C1 passes, C2's figure is missing: `top` or `mid`, both counted.
    let doc = run(&[area("x", r#""dien": "chon", "vu": 10, "kham_pha": 9"#)]);
    let a = &doc["areas"][0]["assessments"]["a"];
    assert_eq!(a["verdict"], "unknown", "{doc}");
    assert_eq!(target(&doc, "T_both")["result"], "met", "{doc}");
    assert_eq!(target(&doc, "T_in")["result"], "met", "{doc}");
}

#[test]
fn a_condition_contradicting_its_filter_counts_nothing() {
    // Unknown verdict (dat or khong possible) and an invalid area: never `dat among != dat`.
    let doc = run(&[
        area("u", r#""dien": "chon", "vu": 10, "kham_pha": 1"#),
        area("bad", r#""dien": "chon", "vu": -1"#),
    ]);
    assert_eq!(doc["areas"][1]["assessments"]["a"]["verdict"], "invalid");
    let t = target(&doc, "T_self");
    assert_eq!(t["result"], "not_met", "{doc}");
    assert_eq!(t["counts"][0]["value"], "0", "{doc}");
}

#[test]
fn a_missing_selection_is_filled_with_each_option_and_re_assessed() {
    let pass = r#""vu": 10, "kham_pha": 9, "diem": 6"#;
    let doc = run(&[
        area("p1", &format!(r#""dien": "chon", {pass}"#)),
        area("p2", &format!(r#""dien": "chon", {pass}"#)),
        area(
            "f1",
            r#""dien": "chon", "vu": 10, "kham_pha": 1, "diem": 0"#,
        ),
        // Would pass if selected: 2/3 or 3/4, met either way.
        area("m", pass),
    ]);
    let t = target(&doc, "T_sel");
    assert_eq!(t["result"], "met", "{doc}");
    let value = &t["counts"][0]["value_range"];
    assert!(t["counts"][0].get("value").is_none(), "undecided: {doc}");
    assert_eq!(value["min"], "2/3", "{doc}");
    assert_eq!(value["max"], "0.75", "{doc}");
    assert_eq!(t["undecided_areas"], serde_json::json!(["m"]), "{doc}");
}

#[test]
fn a_missing_selection_never_counts_as_selected_and_failing() {
    // The lowest share leaves the unselected-or-passing area out: 1 of 2, not 1 of 3.
    let doc = run(&[
        area(
            "p1",
            r#""dien": "chon", "vu": 10, "kham_pha": 9, "diem": 6"#,
        ),
        area(
            "f1",
            r#""dien": "chon", "vu": 10, "kham_pha": 1, "diem": 0"#,
        ),
        area("m", r#""vu": 10, "kham_pha": 9, "diem": 6"#),
    ]);
    let value = &target(&doc, "T_sel")["counts"][0]["value_range"];
    assert_eq!(value["min"], "0.5", "{doc}");
    assert_eq!(value["max"], "2/3", "{doc}");
}

#[test]
fn a_share_of_no_areas_is_unknown_with_the_reason() {
    let doc = run(&[area("p1", r#""dien": "chon", "vu": 10, "kham_pha": 9"#)]);
    let t = target(&doc, "T_none");
    assert_eq!(t["result"], "unknown", "{doc}");
    assert_eq!(t["reasons"], serde_json::json!(["no_areas"]), "{doc}");
}

#[test]
fn the_shipped_data_with_a_missing_selection_gives_the_lowest_possible_share() {
    let root = env!("CARGO_MANIFEST_DIR");
    let rules = std::fs::read_to_string(format!("{root}/rules/quang-binh-2024.tc"))
        .expect("the shipped rules");
    let data = std::fs::read_to_string(format!("{root}/data/quang-binh-2024.json"))
        .expect("the shipped data");
    let mut doc: Value = serde_json::from_str(&data).expect("shipped data is JSON");
    let areas = doc["areas"].as_array_mut().expect("areas");
    let vinh_ninh = areas
        .iter_mut()
        .find(|a| a["id"] == "vinh-ninh")
        .expect("vinh-ninh is in the shipped data");
    let removed = vinh_ninh["values"]
        .as_object_mut()
        .and_then(|v| v.remove("dien"));
    assert!(removed.is_some(), "vinh-ninh has a `dien` value");
    let out = assess_text(&rules, &doc.to_string(), DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or(Value::Null);
    let t60 = target(&out, "T60");
    // No filling gives 4 of 8: the lowest possible share is 4 of 7.
    assert_eq!(t60["counts"][0]["value_range"]["min"], "4/7", "{t60}");
}

#[test]
fn past_64_fillings_the_target_says_it_is_approximate() {
    let mut inputs = String::new();
    let mut cond = Vec::new();
    for i in 0..7 {
        inputs.push_str(&format!("input b{i} \"B{i}\": yes_no\n"));
        cond.push(format!("b{i}"));
    }
    let rules = format!(
        r#"ruleset w "Wide"
{inputs}
assessment a "A" {{
  criterion C "c" required {{ {} }}
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}}
target T "t" {{ count(a == dat) >= 1 }}
"#,
        cond.join(" and ")
    );
    let data = r#"{ "areas": [ { "id": "x", "values": {} } ] }"#;
    let doc = assess_text(&rules, data, DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or(Value::Null);
    let t = &doc["targets"][0];
    assert_eq!(t["result"], "unknown", "{doc}");
    assert_eq!(t["approximate_areas"], serde_json::json!(["x"]), "{doc}");
}
