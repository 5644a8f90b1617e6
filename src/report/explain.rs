//! Explanations rendered as miette diagnostics over the rules file's own lines, with the
//! values as labels under the expressions.

use crate::diag::{render_text, Diagnostic, Severity};
use crate::eval::explain::{
    AreaExplanation, AssessmentExplanation, CriterionExplanation, ExprNode, OutcomeState,
};
use crate::eval::{CriterionResult, Program};
use std::fmt::Write;

/// Code of explanation reports.
pub const EXPLAIN: &str = "tieuchi::explain";

/// Renders the explanation of one area.
pub fn area(prog: &Program, name: &str, x: &AreaExplanation, color: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "━━ {} {}{}",
        x.area,
        name,
        if x.invalid {
            " — invalid data, not assessed"
        } else {
            ""
        }
    );
    if x.invalid {
        return out;
    }
    for a in &x.assessments {
        out.push_str(&assessment(prog, a, color));
    }
    out
}

fn assessment(prog: &Program, a: &AssessmentExplanation, color: bool) -> String {
    let mut out = format!("\n{} ({}): {}", a.label, a.id, a.verdict);
    if a.verdict == "na" {
        let _ = writeln!(
            out,
            " — does not apply{}",
            a.applies
                .as_ref()
                .map_or(String::new(), |w| format!(": `{}` is false", w.text))
        );
        return out;
    }
    let _ = writeln!(out, ", points {}", a.points);
    for r in &a.reasons {
        let _ = writeln!(out, "  unknown because {r}");
    }
    for c in &a.criteria {
        if c.result == CriterionResult::Na {
            let why = c
                .when
                .as_ref()
                .map_or(String::new(), |w| format!(": `{}` is false", w.text));
            let _ = writeln!(out, "  {} na{why}", c.id);
            continue;
        }
        out.push_str(&render_text(&criterion(c), &prog.rules.sources, color));
    }
    let outcomes: Vec<String> = a
        .outcomes
        .iter()
        .map(|o| {
            let state = match o.state {
                OutcomeState::Chosen => "chosen",
                OutcomeState::RuledOut => "ruled out",
                OutcomeState::Possible => "possible",
                OutcomeState::NotReached => "not reached",
            };
            let cond = o.condition.as_ref().map_or("otherwise".to_string(), |c| {
                format!(
                    "`{}` = {}",
                    c.text,
                    c.value.as_deref().unwrap_or("not evaluated")
                )
            });
            format!("  outcome {} ({}): {state} — {cond}", o.id, o.label)
        })
        .collect();
    let _ = writeln!(out, "{}", outcomes.join("\n"));
    out
}

/// One criterion as a diagnostic: its condition's values as labels, reasons and remedies as help.
pub fn criterion(c: &CriterionExplanation) -> Diagnostic {
    let kind = match (c.required, &c.points) {
        (true, _) => "required".to_string(),
        (_, Some(p)) => format!("{p} points"),
        _ => "informational".into(),
    };
    let severity = match c.result {
        CriterionResult::Pass | CriterionResult::Na => Severity::Advice,
        CriterionResult::Unknown => Severity::Warning,
        CriterionResult::Fail => Severity::Error,
    };
    let mut d = Diagnostic::error(
        EXPLAIN,
        format!("{} {} ({kind}) — {}", c.id, c.result.as_str(), c.label),
        c.condition.span,
    );
    d.severity = severity;
    let top = match (&c.shortfall, &c.condition.value) {
        (Some(s), _) => s.clone(),
        (None, Some(v)) => format!(
            "{} → {}",
            c.condition
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            v
        ),
        (None, None) => "not evaluated".into(),
    };
    d = d.with_label(top);
    let mut labels = Vec::new();
    for child in &c.condition.children {
        collect_labels(child, 0, &mut labels);
    }
    for (span, text) in labels {
        d = d.with_secondary(span, text);
    }
    let mut help: Vec<String> = c
        .reasons
        .iter()
        .map(|r| format!("unknown because {r}"))
        .collect();
    help.extend(c.would_pass.iter().map(|w| format!("would pass with {w}")));
    if !help.is_empty() {
        d = d.with_help(help.join("; "));
    }
    d
}

/// Labels for operands and the definitions of the `let`s they read (two levels deep).
fn collect_labels(n: &ExprNode, depth: usize, out: &mut Vec<(crate::ast::Span, String)>) {
    let Some(v) = &n.value else { return };
    if n.text.trim().parse::<f64>().is_ok()
        || n.text.trim_end_matches('%').trim().parse::<f64>().is_ok()
    {
        return;
    }
    let note = n.note.as_ref().map_or(String::new(), |x| format!(" ({x})"));
    out.push((n.span, format!("{} = {v}{note}", short(&n.text))));
    if depth < 2 {
        for c in &n.children {
            if c.span.start >= n.span.end || c.span.end <= n.span.start {
                collect_labels(c, depth + 1, out);
            } else if depth == 0 && matches!(c.children.len(), 0) {
                continue;
            }
        }
    }
}

fn short(text: &str) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(39).collect::<String>())
    } else {
        t
    }
}
