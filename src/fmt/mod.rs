//! `fmt`: one canonical layout for rules files. Comments are kept: a comment before or between
//! declarations (or items of an assessment or test) stays there, a comment at the end of a line
//! stays at the end of that item's line, and a comment inside an expression moves just above the
//! declaration or item that holds it. At most one blank line is kept where the source had any.
//! Formatting never changes meaning: the output parses to the same tree.

mod expr;

use crate::ast::*;
use crate::diag::Diagnostic;
use expr::{expr, literal, string};

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
        f.blank_line(prev_end, span.start, "");
        f.leading(span.start, "");
        if !matches!(d, Decl::Assessment(_) | Decl::Test(_)) {
            f.inner(*span, "");
        }
        f.decl(d, *span);
        f.trailing(span.end);
        f.out.push('\n');
        prev_end = Some(span.end);
    }
    if let Some(end) = prev_end {
        f.blank_line(Some(end), text.len(), "");
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

/// Every `//` comment outside strings.
fn comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.push(Comment { start: i, end });
                i = end;
                continue;
            }
            b'\n' => in_string = false,
            _ => {}
        }
        i += 1;
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
    fn blank_line(&mut self, prev_end: Option<usize>, start: usize, _indent: &str) {
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

    fn decl(&mut self, d: &Decl, span: Span) {
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
            Decl::Input(i) => input(i),
            Decl::Param(p) => format!(
                "param {} {} = {}{}",
                p.id.node,
                string(&p.label.node),
                literal(&p.value.node),
                if p.provisional { " provisional" } else { "" }
            ),
            Decl::Let(l) => let_decl(l),
            Decl::Use(p) => format!("use {}", string(&p.node)),
            Decl::Target(t) => format!(
                "target {} {} {{\n  {}\n}}",
                t.id.node,
                string(&t.label.node),
                expr(&t.expr)
            ),
            Decl::Assessment(a) => return self.assessment(a, span),
            Decl::Test(t) => return self.test(t, span),
        };
        self.out.push_str(&line);
    }

    fn assessment(&mut self, a: &AssessmentDecl, span: Span) {
        let when = a
            .when
            .as_ref()
            .map_or(String::new(), |w| format!(" when {}", expr(w)));
        self.out.push_str(&format!(
            "assessment {} {}{when} {{",
            a.id.node,
            string(&a.label.node)
        ));
        let header_end = a
            .criteria
            .first()
            .map(|c| c.span.start)
            .into_iter()
            .chain(a.outcomes.first().map(|o| o.span.start))
            .min()
            .unwrap_or(span.end);
        self.trailing(self.text[..header_end].rfind('{').unwrap_or(span.start));
        self.out.push('\n');
        let mut items: Vec<(Span, String)> =
            a.criteria.iter().map(|c| (c.span, criterion(c))).collect();
        items.extend(a.outcomes.iter().map(|o| (o.span, outcome(o))));
        items.sort_by_key(|(s, _)| s.start);
        self.items(&items, span);
        self.out.push('}');
    }

    /// Items of a block, each with its comments, indented by two spaces.
    fn items(&mut self, items: &[(Span, String)], block: Span) {
        let mut prev: Option<usize> = None;
        for (s, text) in items {
            self.blank_line(prev, s.start, "  ");
            self.leading(s.start, "  ");
            self.inner(*s, "  ");
            let indented: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
            self.out.push_str(&indented.join("\n"));
            self.trailing(s.end);
            self.out.push('\n');
            prev = Some(s.end);
        }
        self.leading(block.end, "  ");
    }

    fn test(&mut self, t: &TestDecl, span: Span) {
        self.out
            .push_str(&format!("test {} {{\n", string(&t.name.node)));
        let mut items: Vec<(Span, String)> =
            t.areas.iter().map(|a| (a.span, test_area(a))).collect();
        items.extend(t.sets.iter().map(|b| {
            (
                b.name.span.to(b.value.span),
                format!("set {} = {}", b.name.node, literal(&b.value.node)),
            )
        }));
        items.extend(t.expects.iter().map(|e| {
            let area = e
                .area
                .as_ref()
                .map_or(String::new(), |a| format!(" for {}", a.node));
            (e.span, format!("expect {}{area}", expr(&e.expr)))
        }));
        items.sort_by_key(|(s, _)| s.start);
        self.items(&items, span);
        self.out.push('}');
    }
}

/// Display width in characters.
fn width(s: &str) -> usize {
    s.chars().count()
}

fn input(i: &InputDecl) -> String {
    let ty = match &i.ty.node {
        TypeExpr::Count => "count".to_string(),
        TypeExpr::Number => "number".into(),
        TypeExpr::Percent => "percent".into(),
        TypeExpr::YesNo => "yes_no".into(),
        TypeExpr::Date => "date".into(),
        TypeExpr::Text => "text".into(),
        TypeExpr::Choice(opts) => {
            let list: Vec<String> = opts
                .iter()
                .map(|o| match &o.label {
                    Some(l) => format!("{} {}", o.id.node, string(&l.node)),
                    None => o.id.node.clone(),
                })
                .collect();
            format!("choice({})", list.join(", "))
        }
    };
    let per = if i.per_period { " per period" } else { "" };
    format!("input {} {}: {ty}{per}", i.id.node, string(&i.label.node))
}

fn let_decl(l: &LetDecl) -> String {
    let label = l
        .label
        .as_ref()
        .map_or(String::new(), |s| format!(" {}", string(&s.node)));
    let head = format!("let {}{label} =", l.id.node);
    let body = expr(&l.expr);
    if width(&head) + 1 + width(&body) <= WIDTH {
        format!("{head} {body}")
    } else {
        format!("{head}\n    {body}")
    }
}

fn criterion(c: &CriterionDecl) -> String {
    let mut head = format!("criterion {} {}", c.id.node, string(&c.label.node));
    if c.required {
        head.push_str(" required");
    }
    if let Some(p) = &c.points {
        head.push_str(" points ");
        head.push_str(&match &p.node {
            PointsSpec::Number(n) => expr::number(*n),
            PointsSpec::Param(id) => id.clone(),
        });
    }
    if let Some(w) = &c.when {
        head.push_str(&format!(" when {}", expr(w)));
    }
    let body = expr(&c.condition);
    let one_line = format!("{head} {{ {body} }}");
    if width(&one_line) + 2 <= WIDTH {
        one_line
    } else {
        format!("{head} {{\n  {body}\n}}")
    }
}

fn outcome(o: &OutcomeDecl) -> String {
    let tail = o
        .when
        .as_ref()
        .map_or("otherwise".to_string(), |w| format!("when {}", expr(w)));
    format!("outcome {} {} {tail}", o.id.node, string(&o.label.node))
}

fn test_area(a: &TestArea) -> String {
    let bindings: Vec<String> = a
        .bindings
        .iter()
        .map(|b| {
            let period = b
                .period
                .as_ref()
                .map_or(String::new(), |p| format!("@{}", p.node));
            format!("{}{period} = {}", b.name.node, literal(&b.value.node))
        })
        .collect();
    let head =
        a.id.as_ref()
            .map_or("given".to_string(), |id| format!("area {}", id.node));
    let one_line = format!("{head} {{ {} }}", bindings.join("  "));
    if width(&one_line) + 2 <= WIDTH || bindings.is_empty() {
        return one_line;
    }
    let mut lines = vec![format!("{head} {{")];
    let mut line: Vec<String> = Vec::new();
    for b in bindings {
        let len: usize = line.iter().map(|x| width(x) + 2).sum();
        if !line.is_empty() && 2 + len + width(&b) > WIDTH - 2 {
            lines.push(format!("  {}", line.join("  ")));
            line.clear();
        }
        line.push(b);
    }
    lines.push(format!("  {}", line.join("  ")));
    lines.push("}".into());
    lines.join("\n")
}
