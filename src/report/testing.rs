//! `tieuchi test` for people: one line per test that passed; for one that failed, each
//! expectation with what came instead, the expectation's own criterion (or assessment) in full
//! and the rest condensed; a target's expectation with the tally that decided it.

use super::{explain, text, words};
use crate::eval::explain::{AreaExplanation, AssessmentExplanation};
use crate::eval::{CriterionResult, Program, Verdict};
use crate::i18n::Lang;
use crate::testing::{Actual, ExpectFailure, TestReport};
use crate::tr;
use std::fmt::Write;

/// One test's report; `file` names the rules file when several are tested.
pub fn test_report(
    prog: &Program,
    r: &TestReport,
    file: Option<&str>,
    color: bool,
    lang: Lang,
) -> String {
    let from = file.map_or(String::new(), |f| format!("  [{f}]"));
    if r.passed() {
        let count = tr!(lang, "test-expectations", count = r.expectations);
        return format!("{}  {} ({count}){from}\n", tr!(lang, "test-ok"), r.name);
    }
    let mut out = format!("{}  {}  [{}]\n", tr!(lang, "test-fail"), r.name, r.location);
    for f in &r.failures {
        out.push_str(&failure(prog, f, color, lang));
    }
    out
}

/// `3 passed, 1 failed`.
pub fn summary(lang: Lang, passed: usize, failed: usize) -> String {
    tr!(lang, "test-summary", passed = passed, failed = failed)
}

fn failure(prog: &Program, f: &ExpectFailure, color: bool, lang: Lang) -> String {
    let expected = match &f.area {
        Some(area) => tr!(
            lang,
            "test-expected-for-area",
            expected = f.expected.as_str(),
            area = area.as_str(),
            location = f.location.as_str()
        ),
        None => tr!(
            lang,
            "test-expected",
            expected = f.expected.as_str(),
            location = f.location.as_str()
        ),
    };
    let mut out = format!("  {expected}\n  {}\n", actual(prog, &f.actual, lang));
    if let Some(x) = &f.explanation {
        for line in focused(prog, x, &f.actual, color, lang).lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// `but chuyen_hoa is chua_dat`, `but T60 is not met: 1 of 2 areas, 50% < 60%`.
fn actual(prog: &Program, a: &Actual, lang: Lang) -> String {
    let what = match a {
        Actual::Verdict {
            assessment,
            verdict,
            possible,
        } => {
            let mut v = words::verdict_word(lang, verdict);
            if !possible.is_empty() {
                let p: Vec<String> = possible
                    .iter()
                    .map(|p| words::verdict_word(lang, p))
                    .collect();
                let _ = write!(
                    v,
                    " ({})",
                    tr!(lang, "test-possible", possible = words::or_list(lang, &p))
                );
            }
            format!("`{assessment}` {} {v}", tr!(lang, "word-is"))
        }
        Actual::Criterion {
            assessment,
            criterion,
            result,
        } => format!(
            "`{assessment}.{criterion}` {} {}",
            tr!(lang, "word-is"),
            words::criterion_result(lang, *result)
        ),
        Actual::Target {
            target,
            result,
            index,
            outcome,
        } => {
            let counts = prog.rules.targets.get(*index).map_or(String::new(), |t| {
                text::target_counts_in(prog, lang, &t.expr, outcome)
            });
            format!(
                "`{target}` {} {}: {counts}",
                tr!(lang, "word-is"),
                words::target_result(lang, *result)
            )
        }
        Actual::Value { expression, value } => format!(
            "`{}` {} {}",
            words::compact(expression),
            tr!(lang, "word-is"),
            words::shown(lang, value)
        ),
    };
    tr!(lang, "test-but", actual = what)
}

/// The explanation, with what the expectation is about in full and the rest condensed.
fn focused(prog: &Program, x: &AreaExplanation, about: &Actual, color: bool, lang: Lang) -> String {
    let mut out = String::new();
    for a in &x.assessments {
        let (focus, criterion) = match about {
            Actual::Criterion {
                assessment,
                criterion,
                ..
            } if *assessment == a.id => (true, Some(criterion.as_str())),
            Actual::Verdict { assessment, .. } if *assessment == a.id => (true, None),
            _ => (false, None),
        };
        if !focus {
            out.push_str(&condensed(prog, a, lang));
            continue;
        }
        out.push_str(&explain::assessment_header(prog, a, lang));
        if a.verdict == Verdict::Na {
            continue;
        }
        let full = |c: &&crate::eval::explain::CriterionExplanation| match criterion {
            Some(id) => c.id == id,
            None => matches!(c.result, CriterionResult::Fail | CriterionResult::Unknown),
        };
        for c in a.criteria.iter().filter(full) {
            out.push_str(&explain::criterion_text(prog, c, color, lang));
        }
        let rest: Vec<String> = a
            .criteria
            .iter()
            .filter(|c| !full(c))
            .map(|c| format!("{} {}", c.id, words::criterion_result(lang, c.result)))
            .collect();
        if !rest.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                tr!(lang, "test-other-criteria", list = rest.join(", "))
            );
        }
        for o in &a.outcomes {
            let _ = writeln!(out, "  {}", explain::outcome_line(o, lang));
        }
    }
    out
}

/// An assessment the expectation is not about: its verdict and its criteria on one line.
fn condensed(prog: &Program, a: &AssessmentExplanation, lang: Lang) -> String {
    let mut out = explain::assessment_header(prog, a, lang);
    if a.verdict != Verdict::Na && !a.criteria.is_empty() {
        let list: Vec<String> = a
            .criteria
            .iter()
            .map(|c| format!("{} {}", c.id, words::criterion_result(lang, c.result)))
            .collect();
        let _ = writeln!(out, "  {}", list.join(", "));
    }
    out
}
