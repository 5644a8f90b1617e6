//! Values for people: in the unit of the expression that gave them (percents for ratios and
//! percent inputs), options by name.

use super::program::Program;
use crate::ast::BinOp;
use crate::check::{CExpr, CKind, Func, InputType, Rules};
use crate::num::Num;
use crate::value::{format_number, format_percent, Value};
use std::sync::Arc;

/// Whether an expression's numbers read as percents (ratios, changes, percent inputs and
/// literals). Worked out once per node by [`percent_flags`] when the program is compiled.
pub fn is_percent(prog: &Program, e: &CExpr) -> bool {
    match prog.percent.get(e.id as usize) {
        Some(&p) => p,
        None => Percents::new(&prog.rules, &prog.param_of).of(e),
    }
}

/// Calls `f` on every expression node of the rules, tests included.
pub fn for_each_node(rules: &Rules, f: &mut impl FnMut(&CExpr)) {
    rules.walk_exprs(true, f);
}

/// `percent[node id]` for every expression node of the rules; `param_of[node id]` is the
/// param a constant was folded from.
pub fn percent_flags(rules: &Rules, param_of: &[Option<u32>]) -> Vec<bool> {
    let mut percents = Percents::new(rules, param_of);
    let mut flags = vec![false; rules.node_count as usize];
    for_each_node(rules, &mut |n| {
        let p = percents.of(n);
        if let Some(f) = flags.get_mut(n.id as usize) {
            *f = p;
        }
    });
    flags
}

/// Which nodes read as percents, each node and each let worked out once (lets built on lets
/// would otherwise be followed once per path: exponential).
struct Percents<'r> {
    rules: &'r Rules,
    param_of: &'r [Option<u32>],
    nodes: Vec<Option<bool>>,
    lets: Vec<Option<bool>>,
}

impl<'r> Percents<'r> {
    fn new(rules: &'r Rules, param_of: &'r [Option<u32>]) -> Self {
        Percents {
            rules,
            param_of,
            nodes: vec![None; rules.node_count as usize],
            lets: vec![None; rules.lets.len()],
        }
    }

    fn of(&mut self, e: &CExpr) -> bool {
        if let Some(Some(p)) = self.nodes.get(e.id as usize) {
            return *p;
        }
        let p = crate::stack::grow(|| self.compute(e));
        if let Some(slot) = self.nodes.get_mut(e.id as usize) {
            *slot = Some(p);
        }
        p
    }

    fn let_(&mut self, l: usize) -> bool {
        if let Some(Some(p)) = self.lets.get(l) {
            return *p;
        }
        let rules = self.rules;
        let p = rules.lets.get(l).is_some_and(|d| self.of(&d.expr));
        if let Some(slot) = self.lets.get_mut(l) {
            *slot = Some(p);
        }
        p
    }

    fn compute(&mut self, e: &CExpr) -> bool {
        let rules = self.rules;
        match &e.kind {
            CKind::Const(_) => match self.param_of.get(e.id as usize).copied().flatten() {
                Some(p) => rules
                    .params
                    .get(p as usize)
                    .is_some_and(|p| p.written.contains('%')),
                None => rules.sources.snippet(e.span).contains('%'),
            },
            CKind::Param(p) => rules
                .params
                .get(*p as usize)
                .is_some_and(|p| p.written.contains('%')),
            CKind::Input(slot) => rules.slots.get(*slot as usize).is_some_and(|s| {
                rules
                    .inputs
                    .get(s.input as usize)
                    .is_some_and(|i| i.ty == InputType::Percent)
            }),
            CKind::Let(l) => self.let_(*l as usize),
            CKind::Call(Func::Ratio | Func::Change, _) => true,
            CKind::Call(Func::Min | Func::Max | Func::Abs, args) => {
                let mut any = false;
                for a in args {
                    any |= self.of(a);
                }
                any
            }
            CKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Coalesce, a, b) => {
                let l = self.of(a);
                self.of(b) || l
            }
            CKind::Neg(x) => self.of(x),
            CKind::Aggregate { share, .. } => *share,
            _ => false,
        }
    }
}

/// A value for people, in the unit of the expression that gave it.
pub fn show_value(prog: &Program, e: &CExpr, v: Value) -> String {
    Shown::of(prog, e, v).to_string()
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

/// A value with what it takes to show it: formatted only when displayed or serialised, so that
/// building an explanation allocates no text per node.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The value.
    pub value: Value,
    /// Shown as a percent (`75%`) rather than a number.
    pub percent: bool,
    /// The option's name, for a choice.
    pub choice: Option<Arc<str>>,
}

impl Shown {
    /// The value of node `e` as the program shows it.
    pub fn of(prog: &Program, e: &CExpr, value: Value) -> Shown {
        let choice = match value {
            Value::Choice(i) => Some(Arc::from(choice_name(prog, e, i))),
            _ => None,
        };
        Shown {
            value,
            percent: is_percent(prog, e),
            choice,
        }
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let num = |n: Num| {
            if self.percent {
                format_percent(n)
            } else {
                format_number(n)
            }
        };
        match self.value {
            Value::Unknown => f.write_str("unknown"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Num(n) => f.write_str(&num(n)),
            Value::Range(lo, hi) => write!(f, "{}–{}", num(lo), num(hi)),
            Value::Date(d) => write!(f, "{d}"),
            Value::Text(_) => f.write_str("text"),
            Value::Choice(_) => f.write_str(self.choice.as_deref().unwrap_or("option")),
        }
    }
}

impl serde::Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
