//! `sweep`: assess the same data for a range of values of one param — the council's view for
//! choosing a threshold.

use crate::ast::Literal;
use crate::check::{codes, Rules, Type};
use crate::data::Area;
use crate::diag::{did_you_mean, Diagnostic};
use crate::eval::{assess, compile, Assessed, TargetResult, Verdict};
use crate::i18n::Msg;
use crate::msg;
use crate::num::Num;
use crate::value::Value;

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

/// How many areas got each verdict of one assessment (areas it does not apply to are not
/// counted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerdictCounts {
    /// Per outcome, in the order declared.
    pub outcomes: Vec<usize>,
    /// Areas whose verdict is unknown.
    pub unknown: usize,
    /// Areas whose data is invalid.
    pub invalid: usize,
}

impl VerdictCounts {
    /// The counts of assessment `ai` in `assessed`, which has `outcomes` outcomes.
    pub fn of(assessed: &Assessed, ai: usize, outcomes: usize) -> VerdictCounts {
        let mut counts = VerdictCounts {
            outcomes: vec![0; outcomes],
            ..VerdictCounts::default()
        };
        for r in &assessed.areas {
            match r.assessments.get(ai).map(|a| a.verdict) {
                Some(Verdict::Outcome(o)) => {
                    if let Some(c) = counts.outcomes.get_mut(o as usize) {
                        *c += 1;
                    }
                }
                Some(Verdict::Unknown(_)) => counts.unknown += 1,
                Some(Verdict::Invalid) => counts.invalid += 1,
                Some(Verdict::Na) | None => {}
            }
        }
        counts
    }
}

/// Counts for one value of the param.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepRow {
    /// The value tried.
    pub value: Num,
    /// Per assessment, in file order.
    pub verdicts: Vec<VerdictCounts>,
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
                .map(|(ai, a)| VerdictCounts::of(&assessed, ai, a.outcomes.len()))
                .collect();
            SweepRow {
                value: v,
                verdicts,
                targets: assessed.targets.iter().map(|t| t.result).collect(),
            }
        })
        .collect()
}
