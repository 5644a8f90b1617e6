//! Printing expressions and literals in canonical form: single spaces around operators,
//! parentheses exactly where they were written (so the printed text parses to the same tree).

use crate::ast::{Expr, ExprKind, Literal};
use crate::num::Num;

/// A decimal as written: no exponent, trailing zeros kept as the value holds them.
pub fn number(n: Num) -> String {
    n.decimal_text(40)
}

/// A fraction as a percent literal: 0.8 → `80%`.
pub fn percent(n: Num) -> String {
    // Literals are written decimals, so 40 places give them exactly; never overflows.
    format!("{}%", n.percent_text(40))
}

/// A string literal with `"` and `\` escaped.
pub fn string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A literal of a param, binding or `set`.
pub fn literal(l: &Literal) -> String {
    match l {
        Literal::Number(n) => number(*n),
        Literal::Percent(n) => percent(*n),
        Literal::Date(d) => d.to_string(),
        Literal::Text(t) => string(t),
        Literal::Bool(b) => b.to_string(),
        Literal::Name(n) => n.clone(),
    }
}

/// An expression on one line.
pub fn expr(e: &Expr) -> String {
    let mut out = String::new();
    write(e, &mut out);
    out
}

fn write(e: &Expr, out: &mut String) {
    crate::stack::grow(|| match &e.node {
        ExprKind::Number(n) => out.push_str(&number(*n)),
        ExprKind::Percent(n) => out.push_str(&percent(*n)),
        ExprKind::Date(d) => out.push_str(&d.to_string()),
        ExprKind::Text(t) => out.push_str(&string(t)),
        ExprKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ExprKind::Word(w) => out.push_str(w.as_str()),
        ExprKind::Points => out.push_str("points"),
        ExprKind::Name {
            name,
            member,
            period,
        } => {
            out.push_str(&name.node);
            if let Some(m) = member {
                out.push('.');
                out.push_str(&m.node);
            }
            if let Some(p) = period {
                out.push('@');
                out.push_str(&p.node);
            }
        }
        ExprKind::Call { func, args, among } => {
            out.push_str(&func.node);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, out);
            }
            if let Some(f) = among {
                out.push_str(" among ");
                write(f, out);
            }
            out.push(')');
        }
        ExprKind::Not(x) => {
            out.push_str("not ");
            write(x, out);
        }
        ExprKind::Neg(x) => {
            out.push('-');
            write(x, out);
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write(x, out);
            out.push(')');
        }
        ExprKind::Binary { op, lhs, rhs } => {
            write(lhs, out);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write(rhs, out);
        }
        ExprKind::In { value, list } => {
            write(value, out);
            out.push_str(" in (");
            let ids: Vec<&str> = list.iter().map(|i| i.node.as_str()).collect();
            out.push_str(&ids.join(", "));
            out.push(')');
        }
    })
}
