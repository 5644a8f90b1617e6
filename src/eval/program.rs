//! The compile step: params applied and constants folded, so evaluation does no name lookups.

use super::ops;
use crate::check::{CExpr, CKind, Func, Rules};
use crate::value::Value;
use std::sync::Arc;

/// Rules ready to evaluate: params folded into constants, criteria laid out flat. Cheap to
/// clone: the rules, their source texts and the node texts are shared.
#[derive(Debug, Clone)]
pub struct Program {
    /// The rules with params replaced by their (possibly overridden) values; their source texts
    /// and node texts are shared with the checked rules, not copied.
    pub rules: Arc<Rules>,
    /// Where each assessment's criteria start in an area's flat criterion list.
    pub criterion_offset: Vec<usize>,
    /// Total number of criteria.
    pub criterion_count: usize,
    /// The `count`/`share` nodes of the targets: (target index, node).
    pub aggregates: Vec<(usize, CExpr)>,
    /// What each aggregate's COND and FILTER read (same order as `aggregates`).
    pub aggregate_reads: Vec<super::targets::Reads>,
    /// `percent[node id]`: whether the node's numbers are shown as percents.
    pub percent: Vec<bool>,
    /// `snippets[node id]`: the node's text as written (shared with the checked rules).
    pub snippets: Arc<[Arc<str>]>,
    /// `param_of[node id]`: the param a constant node was folded from (where each constant
    /// came from, for explanations).
    pub param_of: Vec<Option<u32>>,
}

impl Program {
    /// True when the `count`/`share` node `id` of a target is a `share`.
    pub fn is_share(&self, id: u32) -> bool {
        self.aggregates
            .iter()
            .any(|(_, e)| e.id == id && matches!(e.kind, CKind::Aggregate { share: true, .. }))
    }
}

/// Compiles checked rules with param overrides `(param index, value)`.
pub fn compile(rules: &Rules, overrides: &[(u32, Value)]) -> Program {
    let mut rules = rules.clone();
    for &(p, v) in overrides {
        if let Some(param) = rules.params.get_mut(p as usize) {
            param.value = v;
        }
    }
    let params: Vec<Value> = rules.params.iter().map(|p| p.value).collect();
    points_from_params(&mut rules, &params);
    let mut param_of = vec![None; rules.node_count as usize];
    let mut fold = |e: &mut CExpr| fold(e, &params, &mut param_of);
    rules.lets.iter_mut().for_each(|l| fold(&mut l.expr));
    for a in &mut rules.assessments {
        a.when.iter_mut().for_each(&mut fold);
        for c in &mut a.criteria {
            c.when.iter_mut().for_each(&mut fold);
            fold(&mut c.condition);
        }
        a.outcomes
            .iter_mut()
            .filter_map(|o| o.when.as_mut())
            .for_each(&mut fold);
    }
    rules.targets.iter_mut().for_each(|t| fold(&mut t.expr));
    for t in &mut rules.tests {
        t.expects.iter_mut().for_each(|x| fold(&mut x.expr));
    }
    let mut criterion_offset = Vec::with_capacity(rules.assessments.len());
    let mut n = 0;
    for a in &rules.assessments {
        criterion_offset.push(n);
        n += a.criteria.len();
    }
    let mut aggregates = Vec::new();
    for (ti, t) in rules.targets.iter().enumerate() {
        t.expr.walk(&mut |e| {
            if matches!(e.kind, CKind::Aggregate { .. }) {
                aggregates.push((ti, e.clone()));
            }
        });
    }
    let percent = super::display::percent_flags(&rules, &param_of);
    let snippets = Arc::clone(&rules.snippets);
    let mut prog = Program {
        rules: Arc::new(rules),
        criterion_offset,
        criterion_count: n,
        aggregates,
        aggregate_reads: Vec::new(),
        percent,
        snippets,
        param_of,
    };
    prog.aggregate_reads = prog
        .aggregates
        .iter()
        .map(|(_, e)| super::targets::reads(&prog, e))
        .collect();
    prog
}

/// Sets the points of each `points PARAM` criterion from the param's value (overrides applied).
fn points_from_params(rules: &mut crate::check::Rules, params: &[Value]) {
    for c in rules.assessments.iter_mut().flat_map(|a| &mut a.criteria) {
        if let Some(Value::Num(n)) = c.points_param.and_then(|p| params.get(p as usize)) {
            c.points = Some(*n);
        }
    }
}

/// Replaces params by constants and folds operations whose operands are all constant.
/// `param_of[node id]` records the param each folded param node came from.
fn fold(e: &mut CExpr, params: &[Value], param_of: &mut [Option<u32>]) {
    crate::stack::grow(|| fold_here(e, params, param_of))
}

fn fold_here(e: &mut CExpr, params: &[Value], param_of: &mut [Option<u32>]) {
    match &mut e.kind {
        CKind::Param(p) => {
            if let Some(slot) = param_of.get_mut(e.id as usize) {
                *slot = Some(*p);
            }
            e.kind = CKind::Const(params.get(*p as usize).copied().unwrap_or(Value::Unknown))
        }
        CKind::Not(x) | CKind::Neg(x) => fold(x, params, param_of),
        CKind::ChoiceIn { value, .. } => return fold(value, params, param_of),
        CKind::Binary(_, a, b) => {
            fold(a, params, param_of);
            fold(b, params, param_of);
        }
        CKind::Call(_, args) => args.iter_mut().for_each(|a| fold(a, params, param_of)),
        CKind::Aggregate { cond, among, .. } => {
            fold(cond, params, param_of);
            if let Some(f) = among {
                fold(f, params, param_of);
            }
        }
        _ => return,
    }
    if let Some(v) = constant_value(e) {
        e.kind = CKind::Const(v);
    }
}

fn constant(e: &CExpr) -> Option<Value> {
    match e.kind {
        CKind::Const(v) if !matches!(v, Value::Text(_)) => Some(v),
        _ => None,
    }
}

fn constant_value(e: &CExpr) -> Option<Value> {
    Some(match &e.kind {
        CKind::Not(x) => ops::not(constant(x)?),
        CKind::Neg(x) => ops::neg(constant(x)?),
        CKind::Binary(op, a, b) => {
            let (a, b) = (constant(a)?, constant(b)?);
            match op {
                crate::ast::BinOp::And => ops::and(a, b),
                crate::ast::BinOp::Or => ops::or(a, b),
                crate::ast::BinOp::Coalesce => return None,
                op if op.is_comparison() => ops::compare(*op, a, b),
                op => ops::arith(*op, a, b),
            }
        }
        CKind::Call(f @ (Func::Ratio | Func::Change | Func::Abs), args) => {
            let vals: Option<Vec<Value>> = args.iter().map(constant).collect();
            let vals = vals?;
            match f {
                Func::Ratio => ops::ratio(vals[0], vals[1]),
                Func::Change => ops::change(vals[0], vals[1]),
                _ => ops::abs(vals[0]),
            }
        }
        _ => return None,
    })
    .filter(|v| v.is_known())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiling_shares_the_source_texts_and_node_texts() {
        let text = "ruleset r \"R\"\ninput vu \"Số vụ\": count\nparam n \"N\" = 2\nassessment a \"A\" {\n  criterion C \"C\" required { vu >= n + 1 }\n  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\n";
        let checked = crate::check::check_text("r.tc", text);
        let rules = checked.rules.expect("the rules check");
        assert!(Arc::ptr_eq(&rules.sources, &checked.sources));
        let a = compile(&rules, &[]);
        let b = compile(&rules, &[(0, Value::Num(crate::num::Num::int(5)))]);
        for prog in [&a, &b] {
            assert!(Arc::ptr_eq(&prog.rules.sources, &rules.sources));
            assert!(Arc::ptr_eq(&prog.snippets, &rules.snippets));
        }
        let shown: Vec<&str> = a.snippets.iter().map(|s| &**s).collect();
        assert!(shown.contains(&"vu >= n + 1"), "{shown:?}");
        // The override is folded into b only.
        assert_ne!(
            a.rules.assessments[0].criteria[0].condition.kind,
            b.rules.assessments[0].criteria[0].condition.kind
        );
    }
}
