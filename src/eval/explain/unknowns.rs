//! The reasons for an area's unknown results alone ([`unknown_reasons`]): what
//! `assess --format json` shows without `--explain`, without building the rest of an
//! explanation (ids, labels, node stubs and outcomes for every criterion).

use super::{Detail, Explainer, Reason, Recorded};
use crate::data::Area;
use crate::eval::program::Program;
use crate::eval::results::{CriterionResult, Verdict};

/// Why one assessment's results are unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssessmentReasons {
    /// Why its verdict is unknown or invalid (empty otherwise).
    pub verdict: Vec<Reason>,
    /// Why each criterion, in file order, is unknown (empty where decided).
    pub criteria: Vec<Vec<Reason>>,
}

/// The reasons for every unknown result of `area`, per assessment in file order: the same
/// reasons as [`super::reasons_only`] gives, without the rest of the explanation.
pub fn unknown_reasons(prog: &Program, area: &Area) -> Vec<AssessmentReasons> {
    let recorded = Recorded::new(prog, area);
    let x = recorded.explainer(Detail::Reasons);
    (0..prog.rules.assessments.len())
        .map(|ai| AssessmentReasons {
            verdict: x.verdict_reasons(ai),
            criteria: (0..prog.rules.assessments[ai].criteria.len())
                .map(|ci| x.criterion_reasons(ai, ci))
                .collect(),
        })
        .collect()
}

impl Explainer<'_> {
    /// Why assessment `ai`'s verdict is invalid or unknown (empty when decided).
    pub(super) fn verdict_reasons(&self, ai: usize) -> Vec<Reason> {
        let a = &self.prog.rules.assessments[ai];
        let r = self.result.assessments[ai];
        let mut reasons = Vec::new();
        if r.verdict == Verdict::Invalid {
            reasons.push(Reason::InvalidData);
        } else if matches!(r.verdict, Verdict::Unknown(_)) {
            if let Some(w) = &a.when {
                self.reasons(w, &mut reasons);
            }
            for o in a.outcomes.iter().filter_map(|o| o.when.as_ref()) {
                self.reasons(o, &mut reasons);
            }
        }
        reasons
    }

    /// Why criterion `ci` of assessment `ai` is unknown (empty when decided).
    pub(super) fn criterion_reasons(&self, ai: usize, ci: usize) -> Vec<Reason> {
        let c = &self.prog.rules.assessments[ai].criteria[ci];
        let mut reasons = Vec::new();
        if self.result.criterion(self.prog, ai, ci) == CriterionResult::Unknown {
            if self.area.invalid {
                reasons.push(Reason::InvalidData);
            }
            c.when.iter().for_each(|w| self.reasons(w, &mut reasons));
            self.reasons(&c.condition, &mut reasons);
        }
        reasons
    }
}
