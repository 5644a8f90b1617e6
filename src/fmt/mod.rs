//! `fmt`: one canonical layout for rules files. Strings are written back byte for byte (a label
//! may span lines: its continuation lines are never re-indented). Comments are kept: a comment
//! before or between declarations (or items of an assessment or test) stays there; a comment at
//! the end of a line stays at the end of the line that holds the same clause (a declaration or
//! item laid out on one line; the head, the body or the closing `}` of a criterion, target or
//! `let`; an assessment's header); a comment that cannot keep its line (inside an expression, on a
//! line of its own inside an item, or a second one for the same output line) moves just above the
//! declaration or item that holds it. At most one blank line is kept where the source had any.
//! Formatting never changes meaning: the output parses to the same tree.

mod expr;
mod layout;

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::syntax::cst::SyntaxKind;
use crate::syntax::lexer::lex;
use expr::{expr, literal, string};
use layout::Notes;

/// Lines longer than this are broken (criteria and `given` blocks go on several lines).
pub const WIDTH: usize = 100;

/// Formats a rules file; the diagnostics of the syntax phase when it does not parse.
pub fn format_source(text: &str) -> Result<String, Vec<Diagnostic>> {
    let ast = crate::syntax::parse(text, 0)?;
    let mut f = Formatter {
        text,
        comments: comments(text),
        used: vec![],
        out: String::new(),
    };
    f.used = vec![false; f.comments.len()];
    let mut prev_end = None;
    for (d, span) in ast.decls.iter().zip(&ast.spans) {
        f.blank_line(prev_end, span.start);
        f.leading(span.start, "");
        f.simple_decl(d, *span);
        f.trailing(span.end);
        f.out.push('\n');
        prev_end = Some(span.end);
    }
    if let Some(end) = prev_end {
        f.blank_line(Some(end), text.len());
    }
    f.leading(text.len() + 1, "");
    while f.out.ends_with("\n\n") {
        f.out.pop();
    }
    Ok(f.out)
}

/// A `//` comment: byte range of the comment text.
struct Comment {
    start: usize,
    end: usize,
}

/// Every `//` comment, as the lexer sees them (never inside a string).
fn comments(text: &str) -> Vec<Comment> {
    lex(text)
        .into_iter()
        .filter(|t| t.kind == SyntaxKind::COMMENT)
        .map(|t| Comment {
            start: t.range.start,
            end: t.range.end,
        })
        .collect()
}

/// The offsets of the line breaks inside the strings of `text`.
fn breaks_in_strings(text: &str) -> Vec<usize> {
    lex(text)
        .into_iter()
        .filter(|t| matches!(t.kind, SyntaxKind::STRING | SyntaxKind::ERROR_TOKEN))
        .flat_map(|t| {
            text[t.range.clone()]
                .match_indices('\n')
                .map(move |(i, _)| t.range.start + i)
        })
        .collect()
}

/// Prefixes every line of `text` but the first with `prefix`, except lines that continue a string.
fn indent(text: &str, prefix: &str) -> String {
    let in_strings = breaks_in_strings(text);
    let mut out = String::with_capacity(text.len() + prefix.len());
    out.push_str(prefix);
    for (i, c) in text.char_indices() {
        out.push(c);
        if c == '\n' && in_strings.binary_search(&i).is_err() {
            out.push_str(prefix);
        }
    }
    out
}

struct Formatter<'a> {
    text: &'a str,
    comments: Vec<Comment>,
    used: Vec<bool>,
    out: String,
}

impl Formatter<'_> {
    fn comment_text(&self, i: usize) -> &str {
        self.text[self.comments[i].start..self.comments[i].end].trim_end()
    }

    /// Emits, each on its own line, the unused comments that start before `before`.
    fn leading(&mut self, before: usize, indent: &str) {
        for i in 0..self.comments.len() {
            if !self.used[i] && self.comments[i].start < before {
                self.used[i] = true;
                let line = format!("{indent}{}\n", self.comment_text(i));
                self.out.push_str(&line);
            }
        }
    }

    /// Emits the unused comments inside `span` above the item (they would be lost inside it).
    fn inner(&mut self, span: Span, indent: &str) {
        for i in 0..self.comments.len() {
            let c = &self.comments[i];
            if !self.used[i]
                && c.start >= span.start
                && c.start < span.end
                && !self.last_line(span, c.start)
            {
                self.used[i] = true;
                let line = format!("{indent}{}\n", self.comment_text(i));
                self.out.push_str(&line);
            }
        }
    }

    /// True when `at` is on the last line of `span` (a comment there trails the item).
    fn last_line(&self, span: Span, at: usize) -> bool {
        !self.text[at.min(span.end)..span.end].contains('\n')
            && self.text[..at].rfind('\n') == self.text[..span.end].rfind('\n')
    }

    /// The first unused comment in `from..to` that follows code on its line (not on the last line
    /// of `span`), taken: it will end the output line of the clause it follows. Others stay unused
    /// and go above the item.
    fn clause_note(&mut self, from: usize, to: usize, span: Span) -> Option<String> {
        let i = (0..self.comments.len()).find(|&i| {
            let at = self.comments[i].start;
            let line_start = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
            !self.used[i]
                && (from..to).contains(&at)
                && !self.text[line_start..at].trim().is_empty()
                && !self.last_line(span, at)
        })?;
        self.used[i] = true;
        Some(self.comment_text(i).to_string())
    }

    /// Notes of an item with a head and a body expression `body` inside `span`.
    fn notes(&mut self, span: Span, body: Span) -> Notes {
        Notes {
            head: self.clause_note(span.start, body.start, span),
            body: self.clause_note(body.end, span.end, span),
        }
    }

    /// For an item laid out on one line: the first comment that ends a line inside `span`, unless
    /// a comment already ends the item's last line (two comments on one line would merge).
    fn line_note(&mut self, span: Span) -> Option<String> {
        let line_end = self.text[span.end..]
            .find('\n')
            .map_or(self.text.len(), |n| span.end + n);
        let has_trailing = self
            .comments
            .iter()
            .any(|c| c.start >= span.end && c.start < line_end);
        if has_trailing {
            return None;
        }
        self.clause_note(span.start, span.end, span)
    }

    /// Appends a comment that starts on the same line after `end` (or inside the item's last line).
    fn trailing(&mut self, end: usize) {
        let line_end = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |n| end + n);
        let line_start = self.text[..end].rfind('\n').map_or(0, |n| n + 1);
        for i in 0..self.comments.len() {
            let c = &self.comments[i];
            if !self.used[i] && c.start >= line_start && c.start < line_end {
                self.used[i] = true;
                let t = format!("  {}", self.comment_text(i));
                self.out.push_str(&t);
            }
        }
    }

    /// One blank line when the source has an empty line between `prev_end` and `start`.
    fn blank_line(&mut self, prev_end: Option<usize>, start: usize) {
        let Some(prev) = prev_end else { return };
        let first_comment = self
            .comments
            .iter()
            .zip(&self.used)
            .find(|(c, u)| !**u && c.start >= prev && c.start < start)
            .map(|(c, _)| c.start);
        let until = first_comment.unwrap_or(start).min(self.text.len());
        let gap = &self.text[prev.min(until)..until];
        if gap.split('\n').skip(1).any(|l| l.trim().is_empty()) && gap.matches('\n').count() >= 2 {
            self.out.push('\n');
        }
    }

    /// A top-level declaration other than an assessment or a test, with its comments.
    fn simple_decl(&mut self, d: &Decl, span: Span) {
        let notes = match d {
            Decl::Let(l) => self.notes(span, l.expr.span),
            Decl::Target(t) => self.notes(span, t.expr.span),
            Decl::Assessment(a) => return self.assessment(a, span),
            Decl::Test(t) => return self.test(t, span),
            _ => Notes {
                head: None,
                body: self.line_note(span),
            },
        };
        self.inner(span, "");
        let line = match d {
            Decl::Ruleset { id, title } => format!("ruleset {} {}", id.node, string(&title.node)),
            Decl::Source(s) => format!("source {}", string(&s.node)),
            Decl::Valid { from, to, .. } => format!("valid from {} to {}", from.node, to.node),
            Decl::Period(p) => format!(
                "period {} {} from {} to {}",
                p.id.node,
                string(&p.label.node),
                p.from.node,
                p.to.node
            ),
            Decl::Input(i) => layout::input(i),
            Decl::Param(p) => format!(
                "param {} {} = {}{}",
                p.id.node,
                string(&p.label.node),
                literal(&p.value.node),
                if p.provisional { " provisional" } else { "" }
            ),
            Decl::Let(l) => layout::let_decl(l, &notes),
            Decl::Use(p) => format!("use {}", string(&p.node)),
            Decl::Target(t) => layout::target(t, &notes),
            Decl::Assessment(_) | Decl::Test(_) => return,
        };
        self.out.push_str(&line);
        match (&notes.body, d) {
            (_, Decl::Let(_) | Decl::Target(_)) | (None, _) => {}
            (Some(n), _) => self.out.push_str(&format!("  {n}")),
        }
    }

    fn assessment(&mut self, a: &AssessmentDecl, span: Span) {
        let when = a
            .when
            .as_ref()
            .map_or(String::new(), |w| format!(" when {}", expr(w)));
        let header_end = a
            .criteria
            .first()
            .map(|c| c.span.start)
            .into_iter()
            .chain(a.outcomes.first().map(|o| o.span.start))
            .min()
            .unwrap_or(span.end);
        let brace = self.text[..header_end].rfind('{').unwrap_or(span.start);
        let header = Span {
            end: brace + 1,
            ..span
        };
        let brace_line_has_comment = self
            .comments
            .iter()
            .any(|c| c.start > brace && !self.text[brace..c.start].contains('\n'));
        let note = if brace_line_has_comment {
            None
        } else {
            self.clause_note(span.start, brace, header)
        };
        self.inner(header, "");
        self.out.push_str(&format!(
            "assessment {} {}{when} {{",
            a.id.node,
            string(&a.label.node)
        ));
        self.trailing(brace);
        if let Some(n) = note {
            self.out.push_str(&format!("  {n}"));
        }
        self.out.push('\n');
        let mut items: Vec<Item> = a.criteria.iter().map(Item::Criterion).collect();
        items.extend(a.outcomes.iter().map(Item::Outcome));
        self.items(items, span);
        self.out.push('}');
    }

    /// Items of a block, each with its comments, indented by two spaces.
    fn items(&mut self, mut items: Vec<Item>, block: Span) {
        items.sort_by_key(|i| i.span().start);
        let mut prev: Option<usize> = None;
        for item in items {
            let s = item.span();
            self.blank_line(prev, s.start);
            self.leading(s.start, "  ");
            let text = match item {
                Item::Criterion(c) => {
                    let notes = self.notes(s, c.condition.span);
                    self.inner(s, "  ");
                    layout::criterion(c, &notes)
                }
                other => {
                    let note = self.line_note(s);
                    self.inner(s, "  ");
                    let text = other.render();
                    match note {
                        Some(n) => format!("{text}  {n}"),
                        None => text,
                    }
                }
            };
            self.out.push_str(&indent(&text, "  "));
            self.trailing(s.end);
            self.out.push('\n');
            prev = Some(s.end);
        }
        self.leading(block.end, "  ");
    }

    fn test(&mut self, t: &TestDecl, span: Span) {
        self.out
            .push_str(&format!("test {} {{", string(&t.name.node)));
        // A comment after the `{` stays on the header's line.
        let brace = self.text[t.name.span.end..span.end]
            .find('{')
            .map_or(t.name.span.end, |n| t.name.span.end + n);
        self.trailing(brace);
        self.out.push('\n');
        let mut items: Vec<Item> = t.areas.iter().map(Item::Area).collect();
        items.extend(t.sets.iter().map(Item::Set));
        items.extend(t.expects.iter().map(Item::Expect));
        self.items(items, span);
        self.out.push('}');
    }
}

/// An item of an assessment or test block.
enum Item<'a> {
    Criterion(&'a CriterionDecl),
    Outcome(&'a OutcomeDecl),
    Area(&'a TestArea),
    Set(&'a Binding),
    Expect(&'a Expect),
}

impl Item<'_> {
    fn span(&self) -> Span {
        match self {
            Item::Criterion(c) => c.span,
            Item::Outcome(o) => o.span,
            Item::Area(a) => a.span,
            Item::Set(b) => b.name.span.to(b.value.span),
            Item::Expect(e) => e.span,
        }
    }

    /// The item's text without comments.
    fn render(&self) -> String {
        match self {
            Item::Criterion(c) => layout::criterion(c, &Notes::default()),
            Item::Outcome(o) => layout::outcome(o),
            Item::Area(a) => layout::test_area(a),
            Item::Set(b) => format!("set {} = {}", b.name.node, literal(&b.value.node)),
            Item::Expect(e) => {
                let area = e
                    .area
                    .as_ref()
                    .map_or(String::new(), |a| format!(" for {}", a.node));
                format!("expect {}{area}", expr(&e.expr))
            }
        }
    }
}
