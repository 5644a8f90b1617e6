//! Values for people: in the unit of the expression that gave them (percents for ratios and
//! percent inputs), options by name.

use super::program::Program;
use crate::ast::BinOp;
use crate::check::{CExpr, CKind, Func, InputType};
use crate::value::{format_number, format_percent, Value};
use rust_decimal::Decimal;

/// Whether an expression's numbers read as percents (ratios, changes, percent inputs and literals).
pub fn is_percent(prog: &Program, e: &CExpr) -> bool {
    match &e.kind {
        CKind::Const(_) => {
            let text = prog.rules.sources.snippet(e.span);
            match prog.rules.params.iter().find(|p| p.id == text.trim()) {
                Some(p) => p.written.contains('%'),
                None => text.contains('%'),
            }
        }
        CKind::Input(slot) => prog
            .rules
            .slots
            .get(*slot as usize)
            .is_some_and(|s| prog.rules.inputs[s.input as usize].ty == InputType::Percent),
        CKind::Let(l) => prog
            .rules
            .lets
            .get(*l as usize)
            .is_some_and(|l| is_percent(prog, &l.expr)),
        CKind::Call(Func::Ratio | Func::Change, _) => true,
        CKind::Call(Func::Min | Func::Max | Func::Abs, args) => {
            args.iter().any(|a| is_percent(prog, a))
        }
        CKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Coalesce, a, b) => {
            is_percent(prog, a) || is_percent(prog, b)
        }
        CKind::Neg(x) => is_percent(prog, x),
        CKind::Aggregate { share, .. } => *share,
        _ => false,
    }
}

/// A value for people, in the unit of the expression that gave it.
pub fn show_value(prog: &Program, e: &CExpr, v: Value) -> String {
    let num = |n: Decimal| {
        if is_percent(prog, e) {
            format_percent(n)
        } else {
            format_number(n)
        }
    };
    match v {
        Value::Unknown => "unknown".into(),
        Value::Bool(b) => b.to_string(),
        Value::Num(n) => num(n),
        Value::Range(lo, hi) => format!("{}–{}", num(lo), num(hi)),
        Value::Date(d) => d.to_string(),
        Value::Text(_) => "text".into(),
        Value::Choice(i) => choice_name(prog, e, i),
    }
}

fn choice_name(prog: &Program, e: &CExpr, i: u16) -> String {
    let input = match &e.kind {
        CKind::Input(slot) => prog.rules.slots.get(*slot as usize).map(|s| s.input),
        _ => None,
    };
    let from_input = input.and_then(|ix| match &prog.rules.inputs[ix as usize].ty {
        InputType::Choice(opts) => opts.get(i as usize).map(|o| o.0.clone()),
        _ => None,
    });
    from_input.unwrap_or_else(|| prog.rules.sources.snippet(e.span).to_string())
}
