//! Small wordings shared by the report's sections: verdicts, numbers, dates, params.

use super::model::VerdictKey;
use crate::check::{Param, Rules};
use crate::eval::{CriterionResult, TargetResult, Verdict};
use crate::i18n::Lang;
use crate::num::Num;
use crate::tr;
use crate::value::{format_number, format_percent};
use chrono::NaiveDate;

/// A number in the reader's notation (`91,67` in Vietnamese).
pub fn number(lang: Lang, n: Num) -> String {
    lang.number(&format_number(n))
}

/// A percent in the reader's notation (`62,5%`).
pub fn percent(lang: Lang, n: Num) -> String {
    lang.number(&format_percent(n))
}

/// A low–high range of numbers, or one number.
pub fn range(lang: Lang, (lo, hi): (Num, Num), show: fn(Lang, Num) -> String) -> String {
    if lo == hi {
        show(lang, lo)
    } else {
        format!("{}–{}", show(lang, lo), show(lang, hi))
    }
}

/// A count range `5–6`, or `5`.
pub fn count_range((lo, hi): (u64, u64)) -> String {
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}–{hi}")
    }
}

/// A date as the reader writes it: `23/01/2024` in Vietnamese, `2024-01-23` in English.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Vi => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

pub use crate::report::words::symbol;

/// A target's result.
pub fn target_result(lang: Lang, r: TargetResult) -> String {
    match r {
        TargetResult::Met => tr!(lang, "report-target-met"),
        TargetResult::NotMet => tr!(lang, "report-target-not-met"),
        TargetResult::Unknown => tr!(lang, "report-target-unknown"),
    }
}

/// A criterion's result.
pub fn criterion_result(lang: Lang, r: CriterionResult) -> String {
    match r {
        CriterionResult::Pass => tr!(lang, "report-criterion-pass"),
        CriterionResult::Fail => tr!(lang, "report-criterion-fail"),
        CriterionResult::Unknown => tr!(lang, "report-criterion-unknown"),
        CriterionResult::Na => tr!(lang, "report-criterion-na"),
    }
}

/// The style class of a criterion's result.
pub fn criterion_class(r: CriterionResult) -> &'static str {
    match r {
        CriterionResult::Pass => "pass",
        CriterionResult::Fail => "fail",
        CriterionResult::Unknown => "unknown",
        CriterionResult::Na => "na",
    }
}

/// The label of a verdict key: the outcome's label, or the state.
pub fn key_label(lang: Lang, rules: &Rules, ai: usize, k: VerdictKey) -> String {
    match k {
        VerdictKey::Outcome(o) => outcome_label(rules, ai, o),
        VerdictKey::Unknown => tr!(lang, "report-verdict-unknown"),
        VerdictKey::Invalid => tr!(lang, "report-verdict-invalid"),
        VerdictKey::Na => tr!(lang, "report-verdict-na"),
    }
}

fn outcome_label(rules: &Rules, ai: usize, o: u32) -> String {
    rules
        .assessments
        .get(ai)
        .and_then(|a| a.outcomes.get(o as usize))
        .map_or_else(String::new, |o| o.label.clone())
}

/// A verdict in full: the outcome's label, or "unknown (possible: …)".
pub fn verdict(lang: Lang, rules: &Rules, ai: usize, v: Verdict) -> String {
    match v {
        Verdict::Unknown(p) => {
            let mut list: Vec<String> = p.outcomes().map(|o| outcome_label(rules, ai, o)).collect();
            if p.has_na() {
                list.push(tr!(lang, "report-verdict-na"));
            }
            tr!(lang, "report-verdict-possible", possible = list.join(" / "))
        }
        other => key_label(lang, rules, ai, super::model::VerdictKey::of(other)),
    }
}

/// The style class of a verdict: the first outcome reads as passing, other outcomes as not.
pub fn verdict_class(k: VerdictKey) -> &'static str {
    match k {
        VerdictKey::Outcome(0) => "pass",
        VerdictKey::Outcome(_) => "fail",
        VerdictKey::Unknown => "unknown",
        VerdictKey::Invalid => "invalid",
        VerdictKey::Na => "na",
    }
}

/// A param's value as the reader writes numbers.
pub fn param_value(lang: Lang, p: &Param) -> String {
    lang.number(&crate::report::json::param_text(p))
}

/// The table rows of the provisional params `params`: id, label, value (and the declared value
/// when this run set another).
pub fn provisional_rows(lang: Lang, rules: &Rules, params: &[u32]) -> Vec<Vec<super::doc::Cell>> {
    use super::doc::Cell;
    params
        .iter()
        .filter_map(|&p| rules.params.get(p as usize))
        .map(|p| {
            let mut value = param_value(lang, p);
            if p.value != p.declared {
                let declared = Param {
                    value: p.declared,
                    ..p.clone()
                };
                value.push_str(&format!(
                    " ({})",
                    tr!(
                        lang,
                        "report-param-set",
                        declared = param_value(lang, &declared)
                    )
                ));
            }
            vec![
                Cell::new(p.id.clone()),
                Cell::new(p.label.clone()),
                Cell::with(value, "num"),
            ]
        })
        .collect()
}
