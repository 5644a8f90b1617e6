//! Operations on values: three-valued logic and interval arithmetic over exact decimals.
//! A result is decided only when every way of filling in the unknowns gives the same answer.

use crate::ast::BinOp;
use crate::num::Num;
use crate::value::Value;

/// Three-valued `not`.
pub fn not(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::Bool(!b),
        _ => Value::Unknown,
    }
}

/// Three-valued `and`: false wins over unknown.
pub fn and(l: Value, r: Value) -> Value {
    match (l.as_bool(), r.as_bool()) {
        (Some(false), _) | (_, Some(false)) => Value::Bool(false),
        (Some(true), Some(true)) => Value::Bool(true),
        _ => Value::Unknown,
    }
}

/// Three-valued `or`: true wins over unknown.
pub fn or(l: Value, r: Value) -> Value {
    match (l.as_bool(), r.as_bool()) {
        (Some(true), _) | (_, Some(true)) => Value::Bool(true),
        (Some(false), Some(false)) => Value::Bool(false),
        _ => Value::Unknown,
    }
}

/// `+ - * /` over numbers and ranges. Division by zero (possible zero for a range) and
/// overflow give unknown.
pub fn arith(op: BinOp, l: Value, r: Value) -> Value {
    if let (Value::Num(a), Value::Num(b)) = (l, r) {
        return num_op(op, a, b).map_or(Value::Unknown, Value::Num);
    }
    let (Some((a0, a1)), Some((b0, b1))) = (l.bounds(), r.bounds()) else {
        return Value::Unknown;
    };
    let bounds = match op {
        BinOp::Add => a0.checked_add(b0).zip(a1.checked_add(b1)),
        BinOp::Sub => a0.checked_sub(b1).zip(a1.checked_sub(b0)),
        BinOp::Mul | BinOp::Div => {
            if op == BinOp::Div && b0 <= Num::ZERO && b1 >= Num::ZERO {
                return Value::Unknown;
            }
            let corners = [(a0, b0), (a0, b1), (a1, b0), (a1, b1)].map(|(x, y)| num_op(op, x, y));
            span_of(&corners)
        }
        _ => None,
    };
    bounds.map_or(Value::Unknown, |(lo, hi)| Value::from_bounds(lo, hi))
}

fn span_of(values: &[Option<Num>]) -> Option<(Num, Num)> {
    let mut it = values.iter();
    let first = (*it.next()?)?;
    it.try_fold((first, first), |(lo, hi), v| {
        v.map(|v| (lo.min(v), hi.max(v)))
    })
}

fn num_op(op: BinOp, a: Num, b: Num) -> Option<Num> {
    match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::Div => a.checked_div(b),
        _ => None,
    }
}

/// Unary minus.
pub fn neg(v: Value) -> Value {
    match v {
        Value::Num(n) => Value::Num(-n),
        Value::Range(lo, hi) => Value::Range(-hi, -lo),
        _ => Value::Unknown,
    }
}

/// `== != < <= > >=`. Numbers may be ranges: decided when both ends agree.
pub fn compare(op: BinOp, l: Value, r: Value) -> Value {
    if let (Some((a0, a1)), Some((b0, b1))) = (l.bounds(), r.bounds()) {
        return compare_bounds(op, (a0, a1), (b0, b1));
    }
    let ord = match (l, r) {
        (Value::Unknown, _) | (_, Value::Unknown) => return Value::Unknown,
        (Value::Date(a), Value::Date(b)) => a.cmp(&b),
        _ => {
            let eq = l == r;
            return match op {
                BinOp::Eq => Value::Bool(eq),
                BinOp::Ne => Value::Bool(!eq),
                _ => Value::Unknown,
            };
        }
    };
    Value::Bool(op_holds(op, ord))
}

fn op_holds(op: BinOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        BinOp::Eq => ord == Equal,
        BinOp::Ne => ord != Equal,
        BinOp::Lt => ord == Less,
        BinOp::Le => ord != Greater,
        BinOp::Gt => ord == Greater,
        BinOp::Ge => ord != Less,
        _ => false,
    }
}

fn compare_bounds(op: BinOp, (a0, a1): (Num, Num), (b0, b1): (Num, Num)) -> Value {
    if a0 == a1 && b0 == b1 {
        return Value::Bool(op_holds(op, a0.cmp(&b0)));
    }
    // The answer for the most and least favourable fillings.
    let (always, never) = match op {
        BinOp::Lt => (a1 < b0, a0 >= b1),
        BinOp::Le => (a1 <= b0, a0 > b1),
        BinOp::Gt => (a0 > b1, a1 <= b0),
        BinOp::Ge => (a0 >= b1, a1 < b0),
        BinOp::Eq => (false, a1 < b0 || b1 < a0),
        BinOp::Ne => (a1 < b0 || b1 < a0, false),
        _ => (false, false),
    };
    if always {
        Value::Bool(true)
    } else if never {
        Value::Bool(false)
    } else {
        Value::Unknown
    }
}

/// The comparison with its sides exchanged by multiplying both by a negative number.
pub fn flip(op: BinOp) -> BinOp {
    match op {
        BinOp::Lt => BinOp::Gt,
        BinOp::Le => BinOp::Ge,
        BinOp::Gt => BinOp::Lt,
        BinOp::Ge => BinOp::Le,
        other => other,
    }
}

/// `ratio(a, b) OP k` (`change(a, b) OP k` when `change`) for known numbers, without dividing:
/// `a OP k·b` (`a − b OP k·b`), turned round when b < 0 — exact even where a / b has no finite
/// decimal. Unknown when b is zero, like the division, or when a product does not fit. Small
/// integers take the fast path of [`crate::num`]; the result is the one of [`ratio_compare_exact`].
pub fn ratio_compare(op: BinOp, change: bool, a: Num, b: Num, k: Num) -> Value {
    if b.is_zero() {
        return Value::Unknown;
    }
    match crate::num::ratio_order(change, a, b, k) {
        Some(ord) => Value::Bool(op_holds(op, ord)),
        None => ratio_compare_exact(op, change, a, b, k),
    }
}

/// [`ratio_compare`] through the general path of exact rationals only (the fast path's reference).
pub fn ratio_compare_exact(op: BinOp, change: bool, a: Num, b: Num, k: Num) -> Value {
    if b.is_zero() {
        return Value::Unknown;
    }
    let lhs = if change { a.checked_sub(b) } else { Some(a) };
    let (Some(lhs), Some(rhs)) = (lhs, k.checked_mul(b)) else {
        return Value::Unknown;
    };
    let op = if b.is_negative() { flip(op) } else { op };
    compare(op, Value::Num(lhs), Value::Num(rhs))
}

/// `ratio(a, b)` = a / b; unknown when b is (or may be) zero.
pub fn ratio(a: Value, b: Value) -> Value {
    arith(BinOp::Div, a, b)
}

/// `change(new, old)` = (new − old) / old; unknown when old is (or may be) zero.
pub fn change(new: Value, old: Value) -> Value {
    if let (Value::Num(n), Value::Num(o)) = (new, old) {
        return n
            .checked_sub(o)
            .and_then(|d| d.checked_div(o))
            .map_or(Value::Unknown, Value::Num);
    }
    let (Some(_), Some((o0, o1))) = (new.bounds(), old.bounds()) else {
        return Value::Unknown;
    };
    if o0 <= Num::ZERO && o1 >= Num::ZERO {
        return Value::Unknown;
    }
    // (new - old) / old = new/old - 1
    arith(
        BinOp::Sub,
        arith(BinOp::Div, new, old),
        Value::Num(Num::ONE),
    )
}

/// `min(…)` / `max(…)`: unknown when any argument is unknown.
pub fn min_max(want_max: bool, args: &[Value]) -> Value {
    let mut acc: Option<(Num, Num)> = None;
    for v in args {
        let Some((lo, hi)) = v.bounds() else {
            return Value::Unknown;
        };
        acc = Some(match acc {
            None => (lo, hi),
            Some((a, b)) if want_max => (a.max(lo), b.max(hi)),
            Some((a, b)) => (a.min(lo), b.min(hi)),
        });
    }
    acc.map_or(Value::Unknown, |(lo, hi)| Value::from_bounds(lo, hi))
}

/// `abs(x)`.
pub fn abs(v: Value) -> Value {
    match v {
        Value::Num(n) => Value::Num(n.abs()),
        Value::Range(lo, hi) if lo >= Num::ZERO => Value::Range(lo, hi),
        Value::Range(lo, hi) if hi <= Num::ZERO => Value::Range(-hi, -lo),
        Value::Range(lo, hi) => Value::Range(Num::ZERO, (-lo).max(hi)),
        _ => Value::Unknown,
    }
}

/// `at_least(k, …)` from the number of true and unknown conditions.
pub fn at_least(k: Value, trues: usize, unknowns: usize) -> Value {
    let Value::Num(k) = k else {
        return Value::Unknown;
    };
    if Num::from(trues) >= k {
        Value::Bool(true)
    } else if Num::from(trues + unknowns) < k {
        Value::Bool(false)
    } else {
        Value::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Num {
        Num::from_str(s).unwrap()
    }

    #[test]
    fn three_valued_logic() {
        let (t, f, u) = (Value::Bool(true), Value::Bool(false), Value::Unknown);
        assert_eq!(and(f, u), f);
        assert_eq!(and(u, f), f);
        assert_eq!(and(t, u), u);
        assert_eq!(or(t, u), t);
        assert_eq!(or(u, t), t);
        assert_eq!(or(f, u), u);
        assert_eq!(not(u), u);
    }

    #[test]
    fn ratio_is_exact_and_division_by_zero_is_unknown() {
        let r = ratio(Value::Num(d("2")), Value::Num(d("3")));
        assert_eq!(
            compare(BinOp::Ge, r, Value::Num(d("0.6666"))),
            Value::Bool(true)
        );
        assert_eq!(
            ratio(Value::Num(d("1")), Value::Num(Num::ZERO)),
            Value::Unknown
        );
        assert_eq!(
            change(Value::Num(d("9")), Value::Num(d("12"))),
            Value::Num(d("-0.25"))
        );
        assert_eq!(
            change(Value::Num(d("1")), Value::Num(Num::ZERO)),
            Value::Unknown
        );
        assert_eq!(
            arith(BinOp::Mul, Value::Num(d("0.6")), Value::Num(d("8"))),
            Value::Num(d("4.8"))
        );
    }

    #[test]
    fn equality_at_a_threshold_holds() {
        let r = ratio(Value::Num(d("8")), Value::Num(d("10")));
        assert_eq!(
            compare(BinOp::Ge, r, Value::Num(d("0.8"))),
            Value::Bool(true)
        );
        assert_eq!(
            compare(BinOp::Gt, r, Value::Num(d("0.8"))),
            Value::Bool(false)
        );
    }

    #[test]
    fn ranges_decide_only_when_both_ends_agree() {
        let points = Value::Range(d("80"), d("100"));
        assert_eq!(
            compare(BinOp::Ge, points, Value::Num(d("60"))),
            Value::Bool(true)
        );
        assert_eq!(
            compare(BinOp::Ge, points, Value::Num(d("90"))),
            Value::Unknown
        );
        assert_eq!(
            compare(BinOp::Lt, points, Value::Num(d("80"))),
            Value::Bool(false)
        );
        assert_eq!(
            arith(
                BinOp::Div,
                Value::Num(d("1")),
                Value::Range(d("-1"), d("1"))
            ),
            Value::Unknown
        );
    }

    #[test]
    fn at_least_counts_unknowns_as_possible() {
        let k = Value::Num(d("3"));
        assert_eq!(at_least(k, 3, 0), Value::Bool(true));
        assert_eq!(at_least(k, 2, 1), Value::Unknown);
        assert_eq!(at_least(k, 1, 1), Value::Bool(false));
    }
}
