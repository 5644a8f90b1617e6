//! Exactness (LANGUAGE.md, Precise points): every decided result is the exact rational one,
//! numbers in data keep every digit or get a diagnostic naming the limit, JSON carries exact
//! values, and extreme numbers never crash an explanation.

use serde_json::Value;
use tieuchi::{assess_text, DataFormat};

/// Rules with one criterion `C { COND }` over inputs `x`, `y` (numbers) and `n` (count).
fn rules(cond: &str) -> String {
    format!(
        r#"
ruleset e "Exact"
input x "X": number
input y "Y": number
input n "N": count
input p "P": percent
assessment a "A" {{
  criterion C "c" required {{ {cond} }}
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}}
"#
    )
}

fn assess(cond: &str, values: &str) -> Value {
    let data = format!(r#"{{ "areas": [ {{ "id": "a1", "values": {{ {values} }} }} ] }}"#);
    match assess_text(&rules(cond), &data, DataFormat::Json, &[]) {
        Ok(o) => o.to_json(true),
        Err(d) => panic!(
            "rules do not check: {:?}",
            d.iter().map(|d| &d.message).collect::<Vec<_>>()
        ),
    }
}

fn result(doc: &Value) -> &str {
    doc["areas"][0]["assessments"]["a"]["criteria"][0]["result"]
        .as_str()
        .unwrap_or("?")
}

#[test]
fn a_tiny_addition_to_a_large_number_is_still_larger() {
    let doc = assess("x + 0.000000001 > x", r#""x": "99999999999999999999.5""#);
    assert_eq!(result(&doc), "pass", "{doc}");
}

#[test]
fn a_ratio_times_its_divisor_gives_back_the_dividend() {
    let doc = assess("ratio(x, y) * y == x", r#""x": "0.8", "y": 6"#);
    assert_eq!(result(&doc), "pass", "{doc}");
    let doc = assess(
        "ratio(1, 3) * 3 == 1 and ratio(2, 3) >= 66.66%",
        r#""x": 1"#,
    );
    assert_eq!(result(&doc), "pass", "{doc}");
}

#[test]
fn a_thirty_digit_number_in_data_is_held_exactly() {
    let big = "123456789012345678901234567890";
    let doc = assess(
        &format!("x == {big} and x - 1 < x"),
        &format!(r#""x": {big}"#),
    );
    assert_eq!(result(&doc), "pass", "{doc}");
    assert_eq!(doc["data_diagnostics"].as_array().map(Vec::len), Some(0));
}

#[test]
fn many_decimal_places_are_exact_never_rounded_to_zero() {
    let tiny = format!("0.{}1", "0".repeat(28)); // 29 places
    let doc = assess("x > 0", &format!(r#""x": "{tiny}""#));
    assert_eq!(result(&doc), "pass", "{doc}");
}

#[test]
fn a_number_beyond_the_limit_names_the_limit_and_is_not_echoed_whole() {
    let huge = "9".repeat(10_000);
    let doc = assess("x > 0", &format!(r#""x": {huge}"#));
    let diags = doc["data_diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(diags.len(), 1, "{doc}");
    let message = diags[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("more than 38 significant digits"),
        "{message}"
    );
    assert!(!message.contains("not a number"), "{message}");
    assert!(
        message.len() < 300,
        "the value is echoed whole: {} bytes",
        message.len()
    );
    assert_eq!(diags[0]["code"], "tieuchi::data::number_limit");
    assert_eq!(doc["areas"][0]["assessments"]["a"]["verdict"], "invalid");
}

#[test]
fn overflow_is_unknown_with_the_reason_overflow() {
    let big = "1".repeat(38);
    let doc = assess("x * x > 0", &format!(r#""x": {big}"#));
    assert_eq!(result(&doc), "unknown", "{doc}");
    let text = doc.to_string();
    assert!(
        text.contains("overflow") || text.contains("Overflow"),
        "{text}"
    );
}

#[test]
fn json_numbers_are_exact_strings() {
    let rules = r#"
ruleset s "Share"
input n "N": count
assessment a "A" {
  criterion C "c" required { n >= 1 }
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
target T "two of three" { share(a == dat) >= 60% }
"#;
    let data = r#"{ "areas": [ { "id": "a", "values": { "n": 1 } }, { "id": "b", "values": { "n": 1 } },
                  { "id": "c", "values": { "n": 0 } } ] }"#;
    let doc = assess_text(rules, data, DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or(Value::Null);
    assert_eq!(doc["targets"][0]["counts"][0]["value"], "2/3", "{doc}");
    assert_eq!(doc["targets"][0]["result"], "met");
    assert!(!doc.to_string().contains("0.666"), "{doc}");
}

#[test]
fn extreme_values_explain_without_crashing() {
    let near_max = "79228162514264337593543950335";
    // A percent-typed value shown as a percent, and a shortfall across the whole range.
    let doc = assess(
        &format!("ratio(n, 1) >= 100% and x >= {near_max}"),
        &format!(r#""n": {near_max}0, "x": -{near_max}"#),
    );
    assert_eq!(result(&doc), "fail", "{doc}");
    let doc = assess(&format!("x >= {near_max}"), &format!(r#""x": -{near_max}"#));
    assert_eq!(result(&doc), "fail", "{doc}");
    let text = doc.to_string();
    assert!(text.contains("short"), "{text}");
}

#[test]
fn huge_point_weights_are_a_check_error_not_a_crash() {
    let rules = r#"
ruleset p "Points"
input n "N": count
assessment a "A" {
  criterion C1 "c1" points 50000000000000000000000000000 { n >= 1 }
  criterion C2 "c2" points 50000000000000000000000000000 { n >= 2 }
  outcome dat "Đạt" when points >= 60
  outcome khong "Không" otherwise
}
"#;
    let checked = tieuchi::check_text("p.tc", rules);
    assert!(checked.rules.is_none());
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"tieuchi::check::bad_points"), "{codes:?}");
}

#[test]
fn ron_numbers_keep_every_digit_as_written() {
    let rules = rules("x == 123456789012345678901234567890 and y > 0.1");
    let data = r#"(areas: [
  (id: "a1", values: { "x": 123456789012345678901234567890, "y": Some(0.10000000000000000001) }),
])"#;
    let doc = assess_text(&rules, data, DataFormat::Ron, &[])
        .map(|o| o.to_json(false))
        .unwrap_or(Value::Null);
    assert_eq!(result(&doc), "pass", "{doc}");
}

#[test]
fn a_product_too_fine_to_hold_is_unknown_with_the_reason_and_shown_exactly() {
    let tiny = format!("0.{}1", "0".repeat(29));
    let values = format!(r#""x": "{tiny}""#);
    let doc = assess("x * x > 0", &values);
    assert_eq!(result(&doc), "unknown", "{doc}");
    let text = doc.to_string();
    assert!(text.contains(r#""kind":"overflow""#), "{text}");
    let data = format!(r#"{{ "areas": [ {{ "id": "a", "values": {{ {values} }} }} ] }}"#);
    let out = assess_text(&rules("x * x > 0"), &data, DataFormat::Json, &[])
        .ok()
        .and_then(|o| {
            let x = o.explain(0)?;
            Some(tieuchi::report::explain::area(
                o.program(),
                "a",
                &x,
                false,
                tieuchi::i18n::Lang::En,
            ))
        })
        .unwrap_or_default();
    assert!(out.contains(&format!("x = {tiny}")), "{out}");
}
