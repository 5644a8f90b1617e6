//! Building AST nodes from pest pairs: assessments, tests, literals and expressions.

use super::{errors, inner, Built, Ctx, Rule, MAX_EXPR_DEPTH};
use crate::ast::*;
use crate::diag::Diagnostic;
use crate::msg;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

impl Ctx {
    pub(super) fn assessment<'a>(
        &self,
        mut it: impl Iterator<Item = Pair<'a, Rule>>,
        span: Span,
    ) -> Built<AssessmentDecl> {
        let missing = || {
            Diagnostic::error(
                errors::PARSE,
                msg!("diag-incomplete", what = "assessment"),
                span,
            )
        };
        let id = self.ident(it.next().ok_or_else(missing)?);
        let label = self.string(it.next().ok_or_else(missing)?);
        let mut a = AssessmentDecl {
            id,
            label,
            when: None,
            criteria: vec![],
            outcomes: vec![],
            span,
        };
        for p in it {
            match p.as_rule() {
                Rule::when_clause => a.when = Some(self.when(p)?),
                Rule::criterion => a.criteria.push(self.criterion(p)?),
                Rule::outcome => a.outcomes.push(self.outcome(p)?),
                _ => {}
            }
        }
        Ok(a)
    }

    fn when(&self, p: Pair<Rule>) -> Built<Expr> {
        let span = self.span(&p);
        let e = p.into_inner().nth(1).ok_or_else(|| {
            Diagnostic::error(errors::PARSE, msg!("diag-missing-condition"), span)
        })?;
        Ok(self.expr(e)?.0)
    }

    fn criterion(&self, p: Pair<Rule>) -> Built<CriterionDecl> {
        let span = self.span(&p);
        let missing = || {
            Diagnostic::error(
                errors::PARSE,
                msg!("diag-incomplete", what = "criterion"),
                span,
            )
        };
        let mut it = inner(p).skip(1);
        let id = self.ident(it.next().ok_or_else(missing)?);
        let label = self.string(it.next().ok_or_else(missing)?);
        let mut c = CriterionDecl {
            id,
            label,
            required: false,
            points: None,
            when: None,
            condition: placeholder(span),
            span,
        };
        for part in it {
            match part.as_rule() {
                Rule::required => c.required = true,
                Rule::points_clause => {
                    let n = inner(part).nth(1).ok_or_else(missing)?;
                    let node = if n.as_rule() == Rule::ident {
                        PointsSpec::Param(self.ident(n.clone()).node)
                    } else {
                        PointsSpec::Number(self.decimal(&n)?)
                    };
                    c.points = Some(Spanned {
                        span: self.span(&n),
                        node,
                    });
                }
                Rule::when_clause => c.when = Some(self.when(part)?),
                _ => c.condition = self.expr(part)?.0,
            }
        }
        Ok(c)
    }

    fn outcome(&self, p: Pair<Rule>) -> Built<OutcomeDecl> {
        let span = self.span(&p);
        let missing = || {
            Diagnostic::error(
                errors::PARSE,
                msg!("diag-incomplete", what = "outcome"),
                span,
            )
        };
        let mut it = inner(p).skip(1);
        let id = self.ident(it.next().ok_or_else(missing)?);
        let label = self.string(it.next().ok_or_else(missing)?);
        let last = it.next().ok_or_else(missing)?;
        let when = if last.as_rule() == Rule::when_clause {
            Some(self.when(last)?)
        } else {
            None
        };
        Ok(OutcomeDecl {
            id,
            label,
            when,
            span,
        })
    }

    pub(super) fn test<'a>(
        &self,
        mut it: impl Iterator<Item = Pair<'a, Rule>>,
        span: Span,
    ) -> Built<TestDecl> {
        let missing =
            || Diagnostic::error(errors::PARSE, msg!("diag-incomplete", what = "test"), span);
        let name = self.string(it.next().ok_or_else(missing)?);
        let mut t = TestDecl {
            name,
            areas: vec![],
            sets: vec![],
            expects: vec![],
            span,
        };
        for p in it {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::given => t.areas.push(TestArea {
                    id: None,
                    bindings: self.bindings(inner(p).skip(1))?,
                    span: pspan,
                }),
                Rule::area => {
                    let mut inner = inner(p).skip(1);
                    let id = Some(self.ident(inner.next().ok_or_else(missing)?));
                    t.areas.push(TestArea {
                        id,
                        bindings: self.bindings(inner)?,
                        span: pspan,
                    });
                }
                Rule::set_param => {
                    let mut inner = inner(p).skip(1);
                    let name = self.ident(inner.next().ok_or_else(missing)?);
                    let value = self.literal(inner.next().ok_or_else(missing)?)?;
                    t.sets.push(Binding {
                        name,
                        period: None,
                        value,
                    });
                }
                Rule::expect => {
                    let mut inner = inner(p).skip(1);
                    let expr = self.expr(inner.next().ok_or_else(missing)?)?.0;
                    let area = inner.nth(1).map(|i| self.ident(i));
                    t.expects.push(Expect {
                        expr,
                        area,
                        span: pspan,
                    });
                }
                _ => {}
            }
        }
        Ok(t)
    }

    fn bindings<'a>(&self, it: impl Iterator<Item = Pair<'a, Rule>>) -> Built<Vec<Binding>> {
        it.filter(|p| p.as_rule() == Rule::binding)
            .map(|p| self.binding(p))
            .collect()
    }

    fn binding(&self, p: Pair<Rule>) -> Built<Binding> {
        let span = self.span(&p);
        let parts: Vec<Pair<Rule>> = inner(p).collect();
        let missing = || Diagnostic::error(errors::PARSE, msg!("diag-incomplete-value"), span);
        let name = self.ident(parts.first().cloned().ok_or_else(missing)?);
        let period = if parts.len() == 3 {
            Some(self.ident(parts[1].clone()))
        } else {
            None
        };
        let value = self.literal(parts.last().cloned().ok_or_else(missing)?)?;
        Ok(Binding {
            name,
            period,
            value,
        })
    }

    pub(super) fn literal(&self, p: Pair<Rule>) -> Built<Spanned<Literal>> {
        let span = self.span(&p);
        let parts: Vec<Pair<Rule>> = inner(p).collect();
        let negative = parts.first().is_some_and(|q| q.as_rule() == Rule::neg);
        let last = parts
            .last()
            .cloned()
            .ok_or_else(|| Diagnostic::error(errors::PARSE, msg!("diag-missing-value"), span))?;
        let sign = |d: crate::num::Num| if negative { -d } else { d };
        let node = match last.as_rule() {
            Rule::number => Literal::Number(sign(self.decimal(&last)?)),
            Rule::percent => Literal::Percent(sign(self.percent(&last)?)),
            Rule::date if !negative => Literal::Date(self.date(last)?.node),
            Rule::string => Literal::Text(self.string(last).node),
            Rule::boolean => Literal::Bool(last.as_str() == "true"),
            Rule::ident => Literal::Name(crate::source::nfc(last.as_str())),
            _ => {
                return Err(Diagnostic::error(
                    errors::PARSE,
                    msg!("diag-negative-date"),
                    span,
                ))
            }
        };
        Ok(Spanned { node, span })
    }

    /// Builds an expression and returns it with the depth of its tree.
    pub(super) fn expr(&self, p: Pair<Rule>) -> Built<(Expr, u32)> {
        crate::stack::grow(|| self.expr_here(p))
    }

    fn expr_here(&self, p: Pair<Rule>) -> Built<(Expr, u32)> {
        let span = self.span(&p);
        let built = match p.as_rule() {
            Rule::expr => self.pratt(p)?,
            _ => self.atom(p)?,
        };
        if built.1 > MAX_EXPR_DEPTH {
            return Err(too_deep(span));
        }
        Ok(built)
    }

    /// Applies precedence to a flat `operand (infix operand)*` sequence.
    fn pratt(&self, p: Pair<Rule>) -> Built<(Expr, u32)> {
        let span = self.span(&p);
        // pest's Pratt parser recurses once per prefix operator before any depth check of ours.
        let prefixes = longest_prefix_run(&p);
        if prefixes > MAX_EXPR_DEPTH as usize {
            return Err(too_deep(span));
        }
        crate::stack::grow_at_least(prefixes * PRATT_FRAME_BYTES, || self.pratt_here(p, span))
    }

    fn pratt_here(&self, p: Pair<Rule>, span: Span) -> Built<(Expr, u32)> {
        PRATT.with(|pratt| {
            pratt
                .map_primary(|atom| self.expr(atom))
                .map_prefix(|op, rhs| {
                    let (e, d) = rhs?;
                    let s = self.span(&op).to(e.span);
                    let node = if op.as_rule() == Rule::neg {
                        ExprKind::Neg(Box::new(e))
                    } else {
                        ExprKind::Not(Box::new(e))
                    };
                    Ok((Spanned { span: s, node }, d + 1))
                })
                .map_postfix(|lhs, op| self.in_list(lhs?, op))
                .map_infix(|lhs, op, rhs| {
                    let ((l, ld), (r, rd)) = (lhs?, rhs?);
                    let op_span = self.span(&op);
                    let op = bin_op(&op);
                    if op.is_comparison() && is_comparison(&l.node) {
                        return Err(Diagnostic::error(
                            errors::CHAINED_COMPARISON,
                            msg!("diag-chained-comparison"),
                            op_span,
                        )
                        .with_help(msg!("diag-chained-help-and")));
                    }
                    let depth = ld.max(rd) + 1;
                    if depth > MAX_EXPR_DEPTH {
                        return Err(too_deep(span));
                    }
                    let s = l.span.to(r.span);
                    Ok((
                        Spanned {
                            span: s,
                            node: ExprKind::Binary {
                                op,
                                lhs: Box::new(l),
                                rhs: Box::new(r),
                            },
                        },
                        depth,
                    ))
                })
                .parse(inner(p))
        })
    }

    /// `X in (a, b, …)`: binds like a comparison, so it cannot be chained with one.
    fn in_list(&self, (value, depth): (Expr, u32), op: Pair<Rule>) -> Built<(Expr, u32)> {
        let op_span = self.span(&op);
        if is_comparison(&value.node) {
            return Err(Diagnostic::error(
                errors::CHAINED_COMPARISON,
                msg!("diag-chained-comparison"),
                op_span,
            )
            .with_help(msg!("diag-chained-help-parens")));
        }
        let list = inner(op)
            .filter(|p| p.as_rule() == Rule::in_item)
            .map(|p| Spanned {
                span: self.span(&p),
                node: crate::source::nfc(p.as_str()),
            })
            .collect();
        let node = ExprKind::In {
            value: Box::new(value.clone()),
            list,
        };
        Ok((
            Spanned {
                span: value.span.to(op_span),
                node,
            },
            depth + 1,
        ))
    }

    fn atom(&self, p: Pair<Rule>) -> Built<(Expr, u32)> {
        let span = self.span(&p);
        let node = match p.as_rule() {
            Rule::number => ExprKind::Number(self.decimal(&p)?),
            Rule::percent => ExprKind::Percent(self.percent(&p)?),
            Rule::date => ExprKind::Date(self.date(p)?.node),
            Rule::string => ExprKind::Text(self.string(p).node),
            Rule::boolean => ExprKind::Bool(p.as_str() == "true"),
            Rule::result_word => ExprKind::Word(result_word(p.as_str())),
            Rule::points_ref => ExprKind::Points,
            Rule::paren => {
                let body = inner(p).next().ok_or_else(|| {
                    Diagnostic::error(errors::PARSE, msg!("diag-empty-parentheses"), span)
                })?;
                let (e, d) = self.expr(body)?;
                return Ok((
                    Spanned {
                        span,
                        node: ExprKind::Paren(Box::new(e)),
                    },
                    d + 1,
                ));
            }
            Rule::call => return self.call(p),
            _ => {
                let node = self.name_ref(p);
                let span = match &node {
                    ExprKind::Name {
                        name,
                        member,
                        period,
                    } => {
                        let last = period
                            .as_ref()
                            .or(member.as_ref())
                            .map_or(name.span, |x| x.span);
                        name.span.to(last)
                    }
                    _ => span,
                };
                return Ok((Spanned { span, node }, 1));
            }
        };
        Ok((Spanned { span, node }, 1))
    }

    fn call(&self, p: Pair<Rule>) -> Built<(Expr, u32)> {
        let span = self.span(&p);
        let mut it = inner(p);
        let func = self.ident(it.next().ok_or_else(|| {
            Diagnostic::error(errors::PARSE, msg!("diag-missing-function"), span)
        })?);
        let (mut args, mut among, mut depth) = (Vec::new(), None, 0);
        for a in it {
            if a.as_rule() == Rule::among {
                let filter = a.into_inner().nth(1).ok_or_else(|| {
                    Diagnostic::error(errors::PARSE, msg!("diag-missing-filter"), span)
                })?;
                let (e, d) = self.expr(filter)?;
                depth = depth.max(d);
                among = Some(Box::new(e));
            } else {
                let (e, d) = self.expr(a)?;
                depth = depth.max(d);
                args.push(e);
            }
        }
        Ok((
            Spanned {
                span,
                node: ExprKind::Call { func, args, among },
            },
            depth + 1,
        ))
    }

    fn name_ref(&self, p: Pair<Rule>) -> ExprKind {
        let parts: Vec<Pair<Rule>> = inner(p.clone()).collect();
        let text = p.as_str();
        let name = self.ident(parts[0].clone());
        let (mut member, mut period) = (None, None);
        if parts.len() == 3 {
            member = Some(self.ident(parts[1].clone()));
            period = Some(self.ident(parts[2].clone()));
        } else if parts.len() == 2 {
            let second = self.ident(parts[1].clone());
            if text[..second.span.start - name.span.start].contains('@') {
                period = Some(second);
            } else {
                member = Some(second);
            }
        }
        ExprKind::Name {
            name,
            member,
            period,
        }
    }
}

thread_local! {
    /// Operator precedence, loosest first (LANGUAGE.md, "Expressions").
    static PRATT: PrattParser<Rule> = PrattParser::new()
        .op(Op::infix(Rule::coalesce_op, Assoc::Left))
        .op(Op::infix(Rule::k_or, Assoc::Left))
        .op(Op::infix(Rule::k_and, Assoc::Left))
        .op(Op::prefix(Rule::k_not))
        .op(Op::infix(Rule::cmp_op, Assoc::Left) | Op::postfix(Rule::in_list))
        .op(Op::infix(Rule::add_op, Assoc::Left))
        .op(Op::infix(Rule::mul_op, Assoc::Left))
        .op(Op::prefix(Rule::neg));
}

/// True for `a == b`-like comparisons and `x in (…)`, which cannot be chained.
fn is_comparison(e: &ExprKind) -> bool {
    match e {
        ExprKind::Binary { op, .. } => op.is_comparison(),
        ExprKind::In { .. } => true,
        _ => false,
    }
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::error(
        errors::TOO_DEEP,
        msg!(
            "diag-expression-too-deep",
            depth = MAX_EXPR_DEPTH.to_string()
        ),
        span,
    )
    .with_help(msg!("diag-expression-too-deep-help"))
}

fn placeholder(span: Span) -> Expr {
    Spanned {
        span,
        node: ExprKind::Bool(false),
    }
}

/// Stack a Pratt-parser level takes, with room to spare (about 1.8 KiB in a debug build).
const PRATT_FRAME_BYTES: usize = 4 * 1024;

/// The most prefix operators (`not`, `-`) written one after another in a flat expression.
fn longest_prefix_run(p: &Pair<Rule>) -> usize {
    let (mut run, mut longest) = (0, 0);
    for q in inner(p.clone()) {
        run = if matches!(q.as_rule(), Rule::k_not | Rule::neg) {
            run + 1
        } else {
            0
        };
        longest = longest.max(run);
    }
    longest
}

fn bin_op(p: &Pair<Rule>) -> BinOp {
    match p.as_str() {
        "??" => BinOp::Coalesce,
        "or" => BinOp::Or,
        "and" => BinOp::And,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        _ => BinOp::Div,
    }
}

fn result_word(s: &str) -> ResultWord {
    match s {
        "pass" => ResultWord::Pass,
        "fail" => ResultWord::Fail,
        "unknown" => ResultWord::Unknown,
        "na" => ResultWord::Na,
        "met" => ResultWord::Met,
        "not_met" => ResultWord::NotMet,
        _ => ResultWord::Invalid,
    }
}
