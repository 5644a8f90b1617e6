//! Rendering of declarations and block items as text, without comments.

use super::expr::{self, expr, literal, string};
use super::WIDTH;
use crate::ast::*;

/// Display width in characters.
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// `input ID "label": TYPE [per period]`
pub fn input(i: &InputDecl) -> String {
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

/// Comments that end the lines of a clause: after the head (up to `{` or `=`) and after the body.
#[derive(Default)]
pub struct Notes {
    /// Ends the head line.
    pub head: Option<String>,
    /// Ends the body line.
    pub body: Option<String>,
}

impl Notes {
    fn any(&self) -> bool {
        self.head.is_some() || self.body.is_some()
    }
}

fn note(n: &Option<String>) -> String {
    n.as_ref().map_or(String::new(), |c| format!("  {c}"))
}

/// `let` on one line, or broken after `=` when too long or when its head carries a comment.
pub fn let_decl(l: &LetDecl, notes: &Notes) -> String {
    let label = l
        .label
        .as_ref()
        .map_or(String::new(), |s| format!(" {}", string(&s.node)));
    let head = format!("let {}{label} =", l.id.node);
    let body = expr(&l.expr);
    if width(&head) + 1 + width(&body) <= WIDTH && !notes.any() {
        format!("{head} {body}")
    } else {
        format!(
            "{head}{}\n    {body}{}",
            note(&notes.head),
            note(&notes.body)
        )
    }
}

/// `target ID "label" {`, the expression, `}`: always three lines.
pub fn target(t: &TargetDecl, notes: &Notes) -> String {
    format!(
        "target {} {} {{{}\n  {}{}\n}}",
        t.id.node,
        string(&t.label.node),
        note(&notes.head),
        expr(&t.expr),
        note(&notes.body)
    )
}

/// A criterion on one line, or on three (head, condition, `}`) when too long or commented.
pub fn criterion(c: &CriterionDecl, notes: &Notes) -> String {
    let mut head = format!("criterion {} {}", c.id.node, string(&c.label.node));
    if c.required {
        head.push_str(" required");
    }
    if let Some(p) = &c.points {
        head.push_str(" points ");
        head.push_str(&match &p.node {
            crate::ast::PointsSpec::Number(n) => expr::number(*n),
            crate::ast::PointsSpec::Param(id) => id.clone(),
        });
    }
    if let Some(w) = &c.when {
        head.push_str(&format!(" when {}", expr(w)));
    }
    let body = expr(&c.condition);
    let one_line = format!("{head} {{ {body} }}");
    if width(&one_line) + 2 <= WIDTH && !notes.any() {
        one_line
    } else {
        format!(
            "{head} {{{}\n  {body}{}\n}}",
            note(&notes.head),
            note(&notes.body)
        )
    }
}

/// `outcome ID "label" when EXPR` or `… otherwise`
pub fn outcome(o: &OutcomeDecl) -> String {
    let tail = o
        .when
        .as_ref()
        .map_or("otherwise".to_string(), |w| format!("when {}", expr(w)));
    format!("outcome {} {} {tail}", o.id.node, string(&o.label.node))
}

/// `given { … }` or `area ID { … }`, bindings packed into lines of at most [`WIDTH`].
pub fn test_area(a: &TestArea) -> String {
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
