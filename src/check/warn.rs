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
                    format!("input `{}` is never used", input.id),
                    input.span,
                )
                .with_help(
                    "use it in a criterion, or remove it so data-entry forms do not ask for it",
                );
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
                    (true, _) => "it is `required`, but no outcome uses `all_required`",
                    (_, true) => "it has `points`, but no outcome uses `points` or `max_points`",
                    _ => "it is neither `required` nor has `points`, and no outcome names it",
                };
                let d = Diagnostic::warning(
                    codes::UNUSED_CRITERION,
                    format!("no outcome of `{}` depends on criterion `{}`", a.id, c.id),
                    c.span,
                )
                .with_label(why)
                .with_help(
                    "it is still shown in explanations; name it in an outcome if it should count",
                );
                self.diags.push(d);
            }
        }
    }
}
