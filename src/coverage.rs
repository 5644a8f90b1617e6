//! Coverage of the rules by their tests: which results each criterion was seen to take, which
//! outcomes some test area reached, and which targets a test expects.

use crate::check::{CKind, Rules, Test};
use crate::eval::{Assessed, CriterionResult, Program, TargetResult, Verdict};
use serde::Serialize;

/// What the tests saw of one criterion.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CriterionSeen {
    /// The assessment's declared name.
    pub assessment: String,
    /// The declared name.
    pub id: String,
    /// Seen pass.
    pub pass: bool,
    /// Seen fail.
    pub fail: bool,
    /// Seen unknown.
    pub unknown: bool,
    /// Seen na.
    pub na: bool,
}

impl CriterionSeen {
    /// Whether a test area got `r` for this criterion.
    pub fn has(&self, r: CriterionResult) -> bool {
        match r {
            CriterionResult::Pass => self.pass,
            CriterionResult::Fail => self.fail,
            CriterionResult::Unknown => self.unknown,
            CriterionResult::Na => self.na,
        }
    }

    /// The results some test area got, in the order pass, fail, unknown, na.
    pub fn seen(&self) -> Vec<CriterionResult> {
        ALL.into_iter().filter(|r| self.has(*r)).collect()
    }

    /// The results a criterion should be seen to take (pass, fail, unknown) that no test area
    /// got; empty when the criterion is fully covered (`na` is not required).
    pub fn missing(&self) -> Vec<CriterionResult> {
        ALL[..3].iter().copied().filter(|r| !self.has(*r)).collect()
    }
}

const ALL: [CriterionResult; 4] = [
    CriterionResult::Pass,
    CriterionResult::Fail,
    CriterionResult::Unknown,
    CriterionResult::Na,
];

/// Whether some test area got an outcome as its verdict.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OutcomeSeen {
    /// The assessment's declared name.
    pub assessment: String,
    /// The declared name.
    pub id: String,
    /// Some test area got this verdict.
    pub reached: bool,
}

/// The tests that expect a target, and the results it had in them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TargetSeen {
    /// The declared name.
    pub id: String,
    /// Number of tests that expect it.
    pub expected_by: usize,
    /// The results seen.
    pub results: Vec<TargetResult>,
}

/// Coverage of one rules file by its tests.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Coverage {
    /// The criteria, in file order.
    pub criteria: Vec<CriterionSeen>,
    /// The outcomes, in order.
    pub outcomes: Vec<OutcomeSeen>,
    /// The targets.
    pub targets: Vec<TargetSeen>,
}

impl Coverage {
    /// Nothing seen yet.
    pub fn new(rules: &Rules) -> Self {
        let mut criteria = Vec::new();
        let mut outcomes = Vec::new();
        for a in &rules.assessments {
            criteria.extend(a.criteria.iter().map(|c| CriterionSeen {
                assessment: a.id.clone(),
                id: c.id.clone(),
                pass: false,
                fail: false,
                unknown: false,
                na: false,
            }));
            outcomes.extend(a.outcomes.iter().map(|o| OutcomeSeen {
                assessment: a.id.clone(),
                id: o.id.clone(),
                reached: false,
            }));
        }
        let targets = rules
            .targets
            .iter()
            .map(|t| TargetSeen {
                id: t.id.clone(),
                expected_by: 0,
                results: vec![],
            })
            .collect();
        Coverage {
            criteria,
            outcomes,
            targets,
        }
    }

    /// Records what one test's areas and targets came to.
    pub fn record(&mut self, prog: &Program, test: &Test, assessed: &Assessed) {
        for area in &assessed.areas {
            for (seen, r) in self.criteria.iter_mut().zip(&area.criteria) {
                match r {
                    CriterionResult::Pass => seen.pass = true,
                    CriterionResult::Fail => seen.fail = true,
                    CriterionResult::Unknown => seen.unknown = true,
                    CriterionResult::Na => seen.na = true,
                }
            }
            let mut offset = 0;
            for (ai, a) in prog.rules.assessments.iter().enumerate() {
                if let Some(Verdict::Outcome(o)) = area.assessments.get(ai).map(|r| r.verdict) {
                    if let Some(seen) = self.outcomes.get_mut(offset + o as usize) {
                        seen.reached = true;
                    }
                }
                offset += a.outcomes.len();
            }
        }
        for (ti, seen) in self.targets.iter_mut().enumerate() {
            let expected = test.expects.iter().any(|e| {
                let mut hit = false;
                e.expr.walk(&mut |n| {
                    hit |= matches!(n.kind, CKind::TargetIs { target, .. } if target as usize == ti)
                });
                hit
            });
            if expected {
                seen.expected_by += 1;
                if let Some(t) = assessed.targets.get(ti) {
                    if !seen.results.contains(&t.result) {
                        seen.results.push(t.result);
                    }
                }
            }
        }
    }
}
