//! Exact numbers: rationals over `i128`, always reduced.
//!
//! Every decided result is the one exact rational arithmetic gives: `ratio(1, 3) * 3 == 1` holds
//! and `m + 0.000000001 > m` for any `m` the engine holds. An operation whose exact result does
//! not fit (numerator or denominator beyond ±1.7·10³⁸) gives `None`, which evaluation turns into
//! `unknown` with the reason `overflow`: nothing is ever rounded. Integers (the common case:
//! counts, points) take a fast path without any `gcd`.

use std::cmp::Ordering;
use std::fmt;

mod fast;
pub(crate) use fast::ratio_order;
pub use fast::reference;

/// The most significant digits a number in rules or data may have.
pub const MAX_DIGITS: usize = 38;

/// The help shown for a points weight beyond [`points_fit`].
pub const POINTS_HELP: &str =
    "a criterion's points are at most 10^15, with at most 6 decimal places, and not negative";

/// Whether a points weight is within the limits that keep every sum of points exact: at most
/// 10¹⁵ with at most 6 decimal places, not negative. Sums over any number of criteria a rules
/// file can hold then fit.
pub fn points_fit(p: Num) -> bool {
    !p.is_negative()
        && p <= Num::int(1_000_000_000_000_000)
        && 1_000_000u128.is_multiple_of(p.d as u128)
}

/// An exact rational number `n / d` with `d > 0`, `gcd(|n|, d) = 1` and `n ≠ i128::MIN`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Num {
    n: i128,
    d: i128,
}

/// Why a written number cannot be held exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumError {
    /// Not a number at all.
    NotANumber,
    /// More than [`MAX_DIGITS`] significant digits, or beyond ±1.7·10³⁸.
    TooManyDigits,
    /// More than [`MAX_DIGITS`] decimal places.
    TooManyPlaces,
    /// Beyond ±1.7·10³⁸ (e.g. `1e39`).
    TooLarge,
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumError::NotANumber => write!(f, "is not a number"),
            NumError::TooManyDigits => write!(
                f,
                "has more than {MAX_DIGITS} significant digits (numbers are held exactly up to ±1.7e38)"
            ),
            NumError::TooManyPlaces => {
                write!(f, "has more than {MAX_DIGITS} decimal places")
            }
            NumError::TooLarge => write!(
                f,
                "is beyond ±1.7e38, the largest number tieuchi holds exactly"
            ),
        }
    }
}

impl Num {
    /// 0.
    pub const ZERO: Num = Num { n: 0, d: 1 };
    /// 1.
    pub const ONE: Num = Num { n: 1, d: 1 };
    /// 2.
    pub const TWO: Num = Num { n: 2, d: 1 };
    /// 100.
    pub const ONE_HUNDRED: Num = Num { n: 100, d: 1 };

    /// An integer.
    pub const fn int(n: i64) -> Num {
        Num { n: n as i128, d: 1 }
    }

    /// `n / d` reduced; `None` when `d` is zero or a part is `i128::MIN`.
    pub fn ratio(n: i128, d: i128) -> Option<Num> {
        if d == 0 || n == i128::MIN || d == i128::MIN {
            return None;
        }
        let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
        let g = gcd(n.unsigned_abs(), d as u128) as i128;
        Some(Num { n: n / g, d: d / g })
    }

    /// The numerator (sign included).
    pub fn numer(self) -> i128 {
        self.n
    }

    /// The denominator (always positive).
    pub fn denom(self) -> i128 {
        self.d
    }

    /// True when zero.
    pub fn is_zero(self) -> bool {
        self.n == 0
    }

    /// True when below zero.
    pub fn is_negative(self) -> bool {
        self.n < 0
    }

    /// True when a whole number.
    pub fn is_integer(self) -> bool {
        self.d == 1
    }

    /// The absolute value.
    pub fn abs(self) -> Num {
        Num {
            n: self.n.abs(),
            d: self.d,
        }
    }

    /// The largest whole number ≤ self.
    pub fn floor(self) -> Num {
        Num {
            n: self.n.div_euclid(self.d),
            d: 1,
        }
    }

    /// The smallest whole number ≥ self (`None` only at the very top of the range).
    pub fn ceil(self) -> Option<Num> {
        let f = self.floor();
        if f == self {
            Some(f)
        } else {
            f.checked_add(Num::ONE)
        }
    }

    /// `self + o`, `None` when it does not fit.
    pub fn checked_add(self, o: Num) -> Option<Num> {
        if self.d == 1 && o.d == 1 {
            return Num::int128(self.n.checked_add(o.n)?);
        }
        if let Some(sum) = fast::add(self, o) {
            return sum;
        }
        self.add_exact(o)
    }

    /// `self + o` through the general path (no fast path): the reference of the fast one.
    fn add_exact(self, o: Num) -> Option<Num> {
        let g = gcd(self.d as u128, o.d as u128) as i128;
        let (da, db) = (self.d / g, o.d / g);
        let n = self.n.checked_mul(db)?.checked_add(o.n.checked_mul(da)?)?;
        Num::ratio(n, self.d.checked_mul(db)?)
    }

    /// `self - o`, `None` when it does not fit.
    pub fn checked_sub(self, o: Num) -> Option<Num> {
        self.checked_add(-o)
    }

    /// `self * o`, `None` when it does not fit.
    pub fn checked_mul(self, o: Num) -> Option<Num> {
        if self.d == 1 && o.d == 1 {
            return Num::int128(self.n.checked_mul(o.n)?);
        }
        if self.n == 0 || o.n == 0 {
            return Some(Num::ZERO);
        }
        // Cross-reduced, the product is already in lowest terms: no further gcd.
        let g1 = if o.d == 1 {
            1
        } else {
            gcd(self.n.unsigned_abs(), o.d as u128) as i128
        };
        let g2 = if self.d == 1 {
            1
        } else {
            gcd(o.n.unsigned_abs(), self.d as u128) as i128
        };
        let n = (self.n / g1).checked_mul(o.n / g2)?;
        let d = (self.d / g2).checked_mul(o.d / g1)?;
        (n != i128::MIN).then_some(Num { n, d })
    }

    /// `self / o`, `None` when `o` is zero or the result does not fit.
    pub fn checked_div(self, o: Num) -> Option<Num> {
        if o.n == 0 {
            return None;
        }
        let (on, od) = if o.n < 0 { (-o.d, -o.n) } else { (o.d, o.n) };
        self.checked_mul(Num { n: on, d: od })
    }

    fn int128(n: i128) -> Option<Num> {
        (n != i128::MIN).then_some(Num { n, d: 1 })
    }

    /// Reads a decimal as written in rules or data: `12`, `-0.5`, `1e3`, `+7.25`.
    pub fn parse(text: &str) -> Result<Num, NumError> {
        parse_decimal(text)
    }

    /// The exact decimal text when the expansion terminates (`0.875`), else `None`.
    pub fn to_exact_decimal(self) -> Option<String> {
        let (twos, fives) = (
            factor_count(self.d as u128, 2),
            factor_count(self.d as u128, 5),
        );
        if (self.d as u128) >> twos != 5u128.pow(fives) {
            return None;
        }
        Some(self.decimal_text(twos.max(fives) as usize))
    }

    /// The value with at most `places` decimals, rounded half away from zero, trailing zeros
    /// trimmed. For display only.
    pub fn decimal_text(self, places: usize) -> String {
        scaled_text(self.n, self.d, 0, places)
    }

    /// The value times 100 with at most `places` decimals (a percent), for display; never
    /// overflows.
    pub fn percent_text(self, places: usize) -> String {
        scaled_text(self.n, self.d, 2, places)
    }

    /// True when the decimal expansion terminates within `places` places.
    pub fn exact_within(self, places: usize, percent: bool) -> bool {
        let shift = if percent { 2 } else { 0 };
        let twos = factor_count(self.d as u128, 2) as usize;
        let fives = factor_count(self.d as u128, 5) as usize;
        let rest = (self.d as u128) >> twos;
        let pure = rest == 5u128.pow(fives as u32);
        pure && twos.max(fives) <= places + shift
    }
}

impl From<i64> for Num {
    fn from(n: i64) -> Num {
        Num::int(n)
    }
}

impl From<i32> for Num {
    fn from(n: i32) -> Num {
        Num::int(n as i64)
    }
}

impl Default for Num {
    fn default() -> Num {
        Num::ZERO
    }
}

impl From<u64> for Num {
    fn from(n: u64) -> Num {
        Num { n: n as i128, d: 1 }
    }
}

impl From<usize> for Num {
    fn from(n: usize) -> Num {
        Num { n: n as i128, d: 1 }
    }
}

impl From<u32> for Num {
    fn from(n: u32) -> Num {
        Num { n: n as i128, d: 1 }
    }
}

impl std::ops::Neg for Num {
    type Output = Num;
    fn neg(self) -> Num {
        // n is never i128::MIN, so -n fits.
        Num {
            n: -self.n,
            d: self.d,
        }
    }
}

impl Ord for Num {
    fn cmp(&self, o: &Num) -> Ordering {
        if self.d == o.d {
            return self.n.cmp(&o.n);
        }
        fast::cmp(*self, *o).unwrap_or_else(|| self.cmp_exact(o))
    }
}

impl Num {
    /// The order through 256-bit products (no fast path): the reference of the fast one.
    fn cmp_exact(&self, o: &Num) -> Ordering {
        let (sa, sb) = (self.n.signum(), o.n.signum());
        if sa != sb {
            return sa.cmp(&sb);
        }
        // Same sign: compare |a|·d_b with |b|·d_a in 256 bits.
        let l = wide_mul(self.n.unsigned_abs(), o.d as u128);
        let r = wide_mul(o.n.unsigned_abs(), self.d as u128);
        let mag = l.cmp(&r);
        if sa < 0 {
            mag.reverse()
        } else {
            mag
        }
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, o: &Num) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// Exact text: a decimal when it terminates (`0.875`, `-12`), else a fraction (`2/3`).
impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_exact_decimal() {
            Some(s) => f.write_str(&s),
            None => write!(f, "{}/{}", self.n, self.d),
        }
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::str::FromStr for Num {
    type Err = NumError;
    fn from_str(s: &str) -> Result<Num, NumError> {
        Num::parse(s)
    }
}

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Greatest common divisor (binary); `gcd(0, x) = x`.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    if (a | b) >> 64 == 0 {
        return fast::gcd64(a as u64, b as u64) as u128;
    }
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

fn factor_count(mut d: u128, p: u128) -> u32 {
    let mut k = 0;
    while d.is_multiple_of(p) && d > 1 {
        d /= p;
        k += 1;
    }
    k
}

/// A 256-bit unsigned integer as (high, low) halves; ordered by value.
type Wide = (u128, u128);

fn wide_mul(a: u128, b: u128) -> Wide {
    const MASK: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & MASK);
    let (b1, b0) = (b >> 64, b & MASK);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let mid = (p00 >> 64) + (p01 & MASK) + (p10 & MASK);
    let lo = (p00 & MASK) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `w / d` and `w % d` for a wide dividend (bitwise long division; display only).
fn wide_divmod(w: Wide, d: u128) -> (Wide, u128) {
    // A dividend that fits in 128 bits (nearly always): the machine's division.
    if w.0 == 0 && d != 0 {
        return ((0, w.1 / d), w.1 % d);
    }
    let (mut q, mut r) = ((0u128, 0u128), 0u128);
    for i in (0..256).rev() {
        let bit = if i >= 128 {
            (w.0 >> (i - 128)) & 1
        } else {
            (w.1 >> i) & 1
        };
        let carry = r >> 127;
        r = (r << 1) | bit;
        if carry == 1 || r >= d {
            r = r.wrapping_sub(d);
            if i >= 128 {
                q.0 |= 1 << (i - 128);
            } else {
                q.1 |= 1 << i;
            }
        }
    }
    (q, r)
}

fn wide_text(mut w: Wide) -> String {
    if w.0 == 0 {
        return w.1.to_string();
    }
    let mut parts = Vec::new();
    const CHUNK: u128 = 10_000_000_000_000_000_000;
    while w != (0, 0) {
        let (q, r) = wide_divmod(w, CHUNK);
        parts.push(r);
        w = q;
    }
    let mut s = parts.pop().map_or_else(String::new, |p| p.to_string());
    for p in parts.iter().rev() {
        s.push_str(&format!("{p:019}"));
    }
    s
}

/// `n/d · 10^shift` with at most `places` decimals, rounded half away from zero.
fn scaled_text(n: i128, d: i128, shift: u32, places: usize) -> String {
    let d = d as u128;
    let scaled = wide_mul(n.unsigned_abs(), 10u128.pow(shift));
    let (int, mut rem) = wide_divmod(scaled, d);
    let mut digits = String::new();
    for _ in 0..places {
        if rem == 0 {
            break;
        }
        let (q, r) = wide_divmod(wide_mul(rem, 10), d);
        digits.push(char::from(b'0' + q.1 as u8));
        rem = r;
    }
    let mut int_text = wide_text(int);
    if rem != 0 {
        // Round half away from zero on the next digit.
        let (next, _) = wide_divmod(wide_mul(rem, 10), d);
        if next.1 >= 5 {
            round_up(&mut int_text, &mut digits);
        }
    }
    let digits = digits.trim_end_matches('0');
    let sign = if n < 0 && (int_text != "0" || !digits.is_empty()) {
        "-"
    } else {
        ""
    };
    if digits.is_empty() {
        format!("{sign}{int_text}")
    } else {
        format!("{sign}{int_text}.{digits}")
    }
}

fn round_up(int: &mut String, frac: &mut String) {
    let mut all: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let mut i = all.len();
    loop {
        if i == 0 {
            all.insert(0, b'1');
            break;
        }
        i -= 1;
        if all[i] == b'9' {
            all[i] = b'0';
        } else {
            all[i] += 1;
            break;
        }
    }
    let split = all.len() - frac.len();
    *frac = String::from_utf8_lossy(&all[split..]).into_owned();
    *int = String::from_utf8_lossy(&all[..split]).into_owned();
}

fn parse_decimal(text: &str) -> Result<Num, NumError> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], exponent(&body[i + 1..])?),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_ok(int) || !digits_ok(frac) {
        return Err(NumError::NotANumber);
    }
    let all = format!("{int}{frac}");
    let mut scale = frac.len() as i64 - exp;
    let mut sig = all.trim_start_matches('0');
    while scale > 0 && sig.ends_with('0') {
        sig = &sig[..sig.len() - 1];
        scale -= 1;
    }
    if sig.is_empty() {
        return Ok(Num::ZERO);
    }
    if sig.len() > MAX_DIGITS {
        return Err(NumError::TooManyDigits);
    }
    if scale > MAX_DIGITS as i64 {
        return Err(NumError::TooManyPlaces);
    }
    let mut n: i128 = sig.parse().map_err(|_| NumError::TooManyDigits)?;
    if scale < 0 {
        let factor = 10i128
            .checked_pow(u32::try_from(-scale).map_err(|_| NumError::TooLarge)?)
            .ok_or(NumError::TooLarge)?;
        n = n.checked_mul(factor).ok_or(NumError::TooLarge)?;
        scale = 0;
    }
    let n = if negative { -n } else { n };
    Num::ratio(n, 10i128.pow(scale as u32)).ok_or(NumError::TooManyDigits)
}

fn exponent(text: &str) -> Result<i64, NumError> {
    let digits = text.trim_start_matches(['+', '-']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || text.len() > 6 {
        return if digits.bytes().all(|b| b.is_ascii_digit()) && !digits.is_empty() {
            // An exponent of 7 digits or more: far beyond the range, or finer than it.
            Err(if text.starts_with('-') {
                NumError::TooManyPlaces
            } else {
                NumError::TooLarge
            })
        } else {
            Err(NumError::NotANumber)
        };
    }
    text.parse().map_err(|_| NumError::NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Num {
        Num::parse(s).unwrap()
    }

    #[test]
    fn arithmetic_is_exact() {
        let third = Num::ONE.checked_div(Num::int(3)).unwrap();
        assert_eq!(third.checked_mul(Num::int(3)), Some(Num::ONE));
        let m = n("99999999999999999999.5");
        let tiny = n("0.000000001");
        assert!(m.checked_add(tiny).unwrap() > m);
        let x = n("0.8");
        let r = x.checked_div(Num::int(6)).unwrap();
        assert_eq!(r.checked_mul(Num::int(6)), Some(x));
        assert_eq!(n("0.1").checked_add(n("0.2")), Some(n("0.3")));
    }

    #[test]
    fn parsing_keeps_every_digit_or_says_why() {
        assert_eq!(
            n("123456789012345678901234567890").to_string(),
            "123456789012345678901234567890"
        );
        assert_eq!(n("-0.50").to_string(), "-0.5");
        assert_eq!(n("1e3"), Num::int(1000));
        assert_eq!(n("2.5E-1").to_string(), "0.25");
        assert_eq!(
            Num::parse("1".repeat(39).as_str()),
            Err(NumError::TooManyDigits)
        );
        assert_eq!(
            Num::parse(&format!("0.{}1", "0".repeat(40))),
            Err(NumError::TooManyPlaces)
        );
        assert_eq!(Num::parse("1e999999"), Err(NumError::TooLarge));
        assert_eq!(Num::parse("1e-9999999"), Err(NumError::TooManyPlaces));
        assert_eq!(Num::parse("1e39"), Err(NumError::TooLarge));
        assert_eq!(Num::parse("1e38").map(|n| n.to_string().len()), Ok(39));
        assert_eq!(Num::parse("abc"), Err(NumError::NotANumber));
        assert_eq!(Num::parse("."), Err(NumError::NotANumber));
        assert_eq!(Num::parse("1.2.3"), Err(NumError::NotANumber));
    }

    #[test]
    fn overflow_is_none_never_a_wrong_value() {
        let big = Num::ratio(i128::MAX, 1).unwrap();
        assert_eq!(big.checked_add(Num::ONE), None);
        assert_eq!(big.checked_mul(Num::TWO), None);
        assert_eq!((-big).checked_sub(Num::TWO), None);
        assert_eq!(Num::ONE.checked_div(Num::ZERO), None);
    }

    #[test]
    fn comparison_never_overflows() {
        let a = Num::ratio(i128::MAX, i128::MAX - 1).unwrap();
        let b = Num::ratio(i128::MAX - 1, i128::MAX - 2).unwrap();
        assert!(a < b);
        assert!(-a > -b);
        assert!(Num::ZERO > -a);
    }

    #[test]
    fn text_for_people_and_for_machines() {
        let two_thirds = Num::ratio(2, 3).unwrap();
        assert_eq!(two_thirds.to_string(), "2/3");
        assert_eq!(two_thirds.percent_text(2), "66.67");
        assert_eq!(n("0.875").percent_text(2), "87.5");
        assert_eq!(n("-0.005").decimal_text(2), "-0.01");
        assert_eq!(n("0.995").decimal_text(2), "1");
        assert_eq!(n("-0.001").decimal_text(2), "0");
        let big = n("79228162514264337593543950335");
        assert_eq!(big.percent_text(2), "7922816251426433759354395033500");
        assert!(n("0.875").exact_within(1, true));
        assert!(!two_thirds.exact_within(10, true));
    }

    /// Random small rationals: the laws of exact arithmetic hold, comparison agrees with
    /// cross-multiplication, and the exact text reads back as the same number.
    #[test]
    fn random_values_obey_the_laws_of_exact_arithmetic() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: i128| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as i128 % (2 * m + 1)) - m
        };
        for _ in 0..20_000 {
            let (an, ad, bn, bd) = (next(1_000_000), next(1000), next(1_000_000), next(1000));
            let (Some(a), Some(b)) = (Num::ratio(an, ad), Num::ratio(bn, bd)) else {
                continue;
            };
            let sum = a.checked_add(b).unwrap();
            assert_eq!(sum.checked_sub(b), Some(a));
            let prod = a.checked_mul(b).unwrap();
            if !b.is_zero() {
                assert_eq!(prod.checked_div(b), Some(a));
            }
            let cross = (a.numer() * b.denom()).cmp(&(b.numer() * a.denom()));
            assert_eq!(a.cmp(&b), cross, "{a} vs {b}");
            if let Some(text) = a.to_exact_decimal() {
                assert_eq!(Num::parse(&text), Ok(a));
            }
            let shown = a.to_string();
            match shown.split_once('/') {
                Some((n, d)) => {
                    assert_eq!(Num::ratio(n.parse().unwrap(), d.parse().unwrap()), Some(a))
                }
                None => assert_eq!(Num::parse(&shown), Ok(a)),
            }
        }
    }
}
