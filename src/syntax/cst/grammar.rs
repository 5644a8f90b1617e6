//! Declarations, clauses and test items: recursive descent over the rules of
//! `grammar/criteria.pest`.

use super::parser::{Parser, Step};
use super::{Expected, SyntaxKind};
use SyntaxKind::*;

impl Parser<'_> {
    /// The whole file: declarations until the end, resuming after each error at the next
    /// declaration keyword that starts a line.
    pub(super) fn file(&mut self) {
        while !self.at_end() {
            let ok = match self.peek() {
                Some(k) if k.starts_declaration() => self.declaration(k),
                _ => {
                    self.expecting(Expected::Declaration);
                    self.fail()
                }
            };
            if ok.is_err() {
                self.recover();
            }
        }
    }

    fn declaration(&mut self, k: SyntaxKind) -> Step {
        match k {
            RULESET_KW => self.node(RULESET_DECL, |p| {
                p.bump();
                p.name()?;
                p.label()
            }),
            SOURCE_KW => self.node(SOURCE_DECL, |p| {
                p.bump();
                p.label()
            }),
            USE_KW => self.node(USE_DECL, |p| {
                p.bump();
                p.label()
            }),
            VALID_KW => self.node(VALID_DECL, |p| {
                p.bump();
                p.date_range()
            }),
            PERIOD_KW => self.node(PERIOD_DECL, |p| {
                p.bump();
                p.name()?;
                p.label()?;
                p.date_range()
            }),
            INPUT_KW => self.node(INPUT_DECL, Self::input),
            PARAM_KW => self.node(PARAM_DECL, |p| {
                p.bump();
                p.name()?;
                p.label()?;
                p.expect(EQ)?;
                p.literal()?;
                if p.at(PROVISIONAL_KW) {
                    p.node(PROVISIONAL, |p| p.bump_ok())?;
                }
                Ok(())
            }),
            LET_KW => self.node(LET_DECL, |p| {
                p.bump();
                p.name()?;
                if p.at_as(STRING, Expected::Label) {
                    p.bump();
                }
                p.expect(EQ)?;
                p.expr()
            }),
            ASSESSMENT_KW => self.node(ASSESSMENT, Self::assessment),
            TARGET_KW => self.node(TARGET, |p| {
                p.bump();
                p.name()?;
                p.label()?;
                p.braced_expr()
            }),
            _ => self.node(TEST, Self::test),
        }
    }

    /// `from DATE to DATE`
    fn date_range(&mut self) -> Step {
        self.expect(FROM_KW)?;
        self.expect_as(DATE, Expected::Date)?;
        self.expect(TO_KW)?;
        self.expect_as(DATE, Expected::Date)
    }

    pub(super) fn name(&mut self) -> Step {
        self.expect_as(IDENT, Expected::Name)
    }

    fn label(&mut self) -> Step {
        self.expect_as(STRING, Expected::Label)
    }

    fn input(&mut self) -> Step {
        self.bump();
        self.name()?;
        self.label()?;
        self.expect(COLON)?;
        self.node(INPUT_TYPE, |p| {
            const SIMPLE: [SyntaxKind; 6] =
                [COUNT_KW, NUMBER_KW, PERCENT_KW, YES_NO_KW, DATE_KW, TEXT_KW];
            match p.peek() {
                Some(k) if SIMPLE.contains(&k) => {
                    p.bump();
                    Ok(())
                }
                Some(CHOICE_KW) => p.node(CHOICE_TYPE, Self::choice),
                _ => {
                    p.expecting(Expected::Type);
                    p.fail()
                }
            }
        })?;
        if self.at(PER_KW) {
            self.node(PER_PERIOD, |p| {
                p.bump();
                p.expect(PERIOD_KW)
            })?;
        }
        Ok(())
    }

    /// `choice(a "A", b)`
    fn choice(&mut self) -> Step {
        self.bump();
        self.expect(L_PAREN)?;
        loop {
            self.node(CHOICE_OPTION, |p| {
                p.name()?;
                if p.at_as(STRING, Expected::Label) {
                    p.bump();
                }
                Ok(())
            })?;
            if !self.eat(COMMA) {
                break;
            }
        }
        self.expect(R_PAREN)
    }

    fn assessment(&mut self) -> Step {
        self.bump();
        self.name()?;
        self.label()?;
        if self.at(WHEN_KW) {
            self.when_clause()?;
        }
        self.expect(L_BRACE)?;
        loop {
            if self.at(CRITERION_KW) {
                self.node(CRITERION, Self::criterion)?;
            } else if self.at(OUTCOME_KW) {
                self.node(OUTCOME, Self::outcome)?;
            } else {
                return self.expect(R_BRACE);
            }
        }
    }

    pub(super) fn when_clause(&mut self) -> Step {
        self.node(WHEN_CLAUSE, |p| {
            p.bump();
            p.expr()
        })
    }

    fn criterion(&mut self) -> Step {
        self.bump();
        self.name()?;
        self.label()?;
        loop {
            if self.at(REQUIRED_KW) {
                self.node(REQUIRED, |p| p.bump_ok())?;
            } else if self.at(POINTS_KW) {
                self.node(POINTS_CLAUSE, |p| {
                    p.bump();
                    match p.peek() {
                        Some(NUMBER | IDENT) => p.bump_ok(),
                        _ => {
                            p.expecting(Expected::Name);
                            p.expecting(Expected::Value);
                            p.fail()
                        }
                    }
                })?;
            } else if self.at(WHEN_KW) {
                self.when_clause()?;
            } else {
                return self.braced_expr();
            }
        }
    }

    /// `{ expr }`
    fn braced_expr(&mut self) -> Step {
        self.expect(L_BRACE)?;
        self.expr()?;
        self.expect(R_BRACE)
    }

    fn outcome(&mut self) -> Step {
        self.bump();
        self.name()?;
        self.label()?;
        if self.at(OTHERWISE_KW) {
            self.node(OTHERWISE, |p| p.bump_ok())
        } else if self.at(WHEN_KW) {
            self.when_clause()
        } else {
            self.fail()
        }
    }

    fn test(&mut self) -> Step {
        self.bump();
        self.label()?;
        self.expect(L_BRACE)?;
        loop {
            if self.at(GIVEN_KW) {
                self.node(GIVEN, |p| {
                    p.bump();
                    p.bindings()
                })?;
            } else if self.at(AREA_KW) {
                self.node(AREA, |p| {
                    p.bump();
                    p.name()?;
                    p.bindings()
                })?;
            } else if self.at(SET_KW) {
                self.node(SET_PARAM, |p| {
                    p.bump();
                    p.name()?;
                    p.expect(EQ)?;
                    p.literal()
                })?;
            } else if self.at(EXPECT_KW) {
                self.node(EXPECT, |p| {
                    p.bump();
                    p.expr()?;
                    if p.at(FOR_KW) {
                        p.node(EXPECT_FOR, |p| {
                            p.bump();
                            p.name()
                        })?;
                    }
                    Ok(())
                })?;
            } else {
                return self.expect(R_BRACE);
            }
        }
    }

    /// `{ name[@period] = literal … }`
    fn bindings(&mut self) -> Step {
        self.expect(L_BRACE)?;
        while self.at_as(IDENT, Expected::Binding) {
            self.node(BINDING, |p| {
                p.bump();
                if p.peek() == Some(AT) {
                    p.bump();
                    p.name()?;
                }
                p.expect(EQ)?;
                p.literal()
            })?;
        }
        self.expect(R_BRACE)
    }

    /// A value: `-5`, `20%`, `2024-01-31`, `"x"`, `true`, `option`.
    pub(super) fn literal(&mut self) -> Step {
        self.node(LITERAL, |p| {
            if p.peek() == Some(MINUS) {
                p.bump();
                return match p.peek() {
                    Some(DATE | PERCENT | NUMBER) => p.bump_ok(),
                    _ => {
                        p.expecting(Expected::Value);
                        p.fail()
                    }
                };
            }
            match p.peek() {
                Some(DATE | PERCENT | NUMBER | STRING | TRUE_KW | FALSE_KW | IDENT) => p.bump_ok(),
                _ => {
                    p.expecting(Expected::Value);
                    p.fail()
                }
            }
        })
    }
}
