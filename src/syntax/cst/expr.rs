//! Expressions: a Pratt parser over the operators of LANGUAGE.md, loosest first: `??`, `or`,
//! `and`, `not`, comparisons and `in (…)`, `+ -`, `* /`, unary `-`. Comparisons do not chain.

use super::parser::{Failed, Parser, Step};
use super::{Expected, SyntaxErrorKind, SyntaxKind, MAX_EXPR_DEPTH};
use SyntaxKind::*;

/// The binding power of `not` (its operand takes every tighter operator).
const NOT_BP: u8 = 4;
/// The binding power of comparisons and `in`.
const CMP_BP: u8 = 5;
/// The binding power of unary `-`.
const NEG_BP: u8 = 8;

/// What an infix operator is, when `kind` is one: its binding power, and whether it compares.
fn infix(kind: SyntaxKind) -> Option<(u8, bool)> {
    Some(match kind {
        QUESTION2 => (1, false),
        OR_KW => (2, false),
        AND_KW => (3, false),
        EQ2 | NEQ | LT | LE | GT | GE => (CMP_BP, true),
        PLUS | MINUS => (6, false),
        STAR | SLASH => (7, false),
        _ => return None,
    })
}

/// What was built: the depth of its tree, and whether it is a comparison (which cannot be
/// chained).
#[derive(Clone, Copy)]
struct Built {
    depth: u32,
    comparison: bool,
}

impl Parser<'_> {
    /// One expression.
    pub(super) fn expr(&mut self) -> Step {
        self.expr_bp(0).map(|_| ())
    }

    fn expr_bp(&mut self, min_bp: u8) -> Step<Built> {
        self.depth += 1;
        let r = if self.depth > MAX_EXPR_DEPTH {
            self.too_deep()
        } else {
            crate::stack::grow(|| self.expr_bp_here(min_bp))
        };
        self.depth -= 1;
        r
    }

    fn too_deep<T>(&mut self) -> Step<T> {
        let range = self.current_range();
        self.error(range, SyntaxErrorKind::TooDeep);
        Err(Failed)
    }

    fn expr_bp_here(&mut self, min_bp: u8) -> Step<Built> {
        let start = self.current_range().start;
        let cp = self.checkpoint();
        let mut lhs = match self.peek() {
            Some(NOT_KW) => self.prefix(cp, NOT_BP)?,
            Some(MINUS) => self.prefix(cp, NEG_BP)?,
            _ => self.atom()?,
        };
        loop {
            if self.peek() == Some(IN_KW) {
                if CMP_BP <= min_bp {
                    break;
                }
                if lhs.comparison {
                    let range = self.current_range();
                    self.error(range, SyntaxErrorKind::ChainedComparison { in_list: true });
                }
                self.node_at(cp, IN_EXPR, Self::in_list)?;
                lhs = self.checked(start, lhs.depth + 1, true)?;
                continue;
            }
            let Some(op) = self.peek_infix() else {
                break;
            };
            let (bp, comparison) = infix(op).unwrap_or((0, false));
            if bp <= min_bp {
                break;
            }
            if comparison && lhs.comparison {
                let range = self.current_range();
                self.error(range, SyntaxErrorKind::ChainedComparison { in_list: false });
            }
            let rhs = self.node_at(cp, BINARY_EXPR, |p| {
                p.bump();
                p.expr_bp(bp)
            })?;
            lhs = self.checked(start, lhs.depth.max(rhs.depth) + 1, comparison)?;
        }
        Ok(lhs)
    }

    /// The infix operator at the next token, recording the operators as expected.
    fn peek_infix(&mut self) -> Option<SyntaxKind> {
        let next = self.peek();
        match next.and_then(infix) {
            Some(_) => next,
            None => {
                self.at(AND_KW);
                self.at(OR_KW);
                self.at(IN_KW);
                self.expecting(Expected::Operator);
                self.expecting(Expected::Comparison);
                None
            }
        }
    }

    /// Refuses a tree deeper than [`MAX_EXPR_DEPTH`].
    fn checked(&mut self, start: usize, depth: u32, comparison: bool) -> Step<Built> {
        if depth > MAX_EXPR_DEPTH {
            let end = self.last_end();
            self.error(start..end, SyntaxErrorKind::TooDeep);
            return Err(Failed);
        }
        Ok(Built { depth, comparison })
    }

    fn prefix(&mut self, cp: rowan::Checkpoint, bp: u8) -> Step<Built> {
        let start = self.current_range().start;
        let inner = self.node_at(cp, PREFIX_EXPR, |p| {
            p.bump();
            p.expr_bp(bp)
        })?;
        self.checked(start, inner.depth + 1, false)
    }

    /// `in (a, b, na)`
    fn in_list(&mut self) -> Step {
        self.bump();
        self.node(IN_LIST, |p| {
            p.expect(L_PAREN)?;
            loop {
                p.node(IN_ITEM, |p| match p.peek() {
                    Some(IDENT | NA_KW) => p.bump_ok(),
                    _ => {
                        p.expecting(Expected::OptionOrOutcome);
                        p.fail()
                    }
                })?;
                if !p.eat(COMMA) {
                    break;
                }
            }
            p.expect(R_PAREN)
        })
    }

    fn atom(&mut self) -> Step<Built> {
        let leaf = Built {
            depth: 1,
            comparison: false,
        };
        match self.peek() {
            Some(
                DATE | PERCENT | NUMBER | STRING | TRUE_KW | FALSE_KW | PASS_KW | FAIL_KW
                | UNKNOWN_KW | NA_KW | MET_KW | NOT_MET_KW | INVALID_KW,
            ) => self.node(LITERAL_EXPR, |p| p.bump_ok()).map(|_| leaf),
            Some(POINTS_KW) => self.node(POINTS_REF, |p| p.bump_ok()).map(|_| leaf),
            Some(L_PAREN) => self.paren(),
            Some(COUNT_KW) => self.call(),
            Some(IDENT) if self.nth(1) == Some(L_PAREN) => self.call(),
            Some(IDENT) => self.name_ref().map(|_| leaf),
            _ => {
                self.expecting(Expected::Expression);
                self.fail()
            }
        }
    }

    fn paren(&mut self) -> Step<Built> {
        let start = self.current_range().start;
        let inner = self.node(PAREN_EXPR, |p| {
            p.bump();
            let inner = p.expr_bp(0)?;
            p.expect(R_PAREN)?;
            Ok(inner)
        })?;
        self.checked(start, inner.depth + 1, false)
    }

    /// `f(a, b among c)`, `count(…)`
    fn call(&mut self) -> Step<Built> {
        let start = self.current_range().start;
        let depth = self.node(CALL, |p| {
            p.bump();
            p.expect(L_PAREN)?;
            let mut depth = p.expr_bp(0)?.depth;
            while p.eat(COMMA) {
                depth = depth.max(p.expr_bp(0)?.depth);
            }
            if p.at(AMONG_KW) {
                depth = depth.max(
                    p.node(AMONG, |p| {
                        p.bump();
                        p.expr_bp(0)
                    })?
                    .depth,
                );
            }
            p.expect(R_PAREN)?;
            Ok(depth)
        })?;
        self.checked(start, depth + 1, false)
    }

    /// `name`, `name.member`, `name@period`, `name.member@period`
    fn name_ref(&mut self) -> Step {
        self.node(NAME_REF, |p| {
            p.bump();
            // A name may also start a call.
            p.expecting(Expected::Token(L_PAREN));
            if p.peek() == Some(DOT) {
                p.bump();
                p.name()?;
            }
            if p.peek() == Some(AT) {
                p.bump();
                p.name()?;
            }
            Ok(())
        })
    }
}
