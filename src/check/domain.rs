//! Interval reasoning for warnings: the values an expression can take given only the inputs'
//! domains (a count is ≥ 0, a percent lies in 0–100%), params and constants, through `+ - *`,
//! `min`/`max`/`abs`/`??`, `ratio`/`change` of non-negative values, `points` and `share`.
//! A comparison that these bounds decide alone is a trap: no area's data can change it.

use super::model::*;
use crate::ast::BinOp;
use crate::source::SourceMap;
use crate::value::{format_number, format_percent, Value};

/// The number type of the bounds (the engine's number type).
pub(super) use crate::num::Num;

/// A closed interval; `None` is unbounded on that side. `pct`: shown as percents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Iv {
    lo: Option<Num>,
    hi: Option<Num>,
    pct: bool,
}

const ALL: Iv = Iv {
    lo: None,
    hi: None,
    pct: false,
};

impl Iv {
    fn new(lo: Option<Num>, hi: Option<Num>, pct: bool) -> Iv {
        Iv { lo, hi, pct }
    }

    fn point(n: Num, pct: bool) -> Iv {
        Iv::new(Some(n), Some(n), pct)
    }

    fn non_negative(&self) -> bool {
        self.lo.is_some_and(|l| l >= Num::ZERO)
    }

    /// How the interval reads in a label: "is always ≥ 0", "lies between 0% and 100%".
    /// The bounds in words; `declared` for a param ("`x` is 5 as declared").
    pub(super) fn describe(&self, declared: bool) -> crate::i18n::Msg {
        use crate::msg;
        let f = |n: Num| {
            if self.pct {
                format_percent(n)
            } else {
                format_number(n)
            }
        };
        match (self.lo, self.hi) {
            (Some(a), Some(b)) if a == b && declared => msg!("diag-bounds-is", value = f(a)),
            (Some(a), Some(b)) if a == b => msg!("diag-bounds-always", value = f(a)),
            (Some(a), Some(b)) => msg!("diag-bounds-between", low = f(a), high = f(b)),
            (Some(a), None) => msg!("diag-bounds-at-least", value = f(a)),
            (None, Some(b)) => msg!("diag-bounds-at-most", value = f(b)),
            (None, None) => msg!("diag-bounds-any"),
        }
    }
}

/// The bounds of every let, and what is needed to compute bounds of expressions.
pub(super) struct Domains<'r> {
    rules: &'r Rules,
    sources: &'r SourceMap,
    lets: Vec<Iv>,
}

/// A comparison decided by bounds alone.
pub(super) struct Decided {
    /// Always true (else never true).
    pub always: bool,
    /// The two sides' bounds.
    pub sides: [Iv; 2],
}

impl<'r> Domains<'r> {
    pub(super) fn new(rules: &'r Rules, sources: &'r SourceMap) -> Self {
        let mut d = Domains {
            rules,
            sources,
            lets: Vec::new(),
        };
        for l in &rules.lets {
            let iv = d.bounds(&l.expr, None).unwrap_or(ALL);
            d.lets.push(iv);
        }
        d
    }

    /// When `e` is a comparison of numbers that bounds decide alone, which way; `points`
    /// (the sum of an assessment's point weights) bounds `points` and `max_points`.
    pub(super) fn decide(&self, e: &CExpr, points: Option<Num>) -> Option<Decided> {
        let CKind::Binary(op, l, r) = &e.kind else {
            return None;
        };
        if !matches!(
            op,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        ) || !(per_area(l) || per_area(r))
        {
            return None;
        }
        let (a, b) = (self.bounds(l, points)?, self.bounds(r, points)?);
        let lt = |x: Option<Num>, y: Option<Num>| matches!((x, y), (Some(x), Some(y)) if x < y);
        let le = |x: Option<Num>, y: Option<Num>| matches!((x, y), (Some(x), Some(y)) if x <= y);
        // (always, never) for `a OP b`.
        let (always, never) = match op {
            BinOp::Ge => (le(b.hi, a.lo), lt(a.hi, b.lo)),
            BinOp::Gt => (lt(b.hi, a.lo), le(a.hi, b.lo)),
            BinOp::Le => (le(a.hi, b.lo), lt(b.hi, a.lo)),
            BinOp::Lt => (lt(a.hi, b.lo), le(b.hi, a.lo)),
            _ => {
                let apart = lt(a.hi, b.lo) || lt(b.hi, a.lo);
                let one = a.lo.is_some() && a.lo == a.hi && a.hi == b.lo && b.lo == b.hi;
                if *op == BinOp::Eq {
                    (one, apart)
                } else {
                    (apart, one)
                }
            }
        };
        (always || never).then_some(Decided {
            always,
            sides: [a, b],
        })
    }

    /// True when `e` reads something of the area (not only params and constants).
    pub(super) fn reads_area(&self, e: &CExpr) -> bool {
        per_area(e)
    }

    /// The bounds of a numeric expression; `None` when it is not a number.
    fn bounds(&self, e: &CExpr, points: Option<Num>) -> Option<Iv> {
        crate::stack::grow(|| self.bounds_node(e, points))
    }

    fn bounds_node(&self, e: &CExpr, points: Option<Num>) -> Option<Iv> {
        let pct_text = || self.sources.snippet(e.span).trim_end().ends_with('%');
        Some(match &e.kind {
            CKind::Const(Value::Num(n)) => Iv::point(*n, pct_text()),
            CKind::Const(_) => return None,
            CKind::Input(slot) => {
                let s = self.rules.slots.get(*slot as usize)?;
                match self.rules.inputs.get(s.input as usize)?.ty {
                    InputType::Count => Iv::new(Some(Num::ZERO), None, false),
                    InputType::Percent => Iv::new(Some(Num::ZERO), Some(Num::ONE), true),
                    InputType::Number => ALL,
                    _ => return None,
                }
            }
            CKind::Param(p) => match self.rules.params.get(*p as usize)? {
                Param {
                    value: Value::Num(n),
                    ..
                } => Iv::point(
                    *n,
                    self.rules.params[*p as usize].unit() == Some(Unit::Proportion),
                ),
                _ => return None,
            },
            CKind::Let(l) => {
                if self.rules.lets.get(*l as usize)?.ty != Type::Number {
                    return None;
                }
                self.lets.get(*l as usize).copied().unwrap_or(ALL)
            }
            CKind::Points | CKind::MaxPoints => Iv::new(Some(Num::ZERO), points, false),
            CKind::Aggregate { share: true, .. } => Iv::new(Some(Num::ZERO), Some(Num::ONE), true),
            CKind::Aggregate { share: false, .. } => Iv::new(Some(Num::ZERO), None, false),
            CKind::Neg(x) => {
                let x = self.bounds(x, points)?;
                Iv::new(x.hi.map(|h| -h), x.lo.map(|l| -l), x.pct)
            }
            CKind::Binary(op, l, r) => self.binary(*op, l, r, points)?,
            CKind::Call(f, args) => self.call(*f, args, points)?,
            _ => return None,
        })
    }

    fn binary(&self, op: BinOp, l: &CExpr, r: &CExpr, points: Option<Num>) -> Option<Iv> {
        let (a, b) = (self.bounds(l, points)?, self.bounds(r, points)?);
        let add = |x: Option<Num>, y: Option<Num>| x?.checked_add(y?);
        let sub = |x: Option<Num>, y: Option<Num>| x?.checked_sub(y?);
        let pct = a.pct || b.pct;
        Some(match op {
            BinOp::Add => Iv::new(add(a.lo, b.lo), add(a.hi, b.hi), pct),
            BinOp::Sub => Iv::new(sub(a.lo, b.hi), sub(a.hi, b.lo), pct),
            BinOp::Mul => mul(a, b),
            BinOp::Coalesce => hull(a, b),
            _ => Iv { pct, ..ALL },
        })
    }

    fn call(&self, f: Func, args: &[CExpr], points: Option<Num>) -> Option<Iv> {
        let ivs: Vec<Iv> = args
            .iter()
            .map(|a| self.bounds(a, points).unwrap_or(ALL))
            .collect();
        let all_non_negative = ivs.iter().all(Iv::non_negative);
        let pct = ivs.iter().any(|i| i.pct);
        Some(match f {
            Func::Ratio if all_non_negative => Iv::new(Some(Num::ZERO), None, true),
            Func::Change if all_non_negative => Iv::new(Some(-Num::ONE), None, true),
            Func::Ratio | Func::Change => Iv { pct: true, ..ALL },
            Func::Min => Iv::new(
                fold(ivs.iter().map(|i| i.lo), Ord::min, true),
                fold(ivs.iter().map(|i| i.hi), Ord::min, false),
                pct,
            ),
            Func::Max => Iv::new(
                fold(ivs.iter().map(|i| i.lo), Ord::max, false),
                fold(ivs.iter().map(|i| i.hi), Ord::max, true),
                pct,
            ),
            Func::Abs => abs(*ivs.first()?),
            Func::AtLeast | Func::Known => return None,
        })
    }
}

/// Folds bounds with `pick`; an unbounded one makes the result unbounded when `strict`, and is
/// skipped otherwise (the min of the highs is bounded once one high is).
fn fold(
    bounds: impl Iterator<Item = Option<Num>>,
    pick: fn(Num, Num) -> Num,
    strict: bool,
) -> Option<Num> {
    let mut acc: Option<Num> = None;
    for b in bounds {
        match (b, acc) {
            (None, _) if strict => return None,
            (None, _) => {}
            (Some(b), None) => acc = Some(b),
            (Some(b), Some(a)) => acc = Some(pick(a, b)),
        }
    }
    acc
}

fn hull(a: Iv, b: Iv) -> Iv {
    let lo = a.lo.zip(b.lo).map(|(x, y)| x.min(y));
    let hi = a.hi.zip(b.hi).map(|(x, y)| x.max(y));
    Iv::new(lo, hi, a.pct || b.pct)
}

fn abs(x: Iv) -> Iv {
    if x.non_negative() {
        return x;
    }
    if x.hi.is_some_and(|h| h <= Num::ZERO) {
        return Iv::new(x.hi.map(|h| -h), x.lo.map(|l| -l), x.pct);
    }
    let hi = x.lo.zip(x.hi).map(|(l, h)| (-l).max(h));
    Iv::new(Some(Num::ZERO), hi, x.pct)
}

/// `a * b` where easy: both non-negative, or both bounded on both sides.
fn mul(a: Iv, b: Iv) -> Iv {
    let pct = a.pct && b.pct;
    let m = |x: Num, y: Num| x.checked_mul(y);
    if a.non_negative() && b.non_negative() {
        let lo = a.lo.zip(b.lo).and_then(|(x, y)| m(x, y));
        let hi = a.hi.zip(b.hi).and_then(|(x, y)| m(x, y));
        return Iv::new(lo, hi, pct);
    }
    let (Some(al), Some(ah), Some(bl), Some(bh)) = (a.lo, a.hi, b.lo, b.hi) else {
        return Iv { pct, ..ALL };
    };
    let products: Option<Vec<Num>> = [(al, bl), (al, bh), (ah, bl), (ah, bh)]
        .iter()
        .map(|&(x, y)| m(x, y))
        .collect();
    match products {
        Some(p) => Iv::new(p.iter().min().copied(), p.iter().max().copied(), pct),
        None => Iv { pct, ..ALL },
    }
}

/// True when the expression reads something of the area (so a decided comparison is a trap,
/// not a comparison of constants).
fn per_area(e: &CExpr) -> bool {
    let mut found = false;
    e.walk(&mut |n| {
        found |= matches!(
            n.kind,
            CKind::Input(_)
                | CKind::Let(_)
                | CKind::Points
                | CKind::MaxPoints
                | CKind::Aggregate { .. }
        )
    });
    found
}
