//! Running the `test` blocks of a rules file: each test's areas are assessed with its `set`
//! overrides, then every `expect` is evaluated literally (`chuyen_hoa == unknown` asks whether
//! the verdict *is* unknown).

use crate::check::{CExpr, CKind, Rules, Test};
use crate::coverage::Coverage;
use crate::data::Area;
use crate::eval::explain::{explain_area, show_value, verdict_word, AreaExplanation};
use crate::eval::{assess, compile, AreaEval, NoTrace, Program, TargetResult};
use crate::value::Value;
use serde::Serialize;

/// The result of one test.
#[derive(Debug, Clone, Serialize)]
pub struct TestReport {
    /// The test's name.
    pub name: String,
    /// `file:line:col` of the test.
    pub location: String,
    /// Number of expectations checked.
    pub expectations: usize,
    /// The expectations that did not hold.
    pub failures: Vec<ExpectFailure>,
}

impl TestReport {
    /// True when every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// An expectation that did not hold.
#[derive(Debug, Clone, Serialize)]
pub struct ExpectFailure {
    /// The expectation as written.
    pub expected: String,
    /// `file:line:col` of the `expect`.
    pub location: String,
    /// The area it was evaluated for.
    pub area: String,
    /// What came instead, e.g. `chuyen_hoa is chua_dat`.
    pub actual: String,
    /// Why the area got its results.
    pub explanation: AreaExplanation,
}

/// Runs every test of the rules (including those of files they `use`), with their coverage.
pub fn run_tests(rules: &Rules) -> (Vec<TestReport>, Coverage) {
    let mut coverage = Coverage::new(rules);
    let reports = rules
        .tests
        .iter()
        .map(|t| run_test(rules, t, &mut coverage))
        .collect();
    (reports, coverage)
}

fn location(rules: &Rules, span: crate::ast::Span) -> String {
    rules.sources.get(span.file).map_or(String::new(), |f| {
        let (l, c) = f.line_col(span.start);
        format!("{}:{l}:{c}", f.name)
    })
}

/// The areas of a test as data.
pub fn test_areas(rules: &Rules, test: &Test) -> Vec<Area> {
    test.areas
        .iter()
        .map(|ta| {
            let mut area = Area::empty(rules.slots.len());
            area.id = ta.id.clone();
            area.span = ta.span;
            for v in &ta.values {
                let value = match &v.text {
                    Some(t) => {
                        area.texts.push(t.clone());
                        Value::Text(area.texts.len() as u32 - 1)
                    }
                    None => v.value,
                };
                if let Some(slot) = area.values.get_mut(v.slot as usize) {
                    *slot = value;
                }
            }
            area
        })
        .collect()
}

fn run_test(rules: &Rules, test: &Test, coverage: &mut Coverage) -> TestReport {
    let prog = compile(rules, &test.sets);
    let areas = test_areas(rules, test);
    let assessed = assess(&prog, &areas);
    coverage.record(&prog, test, &assessed);
    let targets: Vec<TargetResult> = assessed.targets.iter().map(|t| t.result).collect();
    let mut failures = Vec::new();
    for e in &test.expects {
        let Some(area) = areas.get(e.area as usize) else {
            continue;
        };
        let mut ev = AreaEval::new(&prog, area, Some(&targets), NoTrace);
        ev.run();
        if ev.eval(&e.expr) == Value::Bool(true) {
            continue;
        }
        failures.push(ExpectFailure {
            expected: prog.rules.sources.snippet(e.expr.span).to_string(),
            location: location(rules, e.span),
            area: area.id.clone(),
            actual: actual(&prog, &mut ev, &e.expr, &targets),
            explanation: explain_area(&prog, area),
        });
    }
    TestReport {
        name: test.name.clone(),
        location: location(rules, test.span),
        expectations: test.expects.len(),
        failures,
    }
}

/// What the compared result actually was.
fn actual(
    prog: &Program,
    ev: &mut AreaEval<'_, NoTrace>,
    e: &CExpr,
    targets: &[TargetResult],
) -> String {
    let rules = &prog.rules;
    match &e.kind {
        CKind::VerdictIs { assessment, .. } | CKind::VerdictIn { assessment, .. } => {
            let a = *assessment as usize;
            let v = ev.result.assessments[a].verdict;
            let mut s = format!(
                "`{}` is {}",
                rules.assessments[a].id,
                verdict_word(prog, a, v)
            );
            if let crate::eval::Verdict::Unknown(p) = v {
                let ids: Vec<&str> = p
                    .outcomes()
                    .map(|o| rules.assessments[a].outcomes[o as usize].id.as_str())
                    .collect();
                s.push_str(&format!(" (possible: {})", ids.join(", ")));
            }
            s
        }
        CKind::CriterionIs {
            assessment,
            criterion,
            ..
        }
        | CKind::Criterion {
            assessment,
            criterion,
        } => {
            let (a, c) = (*assessment as usize, *criterion as usize);
            let r = ev.result.criterion(prog, a, c);
            format!(
                "`{}.{}` is {}",
                rules.assessments[a].id,
                rules.assessments[a].criteria[c].id,
                r.as_str()
            )
        }
        CKind::TargetIs { target, .. } => {
            let t = *target as usize;
            format!(
                "`{}` is {}",
                rules.targets[t].id,
                targets.get(t).map_or("unknown", |r| r.as_str())
            )
        }
        CKind::Binary(op, l, _) if op.is_comparison() => {
            let v = ev.eval(l);
            format!(
                "`{}` is {}",
                rules.sources.snippet(l.span),
                show_value(prog, l, v)
            )
        }
        CKind::Binary(_, l, r) => {
            let (lv, rv) = (ev.eval(l), ev.eval(r));
            let side = if lv == Value::Bool(true) { r } else { l };
            let _ = rv;
            actual(prog, ev, side, targets)
        }
        _ => {
            let v = ev.eval(e);
            format!("it is {}", show_value(prog, e, v))
        }
    }
}
