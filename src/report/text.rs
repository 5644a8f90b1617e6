//! The readable result of `assess`: a table per assessment and the targets with their counts.

use super::Run;
use crate::ast::BinOp;
use crate::check::{CKind, Param, Rules};
use crate::eval::explain::{points_text, show_value};
use crate::eval::{TargetOutcome, TargetResult, Verdict};
use crate::value::Value;
use std::fmt::Write;

/// Renders the tables and targets.
pub fn assessment(run: &Run) -> String {
    let rules = &run.program.rules;
    let mut out = format!("{} ({})\n", rules.title, rules.id);
    if let Some(s) = &rules.source {
        let _ = writeln!(out, "{s}");
    }
    for (ai, a) in rules.assessments.iter().enumerate() {
        let _ = writeln!(out, "\n{} ({})", a.label, a.id);
        let mut rows = vec![[
            "area".to_string(),
            "name".into(),
            "district".into(),
            "verdict".into(),
            "points".into(),
        ]];
        let mut counts: Vec<(String, usize)> = Vec::new();
        for i in run.shown() {
            let area = &run.data.areas[i];
            let r = run.assessed.areas[i].assessments[ai];
            let verdict = verdict_text(run, ai, r.verdict);
            let key = crate::eval::explain::verdict_word(run.program, ai, r.verdict);
            match counts.iter_mut().find(|c| c.0 == key) {
                Some(c) => c.1 += 1,
                None => counts.push((key, 1)),
            }
            if r.verdict == Verdict::Na && run.only.is_none() {
                continue;
            }
            let points = match r.verdict {
                Verdict::Outcome(_) | Verdict::Unknown(_)
                    if a.criteria.iter().any(|c| c.points.is_some()) =>
                {
                    format!("{}/{}", points_text(r.points), points_text(r.max_points))
                }
                _ => String::new(),
            };
            rows.push([
                area.id.clone(),
                area.name.clone(),
                area.district.clone(),
                verdict,
                points,
            ]);
        }
        out.push_str(&table(&rows));
        let summary: Vec<String> = counts
            .iter()
            .map(|(k, n)| {
                if k == "na" {
                    format!("{n} na (not in scope, not listed)")
                } else {
                    format!("{n} {k}")
                }
            })
            .collect();
        let _ = writeln!(out, "  {}", summary.join(", "));
        let all_na = counts.iter().all(|(k, _)| k == "na");
        out.push_str(&provisional_lines(
            rules,
            if all_na { &a.when_params } else { &a.params },
        ));
    }
    if !rules.targets.is_empty() {
        out.push_str("\nTargets\n");
        for (t, o) in rules.targets.iter().zip(&run.assessed.targets) {
            let _ = writeln!(
                out,
                "  {} {:<8} {} — {}",
                t.id,
                o.result.as_str(),
                t.label,
                target_counts(run, &t.expr, o)
            );
            out.push_str(&provisional_lines(rules, &t.params));
        }
    }
    out
}

/// One short marked line naming the `provisional` params among `params` and their values, e.g.
/// `  ⚠ provisional: nguong = 80%, diem_c7 = 40` (nothing when there is none).
pub fn provisional_short(rules: &Rules, params: &[u32]) -> String {
    let list: Vec<String> = rules
        .provisional(params)
        .map(|p| format!("{} = {}", p.id, super::json::param_text(p)))
        .collect();
    if list.is_empty() {
        return String::new();
    }
    format!("  ⚠ provisional: {}\n", list.join(", "))
}

/// One marked line per `provisional` param among `params`, e.g.
/// `  ⚠ provisional: nguong (Ngưỡng) = 80%`; a value set for this run says so.
pub fn provisional_lines(rules: &Rules, params: &[u32]) -> String {
    let mut out = String::new();
    for p in rules.provisional(params) {
        let value = super::json::param_text(p);
        let _ = write!(out, "  ⚠ provisional: {} ({}) = {value}", p.id, p.label);
        if p.value != p.declared {
            let declared = Param {
                value: p.declared,
                ..p.clone()
            };
            let _ = write!(
                out,
                " (set for this run; the rules say {})",
                super::json::param_text(&declared)
            );
        }
        out.push('\n');
    }
    out
}

fn verdict_text(run: &Run, ai: usize, v: Verdict) -> String {
    let a = &run.program.rules.assessments[ai];
    match v {
        Verdict::Outcome(o) => format!(
            "{} ({})",
            a.outcomes[o as usize].label, a.outcomes[o as usize].id
        ),
        Verdict::Unknown(p) => {
            let mut ids: Vec<String> = p
                .outcomes()
                .map(|o| a.outcomes[o as usize].id.clone())
                .collect();
            if p.has_na() {
                ids.push("na".into());
            }
            format!("unknown: {} possible", ids.join(" or "))
        }
        Verdict::Na => "na (does not apply)".into(),
        Verdict::Invalid => "invalid data".into(),
    }
}

/// The counts behind target `ti`, e.g. "5 of 8 areas, 62.5% ≥ 60%".
pub fn target_summary(run: &Run, ti: usize) -> String {
    match (
        run.program.rules.targets.get(ti),
        run.assessed.targets.get(ti),
    ) {
        (Some(t), Some(o)) => target_counts(run, &t.expr, o),
        _ => String::new(),
    }
}

/// "5 of 8 areas, 62.5% ≥ 60%" for a target comparing one count or share with a value.
fn target_counts(run: &Run, expr: &crate::check::CExpr, o: &TargetOutcome) -> String {
    let mut parts = Vec::new();
    for (id, tally, value) in &o.tallies {
        let agg = run
            .program
            .aggregates
            .iter()
            .find(|(_, e)| e.id == *id)
            .map(|(_, e)| e);
        let share = agg.is_some_and(|e| matches!(e.kind, CKind::Aggregate { share: true, .. }));
        let (lo, hi) = tally.count();
        let n = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        let members = tally.members();
        let of = if tally.maybe_members() == 0 {
            members.to_string()
        } else {
            format!("{members}–{}", members + tally.maybe_members())
        };
        let shown = agg
            .map(|e| show_value(run.program, e, *value))
            .unwrap_or_default();
        parts.push(if share {
            format!("{n} of {of} areas, {shown}")
        } else {
            format!("{n} areas")
        });
    }
    let mut text = parts.join("; ");
    if let CKind::Binary(op, l, r) = &expr.kind {
        if matches!(l.kind, CKind::Aggregate { .. }) && op.is_comparison() {
            let rhs = crate::eval::explain::show_value(
                run.program,
                r,
                match r.kind {
                    CKind::Const(v) => v,
                    _ => Value::Unknown,
                },
            );
            let shown_op = match o.result {
                TargetResult::NotMet => negate(*op),
                _ => *op,
            };
            let sym = symbol(shown_op);
            text = match o.result {
                TargetResult::Unknown if o.no_areas => {
                    format!("{text}; needs {} {rhs}: no area is in its `among` (0 of 0 decides nothing)", symbol(*op))
                }
                TargetResult::Unknown => {
                    format!("{text}; needs {} {rhs}: missing data decides", symbol(*op))
                }
                _ => format!("{text} {sym} {rhs}"),
            };
        }
    }
    if !o.approximate.is_empty() {
        text.push_str(&format!(
            " (for {} area(s) with more than {} ways to fill in their missing data, the condition and \
             the filter were taken as independent: the range may be wider than the data allows)",
            o.approximate.len(),
            crate::eval::targets::MAX_FILLINGS
        ));
    }
    text
}

fn negate(op: BinOp) -> BinOp {
    match op {
        BinOp::Ge => BinOp::Lt,
        BinOp::Gt => BinOp::Le,
        BinOp::Le => BinOp::Gt,
        BinOp::Lt => BinOp::Ge,
        BinOp::Eq => BinOp::Ne,
        other => other,
    }
}

fn symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Ge => "≥",
        BinOp::Gt => ">",
        BinOp::Le => "≤",
        BinOp::Lt => "<",
        BinOp::Eq => "=",
        BinOp::Ne => "≠",
        _ => "?",
    }
}

/// The widest a table column gets, in characters; a longer cell is shortened with `…` (the JSON
/// output keeps it whole). One very long area name must not pad every row of the table.
pub const MAX_CELL_CHARS: usize = 60;

/// Left-aligned columns, widths counted in characters (not bytes: Vietnamese letters take
/// several), each at most [`MAX_CELL_CHARS`] wide.
pub fn table(rows: &[[String; 5]]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let mut widths = [0usize; 5];
    for r in &cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for r in &cells {
        let mut line = String::from(" ");
        for (c, w) in r.iter().zip(widths) {
            let _ = write!(line, " {c}{}", " ".repeat(w - c.chars().count()));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A cell as shown: on one line (control characters such as a line break or an escape become
/// spaces) and at most [`MAX_CELL_CHARS`] characters.
fn cell(text: &str) -> String {
    let one_line = text.chars().map(|c| if c.is_control() { ' ' } else { c });
    if text.chars().nth(MAX_CELL_CHARS).is_none() {
        return one_line.collect();
    }
    let mut short: String = one_line.take(MAX_CELL_CHARS - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> [String; 5] {
        [
            "x".into(),
            name.into(),
            "H".into(),
            "dat".into(),
            String::new(),
        ]
    }

    #[test]
    fn a_long_name_is_shortened_and_does_not_widen_the_table() {
        let long = "Xã Vĩnh Ninh ".repeat(10_000);
        let out = table(&[row("name"), row(&long), row("Xã Một")]);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines
            .iter()
            .all(|l| l.chars().count() <= 5 * (MAX_CELL_CHARS + 1) + 1));
        assert!(lines[1].contains("Xã Vĩnh Ninh Xã Vĩnh Ninh"));
        assert!(lines[1].contains("… H"), "{}", lines[1]);
        // Widths in characters: `H` is in the same column on every row, whatever the bytes.
        let col = |l: &str| l.chars().position(|c| c == 'H');
        assert_eq!(col(lines[1]), col(lines[2]));
    }

    #[test]
    fn a_name_of_exactly_the_limit_is_kept_and_line_breaks_become_spaces() {
        let exact = "ă".repeat(MAX_CELL_CHARS);
        assert_eq!(cell(&exact), exact);
        assert_eq!(cell("Xã\nMột\u{1b}[31m"), "Xã Một [31m");
        assert_eq!(
            cell(&"ă".repeat(MAX_CELL_CHARS + 1)).chars().count(),
            MAX_CELL_CHARS
        );
    }
}
