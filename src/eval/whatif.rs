//! "What it would take": for a failed criterion, the single-input changes that make it pass.
//! Each candidate is found by assuming the compared side is linear in the input near its value,
//! and is then verified by evaluating the criterion again, so only true statements are made.

use super::area::{AreaEval, NoTrace};
use super::explain::WhatIf;
use super::program::Program;
use crate::ast::BinOp;
use crate::check::{CExpr, CKind, Func, InputType};
use crate::data::Area;
use crate::num::Num;
use crate::value::Value;

/// The comparison that decides a failed condition: itself, the false side of an `and`, or the
/// last comparison of an `or` whose sides are all false.
pub fn deciding_comparison<'e>(
    cond: &'e CExpr,
    value: &impl Fn(&CExpr) -> Option<Value>,
) -> Option<&'e CExpr> {
    crate::stack::grow(|| deciding_comparison_here(cond, value))
}

fn deciding_comparison_here<'e>(
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

/// The changes of one input that make the criterion pass (`vu_kham_pha@ca_nam` 9 → 10), at
/// most two, sharing what the explanation already has: `recorded` gives the value a node
/// took in the area's evaluation (when it was evaluated), and `scratch` holds the copy of the
/// area that inputs are changed in (made on first use, left as the area is, reused for every
/// failed criterion of the area). The comparison and its sides are found first, from the
/// recorded values, and nothing more is done when they are not numbers.
pub fn would_pass_shared(
    prog: &Program,
    area: &Area,
    ai: usize,
    ci: usize,
    recorded: &dyn Fn(&CExpr) -> Option<Value>,
    scratch: &mut Option<Area>,
) -> Vec<WhatIf> {
    if area.invalid {
        return vec![];
    }
    let criterion = &prog.rules.assessments[ai].criteria[ci];
    // The base evaluation is made only for a node the recording does not hold.
    let base: std::cell::RefCell<Option<AreaEval<NoTrace>>> = std::cell::RefCell::new(None);
    let probe = std::cell::OnceCell::new();
    let probe = || probe.get_or_init(|| Probe::new(prog, ai, ci));
    let value = |e: &CExpr| {
        recorded(e).or_else(|| {
            let mut base = base.borrow_mut();
            let ev = base.get_or_insert_with(|| probe().ready(area));
            Some(ev.eval(e))
        })
    };
    let Some(cmp) = deciding_comparison(&criterion.condition, &value) else {
        return vec![];
    };
    // The comparison's sides as the area stands: the same for every input probed.
    let CKind::Binary(op, l, r) = &cmp.kind else {
        return vec![];
    };
    let (Some(Value::Num(f0)), Some(Value::Num(target))) = (value(l), value(r)) else {
        return vec![];
    };
    let now = Now {
        f0,
        target,
        op: *op,
    };
    let mut slots = Vec::new();
    let mut seen = vec![false; prog.rules.lets.len()];
    collect_slots(prog, cmp, &mut slots, &mut seen);
    // Only inputs that hold a number can be solved for.
    slots.retain(|&s| matches!(area.values.get(s as usize), Some(Value::Num(_))));
    if slots.is_empty() {
        return vec![];
    }
    let scratch = scratch.get_or_insert_with(|| area.clone());
    let probe = probe();
    slots
        .into_iter()
        .filter_map(|slot| probe.solve(scratch, cmp, slot, now))
        .take(2)
        .collect()
}

/// The compared side and the threshold for the area as it stands, and the operator.
#[derive(Clone, Copy)]
struct Now {
    f0: Num,
    target: Num,
    op: BinOp,
}

/// The inputs the expression may be linear in: not those under a division or inside the
/// old value of a `change` (probing them could only fail the linearity test).
/// `seen` marks the lets already followed (each once: lets built on lets would otherwise be
/// followed once per path).
fn collect_slots(prog: &Program, e: &CExpr, out: &mut Vec<u32>, seen: &mut [bool]) {
    crate::stack::grow(|| collect_slots_here(prog, e, out, seen))
}

fn collect_slots_here(prog: &Program, e: &CExpr, out: &mut Vec<u32>, seen: &mut [bool]) {
    let constant = |x: &CExpr| matches!(x.kind, CKind::Const(_));
    match &e.kind {
        CKind::Input(s) if !out.contains(s) => out.push(*s),
        CKind::Let(l) => {
            let first = seen.get(*l as usize) == Some(&false);
            if let (true, Some(def)) = (first, prog.rules.lets.get(*l as usize)) {
                seen[*l as usize] = true;
                collect_slots(prog, &def.expr, out, seen);
            }
        }
        CKind::Call(Func::Ratio | Func::Change, args) => collect_slots(prog, &args[0], out, seen),
        CKind::Binary(BinOp::Div, a, b) if constant(b) => collect_slots(prog, a, out, seen),
        CKind::Binary(BinOp::Div, ..) => {}
        CKind::Binary(BinOp::Mul, a, b) if !constant(a) && !constant(b) => {}
        _ => e
            .children()
            .into_iter()
            .for_each(|c| collect_slots(prog, c, out, seen)),
    }
}

/// Marks the lets an expression reads, directly or through other lets.
fn mark_lets(prog: &Program, e: &CExpr, needed: &mut [bool]) {
    crate::stack::grow(|| mark_lets_here(prog, e, needed))
}

fn mark_lets_here(prog: &Program, e: &CExpr, needed: &mut [bool]) {
    e.walk(&mut |n| {
        if let CKind::Let(l) = n.kind {
            if needed.get(l as usize) == Some(&false) {
                needed[l as usize] = true;
                if let Some(def) = prog.rules.lets.get(l as usize) {
                    mark_lets(prog, &def.expr, needed);
                }
            }
        }
    });
}

/// Evaluates one criterion of an area again and again with one input changed.
struct Probe<'p> {
    prog: &'p Program,
    at: (usize, usize),
    /// The lets the criterion reads (the others are not computed).
    needed: Vec<bool>,
    /// The criterion reads other results (criteria, verdicts): the whole area is evaluated.
    reads_results: bool,
}

impl<'p> Probe<'p> {
    fn new(prog: &'p Program, ai: usize, ci: usize) -> Self {
        let c = &prog.rules.assessments[ai].criteria[ci];
        let mut reads_results = false;
        let mut look = |e: &CExpr| {
            reads_results |= matches!(
                e.kind,
                CKind::Criterion { .. }
                    | CKind::CriterionIs { .. }
                    | CKind::VerdictIs { .. }
                    | CKind::VerdictIn { .. }
            )
        };
        c.condition.walk(&mut look);
        c.when.iter().for_each(|w| w.walk(&mut look));
        let mut needed = vec![false; prog.rules.lets.len()];
        mark_lets(prog, &c.condition, &mut needed);
        c.when.iter().for_each(|w| mark_lets(prog, w, &mut needed));
        Probe {
            prog,
            at: (ai, ci),
            needed,
            reads_results,
        }
    }

    fn criterion(&self) -> &'p crate::check::Criterion {
        &self.prog.rules.assessments[self.at.0].criteria[self.at.1]
    }

    /// An evaluator with what the criterion reads already computed.
    fn ready<'a>(&'a self, area: &'a Area) -> AreaEval<'a, NoTrace> {
        let mut ev = AreaEval::new(self.prog, area, None, NoTrace);
        if self.reads_results {
            ev.run();
        } else {
            ev.run_lets_needed(&self.needed);
        }
        ev
    }

    /// The two sides of the comparison, and its operator.
    fn sides(&self, area: &Area, cmp: &CExpr) -> Option<(Value, Value, BinOp)> {
        let CKind::Binary(op, l, r) = &cmp.kind else {
            return None;
        };
        let mut ev = self.ready(area);
        Some((ev.eval(l), ev.eval(r), *op))
    }

    fn passes(&self, area: &Area) -> bool {
        let c = self.criterion();
        let mut ev = self.ready(area);
        let applies = c.when.as_ref().map_or(Value::Bool(true), |w| ev.eval(w));
        applies == Value::Bool(true) && ev.eval(&c.condition) == Value::Bool(true)
    }

    /// Solves for one input; `area` is a scratch copy, left as it was found.
    fn solve(&self, area: &mut Area, cmp: &CExpr, slot: u32, now: Now) -> Option<WhatIf> {
        let Value::Num(x0) = area.values.get(slot as usize).copied()? else {
            return None;
        };
        let answer = self.solve_at(area, cmp, slot, x0, now);
        area.values[slot as usize] = Value::Num(x0);
        answer
    }

    fn sides_with(
        &self,
        area: &mut Area,
        cmp: &CExpr,
        slot: u32,
        x: Num,
    ) -> Option<(Num, Num, BinOp)> {
        area.values[slot as usize] = Value::Num(x);
        match self.sides(area, cmp)? {
            (Value::Num(f), Value::Num(t), op) => Some((f, t, op)),
            _ => None,
        }
    }

    fn solve_at(
        &self,
        area: &mut Area,
        cmp: &CExpr,
        slot: u32,
        x0: Num,
        now: Now,
    ) -> Option<WhatIf> {
        let prog = self.prog;
        let ty = &prog.rules.inputs[prog.rules.slots[slot as usize].input as usize].ty;
        let (whole, percent) = (*ty == InputType::Count, *ty == InputType::Percent);
        let Now { f0, target, op } = now;
        let (f1, ..) = self.sides_with(area, cmp, slot, x0.checked_add(Num::ONE)?)?;
        let (f2, ..) = self.sides_with(area, cmp, slot, x0.checked_add(Num::TWO)?)?;
        let slope = f1.checked_sub(f0)?;
        // Linear near x0 (arithmetic is exact); the answer is verified below.
        if slope.is_zero() || f2.checked_sub(f1)? != slope {
            return None;
        }
        let exact = x0.checked_add(target.checked_sub(f0)?.checked_div(slope)?)?;
        let up = (slope > Num::ZERO) == matches!(op, BinOp::Ge | BinOp::Gt);
        let candidates = if whole {
            let x = if up { exact.ceil()? } else { exact.floor() };
            [Some(x), x.checked_add(Num::ONE), x.checked_sub(Num::ONE)]
                .into_iter()
                .flatten()
                .collect()
        } else {
            vec![exact]
        };
        // Only values the input can hold: counts ≥ 0, percents within 0–100%.
        let possible = |x: &Num| {
            (!whole || !x.is_negative()) && (!percent || (!x.is_negative() && *x <= Num::ONE))
        };
        let x = candidates.into_iter().find(|x| {
            area.values[slot as usize] = Value::Num(*x);
            possible(x) && self.passes(area)
        })?;
        Some(WhatIf {
            input: prog.rules.slot_name(slot),
            label: prog.rules.slot_label(slot),
            to: x,
            now: x0,
            percent,
        })
    }
}

#[cfg(test)]
#[path = "whatif_tests.rs"]
mod tests;
