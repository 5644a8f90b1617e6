//! Declarations: the header, periods, inputs (and their slots), params, and the global names.

use super::{codes, model::*, Checker, Named};
use crate::ast::{self, Decl, FileId, Literal, Span, Spanned};
use crate::diag::Diagnostic;
use crate::msg;
use crate::value::Value;

impl Checker<'_> {
    pub(super) fn header(&mut self, decls: &[(FileId, Decl)]) {
        let main_first = decls
            .iter()
            .filter(|(f, _)| *f == 0)
            .chain(decls.iter().filter(|(f, _)| *f != 0));
        let mut seen = false;
        for (file, d) in main_first {
            match d {
                Decl::Ruleset { id, title } if !seen => {
                    seen = true;
                    self.rules.id = id.node.clone();
                    self.rules.title = title.node.clone();
                }
                Decl::Source(s) if *file == 0 || self.rules.source.is_none() => {
                    self.rules.source = Some(s.node.clone())
                }
                Decl::Valid { from, to, span } if *file == 0 || self.rules.valid.is_none() => {
                    if from.node > to.node {
                        self.error(reversed(*span, msg!("diag-the-validity"), from, to));
                    }
                    self.rules.valid = Some((from.node, to.node));
                }
                _ => {}
            }
        }
        if !seen {
            let span = Span {
                file: 0,
                start: 0,
                end: 0,
            };
            self.error(
                Diagnostic::error(codes::MISSING_RULESET, msg!("diag-no-ruleset"), span)
                    .with_help(msg!("diag-no-ruleset-help")),
            );
        }
    }

    pub(super) fn declare(&mut self, decls: &[(FileId, Decl)]) {
        let (mut lets, mut assessments, mut targets) = (0, 0, 0);
        for (_, d) in decls {
            match d {
                Decl::Period(p) => self.period(p),
                Decl::Input(i) => self.input(i),
                Decl::Param(p) => self.param(p),
                Decl::Let(l) => {
                    self.name(&l.id, Named::Let(lets));
                    lets += 1;
                }
                Decl::Assessment(a) => {
                    self.name(&a.id, Named::Assessment(assessments));
                    assessments += 1;
                }
                Decl::Target(t) => {
                    self.name(&t.id, Named::Target(targets));
                    targets += 1;
                }
                _ => {}
            }
        }
        self.make_slots();
    }

    /// Registers a global name; reports a duplicate with both places.
    pub(super) fn name(&mut self, id: &ast::Ident, what: Named) -> bool {
        if let Some((_, first)) = self.names.get(&id.node) {
            let d = Diagnostic::error(
                codes::DUPLICATE_NAME,
                msg!("diag-declared-twice", name = id.node.as_str()),
                id.span,
            )
            .with_label(msg!("diag-declared-again-here"))
            .with_secondary(*first, msg!("diag-first-declared-here"))
            .with_help(msg!("diag-declared-twice-help"));
            self.error(d);
            return false;
        }
        self.names.insert(id.node.clone(), (what, id.span));
        true
    }

    fn period(&mut self, p: &ast::PeriodDecl) {
        if p.from.node > p.to.node {
            self.error(reversed(
                p.from.span.to(p.to.span),
                msg!("diag-the-period", name = p.id.node.as_str()),
                &p.from,
                &p.to,
            ));
        }
        if self.name(&p.id, Named::Period(self.rules.periods.len() as u32)) {
            self.rules.periods.push(Period {
                id: p.id.node.clone(),
                label: p.label.node.clone(),
                from: p.from.node,
                to: p.to.node,
                span: p.id.span,
            });
        }
    }

    fn input(&mut self, i: &ast::InputDecl) {
        let ty = match &i.ty.node {
            ast::TypeExpr::Count => InputType::Count,
            ast::TypeExpr::Number => InputType::Number,
            ast::TypeExpr::Percent => InputType::Percent,
            ast::TypeExpr::YesNo => InputType::YesNo,
            ast::TypeExpr::Date => InputType::Date,
            ast::TypeExpr::Text => InputType::Text,
            ast::TypeExpr::Choice(opts) => InputType::Choice(self.options(opts)),
        };
        if self.name(&i.id, Named::Input(self.rules.inputs.len() as u32)) {
            self.rules.inputs.push(Input {
                id: i.id.node.clone(),
                label: i.label.node.clone(),
                ty,
                per_period: i.per_period,
                span: i.id.span,
            });
            self.used_inputs.push(false);
        }
    }

    fn options(&mut self, opts: &[ast::ChoiceOption]) -> Vec<(String, Option<String>)> {
        let mut out: Vec<(String, Option<String>)> = Vec::new();
        for o in opts {
            if out.iter().any(|(id, _)| *id == o.id.node) {
                self.error(
                    Diagnostic::error(
                        codes::DUPLICATE_NAME,
                        msg!("diag-option-twice", name = o.id.node.as_str()),
                        o.id.span,
                    )
                    .with_help(msg!("diag-option-twice-help")),
                );
                continue;
            }
            out.push((o.id.node.clone(), o.label.as_ref().map(|l| l.node.clone())));
        }
        out
    }

    fn make_slots(&mut self) {
        for (i, input) in self.rules.inputs.iter().enumerate() {
            if input.per_period {
                for p in 0..self.rules.periods.len() {
                    self.rules.slots.push(Slot {
                        input: i as u32,
                        period: Some(p as u32),
                    });
                }
            } else {
                self.rules.slots.push(Slot {
                    input: i as u32,
                    period: None,
                });
            }
        }
    }

    fn param(&mut self, p: &ast::ParamDecl) {
        let Some((value, ty)) = self.literal_value(&p.value, None) else {
            return;
        };
        if self.name(&p.id, Named::Param(self.rules.params.len() as u32)) {
            self.rules.params.push(Param {
                id: p.id.node.clone(),
                label: p.label.node.clone(),
                value,
                written: self.snippet(p.value.span).to_string(),
                ty,
                provisional: p.provisional,
                declared: value,
                span: p.id.span,
            });
        }
    }

    /// The value and type of a literal; a bare name is an option of `choice` (when given).
    pub(super) fn literal_value(
        &mut self,
        lit: &Spanned<Literal>,
        choice: Option<u32>,
    ) -> Option<(Value, Type)> {
        Some(match &lit.node {
            Literal::Number(n) => (Value::Num(*n), Type::Number),
            Literal::Percent(n) => (Value::Num(*n), Type::Number),
            Literal::Date(d) => (Value::Date(*d), Type::Date),
            Literal::Bool(b) => (Value::Bool(*b), Type::Bool),
            Literal::Text(t) => (Value::Text(self.text_const(t)), Type::Text),
            Literal::Name(n) => {
                let Some(input) = choice else {
                    self.error(
                        Diagnostic::error(
                            codes::TYPE_MISMATCH,
                            msg!("diag-not-a-value", name = n.as_str()),
                            lit.span,
                        )
                        .with_help(msg!("diag-not-a-value-help")),
                    );
                    return None;
                };
                let idx = self.option_index(input, n, lit.span)?;
                (Value::Choice(idx), Type::Choice(input))
            }
        })
    }

    pub(super) fn text_const(&mut self, t: &str) -> u32 {
        let i = self
            .rules
            .texts
            .iter()
            .position(|x| x == t)
            .unwrap_or_else(|| {
                self.rules.texts.push(t.to_string());
                self.rules.texts.len() - 1
            });
        i as u32 | TEXT_CONST
    }

    /// The index of option `name` of choice input `input`, or a diagnostic listing the options.
    pub(super) fn option_index(&mut self, input: u32, name: &str, span: Span) -> Option<u16> {
        let InputType::Choice(opts) = &self.rules.inputs[input as usize].ty else {
            return None;
        };
        if let Some(i) = opts.iter().position(|(id, _)| id == name) {
            return Some(i as u16);
        }
        let list: Vec<&str> = opts.iter().map(|(id, _)| id.as_str()).collect();
        let input_id = self.rules.inputs[input as usize].id.as_str();
        let mut help = msg!(
            "diag-the-options",
            input = input_id,
            list = backticked(&list)
        );
        if let Some(dym) = crate::diag::did_you_mean(name, list.iter().copied()) {
            help = msg!("diag-suggest-then", suggestion = dym, rest = help);
        }
        let message = msg!("diag-not-an-option", name = name, input = input_id);
        self.error(
            Diagnostic::error(codes::NOT_AN_OPTION, message, span)
                .with_label(msg!("diag-not-an-option-label"))
                .with_help(help),
        );
        None
    }
}

/// `a`, `b` and `c` in backticks.
pub(super) fn backticked(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn reversed(
    span: Span,
    what: crate::i18n::Msg,
    from: &Spanned<chrono::NaiveDate>,
    to: &Spanned<chrono::NaiveDate>,
) -> Diagnostic {
    Diagnostic::error(
        codes::PERIOD_REVERSED,
        msg!("diag-starts-after-end", what = what),
        span,
    )
    .with_label(msg!(
        "diag-date-after",
        from = from.node.to_string(),
        to = to.node.to_string()
    ))
    .with_help(msg!("diag-swap-dates"))
}
