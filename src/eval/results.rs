//! The results of assessing: per criterion, per assessment (verdict), per area, per target.

use crate::num::Num;
use serde::Serialize;

/// A criterion's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CriterionResult {
    /// The condition holds.
    Pass,
    /// The condition does not hold.
    Fail,
    /// It depends on values that are missing (or its `when` does).
    Unknown,
    /// Its `when` is false (or its assessment does not apply).
    Na,
}

impl PartialEq<crate::ast::ResultWord> for CriterionResult {
    fn eq(&self, word: &crate::ast::ResultWord) -> bool {
        use crate::ast::ResultWord as W;
        matches!(
            (self, word),
            (CriterionResult::Pass, W::Pass)
                | (CriterionResult::Fail, W::Fail)
                | (CriterionResult::Unknown, W::Unknown)
                | (CriterionResult::Na, W::Na)
        )
    }
}

impl PartialEq<crate::ast::ResultWord> for TargetResult {
    fn eq(&self, word: &crate::ast::ResultWord) -> bool {
        use crate::ast::ResultWord as W;
        matches!(
            (self, word),
            (TargetResult::Met, W::Met)
                | (TargetResult::NotMet, W::NotMet)
                | (TargetResult::Unknown, W::Unknown)
        )
    }
}

impl CriterionResult {
    /// The word used in rules and outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionResult::Pass => "pass",
            CriterionResult::Fail => "fail",
            CriterionResult::Unknown => "unknown",
            CriterionResult::Na => "na",
        }
    }
}

/// The set of verdicts still possible for an unknown verdict: outcome indices, and `na`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Possible(pub u64);

impl Possible {
    /// The bit of `na` in the set.
    pub const NA_BIT: u64 = 1 << 63;
    /// The most outcomes one assessment may have.
    pub const MAX_OUTCOMES: usize = 63;

    /// Adds an outcome.
    pub fn add(&mut self, outcome: u32) {
        self.0 |= 1 << outcome;
    }
    /// Adds `na`.
    pub fn add_na(&mut self) {
        self.0 |= Self::NA_BIT;
    }
    /// True when the outcome is possible.
    pub fn has(self, outcome: u32) -> bool {
        self.0 & (1 << outcome) != 0
    }
    /// True when `na` is possible.
    pub fn has_na(self) -> bool {
        self.0 & Self::NA_BIT != 0
    }
    /// The possible outcomes, in order.
    pub fn outcomes(self) -> impl Iterator<Item = u32> {
        (0..Self::MAX_OUTCOMES as u32).filter(move |&i| self.has(i))
    }
}

/// An area's verdict for one assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The outcome with this index.
    Outcome(u32),
    /// Not decided: missing data could give any of `possible`.
    Unknown(Possible),
    /// The assessment does not apply to the area.
    Na,
    /// The area's data has errors; it was not assessed.
    Invalid,
}

/// One assessment of one area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AssessmentResult {
    /// The verdict.
    pub verdict: Verdict,
    /// Lowest and highest possible points.
    pub points: (Num, Num),
    /// Lowest and highest possible `max_points`.
    pub max_points: (Num, Num),
}

/// A target's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetResult {
    /// The condition holds.
    Met,
    /// The condition does not hold.
    NotMet,
    /// Missing data could change it.
    Unknown,
}

impl TargetResult {
    /// The word used in rules and outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetResult::Met => "met",
            TargetResult::NotMet => "not_met",
            TargetResult::Unknown => "unknown",
        }
    }
}

/// What `count(COND among FILTER)` saw: areas by whether the filter and condition are
/// true (t), false or unknown (u).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    /// filter true, condition true
    pub tt: u64,
    /// filter true, condition unknown
    pub tu: u64,
    /// filter true, condition false
    pub tf: u64,
    /// filter unknown, condition true
    pub ut: u64,
    /// filter unknown, condition unknown
    pub uu: u64,
    /// filter unknown, condition false
    pub uf: u64,
}

impl Tally {
    /// Areas certainly in the filter.
    pub fn members(&self) -> u64 {
        self.tt + self.tu + self.tf
    }
    /// Areas that may be in the filter.
    pub fn maybe_members(&self) -> u64 {
        self.ut + self.uu + self.uf
    }
    /// Lowest and highest possible count.
    pub fn count(&self) -> (u64, u64) {
        (self.tt, self.tt + self.tu + self.ut + self.uu)
    }
    /// Lowest and highest possible share over the fillings that leave the filter non-empty;
    /// `None` when no area can be in the filter (0 of 0 decides nothing).
    pub fn share(&self) -> Option<(Num, Num)> {
        // Lowest: every area that may fail is in and fails; areas that may stay out do.
        let lo_in = self.members() + self.uf + self.uu;
        let lo = if lo_in > 0 {
            Num::ratio(self.tt as i128, lo_in as i128)?
        } else if self.ut > 0 {
            Num::ONE
        } else {
            return None;
        };
        // Highest: every area that may pass is in and passes; those that may stay out do.
        let hi_pass = self.tt + self.tu + self.ut + self.uu;
        let hi_in = hi_pass + self.tf;
        let hi = if hi_in > 0 {
            Num::ratio(hi_pass as i128, hi_in as i128)?
        } else if self.uf > 0 {
            Num::ZERO
        } else {
            return None;
        };
        Some((lo, hi))
    }
}
