//! Targets and `test` blocks.

use super::resolve::Scope;
use super::{codes, model::*, Checker, Named};
use crate::ast;
use crate::diag::{did_you_mean, Diagnostic};
use crate::i18n::Msg;
use crate::msg;
use crate::num::Num;
use crate::value::Value;

/// Whether a value fits an input's type; the error says why not.
pub fn fits(ty: &InputType, v: Value) -> Result<(), Msg> {
    match (ty, v) {
        (InputType::Count, Value::Num(n)) if n.is_negative() => {
            Err(msg!("diag-count-negative", value = n.to_string()))
        }
        (InputType::Count, Value::Num(n)) if !n.is_integer() => {
            Err(msg!("diag-count-whole", value = n.to_string()))
        }
        (InputType::Percent, Value::Num(n)) if n < Num::ZERO || n > Num::ONE => Err(msg!(
            "diag-percent-range",
            value = crate::value::format_percent(n)
        )),
        (InputType::Count | InputType::Number | InputType::Percent, Value::Num(_)) => Ok(()),
        (InputType::YesNo, Value::Bool(_))
        | (InputType::Date, Value::Date(_))
        | (InputType::Text, Value::Text(_)) => Ok(()),
        (InputType::Choice(_), Value::Choice(_)) => Ok(()),
        _ => Err(msg!("diag-expected-type", kind = ty.name())),
    }
}

impl Checker<'_> {
    pub(super) fn resolve_target(&mut self, t: &ast::TargetDecl) {
        let scope = Scope {
            target: true,
            ..Scope::area()
        };
        if let Some(expr) = self.resolve_bool(&t.expr, &scope) {
            self.rules.targets.push(Target {
                id: t.id.node.clone(),
                label: t.label.node.clone(),
                expr,
                params: vec![],
                span: t.id.span,
            });
        }
    }

    pub(super) fn resolve_test(&mut self, t: &ast::TestDecl) {
        let mut test = Test {
            name: t.name.node.clone(),
            areas: vec![],
            sets: vec![],
            expects: vec![],
            span: t.name.span,
        };
        for (i, a) in t.areas.iter().enumerate() {
            let id =
                a.id.as_ref()
                    .map_or_else(|| format!("given-{}", i + 1), |id| id.node.clone());
            let values = a
                .bindings
                .iter()
                .filter_map(|b| self.test_value(b))
                .collect();
            test.areas.push(TestArea {
                id,
                values,
                span: a.span,
            });
        }
        if test.areas.is_empty() {
            test.areas.push(TestArea {
                id: "given".into(),
                values: vec![],
                span: t.span,
            });
        }
        for s in &t.sets {
            if let Some(set) = self.param_override(&s.name.node, s.name.span, &s.value) {
                test.sets.push(set);
            }
        }
        let scope = Scope {
            test: true,
            ..Scope::area()
        };
        for e in &t.expects {
            let area = match &e.area {
                None => Some(0),
                Some(id) => self.test_area_index(t, id),
            };
            if let (Some(expr), Some(area)) = (self.resolve_bool(&e.expr, &scope), area) {
                test.expects.push(Expectation {
                    expr,
                    area,
                    span: e.span,
                });
            }
        }
        self.rules.tests.push(test);
    }

    fn test_area_index(&mut self, t: &ast::TestDecl, id: &ast::Ident) -> Option<u32> {
        let ids: Vec<&str> = t
            .areas
            .iter()
            .filter_map(|a| a.id.as_ref())
            .map(|i| i.node.as_str())
            .collect();
        if let Some(i) = t
            .areas
            .iter()
            .position(|a| a.id.as_ref().is_some_and(|x| x.node == id.node))
        {
            return Some(i as u32);
        }
        let mut d = Diagnostic::error(
            codes::BAD_TEST,
            msg!("diag-test-no-area", name = id.node.as_str()),
            id.span,
        );
        if let Some(h) = did_you_mean(&id.node, ids) {
            d = d.with_help(h);
        }
        self.error(d);
        None
    }

    fn test_value(&mut self, b: &ast::Binding) -> Option<TestValue> {
        let Some(&(Named::Input(i), _)) = self.names.get(&b.name.node) else {
            let inputs: Vec<String> = self.rules.inputs.iter().map(|x| x.id.clone()).collect();
            let d = Diagnostic::error(
                codes::UNKNOWN_NAME,
                msg!("diag-not-an-input", name = b.name.node.as_str()),
                b.name.span,
            )
            .with_did_you_mean(
                &b.name.node,
                b.name.span,
                inputs.iter().map(String::as_str),
                None,
            );
            self.error(d);
            return None;
        };
        let per_period = self.rules.inputs[i as usize].per_period;
        let period = match (&b.period, per_period) {
            (Some(p), true) => Some(
                self.rules
                    .periods
                    .iter()
                    .position(|x| x.id == p.node)
                    .map(|x| x as u32)
                    .or_else(|| {
                        self.error(Diagnostic::error(
                            codes::UNKNOWN_PERIOD,
                            msg!("diag-unknown-period", name = p.node.as_str()),
                            p.span,
                        ));
                        None
                    })?,
            ),
            (None, false) => None,
            (Some(p), false) => {
                self.error(Diagnostic::error(
                    codes::PERIOD_ON_PLAIN_INPUT,
                    msg!("diag-no-periods", name = b.name.node.as_str()),
                    p.span,
                ));
                return None;
            }
            (None, true) => {
                let d = Diagnostic::error(
                    codes::MISSING_PERIOD,
                    msg!("diag-missing-period", name = b.name.node.as_str()),
                    b.name.span,
                );
                self.error(d);
                return None;
            }
        };
        let slot = self.rules.slot_of(i, period)?;
        let choice = matches!(self.rules.inputs[i as usize].ty, InputType::Choice(_)).then_some(i);
        let text = match &b.value.node {
            ast::Literal::Text(t) => Some(t.clone()),
            _ => None,
        };
        let (value, _) = self.literal_value(&b.value, choice)?;
        let value = if text.is_some() {
            Value::Text(0)
        } else {
            value
        };
        self.given_unit(&self.rules.inputs[i as usize].ty.clone(), b)?;
        if let Err(why) = fits(&self.rules.inputs[i as usize].ty, value) {
            self.error(Diagnostic::error(
                codes::BAD_TEST,
                msg!("diag-test-value", name = b.name.node.as_str(), why = why),
                b.value.span,
            ));
            return None;
        }
        Some(TestValue {
            slot,
            value,
            text,
            span: b.value.span,
        })
    }

    /// A test value of a number input is written in the input's unit: `50%` for a percent
    /// input, no `%` for a count or number (a literal zero fits either).
    fn given_unit(&mut self, ty: &InputType, b: &ast::Binding) -> Option<()> {
        let text = self.snippet(b.value.span).trim().to_string();
        let percent = text.ends_with('%');
        let (want, fix) = match ty {
            InputType::Percent if !percent => (
                msg!("diag-unit-proportion"),
                msg!("diag-write", fix = percent_fix(&text)),
            ),
            InputType::Count | InputType::Number if percent => (
                msg!("diag-unit-plain"),
                msg!(
                    "diag-write-without-percent",
                    bare = text.trim_end_matches('%').trim_end()
                ),
            ),
            _ => return Some(()),
        };
        if is_zero_literal(&text)
            || !matches!(
                b.value.node,
                ast::Literal::Number(_) | ast::Literal::Percent(_)
            )
        {
            return Some(());
        }
        let d = Diagnostic::error(
            codes::UNIT_MISMATCH,
            msg!(
                "diag-given-unit",
                name = b.name.node.as_str(),
                kind = ty.name(),
                want = want
            ),
            b.value.span,
        )
        .with_label(msg!("diag-given-unit-label"))
        .with_help(fix);
        self.error(d);
        None
    }

    /// Checks `P = VALUE` against the param's type.
    pub(super) fn param_override(
        &mut self,
        name: &str,
        span: ast::Span,
        value: &ast::Spanned<ast::Literal>,
    ) -> Option<(u32, Value)> {
        let Some(p) = self.rules.param_index(name) else {
            let mut d = Diagnostic::error(
                codes::BAD_OVERRIDE,
                msg!("diag-not-a-param", name = name),
                span,
            );
            let ids: Vec<String> = self.rules.params.iter().map(|p| p.id.clone()).collect();
            if let Some(h) = did_you_mean(name, ids.iter().map(String::as_str)) {
                d = d.with_help(h);
            }
            self.error(d);
            return None;
        };
        let (v, ty) = self.literal_value(value, None)?;
        if ty != self.rules.params[p].ty {
            let d = Diagnostic::error(
                codes::BAD_OVERRIDE,
                msg!(
                    "diag-param-type",
                    name = name,
                    kind = super::resolve::type_name(self.rules.params[p].ty),
                    given = super::resolve::type_name(ty)
                ),
                value.span,
            );
            self.error(d);
            return None;
        }
        let text = self.snippet(value.span).to_string();
        if let Err((message, help)) = super::overrides::unit_fits(&self.rules.params[p], &text) {
            let d = Diagnostic::error(codes::UNIT_MISMATCH, message, value.span)
                .with_label(msg!("diag-param-unit-label"))
                .with_help(help);
            self.error(d);
            return None;
        }
        if let Some(problem) = self.rules.points_value_problem(p as u32, v) {
            let d = Diagnostic::error(codes::BAD_POINTS, problem, value.span)
                .with_help(msg!("diag-points-help"));
            self.error(d);
            return None;
        }
        Some((p as u32, v))
    }
}
