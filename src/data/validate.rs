//! Checking raw values against the rules' inputs.

use super::numbers::{normalize, NumberStyle};
use super::{Area, RawArea, RawValue};
use crate::check::{InputType, Rules};
use crate::diag::{did_you_mean, Diagnostic};
use crate::i18n::Msg;
use crate::msg;
use crate::num::{Num, NumError, MAX_DIGITS};
use crate::value::Value;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Codes of data diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataCode {
    /// The file cannot be read or parsed at all.
    Read,
    /// A key that is no input, e.g. `nguoi_nghein`.
    UnknownKey,
    /// A value of the wrong type, e.g. `"abc"` for a count.
    WrongType,
    /// A count below zero, e.g. `-5`.
    NegativeCount,
    /// A count with a fraction, e.g. `2.5`.
    FractionalCount,
    /// A percent outside 0–100%, e.g. `120`.
    PercentRange,
    /// An option that the choice does not list.
    NotAnOption,
    /// A date that does not exist or is not written `YYYY-MM-DD`.
    BadDate,
    /// A spreadsheet number in a percent column that reads two ways: `0.875` in a cell not
    /// formatted as a percent (87.5%, or 0.875%?).
    AmbiguousPercent,
    /// Two areas with the same id.
    DuplicateId,
    /// An area without an id.
    MissingId,
    /// A number the engine cannot hold exactly, e.g. 39 significant digits.
    NumberLimit,
    /// A key written twice where it must be once: `"vu": 1, "vu": 2` in one area's `values`,
    /// two `"id"`s in one area, two `areas` lists, two CSV columns with one name.
    DuplicateKey,
    /// A number whose reading depends on the decimal mark: `10.000` in a count of a file with
    /// decimal points, `1,234`, or grouping that does not fit (`1.23.4`).
    AmbiguousNumber,
    /// No area has a value for an input the rules read (a forgotten column): a warning.
    NoValues,
}

impl DataCode {
    /// The stable code string.
    pub fn code(self) -> &'static str {
        match self {
            DataCode::Read => "tieuchi::data::read",
            DataCode::UnknownKey => "tieuchi::data::unknown_key",
            DataCode::WrongType => "tieuchi::data::wrong_type",
            DataCode::NegativeCount => "tieuchi::data::negative_count",
            DataCode::FractionalCount => "tieuchi::data::fractional_count",
            DataCode::PercentRange => "tieuchi::data::percent_range",
            DataCode::NotAnOption => "tieuchi::data::not_an_option",
            DataCode::BadDate => "tieuchi::data::bad_date",
            DataCode::AmbiguousPercent => "tieuchi::data::ambiguous_percent",
            DataCode::DuplicateId => "tieuchi::data::duplicate_id",
            DataCode::MissingId => "tieuchi::data::missing_id",
            DataCode::NumberLimit => "tieuchi::data::number_limit",
            DataCode::DuplicateKey => "tieuchi::data::duplicate_key",
            DataCode::AmbiguousNumber => "tieuchi::data::ambiguous_number",
            DataCode::NoValues => "tieuchi::data::no_values",
        }
    }
}

/// A value that does not fit: the code, the message and help.
pub type ValueProblem = (DataCode, Msg, Msg);

/// How one file's values are read, beyond the rules.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// How text numbers are written (CSV cells; JSON and RON strings are read [`NumberStyle::Usual`]).
    pub style: Option<NumberStyle>,
    /// Keys that are no input of these rules but are known elsewhere (`diff OLD NEW DATA`: the
    /// other rules file's inputs): ignored, not problems.
    pub also_known: std::collections::HashSet<String>,
}

/// Validates raw areas: the areas (invalid ones marked) and the problems found, reading values
/// as `reading` says. An area whose id an earlier area already has is left out (the first is
/// used), so that it is counted once.
pub fn validate_with(
    rules: &Rules,
    raw: Vec<RawArea>,
    reading: &Reading,
) -> (Vec<Area>, Vec<Diagnostic>) {
    let mut v = Validator::new(rules, reading);
    let mut diags = Vec::new();
    let mut areas = Vec::with_capacity(raw.len());
    for r in raw {
        if let Some(area) = v.area(r, &mut diags) {
            areas.push(area);
        }
    }
    (areas, diags)
}

/// Validates the raw areas of one data set one at a time, remembering what the next need: the
/// ids seen (a repeated id is left out) and the CSV columns already reported.
pub struct Validator<'r> {
    rules: &'r Rules,
    reading: &'r Reading,
    keys: HashMap<String, u32>,
    seen: HashMap<Box<str>, crate::ast::Span>,
    reported_columns: std::collections::HashSet<String>,
    /// Raw areas seen, left-out duplicates included.
    count: usize,
}

impl<'r> Validator<'r> {
    /// A validator for `rules` that has seen no area.
    pub fn new(rules: &'r Rules, reading: &'r Reading) -> Validator<'r> {
        Validator {
            rules,
            reading,
            keys: (0..rules.slots.len() as u32)
                .map(|s| (rules.slot_name(s), s))
                .collect(),
            seen: HashMap::new(),
            reported_columns: std::collections::HashSet::new(),
            count: 0,
        }
    }

    /// The next raw area validated (`None` when its id repeats an earlier one's: left out),
    /// its problems added to `diags`.
    pub fn area(&mut self, r: RawArea, diags: &mut Vec<Diagnostic>) -> Option<Area> {
        let (rules, reading, keys) = (self.rules, self.reading, &self.keys);
        let i = self.count;
        self.count += 1;
        let mut area = Area::empty(rules.slots.len());
        area.span = r.span;
        area.name = r.name;
        area.district = r.district;
        area.invalid = r.broken;
        match r.id {
            Some(id) => {
                if let Some(first) = self.seen.get(id.as_str()) {
                    diags.push(duplicate(&id, r.span, *first));
                    return None;
                }
                self.seen.insert(id.as_str().into(), r.span);
                area.id = id;
            }
            None => {
                let message = msg!("data-no-id", area = (i + 1).to_string());
                area.problems.push(message.clone().into());
                diags.push(
                    Diagnostic::error(DataCode::MissingId.code(), message, r.span)
                        .with_help(msg!("data-no-id-help")),
                );
                area.id = format!("#{}", i + 1);
                area.invalid = true;
            }
        }
        for (key, key_span, value, value_span) in r.values {
            let key = crate::source::nfc(&key);
            let Some(&slot) = keys.get(&key) else {
                if reading.also_known.contains(&key) {
                    continue;
                }
                // A CSV column is reported once; a row is invalid when it has a value there.
                let first = !r.from_csv || self.reported_columns.insert(key.clone());
                if first {
                    diags.push(unknown_key(&key, key_span, &area.id, r.from_csv, keys));
                }
                if !(r.from_csv && value == RawValue::Missing) {
                    area.invalid = true;
                    area.problems
                        .push(msg!("data-not-an-input", key = key.as_str()).into());
                }
                continue;
            };
            let s = rules.slots[slot as usize];
            let input = &rules.inputs[s.input as usize];
            let style = if r.from_csv { reading.style } else { None };
            match parse_value_styled(
                &input.ty,
                &value,
                r.from_csv,
                style.unwrap_or(NumberStyle::Usual),
            ) {
                Ok(None) => {}
                Ok(Some(Value::Text(_))) => {
                    let text = match &value {
                        RawValue::Text(t) | RawValue::Number(t) | RawValue::CellNumber(t) => {
                            t.clone()
                        }
                        RawValue::Bool(b) => b.to_string(),
                        RawValue::Missing => String::new(),
                    };
                    area.texts.push(text);
                    area.values[slot as usize] = Value::Text(area.texts.len() as u32 - 1);
                }
                Ok(Some(v)) => area.values[slot as usize] = v,
                Err((code, msg, help)) => {
                    let message = msg!(
                        "data-value-of-area",
                        key = key.as_str(),
                        area = area.id.as_str(),
                        problem = msg.clone()
                    );
                    area.problems
                        .push(msg!("data-value", key = key.as_str(), problem = msg.clone()).into());
                    let d = Diagnostic::error(code.code(), message, value_span)
                        .with_label(msg)
                        .with_help(help);
                    diags.push(d);
                    area.invalid = true;
                }
            }
        }
        Some(area)
    }
}

fn duplicate(id: &str, at: crate::ast::Span, first: crate::ast::Span) -> Diagnostic {
    Diagnostic::error(
        DataCode::DuplicateId.code(),
        msg!("data-duplicate-id", id = id),
        at,
    )
    .with_label(msg!("data-left-out"))
    .with_secondary(first, msg!("data-this-one-used"))
    .with_help(msg!("data-duplicate-id-help"))
}

fn unknown_key(
    key: &str,
    span: crate::ast::Span,
    area: &str,
    csv: bool,
    keys: &HashMap<String, u32>,
) -> Diagnostic {
    let (message, label) = if csv {
        (
            msg!("data-column-not-an-input", key = key),
            msg!("data-column-not-assessed"),
        )
    } else {
        (
            msg!("data-not-an-input", key = key),
            msg!("data-in-area", area = area),
        )
    };
    let help = did_you_mean(key, keys.keys().map(String::as_str))
        .unwrap_or_else(|| msg!("data-input-period-help"));
    Diagnostic::error(DataCode::UnknownKey.code(), message, span)
        .with_label(label)
        .with_help(help)
}

/// Reads one raw value as a value of an input type (`None` when missing); a text number is
/// read with a decimal point, and `10.000` for a count is ambiguous.
pub fn parse_value(
    ty: &InputType,
    raw: &RawValue,
    csv: bool,
) -> Result<Option<Value>, ValueProblem> {
    parse_value_styled(ty, raw, csv, NumberStyle::Usual)
}

/// [`parse_value`] with the file's number style for texts (a JSON number is read as written).
pub fn parse_value_styled(
    ty: &InputType,
    raw: &RawValue,
    csv: bool,
    style: NumberStyle,
) -> Result<Option<Value>, ValueProblem> {
    let style = match raw {
        RawValue::Number(_) | RawValue::CellNumber(_) => NumberStyle::Point,
        _ => style,
    };
    let text = match raw {
        RawValue::Missing => return Ok(None),
        RawValue::Text(t) if t.trim().is_empty() && csv => return Ok(None),
        RawValue::CellNumber(t) if *ty == InputType::Percent => return cell_percent(t, ty),
        RawValue::Text(t) | RawValue::Number(t) | RawValue::CellNumber(t) => t.trim(),
        RawValue::Bool(b) => {
            return match ty {
                InputType::YesNo => Ok(Some(Value::Bool(*b))),
                _ => Err(wrong(ty, &b.to_string())),
            }
        }
    };
    let value = match ty {
        InputType::Count => count(text, ty, style)?,
        InputType::Number => Value::Num(number(text, ty, style, false)?),
        InputType::Percent => percent(text, ty, style)?,
        InputType::YesNo => yes_no(text, csv).ok_or_else(|| wrong(ty, text))?,
        InputType::Date => date(text, csv)?,
        InputType::Text => Value::Text(0),
        InputType::Choice(opts) => choice(text, opts)?,
    };
    Ok(Some(value))
}

fn wrong(ty: &InputType, text: &str) -> ValueProblem {
    let help = match ty {
        InputType::Count => msg!("data-wrong-count-help"),
        InputType::Number => msg!("data-wrong-number-help"),
        InputType::Percent => msg!("data-wrong-percent-help"),
        InputType::YesNo => msg!("data-wrong-yes-no-help"),
        InputType::Date => msg!("data-date-help"),
        InputType::Text => msg!("data-wrong-text-help"),
        InputType::Choice(_) => msg!("data-wrong-choice-help"),
    };
    (
        DataCode::WrongType,
        msg!("data-wrong-type", value = shown(text), kind = ty.name()),
        help,
    )
}

/// At most this many characters of a bad value are echoed in a diagnostic.
const SHOWN_CHARS: usize = 40;

/// A value as echoed in a diagnostic: long ones shortened, so a 10,000-digit value is not
/// printed whole.
fn shown(text: &str) -> Msg {
    if text.chars().count() <= SHOWN_CHARS {
        return msg!("diag-raw", text = text);
    }
    let head: String = text.chars().take(SHOWN_CHARS).collect();
    msg!(
        "data-shortened",
        head = head,
        length = text.chars().count().to_string()
    )
}

fn number(
    text: &str,
    ty: &InputType,
    style: NumberStyle,
    count: bool,
) -> Result<Num, ValueProblem> {
    Num::parse(&normalize(text, style, count)?).map_err(|e| match e {
        NumError::NotANumber if style == NumberStyle::Comma => {
            let (code, message, _) = wrong(ty, text);
            (code, message, msg!("data-decimal-comma-help"))
        }
        NumError::NotANumber => wrong(ty, text),
        limit => (
            DataCode::NumberLimit,
            crate::syntax::num_error(limit, &shown(text).to_string()),
            msg!("data-number-limit-help", digits = MAX_DIGITS.to_string()),
        ),
    })
}

fn count(text: &str, ty: &InputType, style: NumberStyle) -> Result<Value, ValueProblem> {
    let n = number(text, ty, style, true)?;
    if n.is_negative() {
        return Err((
            DataCode::NegativeCount,
            msg!("diag-count-negative", value = shown(text)),
            msg!("data-count-help"),
        ));
    }
    if !n.is_integer() {
        return Err((
            DataCode::FractionalCount,
            msg!("diag-count-whole", value = shown(text)),
            msg!("data-count-help"),
        ));
    }
    Ok(Value::Num(n))
}

fn percent(text: &str, ty: &InputType, style: NumberStyle) -> Result<Value, ValueProblem> {
    let points = number(
        text.strip_suffix('%').unwrap_or(text).trim(),
        ty,
        style,
        false,
    )
    // The message quotes the value as written, `%` included.
    .map_err(|(code, message, help)| match code {
        DataCode::WrongType => (code, wrong(ty, text).1, help),
        _ => (code, message, help),
    })?;
    if points < Num::ZERO || points > Num::ONE_HUNDRED {
        return Err((
            DataCode::PercentRange,
            msg!("data-percent-outside", value = shown(text)),
            msg!("data-percent-outside-help"),
        ));
    }
    // A value in 0..=100 divided by 100 always fits.
    let fraction = points.checked_div(Num::ONE_HUNDRED).unwrap_or(Num::ZERO);
    Ok(Value::Num(fraction))
}

/// A number from a spreadsheet cell not formatted as a percent, in a percent column: percent
/// points (`87.5`), except above 0 and at most 1, which could equally be a fraction.
fn cell_percent(text: &str, ty: &InputType) -> Result<Option<Value>, ValueProblem> {
    // A cell's number is its shortest decimal, written with a point: never ambiguous.
    let n = number(text, ty, NumberStyle::Point, false)?;
    if n > Num::ZERO && n <= Num::ONE {
        return Err((
            DataCode::AmbiguousPercent,
            msg!(
                "data-ambiguous-percent",
                value = shown(text),
                fraction = n.percent_text(6)
            ),
            msg!("data-ambiguous-percent-help"),
        ));
    }
    percent(text, ty, NumberStyle::Point).map(Some)
}

fn yes_no(text: &str, csv: bool) -> Option<Value> {
    match text.to_lowercase().as_str() {
        "true" => Some(Value::Bool(true)),
        "false" => Some(Value::Bool(false)),
        "có" | "co" | "1" if csv => Some(Value::Bool(true)),
        "không" | "khong" | "0" if csv => Some(Value::Bool(false)),
        _ => None,
    }
}

fn date(text: &str, csv: bool) -> Result<Value, ValueProblem> {
    let iso = NaiveDate::parse_from_str(text, "%Y-%m-%d");
    let parsed = if iso.is_err() && csv {
        NaiveDate::parse_from_str(text, "%d/%m/%Y")
    } else {
        iso
    };
    parsed.map(Value::Date).map_err(|_| {
        (
            DataCode::BadDate,
            msg!("data-bad-date", value = text),
            msg!("data-date-help"),
        )
    })
}

fn choice(text: &str, opts: &[(String, Option<String>)]) -> Result<Value, ValueProblem> {
    let text = crate::source::nfc(text);
    let text = text.as_str();
    if let Some(i) = opts.iter().position(|(id, _)| id == text) {
        return Ok(Value::Choice(i as u16));
    }
    let ids: Vec<&str> = opts.iter().map(|(id, _)| id.as_str()).collect();
    let list = ids
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut help = msg!("data-the-options", list = list);
    if let Some(h) = did_you_mean(text, ids.iter().copied()) {
        help = msg!("diag-suggest-then", suggestion = h, rest = help);
    }
    Err((
        DataCode::NotAnOption,
        msg!("data-not-an-option", value = text),
        help,
    ))
}
