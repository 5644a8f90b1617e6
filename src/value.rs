//! Values of the language: exact decimals, three-valued booleans, dates, options and ranges.
//!
//! Numbers are exact rationals ([`Num`]): `ratio(2, 3) >= 66.66%` holds, `ratio(1, 3) * 3 == 1`
//! holds, and 60% of 8 areas is exactly 4.8. A result that does not fit is unknown (overflow),
//! never rounded.

pub use crate::num::Num;
use chrono::NaiveDate;

/// A value during evaluation. `Copy`, so evaluation allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// Not known: a missing input, a division by zero, or an operation on an unknown.
    Unknown,
    /// `true` / `false`.
    Bool(bool),
    /// A number (count, number or percent; `80%` is 0.8).
    Num(Num),
    /// A number known only to lie in `lo..=hi` (points, counts and shares over unknowns).
    Range(Num, Num),
    /// A date.
    Date(NaiveDate),
    /// A text, by its index in the area's or the program's text table.
    Text(u32),
    /// The option of a choice, by its index in the choice's list.
    Choice(u16),
}

impl Value {
    /// The value as a three-valued boolean (`None` = unknown).
    pub fn as_bool(self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// Lowest and highest possible number, if this is a number or a range.
    pub fn bounds(self) -> Option<(Num, Num)> {
        match self {
            Value::Num(n) => Some((n, n)),
            Value::Range(lo, hi) => Some((lo, hi)),
            _ => None,
        }
    }

    /// A number from bounds, collapsing an exact range to a plain number.
    pub fn from_bounds(lo: Num, hi: Num) -> Value {
        if lo == hi {
            Value::Num(lo)
        } else {
            Value::Range(lo, hi)
        }
    }

    /// True unless unknown.
    pub fn is_known(self) -> bool {
        !matches!(self, Value::Unknown)
    }
}

/// Decimal places shown for a number that has no exact decimal (at least; more for tiny ones).
const SHOWN_PLACES: usize = 4;

/// Formats a number for people: exact when its decimal terminates (`4.8`, `-12`,
/// `0.000001`), else rounded and marked `≈` (`≈0.6667`), with enough places to show a tiny value.
pub fn format_number(n: Num) -> String {
    match n.to_exact_decimal() {
        Some(exact) => exact,
        None => format!("≈{}", rounded(n, false)),
    }
}

/// Formats a fraction as a percent: 0.75 → `75%`, 2/3 → `≈66.67%` (marked when rounded).
/// Never overflows.
pub fn format_percent(n: Num) -> String {
    if n.exact_within(2 * crate::num::MAX_DIGITS, true) {
        format!("{}%", n.percent_text(2 * crate::num::MAX_DIGITS))
    } else {
        format!("≈{}%", rounded(n, true))
    }
}

/// A difference of two percents in percentage points: `5`, or `≈0.0033` when rounded (a
/// non-zero gap is never shown as 0).
pub fn format_percentage_points(n: Num) -> String {
    if n.exact_within(2 * crate::num::MAX_DIGITS, true) {
        n.percent_text(2 * crate::num::MAX_DIGITS)
    } else {
        format!("≈{}", rounded(n, true))
    }
}

/// `n` (as a percent when asked) rounded to 2 or [`SHOWN_PLACES`] places, or to more places when
/// that would show a non-zero value as 0.
fn rounded(n: Num, percent: bool) -> String {
    let text = |places| {
        if percent {
            n.percent_text(places)
        } else {
            n.decimal_text(places)
        }
    };
    let mut places = if percent { 2 } else { SHOWN_PLACES };
    while !n.is_zero() && matches!(text(places).as_str(), "0" | "-0") && places < 80 {
        places += 4;
    }
    text(places)
}
