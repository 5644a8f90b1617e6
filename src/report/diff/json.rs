//! The JSON document of `diff`: language-neutral words (ids, `unknown`, `met`), its sentences
//! (the values read, the counts behind a target) in English.

use super::words;
use crate::diag::{to_json, JsonDiagnostic};
use crate::diff::problems::DataProblems;
use crate::diff::{AssessmentChange, Diff, TargetChange};
use crate::i18n::Lang;
use crate::source::SourceMap;
use serde_json::{json, Value};

/// The diff as JSON: `areas_compared`, `areas`, `targets`, `edits`, `applicable`,
/// `data_problems`.
pub fn json(d: &Diff) -> Value {
    let areas: Vec<Value> = d
        .areas
        .iter()
        .map(|a| {
            let assessments: Vec<Value> = a.assessments.iter().map(assessment).collect();
            json!({ "id": a.id, "name": a.name, "assessments": assessments })
        })
        .collect();
    let targets: Vec<Value> = d.targets.iter().map(target).collect();
    json!({
        "areas_compared": d.areas_compared,
        "areas": areas,
        "targets": targets,
        "edits": d.edits,
        "applicable": d.applicable,
        "data_problems": problems(&d.data_problems),
    })
}

fn assessment(c: &AssessmentChange) -> Value {
    let criteria: Vec<Value> = c
        .criteria
        .iter()
        .map(|cr| {
            let values: Vec<String> = cr
                .values
                .iter()
                .map(|v| words::value_read(Lang::En, v))
                .collect();
            json!({ "id": cr.id, "old": cr.old, "new": cr.new, "values": values })
        })
        .collect();
    json!({
        "id": c.id,
        "old": c.old.word(),
        "new": c.new.word(),
        "old_possible": c.old.possible_words(),
        "new_possible": c.new.possible_words(),
        "criteria": criteria,
        "causes": c.causes,
    })
}

fn target(t: &TargetChange) -> Value {
    json!({
        "id": t.id,
        "label": t.label,
        "old": t.old.as_str(),
        "new": t.new.as_str(),
        "old_counts": words::tally(Lang::En, &t.old_tally),
        "new_counts": words::tally(Lang::En, &t.new_tally),
    })
}

fn problems(p: &DataProblems) -> Value {
    let list = |l: &[crate::diag::Diagnostic], s: &SourceMap| -> Vec<JsonDiagnostic> {
        l.iter().map(|d| to_json(d, s, Lang::En)).collect()
    };
    json!({
        "both": list(&p.both, &p.old_sources),
        "old_only": list(&p.old_only, &p.old_sources),
        "new_only": list(&p.new_only, &p.new_sources),
    })
}
