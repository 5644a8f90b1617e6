//! Ordering `let`s and assessments so that each refers only to earlier ones, and resolving them
//! in that order. Cycles are reported at the names that close them.

use super::{codes, model::*, resolve::Scope, Checker, Named};
use crate::ast::{self, Expr, ExprKind, Span};
use crate::diag::Diagnostic;
use crate::msg;
use std::collections::HashSet;

/// Every plain name an expression mentions (not members, not periods).
pub(super) fn names_in(e: &Expr, out: &mut HashSet<String>) {
    crate::stack::grow(|| match &e.node {
        ExprKind::Name { name, .. } => {
            out.insert(name.node.clone());
        }
        ExprKind::Call { args, among, .. } => {
            args.iter().for_each(|a| names_in(a, out));
            if let Some(f) = among {
                names_in(f, out);
            }
        }
        ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::Paren(x) => names_in(x, out),
        ExprKind::In { value, .. } => names_in(value, out),
        ExprKind::Binary { lhs, rhs, .. } => {
            names_in(lhs, out);
            names_in(rhs, out);
        }
        _ => {}
    })
}

/// Kahn's algorithm: an order of `0..n` where each node's dependencies come first, and the
/// nodes left in cycles.
fn topo_order(deps: &[Vec<usize>]) -> (Vec<usize>, Vec<usize>) {
    let n = deps.len();
    let mut remaining: Vec<usize> = deps.iter().map(Vec::len).collect();
    let mut users: Vec<Vec<usize>> = vec![vec![]; n];
    for (i, ds) in deps.iter().enumerate() {
        for &d in ds {
            users[d].push(i);
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| remaining[i] == 0).rev().collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(i);
        for &u in users[i].iter().rev() {
            remaining[u] -= 1;
            if remaining[u] == 0 {
                ready.push(u);
            }
        }
    }
    let cyclic = (0..n).filter(|&i| remaining[i] > 0).collect();
    (order, cyclic)
}

impl Checker<'_> {
    fn deps_on(&self, exprs: &[&Expr], pick: impl Fn(Named) -> Option<u32>) -> Vec<usize> {
        let mut names = HashSet::new();
        exprs.iter().for_each(|e| names_in(e, &mut names));
        let mut deps: Vec<usize> = names
            .iter()
            .filter_map(|n| self.names.get(n))
            .filter_map(|(k, _)| pick(*k))
            .map(|i| i as usize)
            .collect();
        deps.sort_unstable();
        deps.dedup();
        deps
    }

    pub(super) fn resolve_lets(&mut self, lets: &[&ast::LetDecl]) {
        let pick = |k| if let Named::Let(i) = k { Some(i) } else { None };
        let deps: Vec<Vec<usize>> = lets
            .iter()
            .map(|l| self.deps_on(&[&l.expr], pick))
            .collect();
        let (order, cyclic) = topo_order(&deps);
        for &i in &cyclic {
            let others: Vec<String> = deps[i]
                .iter()
                .filter(|d| cyclic.contains(d))
                .map(|&d| lets[d].id.node.clone())
                .collect();
            let d = Diagnostic::error(
                codes::LET_CYCLE,
                msg!("diag-let-cycle", name = lets[i].id.node.as_str()),
                lets[i].id.span,
            )
            .with_label(msg!(
                "diag-let-cycle-uses",
                list = super::decls::backticked(
                    &others.iter().map(String::as_str).collect::<Vec<_>>()
                )
            ))
            .with_help(msg!("diag-let-cycle-help"));
            self.error(d);
        }
        self.let_index = vec![None; lets.len()];
        for i in order {
            let l = lets[i];
            let scope = Scope::area();
            if let Some((expr, ty)) = self.resolve(&l.expr, &scope) {
                self.let_index[i] = Some(self.rules.lets.len() as u32);
                self.rules.lets.push(Let {
                    id: l.id.node.clone(),
                    label: l.label.as_ref().map(|s| s.node.clone()),
                    expr,
                    ty,
                    span: l.id.span,
                });
            }
        }
    }

    pub(super) fn resolve_assessments(&mut self, list: &[&ast::AssessmentDecl]) {
        let pick = |k| {
            if let Named::Assessment(i) = k {
                Some(i)
            } else {
                None
            }
        };
        let deps: Vec<Vec<usize>> = list
            .iter()
            .enumerate()
            .map(|(me, a)| {
                let mut exprs: Vec<&Expr> = a.when.iter().collect();
                for c in &a.criteria {
                    exprs.extend(c.when.iter());
                    exprs.push(&c.condition);
                }
                exprs.extend(a.outcomes.iter().filter_map(|o| o.when.as_ref()));
                self.deps_on(&exprs, pick)
                    .into_iter()
                    .filter(|&d| d != me)
                    .collect()
            })
            .collect();
        let (order, cyclic) = topo_order(&deps);
        for &i in &cyclic {
            let d = Diagnostic::error(
                codes::ASSESSMENT_CYCLE,
                msg!("diag-assessment-cycle", name = list[i].id.node.as_str()),
                list[i].id.span,
            )
            .with_help(msg!("diag-assessment-cycle-help"));
            self.error(d);
        }
        self.assessment_index = vec![u32::MAX; list.len()];
        for i in order {
            let final_index = self.rules.assessments.len() as u32;
            self.assessment_index[i] = final_index;
            let a = self.assessment(list[i], final_index);
            self.rules.assessments.push(a);
        }
    }

    fn assessment(&mut self, a: &ast::AssessmentDecl, index: u32) -> Assessment {
        let mut scope = Scope::area();
        let when = a.when.as_ref().and_then(|w| self.resolve_bool(w, &scope));
        let mut out = Assessment {
            id: a.id.node.clone(),
            label: a.label.node.clone(),
            when,
            criteria: vec![],
            outcomes: vec![],
            params: vec![],
            when_params: vec![],
            span: a.id.span,
        };
        scope.assessment = Some((index, a));
        for (ci, c) in a.criteria.iter().enumerate() {
            if a.criteria[..ci].iter().any(|p| p.id.node == c.id.node) {
                self.error(Diagnostic::error(
                    codes::DUPLICATE_NAME,
                    msg!("diag-criterion-twice", name = c.id.node.as_str()),
                    c.id.span,
                ));
            }
            scope.visible_criteria = ci;
            out.criteria.push(self.criterion(c, &scope));
        }
        scope.visible_criteria = a.criteria.len();
        scope.in_outcome = true;
        self.outcomes(a, &scope, &mut out);
        out
    }

    fn criterion(&mut self, c: &ast::CriterionDecl, scope: &Scope) -> Criterion {
        if let Some((n, span)) = c.points.as_ref().and_then(|p| match p.node {
            ast::PointsSpec::Number(n) if !crate::num::points_fit(n) => Some((n, p.span)),
            _ => None,
        }) {
            self.error(
                Diagnostic::error(
                    codes::BAD_POINTS,
                    msg!("diag-points-beyond", value = n.to_string()),
                    span,
                )
                .with_help(msg!("diag-points-help")),
            );
        }
        let when = c.when.as_ref().and_then(|w| self.resolve_bool(w, scope));
        let condition = self.resolve_bool(&c.condition, scope).unwrap_or(CExpr {
            kind: CKind::Const(crate::value::Value::Unknown),
            span: c.condition.span,
            id: u32::MAX,
        });
        let (points, points_param) = self.criterion_points(c.points.as_ref());
        Criterion {
            id: c.id.node.clone(),
            label: c.label.node.clone(),
            required: c.required,
            points,
            points_param,
            when,
            condition,
            span: c.id.span,
        }
    }

    fn outcomes(&mut self, a: &ast::AssessmentDecl, scope: &Scope, out: &mut Assessment) {
        let mut otherwise_seen: Option<&ast::OutcomeDecl> = None;
        for o in &a.outcomes {
            if a.outcomes
                .iter()
                .take_while(|p| !std::ptr::eq(*p, o))
                .any(|p| p.id.node == o.id.node)
            {
                self.error(Diagnostic::error(
                    codes::DUPLICATE_NAME,
                    msg!("diag-outcome-twice", name = o.id.node.as_str()),
                    o.id.span,
                ));
            }
            if let Some(other) = otherwise_seen {
                self.error(
                    Diagnostic::error(
                        codes::OUTCOME_AFTER_OTHERWISE,
                        msg!("diag-after-otherwise", name = o.id.node.as_str()),
                        o.span,
                    )
                    .with_secondary(other.span, msg!("diag-otherwise-here"))
                    .with_help(msg!("diag-after-otherwise-help")),
                );
            }
            let when = match &o.when {
                Some(w) => self.resolve_bool(w, scope),
                None => {
                    otherwise_seen.get_or_insert(o);
                    None
                }
            };
            out.outcomes.push(Outcome {
                id: o.id.node.clone(),
                label: o.label.node.clone(),
                when,
                span: o.id.span,
            });
        }
        if a.outcomes.len() > crate::eval::Possible::MAX_OUTCOMES {
            let message = msg!(
                "diag-too-many-outcomes",
                name = a.id.node.as_str(),
                count = a.outcomes.len().to_string(),
                max = crate::eval::Possible::MAX_OUTCOMES.to_string()
            );
            self.error(
                Diagnostic::error(codes::TOO_MANY_OUTCOMES, message, a.id.span)
                    .with_help(msg!("diag-too-many-outcomes-help")),
            );
        }
        if otherwise_seen.is_none() {
            let span = a.outcomes.last().map_or(a.id.span, |o| o.span);
            let message = msg!("diag-missing-otherwise", name = a.id.node.as_str());
            let mut d = Diagnostic::error(codes::MISSING_OTHERWISE, message, span)
                .with_label(msg!("diag-the-last-outcome"))
                .with_help(msg!("diag-missing-otherwise-help"));
            if !a.outcomes.is_empty() {
                let (at, insert) = self.otherwise_insertion(a, span);
                d = d.with_suggestion(at, insert);
            }
            self.error(d);
        }
    }
}

impl Checker<'_> {
    /// Where to insert a last `outcome … otherwise` after `last` (the last outcome's span) and
    /// its text, indented as that outcome, with an id no outcome has.
    fn otherwise_insertion(&self, a: &ast::AssessmentDecl, last: Span) -> (Span, String) {
        let line = self
            .sources
            .get(last.file)
            .map_or("", |f| f.line_text(last.start));
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let id = ["chua_dat", "khac", "con_lai"]
            .into_iter()
            .find(|id| a.outcomes.iter().all(|o| o.id.node != *id))
            .unwrap_or("otherwise_outcome");
        let at = Span {
            start: last.end,
            ..last
        };
        (at, format!("\n{indent}outcome {id} \"Chưa đạt\" otherwise"))
    }
}
