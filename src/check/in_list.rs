//! `X in (a, b, …)`: a choice (input or expression) with its options, or a verdict with its
//! outcomes and `na`. Compiled to one node holding the set, evaluated in one step.

use super::resolve::{type_name, Resolved, Scope};
use super::{codes, model::*, Checker};
use crate::ast::{Expr, Ident, Span};
use crate::diag::Diagnostic;
use crate::msg;

use crate::eval::Possible;

impl Checker<'_> {
    pub(super) fn resolve_in(
        &mut self,
        value: &Expr,
        list: &[Ident],
        span: Span,
        scope: &Scope,
    ) -> Resolved {
        let (c, t) = self.resolve(value, scope)?;
        let repeated = self.repeated_ids(list);
        let kind = match t {
            Type::Choice(input) => {
                let opts: Option<Vec<u16>> = list
                    .iter()
                    .map(|id| self.option_index(input, &id.node, id.span))
                    .collect();
                let len = match &self.rules.inputs[input as usize].ty {
                    InputType::Choice(o) => o.len(),
                    _ => 0,
                };
                CKind::ChoiceIn {
                    value: Box::new(c),
                    set: OptionSet::new(opts?, len),
                }
            }
            Type::Verdict(assessment) => {
                let mut set = 0u64;
                for id in list {
                    set |= self.verdict_bit(assessment, id)?;
                }
                CKind::VerdictIn {
                    assessment,
                    set,
                    literal: scope.test,
                }
            }
            other => {
                let d = Diagnostic::error(
                    codes::BAD_IN_LIST,
                    msg!("diag-in-needs-choice", kind = type_name(other)),
                    value.span,
                )
                .with_label(msg!("diag-this-is", kind = type_name(other)))
                .with_help(msg!("diag-in-needs-choice-help"));
                self.error(d);
                return None;
            }
        };
        if repeated {
            return None;
        }
        Some((self.mk(kind, span), Type::Bool))
    }

    /// Reports every id listed a second time; true when there is one.
    fn repeated_ids(&mut self, list: &[Ident]) -> bool {
        let mut found = false;
        for (i, id) in list.iter().enumerate() {
            if let Some(first) = list[..i].iter().find(|p| p.node == id.node) {
                let d = Diagnostic::error(
                    codes::BAD_IN_LIST,
                    msg!("diag-listed-twice", name = id.node.as_str()),
                    id.span,
                )
                .with_label(msg!("diag-listed-again-here"))
                .with_secondary(first.span, msg!("diag-first-listed-here"))
                .with_help(msg!("diag-listed-twice-help"));
                self.error(d);
                found = true;
            }
        }
        found
    }

    /// The bit of outcome `id` (or `na`) of an assessment, or a diagnostic listing the outcomes.
    fn verdict_bit(&mut self, assessment: u32, id: &Ident) -> Option<u64> {
        if id.node == "na" {
            return Some(Possible::NA_BIT);
        }
        let o = self.outcome_index(assessment, &id.node, id.span)?;
        Some(1 << o)
    }
}
