//! The readable output of `diff`.

use crate::diff::{AssessmentChange, Diff};
use std::fmt::Write;

/// Changed areas (old → new, criteria with their values, causes), changed targets, then edits.
pub fn render(d: &Diff) -> String {
    let mut out = String::new();
    if d.areas.is_empty() {
        let _ = writeln!(
            out,
            "No area's results changed ({} compared).",
            d.areas_compared
        );
    } else {
        let _ = writeln!(
            out,
            "Areas whose results changed: {} of {}",
            d.areas.len(),
            d.areas_compared
        );
    }
    for a in &d.areas {
        let _ = writeln!(out, "\n  {} {}", a.id, a.name);
        for c in &a.assessments {
            assessment(&mut out, d, c);
        }
    }
    if !d.targets.is_empty() {
        let _ = writeln!(out, "\nTargets that changed:");
        for t in &d.targets {
            let _ = writeln!(
                out,
                "  {} {}: {} → {}\n    before: {}\n    after:  {}",
                t.id, t.label, t.old, t.new, t.old_counts, t.new_counts
            );
        }
    }
    let labels = d.edits.iter().filter(|e| e.change == "label").count();
    if d.edits.len() > labels {
        let _ = writeln!(out, "\nEdits ({}):", d.edits.len() - labels);
        for (i, e) in d
            .edits
            .iter()
            .enumerate()
            .filter(|(_, e)| e.change != "label")
        {
            let alone = if d.applicable.get(i).copied().unwrap_or(false) {
                ""
            } else {
                "  (cannot be applied alone)"
            };
            let _ = writeln!(out, "  [{}] {}{alone}", i + 1, edit_line(e));
        }
    }
    if labels > 0 {
        let _ = writeln!(
            out,
            "  and {labels} label-only edit(s), not listed (see `--format json`)"
        );
    }
    out.push_str(&crate::diff::problems::render(&d.data_problems));
    out
}

fn assessment(out: &mut String, d: &Diff, c: &AssessmentChange) {
    let with_possible = |v: &str, p: &[String]| {
        if p.is_empty() {
            v.to_string()
        } else {
            format!("{v} (possible: {})", p.join(", "))
        }
    };
    let _ = writeln!(
        out,
        "    {}: {} → {}",
        c.id,
        with_possible(&c.old, &c.old_possible),
        with_possible(&c.new, &c.new_possible)
    );
    for cr in &c.criteria {
        let values = if cr.values.is_empty() {
            String::new()
        } else {
            format!("  [{}]", cr.values.join("; "))
        };
        let _ = writeln!(out, "      {}: {} → {}{values}", cr.id, cr.old, cr.new);
    }
    if c.old != c.new || c.old_possible != c.new_possible {
        if c.causes.is_empty() {
            let _ = writeln!(
                out,
                "      caused by: no single edit alone; the edits together"
            );
        } else {
            let causes: Vec<String> = c
                .causes
                .iter()
                .filter_map(|&i| {
                    d.edits
                        .get(i)
                        .map(|e| format!("[{}] {}", i + 1, edit_line(e)))
                })
                .collect();
            let _ = writeln!(out, "      caused by: {}", causes.join("; "));
        }
    }
}

/// `param nguong_kham_pha: 80% → 75%`
pub fn edit_line(e: &crate::diff::edits::Edit) -> String {
    let detail = match (&e.old, &e.new) {
        (Some(o), Some(n)) => format!("{o} → {n}"),
        (None, Some(n)) => format!("added: {n}"),
        (Some(o), None) => format!("removed: {o}"),
        (None, None) => String::new(),
    };
    let change = if matches!(e.change.as_str(), "added" | "removed" | "value" | "--set") {
        String::new()
    } else {
        format!(" ({})", e.change)
    };
    format!("{} {}{change}: {detail}", e.kind, e.name)
}
