//! The JSON document of `diff` ([`DiffDocument`], `docs/json.md`): language-neutral words (ids,
//! `unknown`, `met`), typed counts and values, edits numbered from 1 as the text output numbers
//! them.

use crate::diag::Diagnostic;
use crate::diff::edits::EditKind;
use crate::diff::problems::DataProblems;
use crate::diff::targets::{TallyCount, TargetTally};
use crate::diff::{AssessmentChange, Diff, Reading, TargetChange, ValueRead};
use crate::eval::explain::{Note, Shown};
use crate::eval::{CriterionResult, TargetResult};
use crate::i18n::Lang;
use crate::num::Num;
use crate::report::contract::{DataDiagnostic, FormatVersion, Range};
use crate::value::Value;
use schemars::JsonSchema;
use serde::Serialize;

/// The document of `diff --format json`.
#[derive(Serialize, JsonSchema)]
pub struct DiffDocument {
    /// The version of the contract: `"1"`.
    pub format_version: FormatVersion,
    /// The number of areas present in both runs.
    pub areas_compared: usize,
    /// The areas whose results changed, in data order.
    pub areas: Vec<AreaChangeJson>,
    /// The targets whose result changed.
    pub targets: Vec<TargetChangeJson>,
    /// The edits from the old rules to the new (or the `--set` overrides), numbered from 1.
    pub edits: Vec<EditJson>,
    /// The data's problems as read with each rules file.
    pub data_problems: DataProblemsJson,
}

/// An area whose results changed.
#[derive(Serialize, JsonSchema)]
pub struct AreaChangeJson {
    /// The area's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The assessments whose verdict or criteria changed.
    pub assessments: Vec<AssessmentChangeJson>,
}

/// One assessment of one area whose verdict or criteria changed.
#[derive(Serialize, JsonSchema)]
pub struct AssessmentChangeJson {
    /// The assessment's id.
    pub id: String,
    /// The verdict before: an outcome id, `unknown`, `na` or `invalid`.
    pub old: String,
    /// The verdict after.
    pub new: String,
    /// For an unknown verdict before, the verdicts still possible (empty otherwise).
    pub old_possible: Vec<String>,
    /// For an unknown verdict after, the verdicts still possible (empty otherwise).
    pub new_possible: Vec<String>,
    /// The criteria whose result changed, in file order.
    pub criteria: Vec<CriterionChangeJson>,
    /// The numbers (from 1, as in `edits[].number`) of the edits that alone reproduce the
    /// verdict change.
    pub causes: Vec<usize>,
}

/// A criterion whose result changed.
#[derive(Serialize, JsonSchema)]
pub struct CriterionChangeJson {
    /// The criterion's id.
    pub id: String,
    /// Its result before.
    pub old: CriterionResult,
    /// Its result after.
    pub new: CriterionResult,
    /// The values it read (with the new rules), each with its old value where it differs.
    pub values: Vec<ValueReadJson>,
}

/// One value a changed criterion read.
#[derive(Serialize, JsonSchema)]
pub struct ValueReadJson {
    /// The name as written (`vu_pham_phap@ca_nam`, `nguong_kham_pha`).
    pub name: String,
    /// The old rules' value, when it differs from the new one.
    pub old: Option<ReadingJson>,
    /// The new rules' value.
    pub new: ReadingJson,
}

/// A value as one side read it.
#[derive(Serialize, JsonSchema)]
pub struct ReadingJson {
    /// The value as shown (`75%`).
    pub value: Shown,
    /// What it was computed from (`9 of 12`), if anything.
    pub note: Option<Note>,
}

/// A target whose result changed.
#[derive(Serialize, JsonSchema)]
pub struct TargetChangeJson {
    /// The target's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its result before.
    pub old: TargetResult,
    /// Its result after.
    pub new: TargetResult,
    /// The counts behind the old result.
    pub old_tally: TargetTallyJson,
    /// The counts behind the new result.
    pub new_tally: TargetTallyJson,
}

/// The counts behind a target's result.
#[derive(Serialize, JsonSchema)]
pub struct TargetTallyJson {
    /// Each `count(…)`/`share(…)` the target reads, in order.
    pub counts: Vec<TallyCountJson>,
    /// The comparison, when the target compares one count or share with a value.
    pub comparison: Option<ComparisonJson>,
    /// True when a share is unknown because no area can be in its `among` (0 of 0).
    pub no_areas: bool,
    /// The number of areas counted approximately.
    pub approximate: usize,
}

/// One `count(…)` or `share(…)` as the data filled it.
#[derive(Serialize, JsonSchema)]
pub struct TallyCountJson {
    /// The lowest and highest possible number of areas meeting the condition.
    pub count: Range<u64>,
    /// The lowest and highest possible number of areas in the `among` filter.
    pub members: Range<u64>,
    /// For a decided `share`, its exact value (`"0.625"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Num>,
    /// For a `share`, its lowest and highest possible value; `null` for a count or a share of
    /// no area.
    pub share_range: Option<Range<Num>>,
}

/// The comparison of a target: `>= 60%`.
#[derive(Serialize, JsonSchema)]
pub struct ComparisonJson {
    /// The operator as written (`>=`).
    pub op: String,
    /// The number compared with, exact (`"0.6"`); `null` when it is not a number.
    pub value: Option<Num>,
    /// The value compared with as people write it (`"60%"`).
    pub shown: Shown,
}

/// One edit between the rules.
#[derive(Serialize, JsonSchema)]
pub struct EditJson {
    /// Its number, from 1 (what `causes` refer to).
    pub number: usize,
    /// What kind of declaration it changes.
    pub kind: EditKind,
    /// Which: `nguong_kham_pha`, `chuyen_hoa.C1`.
    pub name: String,
    /// What changed: `added`, `removed`, `value`, `definition`, `label`, `order`, `--set`, or
    /// the parts changed (`condition`, `required`, `points`, `when`) joined by `, `.
    pub change: String,
    /// The old text (comments dropped, whitespace collapsed), if any.
    pub old: Option<String>,
    /// The new text, if any.
    pub new: Option<String>,
    /// False when the edit cannot be applied alone (the result does not check): no verdict
    /// is attributed to it.
    pub applicable: bool,
}

/// The data problems of each side.
#[derive(Serialize, JsonSchema)]
pub struct DataProblemsJson {
    /// Problems under both rules.
    pub both: Vec<DataDiagnostic>,
    /// Problems only under the old rules.
    pub old_only: Vec<DataDiagnostic>,
    /// Problems only under the new rules.
    pub new_only: Vec<DataDiagnostic>,
}

impl DiffDocument {
    /// The document of `d`, messages in `lang`.
    pub fn new(d: &Diff, lang: Lang) -> DiffDocument {
        DiffDocument {
            format_version: FormatVersion,
            areas_compared: d.areas_compared,
            areas: d
                .areas
                .iter()
                .map(|a| AreaChangeJson {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    assessments: a.assessments.iter().map(assessment).collect(),
                })
                .collect(),
            targets: d.targets.iter().map(target).collect(),
            edits: d
                .edits
                .iter()
                .enumerate()
                .map(|(i, e)| EditJson {
                    number: i + 1,
                    kind: e.kind,
                    name: e.name.clone(),
                    change: e.change.to_string(),
                    old: e.old.clone(),
                    new: e.new.clone(),
                    applicable: d.applicable.get(i).copied().unwrap_or(false),
                })
                .collect(),
            data_problems: problems(&d.data_problems, lang),
        }
    }
}

fn assessment(c: &AssessmentChange) -> AssessmentChangeJson {
    let words = |w: Vec<&str>| w.into_iter().map(str::to_string).collect();
    AssessmentChangeJson {
        id: c.id.clone(),
        old: c.old.word().to_string(),
        new: c.new.word().to_string(),
        old_possible: words(c.old.possible_words()),
        new_possible: words(c.new.possible_words()),
        criteria: c
            .criteria
            .iter()
            .map(|cr| CriterionChangeJson {
                id: cr.id.clone(),
                old: cr.old,
                new: cr.new,
                values: cr.values.iter().map(value_read).collect(),
            })
            .collect(),
        causes: c.causes.iter().map(|i| i + 1).collect(),
    }
}

fn value_read(v: &ValueRead) -> ValueReadJson {
    let reading = |r: &Reading| ReadingJson {
        value: r.value.clone(),
        note: r.note.clone(),
    };
    ValueReadJson {
        name: v.name.to_string(),
        old: v.old.as_ref().map(reading),
        new: reading(&v.new),
    }
}

fn target(t: &TargetChange) -> TargetChangeJson {
    TargetChangeJson {
        id: t.id.clone(),
        label: t.label.clone(),
        old: t.old,
        new: t.new,
        old_tally: tally(&t.old_tally),
        new_tally: tally(&t.new_tally),
    }
}

fn tally(t: &TargetTally) -> TargetTallyJson {
    let count = |c: &TallyCount| {
        let share_range = c.share.as_ref().and_then(|s| match s.value {
            Value::Num(n) => Some(Range { min: n, max: n }),
            Value::Range(min, max) => Some(Range { min, max }),
            _ => None,
        });
        TallyCountJson {
            count: Range::of(c.count),
            members: Range::of(c.members),
            share: share_range.and_then(|r| r.decided()),
            share_range,
        }
    };
    TargetTallyJson {
        counts: t.counts.iter().map(count).collect(),
        comparison: t.comparison.as_ref().map(|c| ComparisonJson {
            op: c.op.as_str().to_string(),
            value: match c.value.value {
                Value::Num(n) => Some(n),
                _ => None,
            },
            shown: c.value.clone(),
        }),
        no_areas: t.no_areas,
        approximate: t.approximate,
    }
}

fn problems(p: &DataProblems, lang: Lang) -> DataProblemsJson {
    let list = |l: &[Diagnostic], old: bool| -> Vec<DataDiagnostic> {
        let (sources, places) = if old {
            (&p.old_sources, &p.old_places)
        } else {
            (&p.new_sources, &p.new_places)
        };
        l.iter()
            .map(|d| DataDiagnostic::new(d, sources, places, lang))
            .collect()
    };
    DataProblemsJson {
        both: list(&p.both, true),
        old_only: list(&p.old_only, true),
        new_only: list(&p.new_only, false),
    }
}
