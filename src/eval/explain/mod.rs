//! Explanations as typed data: for one area, every assessment's criteria with the values they
//! read, intermediate results, the reasons for unknowns, and how far a failed comparison is
//! from passing. Built by re-running the area with a [`Recorder`].

mod types;
mod unknowns;

pub use super::display::{is_percent, show_value, Shown};
pub use types::*;
pub use unknowns::{unknown_reasons, AssessmentReasons};

use super::area::{AreaEval, Recorder};
use super::program::Program;
use super::results::*;
use super::whatif;
use crate::ast::BinOp;
use crate::check::{CExpr, CKind, Func};
use crate::data::Area;
use crate::num::Num;
use crate::value::Value;
use std::sync::Arc;

/// Explains one area fully (tree and what-if).
pub fn explain_area(prog: &Program, area: &Area) -> AreaExplanation {
    explain_with(prog, area, Detail::WhatIf)
}

/// Only what `assess --format json` needs without `--explain`: results and the reasons for
/// unknowns, without expression trees, shortfalls or what-if searches.
pub fn reasons_only(prog: &Program, area: &Area) -> AreaExplanation {
    explain_with(prog, area, Detail::Reasons)
}

/// Explains one area with the given detail.
pub fn explain_with(prog: &Program, area: &Area, detail: Detail) -> AreaExplanation {
    let recorded = Recorded::new(prog, area);
    let x = recorded.explainer(detail);
    let assessments = (0..prog.rules.assessments.len())
        .map(|ai| x.assessment(ai))
        .collect();
    AreaExplanation {
        area: area.id.clone(),
        invalid: area.invalid,
        // English until the explanation carries the reader's language (`Text::render`).
        problems: area.problems.clone(),
        assessments,
    }
}

/// One area's evaluation, recorded once, from which the tree of any criterion's condition is
/// built on demand: the same tree as [`explain_with`] with [`Detail::Tree`] gives, without
/// building the others (`diff` shows only the criteria that changed).
pub struct Recorded<'a> {
    prog: &'a Program,
    area: &'a Area,
    rec: Recorder,
    result: super::area::AreaResult,
}

impl<'a> Recorded<'a> {
    /// Evaluates `area` once, recording every node's value.
    pub fn new(prog: &'a Program, area: &'a Area) -> Recorded<'a> {
        let recorder = Recorder {
            values: vec![None; prog.rules.node_count as usize],
        };
        let mut ev = AreaEval::new(prog, area, None, recorder);
        ev.run();
        Recorded {
            prog,
            area,
            rec: ev.trace,
            result: ev.result,
        }
    }

    /// The tree of criterion `ci` of assessment `ai`'s condition, if there is one.
    pub fn condition(&self, ai: usize, ci: usize) -> Option<ExprNode> {
        let c = self.prog.rules.assessments.get(ai)?.criteria.get(ci)?;
        let x = self.explainer(Detail::Tree);
        Some(x.node(&c.condition))
    }

    /// An explainer over this recorded evaluation, building with `detail`.
    fn explainer(&self, detail: Detail) -> Explainer<'_> {
        let lets = self.prog.rules.lets.len();
        Explainer {
            prog: self.prog,
            area: self.area,
            rec: &self.rec,
            result: &self.result,
            detail,
            depth: std::cell::Cell::new(0),
            lets_shown: std::cell::RefCell::new(vec![false; lets]),
            let_reasons: std::cell::RefCell::new(vec![None; lets]),
            scratch: std::cell::RefCell::new(None),
        }
    }
}

/// The verdict as a word: an outcome id, `unknown`, `na` or `invalid`.
pub fn verdict_word(prog: &Program, ai: usize, v: Verdict) -> String {
    match v {
        Verdict::Outcome(o) => prog.rules.assessments[ai]
            .outcomes
            .get(o as usize)
            .map_or(String::new(), |o| o.id.clone()),
        Verdict::Unknown(_) => "unknown".into(),
        Verdict::Na => "na".into(),
        Verdict::Invalid => "invalid".into(),
    }
}

/// The verdicts an unknown verdict may still become: outcome ids, and `na`.
pub fn possible_words(prog: &Program, ai: usize, v: Verdict) -> Vec<String> {
    let Verdict::Unknown(p) = v else {
        return vec![];
    };
    let outcomes = &prog.rules.assessments[ai].outcomes;
    let mut out: Vec<String> = p
        .outcomes()
        .filter_map(|o| outcomes.get(o as usize))
        .map(|o| o.id.clone())
        .collect();
    if p.has_na() {
        out.push("na".into());
    }
    out
}

/// The sides of the `and`s of a condition, in order.
fn conjuncts<'e>(e: &'e CExpr, out: &mut Vec<&'e CExpr>) {
    crate::stack::grow(|| match &e.kind {
        CKind::Binary(BinOp::And, l, r) => {
            conjuncts(l, out);
            conjuncts(r, out);
        }
        _ => out.push(e),
    })
}

struct Explainer<'a> {
    prog: &'a Program,
    area: &'a Area,
    rec: &'a Recorder,
    result: &'a super::area::AreaResult,
    detail: Detail,
    /// How deep in the tree the node being built is.
    depth: std::cell::Cell<usize>,
    /// The lets whose definition the tree being built already shows (each is shown once per
    /// tree; lets built on lets would otherwise repeat exponentially).
    lets_shown: std::cell::RefCell<Vec<bool>>,
    /// The reasons each let is unknown, worked out once.
    let_reasons: std::cell::RefCell<Vec<Option<Vec<Reason>>>>,
    /// The copy of the area the what-if search changes inputs in, shared by its criteria.
    scratch: std::cell::RefCell<Option<Area>>,
}

/// Below this depth a `let` in an explanation tree is shown with its value only, not its
/// definition: lets built on lets would otherwise nest trees without bound (each up to the
/// parser's 500 levels), deeper than a serialiser or a destructor can walk on a small stack.
const LET_DEFINITIONS_SHOWN_TO_DEPTH: usize = 100;

impl Explainer<'_> {
    fn assessment(&self, ai: usize) -> AssessmentExplanation {
        let a = &self.prog.rules.assessments[ai];
        let r = self.result.assessments[ai];
        let criteria: Vec<CriterionExplanation> = a
            .criteria
            .iter()
            .enumerate()
            .map(|(ci, _)| self.criterion(ai, ci))
            .collect();
        let outcomes = self.outcomes(ai, r.verdict);
        let reasons = self.verdict_reasons(ai);
        AssessmentExplanation {
            id: a.id.clone(),
            label: a.label.clone(),
            verdict: r.verdict,
            verdict_id: verdict_word(self.prog, ai, r.verdict),
            possible: possible_words(self.prog, ai, r.verdict),
            applies: a.when.as_ref().map(|w| self.node(w)),
            points: r.points,
            max_points: r.max_points,
            has_points: a.criteria.iter().any(|c| c.points.is_some()),
            criteria,
            outcomes,
            reasons,
            span: a.span,
        }
    }

    fn criterion(&self, ai: usize, ci: usize) -> CriterionExplanation {
        let c = &self.prog.rules.assessments[ai].criteria[ci];
        let result = self.result.criterion(self.prog, ai, ci);
        let reasons = self.criterion_reasons(ai, ci);
        let failed = result == CriterionResult::Fail && self.detail >= Detail::Tree;
        CriterionExplanation {
            id: c.id.clone(),
            label: c.label.clone(),
            result,
            required: c.required,
            points: c.points,
            when: c.when.as_ref().map(|w| self.node(w)),
            condition: self.node(&c.condition),
            shortfall: if failed {
                self.shortfall(&c.condition)
            } else {
                None
            },
            would_pass: if failed && self.detail == Detail::WhatIf {
                whatif::would_pass_shared(
                    self.prog,
                    self.area,
                    ai,
                    ci,
                    &|e| self.value(e),
                    &mut self.scratch.borrow_mut(),
                )
            } else {
                vec![]
            },
            reasons,
            span: c.span,
        }
    }

    fn outcomes(&self, ai: usize, verdict: Verdict) -> Vec<OutcomeExplanation> {
        let a = &self.prog.rules.assessments[ai];
        a.outcomes
            .iter()
            .enumerate()
            .map(|(oi, o)| {
                let value = o
                    .when
                    .as_ref()
                    .map_or(Some(Value::Bool(true)), |w| self.value(w));
                let state = match verdict {
                    Verdict::Outcome(x) if x as usize == oi => OutcomeState::Chosen,
                    Verdict::Unknown(p) if p.has(oi as u32) => OutcomeState::Possible,
                    _ if value == Some(Value::Bool(false)) => OutcomeState::RuledOut,
                    _ => OutcomeState::NotReached,
                };
                let blocked = matches!(state, OutcomeState::RuledOut | OutcomeState::Possible);
                OutcomeExplanation {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    state,
                    condition: o.when.as_ref().map(|w| self.node(w)),
                    blocked_by: match (&o.when, blocked && self.detail >= Detail::Tree) {
                        (Some(w), true) => self.blockers(ai, w),
                        _ => vec![],
                    },
                    span: o.span,
                }
            })
            .collect()
    }

    fn value(&self, e: &CExpr) -> Option<Value> {
        self.rec.values.get(e.id as usize).copied().flatten()
    }

    fn node(&self, e: &CExpr) -> ExprNode {
        if self.depth.get() == 0 {
            self.lets_shown.borrow_mut().fill(false);
        }
        self.depth.set(self.depth.get() + 1);
        let node = crate::stack::grow(|| self.node_here(e));
        self.depth.set(self.depth.get() - 1);
        node
    }

    fn node_here(&self, e: &CExpr) -> ExprNode {
        let value = self.value(e);
        if self.detail == Detail::Reasons {
            return ExprNode {
                text: Arc::from(""),
                value: None,
                known: value.is_some_and(Value::is_known),
                note: None,
                role: self.role(e),
                label: None,
                children: vec![],
                span: e.span,
            };
        }
        let children: Vec<ExprNode> = match &e.kind {
            CKind::Binary(..)
            | CKind::Not(_)
            | CKind::Neg(_)
            | CKind::Call(..)
            | CKind::ChoiceIn { .. } => {
                // Literals are shown where they are written; they get no node of their own.
                e.children()
                    .into_iter()
                    .filter(|c| self.role(c) != Role::Literal)
                    .map(|c| self.node(c))
                    .collect()
            }
            CKind::Let(l)
                if self.depth.get() <= LET_DEFINITIONS_SHOWN_TO_DEPTH
                    && self.first_showing(*l as usize) =>
            {
                self.prog
                    .rules
                    .lets
                    .get(*l as usize)
                    .map(|l| vec![self.node(&l.expr)])
                    .unwrap_or_default()
            }
            _ => vec![],
        };
        ExprNode {
            text: self
                .prog
                .snippets
                .get(e.id as usize)
                .cloned()
                .unwrap_or_else(|| Arc::from("")),
            value: value.map(|v| Shown::of(self.prog, e, v)),
            known: value.is_some_and(Value::is_known),
            note: self.note(e),
            role: self.role(e),
            label: self.label(e),
            children,
            span: e.span,
        }
    }

    fn role(&self, e: &CExpr) -> Role {
        match &e.kind {
            CKind::Input(_) => Role::Input,
            CKind::Let(_) => Role::Let,
            CKind::Param(_) => Role::Param,
            CKind::Const(_) if self.param_of(e).is_some() => Role::Param,
            CKind::Const(_) => Role::Literal,
            CKind::Call(..) | CKind::Aggregate { .. } => Role::Call,
            CKind::Criterion { .. }
            | CKind::CriterionIs { .. }
            | CKind::VerdictIs { .. }
            | CKind::VerdictIn { .. }
            | CKind::TargetIs { .. } => Role::Result,
            CKind::AllRequired | CKind::Points | CKind::MaxPoints => Role::Result,
            _ => Role::Operator,
        }
    }

    /// The param a constant was folded from.
    fn param_of(&self, e: &CExpr) -> Option<u32> {
        match e.kind {
            CKind::Param(p) => Some(p),
            _ => self.prog.param_of.get(e.id as usize).copied().flatten(),
        }
    }

    /// The label from the rules of what a node names: an input (with its period), a let, a
    /// param, a criterion.
    fn label(&self, e: &CExpr) -> Option<Arc<str>> {
        let rules = &self.prog.rules;
        let text = match &e.kind {
            CKind::Input(slot) => rules.slot_label(*slot),
            CKind::Let(l) => rules.lets.get(*l as usize)?.label.clone()?,
            CKind::Criterion {
                assessment,
                criterion,
            }
            | CKind::CriterionIs {
                assessment,
                criterion,
                ..
            } => rules
                .assessments
                .get(*assessment as usize)?
                .criteria
                .get(*criterion as usize)?
                .label
                .clone(),
            _ => rules.params.get(self.param_of(e)? as usize)?.label.clone(),
        };
        (!text.is_empty()).then(|| Arc::from(text))
    }

    /// The parts of an outcome's condition that keep it from being chosen: the sides of its
    /// `and`s that are false (or unknown).
    fn blockers(&self, ai: usize, cond: &CExpr) -> Vec<Blocker> {
        let mut parts = Vec::new();
        conjuncts(cond, &mut parts);
        let false_parts: Vec<&CExpr> = parts
            .iter()
            .copied()
            .filter(|p| self.value(p) == Some(Value::Bool(false)))
            .collect();
        let chosen = if false_parts.is_empty() {
            parts
                .into_iter()
                .filter(|p| !self.value(p).is_some_and(Value::is_known))
                .collect()
        } else {
            false_parts
        };
        chosen.into_iter().map(|p| self.blocker(ai, p)).collect()
    }

    fn blocker(&self, ai: usize, part: &CExpr) -> Blocker {
        let criteria = match part.kind {
            CKind::AllRequired => self.prog.rules.assessments[ai]
                .criteria
                .iter()
                .enumerate()
                .filter(|(_, c)| c.required)
                .map(|(ci, c)| (c.id.clone(), self.result.criterion(self.prog, ai, ci)))
                .filter(|(_, r)| matches!(r, CriterionResult::Fail | CriterionResult::Unknown))
                .collect(),
            _ => vec![],
        };
        Blocker {
            part: self.node(part),
            comparison: self.comparison(part),
            criteria,
        }
    }

    /// `9 of 12` for a ratio with known operands (also through a `let` and `??`).
    fn note(&self, e: &CExpr) -> Option<Box<Note>> {
        crate::stack::grow(|| self.note_here(e))
    }

    fn note_here(&self, e: &CExpr) -> Option<Box<Note>> {
        let operands = |args: &[CExpr]| -> Option<(Shown, Shown)> {
            let (a, b) = (self.value(&args[0])?, self.value(&args[1])?);
            Some((
                Shown::of(self.prog, &args[0], a),
                Shown::of(self.prog, &args[1], b),
            ))
        };
        match &e.kind {
            CKind::Call(Func::Ratio, args) => operands(args).map(|(a, b)| Box::new(Note::Of(a, b))),
            CKind::Call(Func::Change, args) => {
                operands(args).map(|(a, b)| Box::new(Note::Against(a, b)))
            }
            CKind::Let(l) => self.note(&self.prog.rules.lets.get(*l as usize)?.expr),
            CKind::VerdictIn { assessment, .. } => Some(Box::new(self.verdict_note(*assessment))),
            CKind::Binary(BinOp::Coalesce, a, b) => match self.value(a) {
                Some(v) if v.is_known() => self.note(a),
                _ => self.note(b).or_else(|| Some(Box::new(Note::Fallback))),
            },
            _ => None,
        }
    }

    /// `chuyen_hoa is dat`, or `… is unknown (possible: dat, na)`, for `X in (…)`.
    fn verdict_note(&self, assessment: u32) -> Note {
        let ai = assessment as usize;
        let v = self
            .result
            .assessments
            .get(ai)
            .map_or(Verdict::Invalid, |a| a.verdict);
        let mut possible = vec![];
        if let Verdict::Unknown(p) = v {
            let outcomes = &self.prog.rules.assessments[ai].outcomes;
            possible.extend(
                p.outcomes()
                    .filter_map(|o| outcomes.get(o as usize))
                    .map(|o| o.id.clone()),
            );
            if p.has_na() {
                possible.push("na".into());
            }
        }
        Note::Verdict {
            assessment: self.prog.rules.assessments[ai].id.clone(),
            verdict: verdict_word(self.prog, ai, v),
            possible,
        }
    }

    fn shortfall(&self, cond: &CExpr) -> Option<Shortfall> {
        let cond = super::whatif::deciding_comparison(cond, &|e| self.value(e))?;
        self.comparison(cond)
    }

    /// A comparison that does not hold, with its two sides and the gap.
    fn comparison(&self, cond: &CExpr) -> Option<Shortfall> {
        let CKind::Binary(op, l, r) = &cond.kind else {
            return None;
        };
        let (Value::Num(a), Value::Num(b)) = (self.value(l)?, self.value(r)?) else {
            return None;
        };
        let gap = match op {
            BinOp::Ge | BinOp::Gt => b.checked_sub(a),
            BinOp::Le | BinOp::Lt => a.checked_sub(b),
            BinOp::Eq => a.checked_sub(b).map(Num::abs),
            _ => return None,
        };
        Some(Shortfall {
            op: *op,
            value: Shown::of(self.prog, l, Value::Num(a)),
            threshold: Shown::of(self.prog, r, Value::Num(b)),
            gap,
            percent: is_percent(self.prog, l) || is_percent(self.prog, r),
        })
    }

    /// The reasons an expression is unknown (nothing when it is known).
    /// True the first time a let's definition is shown in the current tree.
    fn first_showing(&self, l: usize) -> bool {
        let mut shown = self.lets_shown.borrow_mut();
        match shown.get_mut(l) {
            Some(seen) if !*seen => {
                *seen = true;
                true
            }
            _ => false,
        }
    }

    /// The reasons a let is unknown, computed once per explanation.
    fn let_reasons(&self, l: usize) -> Vec<Reason> {
        if let Some(Some(done)) = self.let_reasons.borrow().get(l) {
            return done.clone();
        }
        let mut out = Vec::new();
        if let Some(decl) = self.prog.rules.lets.get(l) {
            self.reasons(&decl.expr, &mut out);
        }
        if let Some(slot) = self.let_reasons.borrow_mut().get_mut(l) {
            *slot = Some(out.clone());
        }
        out
    }

    fn reasons(&self, e: &CExpr, out: &mut Vec<Reason>) {
        crate::stack::grow(|| self.reasons_here(e, out))
    }

    fn reasons_here(&self, e: &CExpr, out: &mut Vec<Reason>) {
        match self.value(e) {
            Some(Value::Range(..)) if matches!(e.kind, CKind::Points | CKind::MaxPoints) => {
                return self.assessment_reasons(e, out)
            }
            Some(Value::Range(..)) => {}
            Some(v) if v.is_known() => return,
            None => return,
            _ => {}
        }
        let push = |out: &mut Vec<Reason>, r: Reason| {
            if !out.contains(&r) {
                out.push(r);
            }
        };
        let text = || self.prog.rules.sources.snippet(e.span).to_string();
        match &e.kind {
            CKind::Input(slot) => push(
                out,
                Reason::Missing {
                    input: self.prog.rules.slot_name(*slot),
                },
            ),
            CKind::Let(l) => {
                for r in self.let_reasons(*l as usize) {
                    push(out, r);
                }
            }
            CKind::Criterion {
                assessment,
                criterion,
            }
            | CKind::CriterionIs {
                assessment,
                criterion,
                ..
            } => {
                let c = &self.prog.rules.assessments[*assessment as usize].criteria
                    [*criterion as usize];
                c.when.iter().for_each(|w| self.reasons(w, out));
                self.reasons(&c.condition, out);
            }
            CKind::AllRequired | CKind::Points | CKind::MaxPoints => {
                self.assessment_reasons(e, out)
            }
            CKind::Call(Func::Ratio | Func::Change, args)
                if self.value(&args[1]) == Some(Value::Num(Num::ZERO)) =>
            {
                push(
                    out,
                    Reason::DivisionByZero {
                        expression: text(),
                        span: e.span,
                    },
                )
            }
            CKind::Binary(BinOp::Div, _, r) if self.value(r) == Some(Value::Num(Num::ZERO)) => {
                push(
                    out,
                    Reason::DivisionByZero {
                        expression: text(),
                        span: e.span,
                    },
                )
            }
            _ => {
                let before = out.len();
                e.children().into_iter().for_each(|c| self.reasons(c, out));
                let arithmetic = matches!(
                    e.kind,
                    CKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div, ..)
                        | CKind::Call(..)
                );
                let all_exact = e
                    .children()
                    .iter()
                    .all(|c| matches!(self.value(c), Some(Value::Num(_))));
                if out.len() == before && arithmetic && all_exact && !e.children().is_empty() {
                    push(
                        out,
                        Reason::Overflow {
                            expression: text(),
                            span: e.span,
                        },
                    );
                }
            }
        }
    }

    /// Reasons behind `all_required` / `points`: the unknown criteria of the assessment.
    fn assessment_reasons(&self, e: &CExpr, out: &mut Vec<Reason>) {
        for (ai, a) in self.prog.rules.assessments.iter().enumerate() {
            let within = a
                .outcomes
                .iter()
                .filter_map(|o| o.when.as_ref())
                .any(|w| w.span.start <= e.span.start && e.span.end <= w.span.end);
            if !within {
                continue;
            }
            for (ci, c) in a.criteria.iter().enumerate() {
                if self.result.criterion(self.prog, ai, ci) == CriterionResult::Unknown {
                    c.when.iter().for_each(|w| self.reasons(w, out));
                    self.reasons(&c.condition, out);
                }
            }
        }
    }
}
