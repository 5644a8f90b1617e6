//! "What it would take": for a failed criterion, the single-input changes that make it pass.
//! Each candidate is found by assuming the compared side is linear in the input near its value,
//! and is then verified by evaluating the whole area again, so only true statements are made.

use super::area::{AreaEval, NoTrace};
use super::program::Program;
use crate::ast::BinOp;
use crate::check::{CExpr, CKind, InputType};
use crate::data::Area;
use crate::value::{format_number, Value};
use rust_decimal::{Decimal, RoundingStrategy};

/// The comparison that decides a failed condition: itself, the false side of an `and`, or the
/// last comparison of an `or` whose sides are all false.
pub fn deciding_comparison<'e>(
    cond: &'e CExpr,
    value: &impl Fn(&CExpr) -> Option<Value>,
) -> Option<&'e CExpr> {
    match &cond.kind {
        CKind::Binary(op, _, _) if op.is_comparison() => Some(cond),
        CKind::Binary(BinOp::And, l, r) => {
            let side = if value(l) == Some(Value::Bool(false)) {
                l
            } else {
                r
            };
            deciding_comparison(side, value)
        }
        CKind::Binary(BinOp::Or, l, r) => {
            deciding_comparison(r, value).or_else(|| deciding_comparison(l, value))
        }
        _ => None,
    }
}

/// Sentences like `vu_kham_pha@ca_nam = 10 (now 9: 1 more)`, at most two.
pub fn would_pass(prog: &Program, area: &Area, ai: usize, ci: usize) -> Vec<String> {
    let c = &prog.rules.assessments[ai].criteria[ci];
    if area.invalid {
        return vec![];
    }
    let base = std::cell::RefCell::new(ready(prog, area, ai, ci));
    let value = |e: &CExpr| Some(base.borrow_mut().eval(e));
    let Some(cmp) = deciding_comparison(&c.condition, &value) else {
        return vec![];
    };
    let mut slots = Vec::new();
    collect_slots(prog, cmp, &mut slots);
    slots
        .into_iter()
        .filter_map(|slot| solve(prog, area, (ai, ci), cmp, slot))
        .take(2)
        .collect()
}

fn collect_slots(prog: &Program, e: &CExpr, out: &mut Vec<u32>) {
    match &e.kind {
        CKind::Input(s) if !out.contains(s) => out.push(*s),
        CKind::Let(l) => {
            if let Some(l) = prog.rules.lets.get(*l as usize) {
                collect_slots(prog, &l.expr, out);
            }
        }
        _ => e
            .children()
            .into_iter()
            .for_each(|c| collect_slots(prog, c, out)),
    }
}

/// An evaluator ready for the criterion: only the lets are computed, unless the criterion reads
/// other results (criteria, verdicts), in which case the whole area is.
fn ready<'p>(prog: &'p Program, area: &'p Area, ai: usize, ci: usize) -> AreaEval<'p, NoTrace> {
    let c = &prog.rules.assessments[ai].criteria[ci];
    let mut reads_results = false;
    let mut look = |e: &CExpr| {
        reads_results |= matches!(
            e.kind,
            CKind::Criterion { .. } | CKind::CriterionIs { .. } | CKind::VerdictIs { .. }
        )
    };
    c.condition.walk(&mut look);
    c.when.iter().for_each(|w| w.walk(&mut look));
    let mut ev = AreaEval::new(prog, area, None, NoTrace);
    if reads_results {
        ev.run();
    } else {
        ev.run_lets();
    }
    ev
}

/// The two sides of the comparison, and its operator.
fn sides(
    prog: &Program,
    area: &Area,
    (ai, ci): (usize, usize),
    cmp: &CExpr,
) -> Option<(Value, Value, BinOp)> {
    let CKind::Binary(op, l, r) = &cmp.kind else {
        return None;
    };
    let mut ev = ready(prog, area, ai, ci);
    Some((ev.eval(l), ev.eval(r), *op))
}

fn passes(prog: &Program, area: &Area, ai: usize, ci: usize) -> bool {
    let c = &prog.rules.assessments[ai].criteria[ci];
    let mut ev = ready(prog, area, ai, ci);
    let applies = c.when.as_ref().map_or(Value::Bool(true), |w| ev.eval(w));
    applies == Value::Bool(true) && ev.eval(&c.condition) == Value::Bool(true)
}

fn with(area: &Area, slot: u32, v: Decimal) -> Area {
    let mut a = area.clone();
    a.values[slot as usize] = Value::Num(v);
    a
}

fn solve(
    prog: &Program,
    area: &Area,
    (ai, ci): (usize, usize),
    cmp: &CExpr,
    slot: u32,
) -> Option<String> {
    let Value::Num(x0) = area.values.get(slot as usize).copied()? else {
        return None;
    };
    let input = &prog.rules.inputs[prog.rules.slots[slot as usize].input as usize];
    let whole = input.ty == InputType::Count;
    let (Value::Num(f0), Value::Num(target), op) = sides(prog, area, (ai, ci), cmp)? else {
        return None;
    };
    let (Value::Num(f1), ..) = sides(prog, &with(area, slot, x0 + Decimal::ONE), (ai, ci), cmp)?
    else {
        return None;
    };
    let (Value::Num(f2), ..) = sides(prog, &with(area, slot, x0 + Decimal::TWO), (ai, ci), cmp)?
    else {
        return None;
    };
    let slope = f1 - f0;
    // Linear near x0 (up to the rounding of the 28th digit); the answer is verified below anyway.
    let tolerance = slope.abs() * Decimal::new(1, 15);
    if slope.is_zero() || ((f2 - f1) - slope).abs() > tolerance {
        return None;
    }
    let exact = x0 + (target - f0).checked_div(slope)?;
    let rounding = if (slope > Decimal::ZERO) == matches!(op, BinOp::Ge | BinOp::Gt) {
        RoundingStrategy::ToPositiveInfinity
    } else {
        RoundingStrategy::ToNegativeInfinity
    };
    let candidates = if whole {
        let x = exact.round_dp_with_strategy(0, rounding);
        vec![x, x + Decimal::ONE, x - Decimal::ONE]
    } else {
        vec![exact]
    };
    let x = candidates.into_iter().find(|x| {
        (!whole || !x.is_sign_negative()) && passes(prog, &with(area, slot, *x), ai, ci)
    })?;
    let delta = x - x0;
    let dir = if delta > Decimal::ZERO {
        "more"
    } else {
        "fewer"
    };
    Some(format!(
        "{} = {} (now {}: {} {dir})",
        prog.rules.slot_name(slot),
        format_number(x),
        format_number(x0),
        format_number(delta.abs())
    ))
}
