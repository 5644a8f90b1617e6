//! What decided a target, as data: the counts of its `count`/`share` calls and the comparison
//! they were held against. `report::diff` puts it into words (`5 of 8 areas, 62.5% ≥ 60%`).

use crate::ast::BinOp;
use crate::check::CKind;
use crate::eval::explain::Shown;
use crate::eval::{Program, TargetOutcome, TargetResult};
use crate::value::Value;

/// One `count(…)` or `share(…)` of a target, as the data filled it.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyCount {
    /// Lowest and highest possible count of areas meeting the condition.
    pub count: (u64, u64),
    /// Lowest and highest possible number of areas in the `among` filter.
    pub members: (u64, u64),
    /// For a `share`, its value (a percent, or a range when the data leaves it open).
    pub share: Option<Shown>,
}

/// The comparison a target makes of its one count or share: `≥ 60%`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The operator as written.
    pub op: BinOp,
    /// The value compared with.
    pub value: Shown,
}

/// The counts behind one target's result.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetTally {
    /// The result.
    pub result: TargetResult,
    /// Each count or share the target reads, in order.
    pub counts: Vec<TallyCount>,
    /// The comparison, when the target compares one count or share with a value.
    pub comparison: Option<Comparison>,
    /// True when a share is unknown because no area can be in its `among` (0 of 0).
    pub no_areas: bool,
    /// Areas whose condition and filter were taken as independent (too many fillings).
    pub approximate: usize,
}

impl TargetTally {
    /// The tally of target `ti` of `prog`, whose outcome is `o`.
    pub fn of(prog: &Program, o: &TargetOutcome, ti: usize) -> TargetTally {
        let counts = o
            .tallies
            .iter()
            .map(|(id, tally, value)| {
                let agg = prog
                    .aggregates
                    .iter()
                    .find(|(_, e)| e.id == *id)
                    .map(|(_, e)| e);
                let share = agg
                    .filter(|e| matches!(e.kind, CKind::Aggregate { share: true, .. }))
                    .map(|e| Shown::of(prog, e, *value));
                let members = tally.members();
                TallyCount {
                    count: tally.count(),
                    members: (members, members + tally.maybe_members()),
                    share,
                }
            })
            .collect();
        let comparison = prog.rules.targets.get(ti).and_then(|t| match &t.expr.kind {
            CKind::Binary(op, l, r)
                if matches!(l.kind, CKind::Aggregate { .. }) && op.is_comparison() =>
            {
                let v = match r.kind {
                    CKind::Const(v) => v,
                    _ => Value::Unknown,
                };
                Some(Comparison {
                    op: *op,
                    value: Shown::of(prog, r, v),
                })
            }
            _ => None,
        });
        TargetTally {
            result: o.result,
            counts,
            comparison,
            no_areas: o.no_areas,
            approximate: o.approximate.len(),
        }
    }
}
