//! The exact integer fast path of [`Num`]: when numerators and denominators are small (below
//! 2⁶², so counts, and percents or decimals with few places), sums and comparisons are done
//! with plain `i128` products, which cannot overflow, and `gcd` on `u64`. The general path
//! (256-bit products, `u128` gcd) is taken only where a value does not fit; both give exactly
//! the same result (a reduced rational is unique), which `tests/fastpath.rs` checks on random
//! values, the edges of the range included.

use super::Num;
use std::cmp::Ordering;

/// The bound on a part's magnitude for the fast path: a product of two parts is below 2¹²⁴
/// and a sum of two such products below 2¹²⁵, well inside `i128`.
const SMALL: u128 = 1 << 62;

/// The parts of `x` when both are small.
#[inline(always)]
fn small(x: Num) -> Option<(i128, i128)> {
    (x.n.unsigned_abs() < SMALL && (x.d as u128) < SMALL).then_some((x.n, x.d))
}

/// `a` against `b` by cross-multiplying in `i128`; `None` when a part is not small.
#[inline]
pub(super) fn cmp(a: Num, b: Num) -> Option<Ordering> {
    let ((an, ad), (bn, bd)) = (small(a)?, small(b)?);
    Some((an * bd).cmp(&(bn * ad)))
}

/// `a + b` (`Some(None)` when the reduced sum cannot be held); `None` when a part is not small.
#[inline]
pub(super) fn add(a: Num, b: Num) -> Option<Option<Num>> {
    let ((an, ad), (bn, bd)) = (small(a)?, small(b)?);
    if ad == bd {
        return Some(Num::ratio(an + bn, ad));
    }
    Some(Num::ratio(an * bd + bn * ad, ad * bd))
}

/// Greatest common divisor of two `u64` (binary); `gcd64(0, x) = x`.
pub(super) fn gcd64(mut a: u64, mut b: u64) -> u64 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// `x OP k·b`, where `x` is `a` (a ratio `a / b`) or `a − b` (a change), decided by
/// multiplying out; `None` when the fast path does not apply (a or b not a small integer, k
/// not small). The caller has checked that `b` is not zero. `Less`, `Equal`, `Greater` is the
/// order of `a / b` (or `(a − b) / b`) against `k`.
#[inline]
pub(crate) fn ratio_order(change: bool, a: Num, b: Num, k: Num) -> Option<Ordering> {
    if a.d != 1 || b.d != 1 {
        return None;
    }
    let ((an, _), (bn, _), (kn, kd)) = (small(a)?, small(b)?, small(k)?);
    let x = if change { an - bn } else { an };
    // |x| < 2⁶³, kd < 2⁶², |kn·b| < 2¹²⁴: no product overflows.
    let ord = (x * kd).cmp(&(kn * bn));
    Some(if bn < 0 { ord.reverse() } else { ord })
}

/// The general paths alone, without the fast path: the reference the property test
/// (`tests/fastpath.rs`) compares the fast path with.
pub mod reference {
    use super::Num;
    use std::cmp::Ordering;

    /// `a` against `b` through 256-bit products.
    pub fn cmp(a: Num, b: Num) -> Ordering {
        a.cmp_exact(&b)
    }

    /// `a + b` through the general path.
    pub fn add(a: Num, b: Num) -> Option<Num> {
        if a.d == 1 && b.d == 1 {
            return Num::int128(a.n.checked_add(b.n)?);
        }
        a.add_exact(b)
    }

    /// `a − b` through the general path.
    pub fn sub(a: Num, b: Num) -> Option<Num> {
        add(a, -b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcd64_agrees_with_euclid() {
        let euclid = |mut a: u64, mut b: u64| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        for (a, b) in [
            (0, 0),
            (0, 7),
            (12, 18),
            (u64::MAX, 3),
            (1 << 63, 1 << 40),
            (97, 89),
        ] {
            assert_eq!(gcd64(a, b), euclid(a, b), "{a} {b}");
        }
    }

    #[test]
    fn the_fast_path_stops_at_its_bound() {
        let big = Num::ratio(1 << 62, 1).unwrap_or(Num::ZERO);
        assert!(cmp(big, Num::ONE).is_none());
        let below = Num::ratio((1 << 62) - 1, 3).unwrap_or(Num::ZERO);
        assert_eq!(cmp(below, Num::ONE), Some(Ordering::Greater));
    }
}
