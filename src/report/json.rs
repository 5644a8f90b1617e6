//! The JSON document of `assess` ([`AssessDocument`], `docs/json.md`): typed output values whose
//! JSON Schema is generated from the same types. The areas are built and written one at a time
//! ([`AreaStream`]), so a large data set needs no document tree in memory.

use super::contract::{DataDiagnostic, FormatVersion, Ordered, Range, TallyJson};
use super::Run;
use crate::check::Param;
use crate::eval::explain::{
    explain_area, possible_words, unknown_reasons, verdict_word, AssessmentReasons,
    CriterionExplanation, OutcomeExplanation, Reason,
};
use crate::eval::{aggregate_value, CriterionResult, TargetResult, Verdict};
use crate::i18n::Lang;
use crate::num::Num;
use crate::value::{format_number, format_percent, Value};
use schemars::JsonSchema;
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value as J;

/// The whole result as one JSON value; with `explain`, each area carries its explanation.
pub fn assessment(run: &Run, explain: bool) -> J {
    serde_json::to_value(AssessDocument::new(run, explain)).unwrap_or(J::Null)
}

/// Writes the whole result as JSON to `out`, area by area; `pretty` indents it for people.
pub fn write_assessment(
    run: &Run,
    explain: bool,
    pretty: bool,
    out: impl std::io::Write,
) -> serde_json::Result<()> {
    let doc = AssessDocument::new(run, explain);
    if pretty {
        serde_json::to_writer_pretty(out, &doc)
    } else {
        serde_json::to_writer(out, &doc)
    }
}

/// The document of `assess --format json`.
#[derive(Serialize, JsonSchema)]
pub struct AssessDocument<'a> {
    /// The version of the contract: `"1"`.
    pub format_version: FormatVersion,
    /// The program that wrote it.
    pub engine: Engine,
    /// The rules used.
    pub ruleset: Ruleset,
    /// Every param by id, with the value used (after `--set`).
    pub params: Ordered<ParamJson>,
    /// The areas shown, in data order.
    pub areas: AreaStream<'a>,
    /// The targets, in file order.
    pub targets: Vec<TargetJson>,
    /// Every problem of the data file, in file order.
    pub data_diagnostics: Vec<DataDiagnostic>,
}

/// The program that wrote a document.
#[derive(Serialize, JsonSchema)]
pub struct Engine {
    /// `tieuchi`.
    pub name: String,
    /// Its version.
    pub version: String,
}

impl Engine {
    /// This program.
    pub fn this() -> Engine {
        Engine {
            name: "tieuchi".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// The rules a document was made with.
#[derive(Serialize, JsonSchema)]
pub struct Ruleset {
    /// The ruleset's declared id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its `source` line (the decision it implements), as written; `null` when not given.
    pub source: Option<String>,
    /// The SHA-256 of the rules file's bytes, in hex.
    pub sha256: String,
}

impl Ruleset {
    /// The ruleset of `rules`.
    pub fn of(rules: &crate::check::Rules) -> Ruleset {
        Ruleset {
            id: rules.id.clone(),
            title: rules.title.clone(),
            source: rules.source.clone(),
            sha256: rules.sha256.clone(),
        }
    }
}

/// A param's value.
#[derive(Serialize, JsonSchema)]
pub struct ParamJson {
    /// The value used: an exact number (`"0.8"` for `80%`), `"true"`/`"false"`, a date
    /// `YYYY-MM-DD`, or the text or option as written.
    pub value: String,
    /// The value as people write it (`"80%"`).
    pub written: String,
    /// Declared `provisional`: the council has not confirmed it yet.
    pub provisional: bool,
}

impl ParamJson {
    fn of(p: &Param) -> ParamJson {
        let value = match p.value {
            Value::Num(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Date(d) => d.to_string(),
            _ => p.written.trim_matches('"').to_string(),
        };
        ParamJson {
            value,
            written: param_text(p),
            provisional: p.provisional,
        }
    }
}

impl<'a> AssessDocument<'a> {
    /// The document of `run`; with `explain`, each area carries its explanation.
    pub fn new(run: &'a Run<'a>, explain: bool) -> AssessDocument<'a> {
        let rules = &run.program.rules;
        let places = &run.data.places;
        AssessDocument {
            format_version: FormatVersion,
            engine: Engine::this(),
            ruleset: Ruleset::of(rules),
            params: params(rules),
            areas: AreaStream { run, explain },
            targets: targets(run),
            data_diagnostics: run
                .data
                .diagnostics
                .iter()
                .map(|d| DataDiagnostic::new(d, &run.data.sources, places, run.lang))
                .collect(),
        }
    }
}

/// Every param by id, with the value used.
pub(crate) fn params(rules: &crate::check::Rules) -> Ordered<ParamJson> {
    Ordered(
        rules
            .params
            .iter()
            .map(|p| (p.id.clone(), ParamJson::of(p)))
            .collect(),
    )
}

/// A param's value as people write it: `80%`, `40`, `2024-06-14`.
pub(crate) fn param_text(p: &Param) -> String {
    match p.value {
        Value::Num(n) if p.written.contains('%') => format_percent(n),
        Value::Num(n) => format_number(n),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.to_string(),
        _ => p.written.trim_matches('"').to_string(),
    }
}

/// A number in JSON: a string holding the exact value, a decimal when it terminates (`"0.875"`,
/// `"-12"`), else a fraction (`"2/3"`); never a binary float.
pub fn number_json(n: Num) -> J {
    J::String(n.to_string())
}

/// A range in JSON: `{ "min": …, "max": … }` with exact number strings.
pub fn range_json((lo, hi): (Num, Num)) -> J {
    serde_json::json!({ "min": number_json(lo), "max": number_json(hi) })
}

/// One target.
#[derive(Serialize, JsonSchema)]
pub struct TargetJson {
    /// The declared id.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// `met`, `not_met` or `unknown`.
    pub result: TargetResult,
    /// Each `count(…)`/`share(…)` the target reads, in order.
    pub counts: Vec<CountJson>,
    /// The areas whose missing or invalid data leave the counts open.
    pub undecided_areas: Vec<String>,
    /// The areas whose condition and filter were taken as independent (too many fillings).
    pub approximate_areas: Vec<String>,
    /// Why the result is what it is, beyond the counts: `no_areas`, `approximate`.
    pub reasons: Vec<TargetReason>,
    /// The provisional params the target rests on (empty when none).
    pub provisional: Vec<String>,
}

/// A reason a target's result is open or approximate.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetReason {
    /// A `share` has no area that can be in its `among` (0 of 0 decides nothing).
    NoAreas,
    /// Some areas were counted approximately.
    Approximate,
}

/// Whether an aggregate is a `count` or a `share`.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AggregateKind {
    /// `count(…)`: a number of areas.
    Count,
    /// `share(…)`: a proportion of areas, `0` to `1`.
    Share,
}

/// One `count(…)` or `share(…)` of a target.
#[derive(Serialize, JsonSchema)]
pub struct CountJson {
    /// `count` or `share`.
    pub kind: AggregateKind,
    /// Its value, when the data decides it (an exact number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    /// Its lowest and highest possible value; `null` for a share of no area (0 of 0).
    pub value_range: Option<Range<Num>>,
    /// The areas it saw.
    pub tally: TallyJson,
}

fn targets(run: &Run) -> Vec<TargetJson> {
    let id_of = |i: usize| run.data.areas.get(i).map(|a| a.id.clone());
    targets_of(run.program, &run.assessed.targets, &id_of)
}

/// The targets' JSON from their outcomes, `id_of` naming the areas by their index.
pub(crate) fn targets_of(
    program: &crate::eval::Program,
    outcomes: &[crate::eval::TargetOutcome],
    id_of: &dyn Fn(usize) -> Option<String>,
) -> Vec<TargetJson> {
    let rules = &program.rules;
    let ids = |list: &[usize]| -> Vec<String> { list.iter().filter_map(|&i| id_of(i)).collect() };
    rules
        .targets
        .iter()
        .zip(outcomes)
        .map(|(t, o)| {
            let counts = o
                .tallies
                .iter()
                .map(|(id, tally, _)| {
                    let share = program.is_share(*id);
                    let range = match aggregate_value(share, tally) {
                        Value::Num(n) => Some(Range { min: n, max: n }),
                        Value::Range(lo, hi) => Some(Range { min: lo, max: hi }),
                        _ => None,
                    };
                    CountJson {
                        kind: if share {
                            AggregateKind::Share
                        } else {
                            AggregateKind::Count
                        },
                        value: range.and_then(|r| r.decided()),
                        value_range: range,
                        tally: tally.into(),
                    }
                })
                .collect();
            let mut reasons = Vec::new();
            if o.no_areas {
                reasons.push(TargetReason::NoAreas);
            }
            if !o.approximate.is_empty() {
                reasons.push(TargetReason::Approximate);
            }
            TargetJson {
                id: t.id.clone(),
                label: t.label.clone(),
                result: o.result,
                counts,
                undecided_areas: ids(&o.undecided),
                approximate_areas: ids(&o.approximate),
                reasons,
                provisional: rules.provisional(&t.params).map(|p| p.id.clone()).collect(),
            }
        })
        .collect()
}

/// The areas of a document, each built and written in turn; its schema is a list of
/// [`AreaJson`].
pub struct AreaStream<'a> {
    run: &'a Run<'a>,
    explain: bool,
}

impl Serialize for AreaStream<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let shown = self.run.shown();
        let mut seq = s.serialize_seq(Some(shown.len()))?;
        for i in shown {
            let one = One::of(self.run, i);
            seq.serialize_element(&AreaJson::new(&one, self.explain))?;
        }
        seq.end()
    }
}

impl JsonSchema for AreaStream<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Areas".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<Vec<AreaJson>>()
    }
}

/// Whether an area's data could be used.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AreaStatus {
    /// Assessed.
    Valid,
    /// Its data has errors: not assessed (every verdict `invalid`).
    Invalid,
}

/// One area.
#[derive(Serialize, JsonSchema)]
pub struct AreaJson {
    /// The area's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its district.
    pub district: String,
    /// `valid` or `invalid`.
    pub status: AreaStatus,
    /// What is wrong with its data, one sentence each in the reader's language (empty when
    /// valid; codes and places are in `data_diagnostics`).
    pub problems: Vec<String>,
    /// Its result for each assessment, by the assessment's id, in file order.
    pub assessments: Ordered<AssessmentJson>,
}

/// One area with its result: what its JSON is made from.
pub(crate) struct One<'a> {
    pub(crate) program: &'a crate::eval::Program,
    pub(crate) area: &'a crate::data::Area,
    pub(crate) result: &'a crate::eval::AreaResult,
    pub(crate) lang: Lang,
}

impl<'a> One<'a> {
    fn of(run: &'a Run<'a>, index: usize) -> One<'a> {
        One {
            program: run.program,
            area: &run.data.areas[index],
            result: &run.assessed.areas[index],
            lang: run.lang,
        }
    }
}

impl AreaJson {
    pub(crate) fn new(run: &One, explain: bool) -> AreaJson {
        let (prog, area, r) = (run.program, run.area, run.result);
        let unknowns = r.criteria.contains(&CriterionResult::Unknown)
            || r.assessments
                .iter()
                .any(|x| matches!(x.verdict, Verdict::Unknown(_)));
        let mut explained = explain.then(|| explain_area(prog, area).assessments.into_iter());
        let mut reasons = (!explain && unknowns).then(|| unknown_reasons(prog, area).into_iter());
        let assessments = (0..prog.rules.assessments.len())
            .map(|ai| {
                let extra = match (
                    explained.as_mut().and_then(Iterator::next),
                    reasons.as_mut().and_then(Iterator::next),
                ) {
                    (Some(ax), _) => Extra::Explained(Box::new(ax)),
                    (None, Some(r)) => Extra::Reasons(r),
                    (None, None) => Extra::Nothing,
                };
                let id = prog.rules.assessments[ai].id.clone();
                (id, AssessmentJson::new(run, ai, extra))
            })
            .collect();
        AreaJson {
            id: area.id.clone(),
            name: area.name.clone(),
            district: area.district.clone(),
            status: if area.invalid {
                AreaStatus::Invalid
            } else {
                AreaStatus::Valid
            },
            problems: area.problems.iter().map(|p| p.render(run.lang)).collect(),
            assessments: Ordered(assessments),
        }
    }
}

/// One assessment of one area.
#[derive(Serialize, JsonSchema)]
pub struct AssessmentJson {
    /// An outcome id, `unknown`, `na` or `invalid`.
    pub verdict: String,
    /// The outcome's label, when the verdict is an outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// For an unknown verdict, the verdicts still possible (outcome ids, `na`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub possible: Option<Vec<String>>,
    /// The points, when decided (verdict an outcome or unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<Num>,
    /// The lowest and highest possible points (verdict an outcome or unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_range: Option<Range<Num>>,
    /// `max_points`, when decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_points: Option<Num>,
    /// The lowest and highest possible `max_points`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_points_range: Option<Range<Num>>,
    /// The provisional params the verdict rests on (empty when none).
    pub provisional: Vec<String>,
    /// Why the verdict is unknown (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<ReasonJson>,
    /// The criteria, in file order.
    pub criteria: Vec<CriterionJson>,
    /// With `--explain`: how each outcome fared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<Vec<OutcomeExplanation>>,
}

/// What an assessment's JSON shows beyond its results.
enum Extra {
    /// Nothing: every result is decided.
    Nothing,
    /// The reasons for its unknown results.
    Reasons(AssessmentReasons),
    /// With `--explain`: its whole explanation.
    Explained(Box<crate::eval::explain::AssessmentExplanation>),
}

impl AssessmentJson {
    fn new(run: &One, ai: usize, extra: Extra) -> AssessmentJson {
        let prog = run.program;
        let asmt = &prog.rules.assessments[ai];
        let res = run.result.assessments[ai];
        let scored = matches!(res.verdict, Verdict::Outcome(_) | Verdict::Unknown(_));
        let points = scored.then(|| Range::of(res.points));
        let max_points = scored.then(|| Range::of(res.max_points));
        let rests_on = prog.rules.verdict_params(ai, &res.verdict);
        let (reasons, criteria_r, criteria_x, outcomes) = match extra {
            Extra::Explained(ax) => {
                let ax = *ax;
                (ax.reasons, None, Some(ax.criteria), Some(ax.outcomes))
            }
            Extra::Reasons(r) => (r.verdict, Some(r.criteria), None, None),
            Extra::Nothing => (vec![], None, None, None),
        };
        let mut criteria_r = criteria_r.map(Vec::into_iter);
        let mut criteria_x = criteria_x.map(Vec::into_iter);
        let criteria = (0..asmt.criteria.len())
            .map(|ci| {
                let cx = criteria_x.as_mut().and_then(Iterator::next);
                let cr = criteria_r.as_mut().and_then(Iterator::next);
                CriterionJson::new(run, ai, ci, cr, cx)
            })
            .collect();
        AssessmentJson {
            verdict: verdict_word(prog, ai, res.verdict),
            label: match res.verdict {
                Verdict::Outcome(x) => asmt.outcomes.get(x as usize).map(|o| o.label.clone()),
                _ => None,
            },
            possible: matches!(res.verdict, Verdict::Unknown(_))
                .then(|| possible_words(prog, ai, res.verdict)),
            points: points.and_then(|r| r.decided()),
            points_range: points,
            max_points: max_points.and_then(|r| r.decided()),
            max_points_range: max_points,
            provisional: prog
                .rules
                .provisional(rests_on)
                .map(|p| p.id.clone())
                .collect(),
            reasons: ReasonJson::list(&reasons, run.lang),
            criteria,
            outcomes,
        }
    }
}

/// One criterion of one area.
#[derive(Serialize, JsonSchema)]
pub struct CriterionJson {
    /// The criterion's id.
    pub id: String,
    /// `pass`, `fail`, `unknown` or `na`.
    pub result: CriterionResult,
    /// Why it is unknown (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<ReasonJson>,
    /// With `--explain`: the values it read and how far it is from passing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<CriterionExplanation>,
}

impl CriterionJson {
    fn new(
        run: &One,
        ai: usize,
        ci: usize,
        reasons: Option<Vec<Reason>>,
        cx: Option<CriterionExplanation>,
    ) -> CriterionJson {
        let prog = run.program;
        let id = prog.rules.assessments[ai].criteria[ci].id.clone();
        let reasons = match (&cx, reasons) {
            (Some(cx), _) => ReasonJson::list(&cx.reasons, run.lang),
            (None, Some(r)) => ReasonJson::list(&r, run.lang),
            (None, None) => vec![],
        };
        CriterionJson {
            id,
            result: run.result.criterion(prog, ai, ci),
            reasons,
            explanation: cx,
        }
    }
}

/// What kind of reason makes a result unknown.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// An input the area did not give.
    Missing,
    /// A division by zero.
    DivisionByZero,
    /// A number too large for exact arithmetic.
    Overflow,
    /// The area's data has errors.
    InvalidData,
}

/// Why a result is unknown, with a sentence in the reader's language.
#[derive(Serialize, JsonSchema)]
pub struct ReasonJson {
    /// What kind of reason.
    pub kind: ReasonKind,
    /// For `missing`: the input, `input` or `input@period`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// For `division_by_zero` and `overflow`: the expression as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    /// The reason in words, in the reader's language.
    pub message: String,
}

impl ReasonJson {
    fn list(reasons: &[Reason], lang: Lang) -> Vec<ReasonJson> {
        reasons.iter().map(|r| ReasonJson::of(r, lang)).collect()
    }

    fn of(r: &Reason, lang: Lang) -> ReasonJson {
        let (kind, input, expression) = match r {
            Reason::Missing { input } => (ReasonKind::Missing, Some(input.clone()), None),
            Reason::DivisionByZero { expression, .. } => {
                (ReasonKind::DivisionByZero, None, Some(expression.clone()))
            }
            Reason::Overflow { expression, .. } => {
                (ReasonKind::Overflow, None, Some(expression.clone()))
            }
            Reason::InvalidData => (ReasonKind::InvalidData, None, None),
        };
        ReasonJson {
            kind,
            input,
            expression,
            message: super::words::reason(lang, r),
        }
    }
}
