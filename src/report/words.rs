//! The small sentences every output makes from typed results, in the reader's language:
//! verdicts, values with their labels, shortfalls, what-if answers, reasons for unknowns.
//! Text, explanations, the council report and test reports all use these, so one fact reads
//! the same everywhere.

use crate::ast::BinOp;
use crate::check::Rules;
use crate::eval::explain::{ExprNode, Note, Reason, Shortfall, Shown, WhatIf};
use crate::eval::{CriterionResult, TargetResult, Verdict};
use crate::i18n::Lang;
use crate::num::Num;
use crate::tr;
use crate::value::{format_number, format_percent, format_percentage_points, Value};

/// `đạt` / `pass`, … for a criterion result.
pub fn criterion_result(lang: Lang, r: CriterionResult) -> String {
    match r {
        CriterionResult::Pass => tr!(lang, "verdict-pass"),
        CriterionResult::Fail => tr!(lang, "verdict-fail"),
        CriterionResult::Unknown => tr!(lang, "verdict-unknown"),
        CriterionResult::Na => tr!(lang, "verdict-na"),
    }
}

/// `đạt` / `met`, … for a target result.
pub fn target_result(lang: Lang, r: TargetResult) -> String {
    match r {
        TargetResult::Met => tr!(lang, "target-met"),
        TargetResult::NotMet => tr!(lang, "target-not-met"),
        TargetResult::Unknown => tr!(lang, "target-unknown"),
    }
}

/// A verdict for people: `Chuyển hóa đạt (dat)`; `chưa kết luận được: có thể dat hoặc
/// chua_dat`; `không áp dụng`; `số liệu không hợp lệ`.
pub fn verdict(lang: Lang, rules: &Rules, ai: usize, v: Verdict) -> String {
    let Some(a) = rules.assessments.get(ai) else {
        return String::new();
    };
    match v {
        Verdict::Outcome(o) => a
            .outcomes
            .get(o as usize)
            .map_or(String::new(), |o| format!("{} ({})", o.label, o.id)),
        Verdict::Unknown(p) => {
            let mut ids: Vec<String> = p
                .outcomes()
                .filter_map(|o| a.outcomes.get(o as usize))
                .map(|o| o.id.clone())
                .collect();
            if p.has_na() {
                ids.push(tr!(lang, "verdict-na"));
            }
            tr!(
                lang,
                "verdict-unknown-possible",
                possible = or_list(lang, &ids)
            )
        }
        Verdict::Na => tr!(lang, "verdict-na"),
        Verdict::Invalid => tr!(lang, "verdict-invalid"),
    }
}

/// A comparison as a symbol: `≥`, `<`, `≠` …
pub fn symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Ge => "≥",
        BinOp::Gt => ">",
        BinOp::Le => "≤",
        BinOp::Lt => "<",
        BinOp::Eq => "=",
        BinOp::Ne => "≠",
        _ => "?",
    }
}

/// The comparison that holds when `op` does not: `≥` ↔ `<`.
pub fn negate(op: BinOp) -> BinOp {
    match op {
        BinOp::Ge => BinOp::Lt,
        BinOp::Gt => BinOp::Le,
        BinOp::Le => BinOp::Gt,
        BinOp::Lt => BinOp::Ge,
        BinOp::Eq => BinOp::Ne,
        other => other,
    }
}

/// `a, b hoặc c` / `a, b or c`.
pub fn or_list(lang: Lang, items: &[String]) -> String {
    join_last(items, &tr!(lang, "word-or"))
}

/// `a, b và c` / `a, b and c`.
pub fn and_list(lang: Lang, items: &[String]) -> String {
    join_last(items, &tr!(lang, "word-and"))
}

fn join_last(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} {word} {last}", head.join(", ")),
    }
}

/// A number for people in `lang` (decimal comma in Vietnamese).
pub fn number(lang: Lang, n: Num) -> String {
    lang.number(&format_number(n))
}

/// A percent for people in `lang`: `91,67%`.
pub fn percent(lang: Lang, n: Num) -> String {
    lang.number(&format_percent(n))
}

/// Points for people: `40`, or `40–80` when not decided.
pub fn points(lang: Lang, (lo, hi): (Num, Num)) -> String {
    if lo == hi {
        number(lang, lo)
    } else {
        format!("{}–{}", number(lang, lo), number(lang, hi))
    }
}

/// A value for people in `lang`: numbers with the language's decimal mark, truth values and
/// unknowns in words.
pub fn shown(lang: Lang, s: &Shown) -> String {
    match s.value {
        Value::Bool(true) => tr!(lang, "value-true"),
        Value::Bool(false) => tr!(lang, "value-false"),
        Value::Unknown => tr!(lang, "value-unknown"),
        Value::Text(_) => tr!(lang, "value-text"),
        Value::Choice(_) => s.to_string(),
        _ => lang.number(&s.to_string()),
    }
}

/// The note under a value: `11 trên 12`, `12 so với 18`, `dùng giá trị thay thế`.
pub fn note(lang: Lang, n: &Note) -> String {
    match n {
        Note::Of(a, b) => tr!(
            lang,
            "note-of",
            part = shown(lang, a),
            whole = shown(lang, b)
        ),
        Note::Against(a, b) => tr!(
            lang,
            "note-against",
            new = shown(lang, a),
            old = shown(lang, b)
        ),
        Note::Fallback => tr!(lang, "note-fallback"),
        Note::Verdict {
            assessment,
            verdict,
            possible,
        } if possible.is_empty() => tr!(
            lang,
            "note-verdict",
            assessment = assessment.as_str(),
            verdict = verdict_word(lang, verdict)
        ),
        Note::Verdict {
            assessment,
            verdict,
            possible,
        } => tr!(
            lang,
            "note-verdict-possible",
            assessment = assessment.as_str(),
            verdict = verdict_word(lang, verdict),
            possible = or_list(
                lang,
                &possible
                    .iter()
                    .map(|p| verdict_word(lang, p))
                    .collect::<Vec<_>>()
            )
        ),
    }
}

/// A verdict word of the language (`unknown`, `na`, `invalid`) in words; outcome ids as they are.
pub fn verdict_word(lang: Lang, word: &str) -> String {
    match word {
        "unknown" => tr!(lang, "verdict-unknown"),
        "na" => tr!(lang, "verdict-na"),
        "invalid" => tr!(lang, "verdict-invalid"),
        id => id.to_string(),
    }
}

/// Why something is unknown, as a sentence.
pub fn reason(lang: Lang, r: &Reason) -> String {
    match r {
        Reason::Missing { input } => tr!(lang, "reason-missing", input = input.as_str()),
        Reason::DivisionByZero { expression, .. } => {
            tr!(
                lang,
                "reason-division-by-zero",
                expression = expression.as_str()
            )
        }
        Reason::Overflow { expression, .. } => {
            tr!(lang, "reason-overflow", expression = expression.as_str())
        }
        Reason::InvalidData => tr!(lang, "reason-invalid-data"),
    }
}

/// A value read by a criterion, with the label from the rules: `Số vụ — Năm 2024
/// (vu_pham_phap@ca_nam) = 12`; `Tỷ lệ khám phá (ty_le_kham_pha) = ≈91,67% (11 trên 12)`.
pub fn labelled_value(lang: Lang, n: &ExprNode) -> Option<String> {
    let value = shown(lang, n.value.as_ref()?);
    let name = compact(&n.text);
    let note = n
        .note
        .as_ref()
        .map_or(String::new(), |x| format!(" ({})", note(lang, x)));
    Some(match &n.label {
        Some(label) => format!("{label} ({name}) = {value}{note}"),
        None => format!("{name} = {value}{note}"),
    })
}

/// An expression's text on one line.
pub fn compact(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A comparison that does not hold: `75% < 80%: thiếu 5 điểm phần trăm`.
pub fn shortfall(lang: Lang, s: &Shortfall) -> String {
    let (v, t) = (shown(lang, &s.value), shown(lang, &s.threshold));
    let gap = match s.gap {
        Some(g) if s.percent => tr!(
            lang,
            "gap-percentage-points",
            gap = lang.number(&format_percentage_points(g))
        ),
        Some(g) => number(lang, g),
        None => tr!(lang, "gap-very-far"),
    };
    match s.op {
        BinOp::Ge => tr!(lang, "shortfall-below", value = v, threshold = t, gap = gap),
        BinOp::Gt => tr!(
            lang,
            "shortfall-not-above",
            value = v,
            threshold = t,
            gap = gap
        ),
        BinOp::Le => tr!(lang, "shortfall-above", value = v, threshold = t, gap = gap),
        BinOp::Lt => tr!(
            lang,
            "shortfall-not-below",
            value = v,
            threshold = t,
            gap = gap
        ),
        BinOp::Eq => tr!(
            lang,
            "shortfall-not-equal",
            value = v,
            threshold = t,
            gap = gap
        ),
        _ => format!("{v} {} {t}", s.op.as_str()),
    }
}

/// What would make a failed criterion pass: `cần thêm 1 vụ khám phá (vu_kham_pha@ca_nam: 10,
/// hiện nay 9)`.
pub fn what_if(lang: Lang, w: &WhatIf) -> String {
    let (to, now) = if w.percent {
        (percent(lang, w.to), percent(lang, w.now))
    } else {
        (number(lang, w.to), number(lang, w.now))
    };
    let change = w.change().unwrap_or(Num::ZERO);
    let by = if w.percent {
        tr!(
            lang,
            "gap-percentage-points",
            gap = lang.number(&format_percentage_points(change.abs()))
        )
    } else {
        number(lang, change.abs())
    };
    let what = counted_thing(&w.label);
    let input = w.input.as_str();
    match (change > Num::ZERO, what) {
        (true, Some(what)) if !w.percent => {
            tr!(
                lang,
                "whatif-more-of",
                by = by,
                what = what,
                input = input,
                to = to,
                now = now
            )
        }
        (false, Some(what)) if !w.percent => {
            tr!(
                lang,
                "whatif-fewer-of",
                by = by,
                what = what,
                input = input,
                to = to,
                now = now
            )
        }
        (true, _) => tr!(
            lang,
            "whatif-raise",
            input = input,
            by = by,
            to = to,
            now = now
        ),
        (false, _) => tr!(
            lang,
            "whatif-lower",
            input = input,
            by = by,
            to = to,
            now = now
        ),
    }
}

/// For a count labelled `Số vụ khám phá — Năm 2024`: what is counted, `vụ khám phá`.
fn counted_thing(label: &str) -> Option<String> {
    let label = label.split(" — ").next().unwrap_or(label);
    let rest = label
        .strip_prefix("Số ")
        .or_else(|| label.strip_prefix("số "))?;
    (!rest.is_empty()).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_counted_things() {
        let items = ["a".to_string(), "b".into(), "c".into()];
        assert_eq!(or_list(Lang::Vi, &items), "a, b hoặc c");
        assert_eq!(and_list(Lang::En, &items[..2]), "a and b");
        assert_eq!(
            counted_thing("Số vụ khám phá — Năm 2024").as_deref(),
            Some("vụ khám phá")
        );
        assert_eq!(counted_thing("Tỷ lệ hộ"), None);
    }

    #[test]
    fn a_what_if_reads_as_an_official_would_write_it() {
        let w = WhatIf {
            input: "vu_kham_pha@ca_nam".into(),
            label: "Số vụ được khám phá — Năm 2024".into(),
            to: Num::int(10),
            now: Num::int(9),
            percent: false,
        };
        assert_eq!(
            what_if(Lang::Vi, &w),
            "cần thêm 1 vụ được khám phá (vu_kham_pha@ca_nam = 10, hiện nay là 9)"
        );
        assert_eq!(
            what_if(Lang::En, &w),
            "vu_kham_pha@ca_nam = 10 (now 9: 1 more)"
        );
    }
}
