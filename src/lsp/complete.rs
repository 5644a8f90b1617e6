//! Completion: what may be written at the cursor, from the text before it (the context) and
//! the names of the checked rules.

use super::hover::label_of;
use super::index::{Kind, Sym};
use super::state::Analysis;
use crate::ast::{Decl, FileId};
use crate::syntax::cst::SyntaxKind;
use crate::syntax::lexer::{is_ident_char, lex};
use lsp_types::{CompletionItem, CompletionItemKind};

/// What the text before the cursor asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// Inside a comment or a string: nothing.
    Nothing,
    /// After `NAME@`: the periods.
    Period,
    /// After `NAME ==`, `NAME !=` or inside `NAME in (…`: the options of `NAME` (or the outcomes
    /// of an assessment), and names.
    Options(String),
    /// After `A.`: the criteria of `A`.
    Member(String),
    /// At the start of a line: declaration keywords and names.
    LineStart,
    /// Anywhere else in an expression: names, functions, expression keywords.
    Expr,
}

/// The context of byte `offset` of `text`: comments and strings as the language's lexer
/// ([`crate::syntax::lexer`]) finds them, then the cursor's line.
pub fn context(text: &str, offset: usize) -> Context {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    if in_comment_or_string(&text[..offset]) {
        return Context::Nothing;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    // The word being typed is not part of the context.
    let trimmed = before.trim_end_matches(is_ident_char);
    if trimmed.trim().is_empty() {
        return Context::LineStart;
    }
    if let Some(rest) = trimmed.strip_suffix('@') {
        if rest.ends_with(is_ident_char) {
            return Context::Period;
        }
    }
    if let Some(rest) = trimmed.strip_suffix('.') {
        let owner = last_ident(rest);
        if !owner.is_empty() && !owner.starts_with(|c: char| c.is_ascii_digit()) {
            return Context::Member(owner.to_string());
        }
    }
    let t = trimmed.trim_end();
    if let Some(rest) = t.strip_suffix("==").or_else(|| t.strip_suffix("!=")) {
        if let Some(owner) = compared_name(rest) {
            return Context::Options(owner);
        }
    }
    if let Some(owner) = open_in_list(t) {
        return Context::Options(owner);
    }
    Context::Expr
}

fn last_ident(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_ident_char(*c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// `x` of `… x` or `… x@p` before a comparison.
fn compared_name(text: &str) -> Option<String> {
    let t = text.trim_end();
    let t = match t.rfind('@') {
        Some(i) if t[i + 1..].chars().all(is_ident_char) => &t[..i],
        _ => t,
    };
    let name = last_ident(t);
    (!name.is_empty()).then(|| name.to_string())
}

/// `x` when the text ends inside the list of `x in (a, b, `.
fn open_in_list(text: &str) -> Option<String> {
    let open = text.rfind('(')?;
    if text[open..].contains(')') {
        return None;
    }
    let inside = &text[open + 1..];
    if !inside
        .chars()
        .all(|c| is_ident_char(c) || c == ',' || c.is_whitespace())
    {
        return None;
    }
    let head = text[..open].trim_end().strip_suffix("in")?;
    if head.ends_with(is_ident_char) {
        return None;
    }
    compared_name(head)
}

/// True when `before` (the text up to the cursor) ends inside a comment or a string, as the
/// language's one lexer reads it (a string may span lines; `"a\\"` ends where the parser ends it).
fn in_comment_or_string(before: &str) -> bool {
    let Some(last) = lex(before).pop() else {
        return false;
    };
    match last.kind {
        SyntaxKind::COMMENT => true,
        SyntaxKind::ERROR_TOKEN => before[last.range].starts_with('"'),
        _ => false,
    }
}

/// Declaration keywords (top level, in an assessment, in a test).
const DECLARATION_KEYWORDS: [&str; 17] = [
    "ruleset",
    "source",
    "valid",
    "use",
    "period",
    "input",
    "param",
    "let",
    "assessment",
    "criterion",
    "outcome",
    "target",
    "test",
    "given",
    "area",
    "set",
    "expect",
];

/// Keywords inside expressions and clauses.
const EXPRESSION_KEYWORDS: [&str; 18] = [
    "and",
    "or",
    "not",
    "in",
    "when",
    "otherwise",
    "required",
    "points",
    "pass",
    "fail",
    "unknown",
    "na",
    "met",
    "not_met",
    "true",
    "false",
    "all_required",
    "max_points",
];

/// The built-in functions (docs/language.md).
const FUNCTIONS: [&str; 9] = [
    "ratio", "change", "min", "max", "abs", "at_least", "known", "count", "share",
];

/// The items for `ctx` at `offset` of file `file`.
pub fn items(a: &Analysis, file: FileId, offset: usize, ctx: &Context) -> Vec<CompletionItem> {
    match ctx {
        Context::Nothing => vec![],
        Context::Period => globals(a, |k| k == Kind::Period),
        Context::Member(owner) => members(a, owner, true),
        Context::Options(owner) => {
            let mut out = options(a, owner);
            out.extend(members(a, owner, false));
            out
        }
        Context::LineStart => {
            let mut out = keywords(&DECLARATION_KEYWORDS);
            out.extend(names(a, file, offset));
            out
        }
        Context::Expr => {
            let mut out = names(a, file, offset);
            out.extend(keywords(&EXPRESSION_KEYWORDS));
            out.extend(FUNCTIONS.iter().map(|f| CompletionItem {
                label: f.to_string(),
                kind: Some(CompletionItemKind::FUNCTION),
                ..CompletionItem::default()
            }));
            out
        }
    }
}

fn keywords(list: &[&str]) -> Vec<CompletionItem> {
    list.iter()
        .map(|k| CompletionItem {
            label: k.to_string(),
            kind: Some(CompletionItemKind::KEYWORD),
            ..CompletionItem::default()
        })
        .collect()
}

fn item(a: &Analysis, label: &str, sym: &Sym, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: label_of(&a.decls, sym),
        ..CompletionItem::default()
    }
}

fn globals(a: &Analysis, keep: impl Fn(Kind) -> bool) -> Vec<CompletionItem> {
    let mut out: Vec<CompletionItem> = a
        .index
        .globals
        .iter()
        .filter(|(_, k)| keep(**k))
        .map(|(name, k)| {
            let kind = match k {
                Kind::Period => CompletionItemKind::CONSTANT,
                Kind::Input => CompletionItemKind::VARIABLE,
                Kind::Param => CompletionItemKind::CONSTANT,
                Kind::Let => CompletionItemKind::VALUE,
                Kind::Assessment => CompletionItemKind::CLASS,
                Kind::Target => CompletionItemKind::EVENT,
            };
            item(a, name, &Sym::Global(name.clone()), kind)
        })
        .collect();
    out.sort_by(|x, y| x.label.cmp(&y.label));
    out
}

/// Names in scope at `offset`: every global but periods, and the criteria of the assessment
/// the cursor is in.
fn names(a: &Analysis, file: FileId, offset: usize) -> Vec<CompletionItem> {
    let mut out = globals(a, |k| k != Kind::Period);
    let around = a.decls.iter().find_map(|(f, d)| match d {
        Decl::Assessment(x) if *f == file && x.span.start <= offset && offset <= x.span.end => {
            Some(x.id.node.clone())
        }
        _ => None,
    });
    if let Some(owner) = around {
        out.extend(members(a, &owner, true));
    }
    out
}

/// The criteria (`criteria`) or the outcomes of the assessment `owner`.
fn members(a: &Analysis, owner: &str, criteria: bool) -> Vec<CompletionItem> {
    let Some((cs, os)) = a.index.members.get(owner) else {
        return vec![];
    };
    let (list, kind) = if criteria {
        (cs, CompletionItemKind::FIELD)
    } else {
        (os, CompletionItemKind::ENUM_MEMBER)
    };
    list.iter()
        .map(|m| {
            let sym = if criteria {
                Sym::Criterion(owner.into(), m.clone())
            } else {
                Sym::Outcome(owner.into(), m.clone())
            };
            item(a, m, &sym, kind)
        })
        .collect()
}

fn options(a: &Analysis, owner: &str) -> Vec<CompletionItem> {
    let Some(list) = a.index.options.get(owner) else {
        return vec![];
    };
    list.iter()
        .map(|o| {
            let sym = Sym::Option(owner.into(), o.clone());
            item(a, o, &sym, CompletionItemKind::ENUM_MEMBER)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts() {
        let at_end = |t: &str| context(t, t.len());
        assert_eq!(at_end("  vu@"), Context::Period);
        assert_eq!(at_end("  vu@ho"), Context::Period);
        assert_eq!(
            at_end("  { loại_địa_bàn == "),
            Context::Options("loại_địa_bàn".into())
        );
        assert_eq!(at_end("  x@p != nô"), Context::Options("x".into()));
        assert_eq!(at_end("  x in (a, "), Context::Options("x".into()));
        assert_eq!(at_end("  x in (a, b) and "), Context::Expr);
        assert_eq!(
            at_end("  chuyen_hoa."),
            Context::Member("chuyen_hoa".into())
        );
        assert_eq!(at_end("  inp"), Context::LineStart);
        assert_eq!(at_end("  let x = ra"), Context::Expr);
        assert_eq!(at_end("let x = 1 // vu@"), Context::Nothing);
        assert_eq!(at_end("input x \"Số \\\" vu@"), Context::Nothing);
        assert_eq!(at_end("input x \"a\\\\\" // "), Context::Nothing);
        assert_eq!(at_end("input x \"a\\\\\" : "), Context::Expr);
        assert_eq!(at_end("  let t = 0.5"), Context::Expr);
        // A label may span lines: the cursor on its second line is still inside it.
        assert_eq!(at_end("input x \"Số hộ\nvu@"), Context::Nothing);
        // A name in decomposed form (NFD: `o` + combining marks) is one name.
        assert_eq!(
            at_end("  to\u{0302}\u{0301}ng == "),
            Context::Options("to\u{0302}\u{0301}ng".into())
        );
    }
}
