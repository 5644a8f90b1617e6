//! The JSON output of `assess` (the stable contract of LANGUAGE.md, plus explanations).

use super::Run;
use crate::eval::explain::{explain_area, points_text, verdict_word, Reason};
use crate::eval::{aggregate_value, CriterionResult, Verdict};
use crate::value::format_number;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value as J};

/// The whole result as one JSON document; with `explain`, each area carries its explanation.
pub fn assessment(run: &Run, explain: bool) -> J {
    let rules = &run.program.rules;
    let params: Map<String, J> = rules
        .params
        .iter()
        .map(|p| (p.id.clone(), J::String(param_text(run, p))))
        .collect();
    let areas: Vec<J> = run
        .shown()
        .into_iter()
        .map(|i| area(run, i, explain))
        .collect();
    let targets: Vec<J> = rules.targets.iter().zip(&run.assessed.targets).map(|(t, o)| {
        let counts: Vec<J> = o.tallies.iter().map(|(id, tally, _)| {
            let share = run.program.aggregates.iter().any(|(_, e)| e.id == *id && matches!(e.kind, crate::check::CKind::Aggregate { share: true, .. }));
            let v = aggregate_value(share, tally);
            json!({ "kind": if share { "share" } else { "count" }, "value": value_json(v), "tally": tally })
        }).collect();
        json!({ "id": t.id, "label": t.label, "result": o.result.as_str(), "counts": counts })
    }).collect();
    let diagnostics: Vec<J> = run
        .data
        .diagnostics
        .iter()
        .map(|d| {
            serde_json::to_value(crate::diag::to_json(d, &run.data.sources)).unwrap_or(J::Null)
        })
        .collect();
    json!({
        "engine": { "name": "tieuchi", "version": env!("CARGO_PKG_VERSION") },
        "ruleset": { "id": rules.id, "title": rules.title, "source": rules.source, "sha256": rules.sha256 },
        "params": params,
        "areas": areas,
        "targets": targets,
        "data_diagnostics": diagnostics,
    })
}

fn param_text(_run: &Run, p: &crate::check::Param) -> String {
    match p.value {
        crate::value::Value::Num(n) if p.written.contains('%') => crate::value::format_percent(n),
        crate::value::Value::Num(n) => format_number(n),
        crate::value::Value::Bool(b) => b.to_string(),
        crate::value::Value::Date(d) => d.to_string(),
        _ => p.written.trim_matches('"').to_string(),
    }
}

/// A number as a JSON number when exact in JSON, else as a string.
pub fn number_json(n: Decimal) -> J {
    let n = n.normalize();
    if n.fract().is_zero() {
        if let Ok(i) = i64::try_from(n) {
            return J::from(i);
        }
    }
    serde_json::Number::from_f64(n.to_string().parse::<f64>().unwrap_or(f64::NAN))
        .map_or(J::String(n.to_string()), J::Number)
}

fn value_json(v: crate::value::Value) -> J {
    match v {
        crate::value::Value::Num(n) => number_json(n),
        crate::value::Value::Range(lo, hi) => {
            json!({ "min": number_json(lo), "max": number_json(hi) })
        }
        _ => J::Null,
    }
}

fn area(run: &Run, i: usize, explain: bool) -> J {
    let prog = run.program;
    let a = &run.data.areas[i];
    let r = &run.assessed.areas[i];
    let needs_reasons = r.criteria.contains(&CriterionResult::Unknown)
        || r.assessments
            .iter()
            .any(|x| matches!(x.verdict, Verdict::Unknown(_)));
    let ex = (explain || needs_reasons).then(|| explain_area(prog, a));
    let mut assessments = Map::new();
    for (ai, asmt) in prog.rules.assessments.iter().enumerate() {
        let res = r.assessments[ai];
        let mut o = Map::new();
        o.insert(
            "verdict".into(),
            J::String(verdict_word(prog, ai, res.verdict)),
        );
        if let Verdict::Outcome(x) = res.verdict {
            o.insert(
                "label".into(),
                J::String(asmt.outcomes[x as usize].label.clone()),
            );
        }
        if matches!(res.verdict, Verdict::Outcome(_) | Verdict::Unknown(_)) {
            if res.points.0 == res.points.1 {
                o.insert("points".into(), number_json(res.points.0));
            } else {
                o.insert("points_range".into(), J::String(points_text(res.points)));
            }
            o.insert("max_points".into(), J::String(points_text(res.max_points)));
        }
        if let Verdict::Unknown(p) = res.verdict {
            let mut possible: Vec<J> = p
                .outcomes()
                .map(|x| J::String(asmt.outcomes[x as usize].id.clone()))
                .collect();
            if p.has_na() {
                possible.push(J::String("na".into()));
            }
            o.insert("possible".into(), J::Array(possible));
        }
        let ax = ex.as_ref().map(|e| &e.assessments[ai]);
        if let Some(ax) = ax.filter(|ax| !ax.reasons.is_empty()) {
            o.insert("reasons".into(), reasons_json(&ax.reasons));
        }
        let criteria: Vec<J> = asmt
            .criteria
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let result = r.criterion(prog, ai, ci);
                let mut cj = json!({ "id": c.id, "result": result.as_str() });
                if let Some(cx) = ax.map(|ax| &ax.criteria[ci]) {
                    if !cx.reasons.is_empty() {
                        cj["reasons"] = reasons_json(&cx.reasons);
                    }
                    if explain {
                        cj["explanation"] = serde_json::to_value(cx).unwrap_or(J::Null);
                    }
                }
                cj
            })
            .collect();
        o.insert("criteria".into(), J::Array(criteria));
        if explain {
            if let Some(ax) = ax {
                o.insert(
                    "outcomes".into(),
                    serde_json::to_value(&ax.outcomes).unwrap_or(J::Null),
                );
            }
        }
        assessments.insert(asmt.id.clone(), J::Object(o));
    }
    json!({ "id": a.id, "name": a.name, "district": a.district, "status": if a.invalid { "invalid" } else { "valid" }, "assessments": assessments })
}

fn reasons_json(reasons: &[Reason]) -> J {
    J::Array(
        reasons
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(r).unwrap_or(J::Null);
                v["message"] = J::String(r.to_string());
                v
            })
            .collect(),
    )
}
