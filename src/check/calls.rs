//! Calls of the built-in functions, and `count(…)` / `share(…)` in targets.

use super::resolve::{Resolved, Scope, FUNCTIONS};
use super::{codes, model::*, Checker};
use crate::ast::{self, Expr, Span};
use crate::diag::Diagnostic;
use crate::msg;

impl Checker<'_> {
    pub(super) fn resolve_call(
        &mut self,
        func: &ast::Ident,
        args: &[Expr],
        among: Option<&Expr>,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        let f = match func.node.as_str() {
            "count" | "share" => return self.aggregate(func, args, among, span, scope),
            "ratio" => Func::Ratio,
            "change" => Func::Change,
            "min" => Func::Min,
            "max" => Func::Max,
            "abs" => Func::Abs,
            "at_least" => Func::AtLeast,
            "known" => Func::Known,
            other => {
                let d = Diagnostic::error(
                    codes::BAD_CALL,
                    msg!("diag-not-a-function", name = other),
                    func.span,
                )
                .with_did_you_mean(
                    other,
                    func.span,
                    FUNCTIONS,
                    Some(msg!("diag-the-functions", list = FUNCTIONS.join(", "))),
                );
                self.error(d);
                return None;
            }
        };
        if let Some(a) = among {
            self.error(Diagnostic::error(
                codes::BAD_CALL,
                msg!("diag-among-outside-count"),
                a.span,
            ));
            return None;
        }
        let (min, max) = match f {
            Func::Ratio | Func::Change => (2, 2),
            Func::Abs | Func::Known => (1, 1),
            Func::Min | Func::Max => (1, usize::MAX),
            Func::AtLeast => (2, usize::MAX),
        };
        if args.len() < min || args.len() > max {
            let want = if min == max {
                msg!("diag-arity-exactly", count = min)
            } else {
                msg!("diag-arity-at-least", count = min)
            };
            let d = Diagnostic::error(
                codes::BAD_CALL,
                msg!(
                    "diag-wrong-arity",
                    name = func.node.as_str(),
                    want = want,
                    given = args.len().to_string()
                ),
                span,
            );
            self.error(d);
            return None;
        }
        let mut out = Vec::with_capacity(args.len());
        let mut ok = true;
        for (i, a) in args.iter().enumerate() {
            let r = match f {
                Func::Known => self.resolve(a, scope).map(|x| x.0),
                Func::AtLeast if i > 0 => self.resolve_bool(a, scope),
                _ => self.resolve_num(a, scope),
            };
            match r {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        let ty = if matches!(f, Func::AtLeast | Func::Known) {
            Type::Bool
        } else {
            Type::Number
        };
        ok.then(|| (self.mk(CKind::Call(f, out), span), ty))
    }

    fn aggregate(
        &mut self,
        func: &ast::Ident,
        args: &[Expr],
        among: Option<&Expr>,
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        if !scope.target || scope.aggregate {
            let d = Diagnostic::error(
                codes::TARGET_ONLY,
                msg!("diag-aggregate-outside-target", name = func.node.as_str()),
                span,
            )
            .with_help(msg!("diag-aggregate-outside-target-help"));
            self.error(d);
            return None;
        }
        if args.len() != 1 {
            let d = Diagnostic::error(
                codes::BAD_CALL,
                msg!("diag-aggregate-arity", name = func.node.as_str()),
                span,
            );
            self.error(d);
            return None;
        }
        let inner = Scope {
            target: false,
            aggregate: true,
            ..*scope
        };
        let cond = self.resolve_bool(&args[0], &inner);
        let filter = among.map(|f| self.resolve_bool(f, &inner));
        let among = match filter {
            Some(f) => Some(Box::new(f?)),
            None => None,
        };
        let kind = CKind::Aggregate {
            share: func.node == "share",
            cond: Box::new(cond?),
            among,
        };
        Some((self.mk(kind, span), Type::Number))
    }
}
