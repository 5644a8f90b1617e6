//! `diff`: what a change of the rules (or a what-if override) does to the verdicts of a data set,
//! and which edits, applied alone, cause each changed verdict.

mod causes;
pub mod edits;
pub mod problems;
mod progress;
pub mod targets;

use crate::check::Rules;
use crate::data::{self, DataFormat};
use crate::eval::explain::{ExprNode, Note, Recorded, Role, Shown};
use crate::eval::{compile, CriterionResult, Program, TargetResult, Verdict};
use crate::value::Value;
use crate::Results;
use edits::{apply, Change, Edit, EditKind};
use std::path::Path;
use std::sync::Arc;
use targets::TargetTally;

/// An area's verdict for one assessment, its outcomes named by id: comparable between two
/// rules files whose outcomes are not in the same order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictId {
    /// The outcome with this id.
    Outcome(String),
    /// Not decided; these outcomes (by id), and `na` when `na` is true, are still possible.
    Unknown {
        /// The outcomes still possible, in order.
        possible: Vec<String>,
        /// Whether the assessment may not apply.
        na: bool,
    },
    /// The assessment does not apply.
    Na,
    /// The area's data has errors.
    Invalid,
}

impl VerdictId {
    /// The verdict `v` of assessment `ai` of `prog`.
    pub fn of(prog: &Program, ai: usize, v: Verdict) -> VerdictId {
        let outcome = |o: u32| {
            prog.rules
                .assessments
                .get(ai)
                .and_then(|a| a.outcomes.get(o as usize))
                .map_or(String::new(), |o| o.id.clone())
        };
        match v {
            Verdict::Outcome(o) => VerdictId::Outcome(outcome(o)),
            Verdict::Unknown(p) => VerdictId::Unknown {
                possible: p.outcomes().map(outcome).collect(),
                na: p.has_na(),
            },
            Verdict::Na => VerdictId::Na,
            Verdict::Invalid => VerdictId::Invalid,
        }
    }

    /// The word of the JSON output: the outcome's id, `unknown`, `na` or `invalid`.
    pub fn word(&self) -> &str {
        match self {
            VerdictId::Outcome(id) => id,
            VerdictId::Unknown { .. } => "unknown",
            VerdictId::Na => "na",
            VerdictId::Invalid => "invalid",
        }
    }

    /// For an unknown verdict, the verdicts still possible as the JSON output names them
    /// (outcome ids, then `na`); empty otherwise.
    pub fn possible_words(&self) -> Vec<&str> {
        match self {
            VerdictId::Unknown { possible, na } => {
                let mut out: Vec<&str> = possible.iter().map(String::as_str).collect();
                if *na {
                    out.push("na");
                }
                out
            }
            _ => vec![],
        }
    }
}

/// A value as one side of the diff read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The value.
    pub value: Shown,
    /// What it was computed from (`9 of 12`), if anything.
    pub note: Option<Note>,
}

/// One value a changed criterion read.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRead {
    /// The name as written (`vu_pham_phap@ca_nam`, `nguong_kham_pha`).
    pub name: Arc<str>,
    /// The old rules' value, when it differs from the new one.
    pub old: Option<Reading>,
    /// The new rules' value.
    pub new: Reading,
}

/// One criterion whose result changed.
#[derive(Debug, Clone)]
pub struct CriterionChange {
    /// The declared name.
    pub id: String,
    /// Before.
    pub old: CriterionResult,
    /// After.
    pub new: CriterionResult,
    /// The values it read (with the new rules), each with its old value where it differs.
    pub values: Vec<ValueRead>,
}

/// One assessment of one area whose verdict or criteria changed.
#[derive(Debug, Clone)]
pub struct AssessmentChange {
    /// The declared name.
    pub id: String,
    /// Before.
    pub old: VerdictId,
    /// After.
    pub new: VerdictId,
    /// The criteria, in file order.
    pub criteria: Vec<CriterionChange>,
    /// Indices into [`Diff::edits`] of the edits that alone reproduce the verdict change.
    pub causes: Vec<usize>,
}

impl AssessmentChange {
    /// True when the verdict changed (not only criteria).
    pub fn verdict_changed(&self) -> bool {
        self.old != self.new
    }
}

/// An area whose results changed.
#[derive(Debug, Clone)]
pub struct AreaChange {
    /// The declared name.
    pub id: String,
    /// The name.
    pub name: String,
    /// The assessments.
    pub assessments: Vec<AssessmentChange>,
}

/// A target whose result changed.
#[derive(Debug, Clone)]
pub struct TargetChange {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// Before.
    pub old: TargetResult,
    /// After.
    pub new: TargetResult,
    /// The counts behind the old result.
    pub old_tally: TargetTally,
    /// The counts behind the new result.
    pub new_tally: TargetTally,
}

/// The differences between two runs over the same data.
#[derive(Debug, Clone)]
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
    pub old: &'a Results,
    /// After.
    pub new: &'a Results,
}

/// Compares the results of two runs over the same data: areas matched by id, assessments,
/// criteria and targets by id.
pub fn compare(s: &Sides) -> (Vec<AreaChange>, Vec<TargetChange>) {
    let mut areas = Vec::new();
    let old_index = causes::index_by_id(s.old.data.areas.iter().map(|a| a.id.as_str()));
    for (ni, na) in s.new.data.areas.iter().enumerate() {
        let Some(&oi) = old_index.get(na.id.as_str()) else {
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
                old: old.result,
                new: new.result,
                old_tally: TargetTally::of(&s.old.program, old, ot),
                new_tally: TargetTally::of(&s.new.program, new, nt),
            });
        }
    }
    (areas, targets)
}

fn area_changes<'a>(s: &Sides<'a>, oi: usize, ni: usize) -> Vec<AssessmentChange> {
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
            VerdictId::of(&s.old.program, oai, ov),
            VerdictId::of(&s.new.program, nai, nv),
        );
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
                // The values read are in the condition trees: only those of the criteria
                // that changed are built.
                let recorded = |r: &'a Results, i: usize| {
                    r.data.areas.get(i).map(|a| Recorded::new(&r.program, a))
                };
                let (ox, nx) =
                    explained.get_or_insert_with(|| (recorded(s.old, oi), recorded(s.new, ni)));
                let values = values_read(
                    ox.as_ref().and_then(|x| x.condition(oai, oci)).as_ref(),
                    nx.as_ref().and_then(|x| x.condition(nai, nci)).as_ref(),
                );
                criteria.push(CriterionChange {
                    id: c.id.clone(),
                    old: or,
                    new: nr,
                    values,
                });
            }
        }
        if old != new || !criteria.is_empty() {
            out.push(AssessmentChange {
                id: a.id.clone(),
                old,
                new,
                criteria,
                causes: vec![],
            });
        }
    }
    out
}

/// The values (inputs, lets, params) an explanation tree read, each once, in order.
fn collect_values(n: &ExprNode, out: &mut Vec<(Arc<str>, Reading)>) {
    crate::stack::grow(|| {
        if matches!(n.role, Role::Input | Role::Let | Role::Param) {
            if let Some(v) = &n.value {
                if !out.iter().any(|(k, _)| **k == *n.text) {
                    let reading = Reading {
                        value: v.clone(),
                        note: n.note.as_deref().cloned(),
                    };
                    out.push((n.text.clone(), reading));
                }
            }
        }
        if n.role != Role::Let {
            n.children.iter().for_each(|c| collect_values(c, out));
        }
    })
}

fn values_read(old: Option<&ExprNode>, new: Option<&ExprNode>) -> Vec<ValueRead> {
    let (mut o, mut n) = (Vec::new(), Vec::new());
    old.into_iter().for_each(|x| collect_values(x, &mut o));
    new.into_iter().for_each(|x| collect_values(x, &mut n));
    n.into_iter()
        .map(|(name, new)| {
            let old = o
                .iter()
                .find(|(ok, _)| *ok == name)
                .map(|(_, ov)| ov)
                .filter(|ov| **ov != new)
                .cloned();
            ValueRead { name, old, new }
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
) -> Result<Diff, Vec<crate::diag::Diagnostic>> {
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
) -> Result<Diff, Vec<crate::diag::Diagnostic>> {
    diff_files_progress(old_path, new_path, source, opts, false)
}

/// [`diff_files_source`], with a progress bar over the edits on standard error when
/// `show_progress` is true and standard error is a terminal (the command line).
pub fn diff_files_progress(
    old_path: &Path,
    new_path: &Path,
    source: &data::DataSource,
    opts: &data::LoadOptions,
    show_progress: bool,
) -> Result<Diff, Vec<crate::diag::Diagnostic>> {
    let read = |p: &Path| {
        crate::source::read_text(p).map_err(|e| {
            let message = crate::msg!(
                "diff-cannot-read",
                path = p.display().to_string(),
                reason = e.to_string()
            );
            // Diagnostics carry their message as text here: the English one.
            vec![crate::diag::Diagnostic::unplaced(
                crate::check::codes::READ,
                message.to_string(),
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
    let deps = causes::Dependencies::of(&old_rules, &new_rules);
    let old_index = causes::index_by_id(old.data.areas.iter().map(|a| a.id.as_str()));
    let progress = progress::Bar::new(edits.len(), show_progress);
    let mut applicable = Vec::new();
    for (ei, e) in edits.iter().enumerate() {
        progress.inc();
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
        match deps.reach(e) {
            causes::Reach::Nothing => {}
            causes::Reach::Assessments(reach) if same_slots(&rules, &old_rules) => {
                if causes::reaches(&areas, &reach) {
                    let prog = compile(&rules, &[]);
                    let wanted = deps.wanted(&reach, &prog);
                    let (data, at) = (&old.data.areas, &old_index);
                    causes::mark_reached(&mut areas, ei, (&reach, &wanted), &prog, data, at);
                }
            }
            _ => mark_causes(&mut areas, ei, &run(&rules, &[])),
        }
    }
    progress.finish();
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
    diff_overrides_progress(rules, source, sets, written, opts, false)
}

/// [`diff_overrides_source`], with a progress bar as [`diff_files_progress`] has.
pub fn diff_overrides_progress(
    rules: &Rules,
    source: &data::DataSource,
    sets: &[(u32, Value)],
    written: &[String],
    opts: &data::LoadOptions,
    show_progress: bool,
) -> Diff {
    // The rules are the same for every run: the data is read and validated once.
    let data = source.load_with(rules, opts);
    let data_problems = problems::compare(&data, &data);
    let run = |sets: &[(u32, Value)]| Results::of(compile(rules, sets), data.clone());
    let (old, new) = (run(&[]), run(sets));
    let (mut areas, targets) = compare(&Sides {
        old: &old,
        new: &new,
    });
    let deps = causes::Dependencies::of(rules, rules);
    let index = causes::index_by_id(data.areas.iter().map(|a| a.id.as_str()));
    let progress = progress::Bar::new(sets.len(), show_progress);
    let mut edits = Vec::new();
    for (i, (set, text)) in sets.iter().zip(written).enumerate() {
        let p = &rules.params[set.0 as usize];
        let new_value = text
            .split_once('=')
            .map_or(text.as_str(), |(_, v)| v.trim())
            .to_string();
        edits.push(Edit {
            kind: EditKind::Param,
            name: p.id.clone(),
            change: Change::Set,
            old: Some(p.written.clone()),
            new: Some(new_value),
            patch: None,
        });
        match deps.reach_of(EditKind::Param, &p.id) {
            causes::Reach::Assessments(reach) if causes::reaches(&areas, &reach) => {
                let prog = compile(rules, &[*set]);
                let wanted = deps.wanted(&reach, &prog);
                let (data, at) = (&data.areas, &index);
                causes::mark_reached(&mut areas, i, (&reach, &wanted), &prog, data, at);
            }
            causes::Reach::Assessments(_) | causes::Reach::Nothing => {}
            causes::Reach::Everything => mark_causes(&mut areas, i, &run(&[*set])),
        }
        progress.inc();
    }
    progress.finish();
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
) -> Results {
    Results::of(compile(rules, sets), source.load_with(rules, opts))
}

/// True when two rules files read the data into the same slots (same names, same order), so
/// a data set read with one serves the other.
fn same_slots(a: &Rules, b: &Rules) -> bool {
    a.slots.len() == b.slots.len()
        && (0..a.slots.len() as u32).all(|s| a.slot_name(s) == b.slot_name(s))
}

fn checked(c: crate::check::Checked) -> Result<Rules, Vec<crate::diag::Diagnostic>> {
    if c.has_errors() {
        return Err(c.diagnostics);
    }
    c.rules.ok_or_else(Vec::new)
}

/// Marks edit `ei` as a cause of every changed verdict that `alone` reproduces.
fn mark_causes(areas: &mut [AreaChange], ei: usize, alone: &Results) {
    let index = causes::index_by_id(alone.data.areas.iter().map(|a| a.id.as_str()));
    for area in areas.iter_mut() {
        let Some(&i) = index.get(area.id.as_str()) else {
            continue;
        };
        for change in area.assessments.iter_mut().filter(|c| c.verdict_changed()) {
            let Some(ai) = alone.program.rules.assessment_index(&change.id) else {
                continue;
            };
            let v = alone.assessed.areas[i].assessments[ai].verdict;
            if VerdictId::of(&alone.program, ai, v) == change.new {
                change.causes.push(ei);
            }
        }
    }
}
