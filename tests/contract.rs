//! The JSON contract (`docs/json.md`): the schemas in `schema/` are the ones generated from the
//! output types (`UPDATE_SCHEMAS=1 cargo test --test contract` rewrites them), and every JSON
//! document the binary prints — on the shipped rules and data, on the acceptance cases, on
//! invalid data, unknowns, `--explain`, a diff with causes, a sweep, failing tests — validates
//! against its schema and follows the conventions (version, ranges, 1-based edits, areas).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in the repository's folder: (exit code, stdout as JSON).
fn run(args: &[&str]) -> (i32, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("TIEUCHI_LANG", "en")
        .output()
        .unwrap_or_else(|e| panic!("cannot run tieuchi: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let doc = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: stdout is not one JSON document ({e}):\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), doc)
}

fn schema_file(name: &str) -> PathBuf {
    root().join(format!("schema/{name}.schema.json"))
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(schema_file(name))
        .unwrap_or_else(|e| panic!("schema/{name}.schema.json: {e}"));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    jsonschema::draft202012::options()
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema/{name}.schema.json is not a 2020-12 schema: {e}"))
}

/// Runs the command, checks its exit code and that its output fits the schema `name`.
fn valid(name: &str, args: &[&str], exit: i32) -> Value {
    let (code, doc) = run(args);
    assert_eq!(code, exit, "{args:?}: exit code\n{doc:#}");
    let v = validator(name);
    let errors: Vec<String> = v
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .take(10)
        .collect();
    assert!(
        errors.is_empty(),
        "{args:?} does not fit schema/{name}.schema.json:\n{}\n{doc:#}",
        errors.join("\n")
    );
    assert_eq!(doc["format_version"], "1", "{args:?}");
    doc
}

#[test]
fn the_checked_in_schemas_are_the_generated_ones() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let all = tieuchi::report::contract::schemas();
    assert_eq!(all.len(), 6);
    let mut stale = Vec::new();
    for (name, schema) in all {
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        let path = schema_file(name);
        if update {
            std::fs::create_dir_all(root().join("schema")).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schema/ differs from the output types for {stale:?}: run `UPDATE_SCHEMAS=1 cargo test --test contract` and commit schema/"
    );
}

#[test]
fn every_schema_requires_the_format_version() {
    for (name, schema) in tieuchi::report::contract::schemas() {
        let required = schema["required"].as_array().cloned().unwrap_or_default();
        assert!(
            required.contains(&Value::from("format_version")),
            "{name}: {schema}"
        );
        let version = serde_json::json!({ "format_version": "2" });
        let v = validator(name);
        assert!(!v.is_valid(&version), "{name} accepts format_version 2");
    }
}

const SHIPPED: &str = "rules/quang-binh-2024.tc";
const SHIPPED_DATA: &str = "data/quang-binh-2024.json";
const BASIC: &str = "tests/spec/basic/basic.tc";
const BASIC_DATA: &str = "tests/spec/basic/basic.json";
const DRUGS: &str = "tests/spec/drugs/drugs.tc";
const DRUGS_DATA: &str = "tests/spec/drugs/drugs.json";
const VALUES: &str = "tests/fixtures/data/values.tc";
const BAD_VALUES: &str = "tests/fixtures/data/bad_values.csv";

#[test]
fn assess_documents_fit_their_schema() {
    for (rules, data) in [
        (SHIPPED, SHIPPED_DATA),
        (SHIPPED, "data/quang-binh-2024.csv"),
        (BASIC, BASIC_DATA),
        (BASIC, "tests/spec/basic/basic.csv"),
        (DRUGS, DRUGS_DATA),
        (VALUES, BAD_VALUES),
    ] {
        valid("assess", &["assess", rules, data, "--format", "json"], 0);
        let doc = valid(
            "assess",
            &["assess", rules, data, "--format", "json", "--explain"],
            0,
        );
        assert!(doc["areas"].as_array().is_some_and(|a| !a.is_empty()));
    }
    let doc = valid(
        "assess",
        &[
            "assess",
            "rules/ma-tuy-qd28-2025.tc",
            DRUGS_DATA,
            "--format",
            "json",
        ],
        0,
    );
    assert!(doc["areas"].is_array());
}

/// Points and max points: `points` (an exact string) only when decided, `points_range` always
/// beside a scored verdict; the same rule for the values of counts and shares.
#[test]
fn decided_values_are_strings_and_ranges_are_min_max() {
    let doc = valid(
        "assess",
        &["assess", BASIC, BASIC_DATA, "--format", "json"],
        0,
    );
    let area = |id: &str| {
        doc["areas"]
            .as_array()
            .and_then(|l| l.iter().find(|a| a["id"] == id))
            .map(|a| a["assessments"]["chuyen_hoa"].clone())
            .unwrap_or_default()
    };
    let decided = area("xa-a");
    assert_eq!(decided["points"], "40");
    assert_eq!(
        decided["points_range"],
        serde_json::json!({"min": "40", "max": "40"})
    );
    let open = area("xa-c");
    assert_eq!(open["verdict"], "unknown");
    assert!(open.get("points").is_none(), "{open}");
    assert_eq!(
        open["points_range"],
        serde_json::json!({"min": "0", "max": "40"})
    );
    assert!(
        area("xa-d").get("points_range").is_none(),
        "na has no points"
    );
    let t1 = &doc["targets"][0];
    assert_eq!(
        t1["counts"][0]["value_range"],
        serde_json::json!({"min": "0.2", "max": "0.4"})
    );
    assert!(t1["counts"][0].get("value").is_none());
    assert_eq!(t1["counts"][0]["tally"]["in_and_true"], 1);
    assert_eq!(t1["counts"][0]["tally"]["in_and_unknown"], 1);
    assert_eq!(t1["counts"][0]["tally"]["in_and_false"], 3);
    assert_eq!(doc["params"]["nguong_kham_pha"]["value"], "0.8");
    assert_eq!(doc["params"]["nguong_kham_pha"]["written"], "80%");
}

#[test]
fn every_data_diagnostic_names_its_area() {
    let doc = valid(
        "assess",
        &["assess", VALUES, BAD_VALUES, "--format", "json"],
        0,
    );
    let diags = doc["data_diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(diags.len() > 5, "{doc:#}");
    for d in &diags {
        assert!(d.get("area").is_some(), "no area field: {d}");
    }
    let area_of = |line: u64| -> Vec<Value> {
        diags
            .iter()
            .filter(|d| d["line"] == line)
            .map(|d| d["area"].clone())
            .collect()
    };
    // Row 2 is x1, row 3 x2; the unknown column `zzz` is reported at the header: no area.
    assert!(area_of(2).iter().all(|a| a == "x1"), "{:?}", area_of(2));
    assert!(area_of(3).iter().all(|a| a == "x2"), "{:?}", area_of(3));
    assert!(area_of(1).iter().all(Value::is_null), "{:?}", area_of(1));
    // The second `x1` (row 5) is left out as a duplicate; its problem is still inside it.
    let dup: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|c| c.contains("duplicate")))
        .collect();
    assert!(!dup.is_empty(), "{doc:#}");
    assert!(dup.iter().all(|d| d["area"] == "x1"), "{dup:?}");
    let v = valid(
        "validate",
        &["validate", VALUES, BAD_VALUES, "--format", "json"],
        1,
    );
    assert_eq!(
        v["data_diagnostics"].as_array().map(Vec::len),
        Some(diags.len())
    );
    assert_eq!(v["ok"], false);
    assert!(v["invalid_areas"]
        .as_array()
        .is_some_and(|l| l.contains(&Value::from("x2"))));
}

#[test]
fn validate_documents_fit_their_schema() {
    let doc = valid(
        "validate",
        &["validate", SHIPPED, SHIPPED_DATA, "--format", "json"],
        0,
    );
    assert_eq!(doc["ok"], true);
    assert_eq!(doc["summary"]["invalid"], 0);
    valid(
        "validate",
        &["validate", DRUGS, DRUGS_DATA, "--format", "json"],
        1,
    );
    valid(
        "validate",
        &["validate", BASIC, BASIC_DATA, "--format", "json"],
        0,
    );
}

#[test]
fn check_documents_fit_their_schema() {
    let ok = valid("check", &["check", BASIC, SHIPPED, "--format", "json"], 0);
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["files"].as_array().map(Vec::len), Some(2));
    let errors: Vec<String> = std::fs::read_dir(root().join("tests/spec/errors"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tc"))
        .map(|p| p.display().to_string())
        .collect();
    assert!(errors.len() >= 5);
    let mut args = vec!["check", "--format", "json"];
    args.extend(errors.iter().map(String::as_str));
    let bad = valid("check", &args, 2);
    assert_eq!(bad["ok"], false);
    for f in bad["files"].as_array().into_iter().flatten() {
        assert!(f["errors"].as_u64().is_some_and(|n| n > 0), "{f}");
        assert!(f["diagnostics"][0]["line"].is_u64(), "{f}");
    }
    valid(
        "check",
        &["check", "no-such-file.tc", "--format", "json"],
        2,
    );
}

#[test]
fn test_documents_fit_their_schema_passing_and_failing() {
    let doc = valid(
        "test",
        &["test", SHIPPED, BASIC, "--format", "json", "--coverage"],
        0,
    );
    assert_eq!(doc["failed"], 0);
    assert!(doc["files"][0]["coverage"].is_object());
    let text = std::fs::read_to_string(root().join(BASIC)).unwrap_or_default();
    let broken = text
        .replacen(
            "expect chuyen_hoa.C3 == pass",
            "expect chuyen_hoa.C3 == fail",
            1,
        )
        .replacen("expect T1 == met", "expect T1 == not_met", 1)
        .replacen(
            "expect chuyen_hoa == chua_dat",
            "expect chuyen_hoa == unknown",
            1,
        );
    assert_ne!(broken, text);
    let dir = std::env::temp_dir().join(format!("tieuchi-contract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("failing.tc");
    std::fs::write(&path, broken).unwrap_or_else(|e| panic!("{e}"));
    let path = path.display().to_string();
    let doc = valid("test", &["test", &path, "--format", "json"], 1);
    assert_eq!(doc["failed"], 3, "{doc:#}");
    let failures: Vec<&Value> = doc["files"][0]["tests"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["failures"].as_array().into_iter().flatten())
        .collect();
    assert!(failures.iter().any(|f| f["actual"]["kind"] == "target"));
    let explained: Vec<&Value> = failures
        .iter()
        .filter(|f| f["explanation"].is_object())
        .copied()
        .collect();
    assert!(!explained.is_empty());
    let first = &explained[0]["explanation"]["assessments"][0];
    assert!(first["points_range"]["min"].is_string(), "{first}");
    assert!(doc["files"][0]["coverage"].is_null());
}

#[test]
fn diff_documents_fit_their_schema_with_edits_numbered_from_one() {
    let doc = valid(
        "diff",
        &[
            "diff",
            SHIPPED,
            "rules/quang-binh-2025-draft.tc",
            SHIPPED_DATA,
            "--format",
            "json",
        ],
        0,
    );
    let edits = doc["edits"].as_array().cloned().unwrap_or_default();
    assert!(!edits.is_empty(), "{doc:#}");
    for (i, e) in edits.iter().enumerate() {
        assert_eq!(e["number"], i + 1, "{e}");
        assert!(e["applicable"].is_boolean(), "{e}");
    }
    let causes: Vec<u64> = doc["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|a| a["assessments"].as_array().into_iter().flatten())
        .flat_map(|a| a["causes"].as_array().into_iter().flatten())
        .filter_map(Value::as_u64)
        .collect();
    assert!(
        !causes.is_empty(),
        "the draft changes some verdict: {doc:#}"
    );
    assert!(
        causes.iter().all(|&c| c >= 1 && c as usize <= edits.len()),
        "{causes:?}"
    );
    let set = valid(
        "diff",
        &[
            "diff",
            BASIC,
            BASIC_DATA,
            "--set",
            "nguong_kham_pha=70%",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(set["edits"][0]["number"], 1);
    assert_eq!(set["edits"][0]["change"], "--set");
    valid(
        "diff",
        &["diff", VALUES, VALUES, BAD_VALUES, "--format", "json"],
        0,
    );
}

#[test]
fn sweep_documents_fit_their_schema() {
    let doc = valid(
        "sweep",
        &[
            "sweep",
            SHIPPED,
            SHIPPED_DATA,
            "--param",
            "nguong_kham_pha=60%..90%/10%",
            "--format",
            "json",
        ],
        0,
    );
    let rows = doc["rows"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["value"], "0.6");
    assert_eq!(rows[0]["written"], "60%");
    assert!(rows[0]["assessments"][0]["outcomes"][0]["areas"].is_u64());
    assert!(rows[0]["targets"][0]["result"].is_string());
    valid(
        "sweep",
        &[
            "sweep",
            BASIC,
            BASIC_DATA,
            "--param",
            "nguong_kham_pha=0%..100%/50%",
            "--format",
            "json",
        ],
        0,
    );
}

/// A workbook's problems name their area too (the reader's spans are the sheet's rows).
#[test]
fn data_diagnostics_of_a_workbook_name_their_area() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 4]; 3] = [
        ["id", "name", "nhom", "vu@nam"],
        ["x1", "Xã Một", "ttxh", "3"],
        ["x2", "Xã Hai", "ttxh", "nhiều"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, *cell)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let dir = std::env::temp_dir().join(format!("tieuchi-contract-wb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("areas.xlsx");
    book.save(&path).unwrap_or_else(|e| panic!("{e}"));
    let path = path.display().to_string();
    let doc = valid(
        "validate",
        &["validate", VALUES, &path, "--format", "json"],
        1,
    );
    let errors: Vec<&Value> = doc["data_diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{doc:#}");
    assert_eq!(errors[0]["area"], "x2", "{doc:#}");
    assert_eq!(doc["invalid_areas"], serde_json::json!(["x2"]));
}

/// docs/json.md names every document's schema file and every top-level field.
#[test]
fn the_contract_page_names_every_document_and_field() {
    let page = std::fs::read_to_string(root().join("docs/json.md")).unwrap_or_default();
    for (name, schema) in tieuchi::report::contract::schemas() {
        assert!(
            page.contains(&format!("schema/{name}.schema.json")),
            "{name}"
        );
        let fields = schema["properties"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        assert!(fields.len() >= 3, "{name}: {schema}");
        for field in fields.keys() {
            assert!(
                ["`", "[]`", "."]
                    .iter()
                    .any(|end| page.contains(&format!("`{field}{end}"))),
                "docs/json.md does not name `{field}` of {name}"
            );
        }
    }
}
