//! `diff`: what a change of the rules (or a what-if override) does to the verdicts of a data set,
//! and which edits, applied alone, cause each changed verdict.

pub mod edits;
pub mod problems;

use crate::data::{self, DataFormat};
use crate::eval::explain::{verdict_word, ExprNode, Role};
use crate::eval::{compile, Verdict};
use crate::value::Value;
use crate::{Outcome, Rules};
use edits::{apply, Edit};
use serde::Serialize;
use std::path::Path;

/// One criterion whose result changed.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionChange {
    /// The declared name.
    pub id: String,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
    /// The values it read: `name = value`, or `name = old → new` where they differ.
    pub values: Vec<String>,
}

/// One assessment of one area whose verdict or criteria changed.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentChange {
    /// The declared name.
    pub id: String,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
    /// Possible outcomes before (for an unknown verdict).
    pub old_possible: Vec<String>,
    /// Possible outcomes after (for an unknown verdict).
    pub new_possible: Vec<String>,
    /// The criteria, in file order.
    pub criteria: Vec<CriterionChange>,
    /// Indices into [`Diff::edits`] of the edits that alone reproduce the verdict change.
    pub causes: Vec<usize>,
}

/// An area whose results changed.
#[derive(Debug, Clone, Serialize)]
pub struct AreaChange {
    /// The declared name.
    pub id: String,
    /// The name.
    pub name: String,
    /// The assessments.
    pub assessments: Vec<AssessmentChange>,
}

/// A target whose result changed.
#[derive(Debug, Clone, Serialize)]
pub struct TargetChange {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
    /// The counts behind the old result.
    pub old_counts: String,
    /// The counts behind the new result.
    pub new_counts: String,
}

/// The differences between two runs over the same data.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// Areas present in both runs.
    pub areas_compared: usize,
    /// The areas.
    pub areas: Vec<AreaChange>,
    /// The targets.
    pub targets: Vec<TargetChange>,
    /// The edits between the rules.
    pub edits: Vec<Edit>,
    /// Per edit: false when it cannot be applied alone (the result does not check).
    pub applicable: Vec<bool>,
    /// The data's problems as read with each rules file.
    pub data_problems: problems::DataProblems,
}

impl Diff {
    /// True when any verdict, criterion or target changed.
    pub fn changed(&self) -> bool {
        !self.areas.is_empty() || !self.targets.is_empty()
    }
}

/// What to compare.
pub struct Sides<'a> {
    /// Before.
    pub old: &'a Outcome,
    /// After.
    pub new: &'a Outcome,
}

/// Compares the results of two runs over the same data: areas matched by id, assessments,
/// criteria and targets by id.
pub fn compare(s: &Sides) -> (Vec<AreaChange>, Vec<TargetChange>) {
    let mut areas = Vec::new();
    for (ni, na) in s.new.data.areas.iter().enumerate() {
        let Some(oi) = s.old.data.areas.iter().position(|a| a.id == na.id) else {
            continue;
        };
        let changes = area_changes(s, oi, ni);
        if !changes.is_empty() {
            areas.push(AreaChange {
                id: na.id.clone(),
                name: na.name.clone(),
                assessments: changes,
            });
        }
    }
    let mut targets = Vec::new();
    for (nt, t) in s.new.program.rules.targets.iter().enumerate() {
        let Some(ot) = s.old.program.rules.target_index(&t.id) else {
            continue;
        };
        let (old, new) = (&s.old.assessed.targets[ot], &s.new.assessed.targets[nt]);
        if old.result != new.result {
            targets.push(TargetChange {
                id: t.id.clone(),
                label: t.label.clone(),
                old: old.result.as_str().into(),
                new: new.result.as_str().into(),
                old_counts: crate::report::text::target_summary(
                    &s.old.run(None, crate::i18n::Lang::En),
                    ot,
                ),
                new_counts: crate::report::text::target_summary(
                    &s.new.run(None, crate::i18n::Lang::En),
                    nt,
                ),
            });
        }
    }
    (areas, targets)
}

fn possible(o: &Outcome, ai: usize, v: Verdict) -> Vec<String> {
    let Verdict::Unknown(p) = v else {
        return vec![];
    };
    let a = &o.program.rules.assessments[ai];
    let mut out: Vec<String> = p
        .outcomes()
        .map(|x| a.outcomes[x as usize].id.clone())
        .collect();
    if p.has_na() {
        out.push("na".into());
    }
    out
}

fn area_changes(s: &Sides, oi: usize, ni: usize) -> Vec<AssessmentChange> {
    let (old_rules, new_rules) = (&s.old.program.rules, &s.new.program.rules);
    let mut out = Vec::new();
    let mut explained = None;
    for (nai, a) in new_rules.assessments.iter().enumerate() {
        let Some(oai) = old_rules.assessment_index(&a.id) else {
            continue;
        };
        let (ov, nv) = (
            s.old.assessed.areas[oi].assessments[oai].verdict,
            s.new.assessed.areas[ni].assessments[nai].verdict,
        );
        let (old, new) = (
            verdict_word(&s.old.program, oai, ov),
            verdict_word(&s.new.program, nai, nv),
        );
        let (old_possible, new_possible) = (possible(s.old, oai, ov), possible(s.new, nai, nv));
        let mut criteria = Vec::new();
        for (nci, c) in a.criteria.iter().enumerate() {
            let Some(oci) = old_rules.assessments[oai]
                .criteria
                .iter()
                .position(|x| x.id == c.id)
            else {
                continue;
            };
            let (or, nr) = (
                s.old.assessed.areas[oi].criterion(&s.old.program, oai, oci),
                s.new.assessed.areas[ni].criterion(&s.new.program, nai, nci),
            );
            if or != nr {
                let (ox, nx) =
                    explained.get_or_insert_with(|| (s.old.explain(oi), s.new.explain(ni)));
                let values = values_read(
                    ox.as_ref()
                        .map(|x| &x.assessments[oai].criteria[oci].condition),
                    nx.as_ref()
                        .map(|x| &x.assessments[nai].criteria[nci].condition),
                );
                criteria.push(CriterionChange {
                    id: c.id.clone(),
                    old: or.as_str().into(),
                    new: nr.as_str().into(),
                    values,
                });
            }
        }
        if old != new || old_possible != new_possible || !criteria.is_empty() {
            out.push(AssessmentChange {
                id: a.id.clone(),
                old,
                new,
                old_possible,
                new_possible,
                criteria,
                causes: vec![],
            });
        }
    }
    out
}

fn collect_values(n: &ExprNode, out: &mut Vec<(String, String)>) {
    crate::stack::grow(|| {
        if matches!(n.role, Role::Input | Role::Let | Role::Param) {
            if let Some(v) = &n.value {
                let note = n.note.as_ref().map_or(String::new(), |x| {
                    format!(
                        " ({})",
                        crate::report::words::note(crate::i18n::Lang::En, x)
                    )
                });
                if !out.iter().any(|(k, _)| **k == *n.text) {
                    out.push((n.text.to_string(), format!("{v}{note}")));
                }
            }
        }
        if n.role != Role::Let {
            n.children.iter().for_each(|c| collect_values(c, out));
        }
    })
}

fn values_read(old: Option<&ExprNode>, new: Option<&ExprNode>) -> Vec<String> {
    let (mut o, mut n) = (Vec::new(), Vec::new());
    old.into_iter().for_each(|x| collect_values(x, &mut o));
    new.into_iter().for_each(|x| collect_values(x, &mut n));
    n.iter()
        .map(|(k, v)| match o.iter().find(|(ok, _)| ok == k) {
            Some((_, ov)) if ov != v => format!("{k} = {ov} → {v}"),
            _ => format!("{k} = {v}"),
        })
        .collect()
}

/// Two rules files over one data file: results compared, edits listed and attributed.
pub fn diff_files(
    old_path: &Path,
    new_path: &Path,
    data_path: &Path,
    data_text: &str,
    format: DataFormat,
    opts: &data::LoadOptions,
) -> Result<Diff, Vec<crate::Diagnostic>> {
    let source = data::DataSource::Text {
        name: data_path.display().to_string(),
        text: data_text.to_string(),
        format,
    };
    diff_files_source(old_path, new_path, &source, opts)
}

/// [`diff_files`] over a data source (text or a workbook).
pub fn diff_files_source(
    old_path: &Path,
    new_path: &Path,
    source: &data::DataSource,
    opts: &data::LoadOptions,
) -> Result<Diff, Vec<crate::Diagnostic>> {
    let read = |p: &Path| {
        crate::source::read_text(p).map_err(|e| {
            vec![crate::Diagnostic::unplaced(
                crate::check::codes::READ,
                format!("cannot read `{}`: {e}", p.display()),
            )]
        })
    };
    let (old_text, new_text) = (read(old_path)?, read(new_path)?);
    let old_rules = checked(crate::check::check_source(old_path, &old_text))?;
    let new_rules = checked(crate::check::check_source(new_path, &new_text))?;
    // A key either rules file declares is no problem of the data.
    let mut opts = opts.clone();
    opts.also_known = [&old_rules, &new_rules]
        .iter()
        .flat_map(|r| (0..r.slots.len() as u32).map(|s| r.slot_name(s)))
        .collect();
    let run = |rules: &Rules, sets: &[(u32, Value)]| outcome_for(rules, source, sets, &opts);
    let (old, new) = (run(&old_rules, &[]), run(&new_rules, &[]));
    let data_problems = problems::compare(&old.data, &new.data);
    let (mut areas, targets) = compare(&Sides {
        old: &old,
        new: &new,
    });
    let (old_ast, new_ast) = (
        crate::syntax::parse(&old_text, 0),
        crate::syntax::parse(&new_text, 0),
    );
    let edits = match (old_ast, new_ast) {
        (Ok(a), Ok(b)) => edits::edits(&old_text, &a, &new_text, &b),
        _ => vec![],
    };
    let mut applicable = Vec::new();
    for (ei, e) in edits.iter().enumerate() {
        let Some(patch) = &e.patch else {
            applicable.push(false);
            continue;
        };
        let patched = crate::check::check_source(old_path, &apply(&old_text, patch));
        let Some(rules) = patched.rules else {
            applicable.push(false);
            continue;
        };
        applicable.push(true);
        mark_causes(&mut areas, ei, &run(&rules, &[]));
    }
    Ok(Diff {
        areas_compared: new.data.areas.len(),
        areas,
        targets,
        edits,
        applicable,
        data_problems,
    })
}

/// One rules file against itself with what-if overrides; each override is an edit.
pub fn diff_overrides(
    rules: &Rules,
    data_path: &Path,
    data_text: &str,
    format: DataFormat,
    sets: &[(u32, Value)],
    written: &[String],
    opts: &data::LoadOptions,
) -> Diff {
    let source = data::DataSource::Text {
        name: data_path.display().to_string(),
        text: data_text.to_string(),
        format,
    };
    diff_overrides_source(rules, &source, sets, written, opts)
}

/// [`diff_overrides`] over a data source (text or a workbook).
pub fn diff_overrides_source(
    rules: &Rules,
    source: &data::DataSource,
    sets: &[(u32, Value)],
    written: &[String],
    opts: &data::LoadOptions,
) -> Diff {
    // The rules are the same for every run: the data is read and validated once.
    let data = source.load_with(rules, opts);
    let data_problems = problems::compare(&data, &data);
    let run = |sets: &[(u32, Value)]| Outcome::new(compile(rules, sets), data.clone());
    let (old, new) = (run(&[]), run(sets));
    let (mut areas, targets) = compare(&Sides {
        old: &old,
        new: &new,
    });
    let mut edits = Vec::new();
    for (i, (set, text)) in sets.iter().zip(written).enumerate() {
        let p = &rules.params[set.0 as usize];
        let new_value = text
            .split_once('=')
            .map_or(text.as_str(), |(_, v)| v.trim())
            .to_string();
        edits.push(Edit {
            kind: "param",
            name: p.id.clone(),
            change: "--set".into(),
            old: Some(p.written.clone()),
            new: Some(new_value),
            patch: None,
        });
        mark_causes(&mut areas, i, &run(&[*set]));
    }
    let applicable = vec![true; edits.len()];
    Diff {
        areas_compared: new.data.areas.len(),
        areas,
        targets,
        edits,
        applicable,
        data_problems,
    }
}

/// Reads the data for `rules` and assesses it with `sets`.
fn outcome_for(
    rules: &Rules,
    source: &data::DataSource,
    sets: &[(u32, Value)],
    opts: &data::LoadOptions,
) -> Outcome {
    Outcome::new(compile(rules, sets), source.load_with(rules, opts))
}

fn checked(c: crate::Checked) -> Result<Rules, Vec<crate::Diagnostic>> {
    if c.has_errors() {
        return Err(c.diagnostics);
    }
    c.rules.ok_or_else(Vec::new)
}

/// Marks edit `ei` as a cause of every changed verdict that `alone` reproduces.
fn mark_causes(areas: &mut [AreaChange], ei: usize, alone: &Outcome) {
    for area in areas.iter_mut() {
        let Some(i) = alone.data.areas.iter().position(|a| a.id == area.id) else {
            continue;
        };
        for change in area
            .assessments
            .iter_mut()
            .filter(|c| c.old != c.new || c.old_possible != c.new_possible)
        {
            let Some(ai) = alone.program.rules.assessment_index(&change.id) else {
                continue;
            };
            let v = alone.assessed.areas[i].assessments[ai].verdict;
            if verdict_word(&alone.program, ai, v) == change.new
                && possible(alone, ai, v) == change.new_possible
            {
                change.causes.push(ei);
            }
        }
    }
}
