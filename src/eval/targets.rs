//! Targets, per possible outcome (LANGUAGE.md, Precise points): how one area counts into a
//! `count(COND among FILTER)`.
//!
//! An area whose COND or FILTER is unknown as submitted is looked at once for every filling of
//! the missing `choice`/`yes_no` inputs that they read (directly, through lets, or through the
//! assessments they name), re-assessed for each, and then for every combination of the possible
//! outcomes of the assessments they name, with the same combination in both. The union of what
//! those give (out of the filter, in and passing, in and failing) is the area's [`Options`].

use super::area::{AreaEval, NoTrace};
use super::program::Program;
use super::results::{Tally, Verdict};
use crate::check::{CExpr, CKind, Func, InputType};
use crate::data::Area;
use crate::value::Value;

/// The most fillings of missing inputs looked at for one area and one count; past it, COND and
/// FILTER are taken as independent (sound, less precise) and the target says so.
pub const MAX_FILLINGS: usize = 64;

/// The most combinations of possible outcomes looked at for one filling.
const MAX_COMBINATIONS: usize = 4096;

/// What an area can be for one `count`/`share`: a set of [`Options::OUT`], [`Options::PASS`],
/// [`Options::FAIL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options(pub u8);

impl Options {
    /// Outside the filter.
    pub const OUT: u8 = 1;
    /// In the filter, condition true.
    pub const PASS: u8 = 2;
    /// In the filter, condition false.
    pub const FAIL: u8 = 4;

    /// From a filter and condition that may be unknown.
    pub fn of(filter: Value, cond: Value) -> Options {
        if filter == Value::Bool(false) {
            return Options(Self::OUT);
        }
        let out = if filter == Value::Bool(true) {
            0
        } else {
            Self::OUT
        };
        let inside = match cond {
            Value::Bool(true) => Self::PASS,
            Value::Bool(false) => Self::FAIL,
            _ => Self::PASS | Self::FAIL,
        };
        Options(out | inside)
    }

    /// True when the area counts one way only.
    pub fn decided(self) -> bool {
        self.0.count_ones() == 1
    }

    /// Adds the area to a tally.
    pub fn tally(self, t: &mut Tally) {
        let (o, p, f) = (
            self.0 & Self::OUT != 0,
            self.0 & Self::PASS != 0,
            self.0 & Self::FAIL != 0,
        );
        let cell = match (o, p, f) {
            (false, true, false) => &mut t.tt,
            (false, true, true) => &mut t.tu,
            (false, false, true) => &mut t.tf,
            (true, true, false) => &mut t.ut,
            (true, true, true) => &mut t.uu,
            (true, false, true) => &mut t.uf,
            _ => return,
        };
        *cell += 1;
    }
}

/// What one `count`/`share` reads, worked out once per program.
#[derive(Debug, Clone, Default)]
pub struct Reads {
    /// Input slots of type `choice`/`yes_no` that a filling may set: (slot, domain size,
    /// whether a yes/no).
    pub slots: Vec<(u32, u16, bool)>,
    /// Assessments whose verdict COND or FILTER names.
    pub assessments: Vec<u32>,
}

/// Works out what COND and FILTER of an aggregate read.
pub fn reads(prog: &Program, agg: &CExpr) -> Reads {
    let mut w = Walker {
        prog,
        reads: Reads::default(),
        lets: vec![false; prog.rules.lets.len()],
        assessments: vec![false; prog.rules.assessments.len()],
    };
    if let CKind::Aggregate { cond, among, .. } = &agg.kind {
        for e in std::iter::once(&**cond).chain(among.as_deref()) {
            e.walk(&mut |n| {
                if let CKind::VerdictIs { assessment, .. } | CKind::VerdictIn { assessment, .. } =
                    n.kind
                {
                    if !w.reads.assessments.contains(&assessment) {
                        w.reads.assessments.push(assessment);
                    }
                }
            });
            w.expr(e);
        }
    }
    w.reads
}

struct Walker<'p> {
    prog: &'p Program,
    reads: Reads,
    lets: Vec<bool>,
    assessments: Vec<bool>,
}

impl Walker<'_> {
    fn expr(&mut self, e: &CExpr) {
        crate::stack::grow(|| self.node(e))
    }

    fn node(&mut self, e: &CExpr) {
        match &e.kind {
            CKind::Input(slot) => self.slot(*slot),
            CKind::Let(l) => self.let_(*l as usize),
            CKind::Criterion { assessment, .. }
            | CKind::CriterionIs { assessment, .. }
            | CKind::VerdictIs { assessment, .. }
            | CKind::VerdictIn { assessment, .. } => self.assessment(*assessment as usize),
            // Read under `known(…)` or on the left of `??`: stays as submitted.
            CKind::Call(Func::Known, _) => {}
            CKind::Binary(crate::ast::BinOp::Coalesce, _, r) => self.expr(r),
            _ => e.children().into_iter().for_each(|c| self.expr(c)),
        }
    }

    fn slot(&mut self, slot: u32) {
        let rules = &self.prog.rules;
        let Some(s) = rules.slots.get(slot as usize) else {
            return;
        };
        let (size, yes_no) = match rules.inputs.get(s.input as usize).map(|i| &i.ty) {
            Some(InputType::Choice(opts)) => (opts.len().min(u16::MAX as usize) as u16, false),
            Some(InputType::YesNo) => (2, true),
            _ => return,
        };
        if !self.reads.slots.iter().any(|(s, ..)| *s == slot) {
            self.reads.slots.push((slot, size, yes_no));
        }
    }

    fn let_(&mut self, l: usize) {
        if self.lets.get(l) != Some(&false) {
            return;
        }
        self.lets[l] = true;
        let prog = self.prog;
        if let Some(decl) = prog.rules.lets.get(l) {
            self.expr(&decl.expr);
        }
    }

    fn assessment(&mut self, a: usize) {
        if self.assessments.get(a) != Some(&false) {
            return;
        }
        self.assessments[a] = true;
        let prog = self.prog;
        let Some(decl) = prog.rules.assessments.get(a) else {
            return;
        };
        decl.when.iter().for_each(|w| self.expr(w));
        for c in &decl.criteria {
            c.when.iter().for_each(|w| self.expr(w));
            self.expr(&c.condition);
        }
        for o in decl.outcomes.iter().filter_map(|o| o.when.as_ref()) {
            self.expr(o);
        }
    }
}

/// How an area counts into one aggregate, and whether the 64-filling limit made it approximate.
pub fn area_options(
    prog: &Program,
    area: &Area,
    assessed: &mut AreaEval<'_, NoTrace>,
    agg: &CExpr,
    reads: &Reads,
) -> (Options, bool) {
    let CKind::Aggregate { cond, among, .. } = &agg.kind else {
        return (Options(Options::OUT), false);
    };
    let quick = Options::of(
        filter_value(assessed, among.as_deref()),
        assessed.eval(cond),
    );
    if quick.decided() {
        return (quick, false);
    }
    let missing: Vec<(u32, u16, bool)> = reads
        .slots
        .iter()
        .copied()
        .filter(|(s, ..)| !area.values.get(*s as usize).is_some_and(|v| v.is_known()))
        .collect();
    let fillings = missing
        .iter()
        .try_fold(1usize, |n, (_, size, _)| n.checked_mul(*size as usize))
        .filter(|&n| n <= MAX_FILLINGS);
    let Some(fillings) = fillings else {
        return (quick, true);
    };
    if missing.is_empty() {
        // Nothing to fill: the combinations of verdicts on the area as assessed.
        let saved: Vec<Verdict> = assessed
            .result
            .assessments
            .iter()
            .map(|a| a.verdict)
            .collect();
        let options = combinations(prog, assessed, cond, among.as_deref(), reads);
        for (r, v) in assessed.result.assessments.iter_mut().zip(saved) {
            r.verdict = v;
        }
        return options.map_or((quick, true), |o| (o, false));
    }
    let mut options = Options(0);
    let mut filled = area.clone();
    for k in 0..fillings {
        fill(&mut filled, &missing, k);
        let mut ev = AreaEval::new(prog, &filled, None, NoTrace);
        ev.run();
        match combinations(prog, &mut ev, cond, among.as_deref(), reads) {
            Some(o) => options.0 |= o.0,
            None => return (quick, true),
        }
    }
    (options, false)
}

fn filter_value(ev: &mut AreaEval<'_, NoTrace>, among: Option<&CExpr>) -> Value {
    among.map_or(Value::Bool(true), |f| ev.eval(f))
}

/// Sets the missing slots to the `k`-th combination of their values (mixed radix).
fn fill(area: &mut Area, missing: &[(u32, u16, bool)], mut k: usize) {
    for &(slot, size, yes_no) in missing {
        let size = size.max(1) as usize;
        let v = (k % size) as u16;
        k /= size;
        let value = if yes_no {
            Value::Bool(v == 1)
        } else {
            Value::Choice(v)
        };
        if let Some(cell) = area.values.get_mut(slot as usize) {
            *cell = value;
        }
    }
}

/// The union of options over every combination of the possible verdicts of the named
/// assessments; `None` past [`MAX_COMBINATIONS`].
fn combinations(
    prog: &Program,
    ev: &mut AreaEval<'_, NoTrace>,
    cond: &CExpr,
    among: Option<&CExpr>,
    reads: &Reads,
) -> Option<Options> {
    let choices: Vec<(usize, Vec<Verdict>)> = reads
        .assessments
        .iter()
        .filter_map(|&a| {
            let v = ev.result.assessments.get(a as usize)?.verdict;
            let n = prog.rules.assessments.get(a as usize)?.outcomes.len();
            let list = match v {
                Verdict::Unknown(p) => {
                    let mut l: Vec<Verdict> = p.outcomes().map(Verdict::Outcome).collect();
                    if p.has_na() {
                        l.push(Verdict::Na);
                    }
                    l
                }
                Verdict::Invalid => (0..n as u32)
                    .map(Verdict::Outcome)
                    .chain([Verdict::Na])
                    .collect(),
                _ => return None,
            };
            Some((a as usize, list))
        })
        .collect();
    let total = choices
        .iter()
        .try_fold(1usize, |n, (_, l)| n.checked_mul(l.len().max(1)))
        .filter(|&n| n <= MAX_COMBINATIONS)?;
    let mut options = Options(0);
    for mut k in 0..total {
        for (a, list) in &choices {
            let len = list.len().max(1);
            if let (Some(r), Some(v)) = (ev.result.assessments.get_mut(*a), list.get(k % len)) {
                r.verdict = *v;
            }
            k /= len;
        }
        options.0 |= Options::of(filter_value(ev, among), ev.eval(cond)).0;
    }
    Some(options)
}
