//! The outline, formatting, rename and quick fixes.

use super::index::Sym;
use super::state::{Analysis, State};
use crate::ast::{Decl, Span, TypeExpr};
use crate::syntax::cst::SyntaxKind;
use crate::syntax::lexer::{is_ident_char, is_ident_start};
use lsp_types::{
    CodeAction, CodeActionKind, DocumentSymbol, Range, SymbolKind, TextEdit, Url, WorkspaceEdit,
};
use std::collections::HashMap;

/// The outline of a text: periods, inputs (with their options), params, lets, assessments
/// (with criteria and outcomes), targets and tests. Empty when the text does not parse.
pub fn symbols(text: &str, lines: &super::lines::LineIndex) -> Vec<DocumentSymbol> {
    let Ok(file) = crate::syntax::parse(text, 0) else {
        return vec![];
    };
    let range = |s: Span| lines.range(text, s.start, s.end);
    file.decls
        .iter()
        .zip(&file.spans)
        .filter_map(|(d, span)| decl_symbol(d, range(*span), &range))
        .collect()
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build one.
fn symbol(
    name: &str,
    detail: Option<&str>,
    kind: SymbolKind,
    range: Range,
    selection: Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: name.to_string(),
        detail: detail.map(str::to_string),
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: (!children.is_empty()).then_some(children),
    }
}

fn decl_symbol(d: &Decl, whole: Range, range: &dyn Fn(Span) -> Range) -> Option<DocumentSymbol> {
    let leaf = |id: &crate::ast::Ident, label: Option<&str>, kind| {
        symbol(&id.node, label, kind, whole, range(id.span), vec![])
    };
    Some(match d {
        Decl::Period(p) => leaf(&p.id, Some(&p.label.node), SymbolKind::CONSTANT),
        Decl::Input(i) => {
            let options = match &i.ty.node {
                TypeExpr::Choice(opts) => opts
                    .iter()
                    .map(|o| {
                        let r = range(o.id.span);
                        let label = o.label.as_ref().map(|l| l.node.as_str());
                        symbol(&o.id.node, label, SymbolKind::ENUM_MEMBER, r, r, vec![])
                    })
                    .collect(),
                _ => vec![],
            };
            let kind = SymbolKind::VARIABLE;
            symbol(
                &i.id.node,
                Some(&i.label.node),
                kind,
                whole,
                range(i.id.span),
                options,
            )
        }
        Decl::Param(p) => leaf(&p.id, Some(&p.label.node), SymbolKind::CONSTANT),
        Decl::Let(l) => leaf(
            &l.id,
            l.label.as_ref().map(|l| l.node.as_str()),
            SymbolKind::FIELD,
        ),
        Decl::Assessment(a) => {
            let mut children: Vec<DocumentSymbol> = a
                .criteria
                .iter()
                .map(|c| {
                    let (r, sel) = (range(c.span), range(c.id.span));
                    symbol(
                        &c.id.node,
                        Some(&c.label.node),
                        SymbolKind::PROPERTY,
                        r,
                        sel,
                        vec![],
                    )
                })
                .collect();
            children.extend(a.outcomes.iter().map(|o| {
                let (r, sel) = (range(o.span), range(o.id.span));
                symbol(
                    &o.id.node,
                    Some(&o.label.node),
                    SymbolKind::ENUM_MEMBER,
                    r,
                    sel,
                    vec![],
                )
            }));
            let sel = range(a.id.span);
            symbol(
                &a.id.node,
                Some(&a.label.node),
                SymbolKind::CLASS,
                whole,
                sel,
                children,
            )
        }
        Decl::Target(t) => leaf(&t.id, Some(&t.label.node), SymbolKind::EVENT),
        Decl::Test(t) => {
            let sel = range(t.name.span);
            symbol(&t.name.node, None, SymbolKind::METHOD, whole, sel, vec![])
        }
        _ => return None,
    })
}

/// The whole text replaced by its canonical layout: no edit when it is already formatted or
/// does not parse.
pub fn format(text: &str, lines: &super::lines::LineIndex) -> Vec<TextEdit> {
    match crate::fmt::format_source(text) {
        Ok(formatted) if formatted != text => {
            vec![TextEdit::new(lines.range(text, 0, text.len()), formatted)]
        }
        _ => vec![],
    }
}

/// Why a name cannot be the new name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadName {
    /// Not an identifier (a letter or `_`, then letters, digits, marks or `_`).
    NotAName,
    /// A keyword of the language.
    Keyword,
}

/// Names the checker gives a meaning of its own (besides the lexer's keywords).
const SPECIAL_NAMES: &[&str] = &["all_required", "max_points"];

/// Checks a new name.
pub fn valid_name(name: &str) -> Result<(), BadName> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(is_ident_start);
    if !first_ok || !chars.all(is_ident_char) {
        return Err(BadName::NotAName);
    }
    if SyntaxKind::keyword(name).is_some() || SPECIAL_NAMES.contains(&name) {
        return Err(BadName::Keyword);
    }
    Ok(())
}

/// Every occurrence of `sym` replaced by `new_name`, per file.
pub fn rename(state: &State, a: &Analysis, sym: &Sym, new_name: &str) -> WorkspaceEdit {
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for o in a.index.of(sym) {
        if let Some(uri) = state.uri_of(a, o.span.file) {
            let edit = TextEdit::new(a.range(o.span), new_name.to_string());
            changes.entry(uri).or_default().push(edit);
        }
    }
    WorkspaceEdit::new(changes)
}

/// The quick fixes of the diagnostics of file `uri` whose primary range meets `range`.
pub fn code_actions(state: &State, a: &Analysis, uri: &Url, range: Range) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for d in &a.checked.diagnostics {
        let Some(s) = &d.suggestion else { continue };
        if state.uri_of(a, s.span.file).as_ref() != Some(uri) {
            continue;
        }
        let shown = state.convert(a, d);
        if shown.range.end < range.start || range.end < shown.range.start {
            continue;
        }
        let edit = TextEdit::new(a.range(s.span), s.replacement.clone());
        let title = match &d.help {
            Some(h) => h.render(state.lang),
            None => s.replacement.clone(),
        };
        out.push(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![shown]),
            edit: Some(WorkspaceEdit::new(HashMap::from([(
                uri.clone(),
                vec![edit],
            )]))),
            is_preferred: Some(true),
            ..CodeAction::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_lexers() {
        assert!(valid_name("tỷ_lệ_hộ_nghèo").is_ok());
        // Decomposed Vietnamese (a letter and its combining marks) is a name too.
        assert!(valid_name("to\u{0302}\u{0301}ng").is_ok());
        assert!(matches!(valid_name("1x"), Err(BadName::NotAName)));
        assert!(matches!(valid_name("a-b"), Err(BadName::NotAName)));
        assert!(matches!(valid_name(""), Err(BadName::NotAName)));
        assert!(matches!(valid_name("criterion"), Err(BadName::Keyword)));
        assert!(matches!(valid_name("not_met"), Err(BadName::Keyword)));
        assert!(matches!(valid_name("max_points"), Err(BadName::Keyword)));
    }
}
