//! What the council report shows, as typed data gathered from one assessment run. No sentence
//! is made here: the renderers ([`super::html`], [`super::md`]) word it in the reader's language.

use crate::ast::BinOp;
use crate::check::{CKind, Rules};
use crate::eval::explain::{explain_area, AreaExplanation};
use crate::eval::{CriterionResult, TargetResult, Verdict};
use crate::num::Num;
use crate::value::Value;
use crate::Results;

/// The whole report.
pub struct Report<'a> {
    /// The run: rules, data, results.
    pub outcome: &'a Results,
    /// One per target, in file order.
    pub targets: Vec<TargetView>,
    /// One per assessment, in file order.
    pub assessments: Vec<AssessmentView>,
    /// The explanation of every area, in data order.
    pub explanations: Vec<AreaExplanation>,
}

/// One target and what decided it.
pub struct TargetView {
    /// Its index in the rules.
    pub index: usize,
    /// The result.
    pub result: TargetResult,
    /// The `count`/`share` calls it reads.
    pub tallies: Vec<TallyView>,
    /// What the first tally is compared with, when the target is `count/share OP value`.
    pub threshold: Option<Threshold>,
    /// The areas (data indices) whose missing or invalid data still decide it.
    pub deciding: Vec<usize>,
    /// How many areas were counted approximately (too many ways to fill their gaps).
    pub approximate: usize,
    /// True when no area can be in the `among` of its share.
    pub no_areas: bool,
    /// The provisional params it rests on.
    pub provisional: Vec<u32>,
}

/// What one `count`/`share` saw.
pub struct TallyView {
    /// `share` rather than `count`.
    pub share: bool,
    /// Lowest and highest possible count.
    pub count: (u64, u64),
    /// Lowest and highest possible number of areas in the `among`.
    pub members: (u64, u64),
    /// Lowest and highest possible share, for a share that decides something.
    pub range: Option<(Num, Num)>,
}

/// `OP value` of a target.
pub struct Threshold {
    /// The comparison.
    pub op: BinOp,
    /// The value compared with.
    pub value: Num,
}

/// A verdict as counted: one key per outcome, and the other states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum VerdictKey {
    /// The outcome with this index.
    Outcome(u32),
    /// Not decided.
    Unknown,
    /// The area's data has errors.
    Invalid,
    /// Does not apply.
    Na,
}

impl VerdictKey {
    /// The key of a verdict.
    pub fn of(v: Verdict) -> VerdictKey {
        match v {
            Verdict::Outcome(o) => VerdictKey::Outcome(o),
            Verdict::Unknown(_) => VerdictKey::Unknown,
            Verdict::Invalid => VerdictKey::Invalid,
            Verdict::Na => VerdictKey::Na,
        }
    }
}

/// One assessment over the data set.
pub struct AssessmentView {
    /// Its index in the rules.
    pub index: usize,
    /// The areas it applies to (or may apply to), in data order.
    pub rows: Vec<AreaRow>,
    /// How many areas it does not apply to (not listed).
    pub not_in_scope: usize,
    /// The verdicts that occur, in order (outcomes first), without `Na`.
    pub keys: Vec<VerdictKey>,
    /// Per district (in order of first appearance): the count of each of `keys`.
    pub districts: Vec<(String, Vec<usize>)>,
    /// True when it has point criteria.
    pub has_points: bool,
    /// The provisional params its verdicts rest on.
    pub provisional: Vec<u32>,
}

/// One area in an assessment's table.
pub struct AreaRow {
    /// The area's index in the data.
    pub area: usize,
    /// Its verdict.
    pub verdict: Verdict,
    /// Points and maximum points (lowest, highest), for an assessment with points.
    pub points: Option<((Num, Num), (Num, Num))>,
    /// The required criteria (indices in the assessment) that failed.
    pub failed: Vec<usize>,
    /// The required criteria that are unknown.
    pub unknown: Vec<usize>,
}

impl<'a> Report<'a> {
    /// Gathers the report of a run (explaining every area).
    pub fn build(outcome: &'a Results) -> Report<'a> {
        let rules = &outcome.program.rules;
        let targets = (0..rules.targets.len().min(outcome.assessed.targets.len()))
            .map(|ti| target(outcome, ti))
            .collect();
        let assessments = (0..rules.assessments.len())
            .map(|ai| assessment(outcome, ai))
            .collect();
        let explanations = outcome
            .data
            .areas
            .iter()
            .map(|a| explain_area(&outcome.program, a))
            .collect();
        Report {
            outcome,
            targets,
            assessments,
            explanations,
        }
    }

    /// The rules.
    pub fn rules(&self) -> &Rules {
        &self.outcome.program.rules
    }
}

fn target(outcome: &Results, ti: usize) -> TargetView {
    let t = &outcome.program.rules.targets[ti];
    let o = &outcome.assessed.targets[ti];
    let tallies = o
        .tallies
        .iter()
        .map(|(id, tally, _)| {
            let share = outcome.program.is_share(*id);
            let members = tally.members();
            TallyView {
                share,
                count: tally.count(),
                members: (members, members + tally.maybe_members()),
                range: if share { tally.share() } else { None },
            }
        })
        .collect();
    let threshold = match &t.expr.kind {
        CKind::Binary(op, l, r)
            if op.is_comparison() && matches!(l.kind, CKind::Aggregate { .. }) =>
        {
            constant(&outcome.program.rules, r).map(|value| Threshold { op: *op, value })
        }
        _ => None,
    };
    TargetView {
        index: ti,
        result: o.result,
        tallies,
        threshold,
        deciding: o.undecided.clone(),
        approximate: o.approximate.len(),
        no_areas: o.no_areas,
        provisional: outcome
            .program
            .rules
            .provisional(&t.params)
            .filter_map(|p| outcome.program.rules.param_index(&p.id))
            .map(|i| i as u32)
            .collect(),
    }
}

/// The number an expression stands for when it is a constant or a param.
fn constant(rules: &Rules, e: &crate::check::CExpr) -> Option<Num> {
    match &e.kind {
        CKind::Const(Value::Num(n)) => Some(*n),
        CKind::Param(p) => match rules.params.get(*p as usize)?.value {
            Value::Num(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

fn assessment(outcome: &Results, ai: usize) -> AssessmentView {
    let rules = &outcome.program.rules;
    let a = &rules.assessments[ai];
    let has_points = a.criteria.iter().any(|c| c.points.is_some());
    let offset = outcome
        .program
        .criterion_offset
        .get(ai)
        .copied()
        .unwrap_or(0);
    let mut rows = Vec::new();
    let mut not_in_scope = 0;
    let mut keys: Vec<VerdictKey> = Vec::new();
    let mut per_district: Vec<(String, Vec<VerdictKey>)> = Vec::new();
    for (i, (area, result)) in outcome
        .data
        .areas
        .iter()
        .zip(&outcome.assessed.areas)
        .enumerate()
    {
        let Some(r) = result.assessments.get(ai) else {
            continue;
        };
        if r.verdict == Verdict::Na {
            not_in_scope += 1;
            continue;
        }
        let key = VerdictKey::of(r.verdict);
        if !keys.contains(&key) {
            keys.push(key);
        }
        match per_district.iter_mut().find(|(d, _)| *d == area.district) {
            Some((_, list)) => list.push(key),
            None => per_district.push((area.district.clone(), vec![key])),
        }
        let required = |want: CriterionResult| -> Vec<usize> {
            a.criteria
                .iter()
                .enumerate()
                .filter(|(ci, c)| c.required && result.criteria.get(offset + ci) == Some(&want))
                .map(|(ci, _)| ci)
                .collect()
        };
        let decided = !matches!(r.verdict, Verdict::Invalid);
        rows.push(AreaRow {
            area: i,
            verdict: r.verdict,
            points: (has_points && decided).then_some((r.points, r.max_points)),
            failed: if decided {
                required(CriterionResult::Fail)
            } else {
                vec![]
            },
            unknown: if decided {
                required(CriterionResult::Unknown)
            } else {
                vec![]
            },
        });
    }
    keys.sort();
    let districts = per_district
        .into_iter()
        .map(|(d, list)| {
            let counts = keys
                .iter()
                .map(|k| list.iter().filter(|x| *x == k).count())
                .collect();
            (d, counts)
        })
        .collect();
    let params = if rows.is_empty() {
        &a.when_params
    } else {
        &a.params
    };
    AssessmentView {
        index: ai,
        rows,
        not_in_scope,
        keys,
        districts,
        has_points,
        provisional: rules
            .provisional(params)
            .filter_map(|p| rules.param_index(&p.id))
            .map(|i| i as u32)
            .collect(),
    }
}

/// A number as a float, for drawing only (never for a decision).
pub fn approx(n: Num) -> f64 {
    n.numer() as f64 / n.denom() as f64
}
