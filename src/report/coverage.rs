//! The text of `test --coverage`, in the reader's language: what no test reached first.

use super::diff::words::{criterion_result, target_result};
use crate::coverage::{Coverage, CriterionSeen};
use crate::eval::CriterionResult;
use crate::i18n::Lang;
use crate::tr;

fn results(lang: Lang, list: &[CriterionResult]) -> String {
    let words: Vec<String> = list.iter().map(|r| criterion_result(lang, *r)).collect();
    words.join(", ")
}

/// The line of one criterion, and whether it is fully covered.
fn criterion(lang: Lang, c: &CriterionSeen) -> (String, bool) {
    let name = format!("{}.{}", c.assessment, c.id);
    let seen = c.seen();
    let line = if seen.is_empty() {
        tr!(lang, "coverage-criterion-nothing", name = name)
    } else {
        tr!(
            lang,
            "coverage-criterion",
            name = name,
            seen = results(lang, &seen)
        )
    };
    let missing = c.missing();
    if missing.is_empty() {
        (line, true)
    } else {
        let missing = results(lang, &missing);
        (
            tr!(lang, "coverage-never", line = line, missing = missing),
            false,
        )
    }
}

/// One line per item, what no test reached first.
pub fn render(cov: &Coverage, lang: Lang) -> String {
    let mut gaps = Vec::new();
    let mut done = Vec::new();
    for c in &cov.criteria {
        match criterion(lang, c) {
            (line, true) => done.push(line),
            (line, false) => gaps.push(line),
        }
    }
    for o in &cov.outcomes {
        let name = format!("{}.{}", o.assessment, o.id);
        if o.reached {
            done.push(tr!(lang, "coverage-outcome-reached", name = name));
        } else {
            gaps.push(tr!(lang, "coverage-outcome-unreached", name = name));
        }
    }
    for t in &cov.targets {
        let name = t.id.as_str();
        if t.expected_by == 0 {
            gaps.push(tr!(lang, "coverage-target-unexpected", name = name));
        } else {
            let seen: Vec<String> = t.results.iter().map(|r| target_result(lang, *r)).collect();
            done.push(tr!(
                lang,
                "coverage-target-expected",
                name = name,
                count = t.expected_by,
                results = seen.join(", ")
            ));
        }
    }
    let mut out = tr!(
        lang,
        "coverage-summary",
        gaps = gaps.len(),
        covered = done.len()
    );
    out.push('\n');
    for g in &gaps {
        out.push_str(&format!("  ✗ {g}\n"));
    }
    for d in &done {
        out.push_str(&format!("  ✓ {d}\n"));
    }
    out
}
