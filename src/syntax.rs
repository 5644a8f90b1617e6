//! The syntax phase: text → [`crate::ast`], through one lexer ([`lexer`]) and a lossless syntax
//! tree ([`cst`]) that `fmt`, `diff` and the editor tooling read too.
//!
//! Limits (each gives a diagnostic, never a crash): brackets nest at most [`MAX_NESTING`] deep and
//! an expression tree is at most [`MAX_EXPR_DEPTH`] deep.

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::msg;

pub mod cst;
mod errors;
pub mod lexer;
mod lower;
pub(crate) use errors::num_error;

/// Deepest nesting of `(`, `{` allowed in a rules file.
pub const MAX_NESTING: usize = 100;
/// Deepest expression tree allowed (e.g. the length of a chain `a + b + c + …`).
pub const MAX_EXPR_DEPTH: u32 = 500;

/// Parses one rules file. On failure, returns every syntax error that could be found: after an
/// error the parser resumes at the next declaration keyword that starts a line.
pub fn parse(text: &str, file: FileId) -> Result<RulesFile, Vec<Diagnostic>> {
    let parsed = cst::parse(text);
    build(text, file, &parsed)
}

/// The AST of a parsed tree, or every error: the parser's, and those of the literals of the
/// declarations it accepted (an impossible date, a number too precise).
pub fn build(text: &str, file: FileId, parsed: &cst::Parse) -> Result<RulesFile, Vec<Diagnostic>> {
    let mut problems: Vec<Diagnostic> = parsed
        .errors
        .iter()
        .map(|e| errors::to_diagnostic(e, text, file))
        .collect();
    let lower = lower::Lower { file };
    let root = parsed.syntax();
    let decls: Vec<cst::SyntaxNode> = root
        .children()
        .filter(|n| n.kind() != cst::SyntaxKind::ERROR)
        .collect();
    let mut out = RulesFile::default();
    for (i, node) in decls.iter().enumerate() {
        let start = usize::from(node.text_range().start());
        let next = decls
            .get(i + 1)
            .map_or(text.len() + 1, |n| n.text_range().start().into());
        if parsed
            .errors
            .iter()
            .any(|e| (start..next).contains(&e.range.start))
        {
            continue;
        }
        match lower.decl(node) {
            Ok(d) => {
                out.spans.push(lower.span(node.text_range()));
                out.decls.push(d);
            }
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        problems.sort_by_key(|d| d.span().start);
        Err(problems)
    }
}

/// Parses a single value (used by `--set` and tests of the engine).
pub fn parse_literal(text: &str, file: FileId) -> Result<Spanned<Literal>, Diagnostic> {
    let trimmed = text.trim();
    let whole = Span {
        file,
        start: 0,
        end: text.len(),
    };
    let parsed = cst::parse_literal(trimmed);
    if let Some(e) = parsed.errors.first() {
        return Err(errors::to_diagnostic(e, trimmed, file));
    }
    let node = parsed
        .syntax()
        .children()
        .find(|n| n.kind() == cst::SyntaxKind::LITERAL)
        .ok_or_else(|| Diagnostic::error(errors::PARSE, msg!("diag-expected-value"), whole))?;
    if usize::from(node.text_range().end()) != trimmed.len() {
        return Err(Diagnostic::error(
            errors::PARSE,
            msg!("diag-not-single-value", value = trimmed),
            whole,
        )
        .with_help(msg!("diag-not-single-value-help")));
    }
    lower::Lower { file }.literal(&node)
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sexpr(e: &Expr) -> String {
        match &e.node {
            ExprKind::Binary { op, lhs, rhs } => {
                format!("({} {} {})", op.as_str(), sexpr(lhs), sexpr(rhs))
            }
            ExprKind::Not(x) => format!("(not {})", sexpr(x)),
            ExprKind::Neg(x) => format!("(- {})", sexpr(x)),
            ExprKind::Paren(x) => sexpr(x),
            ExprKind::Name { name, .. } => name.node.clone(),
            ExprKind::Number(n) => n.to_string(),
            _ => "?".into(),
        }
    }

    fn tree(expr: &str) -> String {
        let file = parse(&format!("let x = {expr}\n"), 0).unwrap();
        match &file.decls[0] {
            Decl::Let(l) => sexpr(&l.expr),
            _ => unreachable!(),
        }
    }

    #[test]
    fn precedence_loosest_first() {
        assert_eq!(tree("a ?? b or c and d"), "(?? a (or b (and c d)))");
        assert_eq!(tree("not a == b and c"), "(and (not (== a b)) c)");
        assert_eq!(tree("a + b * -c < d - e"), "(< (+ a (* b (- c))) (- d e))");
        assert_eq!(tree("a - b - c"), "(- (- a b) c)");
        assert_eq!(tree("a / (b / c)"), "(/ a (/ b c))");
        assert_eq!(tree("not not a"), "(not (not a))");
    }

    #[test]
    fn chained_comparisons_are_refused_but_parenthesised_ones_are_not() {
        let err = parse("let x = a < b < c\n", 0).unwrap_err();
        assert_eq!(err[0].code, errors::CHAINED_COMPARISON);
        assert!(parse("let x = (a < b) == c\n", 0).is_ok());
    }
}
