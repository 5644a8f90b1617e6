//! The JSON output of `assess` (the stable contract of LANGUAGE.md, plus explanations), written
//! as a stream of typed records so that large data sets need no document tree in memory.

use super::Run;
use crate::check::Param;
use crate::eval::explain::{explain_area, reasons_only, verdict_word, AreaExplanation, Reason};
use crate::eval::{aggregate_value, CriterionResult, Verdict};
use crate::num::Num;
use crate::value::{format_number, format_percent, Value};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::{json, Value as J};

/// The whole result as one JSON value; with `explain`, each area carries its explanation.
pub fn assessment(run: &Run, explain: bool) -> J {
    serde_json::to_value(Document { run, explain }).unwrap_or(J::Null)
}

/// Writes the whole result as JSON to `out`, area by area; `pretty` indents it for people.
pub fn write_assessment(
    run: &Run,
    explain: bool,
    pretty: bool,
    out: impl std::io::Write,
) -> serde_json::Result<()> {
    let doc = Document { run, explain };
    if pretty {
        serde_json::to_writer_pretty(out, &doc)
    } else {
        serde_json::to_writer(out, &doc)
    }
}

struct Document<'a> {
    run: &'a Run<'a>,
    explain: bool,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rules = &self.run.program.rules;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(
            "engine",
            &json!({ "name": "tieuchi", "version": env!("CARGO_PKG_VERSION") }),
        )?;
        m.serialize_entry("ruleset", &json!({ "id": rules.id, "title": rules.title, "source": rules.source, "sha256": rules.sha256 }))?;
        let params: serde_json::Map<String, J> = rules
            .params
            .iter()
            .map(|p| (p.id.clone(), J::String(param_text(p))))
            .collect();
        m.serialize_entry("params", &params)?;
        m.serialize_entry(
            "areas",
            &Areas {
                run: self.run,
                explain: self.explain,
            },
        )?;
        m.serialize_entry("targets", &targets(self.run))?;
        let diags: Vec<_> = self
            .run
            .data
            .diagnostics
            .iter()
            .map(|d| crate::diag::to_json(d, &self.run.data.sources, self.run.lang))
            .collect();
        m.serialize_entry("data_diagnostics", &diags)?;
        m.end()
    }
}

fn targets(run: &Run) -> Vec<J> {
    let rules = &run.program.rules;
    rules
        .targets
        .iter()
        .zip(&run.assessed.targets)
        .map(|(t, o)| {
            let counts: Vec<J> = o
                .tallies
                .iter()
                .map(|(id, tally, _)| {
                    let share = run.program.is_share(*id);
                    let v = aggregate_value(share, tally);
                    json!({ "kind": if share { "share" } else { "count" }, "value": value_json(v), "tally": tally })
                })
                .collect();
            let undecided: Vec<&str> = o.undecided.iter().filter_map(|&i| run.data.areas.get(i)).map(|a| a.id.as_str()).collect();
            let approximate: Vec<&str> = o.approximate.iter().filter_map(|&i| run.data.areas.get(i)).map(|a| a.id.as_str()).collect();
            let mut reasons = Vec::new();
            if o.no_areas {
                reasons.push("no_areas");
            }
            if !approximate.is_empty() {
                reasons.push("approximate");
            }
            let mut out = json!({ "id": t.id, "label": t.label, "result": o.result.as_str(), "counts": counts, "undecided_areas": undecided, "approximate_areas": approximate, "reasons": reasons });
            let provisional: Vec<&str> = rules.provisional(&t.params).map(|p| p.id.as_str()).collect();
            if let (false, Some(m)) = (provisional.is_empty(), out.as_object_mut()) {
                m.insert("provisional".into(), json!(provisional));
            }
            out
        })
        .collect()
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
    json!({ "min": number_json(lo), "max": number_json(hi) })
}

fn value_json(v: Value) -> J {
    match v {
        Value::Num(n) => number_json(n),
        Value::Range(lo, hi) => range_json((lo, hi)),
        _ => J::Null,
    }
}

struct Areas<'a> {
    run: &'a Run<'a>,
    explain: bool,
}

impl Serialize for Areas<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let shown = self.run.shown();
        let mut seq = s.serialize_seq(Some(shown.len()))?;
        for i in shown {
            seq.serialize_element(&AreaOut::new(self.run, i, self.explain))?;
        }
        seq.end()
    }
}

/// One area of the output.
struct AreaOut<'a> {
    run: &'a Run<'a>,
    index: usize,
    explain: bool,
    explanation: Option<AreaExplanation>,
}

impl<'a> AreaOut<'a> {
    fn new(run: &'a Run<'a>, index: usize, explain: bool) -> Self {
        let (prog, area, r) = (
            run.program,
            &run.data.areas[index],
            &run.assessed.areas[index],
        );
        let unknowns = r.criteria.contains(&CriterionResult::Unknown)
            || r.assessments
                .iter()
                .any(|x| matches!(x.verdict, Verdict::Unknown(_)));
        let explanation = if explain {
            Some(explain_area(prog, area))
        } else {
            unknowns.then(|| reasons_only(prog, area))
        };
        AreaOut {
            run,
            index,
            explain,
            explanation,
        }
    }
}

impl Serialize for AreaOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let area = &self.run.data.areas[self.index];
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &area.id)?;
        m.serialize_entry("name", &area.name)?;
        m.serialize_entry("district", &area.district)?;
        m.serialize_entry("status", if area.invalid { "invalid" } else { "valid" })?;
        if area.invalid {
            let problems: Vec<String> = area
                .problems
                .iter()
                .map(|p| p.render(self.run.lang))
                .collect();
            m.serialize_entry("problems", &problems)?;
        }
        m.serialize_entry("assessments", &AssessmentsOut(self))?;
        m.end()
    }
}

struct AssessmentsOut<'a>(&'a AreaOut<'a>);

impl Serialize for AssessmentsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = s.serialize_map(Some(a.run.program.rules.assessments.len()))?;
        for (ai, asmt) in a.run.program.rules.assessments.iter().enumerate() {
            m.serialize_entry(&asmt.id, &AssessmentOut { area: a, ai })?;
        }
        m.end()
    }
}

struct AssessmentOut<'a> {
    area: &'a AreaOut<'a>,
    ai: usize,
}

impl Serialize for AssessmentOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (a, ai) = (self.area, self.ai);
        let prog = a.run.program;
        let asmt = &prog.rules.assessments[ai];
        let res = a.run.assessed.areas[a.index].assessments[ai];
        let ax = a.explanation.as_ref().map(|e| &e.assessments[ai]);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("verdict", &verdict_word(prog, ai, res.verdict))?;
        if let Verdict::Outcome(x) = res.verdict {
            m.serialize_entry("label", &asmt.outcomes[x as usize].label)?;
        }
        if matches!(res.verdict, Verdict::Outcome(_) | Verdict::Unknown(_)) {
            if res.points.0 == res.points.1 {
                m.serialize_entry("points", &number_json(res.points.0))?;
            } else {
                m.serialize_entry("points_range", &range_json(res.points))?;
            }
            if res.max_points.0 == res.max_points.1 {
                m.serialize_entry("max_points", &number_json(res.max_points.0))?;
            } else {
                m.serialize_entry("max_points_range", &range_json(res.max_points))?;
            }
        }
        if let Verdict::Unknown(p) = res.verdict {
            let mut possible: Vec<&str> = p
                .outcomes()
                .map(|x| asmt.outcomes[x as usize].id.as_str())
                .collect();
            if p.has_na() {
                possible.push("na");
            }
            m.serialize_entry("possible", &possible)?;
        }
        let rests_on = prog.rules.verdict_params(ai, &res.verdict);
        let provisional: Vec<&str> = prog
            .rules
            .provisional(rests_on)
            .map(|p| p.id.as_str())
            .collect();
        if !provisional.is_empty() {
            m.serialize_entry("provisional", &provisional)?;
        }
        if let Some(ax) = ax.filter(|ax| !ax.reasons.is_empty()) {
            m.serialize_entry("reasons", &Reasons(&ax.reasons, a.run.lang))?;
        }
        m.serialize_entry("criteria", &CriteriaOut(self))?;
        if let Some(ax) = ax.filter(|_| a.explain) {
            m.serialize_entry("outcomes", &ax.outcomes)?;
        }
        m.end()
    }
}

struct CriteriaOut<'a>(&'a AssessmentOut<'a>);

impl Serialize for CriteriaOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (a, ai) = (self.0.area, self.0.ai);
        let prog = a.run.program;
        let criteria = &prog.rules.assessments[ai].criteria;
        let ax = a.explanation.as_ref().map(|e| &e.assessments[ai]);
        let mut seq = s.serialize_seq(Some(criteria.len()))?;
        for (ci, c) in criteria.iter().enumerate() {
            let cx = ax.map(|ax| &ax.criteria[ci]);
            seq.serialize_element(&CriterionOut {
                id: &c.id,
                result: a.run.assessed.areas[a.index]
                    .criterion(prog, ai, ci)
                    .as_str(),
                reasons: cx
                    .filter(|cx| !cx.reasons.is_empty())
                    .map(|cx| Reasons(&cx.reasons, a.run.lang)),
                explanation: cx.filter(|_| a.explain),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct CriterionOut<'a> {
    id: &'a str,
    result: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasons: Option<Reasons<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a crate::eval::explain::CriterionExplanation>,
}

/// Reasons with a readable message beside each, in the run's language.
struct Reasons<'a>(&'a [Reason], crate::i18n::Lang);

impl Serialize for Reasons<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            let mut v = serde_json::to_value(r).unwrap_or(J::Null);
            v["message"] = J::String(super::words::reason(self.1, r));
            seq.serialize_element(&v)?;
        }
        seq.end()
    }
}
