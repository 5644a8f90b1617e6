//! Hover: what a name stands for, in markdown — its label, its declaration as written, its
//! type, its periods, a param's value and whether it is provisional, the outcomes that read a
//! criterion.

use super::index::{Kind, Sym};
use super::state::Analysis;
use crate::ast::{AssessmentDecl, Decl, Expr, ExprKind, FileId, Span};
use crate::i18n::Lang;
use crate::tr;

/// The markdown shown over `sym`.
pub fn hover(a: &Analysis, sym: &Sym, lang: Lang) -> Option<String> {
    let def = a.index.definition(sym)?;
    let mut out = Vec::new();
    if let Some(label) = label_of(&a.decls, sym) {
        out.push(format!("**{}**", escape(&label)));
    }
    out.push(format!(
        "```tieuchi\n{}\n```",
        declaration_text(a, sym, def.span)
    ));
    match sym {
        Sym::Global(name) => global_notes(a, name, lang, &mut out),
        Sym::Criterion(assessment, c) => {
            let readers = readers(a, assessment, c);
            if !readers.is_empty() {
                let list = readers.join(", ");
                out.push(tr!(lang, "lsp-hover-read-by", list = list));
            }
        }
        Sym::Outcome(..) | Sym::Option(..) => {}
    }
    Some(out.join("\n\n"))
}

fn global_notes(a: &Analysis, name: &str, lang: Lang, out: &mut Vec<String>) {
    let Some(rules) = &a.checked.rules else {
        return;
    };
    match a.index.globals.get(name) {
        Some(Kind::Input) => {
            if let Some(i) = rules.inputs.iter().find(|i| i.id == name) {
                if i.per_period {
                    let list: Vec<String> = rules
                        .periods
                        .iter()
                        .map(|p| format!("`{}`", p.id))
                        .collect();
                    out.push(tr!(lang, "lsp-hover-periods", list = list.join(", ")));
                }
            }
        }
        Some(Kind::Param) => {
            if let Some(p) = rules.params.iter().find(|p| p.id == name) {
                out.push(tr!(
                    lang,
                    "lsp-hover-value",
                    value = p.written.trim().to_string()
                ));
                if p.provisional {
                    out.push(tr!(lang, "lsp-hover-provisional"));
                }
            }
        }
        Some(Kind::Let) => {
            if let Some(l) = rules.lets.iter().find(|l| l.id == name) {
                let ty = l.ty.name().render(lang);
                out.push(tr!(lang, "lsp-hover-type", type = ty));
            }
        }
        _ => {}
    }
}

/// The label written in the declaration of `sym`.
pub fn label_of(decls: &[(FileId, Decl)], sym: &Sym) -> Option<String> {
    for (_, d) in decls {
        let found = match (d, sym) {
            (Decl::Period(p), Sym::Global(n)) if &p.id.node == n => Some(&p.label.node),
            (Decl::Input(i), Sym::Global(n)) if &i.id.node == n => Some(&i.label.node),
            (Decl::Param(p), Sym::Global(n)) if &p.id.node == n => Some(&p.label.node),
            (Decl::Let(l), Sym::Global(n)) if &l.id.node == n => l.label.as_ref().map(|l| &l.node),
            (Decl::Assessment(a), Sym::Global(n)) if &a.id.node == n => Some(&a.label.node),
            (Decl::Target(t), Sym::Global(n)) if &t.id.node == n => Some(&t.label.node),
            (Decl::Assessment(a), Sym::Criterion(n, c)) if &a.id.node == n => a
                .criteria
                .iter()
                .find(|x| &x.id.node == c)
                .map(|x| &x.label.node),
            (Decl::Assessment(a), Sym::Outcome(n, o)) if &a.id.node == n => a
                .outcomes
                .iter()
                .find(|x| &x.id.node == o)
                .map(|x| &x.label.node),
            (Decl::Input(i), Sym::Option(n, o)) if &i.id.node == n => match &i.ty.node {
                crate::ast::TypeExpr::Choice(opts) => opts
                    .iter()
                    .find(|x| &x.id.node == o)
                    .and_then(|x| x.label.as_ref())
                    .map(|l| &l.node),
                _ => None,
            },
            _ => None,
        };
        if let Some(label) = found {
            return Some(label.clone());
        }
    }
    None
}

/// The declaration as written: its first line, or the whole `let` (at most 12 lines).
fn declaration_text(a: &Analysis, sym: &Sym, at: Span) -> String {
    let Some(file) = a.checked.sources.get(at.file) else {
        return String::new();
    };
    let let_end = a.decls.iter().find_map(|(_, d)| match (d, sym) {
        (Decl::Let(l), Sym::Global(n)) if &l.id.node == n => Some(l.expr.span.end),
        _ => None,
    });
    let start = file.text[..at.start.min(file.text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    match let_end {
        Some(end) if end > start => {
            let text = file.text.get(start..end).unwrap_or("");
            text.lines().take(12).collect::<Vec<_>>().join("\n")
        }
        _ => file.line_text(at.start).trim().to_string(),
    }
}

/// The outcomes of `assessment` whose condition reads criterion `c` (by name, or through
/// `all_required` when it is required).
fn readers(a: &Analysis, assessment: &str, c: &str) -> Vec<String> {
    let Some(decl) = a.decls.iter().find_map(|(_, d)| match d {
        Decl::Assessment(x) if x.id.node == assessment => Some(x),
        _ => None,
    }) else {
        return vec![];
    };
    let required = decl.criteria.iter().any(|x| x.id.node == c && x.required);
    let sym = Sym::Criterion(assessment.to_string(), c.to_string());
    let uses: Vec<Span> = a
        .index
        .of(&sym)
        .filter(|o| !o.decl)
        .map(|o| o.span)
        .collect();
    outcomes_reading(decl, &uses, required)
}

fn outcomes_reading(decl: &AssessmentDecl, uses: &[Span], required: bool) -> Vec<String> {
    decl.outcomes
        .iter()
        .filter(|o| {
            o.when.as_ref().is_some_and(|w| {
                let inside = |s: &Span| {
                    s.file == w.span.file && w.span.start <= s.start && s.end <= w.span.end
                };
                uses.iter().any(inside) || required && reads_all_required(w)
            })
        })
        .map(|o| format!("`{}`", o.id.node))
        .collect()
}

fn reads_all_required(e: &Expr) -> bool {
    crate::stack::grow(|| match &e.node {
        ExprKind::Name {
            name, member: None, ..
        } => name.node == "all_required",
        ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::Paren(x) => reads_all_required(x),
        ExprKind::Binary { lhs, rhs, .. } => reads_all_required(lhs) || reads_all_required(rhs),
        ExprKind::Call { args, .. } => args.iter().any(reads_all_required),
        _ => false,
    })
}

/// Markdown's special characters in a label, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
