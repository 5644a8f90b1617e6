//! The exact integer fast path against the general path of exact rationals, on random values:
//! comparisons, sums and differences, and `ratio`/`change` compared with a percent, including
//! the edges of the fast path's range (2⁶², `i64::MAX`, beyond), many decimal places, negative
//! numbers and zero divisors. Both must give exactly the same result.

use proptest::prelude::*;
use tieuchi::ast::BinOp;
use tieuchi::eval::ops;
use tieuchi::num::{reference, Num};
use tieuchi::value::Value;

/// A numerator or denominator: small values, and values at and beyond the fast path's bound.
fn part() -> impl Strategy<Value = i128> {
    let edge = |base: i128| (-3i128..=3).prop_map(move |d| base + d);
    prop_oneof![
        4 => -1000i128..=1000,
        2 => any::<i64>().prop_map(i128::from),
        1 => edge(1 << 62),
        1 => edge(-(1 << 62)),
        1 => edge(i64::MAX as i128),
        1 => edge(i64::MIN as i128 + 3),
        1 => edge(1 << 100),
        1 => i128::MIN + 1..=i128::MAX,
    ]
}

/// A denominator: powers of ten (decimals with up to 30 places), small ones, edges.
fn denominator() -> impl Strategy<Value = i128> {
    prop_oneof![
        3 => (0u32..=30).prop_map(|p| 10i128.pow(p)),
        2 => 1i128..=1000,
        1 => part().prop_map(|d| d.abs().max(1)),
    ]
}

/// Any number the engine may hold.
fn num() -> impl Strategy<Value = Num> {
    (part(), denominator()).prop_filter_map("fits", |(n, d)| Num::ratio(n, d))
}

/// An integer (a count), at times zero, at times at the edges.
fn integer() -> impl Strategy<Value = Num> {
    prop_oneof![
        1 => Just(Num::ZERO),
        5 => part().prop_filter_map("fits", |n| Num::ratio(n, 1)),
    ]
}

/// A threshold as written in rules: a percent or decimal with few places, or any number.
fn threshold() -> impl Strategy<Value = Num> {
    prop_oneof![
        3 => (-100_000i128..=100_000, 0u32..=6).prop_filter_map("fits", |(n, p)| Num::ratio(n, 10i128.pow(p))),
        1 => num(),
    ]
}

const OPS: [BinOp; 6] = [
    BinOp::Eq,
    BinOp::Ne,
    BinOp::Lt,
    BinOp::Le,
    BinOp::Gt,
    BinOp::Ge,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn comparisons_agree(a in num(), b in num()) {
        prop_assert_eq!(a.cmp(&b), reference::cmp(a, b));
        prop_assert_eq!(b.cmp(&a), reference::cmp(b, a));
    }

    #[test]
    fn sums_and_differences_agree(a in num(), b in num()) {
        prop_assert_eq!(a.checked_add(b), reference::add(a, b));
        prop_assert_eq!(a.checked_sub(b), reference::sub(a, b));
    }

    #[test]
    fn ratio_and_change_against_a_threshold_agree(
        a in integer(),
        b in integer(),
        k in threshold(),
        op in 0usize..6,
        change in any::<bool>(),
    ) {
        let op = OPS[op];
        let fast = ops::ratio_compare(op, change, a, b, k);
        prop_assert_eq!(fast, ops::ratio_compare_exact(op, change, a, b, k));
        // Where the division and the products can be held, dividing first gives the same
        // answer (a product that cannot be held leaves the comparison unknown).
        let divided = if change {
            ops::change(Value::Num(a), Value::Num(b))
        } else {
            ops::ratio(Value::Num(a), Value::Num(b))
        };
        if divided.is_known() && fast.is_known() {
            prop_assert_eq!(fast, ops::compare(op, divided, Value::Num(k)));
        } else if b.is_zero() {
            prop_assert_eq!(fast, Value::Unknown);
        }
    }

    #[test]
    fn ratio_of_any_numbers_agrees(
        a in num(),
        b in num(),
        k in threshold(),
        op in 0usize..6,
        change in any::<bool>(),
    ) {
        let op = OPS[op];
        prop_assert_eq!(
            ops::ratio_compare(op, change, a, b, k),
            ops::ratio_compare_exact(op, change, a, b, k)
        );
    }
}

#[test]
fn the_edges_of_the_fast_path_are_exact() {
    let int = |n: i128| Num::ratio(n, 1).unwrap_or(Num::ZERO);
    let edge = (1i128 << 62) - 1;
    // The largest counts of the fast path and the first beyond it.
    for (a, b) in [
        (edge, edge - 1),
        (edge + 1, edge),
        (-edge, edge),
        (edge, -edge),
    ] {
        let (a, b) = (int(a), int(b));
        for k in [Num::ONE, Num::ZERO, Num::ratio(-1, 3).unwrap_or(Num::ONE)] {
            for op in OPS {
                for change in [false, true] {
                    assert_eq!(
                        ops::ratio_compare(op, change, a, b, k),
                        ops::ratio_compare_exact(op, change, a, b, k),
                        "{a} {b} {k} {op:?} {change}"
                    );
                }
            }
        }
    }
    // 4% of 25 is exactly 1: `<` fails, `<=` holds, whatever the path.
    let four = Num::ratio(4, 100).unwrap_or(Num::ONE);
    assert_eq!(
        ops::ratio_compare(BinOp::Lt, false, int(1), int(25), four),
        Value::Bool(false)
    );
    assert_eq!(
        ops::ratio_compare(BinOp::Le, false, int(1), int(25), four),
        Value::Bool(true)
    );
    // A zero divisor is unknown on both paths.
    assert_eq!(
        ops::ratio_compare(BinOp::Ge, true, int(5), Num::ZERO, four),
        Value::Unknown
    );
}
