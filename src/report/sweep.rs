//! The output of `sweep`: a table in the reader's language ([`render`]) and a JSON document
//! ([`json`]).

use crate::check::Rules;
use crate::eval::TargetResult;
use crate::i18n::Lang;
use crate::sweep::{SweepRow, SweepSpec, VerdictCounts};
use crate::tr;
use crate::value::{format_number, format_percent};
use serde_json::{json as object, Value};

/// The swept value as written in the rules: `75%` or `60`.
fn value_text(spec: &SweepSpec, row: &SweepRow) -> String {
    if spec.percent {
        format_percent(row.value)
    } else {
        format_number(row.value)
    }
}

/// One column per outcome, then `unknown` and `invalid`: which of them some row counts.
#[derive(Clone, Copy, PartialEq)]
enum Column {
    Outcome(usize),
    Unknown,
    Invalid,
}

fn count(c: &VerdictCounts, col: Column) -> usize {
    match col {
        Column::Outcome(k) => c.outcomes.get(k).copied().unwrap_or(0),
        Column::Unknown => c.unknown,
        Column::Invalid => c.invalid,
    }
}

/// The columns of assessment `ai`: every outcome, and unknown, invalid where they occur.
fn columns(rules: &Rules, rows: &[SweepRow], ai: usize) -> Vec<Column> {
    let n = rules.assessments.get(ai).map_or(0, |a| a.outcomes.len());
    let mut cols: Vec<Column> = (0..n).map(Column::Outcome).collect();
    for col in [Column::Unknown, Column::Invalid] {
        if rows
            .iter()
            .any(|r| r.verdicts.get(ai).is_some_and(|c| count(c, col) > 0))
        {
            cols.push(col);
        }
    }
    cols
}

fn target_word(lang: Lang, r: TargetResult) -> String {
    match r {
        TargetResult::Met => tr!(lang, "sweep-target-met"),
        TargetResult::NotMet => tr!(lang, "sweep-target-not-met"),
        TargetResult::Unknown => tr!(lang, "sweep-target-unknown"),
    }
}

/// The sweep as a table: a row per value; per assessment a column per outcome (and unknown,
/// invalid when they occur); a column per target.
pub fn render(rules: &Rules, spec: &SweepSpec, rows: &[SweepRow], lang: Lang) -> String {
    let mut header = vec![rules.params[spec.param as usize].id.clone()];
    let cols: Vec<Vec<Column>> = (0..rules.assessments.len())
        .map(|ai| columns(rules, rows, ai))
        .collect();
    for (a, list) in rules.assessments.iter().zip(&cols) {
        header.extend(list.iter().map(|col| match col {
            Column::Outcome(k) => format!("{}.{}", a.id, a.outcomes[*k].id),
            Column::Unknown => tr!(lang, "sweep-col-unknown", assessment = a.id.as_str()),
            Column::Invalid => tr!(lang, "sweep-col-invalid", assessment = a.id.as_str()),
        }));
    }
    header.extend(rules.targets.iter().map(|t| t.id.clone()));
    let mut table = vec![header];
    for r in rows {
        let mut line = vec![lang.number(&value_text(spec, r))];
        for (counts, list) in r.verdicts.iter().zip(&cols) {
            line.extend(list.iter().map(|col| count(counts, *col).to_string()));
        }
        line.extend(r.targets.iter().map(|t| target_word(lang, *t)));
        table.push(line);
    }
    aligned(&table)
}

/// Right-aligned columns, widths counted in characters.
fn aligned(table: &[Vec<String>]) -> String {
    let width = table.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..width)
        .map(|c| {
            table
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in table {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:>w$}", w = *w))
            .collect();
        out.push_str(&format!("  {}\n", cells.join("  ")));
    }
    out
}

/// The sweep as JSON: `param`, and per row its `value` (as written), per assessment the pairs
/// `[verdict, areas]` (outcome ids, then `unknown`, `invalid`), and the targets' results.
pub fn json(rules: &Rules, spec: &SweepSpec, rows: &[SweepRow]) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            let verdicts: Vec<Value> = r
                .verdicts
                .iter()
                .enumerate()
                .map(|(ai, c)| {
                    let mut pairs: Vec<Value> = c
                        .outcomes
                        .iter()
                        .enumerate()
                        .map(|(k, n)| {
                            let id = rules
                                .assessments
                                .get(ai)
                                .and_then(|a| a.outcomes.get(k))
                                .map_or("", |o| o.id.as_str());
                            object!([id, n])
                        })
                        .collect();
                    pairs.push(object!(["unknown", c.unknown]));
                    pairs.push(object!(["invalid", c.invalid]));
                    Value::Array(pairs)
                })
                .collect();
            object!({ "value": value_text(spec, r), "verdicts": verdicts, "targets": r.targets })
        })
        .collect();
    object!({ "param": rules.params[spec.param as usize].id, "rows": rows })
}
