//! Units (spec: "Units"): every numeric value is a plain number or a proportion, and `+`, `-`,
//! `min`, `max`, `??`, `ratio`, `change` and comparisons need both sides in the same unit.
//! Runs over the checked rules, so it sees lets, params and inputs already resolved.

use super::{codes, model::*, Checker};
use crate::ast::{BinOp, Span};
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::source::SourceMap;

/// A unit as the checker tracks it: besides the two units, a literal zero (fits either) and a
/// value whose unit is open (the quotient of two proportions, or a part that had an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum U {
    Is(Unit),
    Zero,
    Open,
}

const PLAIN: U = U::Is(Unit::Plain);
const PROP: U = U::Is(Unit::Proportion);

struct Units<'r> {
    rules: &'r Rules,
    sources: &'r SourceMap,
    lets: Vec<U>,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    /// Checks the units of every expression of the rules.
    pub(super) fn check_units(&mut self) {
        let mut u = Units {
            rules: &self.rules,
            sources: self.sources,
            lets: Vec::new(),
            diags: Vec::new(),
        };
        for l in &self.rules.lets {
            let unit = u.unit(&l.expr).unwrap_or(U::Open);
            u.lets.push(unit);
        }
        let mut exprs: Vec<&CExpr> = Vec::new();
        for a in &self.rules.assessments {
            exprs.extend(a.when.iter());
            for c in &a.criteria {
                exprs.extend(c.when.iter());
                exprs.push(&c.condition);
            }
            exprs.extend(a.outcomes.iter().filter_map(|o| o.when.as_ref()));
        }
        exprs.extend(self.rules.targets.iter().map(|t| &t.expr));
        for t in &self.rules.tests {
            exprs.extend(t.expects.iter().map(|e| &e.expr));
        }
        for e in exprs {
            u.unit(e);
        }
        let diags = u.diags;
        self.diags.extend(diags);
    }
}

fn unit_word(u: Unit) -> Msg {
    match u {
        Unit::Plain => msg!("diag-unit-plain"),
        Unit::Proportion => msg!("diag-unit-proportion"),
    }
}

impl Units<'_> {
    /// The unit of a numeric expression (`None` for other types), reporting every clash below.
    fn unit(&mut self, e: &CExpr) -> Option<U> {
        crate::stack::grow(|| self.unit_node(e))
    }

    fn unit_node(&mut self, e: &CExpr) -> Option<U> {
        match &e.kind {
            CKind::Const(crate::value::Value::Num(_)) => Some(self.literal(e.span)),
            CKind::Input(slot) => {
                let s = self.rules.slots.get(*slot as usize)?;
                match self.rules.inputs.get(s.input as usize)?.ty {
                    InputType::Percent => Some(PROP),
                    InputType::Count | InputType::Number => Some(PLAIN),
                    _ => None,
                }
            }
            CKind::Param(p) => self.rules.params.get(*p as usize)?.unit().map(U::Is),
            CKind::Let(l) => {
                let ty = self.rules.lets.get(*l as usize)?.ty;
                (ty == Type::Number).then(|| self.lets.get(*l as usize).copied().unwrap_or(U::Open))
            }
            CKind::Points | CKind::MaxPoints => Some(PLAIN),
            CKind::Aggregate { share, cond, among } => {
                self.unit(cond);
                if let Some(f) = among {
                    self.unit(f);
                }
                Some(if *share { PROP } else { PLAIN })
            }
            CKind::Neg(x) => self.unit(x),
            CKind::Not(x) => {
                self.unit(x);
                None
            }
            CKind::Binary(op, l, r) => self.binary(*op, l, r),
            CKind::Call(f, args) => self.call(*f, args),
            _ => None,
        }
    }

    fn literal(&self, span: Span) -> U {
        let text = self.sources.snippet(span);
        if is_zero_literal(text) {
            U::Zero
        } else if text.trim_end().ends_with('%') {
            PROP
        } else {
            PLAIN
        }
    }

    fn binary(&mut self, op: BinOp, l: &CExpr, r: &CExpr) -> Option<U> {
        let (lu, ru) = (self.unit(l), self.unit(r));
        let (lu, ru) = (lu?, ru?);
        match op {
            BinOp::Mul => Some(product(lu, ru)),
            BinOp::Div => Some(quotient(lu, ru)),
            BinOp::Add | BinOp::Sub | BinOp::Coalesce => Some(self.same(op_name(op), l, lu, r, ru)),
            BinOp::And | BinOp::Or => None,
            _ => {
                self.same("compare", l, lu, r, ru);
                None
            }
        }
    }

    fn call(&mut self, f: Func, args: &[CExpr]) -> Option<U> {
        let units: Vec<Option<U>> = args.iter().map(|a| self.unit(a)).collect();
        let name = match f {
            Func::Ratio => "ratio",
            Func::Change => "change",
            Func::Min => "min",
            Func::Max => "max",
            Func::Abs => return units.first().copied().flatten(),
            Func::AtLeast => {
                if let (Some(Some(PROP)), Some(k)) = (units.first(), args.first()) {
                    self.at_least_k(k);
                }
                return None;
            }
            Func::Known => return None,
        };
        let mut acc: Option<(usize, U)> = None;
        let mut zero = false;
        for (i, u) in units.iter().enumerate() {
            match (*u, acc) {
                (Some(U::Is(u)), Some((j, a))) => {
                    self.same(name, &args[j], a, &args[i], U::Is(u));
                }
                (Some(U::Is(u)), None) => acc = Some((i, U::Is(u))),
                (Some(U::Zero), _) => zero = true,
                _ => {}
            }
        }
        let acc = acc.map(|(_, u)| u).or(zero.then_some(U::Zero));
        match f {
            Func::Ratio | Func::Change => Some(PROP),
            _ => Some(acc.unwrap_or(U::Open)),
        }
    }

    /// The common unit of two sides that must agree; reports a clash.
    fn same(&mut self, what: &str, l: &CExpr, lu: U, r: &CExpr, ru: U) -> U {
        match (lu, ru) {
            (U::Is(a), U::Is(b)) if a != b => {
                self.clash(what, (l, a), (r, b));
                U::Open
            }
            (U::Zero | U::Open, x) | (x, U::Zero | U::Open) => x,
            (x, _) => x,
        }
    }

    fn clash(&mut self, what: &str, l: (&CExpr, Unit), r: (&CExpr, Unit)) {
        let (bad, good) = if self.blame(l.0) > self.blame(r.0) {
            (l, r)
        } else {
            (r, l)
        };
        let mut d = Diagnostic::error(
            codes::UNIT_MISMATCH,
            clash_message(what, unit_word(l.1), unit_word(r.1)),
            bad.0.span,
        )
        .with_label(msg!("diag-this-is", kind = unit_word(bad.1)))
        .with_secondary(good.0.span, msg!("diag-this-is", kind = unit_word(good.1)));
        let text = self.sources.snippet(bad.0.span).trim().to_string();
        if is_literal(bad.0) && bad.1 == Unit::Plain {
            d = d.with_suggestion(bad.0.span, super::model::percent_fix_text(&text));
        }
        let help = match (&bad.0.kind, bad.1) {
            (_, Unit::Plain) if is_literal(bad.0) && what == "compare" => msg!(
                "diag-unit-literal-compared-help",
                text = text.as_str(),
                fix = percent_fix(&text)
            ),
            (_, Unit::Plain) if is_literal(bad.0) => msg!(
                "diag-unit-literal-combined-help",
                text = text.as_str(),
                fix = percent_fix(&text)
            ),
            (_, Unit::Proportion) if is_literal(bad.0) => self.plain_side_help(good.0, &text),
            (CKind::Param(p), unit) => match self.rules.params.get(*p as usize) {
                Some(p) => {
                    d = d.with_secondary(p.span, msg!("diag-declared-here"));
                    param_help(p, unit)
                }
                None => msg!("diag-raw", text = ""),
            },
            _ => {
                msg!("diag-unit-same-help")
            }
        };
        self.diags.push(d.with_help(help));
    }

    fn plain_side_help(&self, plain: &CExpr, text: &str) -> Msg {
        let bare = text.trim_end_matches('%').trim_end();
        match plain.kind {
            CKind::Points | CKind::MaxPoints => {
                msg!("diag-unit-points-help", bare = bare, text = text)
            }
            CKind::Aggregate { share: false, .. } => msg!("diag-unit-count-help", bare = bare),
            _ => msg!("diag-unit-plain-side-help", bare = bare, text = text),
        }
    }

    /// Which side of a clash to point at: a literal first, then a param, and never a side
    /// whose unit is fixed by the language (`points`, `count`, `share`, `ratio`, `change`).
    fn blame(&self, e: &CExpr) -> u8 {
        match &e.kind {
            _ if is_literal(e) => 3,
            CKind::Param(_) => 2,
            CKind::Points | CKind::MaxPoints | CKind::Aggregate { .. } => 0,
            CKind::Call(Func::Ratio | Func::Change, _) => 0,
            _ => 1,
        }
    }

    fn at_least_k(&mut self, k: &CExpr) {
        let d = Diagnostic::error(codes::UNIT_MISMATCH, msg!("diag-at-least-plain"), k.span)
            .with_label(msg!("diag-this-is", kind = unit_word(Unit::Proportion)))
            .with_help(msg!("diag-at-least-plain-help"));
        self.diags.push(d);
    }
}

/// A number as written: `80`, `60%`, `-10`.
fn is_literal(e: &CExpr) -> bool {
    match &e.kind {
        CKind::Const(_) => true,
        CKind::Neg(x) => matches!(x.kind, CKind::Const(_)),
        _ => false,
    }
}

fn param_help(p: &Param, unit: Unit) -> Msg {
    let w = p.written.trim();
    match unit {
        Unit::Plain => msg!(
            "diag-unit-param-plain-help",
            name = p.id.as_str(),
            written = w
        ),
        Unit::Proportion => {
            msg!(
                "diag-unit-param-proportion-help",
                name = p.id.as_str(),
                written = w
            )
        }
    }
}

/// What cannot be done with the two units; `what` is the operation (see [`op_name`]).
fn clash_message(what: &str, a: Msg, b: Msg) -> Msg {
    let m = match what {
        "compare" => Msg::new("diag-unit-clash-compare"),
        "add" => Msg::new("diag-unit-clash-add"),
        "subtract" => Msg::new("diag-unit-clash-subtract"),
        "ratio" => Msg::new("diag-unit-clash-ratio"),
        "change" => Msg::new("diag-unit-clash-change"),
        "min" => Msg::new("diag-unit-clash-min"),
        "max" => Msg::new("diag-unit-clash-max"),
        _ => Msg::new("diag-unit-clash-coalesce"),
    };
    m.msg("a", a).msg("b", b)
}

fn op_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "subtract",
        _ => "coalesce",
    }
}

/// `a * b`: a proportion scales a plain number and stays a proportion of a proportion.
fn product(a: U, b: U) -> U {
    match (a, b) {
        (PROP, PROP) => PROP,
        (U::Is(_), U::Is(_)) => PLAIN,
        (U::Zero, U::Zero) => U::Zero,
        _ => U::Open,
    }
}

/// `a / b`: plain ÷ plain and plain ÷ proportion are plain, proportion ÷ plain a proportion;
/// proportion ÷ proportion is left open (`ty_le / nguong` reads as `1.2` or `120%` alike).
fn quotient(a: U, b: U) -> U {
    match (a, b) {
        (PLAIN, U::Is(_)) => PLAIN,
        (PROP, PLAIN) => PROP,
        (U::Zero, U::Is(_)) => U::Zero,
        _ => U::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_literals_fit_either_unit() {
        for z in ["0", "0.0", "-0", "0%", " 00.00 % ", "-0%"] {
            assert!(is_zero_literal(z), "{z}");
        }
        for n in ["1", "0.01", "10%", "", "%", "-", "."] {
            assert!(!is_zero_literal(n), "{n}");
        }
    }

    #[test]
    fn percent_fixes() {
        let fix = |t: &str| percent_fix(t).to_string();
        assert_eq!(fix("80"), "`80%`");
        assert_eq!(fix("0.8"), "`80%` (0.8 is 80%)");
        assert_eq!(fix("1"), "`100%` (1 is 100%)");
        assert_eq!(fix("0.125"), "`12.5%` (0.125 is 12.5%)");
        assert_eq!(fix("-0.1"), "`-10%` (-0.1 is -10%)");
        assert_eq!(fix("0.005"), "`0.5%` (0.005 is 0.5%)");
        assert_eq!(fix("1.5"), "`1.5%`");
    }

    #[test]
    fn products_and_quotients() {
        assert_eq!(product(PLAIN, PROP), PLAIN);
        assert_eq!(product(PROP, PLAIN), PLAIN);
        assert_eq!(product(PROP, PROP), PROP);
        assert_eq!(quotient(PROP, PLAIN), PROP);
        assert_eq!(quotient(PLAIN, PROP), PLAIN);
        assert_eq!(quotient(PROP, PROP), U::Open);
    }
}
