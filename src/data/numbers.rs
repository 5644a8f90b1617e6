//! Numbers written as people write them: a decimal point (`1234.5`) or, as spreadsheet programs
//! set to Vietnamese write them, a decimal comma with `.` digit grouping (`1.234,5`). A text whose
//! reading depends on which of the two was meant is a problem, never a guess.

use super::validate::{DataCode, ValueProblem};
use crate::i18n::Msg;
use crate::msg;

/// Which mark separates decimals, for `--decimal-comma` / `--decimal-point`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1234.5`
    Point,
    /// `1.234,5`
    Comma,
}

/// How the numbers of one file are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// A decimal point, as nobody said otherwise: `10.000` in a count and `1,234` are
    /// ambiguous (a grouping mark or a decimal mark?), so they are problems.
    Usual,
    /// A decimal point, as the user said (`--decimal-point`): `10.000` is ten.
    Point,
    /// A decimal comma and `.` digit grouping: `1.234,5`.
    Comma,
}

impl NumberStyle {
    /// The style a forced mark gives; `Usual` when none is forced.
    pub fn forced(mark: Option<DecimalMark>) -> NumberStyle {
        match mark {
            None => NumberStyle::Usual,
            Some(DecimalMark::Point) => NumberStyle::Point,
            Some(DecimalMark::Comma) => NumberStyle::Comma,
        }
    }
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1.234.567` with `mark` `.`: a first group of 1–3 digits not starting with 0, then groups of
/// exactly 3.
fn grouped(s: &str, mark: char) -> bool {
    let mut groups = s.split(mark);
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && digits(first)
        && first.len() <= 3
        && !first.starts_with('0')
        && rest.iter().all(|g| g.len() == 3 && digits(g))
}

fn sign(text: &str) -> (&str, &str) {
    match text.as_bytes().first() {
        Some(b'-') => ("-", &text[1..]),
        Some(b'+') => ("", &text[1..]),
        _ => ("", text),
    }
}

fn problem(message: Msg, help: Msg) -> ValueProblem {
    (DataCode::AmbiguousNumber, message, help)
}

/// The text as a number with a decimal point (what `Num::parse` reads), or the problem with
/// its reading. Texts that are no number at all are returned unchanged for the caller to
/// reject. `count` is true for a `count` input, where `10.000` is ambiguous.
pub fn normalize(text: &str, style: NumberStyle, count: bool) -> Result<String, ValueProblem> {
    let (minus, body) = sign(text);
    match style {
        NumberStyle::Comma => comma(text, minus, body),
        NumberStyle::Usual | NumberStyle::Point => {
            if body.contains(',') {
                return Err(with_comma(text, body));
            }
            if style == NumberStyle::Usual && grouped(body, '.') {
                let whole = body.replace('.', "");
                if body.matches('.').count() > 1 {
                    return Err(problem(
                        msg!("data-grouped-dots", value = text),
                        msg!("data-grouped-dots-help", whole = format!("{minus}{whole}")),
                    ));
                }
                if count {
                    let decimal = crate::num::Num::parse(body)
                        .map(|n| n.to_string())
                        .unwrap_or_else(|_| body.to_string());
                    let (whole, decimal) = (format!("{minus}{whole}"), format!("{minus}{decimal}"));
                    return Err(problem(
                        msg!(
                            "data-grouping-dot-or-decimal",
                            value = text,
                            whole = whole.as_str(),
                            decimal = decimal.as_str()
                        ),
                        msg!(
                            "data-grouping-dot-or-decimal-help",
                            whole = whole.as_str(),
                            decimal = decimal.as_str()
                        ),
                    ));
                }
            }
            Ok(text.to_string())
        }
    }
}

/// A comma in a number of a file with decimal points.
fn with_comma(text: &str, body: &str) -> ValueProblem {
    if grouped(body.split('.').next().unwrap_or(""), ',') {
        let whole = body.replace(',', "");
        let decimal = body.replacen(',', ".", 1);
        let help = if body.matches(',').count() == 1 && !body.contains('.') {
            msg!(
                "data-comma-which-help-two",
                whole = whole,
                decimal = decimal
            )
        } else {
            msg!("data-comma-which-help-one", whole = whole)
        };
        return problem(msg!("data-comma-which", value = text), help);
    }
    problem(
        msg!("data-decimal-comma", value = text),
        msg!(
            "data-decimal-comma-help-point",
            fix = text.replacen(',', ".", 1)
        ),
    )
}

/// A number of a file with decimal commas and `.` grouping.
fn comma(text: &str, minus: &str, body: &str) -> Result<String, ValueProblem> {
    let (int, frac) = body.split_once(',').unwrap_or((body, ""));
    if body.matches(',').count() > 1 || !(frac.is_empty() || digits(frac)) {
        // Not a number at all: the caller says so.
        return Ok(text.to_string());
    }
    let int = if int.contains('.') {
        if !grouped(int, '.') {
            return Err(problem(
                msg!("data-comma-file", value = text),
                msg!("data-comma-file-help", fix = text.replacen('.', ",", 1)),
            ));
        }
        int.replace('.', "")
    } else {
        int.to_string()
    };
    Ok(if body.contains(',') {
        format!("{minus}{int}.{frac}")
    } else {
        format!("{minus}{int}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(t: &str, s: NumberStyle, count: bool) -> String {
        normalize(t, s, count).unwrap_or_else(|p| p.1.to_string())
    }

    #[test]
    fn comma_style_reads_grouping_and_decimals() {
        assert_eq!(ok("1.234,5", NumberStyle::Comma, false), "1234.5");
        assert_eq!(ok("10.000", NumberStyle::Comma, true), "10000");
        assert_eq!(ok("-12,5", NumberStyle::Comma, false), "-12.5");
        assert_eq!(ok("87", NumberStyle::Comma, false), "87");
        assert!(normalize("1.23.4", NumberStyle::Comma, false).is_err());
        assert!(normalize("12.5", NumberStyle::Comma, false).is_err());
    }

    #[test]
    fn usual_style_refuses_what_it_would_guess() {
        assert!(normalize("10.000", NumberStyle::Usual, true).is_err());
        assert!(normalize("1.500", NumberStyle::Usual, true).is_err());
        assert_eq!(ok("10.000", NumberStyle::Usual, false), "10.000");
        assert_eq!(ok("10.000", NumberStyle::Point, true), "10.000");
        assert_eq!(ok("0.500", NumberStyle::Usual, true), "0.500");
        assert!(normalize("1,234", NumberStyle::Usual, false).is_err());
        assert!(normalize("12,5", NumberStyle::Point, false).is_err());
        assert!(normalize("1.234.567", NumberStyle::Usual, false).is_err());
    }
}
