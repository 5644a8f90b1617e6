//! Results as tables for spreadsheets: one row per area and assessment, and one row per
//! target. Written as CSV ([`write_csv`]) or as an XLSX workbook (`report::xlsx`).
//!
//! Numbers stay exact: a value whose decimal terminates and reads back unchanged through a
//! spreadsheet's binary float (at most 15 significant digits) is a number cell; any other value
//! (`2/3`, a range of points still open) is text, `≈` marking a rounded decimal.

use super::Run;
use crate::eval::explain::verdict_word;
use crate::eval::{CriterionResult, Verdict};
use crate::num::Num;

/// One cell of a results table.
#[derive(Debug, Clone, PartialEq)]
pub enum TableCell {
    /// Text.
    Text(String),
    /// An exact number that a spreadsheet holds without change.
    Number(Num),
    /// An exact fraction shown as a percent (`0.875` → 87.5%).
    Percent(Num),
    /// Nothing.
    Empty,
}

impl TableCell {
    /// The cell as CSV text: numbers exact, percents with `%`, others as text.
    pub fn csv_text(&self) -> String {
        match self {
            TableCell::Text(t) => defused(t),
            TableCell::Number(n) => n.to_string(),
            TableCell::Percent(n) => format!("{}%", n.percent_text(38)),
            TableCell::Empty => String::new(),
        }
    }

    /// A number as a cell: a number when a spreadsheet holds it exactly, else `≈` text.
    pub fn number(n: Num, percent: bool) -> TableCell {
        if spreadsheet_exact(n) {
            return if percent {
                TableCell::Percent(n)
            } else {
                TableCell::Number(n)
            };
        }
        TableCell::Text(if percent {
            format!("≈{}%", n.percent_text(2))
        } else {
            format!("≈{}", n.decimal_text(4))
        })
    }
}

/// True when `n` terminates and its decimal reads back unchanged from a binary float.
pub fn spreadsheet_exact(n: Num) -> bool {
    let Some(text) = n.to_exact_decimal() else {
        return false;
    };
    text.parse::<f64>()
        .is_ok_and(|f| Num::parse(&format!("{f}")).is_ok_and(|back| back == n))
}

/// The column names of the areas table.
pub const AREA_COLUMNS: [&str; 10] = [
    "area",
    "name",
    "district",
    "assessment",
    "verdict",
    "verdict_id",
    "points",
    "max_points",
    "failed",
    "unknown",
];

/// The column names of the targets table.
pub const TARGET_COLUMNS: [&str; 7] = [
    "target", "label", "result", "counted", "of", "share", "summary",
];

/// One row per shown area and assessment (areas out of an assessment's scope included, with
/// the verdict `na`).
pub fn area_rows(run: &Run) -> Vec<Vec<TableCell>> {
    let prog = run.program;
    let mut rows = Vec::new();
    for i in run.shown() {
        let area = &run.data.areas[i];
        for (ai, a) in prog.rules.assessments.iter().enumerate() {
            let r = run.assessed.areas[i].assessments[ai];
            let has_points = a.criteria.iter().any(|c| c.points.is_some());
            let decided =
                has_points && matches!(r.verdict, Verdict::Outcome(_) | Verdict::Unknown(_));
            let labels = |want: CriterionResult| {
                let list: Vec<&str> = a
                    .criteria
                    .iter()
                    .enumerate()
                    .filter(|(ci, _)| run.assessed.areas[i].criterion(prog, ai, *ci) == want)
                    .map(|(_, c)| c.label.as_str())
                    .collect();
                TableCell::Text(list.join("; "))
            };
            rows.push(vec![
                TableCell::Text(area.id.clone()),
                TableCell::Text(area.name.clone()),
                TableCell::Text(area.district.clone()),
                TableCell::Text(a.label.clone()),
                TableCell::Text(verdict_label(run, ai, r.verdict)),
                TableCell::Text(verdict_word(prog, ai, r.verdict)),
                if decided {
                    range(r.points)
                } else {
                    TableCell::Empty
                },
                if decided {
                    range(r.max_points)
                } else {
                    TableCell::Empty
                },
                labels(CriterionResult::Fail),
                labels(CriterionResult::Unknown),
            ]);
        }
    }
    rows
}

fn range((lo, hi): (Num, Num)) -> TableCell {
    if lo == hi {
        TableCell::number(lo, false)
    } else {
        TableCell::Text(format!("{lo}–{hi}"))
    }
}

fn verdict_label(run: &Run, ai: usize, v: Verdict) -> String {
    let a = &run.program.rules.assessments[ai];
    match v {
        Verdict::Outcome(o) => a
            .outcomes
            .get(o as usize)
            .map_or(String::new(), |o| o.label.clone()),
        Verdict::Unknown(p) => {
            let mut labels: Vec<String> = p
                .outcomes()
                .filter_map(|o| a.outcomes.get(o as usize))
                .map(|o| o.label.clone())
                .collect();
            if p.has_na() {
                labels.push("na".into());
            }
            format!("unknown: {}", labels.join(" / "))
        }
        Verdict::Na => "na".into(),
        Verdict::Invalid => "invalid data".into(),
    }
}

/// One row per target: id, label, result, the areas counted and of how many, the share, and
/// the counts as the text report writes them.
pub fn target_rows(run: &Run) -> Vec<Vec<TableCell>> {
    let rules = &run.program.rules;
    let mut rows = Vec::new();
    for (ti, (t, o)) in rules.targets.iter().zip(&run.assessed.targets).enumerate() {
        let (counted, of, share) = match o.tallies.first() {
            Some((_, tally, _)) => {
                let (lo, hi) = tally.count();
                let members = tally.members();
                let share = match tally.share() {
                    Some((a, b)) if a == b => TableCell::number(a, true),
                    Some((a, b)) => {
                        TableCell::Text(format!("{}%–{}%", a.percent_text(2), b.percent_text(2)))
                    }
                    None => TableCell::Empty,
                };
                (
                    range((Num::from(lo), Num::from(hi))),
                    range((
                        Num::from(members),
                        Num::from(members + tally.maybe_members()),
                    )),
                    share,
                )
            }
            None => (TableCell::Empty, TableCell::Empty, TableCell::Empty),
        };
        rows.push(vec![
            TableCell::Text(t.id.clone()),
            TableCell::Text(t.label.clone()),
            TableCell::Text(o.result.as_str().to_string()),
            counted,
            of,
            share,
            TableCell::Text(super::text::target_summary(run, ti)),
        ]);
    }
    rows
}

/// Writes the areas table as CSV (header first) to `out`.
pub fn write_csv(run: &Run, out: impl std::io::Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(AREA_COLUMNS)?;
    for row in area_rows(run) {
        w.write_record(row.iter().map(TableCell::csv_text))?;
    }
    w.flush()?;
    Ok(())
}

/// A text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`, or starting with a
/// tab or carriage return) is written with a leading `'`, so an area's name cannot inject a
/// formula into the council's results.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_numbers_only() {
        assert_eq!(
            TableCell::number(Num::int(40), false),
            TableCell::Number(Num::int(40))
        );
        let two_thirds = Num::ratio(2, 3).expect("2/3");
        assert_eq!(
            TableCell::number(two_thirds, true),
            TableCell::Text("≈66.67%".into())
        );
        assert_eq!(
            TableCell::number(two_thirds, false),
            TableCell::Text("≈0.6667".into())
        );
        let long = Num::parse("0.12345678901234567").expect("number");
        assert!(!spreadsheet_exact(long));
        assert!(spreadsheet_exact(Num::parse("0.1").expect("0.1")));
        assert_eq!(
            TableCell::Percent(Num::parse("0.875").expect("n")).csv_text(),
            "87.5%"
        );
    }
}
