//! The eval phase: values per area, three-valued results, verdicts, targets.
//!
//! [`compile`] turns checked rules into a [`Program`] (params applied, constants folded);
//! [`assess`] evaluates every area and the targets. Explanations come from re-running one area
//! with a [`Recorder`] (see [`explain`]).

mod area;
mod assessor;
mod display;
pub mod explain;
pub mod ops;
mod program;
pub mod results;
pub mod targets;
mod whatif;

pub use area::{AreaEval, AreaResult, NoTrace, Recorder, Trace};
pub use assessor::{Assessor, PARALLEL_FROM};
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

/// Evaluates every area and every target: one batch of an [`Assessor`] (in parallel when the
/// data set is large enough to gain; the same results in the same order either way).
pub fn assess(prog: &Program, areas: &[Area]) -> Assessed {
    let mut assessor = Assessor::new(prog);
    let results = assessor.batch(areas);
    Assessed {
        areas: results,
        targets: assessor.finish(),
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
