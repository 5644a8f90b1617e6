//! `sweep`: assess the same data for a range of values of one param — the council's view for
//! choosing a threshold.

use crate::ast::Literal;
use crate::check::{codes, Rules, Type};
use crate::data::Area;
use crate::diag::{did_you_mean, Diagnostic};
use crate::eval::{assess, compile, TargetResult, Verdict};
use crate::i18n::Msg;
use crate::msg;
use crate::num::Num;
use crate::value::{format_number, format_percent, Value};
use serde::Serialize;

/// The most values one sweep may try.
pub const MAX_STEPS: usize = 1000;

/// A parsed `P=FROM..TO/STEP`.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepSpec {
    /// The param's index.
    pub param: u32,
    /// The values to try, in order.
    pub values: Vec<Num>,
    /// Whether the values were written as percents (for display).
    pub percent: bool,
}

/// Counts for one value of the param.
#[derive(Debug, Clone, Serialize)]
pub struct SweepRow {
    /// The value, as shown.
    pub value: String,
    /// Per assessment: (verdict word, number of areas) in outcome order, then unknown, invalid.
    pub verdicts: Vec<Vec<(String, usize)>>,
    /// Per target, its result.
    pub targets: Vec<TargetResult>,
}

/// Parses `nguong_kham_pha=60%..95%/5%`.
pub fn parse_spec(rules: &Rules, spec: &str) -> Result<SweepSpec, Diagnostic> {
    let bad = |message: Msg| {
        Diagnostic::unplaced(codes::BAD_OVERRIDE, message).with_help(msg!("diag-sweep-help"))
    };
    let (name, range) = spec
        .split_once('=')
        .ok_or_else(|| bad(msg!("diag-sweep-form", text = spec)))?;
    let (span, step) = range
        .split_once('/')
        .ok_or_else(|| bad(msg!("diag-sweep-no-step", text = range)))?;
    let (from, to) = span
        .split_once("..")
        .ok_or_else(|| bad(msg!("diag-sweep-no-range", text = span)))?;
    let p = rules.param_index(name.trim()).ok_or_else(|| {
        let help = did_you_mean(name.trim(), rules.params.iter().map(|p| p.id.as_str()))
            .unwrap_or_else(|| msg!("diag-see-params"));
        Diagnostic::unplaced(
            codes::BAD_OVERRIDE,
            msg!("diag-not-a-param", name = name.trim()),
        )
        .with_help(help)
    })?;
    if rules.params[p].ty != Type::Number {
        return Err(bad(msg!("diag-sweep-not-number", name = name.trim())));
    }
    let number = |text: &str| match crate::syntax::parse_literal(text, u32::MAX).map(|l| l.node) {
        Ok(Literal::Number(n)) => Ok((n, false)),
        Ok(Literal::Percent(n)) => Ok((n, true)),
        _ => Err(bad(msg!("diag-sweep-bad-value", value = text.trim()))),
    };
    let ((from_n, _), (to_n, _), (step_n, _)) = (number(from)?, number(to)?, number(step)?);
    for text in [from, to, step] {
        crate::check::unit_fits(&rules.params[p], text).map_err(|(message, help)| {
            Diagnostic::unplaced(codes::UNIT_MISMATCH, message).with_help(help)
        })?;
    }
    let (from, to, step) = (from_n, to_n, step_n);
    // Shown as the param is written (a `0..100%/10%` sweep of a percent param shows percents).
    let percent = rules.params[p].unit() == Some(crate::check::Unit::Proportion);
    if step <= Num::ZERO || from > to {
        return Err(bad(msg!("diag-sweep-range-up")));
    }
    let lowest = crate::value::Value::Num(from);
    if let Some(problem) = rules.points_value_problem(p as u32, lowest) {
        return Err(bad(problem));
    }
    let mut values = Vec::new();
    let mut v = from;
    while v <= to {
        values.push(v);
        if values.len() > MAX_STEPS {
            return Err(bad(msg!(
                "diag-sweep-too-many",
                max = MAX_STEPS.to_string()
            )));
        }
        let Some(next) = v.checked_add(step) else {
            break;
        };
        v = next;
    }
    Ok(SweepSpec {
        param: p as u32,
        values,
        percent,
    })
}

/// Assesses `areas` once per value of the swept param, with the other overrides applied.
pub fn sweep(
    rules: &Rules,
    areas: &[Area],
    spec: &SweepSpec,
    overrides: &[(u32, Value)],
) -> Vec<SweepRow> {
    spec.values
        .iter()
        .map(|&v| {
            let mut sets = overrides.to_vec();
            sets.push((spec.param, Value::Num(v)));
            let prog = compile(rules, &sets);
            let assessed = assess(&prog, areas);
            let verdicts = prog
                .rules
                .assessments
                .iter()
                .enumerate()
                .map(|(ai, a)| {
                    let mut counts: Vec<(String, usize)> =
                        a.outcomes.iter().map(|o| (o.id.clone(), 0)).collect();
                    counts.push(("unknown".into(), 0));
                    counts.push(("invalid".into(), 0));
                    let n = a.outcomes.len();
                    for r in &assessed.areas {
                        let slot = match r.assessments[ai].verdict {
                            Verdict::Outcome(o) => Some(o as usize),
                            Verdict::Unknown(_) => Some(n),
                            Verdict::Invalid => Some(n + 1),
                            Verdict::Na => None,
                        };
                        if let Some(c) = slot.and_then(|i| counts.get_mut(i)) {
                            c.1 += 1;
                        }
                    }
                    counts
                })
                .collect();
            let value = if spec.percent {
                format_percent(v)
            } else {
                format_number(v)
            };
            SweepRow {
                value,
                verdicts,
                targets: assessed.targets.iter().map(|t| t.result).collect(),
            }
        })
        .collect()
}

/// The sweep as a table: a row per value; per assessment a column per outcome (and unknown,
/// invalid when they occur); a column per target.
pub fn render(rules: &Rules, spec: &SweepSpec, rows: &[SweepRow]) -> String {
    let mut header = vec![rules.params[spec.param as usize].id.clone()];
    let used = |ai: usize, k: usize| {
        k < rules.assessments[ai].outcomes.len() || rows.iter().any(|r| r.verdicts[ai][k].1 > 0)
    };
    for (ai, a) in rules.assessments.iter().enumerate() {
        let cols = rows.first().map_or(0, |r| r.verdicts[ai].len());
        header.extend(
            (0..cols)
                .filter(|&k| used(ai, k))
                .map(|k| format!("{}.{}", a.id, rows[0].verdicts[ai][k].0)),
        );
    }
    header.extend(rules.targets.iter().map(|t| t.id.clone()));
    let mut table = vec![header];
    for r in rows {
        let mut line = vec![r.value.clone()];
        for (ai, counts) in r.verdicts.iter().enumerate() {
            line.extend(
                counts
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| used(ai, *k))
                    .map(|(_, c)| c.1.to_string()),
            );
        }
        line.extend(r.targets.iter().map(|t| t.as_str().to_string()));
        table.push(line);
    }
    let widths: Vec<usize> = (0..table[0].len())
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &table {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:>w$}", w = *w))
            .collect();
        out.push_str(&format!("  {}\n", cells.join("  ")));
    }
    out
}
