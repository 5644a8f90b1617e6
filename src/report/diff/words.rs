//! Words for the typed results that `diff`, `sweep` and `test --coverage` show: values, notes,
//! verdicts, criterion and target results, and the counts behind a target.

use crate::diff::targets::TargetTally;
use crate::diff::{Reading, ValueRead, VerdictId};
use crate::eval::explain::{Note, Shown};
use crate::eval::TargetResult;
use crate::i18n::{FluentValue, Lang};
use crate::report::words::{negate, symbol};
use crate::tr;
use crate::value::Value;

/// A value for people: numbers with the language's decimal mark, `unknown` and booleans in words.
pub fn shown(lang: Lang, s: &Shown) -> String {
    match s.value {
        Value::Unknown => tr!(lang, "diff-value-unknown"),
        Value::Bool(true) => tr!(lang, "diff-value-true"),
        Value::Bool(false) => tr!(lang, "diff-value-false"),
        Value::Text(_) => tr!(lang, "diff-value-text"),
        Value::Num(_) | Value::Range(..) => lang.number(&s.to_string()),
        Value::Date(_) | Value::Choice(_) => s.to_string(),
    }
}

/// What a value was computed from: `4 of 5`.
pub fn note(lang: Lang, n: &Note) -> String {
    crate::report::words::note(lang, n)
}

fn reading(lang: Lang, r: &Reading) -> String {
    match &r.note {
        Some(n) => format!("{} ({})", shown(lang, &r.value), note(lang, n)),
        None => shown(lang, &r.value),
    }
}

/// `name = value`, or `name = old → new` where the two rules read different values.
pub fn value_read(lang: Lang, v: &ValueRead) -> String {
    match &v.old {
        Some(old) => format!(
            "{} = {} → {}",
            v.name,
            reading(lang, old),
            reading(lang, &v.new)
        ),
        None => format!("{} = {}", v.name, reading(lang, &v.new)),
    }
}

pub use crate::report::words::{criterion_result, target_result};

/// A verdict: the outcome's id, or `unknown (possible: dat, chua_dat)`, `not applicable`.
pub fn verdict(lang: Lang, v: &VerdictId) -> String {
    match v {
        VerdictId::Outcome(id) => id.clone(),
        VerdictId::Unknown { possible, na } => {
            let word = tr!(lang, "verdict-unknown");
            let mut list = possible.clone();
            if *na {
                list.push(tr!(lang, "verdict-na"));
            }
            if list.is_empty() {
                return word;
            }
            tr!(
                lang,
                "diff-possible",
                verdict = word,
                possible = list.join(", ")
            )
        }
        VerdictId::Na => tr!(lang, "verdict-na"),
        VerdictId::Invalid => tr!(lang, "verdict-invalid"),
    }
}

/// A count for a message: a number (it chooses the plural form), or a range as text.
fn count_arg(lo: u64, hi: u64) -> FluentValue<'static> {
    if lo == hi {
        FluentValue::from(lo)
    } else {
        FluentValue::from(format!("{lo}–{hi}"))
    }
}

/// The counts behind a target: `5 of 8 areas, 62.5% ≥ 60%`.
pub fn tally(lang: Lang, t: &TargetTally) -> String {
    let parts: Vec<String> = t
        .counts
        .iter()
        .map(|c| {
            let count = count_arg(c.count.0, c.count.1);
            match &c.share {
                Some(share) => tr!(
                    lang,
                    "diff-tally-share",
                    count = count,
                    members = count_arg(c.members.0, c.members.1),
                    share = shown(lang, share)
                ),
                None => tr!(lang, "diff-tally-count", count = count),
            }
        })
        .collect();
    let mut text = parts.join("; ");
    if let Some(cmp) = &t.comparison {
        let value = shown(lang, &cmp.value);
        let op = symbol(cmp.op);
        text = match t.result {
            TargetResult::Unknown if t.no_areas => {
                tr!(
                    lang,
                    "diff-tally-no-areas",
                    tally = text,
                    op = op,
                    value = value
                )
            }
            TargetResult::Unknown => {
                tr!(
                    lang,
                    "diff-tally-missing",
                    tally = text,
                    op = op,
                    value = value
                )
            }
            TargetResult::NotMet => format!("{text} {} {value}", symbol(negate(cmp.op))),
            TargetResult::Met => format!("{text} {op} {value}"),
        };
    }
    if t.approximate > 0 {
        let max = crate::eval::targets::MAX_FILLINGS;
        text.push(' ');
        text.push_str(&tr!(
            lang,
            "diff-tally-approximate",
            count = t.approximate,
            max = max
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::BinOp;
    use crate::diff::targets::{Comparison, TallyCount};
    use crate::num::Num;

    /// A percent given in tenths: `percent(605)` is 60.5%.
    fn percent(tenths: i64) -> Shown {
        Shown {
            value: Value::Num(Num::ratio(tenths as i128, 1000).unwrap_or(Num::ZERO)),
            percent: true,
            choice: None,
        }
    }

    fn tally_of(result: TargetResult, no_areas: bool, approximate: usize) -> TargetTally {
        TargetTally {
            result,
            counts: vec![TallyCount {
                count: (1, 3),
                members: (4, 4),
                share: Some(Shown {
                    value: Value::Range(Num::int(0), Num::int(1)),
                    percent: true,
                    choice: None,
                }),
            }],
            comparison: Some(Comparison {
                op: BinOp::Ge,
                value: percent(605),
            }),
            no_areas,
            approximate,
        }
    }

    #[test]
    fn an_undecided_target_says_what_decides_it() {
        let t = tally_of(TargetResult::Unknown, false, 0);
        assert_eq!(
            tally(Lang::En, &t),
            "1–3 of 4 areas, 0%–100%; needs ≥ 60.5%: missing data decides"
        );
        assert_eq!(
            tally(Lang::Vi, &t),
            "1–3 trên 4 địa bàn, 0%–100%; yêu cầu ≥ 60,5%: kết quả phụ thuộc vào số liệu còn thiếu"
        );
        let t = tally_of(TargetResult::Unknown, true, 0);
        assert!(tally(Lang::En, &t).contains("no area is in its `among`"));
        assert!(tally(Lang::Vi, &t).contains("không có địa bàn nào thuộc phạm vi `among`"));
    }

    #[test]
    fn a_target_not_met_shows_the_comparison_that_failed_and_plurals_follow_the_count() {
        let t = tally_of(TargetResult::NotMet, false, 1);
        let en = tally(Lang::En, &t);
        assert!(
            en.starts_with("1–3 of 4 areas, 0%–100% < 60.5% (for 1 area with"),
            "{en}"
        );
        let t = tally_of(TargetResult::Met, false, 2);
        let en = tally(Lang::En, &t);
        assert!(
            en.contains("≥ 60.5% (for 2 areas with more than 64 ways"),
            "{en}"
        );
        let vi = tally(Lang::Vi, &t);
        assert!(vi.contains("(với 2 địa bàn có hơn 64 cách điền"), "{vi}");
    }

    #[test]
    fn verdicts_and_notes_in_words() {
        let unknown = VerdictId::Unknown {
            possible: vec!["dat".into()],
            na: true,
        };
        assert_eq!(
            verdict(Lang::En, &unknown),
            "unknown (possible: dat, not applicable)"
        );
        assert_eq!(
            verdict(Lang::Vi, &unknown),
            "chưa kết luận được (có thể là: dat, không áp dụng)"
        );
        assert_eq!(
            verdict(Lang::Vi, &VerdictId::Invalid),
            "số liệu không hợp lệ"
        );
        assert_eq!(verdict(Lang::En, &VerdictId::Outcome("dat".into())), "dat");
        let against = Note::Against(percent(900), percent(750));
        assert_eq!(note(Lang::En, &against), "90% against 75%");
        assert_eq!(note(Lang::Vi, &against), "90% so với 75%");
        let v = Note::Verdict {
            assessment: "chuyen_hoa".into(),
            verdict: "unknown".into(),
            possible: vec!["dat".into(), "na".into()],
        };
        assert_eq!(
            note(Lang::En, &v),
            "chuyen_hoa is unknown, possible: dat or not applicable"
        );
        assert_eq!(
            note(Lang::Vi, &v),
            "chuyen_hoa là chưa kết luận được, có thể: dat hoặc không áp dụng"
        );
        let unknown_value = Shown {
            value: Value::Unknown,
            percent: false,
            choice: None,
        };
        assert_eq!(shown(Lang::Vi, &unknown_value), "thiếu số liệu");
    }
}
