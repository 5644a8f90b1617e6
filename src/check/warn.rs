//! Warnings: inputs nothing reads, criteria no outcome can depend on.

use super::{codes, model::*, Checker};
use crate::ast::{Decl, FileId};
use crate::diag::Diagnostic;

impl Checker<'_> {
    pub(super) fn warnings(&mut self, _decls: &[(FileId, Decl)]) {
        for (i, used) in self.used_inputs.clone().into_iter().enumerate() {
            if !used {
                let input = &self.rules.inputs[i];
                let d = Diagnostic::warning(
                    codes::UNUSED_INPUT,
                    crate::msg!("diag-unused-input", name = input.id.as_str()),
                    input.span,
                )
                .with_help(crate::msg!("diag-unused-input-help"));
                self.diags.push(d);
            }
        }
        for (ai, a) in self.rules.assessments.iter().enumerate() {
            let (mut all_required, mut points) = (false, false);
            for o in a.outcomes.iter().filter_map(|o| o.when.as_ref()) {
                o.walk(&mut |n| match n.kind {
                    CKind::AllRequired => all_required = true,
                    CKind::Points | CKind::MaxPoints => points = true,
                    _ => {}
                });
            }
            for (ci, c) in a.criteria.iter().enumerate() {
                let referenced = self.referenced_criteria.contains(&(ai as u32, ci as u32));
                if referenced || (c.required && all_required) || (c.points.is_some() && points) {
                    continue;
                }
                let why = match (c.required, c.points.is_some()) {
                    (true, _) => crate::msg!("diag-unused-required"),
                    (_, true) => crate::msg!("diag-unused-points"),
                    _ => crate::msg!("diag-unused-plain"),
                };
                let d = Diagnostic::warning(
                    codes::UNUSED_CRITERION,
                    crate::msg!(
                        "diag-unused-criterion",
                        assessment = a.id.as_str(),
                        criterion = c.id.as_str()
                    ),
                    c.span,
                )
                .with_label(why)
                .with_help(crate::msg!("diag-unused-criterion-help"));
                self.diags.push(d);
            }
        }
    }
}
