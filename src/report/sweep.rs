//! The output of `sweep`: a table in the reader's language ([`render`]) and a JSON document
//! ([`document`]).

use super::contract::FormatVersion;
use super::json::Ruleset;
use crate::check::Rules;
use crate::eval::TargetResult;
use crate::i18n::Lang;
use crate::num::Num;
use crate::sweep::{SweepRow, SweepSpec, VerdictCounts};
use crate::tr;
use crate::value::{format_number, format_percent};
use schemars::JsonSchema;
use serde::Serialize;

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

/// The document of `sweep --format json`.
#[derive(Serialize, JsonSchema)]
pub struct SweepDocument {
    /// The version of the contract: `"1"`.
    pub format_version: FormatVersion,
    /// The rules swept.
    pub ruleset: Ruleset,
    /// The param swept.
    pub param: String,
    /// One row per value tried, in order.
    pub rows: Vec<SweepRowJson>,
}

/// The results with one value of the param.
#[derive(Serialize, JsonSchema)]
pub struct SweepRowJson {
    /// The value tried (an exact number: `"0.75"` for `75%`).
    pub value: Num,
    /// The value as written in the rules' unit (`"75%"`, `"60"`).
    pub written: String,
    /// Per assessment, in file order: how many areas got each verdict.
    pub assessments: Vec<SweepAssessment>,
    /// Per target, in file order: its result.
    pub targets: Vec<SweepTarget>,
}

/// How many areas got each verdict of one assessment (areas it does not apply to are not
/// counted).
#[derive(Serialize, JsonSchema)]
pub struct SweepAssessment {
    /// The assessment's id.
    pub id: String,
    /// Per outcome, in the order declared: its id and the number of areas.
    pub outcomes: Vec<OutcomeCount>,
    /// Areas whose verdict is unknown.
    pub unknown: usize,
    /// Areas whose data is invalid.
    pub invalid: usize,
}

/// The number of areas that got one outcome.
#[derive(Serialize, JsonSchema)]
pub struct OutcomeCount {
    /// The outcome's id.
    pub id: String,
    /// The number of areas.
    pub areas: usize,
}

/// A target's result with one value of the param.
#[derive(Serialize, JsonSchema)]
pub struct SweepTarget {
    /// The target's id.
    pub id: String,
    /// `met`, `not_met` or `unknown`.
    pub result: TargetResult,
}

/// The sweep as its JSON document.
pub fn document(rules: &Rules, spec: &SweepSpec, rows: &[SweepRow]) -> SweepDocument {
    let rows = rows
        .iter()
        .map(|r| SweepRowJson {
            value: r.value,
            written: value_text(spec, r),
            assessments: rules
                .assessments
                .iter()
                .zip(&r.verdicts)
                .map(|(a, c)| SweepAssessment {
                    id: a.id.clone(),
                    outcomes: a
                        .outcomes
                        .iter()
                        .zip(&c.outcomes)
                        .map(|(o, n)| OutcomeCount {
                            id: o.id.clone(),
                            areas: *n,
                        })
                        .collect(),
                    unknown: c.unknown,
                    invalid: c.invalid,
                })
                .collect(),
            targets: rules
                .targets
                .iter()
                .zip(&r.targets)
                .map(|(t, result)| SweepTarget {
                    id: t.id.clone(),
                    result: *result,
                })
                .collect(),
        })
        .collect();
    SweepDocument {
        format_version: FormatVersion,
        ruleset: Ruleset::of(rules),
        param: rules
            .params
            .get(spec.param as usize)
            .map_or(String::new(), |p| p.id.clone()),
        rows,
    }
}
