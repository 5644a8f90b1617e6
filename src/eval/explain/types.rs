//! The explanation's data: typed, serialisable, formatted only when shown.

use super::super::results::CriterionResult;
use crate::ast::Span;
use crate::eval::display::Shown;
use crate::num::Num;
use serde::Serialize;
use std::sync::Arc;

/// Why something is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Missing { input } => write!(f, "`{input}` is missing"),
            Reason::DivisionByZero { expression, .. } => {
                write!(f, "`{expression}` divides by zero")
            }
            Reason::Overflow { expression, .. } => {
                write!(
                    f,
                    "`{expression}` is beyond what tieuchi computes exactly (about ±1.7e38, or a fraction that fine)"
                )
            }
            Reason::InvalidData => write!(f, "the area's data has errors"),
        }
    }
}

/// One evaluated expression node.
#[derive(Debug, Clone, Serialize)]
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
    /// What the node is: `input`, `let`, `param`, `call`, `operator`, `literal`, `result`.
    pub role: &'static str,
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

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Note::Of(a, b) => write!(f, "{a} of {b}"),
            Note::Against(a, b) => write!(f, "{a} against {b}"),
            Note::Fallback => f.write_str("fallback used"),
            Note::Verdict {
                assessment,
                verdict,
                possible,
            } => {
                write!(f, "{assessment} is {verdict}")?;
                if !possible.is_empty() {
                    write!(f, ", possible: {}", possible.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
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
#[derive(Debug, Clone, Serialize)]
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
    /// For a failed comparison: how far from passing, e.g. `75% < 80%: 5 points short`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<String>,
    /// A change of one input that would make it pass, e.g. `vu_kham_pha@ca_nam = 10 (now 9: 1 more)`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub would_pass: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    /// Why it is unknown.
    pub reasons: Vec<Reason>,
    #[serde(skip)]
    /// Where it is written.
    pub span: Span,
}

/// How an outcome fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Serialize)]
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
    #[serde(skip)]
    /// Where it is written.
    pub span: Span,
}

/// One assessment of one area.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentExplanation {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The verdict.
    pub verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The assessment's `when`, with its value.
    pub applies: Option<ExprNode>,
    /// Points (when the criterion has them).
    pub points: String,
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
#[derive(Debug, Clone, Serialize)]
pub struct AreaExplanation {
    /// The area.
    pub area: String,
    /// The area's data has errors.
    pub invalid: bool,
    /// What is wrong with its data (for an invalid area), one sentence each.
    pub problems: Vec<String>,
    /// The assessments.
    pub assessments: Vec<AssessmentExplanation>,
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

/// Serialises an expression node's children on a stack with room (the tree may be deep).
fn children<S: serde::Serializer>(c: &[ExprNode], s: S) -> Result<S::Ok, S::Error> {
    crate::stack::grow(|| serde::Serialize::serialize(c, s))
}
