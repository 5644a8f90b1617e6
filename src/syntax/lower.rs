//! The AST built from the syntax tree: declarations, clauses, literals and expressions, with the
//! byte spans of their nodes. Runs only over declarations the parser accepted, so a missing part
//! is a bug, reported as an incomplete declaration rather than a panic.

use super::cst::{SyntaxElement, SyntaxKind, SyntaxNode, SyntaxToken};
use super::{errors, unescape};
use crate::ast::*;
use crate::diag::Diagnostic;
use crate::msg;
use crate::num::Num;
use chrono::NaiveDate;
use SyntaxKind::*;

/// What a lowering step gives.
type Built<T> = Result<T, Diagnostic>;

/// Lowers one file's syntax tree.
pub(super) struct Lower {
    pub(super) file: FileId,
}

/// The significant children of a node (tokens that are not trivia, and nodes), in order.
struct Parts {
    items: Vec<SyntaxElement>,
    at: usize,
    span: Span,
}

impl Parts {
    fn new(node: &SyntaxNode, span: Span) -> Self {
        let items = node
            .children_with_tokens()
            .filter(|e| !e.kind().is_trivia())
            .collect();
        Parts { items, at: 0, span }
    }

    fn missing(&self) -> Diagnostic {
        Diagnostic::error(
            errors::PARSE,
            msg!("diag-incomplete-declaration"),
            self.span,
        )
    }

    /// The next part if it has `kind` (then taken).
    fn take(&mut self, kind: SyntaxKind) -> Option<SyntaxElement> {
        let e = self
            .items
            .get(self.at)
            .filter(|e| e.kind() == kind)?
            .clone();
        self.at += 1;
        Some(e)
    }

    /// The next token, which must have `kind`.
    fn token(&mut self, kind: SyntaxKind) -> Built<SyntaxToken> {
        self.take(kind)
            .and_then(|e| e.into_token())
            .ok_or_else(|| self.missing())
    }

    /// The next node, which must have `kind`.
    fn node(&mut self, kind: SyntaxKind) -> Built<SyntaxNode> {
        self.take(kind)
            .and_then(|e| e.into_node())
            .ok_or_else(|| self.missing())
    }

    /// The next part, whatever it is.
    fn any(&mut self) -> Built<SyntaxElement> {
        let e = self
            .items
            .get(self.at)
            .cloned()
            .ok_or_else(|| self.missing())?;
        self.at += 1;
        Ok(e)
    }

    /// The next node that is an expression.
    fn expr_node(&mut self) -> Built<SyntaxNode> {
        let e = self
            .items
            .get(self.at)
            .and_then(|e| e.as_node())
            .filter(|n| is_expr(n.kind()))
            .cloned()
            .ok_or_else(|| self.missing())?;
        self.at += 1;
        Ok(e)
    }
}

/// True for the node kinds of expressions.
pub(crate) fn is_expr(kind: SyntaxKind) -> bool {
    matches!(
        kind,
        LITERAL_EXPR
            | POINTS_REF
            | NAME_REF
            | PAREN_EXPR
            | CALL
            | PREFIX_EXPR
            | BINARY_EXPR
            | IN_EXPR
    )
}

impl Lower {
    pub(super) fn span(&self, range: rowan::TextRange) -> Span {
        Span {
            file: self.file,
            start: range.start().into(),
            end: range.end().into(),
        }
    }

    fn parts(&self, node: &SyntaxNode) -> Parts {
        Parts::new(node, self.span(node.text_range()))
    }

    /// A name, in Unicode normal form C: `vụ_án` typed with combining marks is the same name.
    fn ident(&self, t: &SyntaxToken) -> Ident {
        Spanned {
            span: self.span(t.text_range()),
            node: crate::source::nfc(t.text()),
        }
    }

    fn string(&self, t: &SyntaxToken) -> Spanned<String> {
        let text = t.text();
        let inner = text
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or("");
        Spanned {
            span: self.span(t.text_range()),
            node: unescape(inner),
        }
    }

    fn date(&self, t: &SyntaxToken) -> Built<Spanned<NaiveDate>> {
        let span = self.span(t.text_range());
        NaiveDate::parse_from_str(t.text(), "%Y-%m-%d")
            .map(|node| Spanned { node, span })
            .map_err(|_| {
                Diagnostic::error(
                    errors::BAD_LITERAL,
                    msg!("diag-not-a-date", value = t.text()),
                    span,
                )
                .with_help(msg!("diag-date-help"))
            })
    }

    fn decimal(&self, t: &SyntaxToken) -> Built<Num> {
        let written = t.text();
        Num::parse(written.trim_end_matches('%')).map_err(|e| {
            let shown: String = written.chars().take(40).collect();
            let more = if shown.len() < written.len() {
                "…"
            } else {
                ""
            };
            Diagnostic::error(
                errors::BAD_LITERAL,
                errors::num_error(e, &format!("{shown}{more}")),
                self.span(t.text_range()),
            )
            .with_help(msg!(
                "diag-number-exact-help",
                digits = crate::num::MAX_DIGITS.to_string()
            ))
        })
    }

    fn percent(&self, t: &SyntaxToken) -> Built<Num> {
        self.decimal(t)?
            .checked_div(Num::ONE_HUNDRED)
            .ok_or_else(|| {
                Diagnostic::error(
                    errors::BAD_LITERAL,
                    msg!("diag-out-of-range", value = t.text()),
                    self.span(t.text_range()),
                )
            })
    }

    /// One declaration node.
    pub(super) fn decl(&self, node: &SyntaxNode) -> Built<Decl> {
        let span = self.span(node.text_range());
        let mut p = self.parts(node);
        p.any()?;
        Ok(match node.kind() {
            RULESET_DECL => Decl::Ruleset {
                id: self.ident(&p.token(IDENT)?),
                title: self.string(&p.token(STRING)?),
            },
            SOURCE_DECL => Decl::Source(self.string(&p.token(STRING)?)),
            USE_DECL => Decl::Use(self.string(&p.token(STRING)?)),
            VALID_DECL => {
                let (from, to) = self.date_range(&mut p)?;
                Decl::Valid { from, to, span }
            }
            PERIOD_DECL => {
                let id = self.ident(&p.token(IDENT)?);
                let label = self.string(&p.token(STRING)?);
                let (from, to) = self.date_range(&mut p)?;
                Decl::Period(PeriodDecl {
                    id,
                    label,
                    from,
                    to,
                })
            }
            INPUT_DECL => self.input(&mut p)?,
            PARAM_DECL => {
                let id = self.ident(&p.token(IDENT)?);
                let label = self.string(&p.token(STRING)?);
                p.token(EQ)?;
                let value = self.literal(&p.node(LITERAL)?)?;
                let provisional = p.take(PROVISIONAL).is_some();
                Decl::Param(ParamDecl {
                    id,
                    label,
                    value,
                    provisional,
                })
            }
            LET_DECL => {
                let id = self.ident(&p.token(IDENT)?);
                let label = p.take(STRING).and_then(|s| s.into_token());
                p.token(EQ)?;
                Decl::Let(LetDecl {
                    id,
                    label: label.map(|l| self.string(&l)),
                    expr: self.expr(&p.expr_node()?)?,
                })
            }
            ASSESSMENT => Decl::Assessment(self.assessment(&mut p, span)?),
            TARGET => {
                let id = self.ident(&p.token(IDENT)?);
                let label = self.string(&p.token(STRING)?);
                p.token(L_BRACE)?;
                Decl::Target(TargetDecl {
                    id,
                    label,
                    expr: self.expr(&p.expr_node()?)?,
                })
            }
            TEST => Decl::Test(self.test(&mut p, span)?),
            _ => {
                return Err(Diagnostic::error(
                    errors::PARSE,
                    msg!("diag-unexpected-declaration"),
                    span,
                ))
            }
        })
    }

    fn date_range(&self, p: &mut Parts) -> Built<(Spanned<NaiveDate>, Spanned<NaiveDate>)> {
        p.token(FROM_KW)?;
        let from = self.date(&p.token(DATE)?)?;
        p.token(TO_KW)?;
        Ok((from, self.date(&p.token(DATE)?)?))
    }

    fn input(&self, p: &mut Parts) -> Built<Decl> {
        let id = self.ident(&p.token(IDENT)?);
        let label = self.string(&p.token(STRING)?);
        p.token(COLON)?;
        let ty_node = p.node(INPUT_TYPE)?;
        let span = self.span(ty_node.text_range());
        let mut t = self.parts(&ty_node);
        let node = match t.any()? {
            SyntaxElement::Node(choice) => TypeExpr::Choice(self.choice(&choice)?),
            SyntaxElement::Token(k) => match k.kind() {
                COUNT_KW => TypeExpr::Count,
                NUMBER_KW => TypeExpr::Number,
                PERCENT_KW => TypeExpr::Percent,
                YES_NO_KW => TypeExpr::YesNo,
                DATE_KW => TypeExpr::Date,
                TEXT_KW => TypeExpr::Text,
                _ => {
                    return Err(Diagnostic::error(
                        errors::PARSE,
                        msg!("diag-missing-type"),
                        span,
                    ))
                }
            },
        };
        Ok(Decl::Input(InputDecl {
            id,
            label,
            ty: Spanned { node, span },
            per_period: p.take(PER_PERIOD).is_some(),
        }))
    }

    fn choice(&self, node: &SyntaxNode) -> Built<Vec<ChoiceOption>> {
        node.children()
            .filter(|n| n.kind() == CHOICE_OPTION)
            .map(|o| {
                let mut parts = self.parts(&o);
                let id = self.ident(&parts.token(IDENT)?);
                let label = parts.take(STRING).and_then(|s| s.into_token());
                Ok(ChoiceOption {
                    id,
                    label: label.map(|l| self.string(&l)),
                })
            })
            .collect()
    }

    /// A literal node: `-5`, `20%`, `2024-01-31`, `"x"`, `true`, `option`.
    pub(super) fn literal(&self, node: &SyntaxNode) -> Built<Spanned<Literal>> {
        let span = self.span(node.text_range());
        let mut p = self.parts(node);
        let negative = p.take(MINUS).is_some();
        let SyntaxElement::Token(t) = p.any()? else {
            return Err(p.missing());
        };
        let sign = |d: Num| if negative { -d } else { d };
        let node = match t.kind() {
            NUMBER => Literal::Number(sign(self.decimal(&t)?)),
            PERCENT => Literal::Percent(sign(self.percent(&t)?)),
            DATE if !negative => Literal::Date(self.date(&t)?.node),
            STRING => Literal::Text(self.string(&t).node),
            TRUE_KW => Literal::Bool(true),
            FALSE_KW => Literal::Bool(false),
            IDENT => Literal::Name(crate::source::nfc(t.text())),
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

    fn when(&self, node: &SyntaxNode) -> Built<Expr> {
        let mut p = self.parts(node);
        p.token(WHEN_KW)?;
        self.expr(&p.expr_node()?)
    }

    fn assessment(&self, p: &mut Parts, span: Span) -> Built<AssessmentDecl> {
        let mut a = AssessmentDecl {
            id: self.ident(&p.token(IDENT)?),
            label: self.string(&p.token(STRING)?),
            when: None,
            criteria: vec![],
            outcomes: vec![],
            span,
        };
        while let Ok(part) = p.any() {
            let Some(n) = part.as_node() else { continue };
            match n.kind() {
                WHEN_CLAUSE => a.when = Some(self.when(n)?),
                CRITERION => a.criteria.push(self.criterion(n)?),
                OUTCOME => a.outcomes.push(self.outcome(n)?),
                _ => {}
            }
        }
        Ok(a)
    }

    fn criterion(&self, node: &SyntaxNode) -> Built<CriterionDecl> {
        let span = self.span(node.text_range());
        let mut p = self.parts(node);
        p.token(CRITERION_KW)?;
        let mut c = CriterionDecl {
            id: self.ident(&p.token(IDENT)?),
            label: self.string(&p.token(STRING)?),
            required: false,
            points: None,
            when: None,
            condition: Spanned {
                span,
                node: ExprKind::Bool(false),
            },
            span,
        };
        let mut condition = None;
        while let Ok(part) = p.any() {
            let Some(n) = part.as_node() else { continue };
            match n.kind() {
                REQUIRED => c.required = true,
                POINTS_CLAUSE => {
                    let mut q = self.parts(n);
                    q.token(POINTS_KW)?;
                    let SyntaxElement::Token(t) = q.any()? else {
                        return Err(q.missing());
                    };
                    let node = if t.kind() == IDENT {
                        PointsSpec::Param(self.ident(&t).node)
                    } else {
                        PointsSpec::Number(self.decimal(&t)?)
                    };
                    c.points = Some(Spanned {
                        span: self.span(t.text_range()),
                        node,
                    });
                }
                WHEN_CLAUSE => c.when = Some(self.when(n)?),
                k if is_expr(k) => condition = Some(self.expr(n)?),
                _ => {}
            }
        }
        c.condition = condition.ok_or_else(|| p.missing())?;
        Ok(c)
    }

    fn outcome(&self, node: &SyntaxNode) -> Built<OutcomeDecl> {
        let span = self.span(node.text_range());
        let mut p = self.parts(node);
        p.token(OUTCOME_KW)?;
        let id = self.ident(&p.token(IDENT)?);
        let label = self.string(&p.token(STRING)?);
        let when = match p.take(WHEN_CLAUSE).and_then(|n| n.into_node()) {
            Some(n) => Some(self.when(&n)?),
            None => {
                p.node(OTHERWISE)?;
                None
            }
        };
        Ok(OutcomeDecl {
            id,
            label,
            when,
            span,
        })
    }

    fn test(&self, p: &mut Parts, span: Span) -> Built<TestDecl> {
        let mut t = TestDecl {
            name: self.string(&p.token(STRING)?),
            areas: vec![],
            sets: vec![],
            expects: vec![],
            span,
        };
        while let Ok(part) = p.any() {
            let Some(n) = part.as_node() else { continue };
            let nspan = self.span(n.text_range());
            let mut q = self.parts(n);
            q.any()?;
            match n.kind() {
                GIVEN => t.areas.push(TestArea {
                    id: None,
                    bindings: self.bindings(n)?,
                    span: nspan,
                }),
                AREA => t.areas.push(TestArea {
                    id: Some(self.ident(&q.token(IDENT)?)),
                    bindings: self.bindings(n)?,
                    span: nspan,
                }),
                SET_PARAM => {
                    let name = self.ident(&q.token(IDENT)?);
                    q.token(EQ)?;
                    t.sets.push(Binding {
                        name,
                        period: None,
                        value: self.literal(&q.node(LITERAL)?)?,
                    });
                }
                EXPECT => {
                    let expr = self.expr(&q.expr_node()?)?;
                    let area = match q.take(EXPECT_FOR).and_then(|n| n.into_node()) {
                        Some(f) => {
                            let mut r = self.parts(&f);
                            r.token(FOR_KW)?;
                            Some(self.ident(&r.token(IDENT)?))
                        }
                        None => None,
                    };
                    t.expects.push(Expect {
                        expr,
                        area,
                        span: nspan,
                    });
                }
                _ => {}
            }
        }
        Ok(t)
    }

    fn bindings(&self, node: &SyntaxNode) -> Built<Vec<Binding>> {
        node.children()
            .filter(|n| n.kind() == BINDING)
            .map(|b| {
                let mut p = self.parts(&b);
                let name = self.ident(&p.token(IDENT)?);
                let period = match p.take(AT) {
                    Some(_) => Some(self.ident(&p.token(IDENT)?)),
                    None => None,
                };
                p.token(EQ)?;
                Ok(Binding {
                    name,
                    period,
                    value: self.literal(&p.node(LITERAL)?)?,
                })
            })
            .collect()
    }

    /// An expression node (its depth was bounded by the parser, at
    /// [`super::MAX_EXPR_DEPTH`]).
    pub(super) fn expr(&self, node: &SyntaxNode) -> Built<Expr> {
        crate::stack::grow(|| self.expr_here(node))
    }

    fn expr_here(&self, node: &SyntaxNode) -> Built<Expr> {
        let span = self.span(node.text_range());
        let mut p = self.parts(node);
        let kind = match node.kind() {
            LITERAL_EXPR => {
                let t = p.any()?.into_token().ok_or_else(|| p.missing())?;
                match t.kind() {
                    NUMBER => ExprKind::Number(self.decimal(&t)?),
                    PERCENT => ExprKind::Percent(self.percent(&t)?),
                    DATE => ExprKind::Date(self.date(&t)?.node),
                    STRING => ExprKind::Text(self.string(&t).node),
                    TRUE_KW => ExprKind::Bool(true),
                    FALSE_KW => ExprKind::Bool(false),
                    k => ExprKind::Word(result_word(k)),
                }
            }
            POINTS_REF => ExprKind::Points,
            PAREN_EXPR => {
                p.token(L_PAREN)?;
                ExprKind::Paren(Box::new(self.expr(&p.expr_node()?)?))
            }
            PREFIX_EXPR => {
                let op = p.any()?;
                let e = Box::new(self.expr(&p.expr_node()?)?);
                if op.kind() == MINUS {
                    ExprKind::Neg(e)
                } else {
                    ExprKind::Not(e)
                }
            }
            BINARY_EXPR => {
                let lhs = Box::new(self.expr(&p.expr_node()?)?);
                let op = bin_op(p.any()?.kind());
                let rhs = Box::new(self.expr(&p.expr_node()?)?);
                ExprKind::Binary { op, lhs, rhs }
            }
            IN_EXPR => {
                let value = Box::new(self.expr(&p.expr_node()?)?);
                p.token(IN_KW)?;
                let list = p
                    .node(IN_LIST)?
                    .children()
                    .filter(|n| n.kind() == IN_ITEM)
                    .map(|n| Spanned {
                        span: self.span(n.text_range()),
                        node: crate::source::nfc(&n.text().to_string()),
                    })
                    .collect();
                ExprKind::In { value, list }
            }
            CALL => self.call(&mut p)?,
            _ => self.name_ref(&mut p)?,
        };
        Ok(Spanned { span, node: kind })
    }

    fn call(&self, p: &mut Parts) -> Built<ExprKind> {
        let f = p.any()?.into_token().ok_or_else(|| p.missing())?;
        let func = self.ident(&f);
        p.token(L_PAREN)?;
        let (mut args, mut among) = (Vec::new(), None);
        while let Ok(part) = p.any() {
            let Some(n) = part.as_node() else { continue };
            if n.kind() == AMONG {
                let mut q = self.parts(n);
                q.token(AMONG_KW)?;
                among = Some(Box::new(self.expr(&q.expr_node()?)?));
            } else {
                args.push(self.expr(n)?);
            }
        }
        Ok(ExprKind::Call { func, args, among })
    }

    fn name_ref(&self, p: &mut Parts) -> Built<ExprKind> {
        let name = self.ident(&p.token(IDENT)?);
        let member = match p.take(DOT) {
            Some(_) => Some(self.ident(&p.token(IDENT)?)),
            None => None,
        };
        let period = match p.take(AT) {
            Some(_) => Some(self.ident(&p.token(IDENT)?)),
            None => None,
        };
        Ok(ExprKind::Name {
            name,
            member,
            period,
        })
    }
}

fn bin_op(kind: SyntaxKind) -> BinOp {
    match kind {
        QUESTION2 => BinOp::Coalesce,
        OR_KW => BinOp::Or,
        AND_KW => BinOp::And,
        EQ2 => BinOp::Eq,
        NEQ => BinOp::Ne,
        LT => BinOp::Lt,
        LE => BinOp::Le,
        GT => BinOp::Gt,
        GE => BinOp::Ge,
        PLUS => BinOp::Add,
        MINUS => BinOp::Sub,
        STAR => BinOp::Mul,
        _ => BinOp::Div,
    }
}

fn result_word(kind: SyntaxKind) -> ResultWord {
    match kind {
        PASS_KW => ResultWord::Pass,
        FAIL_KW => ResultWord::Fail,
        UNKNOWN_KW => ResultWord::Unknown,
        NA_KW => ResultWord::Na,
        MET_KW => ResultWord::Met,
        NOT_MET_KW => ResultWord::NotMet,
        _ => ResultWord::Invalid,
    }
}
