//! The explanation's data: typed, serialisable, formatted only when shown.

use super::super::results::{CriterionResult, Verdict};
use crate::ast::Span;
use crate::eval::display::Shown;
use crate::num::Num;
use serde::Serialize;
use std::sync::Arc;

/// Why something is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// An input the area did not give (`input` or `input@period`).
    Missing {
        /// `input` or `input@period`.
        input: String,
    },
    /// A division whose divisor is zero.
    DivisionByZero {
        /// The expression as written.
        expression: String,
        #[serde(skip)]
        /// Where it is written.
        span: Span,
    },
    /// A number too large for exact arithmetic.
    Overflow {
        /// The expression as written.
        expression: String,
        #[serde(skip)]
        /// Where it is written.
        span: Span,
    },
    /// The area's data has errors.
    InvalidData,
}

/// One evaluated expression node.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExprNode {
    /// The expression as written.
    pub text: Arc<str>,
    /// Its value (`None` when it was not evaluated, e.g. after `false and`); shown as text.
    pub value: Option<Shown>,
    /// True when the value is known.
    pub known: bool,
    /// A note such as `9 of 12` for a ratio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<Note>>,
    /// What the node is.
    pub role: Role,
    /// For an input, a let, a param or a criterion read by name: its label from the rules
    /// (with the period's label for an input of a period: `Số vụ — Năm 2024`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Arc<str>>,
    /// Sub-expressions worth showing (operands, arguments, and the definition of a `let`).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "children")]
    pub children: Vec<ExprNode>,
    #[serde(skip)]
    /// Where it is written.
    pub span: Span,
}

/// A note under a value: the operands of a ratio or change, or that a `??` fallback was used.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// `9 of 12`
    Of(Shown, Shown),
    /// `9 against 6`
    Against(Shown, Shown),
    /// `fallback used`
    Fallback,
    /// The verdict tested by `X in (…)`: `chuyen_hoa is dat`.
    Verdict {
        /// The assessment's id.
        assessment: String,
        /// Its verdict: an outcome id, `unknown`, `na` or `invalid`.
        verdict: String,
        /// For an unknown verdict, the verdicts still possible.
        possible: Vec<String>,
    },
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        match self {
            Note::Of(a, b) => {
                m.serialize_entry("kind", "of")?;
                m.serialize_entry("part", a)?;
                m.serialize_entry("whole", b)?;
            }
            Note::Against(a, b) => {
                m.serialize_entry("kind", "against")?;
                m.serialize_entry("new", a)?;
                m.serialize_entry("old", b)?;
            }
            Note::Fallback => m.serialize_entry("kind", "fallback")?,
            Note::Verdict {
                assessment,
                verdict,
                possible,
            } => {
                m.serialize_entry("kind", "verdict")?;
                m.serialize_entry("assessment", assessment)?;
                m.serialize_entry("verdict", verdict)?;
                if !possible.is_empty() {
                    m.serialize_entry("possible", possible)?;
                }
            }
        }
        m.end()
    }
}

/// Points as an exact decimal string, like every number in JSON.
fn points_json<S: serde::Serializer>(p: &Option<Num>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// One criterion of one area.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CriterionExplanation {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The result.
    pub result: CriterionResult,
    /// Declared `required`.
    pub required: bool,
    /// The points it is worth, for a point criterion.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "points_json"
    )]
    pub points: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The `when` condition, if any.
    pub when: Option<ExprNode>,
    /// The condition.
    pub condition: ExprNode,
    /// For a failed comparison: how far from passing (`75% < 80%`, 5 percentage points short).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<Shortfall>,
    /// Changes of one input that would make it pass (`vu_kham_pha@ca_nam` 9 → 10).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub would_pass: Vec<WhatIf>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// Why it is unknown.
    pub reasons: Vec<Reason>,
    #[serde(skip)]
    /// Where it is written.
    pub span: Span,
}

/// How an outcome fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeState {
    /// It is the verdict.
    Chosen,
    /// Its condition is false.
    RuledOut,
    /// Still possible: the data that would decide it is missing.
    Possible,
    /// Not tried, because an earlier outcome was chosen.
    NotReached,
}

/// One outcome of one area.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct OutcomeExplanation {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// How it fared.
    pub state: OutcomeState,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The condition.
    pub condition: Option<ExprNode>,
    /// For an outcome ruled out or still possible: the parts of its condition that are false
    /// or unknown (the sides of its `and`s; `all_required` with the required criteria that
    /// did not pass).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked_by: Vec<Blocker>,
    #[serde(skip)]
    /// Where it is written.
    pub span: Span,
}

/// A part of an outcome's condition that is false or unknown.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Blocker {
    /// The part as written, with its value.
    pub part: ExprNode,
    /// For a comparison: its two sides and how far it is from holding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Shortfall>,
    /// For `all_required`: the required criteria that failed or are unknown (ids and results).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<(String, CriterionResult)>,
}

/// How far a comparison is from holding: `75% < 80%`, 5 percentage points short.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Shortfall {
    /// The comparison as written in the rules (`>=`, `<` …).
    #[serde(serialize_with = "op_json")]
    #[schemars(with = "String")]
    pub op: crate::ast::BinOp,
    /// The left side's value.
    pub value: Shown,
    /// The right side's value.
    pub threshold: Shown,
    /// How far the left side is from the right (always ≥ 0; `None` when too large to compute).
    #[serde(serialize_with = "points_json")]
    pub gap: Option<Num>,
    /// The gap is in percentage points (the sides are percents).
    pub percent: bool,
}

/// A change of one input that makes a failed criterion pass (verified by evaluating it again).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct WhatIf {
    /// `input` or `input@period`.
    pub input: String,
    /// The input's label, with the period's label (`Số vụ — Năm 2024`).
    pub label: String,
    /// The value that would make it pass.
    #[serde(serialize_with = "num_json")]
    pub to: Num,
    /// The value now.
    #[serde(serialize_with = "num_json")]
    pub now: Num,
    /// The input is a percent (the change is in percentage points).
    pub percent: bool,
}

impl WhatIf {
    /// The change, `to − now` (`None` when too large to compute).
    pub fn change(&self) -> Option<Num> {
        self.to.checked_sub(self.now)
    }
}

fn num_json<S: serde::Serializer>(n: &Num, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(n)
}

fn op_json<S: serde::Serializer>(op: &crate::ast::BinOp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(op.as_str())
}

/// One assessment of one area.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AssessmentExplanation {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The verdict.
    #[serde(skip)]
    pub verdict: Verdict,
    /// The verdict as a word: an outcome id, `unknown`, `na` or `invalid`.
    #[serde(rename = "verdict")]
    pub verdict_id: String,
    /// For an unknown verdict, the verdicts still possible (outcome ids, `na`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possible: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The assessment's `when`, with its value.
    pub applies: Option<ExprNode>,
    /// Lowest and highest possible points (in JSON `points_range`, as everywhere).
    #[serde(serialize_with = "range_json", rename = "points_range")]
    #[schemars(with = "crate::report::contract::Range<Num>")]
    pub points: (Num, Num),
    /// Lowest and highest possible `max_points` (in JSON `max_points_range`).
    #[serde(serialize_with = "range_json", rename = "max_points_range")]
    #[schemars(with = "crate::report::contract::Range<Num>")]
    pub max_points: (Num, Num),
    /// Some criterion of the assessment carries points.
    pub has_points: bool,
    /// The criteria, in file order.
    pub criteria: Vec<CriterionExplanation>,
    /// The outcomes, in order.
    pub outcomes: Vec<OutcomeExplanation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// Why it is unknown.
    pub reasons: Vec<Reason>,
    #[serde(skip)]
    /// Where it is written.
    pub span: Span,
}

/// Why an area got its verdicts.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AreaExplanation {
    /// The area.
    pub area: String,
    /// The area's data has errors.
    pub invalid: bool,
    /// What is wrong with its data (for an invalid area), one sentence each.
    #[serde(serialize_with = "problems_json")]
    #[schemars(with = "Vec<String>")]
    pub problems: Vec<crate::diag::Text>,
    /// The assessments.
    pub assessments: Vec<AssessmentExplanation>,
}

/// Data problems in JSON: English sentences (codes and places are in `data_diagnostics`).
fn problems_json<S: serde::Serializer>(p: &[crate::diag::Text], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(p.iter().map(|t| t.render(crate::i18n::Lang::En)))
}

/// How much an explanation holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    /// Results and the reasons for unknowns only.
    Reasons,
    /// Also every expression's value, notes and shortfalls.
    Tree,
    /// Also, for each failed criterion, the single-input changes that would make it pass (a
    /// search that evaluates the criterion a few times per input it reads).
    WhatIf,
}

fn range_json<S: serde::Serializer>(r: &(Num, Num), s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(2))?;
    m.serialize_entry("min", &r.0.to_string())?;
    m.serialize_entry("max", &r.1.to_string())?;
    m.end()
}

/// What an expression node is, for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An input read from the data.
    Input,
    /// A named calculation (`let`).
    Let,
    /// A param.
    Param,
    /// A function call or `count`/`share`.
    Call,
    /// An operator.
    Operator,
    /// A literal written in the rules.
    Literal,
    /// A result read by name: a criterion, a verdict, `all_required`, `points`.
    Result,
}

/// Serialises an expression node's children on a stack with room (the tree may be deep).
fn children<S: serde::Serializer>(c: &[ExprNode], s: S) -> Result<S::Ok, S::Error> {
    crate::stack::grow(|| serde::Serialize::serialize(c, s))
}
