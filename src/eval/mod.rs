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
pub mod targets;
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
    /// The areas with more than [`targets::MAX_FILLINGS`] fillings of their missing inputs, whose
    /// COND and FILTER were taken as independent (sound, less precise).
    pub approximate: Vec<usize>,
    /// True when a `share` is unknown because no area can be in its `among` (0 of 0).
    pub no_areas: bool,
}

/// Evaluates every area and every target.
pub fn assess(prog: &Program, areas: &[Area]) -> Assessed {
    let mut tallies = vec![Tally::default(); prog.aggregates.len()];
    let n = prog.rules.targets.len();
    let (mut open, mut approximate): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        (vec![Vec::new(); n], vec![Vec::new(); n]);
    let mut results = Vec::with_capacity(areas.len());
    for (ai, area) in areas.iter().enumerate() {
        let mut ev = AreaEval::new(prog, area, None, NoTrace);
        ev.run();
        for (i, (ti, agg)) in prog.aggregates.iter().enumerate() {
            let reads = &prog.aggregate_reads[i];
            let (options, approx) = targets::area_options(prog, area, &mut ev, agg, reads);
            options.tally(&mut tallies[i]);
            let mark = |list: &mut Vec<usize>| {
                if list.last() != Some(&ai) {
                    list.push(ai);
                }
            };
            if !options.decided() {
                mark(&mut open[*ti]);
            }
            if approx {
                mark(&mut approximate[*ti]);
            }
        }
        results.push(ev.result);
    }
    let mut targets = targets(prog, &tallies);
    for ((t, undecided), approx) in targets.iter_mut().zip(open).zip(approximate) {
        t.undecided = undecided;
        t.approximate = approx;
    }
    Assessed {
        areas: results,
        targets,
    }
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
            let tallies: Vec<(u32, Tally, Value)> = prog
                .aggregates
                .iter()
                .zip(tallies)
                .zip(&values)
                .filter(|(((i, _), _), _)| *i == ti)
                .map(|(((_, e), t), (_, v))| (e.id, *t, *v))
                .collect();
            let no_areas = tallies
                .iter()
                .any(|(id, t, _)| prog.is_share(*id) && t.members() + t.maybe_members() == 0);
            TargetOutcome {
                result,
                tallies,
                undecided: vec![],
                approximate: vec![],
                no_areas,
            }
        })
        .collect()
}
