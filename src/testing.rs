//! Running the `test` blocks of a rules file: each test's areas are assessed with its `set`
//! overrides, then every `expect` is evaluated literally (`chuyen_hoa == unknown` asks whether
//! the verdict *is* unknown).

use crate::check::{CExpr, CKind, Rules, Test};
use crate::coverage::Coverage;
use crate::data::Area;
use crate::eval::explain::{explain_area, possible_words, verdict_word, AreaExplanation, Shown};
use crate::eval::{
    assess, compile, AreaEval, CriterionResult, NoTrace, Program, TargetOutcome, TargetResult,
};
use crate::value::Value;
use serde::Serialize;

/// The result of one test.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExpectFailure {
    /// The expectation as written.
    pub expected: String,
    /// `file:line:col` of the `expect`.
    pub location: String,
    /// The area it was evaluated for (none for an expectation about a target, which is
    /// decided over all the test's areas).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// What came instead.
    pub actual: Actual,
    /// Why the area got its results (for an expectation about one area).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<AreaExplanation>,
}

/// What the compared result actually was.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Actual {
    /// An assessment's verdict.
    Verdict {
        /// The assessment's id.
        assessment: String,
        /// An outcome id, `unknown`, `na` or `invalid`.
        verdict: String,
        /// For an unknown verdict, the verdicts still possible.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        possible: Vec<String>,
    },
    /// A criterion's result.
    Criterion {
        /// The assessment's id.
        assessment: String,
        /// The criterion's id.
        criterion: String,
        /// Its result.
        result: CriterionResult,
    },
    /// A target's result, with the tally that decided it.
    Target {
        /// The target's id.
        target: String,
        /// Its result.
        result: TargetResult,
        /// Its index in the rules.
        #[serde(skip)]
        index: usize,
        /// The counts behind it.
        #[serde(skip)]
        outcome: TargetOutcome,
    },
    /// The value of the compared expression.
    Value {
        /// The expression as written.
        expression: String,
        /// Its value.
        value: Shown,
    },
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
        let actual = actual(&prog, &mut ev, &e.expr, &assessed.targets);
        let about_target = matches!(actual, Actual::Target { .. });
        failures.push(ExpectFailure {
            expected: prog.rules.sources.snippet(e.expr.span).to_string(),
            location: location(rules, e.span),
            area: (!about_target).then(|| area.id.clone()),
            actual,
            explanation: (!about_target).then(|| explain_area(&prog, area)),
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
    targets: &[TargetOutcome],
) -> Actual {
    let rules = &prog.rules;
    match &e.kind {
        CKind::VerdictIs { assessment, .. } | CKind::VerdictIn { assessment, .. } => {
            let a = *assessment as usize;
            let v = ev.result.assessments[a].verdict;
            Actual::Verdict {
                assessment: rules.assessments[a].id.clone(),
                verdict: verdict_word(prog, a, v),
                possible: possible_words(prog, a, v),
            }
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
            Actual::Criterion {
                assessment: rules.assessments[a].id.clone(),
                criterion: rules.assessments[a].criteria[c].id.clone(),
                result: ev.result.criterion(prog, a, c),
            }
        }
        CKind::TargetIs { target, .. } => {
            let t = *target as usize;
            match targets.get(t) {
                Some(o) => Actual::Target {
                    target: rules.targets[t].id.clone(),
                    result: o.result,
                    index: t,
                    outcome: o.clone(),
                },
                None => value_of(prog, ev, e),
            }
        }
        CKind::Binary(op, l, _) if op.is_comparison() => value_of(prog, ev, l),
        CKind::Binary(_, l, r) => {
            let side = if ev.eval(l) == Value::Bool(true) {
                r
            } else {
                l
            };
            actual(prog, ev, side, targets)
        }
        _ => value_of(prog, ev, e),
    }
}

fn value_of(prog: &Program, ev: &mut AreaEval<'_, NoTrace>, e: &CExpr) -> Actual {
    let v = ev.eval(e);
    Actual::Value {
        expression: prog.rules.sources.snippet(e.span).to_string(),
        value: Shown::of(prog, e, v),
    }
}
