//! The syntax phase: text → [`crate::ast`]. The only module that touches pest's types.
//!
//! Limits (each gives a diagnostic, never a crash): brackets nest at most [`MAX_NESTING`] deep and
//! an expression tree is at most [`MAX_EXPR_DEPTH`] deep.

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::msg;
use crate::num::Num;
use chrono::NaiveDate;
use pest::iterators::Pair;
use pest::Parser;

mod errors;
pub(crate) use errors::num_error;
pub mod cst;
pub mod lexer;
pub mod trivia;

/// The pest parser, kept private: no pest type leaves this module.
mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/criteria.pest"]
    pub struct CriteriaParser;
}

use grammar::{CriteriaParser, Rule};

/// Deepest nesting of `(`, `{` allowed in a rules file.
pub const MAX_NESTING: usize = 100;
/// Deepest expression tree allowed (e.g. the length of a chain `a + b + c + …`).
pub const MAX_EXPR_DEPTH: u32 = 500;

/// Parses one rules file. On failure, returns every syntax error that could be found: after an
/// error the parser resumes at the next line that starts a declaration.
pub fn parse(text: &str, file: FileId) -> Result<RulesFile, Vec<Diagnostic>> {
    if let Some(d) = errors::check_nesting(text, file) {
        return Err(vec![d]);
    }
    match parse_chunk(text, file, 0) {
        Ok(rules) => Ok(rules),
        Err(first) => Err(recover(text, file, first)),
    }
}

/// Parses a single expression (used by `--set` and tests of the engine).
pub fn parse_literal(text: &str, file: FileId) -> Result<Spanned<Literal>, Diagnostic> {
    let ctx = Ctx { file, base: 0 };
    let mut pairs = CriteriaParser::parse(Rule::literal, text.trim())
        .map_err(|e| errors::from_pest(&e, text, file, 0))?;
    let pair = pairs.next().ok_or_else(|| {
        Diagnostic::error(errors::PARSE, msg!("diag-expected-value"), ctx.whole(text))
    })?;
    if pair.as_str().len() != text.trim().len() {
        return Err(Diagnostic::error(
            errors::PARSE,
            msg!("diag-not-single-value", value = text.trim()),
            ctx.whole(text),
        )
        .with_help(msg!("diag-not-single-value-help")));
    }
    ctx.literal(pair)
}

fn parse_chunk(text: &str, file: FileId, base: usize) -> Result<RulesFile, Diagnostic> {
    let ctx = Ctx { file, base };
    let mut pairs = CriteriaParser::parse(Rule::file, text)
        .map_err(|e| errors::from_pest(&e, text, file, base))?;
    let mut decls = Vec::new();
    let mut spans = Vec::new();
    if let Some(file_pair) = pairs.next() {
        for pair in inner(file_pair) {
            if pair.as_rule() != Rule::EOI {
                spans.push(ctx.span(&pair));
                decls.push(ctx.decl(pair)?);
            }
        }
    }
    Ok(RulesFile { decls, spans })
}

/// After a first error, parse each declaration-started chunk on its own to collect more errors.
fn recover(text: &str, file: FileId, first: Diagnostic) -> Vec<Diagnostic> {
    let mut errors = vec![first];
    let starts = errors::declaration_starts(text);
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        if end <= errors[0].span().start
            || start <= errors[0].span().start && errors[0].span().start < end
        {
            continue;
        }
        if let Err(d) = parse_chunk(&text[start..end], file, start) {
            errors.push(d);
        }
    }
    errors
}

struct Ctx {
    file: FileId,
    base: usize,
}

type Built<T> = Result<T, Diagnostic>;

impl Ctx {
    /// The pair's span without the trailing whitespace pest's implicit rules may leave in it.
    fn span(&self, p: &Pair<Rule>) -> Span {
        let s = p.as_span();
        let len = trivia::code_len(p.as_str());
        Span {
            file: self.file,
            start: self.base + s.start(),
            end: self.base + s.start() + len,
        }
    }

    fn whole(&self, text: &str) -> Span {
        Span {
            file: self.file,
            start: self.base,
            end: self.base + text.len(),
        }
    }

    /// A name, in Unicode normal form C: `vụ_án` typed with combining marks is the same name.
    fn ident(&self, p: Pair<Rule>) -> Ident {
        Spanned {
            span: self.span(&p),
            node: crate::source::nfc(p.as_str()),
        }
    }

    fn string(&self, p: Pair<Rule>) -> Spanned<String> {
        let span = self.span(&p);
        let inner = inner(p).next().map(|i| i.as_str()).unwrap_or("");
        Spanned {
            span,
            node: unescape(inner),
        }
    }

    fn date(&self, p: Pair<Rule>) -> Built<Spanned<NaiveDate>> {
        let span = self.span(&p);
        NaiveDate::parse_from_str(p.as_str(), "%Y-%m-%d")
            .map(|node| Spanned { node, span })
            .map_err(|_| {
                Diagnostic::error(
                    errors::BAD_LITERAL,
                    msg!("diag-not-a-date", value = p.as_str()),
                    span,
                )
                .with_help(msg!("diag-date-help"))
            })
    }

    fn decimal(&self, p: &Pair<Rule>) -> Built<Num> {
        let text = p.as_str().trim_end_matches('%');
        Num::parse(text).map_err(|e| {
            let shown: String = p.as_str().chars().take(40).collect();
            let more = if shown.len() < p.as_str().len() {
                "…"
            } else {
                ""
            };
            Diagnostic::error(
                errors::BAD_LITERAL,
                errors::num_error(e, &format!("{shown}{more}")),
                self.span(p),
            )
            .with_help(msg!(
                "diag-number-exact-help",
                digits = crate::num::MAX_DIGITS.to_string()
            ))
        })
    }

    fn percent(&self, p: &Pair<Rule>) -> Built<Num> {
        self.decimal(p)?
            .checked_div(Num::ONE_HUNDRED)
            .ok_or_else(|| {
                Diagnostic::error(
                    errors::BAD_LITERAL,
                    msg!("diag-out-of-range", value = p.as_str()),
                    self.span(p),
                )
            })
    }

    fn decl(&self, p: Pair<Rule>) -> Built<Decl> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut it = inner(p);
        let mut next = || {
            it.next().ok_or_else(|| {
                Diagnostic::error(errors::PARSE, msg!("diag-incomplete-declaration"), span)
            })
        };
        Ok(match rule {
            Rule::ruleset => {
                next()?;
                let id = self.ident(next()?);
                Decl::Ruleset {
                    id,
                    title: self.string(next()?),
                }
            }
            Rule::source => {
                next()?;
                Decl::Source(self.string(next()?))
            }
            Rule::valid => {
                next()?;
                next()?;
                let from = self.date(next()?)?;
                next()?;
                Decl::Valid {
                    from,
                    to: self.date(next()?)?,
                    span,
                }
            }
            Rule::period => {
                next()?;
                let id = self.ident(next()?);
                let label = self.string(next()?);
                next()?;
                let from = self.date(next()?)?;
                next()?;
                Decl::Period(PeriodDecl {
                    id,
                    label,
                    from,
                    to: self.date(next()?)?,
                })
            }
            Rule::use_decl => {
                next()?;
                Decl::Use(self.string(next()?))
            }
            Rule::input => self.input(it.skip(1), span)?,
            Rule::param => self.param(it.skip(1), span)?,
            Rule::let_decl => self.let_decl(it.skip(1), span)?,
            Rule::assessment => Decl::Assessment(self.assessment(it.skip(1), span)?),
            Rule::target => self.target(it.skip(1), span)?,
            Rule::test => Decl::Test(self.test(it.skip(1), span)?),
            _ => {
                return Err(Diagnostic::error(
                    errors::PARSE,
                    msg!("diag-unexpected-declaration"),
                    span,
                ))
            }
        })
    }

    fn input<'a>(&self, mut it: impl Iterator<Item = Pair<'a, Rule>>, span: Span) -> Built<Decl> {
        let missing =
            || Diagnostic::error(errors::PARSE, msg!("diag-incomplete", what = "input"), span);
        let id = self.ident(it.next().ok_or_else(missing)?);
        let label = self.string(it.next().ok_or_else(missing)?);
        let ty = self.input_type(it.next().ok_or_else(missing)?)?;
        let per_period = it.next().is_some();
        Ok(Decl::Input(InputDecl {
            id,
            label,
            ty,
            per_period,
        }))
    }

    fn input_type(&self, p: Pair<Rule>) -> Built<Spanned<TypeExpr>> {
        let span = self.span(&p);
        let ty = inner(p)
            .next()
            .ok_or_else(|| Diagnostic::error(errors::PARSE, msg!("diag-missing-type"), span))?;
        let node = match ty.as_rule() {
            Rule::k_count => TypeExpr::Count,
            Rule::k_number => TypeExpr::Number,
            Rule::k_percent => TypeExpr::Percent,
            Rule::k_yes_no => TypeExpr::YesNo,
            Rule::k_date => TypeExpr::Date,
            Rule::k_text => TypeExpr::Text,
            _ => TypeExpr::Choice(
                inner(ty)
                    .filter(|o| o.as_rule() == Rule::choice_option)
                    .map(|o| {
                        let mut parts = inner(o);
                        let id = parts.next().map(|i| self.ident(i)).unwrap_or(Spanned {
                            node: String::new(),
                            span,
                        });
                        ChoiceOption {
                            id,
                            label: parts.next().map(|l| self.string(l)),
                        }
                    })
                    .collect(),
            ),
        };
        Ok(Spanned { node, span })
    }

    fn param<'a>(&self, mut it: impl Iterator<Item = Pair<'a, Rule>>, span: Span) -> Built<Decl> {
        let missing =
            || Diagnostic::error(errors::PARSE, msg!("diag-incomplete", what = "param"), span);
        let id = self.ident(it.next().ok_or_else(missing)?);
        let label = self.string(it.next().ok_or_else(missing)?);
        let value = self.literal(it.next().ok_or_else(missing)?)?;
        let provisional = it.next().is_some_and(|p| p.as_rule() == Rule::provisional);
        Ok(Decl::Param(ParamDecl {
            id,
            label,
            value,
            provisional,
        }))
    }

    fn let_decl<'a>(
        &self,
        mut it: impl Iterator<Item = Pair<'a, Rule>>,
        span: Span,
    ) -> Built<Decl> {
        let missing =
            || Diagnostic::error(errors::PARSE, msg!("diag-incomplete", what = "let"), span);
        let id = self.ident(it.next().ok_or_else(missing)?);
        let mut next = it.next().ok_or_else(missing)?;
        let mut label = None;
        if next.as_rule() == Rule::string {
            label = Some(self.string(next));
            next = it.next().ok_or_else(missing)?;
        }
        Ok(Decl::Let(LetDecl {
            id,
            label,
            expr: self.expr(next)?.0,
        }))
    }

    fn target<'a>(&self, mut it: impl Iterator<Item = Pair<'a, Rule>>, span: Span) -> Built<Decl> {
        let missing = || {
            Diagnostic::error(
                errors::PARSE,
                msg!("diag-incomplete", what = "target"),
                span,
            )
        };
        let id = self.ident(it.next().ok_or_else(missing)?);
        let label = self.string(it.next().ok_or_else(missing)?);
        let expr = self.expr(it.next().ok_or_else(missing)?)?.0;
        Ok(Decl::Target(TargetDecl { id, label, expr }))
    }
}

mod build;

/// The children of a pair without the punctuation rules.
fn inner(p: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    p.into_inner().filter(|q| {
        !matches!(
            q.as_rule(),
            Rule::colon
                | Rule::assign
                | Rule::lbrace
                | Rule::rbrace
                | Rule::lparen
                | Rule::rparen
                | Rule::comma
        )
    })
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
