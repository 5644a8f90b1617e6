//! The library's front door, re-exported at the crate root: load a [`Ruleset`] (from text or a
//! path; `use` read by a [`SourceLoader`]), load [`Data`] for it, assess, and query the
//! [`Results`] by id. Errors are [`Error`]s that print `file:line:col: message` by themselves.
//! Everything else in the crate is internal and may change without notice.

mod data;
mod error;
mod results;
mod rules;

pub use data::Data;
pub use error::{Error, ErrorKind, Problem};
pub use results::{AreaResults, Range, Results, TargetResults, Verdict, UNKNOWN_ID};
pub use rules::Ruleset;

/// The typed explanation of one area ([`AreaResults::explain`]): each assessment's verdict and
/// points, each criterion's result with the expression tree and the value each node read, the
/// reasons for unknowns, the shortfall of a failed comparison, the single-input changes that
/// would make it pass, and for each outcome what blocked it. Every type is `Serialize`.
/// [`Verdict`](explain::Verdict) and [`Possible`](explain::Possible) here hold outcomes by index
/// (as [`AssessmentExplanation::verdict`](explain::AssessmentExplanation::verdict) does); its
/// `verdict_id` and `possible` give the ids, as [`crate::Verdict`] does.
pub mod explain {
    pub use crate::ast::{BinOp, Span};
    pub use crate::diag::Text;
    pub use crate::eval::explain::{
        AreaExplanation, AssessmentExplanation, Blocker, CriterionExplanation, ExprNode, Note,
        OutcomeExplanation, OutcomeState, Reason, Role, Shortfall, Shown, WhatIf,
    };
    pub use crate::eval::{Possible, Verdict};
    pub use crate::i18n::Msg;
    pub use crate::value::Value;
}
