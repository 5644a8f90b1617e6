//! The edits between two rules files that declare the same names: params, lets, inputs,
//! periods, targets, assessments, criteria (condition, `required`, `points`, `when`) and
//! outcomes (condition, order), each with a patch that applies it alone to the old text.

use crate::ast::{AssessmentDecl, CriterionDecl, Decl, RulesFile, Span};
use serde::Serialize;
use std::collections::HashMap;

/// A change of the old text: replace `start..end` by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: String,
}

impl Patch {
    /// Replace `span` of the old text by `text`.
    pub fn replace(span: Span, text: &str) -> Patch {
        Patch {
            start: span.start,
            end: span.end,
            text: text.to_string(),
        }
    }

    /// Delete `span` of the old text.
    pub fn delete(span: Span) -> Patch {
        Patch::replace(span, "")
    }

    /// Insert `text` at byte `at` of the old text.
    pub fn insert(at: usize, text: String) -> Patch {
        Patch {
            start: at,
            end: at,
            text,
        }
    }
}

/// What kind of declaration an edit changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// A `param`.
    Param,
    /// A `let`.
    Let,
    /// An `input`.
    Input,
    /// A `period`.
    Period,
    /// A `target`.
    Target,
    /// An `assessment` (its `when`).
    Assessment,
    /// A `criterion` of an assessment.
    Criterion,
    /// An `outcome` of an assessment.
    Outcome,
    /// The order of an assessment's outcomes.
    OutcomeOrder,
}

impl EditKind {
    /// The word of the JSON output: `param`, `outcome_order`.
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Param => "param",
            EditKind::Let => "let",
            EditKind::Input => "input",
            EditKind::Period => "period",
            EditKind::Target => "target",
            EditKind::Assessment => "assessment",
            EditKind::Criterion => "criterion",
            EditKind::Outcome => "outcome",
            EditKind::OutcomeOrder => "outcome_order",
        }
    }
}

/// One part of a criterion, outcome or assessment that an edit changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The condition.
    Condition,
    /// Whether it is `required`.
    Required,
    /// Its `points`.
    Points,
    /// Its `when`.
    When,
}

impl Part {
    /// The word of the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Condition => "condition",
            Part::Required => "required",
            Part::Points => "points",
            Part::When => "when",
        }
    }
}

/// What an edit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The declaration is new.
    Added,
    /// The declaration is gone.
    Removed,
    /// A param's value (or its `provisional` mark).
    Value,
    /// A declaration's text, beyond its labels.
    Definition,
    /// Only labels: the results cannot change.
    Label,
    /// The order of the outcomes.
    Order,
    /// A what-if override given on the command line (`--set`).
    Set,
    /// These parts (never empty).
    Parts(Vec<Part>),
}

impl Change {
    /// True for an edit of labels only.
    pub fn is_label(&self) -> bool {
        *self == Change::Label
    }
}

/// `value`, `condition, points`, `--set`: the word of the JSON output.
impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Added => f.write_str("added"),
            Change::Removed => f.write_str("removed"),
            Change::Value => f.write_str("value"),
            Change::Definition => f.write_str("definition"),
            Change::Label => f.write_str("label"),
            Change::Order => f.write_str("order"),
            Change::Set => f.write_str("--set"),
            Change::Parts(parts) => {
                let words: Vec<&str> = parts.iter().map(|p| p.as_str()).collect();
                f.write_str(&words.join(", "))
            }
        }
    }
}

impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One edit from the old rules to the new.
#[derive(Debug, Clone, Serialize)]
pub struct Edit {
    /// What kind of thing changed.
    pub kind: EditKind,
    /// Which: `nguong_kham_pha`, `chuyen_hoa.C1`.
    pub name: String,
    /// What changed.
    pub change: Change,
    /// The old text (normalised), if any.
    pub old: Option<String>,
    /// The new text (normalised), if any.
    pub new: Option<String>,
    /// The patch that applies this edit alone to the old text.
    #[serde(skip)]
    pub patch: Option<Patch>,
}

/// The code of `text` in one canonical layout: its tokens (from the one lexer, so strings are kept
/// byte for byte and comments dropped) separated by single spaces, but none inside `f(a, b)`,
/// `x.y@p`, `-5`. Two texts that differ only in comments and layout normalise the same.
pub fn normalise(text: &str) -> String {
    use crate::syntax::cst::SyntaxKind::*;
    let mut out = String::with_capacity(text.len());
    let mut prev = None;
    let mut unary_minus = false;
    for t in crate::syntax::lexer::lex(text) {
        if t.kind.is_trivia() {
            continue;
        }
        let glued = matches!(t.kind, R_PAREN | COMMA | DOT | AT | COLON)
            || unary_minus
            || matches!(prev, Some(L_PAREN | DOT | AT))
            || (t.kind == L_PAREN && matches!(prev, Some(IDENT | COUNT_KW | CHOICE_KW)));
        if prev.is_some() && !glued {
            out.push(' ');
        }
        unary_minus = t.kind == MINUS && !prev.is_some_and(ends_operand);
        out.push_str(&text[t.range]);
        prev = Some(t.kind);
    }
    out
}

/// True for the tokens that may end an operand (after them, `-` subtracts).
fn ends_operand(kind: crate::syntax::cst::SyntaxKind) -> bool {
    use crate::syntax::cst::SyntaxKind::*;
    matches!(
        kind,
        IDENT
            | NUMBER
            | PERCENT
            | DATE
            | STRING
            | R_PAREN
            | TRUE_KW
            | FALSE_KW
            | PASS_KW
            | FAIL_KW
            | UNKNOWN_KW
            | NA_KW
            | MET_KW
            | NOT_MET_KW
            | INVALID_KW
            | POINTS_KW
    )
}

struct Side<'a> {
    text: &'a str,
    ast: &'a RulesFile,
}

impl Side<'_> {
    fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Top-level declarations by (kind, id), with their spans.
    fn named(&self) -> Vec<(EditKind, String, Span, &Decl)> {
        self.ast
            .decls
            .iter()
            .zip(&self.ast.spans)
            .filter_map(|(d, s)| {
                let (kind, id) = match d {
                    Decl::Param(p) => (EditKind::Param, &p.id.node),
                    Decl::Let(l) => (EditKind::Let, &l.id.node),
                    Decl::Input(i) => (EditKind::Input, &i.id.node),
                    Decl::Period(p) => (EditKind::Period, &p.id.node),
                    Decl::Target(t) => (EditKind::Target, &t.id.node),
                    Decl::Assessment(a) => (EditKind::Assessment, &a.id.node),
                    _ => return None,
                };
                Some((kind, id.clone(), *s, d))
            })
            .collect()
    }
}

/// The edits from `old` to `new` (main files only; `use`d files are not compared).
pub fn edits(old_text: &str, old: &RulesFile, new_text: &str, new: &RulesFile) -> Vec<Edit> {
    let (o, n) = (
        Side {
            text: old_text,
            ast: old,
        },
        Side {
            text: new_text,
            ast: new,
        },
    );
    let old_named = o.named();
    let new_named = n.named();
    let find = |list: &[(EditKind, String, Span, &Decl)], kind: EditKind, id: &str| {
        list.iter().position(|x| x.0 == kind && x.1 == id)
    };
    let mut out = Vec::new();
    for (kind, id, span, decl) in &old_named {
        match find(&new_named, *kind, id) {
            Some(j) => {
                let (_, _, nspan, ndecl) = &new_named[j];
                if let (Decl::Assessment(a), Decl::Assessment(b)) = (decl, ndecl) {
                    assessment(&o, a, &n, b, &mut out);
                } else if meaning(&o, decl, *span) != meaning(&n, ndecl, *nspan) {
                    out.push(replace_decl(*kind, id, &o, *span, &n, *nspan, decl));
                } else if normalise(o.slice(*span)) != normalise(n.slice(*nspan)) {
                    let mut e = replace_decl(*kind, id, &o, *span, &n, *nspan, decl);
                    e.change = Change::Label;
                    out.push(e);
                }
            }
            None => out.push(Edit {
                kind: *kind,
                name: id.clone(),
                change: Change::Removed,
                old: Some(normalise(o.slice(*span))),
                new: None,
                patch: Some(Patch::delete(*span)),
            }),
        }
    }
    for (kind, id, nspan, _) in &new_named {
        if find(&old_named, *kind, id).is_none() {
            out.push(Edit {
                kind: *kind,
                name: id.clone(),
                change: Change::Added,
                old: None,
                new: Some(normalise(n.slice(*nspan))),
                patch: Some(Patch::insert(
                    old_text.len(),
                    format!("\n{}\n", n.slice(*nspan)),
                )),
            });
        }
    }
    out
}

/// The declaration's text without its labels, normalised: what decides results.
fn meaning(s: &Side, decl: &Decl, span: Span) -> String {
    let mut labels: Vec<Span> = match decl {
        Decl::Param(p) => vec![p.label.span],
        Decl::Let(l) => l.label.iter().map(|x| x.span).collect(),
        Decl::Period(p) => vec![p.label.span],
        Decl::Target(t) => vec![t.label.span],
        Decl::Input(i) => {
            let mut v = vec![i.label.span];
            if let crate::ast::TypeExpr::Choice(opts) = &i.ty.node {
                v.extend(opts.iter().filter_map(|o| o.label.as_ref().map(|l| l.span)));
            }
            v
        }
        _ => vec![],
    };
    labels.sort_by_key(|l| l.start);
    let mut text = String::new();
    let mut at = span.start;
    for l in labels {
        text.push_str(s.text.get(at..l.start).unwrap_or(""));
        at = l.end;
    }
    text.push_str(s.text.get(at..span.end).unwrap_or(""));
    normalise(&text)
}

fn replace_decl(
    kind: EditKind,
    id: &str,
    o: &Side,
    span: Span,
    n: &Side,
    nspan: Span,
    decl: &Decl,
) -> Edit {
    let (old, new) = match decl {
        // the value as written, with `provisional` when declared so (on both sides)
        Decl::Param(_) => (value_of_param(o, span), value_of_param(n, nspan)),
        _ => (normalise(o.slice(span)), normalise(n.slice(nspan))),
    };
    let change = if kind == EditKind::Param {
        Change::Value
    } else {
        Change::Definition
    };
    Edit {
        kind,
        name: id.to_string(),
        change,
        old: Some(old),
        new: Some(new),
        patch: Some(Patch::replace(span, n.slice(nspan))),
    }
}

fn value_of_param(n: &Side, span: Span) -> String {
    let text = n.slice(span);
    let eq = crate::syntax::lexer::lex(text)
        .into_iter()
        .find(|t| t.kind == crate::syntax::cst::SyntaxKind::EQ);
    normalise(eq.map_or(text, |t| &text[t.range.end..]))
}

fn assessment(o: &Side, a: &AssessmentDecl, n: &Side, b: &AssessmentDecl, out: &mut Vec<Edit>) {
    let when = |s: &Side, x: &AssessmentDecl| x.when.as_ref().map(|w| normalise(s.slice(w.span)));
    if when(o, a) != when(n, b) {
        let patch = match (&a.when, &b.when) {
            (Some(w), Some(v)) => Some(Patch::replace(w.span, n.slice(v.span))),
            _ => None,
        };
        out.push(Edit {
            kind: EditKind::Assessment,
            name: a.id.node.clone(),
            change: Change::Parts(vec![Part::When]),
            old: when(o, a),
            new: when(n, b),
            patch,
        });
    }
    criteria(o, a, n, b, out);
    outcomes(o, a, n, b, out);
}

fn criterion_changes(o: &Side, c: &CriterionDecl, n: &Side, d: &CriterionDecl) -> Vec<Part> {
    let text = |s: &Side, e: &crate::ast::Expr| normalise(s.slice(e.span));
    let mut changes = Vec::new();
    if text(o, &c.condition) != text(n, &d.condition) {
        changes.push(Part::Condition);
    }
    if c.required != d.required {
        changes.push(Part::Required);
    }
    if c.points.as_ref().map(|p| &p.node) != d.points.as_ref().map(|p| &p.node) {
        changes.push(Part::Points);
    }
    if c.when.as_ref().map(|w| text(o, w)) != d.when.as_ref().map(|w| text(n, w)) {
        changes.push(Part::When);
    }
    changes
}

fn criteria(o: &Side, a: &AssessmentDecl, n: &Side, b: &AssessmentDecl, out: &mut Vec<Edit>) {
    let new_by_id: HashMap<&str, &CriterionDecl> =
        b.criteria.iter().map(|c| (c.id.node.as_str(), c)).collect();
    for c in &a.criteria {
        let name = format!("{}.{}", a.id.node, c.id.node);
        match new_by_id.get(c.id.node.as_str()) {
            Some(d) => {
                let changes = criterion_changes(o, c, n, d);
                if !changes.is_empty() {
                    out.push(Edit {
                        kind: EditKind::Criterion,
                        name,
                        change: Change::Parts(changes),
                        old: Some(normalise(o.slice(c.span))),
                        new: Some(normalise(n.slice(d.span))),
                        patch: Some(Patch::replace(c.span, n.slice(d.span))),
                    });
                }
            }
            None => out.push(Edit {
                kind: EditKind::Criterion,
                name,
                change: Change::Removed,
                old: Some(normalise(o.slice(c.span))),
                new: None,
                patch: Some(Patch::delete(c.span)),
            }),
        }
    }
    let at = a
        .outcomes
        .first()
        .map_or(a.span.end.saturating_sub(1), |x| x.span.start);
    for d in b
        .criteria
        .iter()
        .filter(|d| !a.criteria.iter().any(|c| c.id.node == d.id.node))
    {
        out.push(Edit {
            kind: EditKind::Criterion,
            name: format!("{}.{}", a.id.node, d.id.node),
            change: Change::Added,
            old: None,
            new: Some(normalise(n.slice(d.span))),
            patch: Some(Patch::insert(at, format!("{}\n  ", n.slice(d.span)))),
        });
    }
}

fn outcomes(o: &Side, a: &AssessmentDecl, n: &Side, b: &AssessmentDecl, out: &mut Vec<Edit>) {
    let cond = |s: &Side, x: &crate::ast::OutcomeDecl| {
        x.when
            .as_ref()
            .map_or("otherwise".to_string(), |w| normalise(s.slice(w.span)))
    };
    for x in &a.outcomes {
        let name = format!("{}.{}", a.id.node, x.id.node);
        match b.outcomes.iter().find(|y| y.id.node == x.id.node) {
            Some(y) if cond(o, x) != cond(n, y) => out.push(Edit {
                kind: EditKind::Outcome,
                name,
                change: Change::Parts(vec![Part::Condition]),
                old: Some(cond(o, x)),
                new: Some(cond(n, y)),
                patch: Some(Patch::replace(x.span, n.slice(y.span))),
            }),
            Some(_) => {}
            None => out.push(Edit {
                kind: EditKind::Outcome,
                name,
                change: Change::Removed,
                old: Some(cond(o, x)),
                new: None,
                patch: Some(Patch::delete(x.span)),
            }),
        }
    }
    // A new outcome goes in just before the old `otherwise`, where it can be tried alone.
    let at = a
        .outcomes
        .iter()
        .find(|x| x.when.is_none())
        .or(a.outcomes.last())
        .map_or(a.span.end.saturating_sub(1), |x| x.span.start);
    for y in b
        .outcomes
        .iter()
        .filter(|y| !a.outcomes.iter().any(|x| x.id.node == y.id.node))
    {
        out.push(Edit {
            kind: EditKind::Outcome,
            name: format!("{}.{}", a.id.node, y.id.node),
            change: Change::Added,
            old: None,
            new: Some(cond(n, y)),
            patch: Some(Patch::insert(at, format!("{}\n  ", n.slice(y.span)))),
        });
    }
    let common = |from: &AssessmentDecl, other: &AssessmentDecl| -> Vec<String> {
        from.outcomes
            .iter()
            .filter(|x| other.outcomes.iter().any(|y| y.id.node == x.id.node))
            .map(|x| x.id.node.clone())
            .collect()
    };
    let (old_order, new_order) = (common(a, b), common(b, a));
    if old_order != new_order {
        let region = |x: &AssessmentDecl| {
            x.outcomes
                .first()
                .zip(x.outcomes.last())
                .map(|(f, l)| (f.span.start, l.span.end))
        };
        let patch = region(a).zip(region(b)).map(|((s, e), (ns, ne))| Patch {
            start: s,
            end: e,
            text: n.text.get(ns..ne).unwrap_or("").to_string(),
        });
        out.push(Edit {
            kind: EditKind::OutcomeOrder,
            name: a.id.node.clone(),
            change: Change::Order,
            old: Some(old_order.join(", ")),
            new: Some(new_order.join(", ")),
            patch,
        });
    }
}

/// Applies one patch to the old text.
pub fn apply(text: &str, p: &Patch) -> String {
    let (start, end) = (p.start.min(text.len()), p.end.min(text.len()));
    format!("{}{}{}", &text[..start], p.text, &text[end..])
}
