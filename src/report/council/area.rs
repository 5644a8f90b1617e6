//! One area's section of the council report, from [`crate::eval::explain`]'s data: each
//! assessment's verdict and points, every criterion with the values it read (labels beside the
//! identifiers), how far a failed one is from passing, what would make it pass, and why an
//! unknown one is unknown.
//!
//! Everything that reads the explanation's shortfalls, what-if answers and node roles is in this
//! file (see [`gap`], [`what_if`], [`kind`]), so that it follows the explanation's types in one
//! place when they change.

use super::doc::{Block, Cell};
use super::model::Report;
use super::words;
use crate::check::{InputType, Rules};
use crate::eval::explain::{
    AreaExplanation, AssessmentExplanation, CriterionExplanation, ExprNode, Note, OutcomeState,
    Reason, Shown,
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
        out.push(Block::List(x.problems.clone()));
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
        remarks.push(what_if(rules, w, lang));
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
        "input" => Some(Kind::Input),
        "let" => Some(Kind::Let),
        "param" => Some(Kind::Param),
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
    let note = match n.note.as_deref() {
        Some(Note::Of(a, b)) => format!(
            " ({})",
            tr!(
                lang,
                "report-note-of",
                part = shown(rules, "", a, lang),
                whole = shown(rules, "", b, lang)
            )
        ),
        Some(Note::Against(a, b)) => format!(
            " ({})",
            tr!(
                lang,
                "report-note-against",
                now = shown(rules, "", a, lang),
                before = shown(rules, "", b, lang)
            )
        ),
        Some(Note::Fallback) => format!(" ({})", tr!(lang, "report-note-fallback")),
        _ => String::new(),
    };
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

/// A gap as the explainer states it: `5 percentage points`, `very far`, or a number.
fn gap_amount(text: &str, lang: Lang) -> String {
    if let Some(n) = text.strip_suffix(" percentage points") {
        tr!(lang, "report-gap-points", gap = lang.number(n))
    } else if text == "very far" {
        tr!(lang, "report-gap-far")
    } else {
        lang.number(text)
    }
}

/// How far a failed comparison is from passing, in the reader's words.
///
/// The explanation still hands the shortfall over as an English sentence
/// (`75% < 80%: 5 percentage points short`); this reads its parts back until it comes as a typed
/// value, and shows the sentence as it is when it does not have the expected shape.
fn gap(s: &str, lang: Lang) -> String {
    let Some((compared, rest)) = s.split_once(": ") else {
        return s.to_string();
    };
    let compared = lang.number(compared);
    let worded = if let Some(g) = rest.strip_suffix(" short") {
        let g = g.rsplit_once(", ").map_or(g, |(_, g)| g);
        tr!(lang, "report-gap-short", gap = gap_amount(g, lang))
    } else if let Some(g) = rest.strip_suffix(" over") {
        let g = g.rsplit_once(", ").map_or(g, |(_, g)| g);
        tr!(lang, "report-gap-over", gap = gap_amount(g, lang))
    } else if let Some(g) = rest.strip_prefix("off by ") {
        tr!(lang, "report-gap-off", gap = gap_amount(g, lang))
    } else {
        return s.to_string();
    };
    format!("{compared}: {worded}")
}

/// A change of one input that would make a criterion pass, in the reader's words.
///
/// Read back from the explanation's sentence (`vu_kham_pha@ca_nam = 10 (now 9: 1 more)`) until
/// it comes as a typed value; shown as it is when it does not have the expected shape.
fn what_if(rules: &Rules, s: &str, lang: Lang) -> String {
    let parsed = (|| {
        let (input, rest) = s.split_once(" = ")?;
        let (value, rest) = rest.strip_suffix(')')?.split_once(" (now ")?;
        let (now, change) = rest.split_once(": ")?;
        let (by, dir) = change.rsplit_once(' ')?;
        Some((input, value, now, by, dir == "more"))
    })();
    let Some((input, value, now, by, more)) = parsed else {
        return s.to_string();
    };
    let label = input_label(rules, input).map_or(input.to_string(), |l| format!("{l} ({input})"));
    let by = gap_amount(by, lang);
    let change = if more {
        tr!(lang, "report-change-more", by = by)
    } else {
        tr!(lang, "report-change-fewer", by = by)
    };
    tr!(
        lang,
        "report-would-pass",
        input = label,
        value = lang.number(value),
        now = lang.number(now),
        change = change
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_and_what_ifs_are_worded_in_both_languages() {
        assert_eq!(
            gap("75% < 80%: 5 percentage points short", Lang::Vi),
            "75% < 80%: thiếu 5 điểm phần trăm"
        );
        assert_eq!(
            gap("92.5% < 100%: 7.5 percentage points short", Lang::En),
            "92.5% < 100%: 7.5 percentage points short"
        );
        assert_eq!(
            gap("3 ≥ 2: needs less than 2, 1 over", Lang::Vi),
            "3 ≥ 2: vượt 1"
        );
        assert_eq!(gap("no shape", Lang::Vi), "no shape");
        let rules = crate::check_text(
            "r.tc",
            "ruleset r \"R\"\nperiod n \"Năm 2024\" from 2024-01-01 to 2024-12-31\n\
             input v \"Số vụ khám phá\": count per period\n",
        )
        .rules
        .expect("rules");
        assert_eq!(
            what_if(&rules, "v@n = 10 (now 9: 1 more)", Lang::Vi),
            "Điều kiện để đạt: Số vụ khám phá — Năm 2024 (v@n) là 10 (hiện nay là 9, cần thêm 1)"
        );
    }
}
