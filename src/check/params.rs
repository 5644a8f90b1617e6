//! Params in two roles beyond expressions: `points PARAM` (a criterion's weight taken from a
//! param, v0.1), and the static record of which params each verdict and target rests on, so that
//! outputs can mark results that rest on a `provisional` param.

use super::{codes, model::*, Checker, Named};
use crate::ast::{self, PointsSpec, Spanned};
use crate::diag::{did_you_mean, Diagnostic};
use crate::i18n::Msg;
use crate::msg;
use crate::num::Num;
use crate::value::Value;
use std::collections::BTreeSet;

impl Rules {
    /// The params a verdict of assessment `ai` rests on: those of its `when` alone for `na`,
    /// none for `invalid` (the area was not assessed), else every param it reads.
    pub fn verdict_params(&self, ai: usize, verdict: &crate::eval::Verdict) -> &[u32] {
        let Some(a) = self.assessments.get(ai) else {
            return &[];
        };
        match verdict {
            crate::eval::Verdict::Na => &a.when_params,
            crate::eval::Verdict::Invalid => &[],
            _ => &a.params,
        }
    }

    /// Why `v` cannot be the value of param `p` when `p` gives a criterion its points
    /// (`points PARAM`): points are a plain number ≥ 0. `None` when it can.
    pub fn points_value_problem(&self, p: u32, v: Value) -> Option<Msg> {
        if !self.is_points_param(p) {
            return None;
        }
        let id = self.params.get(p as usize).map_or("", |x| x.id.as_str());
        match v {
            Value::Num(n) if crate::num::points_fit(n) => None,
            _ => Some(msg!(
                "diag-points-param-problem",
                name = id,
                help = msg!("diag-points-help")
            )),
        }
    }
}

impl Checker<'_> {
    /// The points of a criterion: (value, param index) for `points N` or `points PARAM`.
    pub(super) fn criterion_points(
        &mut self,
        spec: Option<&Spanned<PointsSpec>>,
    ) -> (Option<Num>, Option<u32>) {
        let Some(spec) = spec else {
            return (None, None);
        };
        match &spec.node {
            PointsSpec::Number(n) => (Some(*n), None),
            PointsSpec::Param(id) => match self.points_param(id, spec.span) {
                Some((p, n)) => (Some(n), Some(p)),
                None => (None, None),
            },
        }
    }

    fn points_param(&mut self, id: &str, span: ast::Span) -> Option<(u32, Num)> {
        let Some(&(named, _)) = self.names.get(id) else {
            let ids: Vec<&str> = self.rules.params.iter().map(|p| p.id.as_str()).collect();
            let help = did_you_mean(id, ids.iter().copied())
                .unwrap_or_else(|| msg!("diag-declare-param-help", name = id));
            let d = Diagnostic::error(
                codes::UNKNOWN_NAME,
                msg!("diag-not-declared", name = id),
                span,
            )
            .with_label(msg!("diag-unknown-param"))
            .with_help(help);
            self.error(d);
            return None;
        };
        let param = match named {
            Named::Param(p) => self.rules.params.get(p as usize).map(|x| (p, x)),
            _ => None,
        };
        let problem = match param {
            None => msg!("diag-not-a-param", name = id),
            Some((_, x)) if x.ty != Type::Number || x.written.contains('%') => {
                msg!(
                    "diag-points-not-plain",
                    name = id,
                    written = x.written.as_str()
                )
            }
            Some((_, x)) => match x.value {
                Value::Num(n) if crate::num::points_fit(n) => return param.map(|(p, _)| (p, n)),
                _ => msg!(
                    "diag-points-not-weight",
                    name = id,
                    written = x.written.as_str(),
                    help = msg!("diag-points-help")
                ),
            },
        };
        let d = Diagnostic::error(
            codes::BAD_POINTS,
            msg!("diag-points-plain", problem = problem),
            span,
        )
        .with_help(msg!("diag-points-plain-help"));
        self.error(d);
        None
    }

    /// Records in every assessment and target the params its result rests on.
    pub(super) fn record_params_read(&mut self) {
        let rules = &self.rules;
        let mut lets: Vec<BTreeSet<u32>> = Vec::with_capacity(rules.lets.len());
        for l in &rules.lets {
            let mut out = BTreeSet::new();
            params_in(&l.expr, &lets, &[], &mut out);
            lets.push(out);
        }
        let mut assessments: Vec<BTreeSet<u32>> = Vec::with_capacity(rules.assessments.len());
        let mut whens: Vec<Vec<u32>> = Vec::with_capacity(rules.assessments.len());
        for a in &rules.assessments {
            let mut out = BTreeSet::new();
            if let Some(w) = &a.when {
                params_in(w, &lets, &assessments, &mut out);
            }
            whens.push(out.iter().copied().collect());
            let mut read = |e: &CExpr| params_in(e, &lets, &assessments, &mut out);
            for c in &a.criteria {
                c.when.iter().for_each(&mut read);
                read(&c.condition);
            }
            a.outcomes
                .iter()
                .filter_map(|o| o.when.as_ref())
                .for_each(read);
            out.extend(a.criteria.iter().filter_map(|c| c.points_param));
            assessments.push(out);
        }
        let targets: Vec<BTreeSet<u32>> = rules
            .targets
            .iter()
            .map(|t| {
                let mut out = BTreeSet::new();
                params_in(&t.expr, &lets, &assessments, &mut out);
                out
            })
            .collect();
        for ((a, set), when) in self
            .rules
            .assessments
            .iter_mut()
            .zip(assessments)
            .zip(whens)
        {
            a.params = set.into_iter().collect();
            a.when_params = when;
        }
        for (t, set) in self.rules.targets.iter_mut().zip(targets) {
            t.params = set.into_iter().collect();
        }
    }
}

/// The params an expression reads: its own, and those of the lets and assessments it names.
fn params_in(
    e: &CExpr,
    lets: &[BTreeSet<u32>],
    assessments: &[BTreeSet<u32>],
    out: &mut BTreeSet<u32>,
) {
    e.walk(&mut |n| {
        let via = match &n.kind {
            CKind::Param(p) => {
                out.insert(*p);
                None
            }
            CKind::Let(l) => lets.get(*l as usize),
            CKind::Criterion { assessment, .. }
            | CKind::CriterionIs { assessment, .. }
            | CKind::VerdictIs { assessment, .. }
            | CKind::VerdictIn { assessment, .. } => assessments.get(*assessment as usize),
            _ => None,
        };
        if let Some(set) = via {
            out.extend(set.iter().copied());
        }
    });
}
