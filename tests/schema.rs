//! `tieuchi schema`: the JSON Schema of the data agrees with `tieuchi validate`, checked with a
//! JSON Schema 2020-12 validator on the shipped data and on records good and bad.
// Helpers too may fail the test with a message (clippy allows `expect` only in test functions).
#![allow(clippy::expect_used)]

use serde_json::{json, Value};
use std::path::Path;

const RULES: &str = r#"
ruleset s "Schema"
period nam "Năm" from 2024-01-01 to 2024-12-31
input nhom "Nhóm": choice(ttxh "Trật tự xã hội", ma_tuy "Ma túy")
input vu "Vụ": count per period
input ty_le "Tỷ lệ": percent
input co "Có": yes_no
input ngay "Ngày": date
input dien_tich "Diện tích": number
input ghi_chu "Ghi chú": text
assessment x "X" {
  criterion C "c" { vu@nam >= 1 and ty_le >= 50% and co and ngay > 2024-01-01 and dien_tich > 0 and nhom == ttxh and ghi_chu == "ok" }
  outcome y "Y" when C
  outcome n "N" otherwise
}
"#;

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema is not a valid 2020-12 schema: {e}"))
}

fn rules(text: &str) -> tieuchi::Rules {
    let checked = tieuchi::check_text("s.tc", text);
    checked.rules.expect("the rules check")
}

/// (validate found an error or a warning, the schema accepts) for one data set.
fn both(rules: &tieuchi::Rules, v: &jsonschema::Validator, data: &Value) -> (bool, bool) {
    let d = tieuchi::data::load_text(rules, "d.json", data.to_string(), tieuchi::DataFormat::Json);
    (!d.diagnostics.is_empty(), v.is_valid(data))
}

#[test]
fn the_shipped_data_fits_the_shipped_rules_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = tieuchi::check_path(&root.join("rules/quang-binh-2024.tc"))
        .rules
        .expect("the shipped rules check");
    let schema = tieuchi::schema::schema(&r);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let values = &schema["$defs"]["area"]["properties"]["values"];
    assert_eq!(values["additionalProperties"], false);
    assert_eq!(
        values["properties"].as_object().map(|o| o.len()),
        Some(r.slots.len())
    );
    let dien = &values["properties"]["dien"]["oneOf"][0];
    assert_eq!(
        dien,
        &json!({ "const": "chon_moi", "title": "Chọn chuyển hóa năm 2024" })
    );
    let vu = &values["properties"]["vu_pham_phap@ca_nam"];
    assert_eq!(
        vu["title"],
        "Số vụ phạm pháp hình sự về TTXH — Năm 2024 (2023-12-15 – 2024-12-14)"
    );
    let text =
        std::fs::read_to_string(root.join("data/quang-binh-2024.json")).expect("the shipped data");
    let data: Value = serde_json::from_str(&text).expect("JSON");
    let v = validator(&schema);
    assert_eq!(both(&r, &v, &data), (false, true));
    // The command prints the same schema.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .args(["schema", "rules/quang-binh-2024.tc"])
        .current_dir(root)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(printed, schema);
}

/// One area with these values.
fn area(values: Value) -> Value {
    json!({ "areas": [ { "id": "a", "name": "Xã A", "values": values } ] })
}

#[test]
fn schema_and_validate_agree_on_good_and_bad_records() {
    let r = rules(RULES);
    let v = validator(&tieuchi::schema::schema(&r));
    let good = [
        json!({ "vu@nam": 3, "ty_le": 87.5, "co": true, "ngay": "2024-06-14", "dien_tich": 800.5, "nhom": "ttxh", "ghi_chu": "ok" }),
        json!({ "vu@nam": "12", "ty_le": "87.5%", "co": "TRUE", "dien_tich": "-1.5e3", "ghi_chu": 5 }),
        json!({ "vu@nam": 2.0, "ty_le": "100", "co": "false", "nhom": null, "ngay": null }),
        json!({ "vu@nam": "0", "ty_le": 0, "dien_tich": -2 }),
        json!({ "ty_le": "0.5%", "vu@nam": "+7" }),
        json!({}),
    ];
    let bad = [
        json!({ "vu@nam": -5 }),
        json!({ "vu@nam": 2.5 }),
        json!({ "vu@nam": "ba" }),
        json!({ "vu@nam": "2.5" }),
        json!({ "vu@nam": true }),
        json!({ "ty_le": 120 }),
        json!({ "ty_le": "120%" }),
        json!({ "ty_le": -1 }),
        json!({ "ty_le": "abc%" }),
        json!({ "co": "có" }),
        json!({ "co": 1 }),
        json!({ "ngay": "2024-02-30" }),
        json!({ "ngay": "14/06/2024" }),
        json!({ "ngay": 20240614 }),
        json!({ "dien_tich": "800,5" }),
        json!({ "nhom": "ma_tui" }),
        json!({ "nhom": 1 }),
        json!({ "vu@nma": 1 }),
        json!({ "vu": 1 }),
        json!({ "ghi_chu": false }),
        json!({ "vu@nam": [1] }),
    ];
    for values in &good {
        assert_eq!(
            both(&r, &v, &area(values.clone())),
            (false, true),
            "{values}"
        );
    }
    for values in &bad {
        assert_eq!(
            both(&r, &v, &area(values.clone())),
            (true, false),
            "{values}"
        );
    }
    // The lenient spellings `validate` takes and the schema, which asks for the plain form, does
    // not (the module's documentation lists them).
    let lenient = [
        json!({ "vu@nam": " 12 " }),
        json!({ "vu@nam": "1e2" }),
        json!({ "ngay": "2024-6-5" }),
    ];
    for values in &lenient {
        assert_eq!(
            both(&r, &v, &area(values.clone())),
            (false, false),
            "{values}"
        );
    }
    // What a schema cannot say: one id twice.
    let twice = json!({ "areas": [ { "id": "a" }, { "id": "a" } ] });
    assert_eq!(both(&r, &v, &twice), (true, true));
    let shapes = [
        json!({ "areas": [ { "name": "no id" } ] }),
        json!({ "areas": [ { "id": "a", "ten": "Xã A" } ] }),
        json!({ "areas": [ { "id": "a", "values": [] } ] }),
        json!({ "areas": [ 5 ] }),
    ];
    for data in &shapes {
        assert_eq!(both(&r, &v, data), (true, false), "{data}");
    }
}
