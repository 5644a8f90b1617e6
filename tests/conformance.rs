//! Runs the acceptance cases of `tests/spec/*/cases.json` (a copy of `../shared/examples`)
//! against the built binary, as `../shared/conformance/run.py` does. A case for a command the
//! binary does not have yet is reported as pending, not passed.

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn normalise(doc: &Value) -> Value {
    let mut areas = Map::new();
    for area in doc["areas"].as_array().into_iter().flatten() {
        let mut out = Map::new();
        for (name, a) in area["assessments"].as_object().into_iter().flatten() {
            let mut entry = Map::new();
            entry.insert("verdict".into(), a["verdict"].clone());
            if let Some(p) = a.get("points") {
                entry.insert("points".into(), p.clone());
            }
            if let Some(p) = a.get("possible").filter(|p| !p.is_null()) {
                entry.insert("possible".into(), p.clone());
            }
            let criteria: Map<String, Value> = a["criteria"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| {
                    (
                        c["id"].as_str().unwrap_or_default().to_string(),
                        c["result"].clone(),
                    )
                })
                .collect();
            entry.insert("criteria".into(), Value::Object(criteria));
            out.insert(name.clone(), Value::Object(entry));
        }
        areas.insert(
            area["id"].as_str().unwrap_or_default().to_string(),
            Value::Object(out),
        );
    }
    let targets: Map<String, Value> = doc["targets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| {
            (
                t["id"].as_str().unwrap_or_default().to_string(),
                t["result"].clone(),
            )
        })
        .collect();
    serde_json::json!({ "areas": areas, "targets": targets })
}

/// A JSON number or a number-as-string, as an exact number (fractions `a/b` included).
fn exact(v: &Value) -> Option<tieuchi::num::Num> {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    match text.split_once('/') {
        Some((a, b)) => a
            .parse::<tieuchi::num::Num>()
            .ok()?
            .checked_div(b.parse().ok()?),
        None => text.parse().ok(),
    }
}

fn compare(expected: &Value, actual: &Value, at: &str, problems: &mut Vec<String>) {
    match expected {
        Value::Object(map) => {
            for (k, v) in map {
                match actual.get(k) {
                    Some(a) => compare(v, a, &format!("{at}.{k}"), problems),
                    None => problems.push(format!("{at}.{k}: missing (expected {v})")),
                }
            }
        }
        Value::Array(list) => {
            let mut want: Vec<String> = list.iter().map(ToString::to_string).collect();
            let mut got: Vec<String> = actual
                .as_array()
                .into_iter()
                .flatten()
                .map(ToString::to_string)
                .collect();
            want.sort();
            got.sort();
            if want != got {
                problems.push(format!("{at}: expected {want:?}, got {got:?}"));
            }
        }
        // Numbers in tieuchi's JSON are exact strings ("40", "0.875", "2/3"): compared exactly.
        Value::Number(n) if exact(actual) != exact(&Value::Number(n.clone())) => {
            problems.push(format!("{at}: expected {n}, got {actual}"));
        }
        Value::Number(_) => {}
        other if other != actual => problems.push(format!("{at}: expected {other}, got {actual}")),
        _ => {}
    }
}

enum Outcome {
    Passed,
    Pending,
    Failed(Vec<String>),
}

fn run_case(folder: &Path, case: &Value) -> Outcome {
    let args: Vec<&str> = case["args"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .args(&args)
        .current_dir(folder)
        .env("NO_COLOR", "1")
        .output();
    let Ok(out) = out else {
        return Outcome::Failed(vec!["could not run the binary".into()]);
    };
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let all = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    if all.contains("unrecognized subcommand") {
        return Outcome::Pending;
    }
    let mut problems = Vec::new();
    let code = out.status.code();
    if let Some(want) = case.get("exit").and_then(Value::as_i64) {
        if code != Some(want as i32) {
            problems.push(format!("exit code {code:?}, expected {want}"));
        }
    }
    if let Some(any) = case.get("exit_any").and_then(Value::as_array) {
        if !any.iter().any(|w| w.as_i64().map(|w| w as i32) == code) {
            problems.push(format!("exit code {code:?}, expected one of {any:?}"));
        }
    }
    if code.is_none() || all.contains("panicked at") {
        problems.push("the program crashed".into());
    }
    for needle in case["output_has"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if !all.contains(needle) {
            problems.push(format!("output lacks {needle:?}"));
        }
    }
    for options in case["output_has_any"].as_array().into_iter().flatten() {
        let opts: Vec<&str> = options
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if !opts.iter().any(|o| all.contains(o)) {
            problems.push(format!("output lacks any of {opts:?}"));
        }
    }
    if let Some(want) = case.get("json") {
        match serde_json::from_str::<Value>(&stdout) {
            Ok(doc) => compare(want, &normalise(&doc), "json", &mut problems),
            Err(e) => problems.push(format!("stdout is not one JSON document: {e}")),
        }
    }
    if problems.is_empty() {
        Outcome::Passed
    } else {
        Outcome::Failed(problems)
    }
}

fn case_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("cases.json"))
        .filter(|p| p.exists())
        .collect();
    files.sort();
    files
}

#[test]
fn shared_acceptance_cases_pass() {
    let files = case_files();
    for folder in ["basic", "drugs", "errors"] {
        assert!(
            files
                .iter()
                .any(|f| f.ends_with(format!("{folder}/cases.json"))),
            "tests/spec/{folder}/cases.json is missing (a copy of ../shared/examples)"
        );
    }
    let (mut passed, mut pending, mut failed) = (0, 0, Vec::new());
    for file in files {
        let folder = file.parent().unwrap_or(Path::new("."));
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let cases: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
        assert!(!cases.is_empty(), "{} has no cases", file.display());
        for case in cases {
            let name = format!(
                "{}/{}",
                folder.file_name().unwrap_or_default().to_string_lossy(),
                case["name"].as_str().unwrap_or("?")
            );
            match run_case(folder, &case) {
                Outcome::Passed => passed += 1,
                Outcome::Pending => {
                    pending += 1;
                    eprintln!("PENDING {name}");
                }
                Outcome::Failed(p) => failed.push(format!("{name}: {}", p.join("; "))),
            }
        }
    }
    eprintln!(
        "acceptance: {passed} passed, {pending} pending, {} failed",
        failed.len()
    );
    assert!(failed.is_empty(), "failed cases:\n{}", failed.join("\n"));
    assert!(passed > 0);
}
