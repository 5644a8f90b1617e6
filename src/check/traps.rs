//! Warnings about rules that check but cannot mean what their author meant: a criterion with
//! its own `when` used as a yes/no value in an outcome, a comparison the inputs' domains decide
//! alone, and an outcome an earlier one always takes first.

use super::domain::{Decided, Domains, Num};
use super::{codes, model::*, Checker};
use crate::ast::BinOp;
use crate::diag::Diagnostic;
use crate::msg;
use crate::value::Value;

impl Checker<'_> {
    pub(super) fn trap_warnings(&mut self) {
        let domains = Domains::new(&self.rules, self.sources);
        let mut out = Vec::new();
        for l in &self.rules.lets {
            decided_in(&domains, &l.expr, None, self.sources, &mut out);
        }
        for a in &self.rules.assessments {
            let total = point_total(a);
            let mut exprs: Vec<&CExpr> = a.when.iter().collect();
            for c in &a.criteria {
                exprs.extend(c.when.iter());
                exprs.push(&c.condition);
            }
            for e in exprs {
                decided_in(&domains, e, None, self.sources, &mut out);
            }
            for o in &a.outcomes {
                if let Some(w) = &o.when {
                    decided_in(&domains, w, total, self.sources, &mut out);
                    self.na_as_false(w, &mut out);
                }
            }
            unreachable_outcomes(a, &domains, total, &mut out);
        }
        for t in &self.rules.targets {
            decided_in(&domains, &t.expr, None, self.sources, &mut out);
        }
        self.diags.extend(out);
    }

    /// `when C1 and C6` where C6 has its own `when`: `na` counts as false there.
    fn na_as_false(&self, e: &CExpr, out: &mut Vec<Diagnostic>) {
        e.walk(&mut |n| {
            let CKind::Criterion {
                assessment,
                criterion,
            } = n.kind
            else {
                return;
            };
            let Some(c) = self
                .rules
                .assessments
                .get(assessment as usize)
                .and_then(|a| a.criteria.get(criterion as usize))
            else {
                return;
            };
            if c.when.is_none() {
                return;
            }
            let name = self.sources.snippet(n.span).trim().to_string();
            let d = Diagnostic::warning(
                codes::NA_AS_FALSE,
                msg!("diag-na-as-false", name = name.as_str()),
                n.span,
            )
            .with_label(msg!("diag-na-as-false-label"))
            .with_secondary(c.span, msg!("diag-na-as-false-when"))
            .with_help(msg!("diag-na-as-false-help", name = name.as_str()));
            out.push(d);
        });
    }
}

/// The sum of an assessment's point weights: the most `points` and `max_points` can be.
fn point_total(a: &Assessment) -> Option<Num> {
    a.criteria
        .iter()
        .filter_map(|c| c.points)
        .try_fold(Num::ZERO, |acc, p| {
            (p >= Num::ZERO).then_some(acc.checked_add(p)).flatten()
        })
}

/// Warns about each comparison in `e` that bounds decide alone.
fn decided_in(
    domains: &Domains,
    e: &CExpr,
    points: Option<Num>,
    sources: &crate::source::SourceMap,
    out: &mut Vec<Diagnostic>,
) {
    e.walk(&mut |n| {
        let Some(Decided { always, sides }) = domains.decide(n, points) else {
            return;
        };
        let CKind::Binary(_, l, r) = &n.kind else {
            return;
        };
        let (l, r) = (&**l, &**r);
        let text = sources.snippet(n.span).trim().to_string();
        let (message, help) = if always {
            (
                msg!("diag-always-true", text = text.as_str()),
                msg!("diag-always-true-help"),
            )
        } else {
            (
                msg!("diag-never-true", text = text.as_str()),
                msg!("diag-never-true-help"),
            )
        };
        // Point at the side(s) whose bounds decide it: the area's values, then params.
        let shown: Vec<_> = [(l, sides[0]), (r, sides[1])]
            .into_iter()
            .filter(|(s, _)| domains.reads_area(s) || matches!(s.kind, CKind::Param(_)))
            .collect();
        let Some(&(first, first_iv)) = shown.first() else {
            return;
        };
        let label = |s: &CExpr, iv: super::domain::Iv| {
            let t = sources.snippet(s.span).trim().to_string();
            match s.kind {
                CKind::Param(_) => {
                    msg!("diag-bounds-declared", text = t, bounds = iv.describe(true))
                }
                _ => msg!("diag-bounds", text = t, bounds = iv.describe(false)),
            }
        };
        let mut d = Diagnostic::warning(codes::DECIDED_COMPARISON, message, first.span)
            .with_label(label(first, first_iv));
        for &(s, iv) in &shown[1..] {
            d = d.with_secondary(s.span, label(s, iv));
        }
        out.push(d.with_help(help));
    });
}

/// Outcomes an earlier one always takes first: its condition is always true, or its
/// conjuncts are among the later one's.
fn unreachable_outcomes(
    a: &Assessment,
    domains: &Domains,
    total: Option<Num>,
    out: &mut Vec<Diagnostic>,
) {
    let always = |e: &CExpr| {
        conjuncts(e).iter().all(|c| {
            matches!(c.kind, CKind::Const(Value::Bool(true)))
                || domains.decide(c, total).is_some_and(|d| d.always)
        })
    };
    for (j, later) in a.outcomes.iter().enumerate() {
        let cover = a.outcomes[..j].iter().find_map(|earlier| {
            let w = earlier.when.as_ref()?;
            if always(w) {
                return Some((earlier, w, msg!("diag-condition-always-true")));
            }
            let (mine, theirs) = (conjuncts(later.when.as_ref()?), conjuncts(w));
            theirs
                .iter()
                .all(|t| mine.iter().any(|m| same(t, m)))
                .then_some((earlier, w, msg!("diag-condition-covers-later")))
        });
        let Some((earlier, w, why)) = cover else {
            continue;
        };
        let d = Diagnostic::warning(
            codes::UNREACHABLE_OUTCOME,
            msg!(
                "diag-unreachable-outcome",
                later = later.id.as_str(),
                earlier = earlier.id.as_str()
            ),
            later.span,
        )
        .with_label(msg!("diag-never-chosen"))
        .with_secondary(w.span, why)
        .with_help(msg!("diag-unreachable-outcome-help"));
        out.push(d);
    }
}

/// The parts of `a and b and …`.
fn conjuncts(e: &CExpr) -> Vec<&CExpr> {
    crate::stack::grow(|| conjuncts_node(e))
}

fn conjuncts_node(e: &CExpr) -> Vec<&CExpr> {
    match &e.kind {
        CKind::Binary(BinOp::And, l, r) => {
            let mut v = conjuncts(l);
            v.extend(conjuncts(r));
            v
        }
        _ => vec![e],
    }
}

/// Structural equality, ignoring spans and node ids.
fn same(a: &CExpr, b: &CExpr) -> bool {
    crate::stack::grow(|| same_node(a, b))
}

fn same_node(a: &CExpr, b: &CExpr) -> bool {
    match (&a.kind, &b.kind) {
        (CKind::Not(x), CKind::Not(y)) | (CKind::Neg(x), CKind::Neg(y)) => same(x, y),
        (CKind::Binary(o, l, r), CKind::Binary(p, m, s)) => o == p && same(l, m) && same(r, s),
        (CKind::Call(f, xs), CKind::Call(g, ys)) => {
            f == g && xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (
            CKind::Aggregate {
                share: s,
                cond: c,
                among: m,
            },
            CKind::Aggregate {
                share: t,
                cond: d,
                among: n,
            },
        ) => {
            s == t
                && same(c, d)
                && match (m, n) {
                    (Some(m), Some(n)) => same(m, n),
                    (None, None) => true,
                    _ => false,
                }
        }
        (x, y) => x == y,
    }
}
