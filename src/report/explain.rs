//! Explanations for people: each criterion with the values it read (labels from the rules
//! beside the identifiers), failed and unknown criteria as miette diagnostics over the rules
//! file's own lines, shortfalls and what would change the verdict, and why each outcome was
//! chosen or not — in the reader's language.

use super::words;
use crate::diag::{render_text, Diagnostic, Severity};
use crate::eval::explain::{
    AreaExplanation, AssessmentExplanation, Blocker, CriterionExplanation, ExprNode,
    OutcomeExplanation, OutcomeState, Role,
};
use crate::eval::{CriterionResult, Program, Verdict};
use crate::i18n::Lang;
use crate::tr;
use std::fmt::Write;

/// Code of explanation reports: empty, so no code line is printed above each block.
pub const EXPLAIN: &str = "";

/// Renders the explanation of one area.
pub fn area(prog: &Program, name: &str, x: &AreaExplanation, color: bool, lang: Lang) -> String {
    let mut out = format!("━━ {} {name}", x.area);
    if x.invalid {
        let _ = write!(out, " — {}", tr!(lang, "explain-area-invalid"));
    }
    out.push('\n');
    if x.invalid {
        for p in &x.problems {
            let _ = writeln!(
                out,
                "  {}",
                tr!(lang, "explain-data-problem", problem = p.render(lang))
            );
        }
        return out;
    }
    for a in &x.assessments {
        out.push_str(&assessment(prog, a, color, lang));
    }
    out
}

fn assessment(prog: &Program, a: &AssessmentExplanation, color: bool, lang: Lang) -> String {
    let mut out = assessment_body(prog, a, color, lang);
    let rules = &prog.rules;
    if let Some(ai) = rules.assessment_index(&a.id) {
        let params = match a.verdict {
            Verdict::Invalid => &[][..],
            Verdict::Na => &rules.assessments[ai].when_params,
            _ => &rules.assessments[ai].params,
        };
        out.push_str(&super::text::provisional_short(rules, params, lang));
    }
    out
}

fn assessment_body(prog: &Program, a: &AssessmentExplanation, color: bool, lang: Lang) -> String {
    let mut out = format!("\n{}", assessment_header(prog, a, lang));
    if a.verdict == Verdict::Na {
        return out;
    }
    for r in &a.reasons {
        let reason = words::reason(lang, r);
        let _ = writeln!(
            out,
            "  {}",
            tr!(lang, "explain-unknown-because", reason = reason)
        );
    }
    for c in &a.criteria {
        out.push_str(&criterion_text(prog, c, color, lang));
    }
    for o in &a.outcomes {
        let _ = writeln!(out, "  {}", outcome_line(o, lang));
    }
    out
}

/// `Label (id): verdict — 100/100 điểm`, or why it does not apply; one line.
pub fn assessment_header(prog: &Program, a: &AssessmentExplanation, lang: Lang) -> String {
    let ai = prog.rules.assessment_index(&a.id).unwrap_or(usize::MAX);
    let verdict = words::verdict(lang, &prog.rules, ai, a.verdict);
    let mut out = format!("{} ({}): {verdict}", a.label, a.id);
    if a.verdict == Verdict::Na {
        if let Some(w) = &a.applies {
            let _ = write!(
                out,
                " — {}",
                tr!(lang, "explain-is-false", text = words::compact(&w.text))
            );
        }
        out.push('\n');
        return out;
    }
    if a.has_points {
        let _ = write!(
            out,
            " — {}",
            tr!(
                lang,
                "explain-points-of",
                points = words::points(lang, a.points),
                max = words::points(lang, a.max_points)
            )
        );
    }
    out.push('\n');
    out
}

/// One criterion: a line for one that passed or does not apply, the full picture (diagnostic
/// over the rules, help, values with their labels) for one that failed or is unknown.
pub fn criterion_text(prog: &Program, c: &CriterionExplanation, color: bool, lang: Lang) -> String {
    let result = words::criterion_result(lang, c.result);
    match c.result {
        CriterionResult::Na => {
            let why = c.when.as_ref().map_or(String::new(), |w| {
                format!(
                    ": {}",
                    tr!(lang, "explain-is-false", text = words::compact(&w.text))
                )
            });
            format!("  – {} {result} — {}{why}\n", c.id, c.label)
        }
        CriterionResult::Pass => {
            let mut out = format!("  ✓ {} {result} — {}\n", c.id, c.label);
            for v in values(&c.condition, lang) {
                let _ = writeln!(out, "      {v}");
            }
            out
        }
        _ => {
            let mut out: String = criterion(c, lang)
                .iter()
                .map(|d| render_text(d, &prog.rules.sources, color, lang))
                .collect();
            let shown = values(&c.condition, lang);
            if !shown.is_empty() {
                let _ = writeln!(out, "    {}", tr!(lang, "explain-values"));
                for v in shown {
                    let _ = writeln!(out, "      {v}");
                }
            }
            out
        }
    }
}

/// The values a condition reads (inputs, lets, params, calls, results), each with its label,
/// once each, in the order written.
pub fn values(condition: &ExprNode, lang: Lang) -> Vec<String> {
    let mut nodes = Vec::new();
    value_nodes(condition, 0, &mut nodes);
    let mut out: Vec<String> = Vec::new();
    for n in nodes {
        if let Some(line) = words::labelled_value(lang, n) {
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

fn value_nodes<'n>(n: &'n ExprNode, depth: usize, out: &mut Vec<&'n ExprNode>) {
    crate::stack::grow(|| {
        if depth > 3 {
            return;
        }
        let labelled = matches!(
            n.role,
            Role::Input | Role::Let | Role::Param | Role::Call | Role::Result
        );
        if labelled && n.value.is_some() {
            out.push(n);
        }
        if !matches!(n.role, Role::Let | Role::Call) {
            for c in &n.children {
                value_nodes(c, depth + 1, out);
            }
        }
    })
}

/// `kết quả dat (Chuyển hóa đạt): bị loại — … vì `points >= diem_dat` không thỏa mãn: 55 < 60`.
pub fn outcome_line(o: &OutcomeExplanation, lang: Lang) -> String {
    let state = match o.state {
        OutcomeState::Chosen => tr!(lang, "outcome-chosen"),
        OutcomeState::RuledOut => tr!(lang, "outcome-ruled-out"),
        OutcomeState::Possible => tr!(lang, "outcome-possible"),
        OutcomeState::NotReached => tr!(lang, "outcome-not-reached"),
    };
    let mut condition = o
        .condition
        .as_ref()
        .map_or(tr!(lang, "outcome-otherwise"), |c| {
            let value = c
                .value
                .as_ref()
                .map_or(tr!(lang, "explain-not-evaluated"), |v| {
                    words::shown(lang, v)
                });
            format!("`{}` = {value}", words::compact(&c.text))
        });
    if !o.blocked_by.is_empty() {
        let parts: Vec<String> = o.blocked_by.iter().map(|b| blocker(b, lang)).collect();
        let _ = write!(
            condition,
            ", {}",
            tr!(
                lang,
                "outcome-blocked-by",
                parts = words::and_list(lang, &parts)
            )
        );
    }
    tr!(
        lang,
        "outcome-line",
        id = o.id.as_str(),
        label = o.label.as_str(),
        state = state,
        condition = condition
    )
}

/// Why a part of an outcome's condition keeps it from being chosen.
pub fn blocker(b: &Blocker, lang: Lang) -> String {
    let text = words::compact(&b.part.text);
    if let Some(s) = &b.comparison {
        let shortfall = words::shortfall(lang, s);
        return tr!(
            lang,
            "blocker-comparison",
            text = text,
            shortfall = shortfall
        );
    }
    if !b.criteria.is_empty() {
        let list: Vec<String> = b
            .criteria
            .iter()
            .map(|(id, r)| {
                tr!(
                    lang,
                    "blocker-criterion",
                    id = id.as_str(),
                    result = words::criterion_result(lang, *r)
                )
            })
            .collect();
        let criteria = words::and_list(lang, &list);
        return tr!(lang, "blocker-required", text = text, criteria = criteria);
    }
    match &b.part.value {
        Some(v) if v.value.is_known() => match words::labelled_value(lang, &b.part) {
            Some(line) if b.part.role != Role::Operator => line,
            _ => tr!(lang, "blocker-false", text = text),
        },
        _ => tr!(lang, "blocker-unknown", text = text),
    }
}

/// One criterion as diagnostics: its condition's values as labels, reasons and remedies as help,
/// then the definitions of the `let`s it reads with their values.
pub fn criterion(c: &CriterionExplanation, lang: Lang) -> Vec<Diagnostic> {
    let kind = match (c.required, &c.points) {
        (true, _) => tr!(lang, "explain-required"),
        (_, Some(p)) => tr!(lang, "explain-points", points = words::number(lang, *p)),
        _ => tr!(lang, "explain-informational"),
    };
    let severity = match c.result {
        CriterionResult::Pass | CriterionResult::Na => Severity::Advice,
        CriterionResult::Unknown => Severity::Warning,
        CriterionResult::Fail => Severity::Error,
    };
    let result = words::criterion_result(lang, c.result);
    let mut d = Diagnostic::error(
        EXPLAIN,
        format!("{} {result} ({kind}) — {}", c.id, c.label),
        c.condition.span,
    );
    d.severity = severity;
    let top = match (&c.shortfall, &c.condition.value) {
        (Some(s), _) => words::shortfall(lang, s),
        (None, Some(v)) => format!("→ {}", words::shown(lang, v)),
        (None, None) => tr!(lang, "explain-not-evaluated"),
    };
    d = d.with_label(top);
    let mut labels = Vec::new();
    collect_labels(&c.condition, 0, &mut labels, lang);
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
        .map(|r| {
            tr!(
                lang,
                "explain-unknown-because",
                reason = words::reason(lang, r)
            )
        })
        .collect();
    help.extend(
        c.would_pass
            .iter()
            .map(|w| tr!(lang, "explain-would-pass", change = words::what_if(lang, w))),
    );
    if !help.is_empty() {
        d = d.with_help(help.join("; "));
    }
    let mut out = vec![d];
    for (span, text) in definitions {
        let mut def = Diagnostic::error(
            EXPLAIN,
            tr!(lang, "explain-where", value = text.as_str()),
            span,
        )
        .with_label(text);
        def.severity = Severity::Advice;
        out.push(def);
    }
    out
}

/// Labels for the values an expression reads (inputs, lets, params, calls), and under each
/// `let` read, the value of its definition at its own line.
fn collect_labels(
    n: &ExprNode,
    depth: usize,
    out: &mut Vec<(crate::ast::Span, String)>,
    lang: Lang,
) {
    crate::stack::grow(|| {
        if depth > 3 {
            return;
        }
        let labelled = matches!(
            n.role,
            Role::Input | Role::Let | Role::Param | Role::Call | Role::Result
        );
        if let (true, Some(v)) = (labelled, &n.value) {
            let note = n
                .note
                .as_ref()
                .map_or(String::new(), |x| format!(" ({})", words::note(lang, x)));
            out.push((
                n.span,
                format!("{} = {}{note}", short(&n.text), words::shown(lang, v)),
            ));
        }
        for c in &n.children {
            let definition = c.span.start >= n.span.end || c.span.end <= n.span.start;
            if n.role == Role::Let && definition {
                if let Some(v) = &c.value {
                    let note = c
                        .note
                        .as_ref()
                        .map_or(String::new(), |x| format!(" ({})", words::note(lang, x)));
                    out.push((
                        c.span,
                        format!("{} = {}{note}", n.text.trim(), words::shown(lang, v)),
                    ));
                }
            } else if n.role != Role::Call {
                collect_labels(c, depth + 1, out, lang);
            }
        }
    })
}

fn short(text: &str) -> String {
    let t = words::compact(text);
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(39).collect::<String>())
    } else {
        t
    }
}

/// The targets as diagnostics over their lines: each `count`/`share` labelled with what it
/// counted, the condition with its result and the counts behind it.
pub fn targets(run: &super::Run, color: bool) -> String {
    let (prog, lang) = (run.program, run.lang);
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
        let result = words::target_result(lang, o.result);
        let message = format!("{} {result} — {}", t.id, t.label);
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
                let shown = words::shown(lang, &crate::eval::explain::Shown::of(prog, e, *value));
                let of = tally.members() + tally.maybe_members();
                d = d.with_secondary(
                    e.span,
                    tr!(
                        lang,
                        "target-counted",
                        counted = counted,
                        of = of,
                        value = shown
                    ),
                );
            }
        }
        if let Some(help) = undecided_help(run, o) {
            d = d.with_help(help);
        }
        out.push_str(&render_text(&d, &prog.rules.sources, color, lang));
        out.push_str(&super::text::provisional_short(
            &prog.rules,
            &t.params,
            lang,
        ));
    }
    out
}

/// For an undecided target: the areas whose missing data decides it (the first 20).
pub fn undecided_help(run: &super::Run, o: &crate::eval::TargetOutcome) -> Option<String> {
    if o.result != crate::eval::TargetResult::Unknown || o.undecided.is_empty() {
        return None;
    }
    let ids: Vec<String> = o
        .undecided
        .iter()
        .take(20)
        .filter_map(|&i| run.data.areas.get(i))
        .map(|a| a.id.clone())
        .collect();
    let more = o.undecided.len().saturating_sub(ids.len());
    let list = if more > 0 {
        tr!(
            run.lang,
            "target-and-more",
            list = ids.join(", "),
            more = more
        )
    } else {
        ids.join(", ")
    };
    Some(tr!(run.lang, "target-undecided-areas", areas = list))
}
