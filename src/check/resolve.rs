//! Resolving and type-checking expressions.

use super::{codes, model::*, Checker, Named};
use crate::ast::{self, BinOp, Expr, ExprKind, Span};
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::value::Value;

/// Where an expression stands, which decides what it may refer to.
#[derive(Clone, Copy, Default)]
pub(super) struct Scope<'a> {
    /// The assessment being resolved (final index, declaration).
    pub assessment: Option<(u32, &'a ast::AssessmentDecl)>,
    /// How many of its criteria may be referred to by bare id.
    pub visible_criteria: usize,
    /// In an outcome condition: `all_required`, `points`, `max_points` allowed.
    pub in_outcome: bool,
    /// In a target, outside `count`/`share`: only plan-level values.
    pub target: bool,
    /// Inside `count(…)` / `share(…)`.
    pub aggregate: bool,
    /// In a test's `expect`: result words compare literally, targets may be named.
    pub test: bool,
}

impl Scope<'_> {
    /// An area-level scope: inputs, params, lets and verdicts.
    pub fn area() -> Self {
        Scope::default()
    }
}

pub(super) type Resolved = Option<(CExpr, Type)>;

pub(super) const FUNCTIONS: [&str; 9] = [
    "ratio", "change", "min", "max", "abs", "at_least", "known", "count", "share",
];

/// How a type is named in messages.
pub(super) fn type_name(t: Type) -> Msg {
    t.name()
}

impl Checker<'_> {
    pub(super) fn mk(&mut self, kind: CKind, span: Span) -> CExpr {
        CExpr {
            kind,
            span,
            id: self.node_id(),
        }
    }

    pub(super) fn mismatch(&mut self, span: Span, expected: Msg, found: Type) {
        let text = self.snippet(span).to_string();
        let d = Diagnostic::error(
            codes::TYPE_MISMATCH,
            msg!(
                "diag-type-mismatch",
                expected = expected,
                found = type_name(found),
                text = text
            ),
            span,
        )
        .with_label(msg!("diag-this-is", kind = type_name(found)));
        self.error(d);
    }

    /// Resolves an expression that must be a yes/no value (a criterion counts as one).
    pub(super) fn resolve_bool(&mut self, e: &Expr, scope: &Scope) -> Option<CExpr> {
        let (c, t) = self.resolve(e, scope)?;
        if matches!(t, Type::Bool | Type::CriterionResult) {
            return Some(c);
        }
        if let Type::Verdict(_) = t {
            let d = Diagnostic::error(codes::TYPE_MISMATCH, msg!("diag-verdict-not-bool"), e.span)
                .with_help(msg!(
                    "diag-verdict-not-bool-help",
                    text = self.snippet(e.span)
                ));
            self.error(d);
            return None;
        }
        self.mismatch(e.span, type_name(Type::Bool), t);
        None
    }

    /// Resolves an expression that must be a number.
    pub(super) fn resolve_num(&mut self, e: &Expr, scope: &Scope) -> Option<CExpr> {
        let (c, t) = self.resolve(e, scope)?;
        if t == Type::Number {
            return Some(c);
        }
        self.mismatch(e.span, type_name(Type::Number), t);
        None
    }

    /// Resolves and type-checks any expression.
    pub(super) fn resolve(&mut self, e: &Expr, scope: &Scope) -> Resolved {
        crate::stack::grow(|| {
            let span = e.span;
            match &e.node {
                ExprKind::Number(n) | ExprKind::Percent(n) => {
                    Some((self.mk(CKind::Const(Value::Num(*n)), span), Type::Number))
                }
                ExprKind::Date(d) => {
                    Some((self.mk(CKind::Const(Value::Date(*d)), span), Type::Date))
                }
                ExprKind::Bool(b) => {
                    Some((self.mk(CKind::Const(Value::Bool(*b)), span), Type::Bool))
                }
                ExprKind::Text(t) => {
                    let v = Value::Text(self.text_const(t));
                    Some((self.mk(CKind::Const(v), span), Type::Text))
                }
                ExprKind::Word(w) => {
                    let d = Diagnostic::error(
                        codes::TYPE_MISMATCH,
                        msg!("diag-result-word-not-value", word = w.as_str()),
                        span,
                    )
                    .with_help(msg!("diag-result-word-not-value-help", word = w.as_str()));
                    self.error(d);
                    None
                }
                ExprKind::Points => {
                    self.outcome_only("points", CKind::Points, Type::Number, span, scope)
                }
                ExprKind::Name {
                    name,
                    member,
                    period,
                } => self.resolve_name(name, member.as_ref(), period.as_ref(), span, scope),
                ExprKind::Call { func, args, among } => {
                    self.resolve_call(func, args, among.as_deref(), span, scope)
                }
                ExprKind::Not(x) => {
                    let x = self.resolve_bool(x, scope)?;
                    Some((self.mk(CKind::Not(Box::new(x)), span), Type::Bool))
                }
                ExprKind::Neg(x) => {
                    let x = self.resolve_num(x, scope)?;
                    Some((self.mk(CKind::Neg(Box::new(x)), span), Type::Number))
                }
                ExprKind::Paren(x) => self.resolve(x, scope),
                ExprKind::Binary { op, lhs, rhs } => {
                    self.resolve_binary(*op, lhs, rhs, span, scope)
                }
                ExprKind::In { value, list } => self.resolve_in(value, list, span, scope),
            }
        })
    }

    fn resolve_binary(
        &mut self,
        op: BinOp,
        lhs: &Expr,
        rhs: &Expr,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        match op {
            BinOp::And | BinOp::Or => {
                let (l, r) = (self.resolve_bool(lhs, scope), self.resolve_bool(rhs, scope));
                Some((
                    self.mk(CKind::Binary(op, Box::new(l?), Box::new(r?)), span),
                    Type::Bool,
                ))
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                let (l, r) = (self.resolve_num(lhs, scope), self.resolve_num(rhs, scope));
                Some((
                    self.mk(CKind::Binary(op, Box::new(l?), Box::new(r?)), span),
                    Type::Number,
                ))
            }
            BinOp::Coalesce => {
                let (l, r) = (self.resolve(lhs, scope), self.resolve(rhs, scope));
                let ((l, lt), (r, rt)) = (l?, r?);
                if !same_type(lt, rt) {
                    self.mismatch(rhs.span, type_name(lt), rt);
                    return None;
                }
                Some((
                    self.mk(CKind::Binary(op, Box::new(l), Box::new(r)), span),
                    lt,
                ))
            }
            _ => self.resolve_compare(op, lhs, rhs, span, scope),
        }
    }

    fn outcome_only(
        &mut self,
        name: &str,
        kind: CKind,
        ty: Type,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        if scope.in_outcome {
            return Some((self.mk(kind, span), ty));
        }
        let d = Diagnostic::error(
            codes::OUTCOME_ONLY,
            msg!("diag-outcome-only", name = name),
            span,
        )
        .with_help(msg!("diag-outcome-only-help"));
        self.error(d);
        None
    }

    /// True for a bare name that names nothing in scope (an option or outcome id, or a typo).
    pub(super) fn is_bare_unresolved(&self, e: &Expr, scope: &Scope) -> bool {
        let ExprKind::Name {
            name,
            member: None,
            period: None,
        } = &e.node
        else {
            return false;
        };
        let criterion = scope.assessment.is_some_and(|(_, a)| {
            a.criteria[..scope.visible_criteria]
                .iter()
                .any(|c| c.id.node == name.node)
        });
        !criterion
            && !self.names.contains_key(&name.node)
            && !matches!(name.node.as_str(), "all_required" | "max_points")
    }

    fn resolve_name(
        &mut self,
        name: &ast::Ident,
        member: Option<&ast::Ident>,
        period: Option<&ast::Ident>,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        if let Some(m) = member {
            return self.qualified(name, m, period, span, scope);
        }
        if let Some((ai, a)) = scope.assessment {
            if let Some(ci) = a.criteria[..scope.visible_criteria]
                .iter()
                .position(|c| c.id.node == name.node)
            {
                self.referenced_criteria.push((ai, ci as u32));
                let kind = CKind::Criterion {
                    assessment: ai,
                    criterion: ci as u32,
                };
                return Some((self.mk(kind, span), Type::CriterionResult));
            }
        }
        let Some(&(named, _)) = self.names.get(&name.node) else {
            return self.unknown_or_special(name, period, span, scope);
        };
        if period.is_some() && !matches!(named, Named::Input(_)) {
            return self.period_on_plain(name, span);
        }
        match named {
            Named::Input(i) => self.input_ref(i, name, period, span, scope),
            Named::Param(p) => {
                let ty = self.rules.params[p as usize].ty;
                Some((self.mk(CKind::Param(p), span), ty))
            }
            Named::Let(l) => {
                self.area_level(name, span, scope)?;
                let fin = self.let_index.get(l as usize).copied().flatten()?;
                let ty = self.rules.lets[fin as usize].ty;
                Some((self.mk(CKind::Let(fin), span), ty))
            }
            Named::Assessment(a) => self.verdict_ref(a, name, span, scope),
            Named::Target(t) => self.target_ref(t, name, span, scope),
            Named::Period(_) => {
                let d = Diagnostic::error(
                    codes::TYPE_MISMATCH,
                    msg!("diag-period-not-value", name = name.node.as_str()),
                    span,
                )
                .with_help(msg!(
                    "diag-period-not-value-help",
                    name = name.node.as_str()
                ));
                self.error(d);
                None
            }
        }
    }

    fn unknown_or_special(
        &mut self,
        name: &ast::Ident,
        period: Option<&ast::Ident>,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        match (name.node.as_str(), period) {
            ("all_required", None) => {
                return self.outcome_only(
                    "all_required",
                    CKind::AllRequired,
                    Type::Bool,
                    span,
                    scope,
                )
            }
            ("max_points", None) => {
                return self.outcome_only("max_points", CKind::MaxPoints, Type::Number, span, scope)
            }
            _ => {}
        }
        self.unknown_name(name, scope);
        None
    }

    pub(super) fn unknown_name(&mut self, name: &ast::Ident, scope: &Scope) {
        let mut candidates: Vec<&str> = self.names.keys().map(String::as_str).collect();
        if let Some((_, a)) = scope.assessment {
            candidates.extend(
                a.criteria[..scope.visible_criteria]
                    .iter()
                    .map(|c| c.id.node.as_str()),
            );
        }
        candidates.sort_unstable();
        let d = Diagnostic::error(
            codes::UNKNOWN_NAME,
            msg!("diag-not-declared", name = name.node.as_str()),
            name.span,
        )
        .with_label(msg!("diag-unknown-name"))
        .with_did_you_mean(
            &name.node,
            name.span,
            candidates,
            Some(msg!("diag-not-declared-help")),
        );
        self.error(d);
    }

    fn period_on_plain(&mut self, name: &ast::Ident, span: Span) -> Resolved {
        let d = Diagnostic::error(
            codes::PERIOD_ON_PLAIN_INPUT,
            msg!("diag-no-periods", name = name.node.as_str()),
            span,
        )
        .with_label(msg!("diag-no-periods-label"))
        .with_help(msg!("diag-no-periods-help", name = name.node.as_str()));
        self.error(d);
        None
    }

    fn area_level(&mut self, name: &ast::Ident, span: Span, scope: &Scope) -> Option<()> {
        if !scope.target {
            return Some(());
        }
        let d = Diagnostic::error(
            codes::AREA_VALUE_IN_TARGET,
            msg!("diag-area-value-in-target", name = name.node.as_str()),
            span,
        )
        .with_help(msg!("diag-area-value-in-target-help"));
        self.error(d);
        None
    }

    fn input_ref(
        &mut self,
        i: u32,
        name: &ast::Ident,
        period: Option<&ast::Ident>,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        self.area_level(name, span, scope)?;
        self.used_inputs[i as usize] = true;
        let input = &self.rules.inputs[i as usize];
        let ty = match &input.ty {
            InputType::Count | InputType::Number | InputType::Percent => Type::Number,
            InputType::YesNo => Type::Bool,
            InputType::Date => Type::Date,
            InputType::Text => Type::Text,
            InputType::Choice(_) => Type::Choice(i),
        };
        let periods: Vec<String> = self.rules.periods.iter().map(|p| p.id.clone()).collect();
        let period_index = match (input.per_period, period) {
            (false, Some(_)) => return self.period_on_plain(name, span),
            (true, None) => {
                let d = Diagnostic::error(
                    codes::MISSING_PERIOD,
                    msg!("diag-missing-period", name = name.node.as_str()),
                    span,
                )
                .with_label(msg!("diag-missing-period-label"))
                .with_help(msg!(
                    "diag-missing-period-help",
                    name = name.node.as_str(),
                    list = super::decls::backticked(
                        &periods.iter().map(String::as_str).collect::<Vec<_>>()
                    )
                ));
                self.error(d);
                return None;
            }
            (true, Some(p)) => match periods.iter().position(|x| *x == p.node) {
                Some(pi) => Some(pi as u32),
                None => {
                    let d = Diagnostic::error(
                        codes::UNKNOWN_PERIOD,
                        msg!("diag-unknown-period", name = p.node.as_str()),
                        p.span,
                    )
                    .with_label(msg!("diag-unknown-period-label"))
                    .with_did_you_mean(
                        &p.node,
                        p.span,
                        periods.iter().map(String::as_str),
                        None,
                    );
                    self.error(d);
                    return None;
                }
            },
            (false, None) => None,
        };
        let slot = self.rules.slot_of(i, period_index)?;
        Some((self.mk(CKind::Input(slot), span), ty))
    }

    /// The final index of assessment `a`; `None` with a diagnostic while the lets are resolved
    /// (lets are computed before any assessment, so a `let` cannot read a result).
    fn decided_assessment(&mut self, a: u32, name: &ast::Ident, span: Span) -> Option<u32> {
        if let Some(&fin) = self.assessment_index.get(a as usize) {
            return Some(fin);
        }
        let d = Diagnostic::error(
            codes::LET_READS_RESULT,
            msg!("diag-let-reads-result", name = name.node.as_str()),
            span,
        )
        .with_help(msg!(
            "diag-let-reads-result-help",
            name = name.node.as_str()
        ));
        self.error(d);
        None
    }

    fn verdict_ref(&mut self, a: u32, name: &ast::Ident, span: Span, scope: &Scope) -> Resolved {
        self.area_level(name, span, scope)?;
        let fin = self.decided_assessment(a, name, span)?;
        if fin == u32::MAX {
            if scope
                .assessment
                .is_some_and(|(_, cur)| cur.id.node == name.node)
            {
                let d = Diagnostic::error(
                    codes::ASSESSMENT_CYCLE,
                    msg!("diag-own-verdict", name = name.node.as_str()),
                    span,
                );
                self.error(d);
            }
            return None;
        }
        let kind = CKind::VerdictIs {
            assessment: fin,
            want: VerdictWant::Word(ast::ResultWord::Unknown),
            negate: false,
            literal: scope.test,
        };
        Some((self.mk(kind, span), Type::Verdict(fin)))
    }

    fn target_ref(&mut self, t: u32, name: &ast::Ident, span: Span, scope: &Scope) -> Resolved {
        if !scope.test {
            let d = Diagnostic::error(
                codes::TYPE_MISMATCH,
                msg!("diag-target-outside-test", name = name.node.as_str()),
                span,
            );
            self.error(d);
            return None;
        }
        let kind = CKind::TargetIs {
            target: t,
            word: ast::ResultWord::Met,
            negate: false,
        };
        Some((self.mk(kind, span), Type::TargetResult))
    }

    fn qualified(
        &mut self,
        name: &ast::Ident,
        member: &ast::Ident,
        period: Option<&ast::Ident>,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        let Some(&(Named::Assessment(a), _)) = self.names.get(&name.node) else {
            if self.names.contains_key(&name.node) {
                let d = Diagnostic::error(
                    codes::TYPE_MISMATCH,
                    msg!("diag-not-an-assessment", name = name.node.as_str()),
                    name.span,
                );
                self.error(d);
            } else {
                self.unknown_name(name, scope);
            }
            return None;
        };
        if period.is_some() {
            return self.period_on_plain(name, span);
        }
        self.area_level(name, span, scope)?;
        let (fin, ci, ids) = match scope.assessment.filter(|(_, cur)| cur.id.node == name.node) {
            Some((cur, decl)) => {
                let ids: Vec<String> = decl.criteria[..scope.visible_criteria]
                    .iter()
                    .map(|c| c.id.node.clone())
                    .collect();
                (cur, ids.iter().position(|c| *c == member.node), ids)
            }
            None => {
                let fin = self.decided_assessment(a, name, span)?;
                let crit = &self.rules.assessments.get(fin as usize)?.criteria;
                let ids: Vec<String> = crit.iter().map(|c| c.id.clone()).collect();
                (fin, ids.iter().position(|c| *c == member.node), ids)
            }
        };
        let Some(ci) = ci else {
            let d = Diagnostic::error(
                codes::UNKNOWN_NAME,
                msg!(
                    "diag-no-such-criterion",
                    name = name.node.as_str(),
                    member = member.node.as_str()
                ),
                member.span,
            )
            .with_did_you_mean(
                &member.node,
                member.span,
                ids.iter().map(String::as_str),
                None,
            );
            self.error(d);
            return None;
        };
        self.referenced_criteria.push((fin, ci as u32));
        let kind = CKind::Criterion {
            assessment: fin,
            criterion: ci as u32,
        };
        Some((self.mk(kind, span), Type::CriterionResult))
    }
}

/// Whether two types may meet in `==`, `!=` or `??`.
pub(super) fn same_type(a: Type, b: Type) -> bool {
    let norm = |t| {
        if t == Type::CriterionResult {
            Type::Bool
        } else {
            t
        }
    };
    norm(a) == norm(b)
}
