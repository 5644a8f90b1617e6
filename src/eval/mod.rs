//! The eval phase: values per area, three-valued results, verdicts, targets.
//!
//! [`compile`] turns checked rules into a [`Program`] (params applied, constants folded);
//! [`assess`] evaluates every area and the targets. Explanations come from re-running one area
//! with a [`Recorder`] (see [`explain`]).

mod area;
mod display;
pub mod explain;
pub mod ops;
mod program;
pub mod results;
mod whatif;

pub use area::{AreaEval, AreaResult, NoTrace, Recorder, Trace};
pub use program::{compile, Program};
pub use results::*;

use crate::data::Area;
use crate::num::Num;
use crate::value::Value;

/// The result of assessing a data set.
#[derive(Debug, Clone)]
pub struct Assessed {
    /// One per area, in data order.
    pub areas: Vec<AreaResult>,
    /// One per target, in file order.
    pub targets: Vec<TargetOutcome>,
}

/// A target's result with the tallies behind its `count`/`share` calls.
#[derive(Debug, Clone)]
pub struct TargetOutcome {
    /// The result.
    pub result: TargetResult,
    /// (node id of the `count`/`share` call, what it saw, its value).
    pub tallies: Vec<(u32, Tally, Value)>,
    /// The areas (indices in the data set) whose missing or invalid data leave the counts open;
    /// filled in by [`assess`].
    pub undecided: Vec<usize>,
}

/// Evaluates every area and every target.
pub fn assess(prog: &Program, areas: &[Area]) -> Assessed {
    let mut tallies = vec![Tally::default(); prog.aggregates.len()];
    let mut open: Vec<Vec<usize>> = vec![Vec::new(); prog.rules.targets.len()];
    let mut results = Vec::with_capacity(areas.len());
    for (ai, area) in areas.iter().enumerate() {
        let mut ev = AreaEval::new(prog, area, None, NoTrace);
        ev.run();
        for (i, (ti, agg)) in prog.aggregates.iter().enumerate() {
            if tally_area(&mut ev, agg, &mut tallies[i]) && open[*ti].last() != Some(&ai) {
                open[*ti].push(ai);
            }
        }
        results.push(ev.result);
    }
    let mut targets = targets(prog, &tallies);
    for (t, undecided) in targets.iter_mut().zip(open) {
        t.undecided = undecided;
    }
    Assessed {
        areas: results,
        targets,
    }
}

/// Counts one area into a tally; true when the area is undecided for it.
fn tally_area<T: Trace>(
    ev: &mut AreaEval<'_, T>,
    agg: &crate::check::CExpr,
    tally: &mut Tally,
) -> bool {
    let crate::check::CKind::Aggregate { cond, among, .. } = &agg.kind else {
        return false;
    };
    let filter = among.as_ref().map_or(Value::Bool(true), |f| ev.eval(f));
    if filter == Value::Bool(false) {
        return false;
    }
    let c = ev.eval(cond);
    let sure = filter == Value::Bool(true);
    let cell = match (sure, c) {
        (true, Value::Bool(true)) => &mut tally.tt,
        (true, Value::Bool(false)) => &mut tally.tf,
        (true, _) => &mut tally.tu,
        (false, Value::Bool(true)) => &mut tally.ut,
        (false, Value::Bool(false)) => &mut tally.uf,
        (false, _) => &mut tally.uu,
    };
    *cell += 1;
    !(sure && c.is_known())
}

/// The value of a `count`/`share` call from its tally.
pub fn aggregate_value(share: bool, t: &Tally) -> Value {
    if share {
        return t
            .share()
            .map_or(Value::Unknown, |(lo, hi)| Value::from_bounds(lo, hi));
    }
    let (lo, hi) = t.count();
    Value::from_bounds(Num::from(lo), Num::from(hi))
}

/// Decides the targets from the tallies of their `count`/`share` calls.
pub fn targets(prog: &Program, tallies: &[Tally]) -> Vec<TargetOutcome> {
    let values: Vec<(u32, Value)> = prog
        .aggregates
        .iter()
        .zip(tallies)
        .map(|((_, e), t)| {
            let share = matches!(e.kind, crate::check::CKind::Aggregate { share: true, .. });
            (e.id, aggregate_value(share, t))
        })
        .collect();
    let empty = Area::empty(prog.rules.slots.len());
    prog.rules
        .targets
        .iter()
        .enumerate()
        .map(|(ti, t)| {
            let mut ev = AreaEval::new(prog, &empty, None, NoTrace).with_aggregates(&values);
            let result = match ev.eval(&t.expr) {
                Value::Bool(true) => TargetResult::Met,
                Value::Bool(false) => TargetResult::NotMet,
                _ => TargetResult::Unknown,
            };
            let tallies = prog
                .aggregates
                .iter()
                .zip(tallies)
                .zip(&values)
                .filter(|(((i, _), _), _)| *i == ti)
                .map(|(((_, e), t), (_, v))| (e.id, *t, *v))
                .collect();
            TargetOutcome {
                result,
                tallies,
                undecided: vec![],
            }
        })
        .collect()
}
