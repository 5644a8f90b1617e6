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
        for p in &x.problems {
            let _ = writeln!(out, "  data problem: {p}");
        }
        return out;
    }
    for a in &x.assessments {
        out.push_str(&assessment(prog, a, color));
    }
    out
}

fn assessment(prog: &Program, a: &AssessmentExplanation, color: bool) -> String {
    let mut out = assessment_body(prog, a, color);
    let rules = &prog.rules;
    if let Some(ai) = rules.assessment_index(&a.id) {
        let params = match a.verdict.as_str() {
            "invalid" => &[][..],
            "na" => &rules.assessments[ai].when_params,
            _ => &rules.assessments[ai].params,
        };
        out.push_str(&super::text::provisional_short(rules, params));
    }
    out
}

fn assessment_body(prog: &Program, a: &AssessmentExplanation, color: bool) -> String {
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
    if a.criteria.iter().any(|c| c.points.is_some()) {
        let _ = write!(out, ", points {}", a.points);
    }
    out.push('\n');
    for r in &a.reasons {
        let _ = writeln!(out, "  unknown because {r}");
    }
    for c in &a.criteria {
        if c.result == CriterionResult::Na {
            let why = c
                .when
                .as_ref()
                .map_or(String::new(), |w| format!(": `{}` is false", w.text));
            let _ = writeln!(out, "  – {} na — {}{why}", c.id, c.label);
            continue;
        }
        if c.result == CriterionResult::Pass {
            out.push_str(&passed_line(c));
            continue;
        }
        for d in criterion(c) {
            out.push_str(&render_text(
                &d,
                &prog.rules.sources,
                color,
                crate::i18n::Lang::En,
            ));
        }
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
                    c.value
                        .as_ref()
                        .map_or("not evaluated".to_string(), ToString::to_string)
                )
            });
            format!("  outcome {} ({}): {state} — {cond}", o.id, o.label)
        })
        .collect();
    let _ = writeln!(out, "{}", outcomes.join("\n"));
    out
}

/// One criterion as diagnostics: its condition's values as labels, reasons and remedies as help,
/// then the definitions of the `let`s it reads with their values.
pub fn criterion(c: &CriterionExplanation) -> Vec<Diagnostic> {
    let kind = match (c.required, &c.points) {
        (true, _) => "required".to_string(),
        (_, Some(p)) => format!("{} points", crate::value::format_number(*p)),
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
        (None, Some(v)) => format!("→ {v}"),
        (None, None) => "not evaluated".into(),
    };
    d = d.with_label(top);
    let mut labels = Vec::new();
    collect_labels(&c.condition, 0, &mut labels);
    let inside = |span: crate::ast::Span| {
        span.file == c.condition.span.file
            && span.start >= c.condition.span.start
            && span.end <= c.condition.span.end
    };
    let mut definitions = Vec::new();
    for (span, text) in labels {
        if inside(span) {
            d = d.with_secondary(span, text);
        } else {
            definitions.push((span, text));
        }
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
    let mut out = vec![d];
    for (span, text) in definitions {
        let mut def = Diagnostic::error(EXPLAIN, format!("where {text}"), span).with_label(text);
        def.severity = Severity::Advice;
        out.push(def);
    }
    out
}

/// A passed criterion on one line, with the values it read: the full picture is kept for the
/// criteria that failed or are unknown, where the council needs it.
fn passed_line(c: &CriterionExplanation) -> String {
    let mut labels = Vec::new();
    collect_labels(&c.condition, 0, &mut labels);
    let inside =
        |s: crate::ast::Span| s.start >= c.condition.span.start && s.end <= c.condition.span.end;
    let values: Vec<String> = labels
        .into_iter()
        .filter(|(s, _)| inside(*s))
        .map(|(_, t)| t)
        .collect();
    let values = if values.is_empty() {
        String::new()
    } else {
        format!(": {}", values.join("; "))
    };
    format!("  ✓ {} pass — {}{values}\n", c.id, c.label)
}

/// Labels for the values an expression reads (inputs, lets, params, calls), and under each
/// `let` read, the value of its definition at its own line.
fn collect_labels(n: &ExprNode, depth: usize, out: &mut Vec<(crate::ast::Span, String)>) {
    crate::stack::grow(|| {
        if depth > 3 {
            return;
        }
        let labelled = matches!(n.role, "input" | "let" | "param" | "call" | "result");
        if let (true, Some(v)) = (labelled, &n.value) {
            let note = n.note.as_ref().map_or(String::new(), |x| format!(" ({x})"));
            out.push((n.span, format!("{} = {v}{note}", short(&n.text))));
        }
        for c in &n.children {
            let definition = c.span.start >= n.span.end || c.span.end <= n.span.start;
            if n.role == "let" && definition {
                if let Some(v) = &c.value {
                    let note = c.note.as_ref().map_or(String::new(), |x| format!(" ({x})"));
                    out.push((c.span, format!("{} = {v}{note}", n.text.trim())));
                }
            } else if n.role != "call" {
                collect_labels(c, depth + 1, out);
            }
        }
    })
}

fn short(text: &str) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(39).collect::<String>())
    } else {
        t
    }
}

/// The targets as diagnostics over their lines: each `count`/`share` labelled with what it
/// counted, the condition with its result and the counts behind it.
pub fn targets(run: &super::Run, color: bool) -> String {
    let prog = run.program;
    let mut out = String::new();
    for (ti, (t, o)) in prog
        .rules
        .targets
        .iter()
        .zip(&run.assessed.targets)
        .enumerate()
    {
        let severity = match o.result {
            crate::eval::TargetResult::Met => Severity::Advice,
            crate::eval::TargetResult::Unknown => Severity::Warning,
            crate::eval::TargetResult::NotMet => Severity::Error,
        };
        let message = format!("{} {} — {}", t.id, o.result.as_str(), t.label);
        let mut d = Diagnostic::error(EXPLAIN, message, t.expr.span)
            .with_label(super::text::target_summary(run, ti));
        d.severity = severity;
        for (id, tally, value) in &o.tallies {
            if let Some((_, e)) = prog.aggregates.iter().find(|(_, e)| e.id == *id) {
                let (lo, hi) = tally.count();
                let counted = if lo == hi {
                    format!("{lo}")
                } else {
                    format!("{lo}–{hi}")
                };
                let shown = crate::eval::explain::show_value(prog, e, *value);
                let of = tally.members() + tally.maybe_members();
                d = d.with_secondary(e.span, format!("{counted} of {of} areas → {shown}"));
            }
        }
        if o.result == crate::eval::TargetResult::Unknown && !o.undecided.is_empty() {
            let ids: Vec<&str> = o
                .undecided
                .iter()
                .take(20)
                .filter_map(|&i| run.data.areas.get(i))
                .map(|a| a.id.as_str())
                .collect();
            let more = o.undecided.len().saturating_sub(ids.len());
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            d = d.with_help(format!(
                "decided once the data of these areas is complete: {}{tail}",
                ids.join(", ")
            ));
        }
        out.push_str(&render_text(
            &d,
            &prog.rules.sources,
            color,
            crate::i18n::Lang::En,
        ));
        out.push_str(&super::text::provisional_short(&prog.rules, &t.params));
    }
    out
}
