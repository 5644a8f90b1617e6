//! RON data: `(areas: [ (id: "…", name: "…", district: "…", values: { "key": value }) ])`.
//! RON has no positions for values, so problems point at the key's first quoted occurrence
//! inside the area.

use super::{DataCode, RawArea, RawValue};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use ron::Value as R;

/// Reads the areas of a RON data set.
pub fn read(text: &str, file: FileId) -> Result<(Vec<RawArea>, Vec<Diagnostic>), Diagnostic> {
    let root: R = ron::from_str(text).map_err(|e| {
        let at = offset_of(text, e.position.line, e.position.col);
        Diagnostic::error(
            DataCode::Read.code(),
            msg!("data-ron-parse", reason = e.code.to_string()),
            Span {
                file,
                start: at,
                end: at,
            },
        )
    })?;
    let shape = || {
        let whole = Span {
            file,
            start: 0,
            end: 0,
        };
        Diagnostic::error(DataCode::Read.code(), msg!("data-ron-shape"), whole)
            .with_help(msg!("data-ron-shape-help"))
    };
    let R::Map(root) = root else {
        return Err(shape());
    };
    let Some(R::Seq(list)) = root
        .iter()
        .find(|(k, _)| key_str(k) == Some("areas"))
        .map(|(_, v)| v.clone())
    else {
        return Err(shape());
    };
    let repeats = super::ron_repeats::repeated_keys(text);
    if let Some(r) = repeats.iter().find(|r| r.area.is_none()) {
        let at = nth_from(text, 0, &r.key, 2).unwrap_or(0);
        let span = Span {
            file,
            start: at,
            end: at + r.key.len(),
        };
        return Err(
            repeated(&r.key, msg!("data-place-data"), span).with_help(msg!("data-one-areas-list"))
        );
    }
    let mut cursor = 0;
    let mut areas = Vec::new();
    let mut diags = Vec::new();
    for (index, item) in list.into_iter().enumerate() {
        let R::Map(fields) = item else {
            diags.push(Diagnostic::error(
                DataCode::Read.code(),
                msg!("data-ron-area-struct"),
                Span {
                    file,
                    start: cursor,
                    end: cursor,
                },
            ));
            continue;
        };
        let mut a = area(&fields, text, file, &mut cursor);
        for r in repeats.iter().filter(|r| r.area == Some(index)) {
            let quoted = format!("\"{}\"", r.key);
            let span = nth_from(text, a.span.start, &quoted, 2).map_or(a.span, |at| Span {
                file,
                start: at,
                end: at + quoted.len(),
            });
            diags.push(
                repeated(&r.key, msg!("data-place-area"), span).with_help(msg!("data-keep-one")),
            );
            a.broken = true;
        }
        areas.push(a);
    }
    Ok((areas, diags))
}

/// `key` written a second time.
fn repeated(key: &str, place: Msg, at: Span) -> Diagnostic {
    Diagnostic::error(
        DataCode::DuplicateKey.code(),
        msg!("data-written-twice", key = key, place = place),
        at,
    )
}

/// Where the `n`th occurrence of `needle` at or after `from` starts.
fn nth_from(text: &str, from: usize, needle: &str, n: usize) -> Option<usize> {
    let mut at = find_from(text, from, needle)?;
    for _ in 1..n {
        at = find_from(text, at + 1, needle)?;
    }
    Some(at)
}

fn area(fields: &ron::Map, text: &str, file: FileId, cursor: &mut usize) -> RawArea {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| key_str(k) == Some(name))
            .map(|(_, v)| v)
    };
    let id = get("id").and_then(|v| scalar(v).map(|(s, _)| s));
    let start = id
        .as_ref()
        .and_then(|i| find_from(text, *cursor, &format!("\"{i}\"")))
        .unwrap_or(*cursor);
    *cursor = start + 1;
    let text_of = |v: Option<&R>| {
        v.and_then(|v| scalar(v).map(|(s, _)| s))
            .unwrap_or_default()
    };
    let mut area = RawArea {
        id,
        name: text_of(get("name")),
        district: text_of(get("district")),
        values: vec![],
        span: Span {
            file,
            start,
            end: start + 1,
        },
        from_csv: false,
        broken: false,
    };
    if let Some(R::Map(values)) = get("values") {
        for (k, v) in values.iter() {
            let key = key_str(k).map(str::to_string).unwrap_or_default();
            let at = find_from(text, start, &format!("\"{key}\"")).unwrap_or(start);
            let span = Span {
                file,
                start: at,
                end: at + key.len() + 2,
            };
            let raw = match v {
                R::Option(None) | R::Unit => RawValue::Missing,
                R::Bool(b) => RawValue::Bool(*b),
                R::Option(Some(inner)) => scalar(inner).map_or(RawValue::Missing, |(s, n)| {
                    if n {
                        RawValue::Number(s)
                    } else {
                        RawValue::Text(s)
                    }
                }),
                other => scalar(other).map_or(RawValue::Missing, |(s, n)| {
                    if n {
                        RawValue::Number(s)
                    } else {
                        RawValue::Text(s)
                    }
                }),
            };
            let raw = match raw {
                RawValue::Number(shown) => {
                    RawValue::Number(as_written(text, span.end, v).unwrap_or(shown))
                }
                other => other,
            };
            area.values.push((key, span, raw, span));
        }
    }
    area
}

/// The number as written after `"key"` (ending at `after`): `ron::Value` holds numbers as f64,
/// which keeps only about 16 digits, so the digits are taken from the text. `None` when the
/// text there is not that number (the f64 reading is then used).
fn as_written(text: &str, after: usize, v: &R) -> Option<String> {
    let rest = text
        .get(after..)?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let rest = rest.strip_prefix("Some(").map_or(rest, str::trim_start);
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E' | '_'))
        .filter(|c| *c != '_')
        .collect();
    let number = match v {
        R::Option(Some(inner)) => inner.as_ref(),
        other => other,
    };
    let same = match number {
        R::Number(ron::Number::Float(f)) => token.parse::<f64>().ok() == Some(f.get()),
        R::Number(ron::Number::Integer(i)) => token.parse::<i64>().ok() == Some(*i),
        _ => false,
    };
    same.then_some(token)
}

/// A scalar as text, and whether it is a number.
fn scalar(v: &R) -> Option<(String, bool)> {
    match v {
        R::String(s) => Some((s.clone(), false)),
        R::Char(c) => Some((c.to_string(), false)),
        R::Number(ron::Number::Integer(i)) => Some((i.to_string(), true)),
        // The shortest text that reads back as the same f64; the digits as written are taken
        // from the text where they can be found (see `as_written`).
        R::Number(ron::Number::Float(f)) => Some((f.get().to_string(), true)),
        R::Bool(b) => Some((b.to_string(), false)),
        _ => None,
    }
}

fn key_str(k: &R) -> Option<&str> {
    match k {
        R::String(s) => Some(s),
        _ => None,
    }
}

fn find_from(text: &str, from: usize, needle: &str) -> Option<usize> {
    text.get(from..)?.find(needle).map(|i| i + from)
}

fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = text.get(start..).unwrap_or("");
    start
        + line_text
            .chars()
            .take(col.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>()
}
