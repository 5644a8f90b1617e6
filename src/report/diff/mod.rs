//! The readable output of `diff` ([`render`]) and its JSON document ([`DiffDocument`]), in the reader's
//! language; [`words`] has the words for the typed results.

pub mod json;
pub mod words;

pub use json::DiffDocument;

use crate::diag::{to_json, Severity};
use crate::diff::edits::{Change, Edit, EditKind, Part};
use crate::diff::problems::DataProblems;
use crate::diff::{AssessmentChange, Diff, TargetChange};
use crate::i18n::Lang;
use crate::source::SourceMap;
use crate::tr;
use std::fmt::Write;

/// Changed areas (old → new, criteria with their values, causes), changed targets, then edits
/// and the data's problems.
pub fn render(d: &Diff, lang: Lang) -> String {
    let mut out = String::new();
    if d.areas.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!(lang, "diff-none-changed", compared = d.areas_compared)
        );
    } else {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "diff-areas-changed",
                changed = d.areas.len(),
                compared = d.areas_compared
            )
        );
    }
    for a in &d.areas {
        let _ = writeln!(out, "\n  {} {}", a.id, a.name);
        for c in &a.assessments {
            assessment(&mut out, d, c, lang);
        }
    }
    if !d.targets.is_empty() {
        let _ = writeln!(out, "\n{}", tr!(lang, "diff-targets-changed"));
        for t in &d.targets {
            target(&mut out, t, lang);
        }
    }
    edits(&mut out, d, lang);
    out.push_str(&problems(&d.data_problems, lang));
    out
}

fn target(out: &mut String, t: &TargetChange, lang: Lang) {
    let (before, after) = (tr!(lang, "diff-before"), tr!(lang, "diff-after"));
    let width = before.chars().count().max(after.chars().count());
    let pad = |s: &str| format!("{s}{}", " ".repeat(width - s.chars().count()));
    let _ = writeln!(
        out,
        "  {} {}: {} → {}\n    {} {}\n    {} {}",
        t.id,
        t.label,
        words::target_result(lang, t.old),
        words::target_result(lang, t.new),
        pad(&before),
        words::tally(lang, &t.old_tally),
        pad(&after),
        words::tally(lang, &t.new_tally)
    );
}

fn edits(out: &mut String, d: &Diff, lang: Lang) {
    let labels = d.edits.iter().filter(|e| e.change.is_label()).count();
    if d.edits.len() > labels {
        let _ = writeln!(
            out,
            "\n{}",
            tr!(lang, "diff-edits", count = d.edits.len() - labels)
        );
        for (i, e) in d
            .edits
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.change.is_label())
        {
            let alone = if d.applicable.get(i).copied().unwrap_or(false) {
                String::new()
            } else {
                format!("  {}", tr!(lang, "diff-not-alone"))
            };
            let _ = writeln!(out, "  [{}] {}{alone}", i + 1, edit_line(e, lang));
        }
    }
    if labels > 0 {
        let _ = writeln!(out, "  {}", tr!(lang, "diff-label-only", count = labels));
    }
}

fn assessment(out: &mut String, d: &Diff, c: &AssessmentChange, lang: Lang) {
    let _ = writeln!(
        out,
        "    {}: {} → {}",
        c.id,
        words::verdict(lang, &c.old),
        words::verdict(lang, &c.new)
    );
    for cr in &c.criteria {
        let values = if cr.values.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = cr
                .values
                .iter()
                .map(|v| words::value_read(lang, v))
                .collect();
            format!("  [{}]", list.join("; "))
        };
        let _ = writeln!(
            out,
            "      {}: {} → {}{values}",
            cr.id,
            words::criterion_result(lang, cr.old),
            words::criterion_result(lang, cr.new)
        );
    }
    if c.verdict_changed() {
        let line = if c.causes.is_empty() {
            tr!(lang, "diff-caused-together")
        } else {
            let causes: Vec<String> = c
                .causes
                .iter()
                .filter_map(|&i| {
                    d.edits
                        .get(i)
                        .map(|e| format!("[{}] {}", i + 1, edit_line(e, lang)))
                })
                .collect();
            tr!(lang, "diff-caused-by", causes = causes.join("; "))
        };
        let _ = writeln!(out, "      {line}");
    }
}

/// `param nguong_kham_pha: 80% → 75%`, `criterion chuyen_hoa.C2 (required): … → …`.
pub fn edit_line(e: &Edit, lang: Lang) -> String {
    let value = |text: &str| match (e.kind, text.strip_suffix(" provisional")) {
        (EditKind::Param, Some(v)) => format!("{v} {}", tr!(lang, "diff-provisional-mark")),
        _ => text.to_string(),
    };
    let detail = match (&e.old, &e.new) {
        (Some(o), Some(n)) if e.kind == EditKind::Param => format!("{} → {}", value(o), value(n)),
        (Some(o), Some(n)) => format!("{o} → {n}"),
        (None, Some(n)) => tr!(lang, "diff-added", text = n.as_str()),
        (Some(o), None) => tr!(lang, "diff-removed", text = o.as_str()),
        (None, None) => String::new(),
    };
    let change = match change_words(&e.change, lang) {
        Some(words) => format!(" ({words})"),
        None => String::new(),
    };
    format!("{} {}{change}: {detail}", kind_word(e.kind, lang), e.name)
}

/// The kind of declaration in words: `param`, `tham số`.
pub fn kind_word(kind: EditKind, lang: Lang) -> String {
    match kind {
        EditKind::Param => tr!(lang, "diff-kind-param"),
        EditKind::Let => tr!(lang, "diff-kind-let"),
        EditKind::Input => tr!(lang, "diff-kind-input"),
        EditKind::Period => tr!(lang, "diff-kind-period"),
        EditKind::Target => tr!(lang, "diff-kind-target"),
        EditKind::Assessment => tr!(lang, "diff-kind-assessment"),
        EditKind::Criterion => tr!(lang, "diff-kind-criterion"),
        EditKind::Outcome => tr!(lang, "diff-kind-outcome"),
        EditKind::OutcomeOrder => tr!(lang, "diff-kind-outcome-order"),
    }
}

/// What changed, in words; `None` where the line says it already (added, removed, a value).
fn change_words(change: &Change, lang: Lang) -> Option<String> {
    match change {
        Change::Added | Change::Removed | Change::Value | Change::Set => None,
        Change::Definition => Some(tr!(lang, "diff-change-definition")),
        Change::Label => Some(tr!(lang, "diff-change-label")),
        Change::Order => Some(tr!(lang, "diff-change-order")),
        Change::Parts(parts) => {
            let words: Vec<String> = parts.iter().map(|p| part_word(*p, lang)).collect();
            Some(words.join(", "))
        }
    }
}

fn part_word(p: Part, lang: Lang) -> String {
    match p {
        Part::Condition => tr!(lang, "diff-part-condition"),
        Part::Required => tr!(lang, "diff-part-required"),
        Part::Points => tr!(lang, "diff-part-points"),
        Part::When => tr!(lang, "diff-part-when"),
    }
}

/// The data's problems under each rules file; empty when there are none.
pub fn problems(p: &DataProblems, lang: Lang) -> String {
    let mut out = String::new();
    let groups = [
        (tr!(lang, "diff-problems-both"), &p.both, &p.old_sources),
        (tr!(lang, "diff-problems-old"), &p.old_only, &p.old_sources),
        (tr!(lang, "diff-problems-new"), &p.new_only, &p.new_sources),
    ];
    for (title, list, sources) in groups.iter().filter(|(_, l, _)| !l.is_empty()) {
        let _ = writeln!(out, "\n{title}");
        for d in list.iter() {
            problem(&mut out, d, sources, lang);
        }
    }
    out
}

fn problem(out: &mut String, d: &crate::diag::Diagnostic, sources: &SourceMap, lang: Lang) {
    let j = to_json(d, sources, lang);
    let at = match (&j.file, j.line, j.column) {
        (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}: "),
        _ => String::new(),
    };
    let message = if j.severity == Severity::Error {
        j.message.clone()
    } else {
        tr!(lang, "diff-problem-warning", message = j.message.as_str())
    };
    let _ = writeln!(out, "  {at}{message} [{}]", j.code);
}
