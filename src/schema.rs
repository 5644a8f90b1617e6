//! The JSON Schema (2020-12) of the JSON data sets a ruleset accepts (`tieuchi schema RULES`),
//! so another tool can validate data before it calls tieuchi.
//!
//! The schema accepts the spellings the JSON reader accepts, in their plain form: a count,
//! number or percent may be a JSON number or a string of digits (a percent also with `%`); a
//! yes/no is a boolean or `"true"`/`"false"` in any case; every value may be `null` (missing).
//! Where they differ: `validate` also takes spaces around a value, an exponent in a number
//! written as a string (`"1e2"`) and a date with a one-digit month or day, which the schema
//! rejects; the schema rejects what `validate` only warns about and ignores (an area field other
//! than `id`, `name`, `district`, `values`); and what a schema cannot say is left to `validate`:
//! two areas with one id, and numbers past the engine's 28 significant digits.

use crate::check::{InputType, Rules};
use serde_json::{json, Map, Value as J};

/// A decimal as `Num::parse` reads it, without sign.
const DECIMAL: &str = r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?";

/// The JSON Schema of the data sets `rules` accepts.
pub fn schema(rules: &Rules) -> J {
    let mut values = Map::new();
    for slot in 0..rules.slots.len() as u32 {
        values.insert(rules.slot_name(slot), slot_schema(rules, slot));
    }
    let area = json!({
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": { "type": ["string", "number"], "description": "mã địa bàn, duy nhất trong tập dữ liệu" },
            "name": { "type": "string" },
            "district": { "type": "string" },
            "values": {
                "type": "object",
                "properties": values,
                "additionalProperties": false
            }
        },
        "additionalProperties": false
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("Dữ liệu cho {} — {}", rules.id, rules.title),
        "description": "A tieuchi data set: `areas`, each with `id`, `name`, `district` and `values` (one per input or input@period; null or absent is missing).",
        "type": "object",
        "required": ["areas"],
        "properties": {
            "areas": { "type": "array", "items": { "$ref": "#/$defs/area" } }
        },
        "$defs": { "area": area }
    })
}

/// The schema of one data key: its type, with its label (and period) as `title`.
fn slot_schema(rules: &Rules, slot: u32) -> J {
    let s = rules.slots[slot as usize];
    let input = &rules.inputs[s.input as usize];
    let title = match s.period.and_then(|p| rules.periods.get(p as usize)) {
        Some(p) => format!("{} — {} ({} – {})", input.label, p.label, p.from, p.to),
        None => input.label.clone(),
    };
    let mut one = type_schema(&input.ty);
    if let J::Object(m) = &mut one {
        m.insert("title".into(), J::String(title));
        m.insert("x-tieuchi-type".into(), J::String(input.ty.name().into()));
    }
    one
}

/// The accepted JSON values of an input type (`null` always: missing).
pub fn type_schema(ty: &InputType) -> J {
    let ws = |p: &str| format!(r"^(?:{p})$");
    match ty {
        InputType::Count => json!({ "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "string", "pattern": ws(r"\+?(?:[0-9]+\.?0*|\.0+)|-(?:0+\.?0*|\.0+)") },
            { "type": "null" } ],
            "description": "a whole number ≥ 0" }),
        InputType::Number => json!({ "anyOf": [
            { "type": "number" },
            { "type": "string", "pattern": ws(&format!("[+-]?{DECIMAL}")) },
            { "type": "null" } ] }),
        InputType::Percent => json!({ "anyOf": [
            { "type": "number", "minimum": 0, "maximum": 100 },
            { "type": "string", "pattern": ws(&format!(r"(?:{})%?", percent_points())) },
            { "type": "null" } ],
            "description": "percent points 0–100 (87.5), or a string such as \"87.5%\"" }),
        InputType::YesNo => json!({ "anyOf": [
            { "type": "boolean" },
            { "type": "string", "pattern": ws("(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])") },
            { "type": "null" } ] }),
        InputType::Date => json!({ "anyOf": [
            { "type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            { "type": "null" } ],
            "description": "YYYY-MM-DD" }),
        InputType::Text => json!({ "type": ["string", "number", "null"] }),
        InputType::Choice(opts) => {
            let mut one: Vec<J> = opts
                .iter()
                .map(|(id, label)| match label {
                    Some(l) => json!({ "const": id, "title": l }),
                    None => json!({ "const": id }),
                })
                .collect();
            one.push(json!({ "type": "null" }));
            json!({ "oneOf": one, "description": "one option id" })
        }
    }
}

/// 0 to 100 in percent points, as the readers take them (no sign, no exponent).
fn percent_points() -> &'static str {
    r"\+?(?:0*(?:100(?:\.0*)?|[0-9]{1,2}(?:\.[0-9]*)?)|\.[0-9]+)|-(?:0+\.?0*|\.0+)"
}
