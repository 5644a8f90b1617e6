//! JSON data: `{ "areas": [ { "id", "name", "district", "values": { … } } ] }`, read with byte
//! ranges so every problem points at its place. Numbers keep their written digits.

use super::{DataCode, RawArea, RawValue};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use jsonc_parser::ast::{ObjectProp, Value as J};
use jsonc_parser::common::Ranged;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};
use std::collections::HashMap;

/// Reads the areas of a JSON data set.
pub fn read(text: &str, file: FileId) -> Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic> {
    let span = |r: jsonc_parser::common::Range| Span {
        file,
        start: r.start,
        end: r.end,
    };
    let opts = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        ..ParseOptions::default()
    };
    let parsed = parse_to_ast(text, &CollectOptions::default(), &opts).map_err(|e| {
        Diagnostic::error(
            DataCode::Read.code(),
            msg!("data-json-parse", reason = e.kind().to_string()),
            span(e.range()),
        )
    })?;
    let whole = Span {
        file,
        start: 0,
        end: text.len().min(1),
    };
    let shape = || {
        Diagnostic::error(DataCode::Read.code(), msg!("data-json-shape"), whole)
            .with_help(msg!("data-json-shape-help"))
    };
    let Some(J::Object(root)) = parsed.value else {
        return Err(shape());
    };
    let mut lists = root
        .properties
        .into_iter()
        .filter(|p| p.name.as_str() == "areas");
    let first = lists.next();
    if let (Some(first), Some(second)) = (&first, lists.next()) {
        return Err(repeated(
            "areas",
            msg!("data-place-data"),
            span(second.name.range()),
            span(first.name.range()),
        )
        .with_help(msg!("data-one-areas-list")));
    }
    let Some(J::Array(list)) = first.map(|p| p.value) else {
        return Err(shape());
    };
    let mut areas = Vec::new();
    let mut diags = Vec::new();
    for element in list.elements {
        match element {
            J::Object(o) => areas.push(area(o.properties, span(o.range), &span, &mut diags)),
            other => diags.push(Diagnostic::error(
                DataCode::Read.code(),
                msg!("data-json-area-object"),
                span(range_of(&other)),
            )),
        }
    }
    Ok((areas, diags))
}

fn area(
    props: Vec<ObjectProp>,
    at: Span,
    span: &impl Fn(jsonc_parser::common::Range) -> Span,
    diags: &mut Vec<Diagnostic>,
) -> RawArea {
    let mut a = RawArea {
        id: None,
        name: String::new(),
        district: String::new(),
        values: vec![],
        span: at,
        from_csv: false,
        broken: false,
    };
    let mut fields = HashMap::new();
    for p in props {
        let key = p.name.as_str().to_string();
        if is_repeat(
            &mut fields,
            &key,
            span(p.name.range()),
            msg!("data-place-area"),
            diags,
        ) {
            a.broken = true;
            continue;
        }
        match (key.as_str(), p.value) {
            ("id", J::StringLit(s)) => a.id = Some(s.value.into_owned()),
            ("id", J::NumberLit(n)) => a.id = Some(n.value.to_string()),
            ("name", J::StringLit(s)) => a.name = s.value.into_owned(),
            ("district", J::StringLit(s)) => a.district = s.value.into_owned(),
            ("values", J::Object(values)) => {
                let mut keys = HashMap::new();
                for v in values.properties {
                    let key_span = span(v.name.range());
                    let name = v.name.as_str().to_string();
                    if is_repeat(
                        &mut keys,
                        &name,
                        key_span,
                        msg!("diag-code", text = "values"),
                        diags,
                    ) {
                        a.broken = true;
                        continue;
                    }
                    let vspan = span(range_of(&v.value));
                    let raw = match v.value {
                        J::StringLit(s) => RawValue::Text(s.value.into_owned()),
                        J::NumberLit(n) => RawValue::Number(n.value.to_string()),
                        J::BooleanLit(b) => RawValue::Bool(b.value),
                        J::NullKeyword(_) => RawValue::Missing,
                        _ => {
                            diags.push(Diagnostic::error(
                                DataCode::WrongType.code(),
                                msg!("data-single-value", name = name.as_str()),
                                vspan,
                            ));
                            a.broken = true;
                            continue;
                        }
                    };
                    a.values.push((name, key_span, raw, vspan));
                }
            }
            (other, v) => {
                let message = msg!("data-json-unknown-field", field = other);
                diags.push(
                    Diagnostic::warning(DataCode::UnknownKey.code(), message, span(range_of(&v)))
                        .with_help(msg!("data-json-unknown-field-help")),
                );
            }
        }
    }
    a
}

/// Records `key` (compared in Unicode normal form C, as keys are matched); when it was already
/// there, reports the repetition and returns `true`.
fn is_repeat(
    seen: &mut HashMap<String, Span>,
    key: &str,
    at: Span,
    place: Msg,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let key = crate::source::nfc(key);
    match seen.get(&key) {
        Some(first) => {
            diags.push(repeated(&key, place, at, *first).with_help(msg!("data-keep-one")));
            true
        }
        None => {
            seen.insert(key, at);
            false
        }
    }
}

/// `key` written a second time at `at`.
fn repeated(key: &str, place: Msg, at: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        DataCode::DuplicateKey.code(),
        msg!("data-written-twice", key = key, place = place),
        at,
    )
    .with_secondary(first, msg!("data-first-written-here"))
}

fn range_of(v: &J) -> jsonc_parser::common::Range {
    match v {
        J::StringLit(x) => x.range,
        J::NumberLit(x) => x.range,
        J::BooleanLit(x) => x.range,
        J::Object(x) => x.range,
        J::Array(x) => x.range,
        J::NullKeyword(x) => x.range,
    }
}
