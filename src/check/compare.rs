//! Comparisons: numbers and dates, choices with their options, verdicts with outcomes, and
//! results with result words.

use super::resolve::{same_type, type_name, Resolved, Scope};
use super::{codes, model::*, Checker};
use crate::ast::{BinOp, Expr, ExprKind, ResultWord, Span};
use crate::diag::{did_you_mean, Diagnostic};
use crate::i18n::Msg;
use crate::msg;
use crate::value::Value;

/// One side of a comparison before the two are matched.
enum Side {
    Expr(CExpr, Type, Span),
    Word(ResultWord, Span),
    /// A bare name that names nothing in scope: an option or an outcome id, or a typo.
    Bare(String, Span),
}

impl Checker<'_> {
    pub(super) fn resolve_compare(
        &mut self,
        op: BinOp,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        let l = self.side(lhs, scope);
        let r = self.side(rhs, scope);
        let (l, r) = (l?, r?);
        match (l, r) {
            (Side::Expr(e, t, s), other) | (other, Side::Expr(e, t, s)) => {
                self.compare_expr(op, (e, t, s), other, span, scope)
            }
            (Side::Bare(n, s), _) | (_, Side::Bare(n, s)) => {
                self.bare_unknown(&n, s, scope);
                None
            }
            (Side::Word(w, s), Side::Word(..)) => {
                let d = Diagnostic::error(
                    codes::TYPE_MISMATCH,
                    msg!("diag-result-word-alone", word = w.as_str()),
                    s,
                );
                self.error(d);
                None
            }
        }
    }

    fn side(&mut self, e: &Expr, scope: &Scope) -> Option<Side> {
        let inner = strip_parens(e);
        if let ExprKind::Word(w) = inner.node {
            return Some(Side::Word(w, inner.span));
        }
        if let (true, ExprKind::Name { name, .. }) =
            (self.is_bare_unresolved(inner, scope), &inner.node)
        {
            return Some(Side::Bare(name.node.clone(), inner.span));
        }
        let (c, t) = self.resolve(e, scope)?;
        Some(Side::Expr(c, t, e.span))
    }

    fn bare_unknown(&mut self, name: &str, span: Span, scope: &Scope) {
        let ident = crate::ast::Spanned {
            node: name.to_string(),
            span,
        };
        self.unknown_name(&ident, scope);
    }

    fn compare_expr(
        &mut self,
        op: BinOp,
        (e, t, s): (CExpr, Type, Span),
        other: Side,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        let equality = matches!(op, BinOp::Eq | BinOp::Ne);
        let negate = op == BinOp::Ne;
        match (t, other) {
            (Type::Choice(input), Side::Bare(name, bs)) if equality => {
                let idx = self.option_index(input, &name, bs)?;
                let c = self.mk(CKind::Const(Value::Choice(idx)), bs);
                Some((
                    self.mk(CKind::Binary(op, Box::new(e), Box::new(c)), span),
                    Type::Bool,
                ))
            }
            (Type::Verdict(a), Side::Bare(name, bs)) if equality => {
                let o = self.outcome_index(a, &name, bs)?;
                self.verdict_is(a, VerdictWant::Outcome(o), negate, span, scope)
            }
            (Type::Verdict(a), Side::Word(w, ws)) if equality => {
                if !matches!(
                    w,
                    ResultWord::Unknown | ResultWord::Na | ResultWord::Invalid
                ) {
                    return self.word_mismatch(w, ws, msg!("diag-verdict-words"));
                }
                self.verdict_is(a, VerdictWant::Word(w), negate, span, scope)
            }
            (Type::CriterionResult, Side::Word(w, ws)) if equality => {
                let CKind::Criterion {
                    assessment,
                    criterion,
                } = e.kind
                else {
                    return None;
                };
                if !matches!(
                    w,
                    ResultWord::Pass | ResultWord::Fail | ResultWord::Unknown | ResultWord::Na
                ) {
                    return self.word_mismatch(w, ws, msg!("diag-criterion-words"));
                }
                let kind = CKind::CriterionIs {
                    assessment,
                    criterion,
                    word: w,
                    negate,
                    literal: scope.test,
                };
                Some((self.mk(kind, span), Type::Bool))
            }
            (Type::TargetResult, Side::Word(w, ws)) if equality => {
                let CKind::TargetIs { target, .. } = e.kind else {
                    return None;
                };
                if !matches!(
                    w,
                    ResultWord::Met | ResultWord::NotMet | ResultWord::Unknown
                ) {
                    return self.word_mismatch(w, ws, msg!("diag-target-words"));
                }
                Some((
                    self.mk(
                        CKind::TargetIs {
                            target,
                            word: w,
                            negate,
                        },
                        span,
                    ),
                    Type::Bool,
                ))
            }
            (_, Side::Bare(name, bs)) => {
                self.bare_unknown(&name, bs, scope);
                None
            }
            (_, Side::Word(w, ws)) => self.word_mismatch(
                w,
                ws,
                msg!(
                    "diag-not-compared-with-words",
                    text = self.snippet(s),
                    kind = type_name(t)
                ),
            ),
            (_, Side::Expr(r, rt, rs)) => self.compare_typed(op, (e, t, s), (r, rt, rs), span),
        }
    }

    fn compare_typed(
        &mut self,
        op: BinOp,
        (l, lt, ls): (CExpr, Type, Span),
        (r, rt, rs): (CExpr, Type, Span),
        span: Span,
    ) -> Resolved {
        let (l, r, lt, rt, rs) = if ls.start <= rs.start {
            (l, r, lt, rt, rs)
        } else {
            (r, l, rt, lt, ls)
        };
        let ordered = !matches!(op, BinOp::Eq | BinOp::Ne);
        let ok = if ordered {
            lt == rt && matches!(lt, Type::Number | Type::Date)
        } else {
            same_type(lt, rt) && !matches!(lt, Type::Verdict(_) | Type::TargetResult | Type::Word)
        };
        if !ok {
            let message = if ordered {
                msg!(
                    "diag-cannot-order",
                    left = type_name(lt),
                    right = type_name(rt)
                )
            } else {
                msg!(
                    "diag-cannot-compare",
                    left = type_name(lt),
                    right = type_name(rt)
                )
            };
            let d = Diagnostic::error(codes::TYPE_MISMATCH, message, rs)
                .with_label(msg!("diag-this-is", kind = type_name(rt)))
                .with_help(if ordered {
                    msg!("diag-order-help")
                } else {
                    msg!("diag-compare-help")
                });
            self.error(d);
            return None;
        }
        Some((
            self.mk(CKind::Binary(op, Box::new(l), Box::new(r)), span),
            Type::Bool,
        ))
    }

    fn verdict_is(
        &mut self,
        assessment: u32,
        want: VerdictWant,
        negate: bool,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        let kind = CKind::VerdictIs {
            assessment,
            want,
            negate,
            literal: scope.test,
        };
        Some((self.mk(kind, span), Type::Bool))
    }

    fn word_mismatch(&mut self, w: ResultWord, span: Span, help: Msg) -> Resolved {
        let d = Diagnostic::error(
            codes::TYPE_MISMATCH,
            msg!("diag-word-does-not-fit", word = w.as_str()),
            span,
        )
        .with_help(help);
        self.error(d);
        None
    }

    pub(super) fn outcome_index(&mut self, a: u32, name: &str, span: Span) -> Option<u32> {
        let assessment = self.rules.assessments.get(a as usize)?;
        if let Some(i) = assessment.outcomes.iter().position(|o| o.id == name) {
            return Some(i as u32);
        }
        let ids: Vec<&str> = assessment.outcomes.iter().map(|o| o.id.as_str()).collect();
        let mut help = msg!(
            "diag-the-outcomes",
            assessment = assessment.id.as_str(),
            list = super::decls::backticked(&ids)
        );
        if let Some(h) = did_you_mean(name, ids.iter().copied()) {
            help = msg!("diag-suggest-then", suggestion = h, rest = help);
        }
        let d = Diagnostic::error(
            codes::NOT_AN_OPTION,
            msg!(
                "diag-not-an-outcome",
                name = name,
                assessment = assessment.id.as_str()
            ),
            span,
        )
        .with_help(help);
        self.error(d);
        None
    }
}

fn strip_parens(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.node {
        e = x;
    }
    e
}
