//! The lossless syntax tree (rowan): every byte of the text, trivia included, in a tree with a
//! node per declaration, clause, expression and test item. [`parse`] never fails and never
//! panics: the errors are collected beside the tree, and after one the parser resumes at the
//! next declaration keyword that starts a line.

mod expr;
mod grammar;
mod kinds;
mod parser;

pub use kinds::{SyntaxKind, TieuchiLang};

use crate::syntax::lexer::{lex, Token};
use crate::syntax::{MAX_EXPR_DEPTH, MAX_NESTING};
use std::ops::Range;

/// A node of the syntax tree.
pub type SyntaxNode = rowan::SyntaxNode<TieuchiLang>;
/// A token of the syntax tree.
pub type SyntaxToken = rowan::SyntaxToken<TieuchiLang>;
/// A node or a token.
pub type SyntaxElement = rowan::SyntaxElement<TieuchiLang>;

/// The result of [`parse`]: the tree (always, covering the whole text) and the syntax errors.
#[derive(Debug, Clone)]
pub struct Parse {
    /// The tree, immutable and cheap to clone.
    pub green: rowan::GreenNode,
    /// The syntax errors, in the order found (at most one per declaration).
    pub errors: Vec<SyntaxError>,
}

impl Parse {
    /// The root of the tree, to walk it.
    pub fn syntax(&self) -> SyntaxNode {
        SyntaxNode::new_root(self.green.clone())
    }
}

/// One syntax error: where, and what. [`SyntaxError::to_diagnostic`] puts it into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The bytes it is about (empty at the end of the text).
    pub range: Range<usize>,
    /// What went wrong.
    pub kind: SyntaxErrorKind,
}

impl SyntaxError {
    /// The error as a diagnostic of `file` (code `tieuchi::syntax::…`, message, label and help
    /// as catalog messages), `text` being the text that was parsed.
    pub fn to_diagnostic(&self, text: &str, file: crate::ast::FileId) -> crate::diag::Diagnostic {
        super::errors::to_diagnostic(self, text, file)
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// A token the grammar does not allow here, or the end of the text.
    Unexpected {
        /// What would have been accepted, in the order the grammar tried it.
        expected: Vec<Expected>,
    },
    /// `a < b < c`, or `a == b in (…)`.
    ChainedComparison {
        /// The second comparison is an `in (…)`.
        in_list: bool,
    },
    /// An expression tree deeper than [`MAX_EXPR_DEPTH`].
    TooDeep,
    /// Brackets nested deeper than [`MAX_NESTING`] (the text is not parsed at all).
    BracketsTooDeep,
}

/// Something the grammar would have accepted where an error was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A keyword or sign.
    Token(SyntaxKind),
    /// A name.
    Name,
    /// A quoted label.
    Label,
    /// A date.
    Date,
    /// A literal value.
    Value,
    /// An expression.
    Expression,
    /// An arithmetic operator or `??`.
    Operator,
    /// A comparison.
    Comparison,
    /// A declaration keyword.
    Declaration,
    /// An input type.
    Type,
    /// `name = value` in a test.
    Binding,
    /// A choice option or an outcome (in `in (…)`).
    OptionOrOutcome,
}

/// Parses a rules file into its lossless tree.
pub fn parse(text: &str) -> Parse {
    let tokens = lex(text);
    parse_tokens(text, &tokens)
}

/// Parses the tokens [`lex`] gave for `text`.
pub fn parse_tokens(text: &str, tokens: &[Token]) -> Parse {
    let mut p = parser::Parser::new(text, tokens);
    p.start_root();
    if let Some(at) = too_deep_bracket(tokens) {
        p.swallow_all();
        p.error(at, SyntaxErrorKind::BracketsTooDeep);
    } else {
        p.file();
    }
    p.finish_root();
    let (green, errors) = p.finish();
    Parse { green, errors }
}

/// Parses one value (`-5`, `20%`, `"x"`, `true`, `option`) at the start of `text` into a
/// `LITERAL` node; what follows it is left in an `ERROR` node without an error of its own.
pub fn parse_literal(text: &str) -> Parse {
    let tokens = lex(text);
    let mut p = parser::Parser::new(text, &tokens);
    p.start_root();
    let _ = p.literal();
    if !p.at_end() {
        p.swallow_all();
    }
    p.finish_root();
    let (green, errors) = p.finish();
    Parse { green, errors }
}

/// The first bracket nested deeper than [`MAX_NESTING`], checked before parsing so that the
/// parser's recursion stays bounded.
fn too_deep_bracket(tokens: &[Token]) -> Option<Range<usize>> {
    let mut depth = 0usize;
    for t in tokens {
        match t.kind {
            SyntaxKind::L_PAREN | SyntaxKind::L_BRACE => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(t.range.clone());
                }
            }
            SyntaxKind::R_PAREN | SyntaxKind::R_BRACE => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;
