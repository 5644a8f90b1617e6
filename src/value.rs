//! Values of the language: exact decimals, three-valued booleans, dates, options and ranges.
//!
//! Numbers are `rust_decimal::Decimal` (96-bit mantissa, 28 significant digits): arithmetic is
//! exact decimal arithmetic, and division rounds only past the 28th significant digit, so
//! `ratio(2, 3) >= 66.66%` holds and 60% of 8 areas is exactly 4.8.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A value during evaluation. `Copy`, so evaluation allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// Not known: a missing input, a division by zero, or an operation on an unknown.
    Unknown,
    /// `true` / `false`.
    Bool(bool),
    /// A number (count, number or percent; `80%` is 0.8).
    Num(Decimal),
    /// A number known only to lie in `lo..=hi` (points, counts and shares over unknowns).
    Range(Decimal, Decimal),
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
    pub fn bounds(self) -> Option<(Decimal, Decimal)> {
        match self {
            Value::Num(n) => Some((n, n)),
            Value::Range(lo, hi) => Some((lo, hi)),
            _ => None,
        }
    }

    /// A number from bounds, collapsing an exact range to a plain number.
    pub fn from_bounds(lo: Decimal, hi: Decimal) -> Value {
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

/// Formats a number for people: integers without decimals, others trimmed of trailing zeros.
pub fn format_number(n: Decimal) -> String {
    n.normalize().to_string()
}

/// Formats a fraction as a percent: 0.75 → `75%`, 2/3 → `66.67%` (rounded to 2 places for display).
pub fn format_percent(n: Decimal) -> String {
    let p = (n * Decimal::ONE_HUNDRED).round_dp(2).normalize();
    format!("{p}%")
}
