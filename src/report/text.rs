//! The readable result of `assess`: a table per assessment (with, for each area that did not
//! pass, the required criteria that failed or are unknown) and the targets with their counts,
//! in the reader's language.

use super::{words, Run};
use crate::check::{CKind, Param, Rules};
use crate::eval::explain::Shown;
use crate::eval::{CriterionResult, TargetOutcome, TargetResult, Verdict};
use crate::i18n::Lang;
use crate::tr;
use crate::value::Value;
use std::fmt::Write;

/// Renders the tables and targets.
pub fn assessment(run: &Run) -> String {
    let (rules, lang) = (&run.program.rules, run.lang);
    let mut out = format!("{} ({})\n", rules.title, rules.id);
    if let Some(s) = &rules.source {
        let _ = writeln!(out, "{s}");
    }
    for (ai, a) in rules.assessments.iter().enumerate() {
        let _ = writeln!(out, "\n{} ({})", a.label, a.id);
        let mut rows = vec![[
            tr!(lang, "table-area"),
            tr!(lang, "table-name"),
            tr!(lang, "table-district"),
            tr!(lang, "table-verdict"),
            tr!(lang, "table-points"),
            tr!(lang, "table-not-passed"),
        ]];
        let mut counts: Vec<(Verdict, usize)> = Vec::new();
        for i in run.shown() {
            let area = &run.data.areas[i];
            let r = run.assessed.areas[i].assessments[ai];
            let key = match r.verdict {
                Verdict::Unknown(_) => Verdict::Unknown(Default::default()),
                v => v,
            };
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
                    format!(
                        "{}/{}",
                        words::points(lang, r.points),
                        words::points(lang, r.max_points)
                    )
                }
                _ => String::new(),
            };
            rows.push([
                area.id.clone(),
                area.name.clone(),
                area.district.clone(),
                words::verdict(lang, rules, ai, r.verdict),
                points,
                not_passed(run, i, ai),
            ]);
        }
        out.push_str(&table(&rows));
        let summary: Vec<String> = counts
            .iter()
            .map(|(v, n)| match v {
                Verdict::Na => tr!(lang, "table-count-na", count = *n),
                Verdict::Outcome(o) => {
                    let id = a.outcomes.get(*o as usize).map_or("", |o| o.id.as_str());
                    tr!(lang, "table-count-outcome", count = *n, outcome = id)
                }
                Verdict::Unknown(_) => tr!(lang, "table-count-unknown", count = *n),
                Verdict::Invalid => tr!(lang, "table-count-invalid", count = *n),
            })
            .collect();
        let _ = writeln!(out, "  {}", summary.join(", "));
        let all_na = counts.iter().all(|(v, _)| *v == Verdict::Na);
        out.push_str(&provisional_lines(
            rules,
            if all_na { &a.when_params } else { &a.params },
            lang,
        ));
    }
    if !rules.targets.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "table-targets"));
        for (t, o) in rules.targets.iter().zip(&run.assessed.targets) {
            let result = words::target_result(lang, o.result);
            let _ = writeln!(
                out,
                "  {} {result:<width$} {} — {}",
                t.id,
                t.label,
                target_counts(run, &t.expr, o),
                width = 8
            );
            out.push_str(&provisional_lines(rules, &t.params, lang));
        }
    }
    out
}

/// For an area that did not pass: its required criteria that failed or are unknown
/// (`không đạt: C2; chưa kết luận được: C6`), else nothing.
pub fn not_passed(run: &Run, area: usize, ai: usize) -> String {
    let lang = run.lang;
    let prog = run.program;
    let res = &run.assessed.areas[area];
    let (mut failed, mut unknown) = (Vec::new(), Vec::new());
    for (ci, c) in prog.rules.assessments[ai].criteria.iter().enumerate() {
        match res.criterion(prog, ai, ci) {
            CriterionResult::Fail if c.required => failed.push(c.id.clone()),
            CriterionResult::Unknown if c.required => unknown.push(c.id.clone()),
            _ => {}
        }
    }
    let mut parts = Vec::new();
    if !failed.is_empty() {
        parts.push(format!(
            "{}: {}",
            tr!(lang, "verdict-fail"),
            failed.join(", ")
        ));
    }
    if !unknown.is_empty() {
        parts.push(format!(
            "{}: {}",
            tr!(lang, "verdict-unknown"),
            unknown.join(", ")
        ));
    }
    parts.join("; ")
}

/// One short marked line naming the `provisional` params among `params` and their values, e.g.
/// `  ⚠ tham số tạm tính: nguong = 80%, diem_c7 = 40` (nothing when there is none).
pub fn provisional_short(rules: &Rules, params: &[u32], lang: Lang) -> String {
    let list: Vec<String> = rules
        .provisional(params)
        .map(|p| format!("{} = {}", p.id, lang.number(&super::json::param_text(p))))
        .collect();
    if list.is_empty() {
        return String::new();
    }
    format!(
        "  {}\n",
        tr!(lang, "provisional-short", params = list.join(", "))
    )
}

/// One marked line per `provisional` param among `params`, e.g.
/// `  ⚠ tham số tạm tính: nguong (Ngưỡng) = 80%`; a value set for this run says so.
pub fn provisional_lines(rules: &Rules, params: &[u32], lang: Lang) -> String {
    let mut out = String::new();
    for p in rules.provisional(params) {
        let value = lang.number(&super::json::param_text(p));
        let line = tr!(
            lang,
            "provisional-line",
            id = p.id.as_str(),
            label = p.label.as_str(),
            value = value
        );
        let _ = write!(out, "  {line}");
        if p.value != p.declared {
            let declared = Param {
                value: p.declared,
                ..p.clone()
            };
            let declared = lang.number(&super::json::param_text(&declared));
            let _ = write!(
                out,
                " {}",
                tr!(lang, "provisional-set", declared = declared)
            );
        }
        out.push('\n');
    }
    out
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
    target_counts_in(run.program, run.lang, expr, o)
}

/// [`target_counts`] from the program and language alone (a test's target has no data set).
pub fn target_counts_in(
    prog: &crate::eval::Program,
    lang: Lang,
    expr: &crate::check::CExpr,
    o: &TargetOutcome,
) -> String {
    let mut parts = Vec::new();
    for (id, tally, value) in &o.tallies {
        let agg = prog
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
            .map(|e| words::shown(lang, &Shown::of(prog, e, *value)))
            .unwrap_or_default();
        parts.push(if share {
            tr!(lang, "target-share", counted = n, of = of, value = shown)
        } else {
            tr!(lang, "target-count", counted = n)
        });
    }
    let mut text = parts.join("; ");
    if let CKind::Binary(op, l, r) = &expr.kind {
        if matches!(l.kind, CKind::Aggregate { .. }) && op.is_comparison() {
            let rhs = Shown::of(
                prog,
                r,
                match r.kind {
                    CKind::Const(v) => v,
                    _ => Value::Unknown,
                },
            );
            let rhs = words::shown(lang, &rhs);
            let shown_op = match o.result {
                TargetResult::NotMet => words::negate(*op),
                _ => *op,
            };
            let sym = words::symbol(shown_op);
            let needs = format!("{} {rhs}", words::symbol(*op));
            text = match o.result {
                TargetResult::Unknown if o.no_areas => {
                    tr!(lang, "target-no-areas", counts = text, needs = needs)
                }
                TargetResult::Unknown => {
                    tr!(lang, "target-missing-decides", counts = text, needs = needs)
                }
                _ => format!("{text} {sym} {rhs}"),
            };
        }
    }
    if !o.approximate.is_empty() {
        let note = tr!(
            lang,
            "target-approximate",
            count = o.approximate.len(),
            fillings = crate::eval::targets::MAX_FILLINGS
        );
        let _ = write!(text, " ({note})");
    }
    text
}

/// The widest a table column gets, in characters; a longer cell is shortened with `…` (the JSON
/// output keeps it whole). One very long area name must not pad every row of the table.
pub const MAX_CELL_CHARS: usize = 60;

/// Left-aligned columns, widths counted in characters (not bytes: Vietnamese letters take
/// several), each at most [`MAX_CELL_CHARS`] wide.
pub fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let mut widths = [0usize; N];
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
