//! The parser's machinery: the token cursor, the tree builder, what was expected, and the errors.
//! The grammar itself is in `grammar.rs` (declarations) and `expr.rs` (expressions).

use super::{Expected, SyntaxError, SyntaxErrorKind, SyntaxKind};
use crate::syntax::lexer::Token;
use rowan::{Checkpoint, GreenNode, GreenNodeBuilder};
use SyntaxKind::*;

/// A parse function gave up at an error; the declaration is abandoned up to the next one.
pub(super) struct Failed;

/// What a parse function returns: `Err` once an error was recorded.
pub(super) type Step<T = ()> = Result<T, Failed>;

pub(super) struct Parser<'t> {
    pub(super) text: &'t str,
    tokens: &'t [Token],
    /// Indices into `tokens` of the tokens that are not trivia.
    significant: Vec<u32>,
    /// The next significant token (an index into `significant`).
    cur: usize,
    /// The next token of `tokens` not yet added to the tree.
    emitted: usize,
    builder: GreenNodeBuilder<'static>,
    pub(super) errors: Vec<SyntaxError>,
    /// What the grammar would have accepted at `cur`, in the order it was tried.
    expected: Vec<Expected>,
    /// How deep the expression parser has recursed.
    pub(super) depth: u32,
}

impl<'t> Parser<'t> {
    pub(super) fn new(text: &'t str, tokens: &'t [Token]) -> Self {
        let significant = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.kind.is_trivia())
            .map(|(i, _)| i as u32)
            .collect();
        Parser {
            text,
            tokens,
            significant,
            cur: 0,
            emitted: 0,
            builder: GreenNodeBuilder::new(),
            errors: Vec::new(),
            expected: Vec::new(),
            depth: 0,
        }
    }

    pub(super) fn finish(mut self) -> (GreenNode, Vec<SyntaxError>) {
        self.emit_up_to(self.tokens.len());
        (self.builder.finish(), self.errors)
    }

    /// The kind of the `n`-th significant token ahead (`None` at the end).
    pub(super) fn nth(&self, n: usize) -> Option<SyntaxKind> {
        let i = *self.significant.get(self.cur + n)?;
        Some(self.tokens[i as usize].kind)
    }

    /// The kind of the next significant token, without recording it as expected.
    pub(super) fn peek(&self) -> Option<SyntaxKind> {
        self.nth(0)
    }

    /// True at the end of the text.
    pub(super) fn at_end(&self) -> bool {
        self.cur >= self.significant.len()
    }

    /// Whether the next token is `kind`; `what` is recorded as expected here.
    pub(super) fn at_as(&mut self, kind: SyntaxKind, what: Expected) -> bool {
        if self.peek() == Some(kind) {
            return true;
        }
        if !self.expected.contains(&what) {
            self.expected.push(what);
        }
        false
    }

    /// Whether the next token is `kind` (recorded as expected if not).
    pub(super) fn at(&mut self, kind: SyntaxKind) -> bool {
        self.at_as(kind, Expected::Token(kind))
    }

    /// Records `what` as expected at the next token.
    pub(super) fn expecting(&mut self, what: Expected) {
        if !self.expected.contains(&what) {
            self.expected.push(what);
        }
    }

    /// Adds the next significant token (and the trivia before it) to the tree.
    pub(super) fn bump(&mut self) {
        let Some(&i) = self.significant.get(self.cur) else {
            return;
        };
        self.emit_up_to(i as usize + 1);
        self.cur += 1;
        self.expected.clear();
    }

    /// Takes the next token, as a step that went well.
    pub(super) fn bump_ok(&mut self) -> Step {
        self.bump();
        Ok(())
    }

    /// Takes the next token if it is `kind`.
    pub(super) fn eat(&mut self, kind: SyntaxKind) -> bool {
        let here = self.at(kind);
        if here {
            self.bump();
        }
        here
    }

    /// Takes the next token, which must be `kind`.
    pub(super) fn expect(&mut self, kind: SyntaxKind) -> Step {
        if self.eat(kind) {
            Ok(())
        } else {
            self.fail()
        }
    }

    /// Takes the next token, which must be `kind`, described as `what` if it is missing.
    pub(super) fn expect_as(&mut self, kind: SyntaxKind, what: Expected) -> Step {
        if self.at_as(kind, what) {
            self.bump();
            Ok(())
        } else {
            self.fail()
        }
    }

    /// Records "unexpected token; expected …" at the next token and gives up the declaration.
    pub(super) fn fail<T>(&mut self) -> Step<T> {
        let range = self.current_range();
        let expected = std::mem::take(&mut self.expected);
        self.errors.push(SyntaxError {
            range,
            kind: SyntaxErrorKind::Unexpected { expected },
        });
        Err(Failed)
    }

    /// Records an error of another kind, without giving up.
    pub(super) fn error(&mut self, range: std::ops::Range<usize>, kind: SyntaxErrorKind) {
        self.errors.push(SyntaxError { range, kind });
    }

    /// The bytes of the next significant token (an empty range at the end).
    pub(super) fn current_range(&self) -> std::ops::Range<usize> {
        match self.significant.get(self.cur) {
            Some(&i) => self.tokens[i as usize].range.clone(),
            None => self.text.len()..self.text.len(),
        }
    }

    /// Where the last significant token taken ends.
    pub(super) fn last_end(&self) -> usize {
        self.cur
            .checked_sub(1)
            .and_then(|c| self.significant.get(c))
            .map_or(0, |&i| self.tokens[i as usize].range.end)
    }

    /// True when the next token is the first significant one on its line.
    pub(super) fn at_line_start(&self) -> bool {
        let Some(&i) = self.significant.get(self.cur) else {
            return false;
        };
        let start = self.tokens[i as usize].range.start;
        self.text[..start]
            .bytes()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r'))
            .is_none_or(|b| b == b'\n')
    }

    /// True at a declaration keyword that starts its line: where the parser resumes after an error.
    pub(super) fn at_declaration(&self) -> bool {
        self.peek().is_some_and(SyntaxKind::starts_declaration) && self.at_line_start()
    }

    /// Adds the trivia before the next significant token to the node being built.
    pub(super) fn skip_trivia(&mut self) {
        let upto = self
            .significant
            .get(self.cur)
            .map_or(self.tokens.len(), |&i| i as usize);
        self.emit_up_to(upto);
    }

    fn emit_up_to(&mut self, end: usize) {
        while self.emitted < end {
            let t = &self.tokens[self.emitted];
            self.builder
                .token(t.kind.into(), &self.text[t.range.clone()]);
            self.emitted += 1;
        }
    }

    /// Runs `f` inside a node of `kind` that starts at the next significant token.
    pub(super) fn node<T>(
        &mut self,
        kind: SyntaxKind,
        f: impl FnOnce(&mut Self) -> Step<T>,
    ) -> Step<T> {
        self.skip_trivia();
        self.builder.start_node(kind.into());
        let r = f(self);
        self.builder.finish_node();
        r
    }

    /// A point to wrap later tokens in a node (for operators seen after their left operand).
    pub(super) fn checkpoint(&mut self) -> Checkpoint {
        self.skip_trivia();
        self.builder.checkpoint()
    }

    /// Runs `f` inside a node of `kind` that starts at `at`.
    pub(super) fn node_at<T>(
        &mut self,
        at: Checkpoint,
        kind: SyntaxKind,
        f: impl FnOnce(&mut Self) -> Step<T>,
    ) -> Step<T> {
        self.builder.start_node_at(at, kind.into());
        let r = f(self);
        self.builder.finish_node();
        r
    }

    /// After an error: the tokens up to the next declaration keyword that starts a line, in an
    /// `ERROR` node.
    pub(super) fn recover(&mut self) {
        self.expected.clear();
        self.skip_trivia();
        self.builder.start_node(ERROR.into());
        while !self.at_end() && !self.at_declaration() {
            self.bump();
        }
        self.builder.finish_node();
        self.expected.clear();
    }

    /// Puts every token in one `ERROR` node (a text refused before parsing).
    pub(super) fn swallow_all(&mut self) {
        self.builder.start_node(ERROR.into());
        self.emit_up_to(self.tokens.len());
        self.cur = self.significant.len();
        self.builder.finish_node();
    }

    pub(super) fn start_root(&mut self) {
        self.builder.start_node(ROOT.into());
    }

    pub(super) fn finish_root(&mut self) {
        self.emit_up_to(self.tokens.len());
        self.builder.finish_node();
    }
}
