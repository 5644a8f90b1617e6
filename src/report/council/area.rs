//! One area's section of the council report, from [`crate::eval::explain`]'s data: each
//! assessment's verdict and points, every criterion with the values it read (labels beside the
//! identifiers), how far a failed one is from passing, what would make it pass, and why an
//! unknown one is unknown.
//!

use super::doc::{Block, Cell};
use super::model::Report;
use super::words;
use crate::check::{InputType, Rules};
use crate::eval::explain::{
    AreaExplanation, AssessmentExplanation, CriterionExplanation, ExprNode, OutcomeState, Reason,
    Role, Shortfall, Shown, WhatIf,
};
use crate::eval::{CriterionResult, Verdict};
use crate::i18n::Lang;
use crate::tr;
use crate::value::Value;

/// The blocks of area `i`'s section.
pub fn blocks(r: &Report, i: usize, x: &AreaExplanation, lang: Lang) -> Vec<Block> {
    let Some(area) = r.outcome.data.areas.get(i) else {
        return vec![];
    };
    let title = if area.district.is_empty() {
        format!("{} ({})", area.name, area.id)
    } else {
        format!("{} ({}) — {}", area.name, area.id, area.district)
    };
    let mut out = vec![Block::Heading(3, title)];
    if x.invalid {
        out.push(Block::Para(tr!(lang, "report-area-invalid")));
        out.push(Block::List(
            x.problems.iter().map(|p| p.render(lang)).collect(),
        ));
        return out;
    }
    let mut not_applied = Vec::new();
    for (ai, a) in x.assessments.iter().enumerate() {
        let verdict = r
            .outcome
            .assessed
            .areas
            .get(i)
            .and_then(|res| res.assessments.get(ai));
        match verdict {
            Some(res) if res.verdict != Verdict::Na => {
                out.extend(assessment(r, ai, res, a, lang));
            }
            _ => not_applied.push(a.label.clone()),
        }
    }
    if !not_applied.is_empty() {
        out.push(Block::Remark(tr!(
            lang,
            "report-area-not-applied",
            assessments = not_applied.join("; ")
        )));
    }
    out
}

fn assessment(
    r: &Report,
    ai: usize,
    res: &crate::eval::AssessmentResult,
    a: &AssessmentExplanation,
    lang: Lang,
) -> Vec<Block> {
    let rules = r.rules();
    let verdict = words::verdict(lang, rules, ai, res.verdict);
    let mut out = vec![Block::Heading(4, format!("{}: {verdict}", a.label))];
    if a.criteria.iter().any(|c| c.points.is_some()) {
        out.push(Block::Para(tr!(
            lang,
            "report-area-points",
            points = words::range(lang, res.points, words::number),
            max = words::range(lang, res.max_points, words::number)
        )));
    }
    let reasons: Vec<String> = a.reasons.iter().map(|x| reason(rules, x, lang)).collect();
    if !reasons.is_empty() {
        out.push(Block::Para(tr!(lang, "report-area-unknown-because")));
        out.push(Block::List(reasons));
    }
    let rows = a
        .criteria
        .iter()
        .map(|c| criterion(rules, c, lang))
        .collect();
    out.push(Block::Table {
        head: vec![
            tr!(lang, "report-col-criterion"),
            tr!(lang, "report-col-result"),
            tr!(lang, "report-col-values"),
            tr!(lang, "report-col-remarks"),
        ],
        rows,
    });
    let outcomes: Vec<String> = a
        .outcomes
        .iter()
        .map(|o| {
            let state = match o.state {
                OutcomeState::Chosen => tr!(lang, "report-outcome-chosen"),
                OutcomeState::RuledOut => tr!(lang, "report-outcome-ruled-out"),
                OutcomeState::Possible => tr!(lang, "report-outcome-possible"),
                OutcomeState::NotReached => tr!(lang, "report-outcome-not-reached"),
            };
            format!("«{}»: {state}", o.label)
        })
        .collect();
    out.push(Block::Remark(tr!(
        lang,
        "report-area-outcomes",
        outcomes = outcomes.join("; ")
    )));
    out
}

fn criterion(rules: &Rules, c: &CriterionExplanation, lang: Lang) -> Vec<Cell> {
    let mut kind = Vec::new();
    if c.required {
        kind.push(tr!(lang, "report-required"));
    }
    if let Some(p) = c.points {
        kind.push(tr!(lang, "report-worth", points = words::number(lang, p)));
    }
    let content = if kind.is_empty() {
        format!("{}. {}", c.id, c.label)
    } else {
        format!("{}. {}\n({})", c.id, c.label, kind.join(", "))
    };
    let values = if c.result == CriterionResult::Na {
        String::new()
    } else {
        let mut seen = Vec::new();
        collect_values(&c.condition, &mut seen);
        seen.iter()
            .map(|n| value_line(rules, n, lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut remarks = Vec::new();
    if let Some(s) = &c.shortfall {
        remarks.push(gap(s, lang));
    }
    for w in &c.would_pass {
        remarks.push(what_if(w, lang));
    }
    remarks.extend(c.reasons.iter().map(|x| reason(rules, x, lang)));
    if c.result == CriterionResult::Na {
        if let Some(w) = &c.when {
            remarks.push(tr!(
                lang,
                "report-when-false",
                condition = w.text.to_string()
            ));
        }
    }
    vec![
        Cell::new(content),
        Cell::with(
            words::criterion_result(lang, c.result),
            words::criterion_class(c.result),
        ),
        Cell::new(values),
        Cell::new(remarks.join("\n")),
    ]
}

/// What a node of an explanation tree is, as far as the report shows values.
enum Kind {
    Input,
    Let,
    Param,
}

/// The kind of a node whose value the report lists.
fn kind(n: &ExprNode) -> Option<Kind> {
    match n.role {
        Role::Input => Some(Kind::Input),
        Role::Let => Some(Kind::Let),
        Role::Param => Some(Kind::Param),
        _ => None,
    }
}

/// The inputs, calculated values and params a tree reads, each once, in reading order.
fn collect_values<'a>(n: &'a ExprNode, out: &mut Vec<&'a ExprNode>) {
    if kind(n).is_some() && !out.iter().any(|o| o.text == n.text) {
        out.push(n);
    }
    if out.len() < 64 {
        for c in &n.children {
            collect_values(c, out);
        }
    }
}

/// `Số vụ phạm pháp hình sự về TTXH — Năm 2024 (vu_pham_phap@ca_nam) = 12`.
fn value_line(rules: &Rules, n: &ExprNode, lang: Lang) -> String {
    let id = n.text.to_string();
    let label = match kind(n) {
        Some(Kind::Input) => input_label(rules, &id),
        Some(Kind::Let) => rules
            .lets
            .iter()
            .find(|l| l.id == id)
            .and_then(|l| l.label.clone()),
        Some(Kind::Param) => rules
            .params
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.label.clone()),
        None => None,
    };
    let value = match &n.value {
        Some(v) if n.known => shown(rules, &id, v, lang),
        _ => tr!(lang, "report-value-missing"),
    };
    let note = n.note.as_deref().map_or(String::new(), |x| {
        format!(" ({})", crate::report::words::note(lang, x))
    });
    match label {
        Some(l) => format!("{l} ({id}) = {value}{note}"),
        None => format!("{id} = {value}{note}"),
    }
}

/// `Số vụ phạm pháp hình sự về TTXH — Năm 2024` for `vu_pham_phap@ca_nam`.
fn input_label(rules: &Rules, id: &str) -> Option<String> {
    let (input, period) = match id.split_once('@') {
        Some((i, p)) => (i, Some(p)),
        None => (id, None),
    };
    let input = rules.inputs.iter().find(|i| i.id == input)?;
    match period.and_then(|p| rules.periods.iter().find(|x| x.id == p)) {
        Some(p) => Some(format!("{} — {}", input.label, p.label)),
        None => Some(input.label.clone()),
    }
}

/// A value in the reader's words: `có`/`không` for yes/no, an option's label, numbers with the
/// reader's decimal mark.
fn shown(rules: &Rules, id: &str, v: &Shown, lang: Lang) -> String {
    match v.value {
        Value::Unknown => tr!(lang, "report-value-missing"),
        Value::Bool(true) => tr!(lang, "report-yes"),
        Value::Bool(false) => tr!(lang, "report-no"),
        Value::Choice(_) => {
            let name = v.choice.as_deref().unwrap_or_default();
            let input = id.split('@').next().unwrap_or(id);
            let label = rules
                .inputs
                .iter()
                .find(|i| i.id == input)
                .and_then(|i| match &i.ty {
                    InputType::Choice(opts) => opts
                        .iter()
                        .find(|(o, _)| o == name)
                        .and_then(|(_, l)| l.clone()),
                    _ => None,
                });
            match label {
                Some(l) => format!("{l} ({name})"),
                None => name.to_string(),
            }
        }
        _ => lang.number(&v.to_string()),
    }
}

fn reason(rules: &Rules, r: &Reason, lang: Lang) -> String {
    match r {
        Reason::Missing { input } => {
            let label = input_label(rules, input).unwrap_or_default();
            tr!(
                lang,
                "report-reason-missing",
                label = label,
                input = input.clone()
            )
        }
        Reason::DivisionByZero { expression, .. } => {
            tr!(
                lang,
                "report-reason-division",
                expression = expression.clone()
            )
        }
        Reason::Overflow { expression, .. } => {
            tr!(
                lang,
                "report-reason-overflow",
                expression = expression.clone()
            )
        }
        Reason::InvalidData => tr!(lang, "report-reason-invalid"),
    }
}

/// How far a failed comparison is from passing, in the reader's words.
fn gap(s: &Shortfall, lang: Lang) -> String {
    crate::report::words::shortfall(lang, s)
}

/// A change of one input that would make a criterion pass, in the reader's words:
/// `Điều kiện để đạt: Số vụ khám phá — Năm 2024 (v@n) là 10 (hiện nay là 9, cần thêm 1)`.
fn what_if(w: &WhatIf, lang: Lang) -> String {
    use crate::report::words::{number, percent};
    let show = |n| {
        if w.percent {
            percent(lang, n)
        } else {
            number(lang, n)
        }
    };
    let label = if w.label.is_empty() {
        w.input.clone()
    } else {
        format!("{} ({})", w.label, w.input)
    };
    let change = w.change().unwrap_or(crate::num::Num::ZERO);
    let by = if w.percent {
        tr!(
            lang,
            "report-gap-points",
            gap = lang.number(&crate::value::format_percentage_points(change.abs()))
        )
    } else {
        number(lang, change.abs())
    };
    let change = if change > crate::num::Num::ZERO {
        tr!(lang, "report-change-more", by = by)
    } else {
        tr!(lang, "report-change-fewer", by = by)
    };
    tr!(
        lang,
        "report-would-pass",
        input = label,
        value = show(w.to),
        now = show(w.now),
        change = change
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Num;

    #[test]
    fn what_ifs_are_worded_in_both_languages() {
        let w = WhatIf {
            input: "v@n".into(),
            label: "Số vụ khám phá — Năm 2024".into(),
            to: Num::int(10),
            now: Num::int(9),
            percent: false,
        };
        assert_eq!(
            what_if(&w, Lang::Vi),
            "Điều kiện để đạt: Số vụ khám phá — Năm 2024 (v@n) là 10 (hiện nay là 9, cần thêm 1)"
        );
        let p = WhatIf {
            percent: true,
            to: Num::ratio(9, 10).unwrap_or(Num::ZERO),
            now: Num::ratio(17, 20).unwrap_or(Num::ZERO),
            ..w
        };
        assert!(
            what_if(&p, Lang::En).contains("90%"),
            "{}",
            what_if(&p, Lang::En)
        );
        assert!(
            what_if(&p, Lang::En).contains("5 percentage points"),
            "{}",
            what_if(&p, Lang::En)
        );
    }
}
