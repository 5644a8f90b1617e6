//! The incremental assessor: areas evaluated batch by batch (in parallel within a batch when it
//! is large enough to gain), keeping only what the targets need — the tallies of their
//! `count`/`share` calls and the indices of the areas that leave them open or approximate.
//! [`super::assess`] is one batch of it; `assess --format json` streams a data set through it.

use super::targets::{self, Options};
use super::{AreaEval, AreaResult, NoTrace, Program, Tally, TargetOutcome};
use crate::data::Area;
use rayon::prelude::*;

/// The smallest batch evaluated on several threads: below it the threads' start-up costs more
/// than they save (measured with `benches/scale.rs`).
pub const PARALLEL_FROM: usize = 256;

/// One area evaluated: its result and how it counts into each aggregate (with whether that
/// count was approximate).
struct Evaluated {
    result: AreaResult,
    counts: Vec<(Options, bool)>,
}

/// Assesses a data set batch by batch; [`Assessor::finish`] decides the targets.
pub struct Assessor<'p> {
    prog: &'p Program,
    tallies: Vec<Tally>,
    open: Vec<Vec<usize>>,
    approximate: Vec<Vec<usize>>,
    seen: usize,
    parallel_from: usize,
}

impl<'p> Assessor<'p> {
    /// An assessor of `prog` that has seen no area yet.
    pub fn new(prog: &'p Program) -> Assessor<'p> {
        let n = prog.rules.targets.len();
        Assessor {
            prog,
            tallies: vec![Tally::default(); prog.aggregates.len()],
            open: vec![Vec::new(); n],
            approximate: vec![Vec::new(); n],
            seen: 0,
            parallel_from: PARALLEL_FROM,
        }
    }

    /// The same assessor, never evaluating on several threads (`false`), for comparing the two.
    pub fn parallel(self, parallel: bool) -> Assessor<'p> {
        self.parallel_from(if parallel { PARALLEL_FROM } else { usize::MAX })
    }

    /// The same assessor, evaluating batches of at least `areas` on several threads (for
    /// measuring [`PARALLEL_FROM`]).
    pub fn parallel_from(mut self, areas: usize) -> Assessor<'p> {
        self.parallel_from = areas;
        self
    }

    /// The number of areas seen so far: the data-set index of the next batch's first area.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// Evaluates a batch of areas, the next ones in data order, and counts them into the
    /// targets; their results are returned in the same order. Whatever the threads, the tallies
    /// and lists are folded in data order: the same as evaluating one area after another.
    pub fn batch(&mut self, areas: &[Area]) -> Vec<AreaResult> {
        let prog = self.prog;
        let evaluated: Vec<Evaluated> = if areas.len() >= self.parallel_from.max(2) {
            areas.par_iter().map(|a| evaluate(prog, a)).collect()
        } else {
            areas.iter().map(|a| evaluate(prog, a)).collect()
        };
        let first = self.seen;
        self.seen += areas.len();
        evaluated
            .into_iter()
            .enumerate()
            .map(|(k, e)| {
                self.count(first + k, &e.counts);
                e.result
            })
            .collect()
    }

    fn count(&mut self, ai: usize, counts: &[(Options, bool)]) {
        let mark = |list: &mut Vec<usize>| {
            if list.last() != Some(&ai) {
                list.push(ai);
            }
        };
        for (i, ((ti, _), (options, approx))) in self.prog.aggregates.iter().zip(counts).enumerate()
        {
            if let Some(t) = self.tallies.get_mut(i) {
                options.tally(t);
            }
            if !options.decided() {
                if let Some(list) = self.open.get_mut(*ti) {
                    mark(list);
                }
            }
            if *approx {
                if let Some(list) = self.approximate.get_mut(*ti) {
                    mark(list);
                }
            }
        }
    }

    /// The indices (in data order) of the areas that leave target `ti` open or approximate,
    /// so far; `None` past the last target.
    pub fn marked(&self, ti: usize) -> Option<(&[usize], &[usize])> {
        Some((self.open.get(ti)?, self.approximate.get(ti)?))
    }

    /// Decides the targets from everything seen.
    pub fn finish(self) -> Vec<TargetOutcome> {
        let mut targets = super::targets(self.prog, &self.tallies);
        for ((t, undecided), approx) in targets.iter_mut().zip(self.open).zip(self.approximate) {
            t.undecided = undecided;
            t.approximate = approx;
        }
        targets
    }
}

fn evaluate(prog: &Program, area: &Area) -> Evaluated {
    let mut ev = AreaEval::new(prog, area, None, NoTrace);
    ev.run();
    let counts = prog
        .aggregates
        .iter()
        .zip(&prog.aggregate_reads)
        .map(|((_, agg), reads)| targets::area_options(prog, area, &mut ev, agg, reads))
        .collect();
    Evaluated {
        result: ev.result,
        counts,
    }
}
