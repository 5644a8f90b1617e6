//! The checked rules: every name resolved, every expression typed. Evaluation reads only these.

use crate::ast::{BinOp, ResultWord, Span};
use crate::source::SourceMap;
use crate::value::Value;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The type of an input as declared.
#[derive(Debug, Clone, PartialEq)]
pub enum InputType {
    /// integer ≥ 0
    Count,
    /// decimal
    Number,
    /// decimal in 0–100%
    Percent,
    /// true / false
    YesNo,
    /// date
    Date,
    /// text
    Text,
    /// one of these option ids (with labels)
    Choice(Vec<(String, Option<String>)>),
}

impl InputType {
    /// The name of the type as written in rules files.
    pub fn name(&self) -> &'static str {
        match self {
            InputType::Count => "count",
            InputType::Number => "number",
            InputType::Percent => "percent",
            InputType::YesNo => "yes_no",
            InputType::Date => "date",
            InputType::Text => "text",
            InputType::Choice(_) => "choice",
        }
    }
}

/// A reporting period.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Where it is written.
    pub span: Span,
}

/// A value each area submits.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The type.
    pub ty: InputType,
    /// Declared `per period`: one value per period.
    pub per_period: bool,
    /// Where it is written.
    pub span: Span,
}

/// One storage place for an area's value: an input, or an input in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Index into [`Rules::inputs`].
    pub input: u32,
    /// Index into [`Rules::periods`] for a `per period` input.
    pub period: Option<u32>,
}

/// A named constant, overridable at run time.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The value.
    pub value: Value,
    /// The literal as written (for reports).
    pub written: String,
    /// The type.
    pub ty: Type,
    /// Where it is written.
    pub span: Span,
}

/// A derived value, computed per area.
#[derive(Debug, Clone, PartialEq)]
pub struct Let {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: Option<String>,
    /// The expression.
    pub expr: CExpr,
    /// The type.
    pub ty: Type,
    /// Where it is written.
    pub span: Span,
}

/// A criterion of an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// Declared `required`.
    pub required: bool,
    /// Points (when the criterion has them).
    pub points: Option<Decimal>,
    /// The `when` condition, if any.
    pub when: Option<CExpr>,
    /// The condition.
    pub condition: CExpr,
    /// Where it is written.
    pub span: Span,
}

/// An outcome of an assessment; `when: None` is `otherwise`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The `when` condition, if any.
    pub when: Option<CExpr>,
    /// Where it is written.
    pub span: Span,
}

/// An assessment: criteria and the outcomes tried in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The `when` condition, if any.
    pub when: Option<CExpr>,
    /// The criteria, in file order.
    pub criteria: Vec<Criterion>,
    /// The outcomes, in order.
    pub outcomes: Vec<Outcome>,
    /// Where it is written.
    pub span: Span,
}

/// A plan-level condition over all areas.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The declared name.
    pub id: String,
    /// The label as written.
    pub label: String,
    /// The expression.
    pub expr: CExpr,
    /// Where it is written.
    pub span: Span,
}

/// One value given in a test area.
#[derive(Debug, Clone, PartialEq)]
pub struct TestValue {
    /// Index of the slot.
    pub slot: u32,
    /// The value.
    pub value: Value,
    /// The text.
    pub text: Option<String>,
    /// Where it is written.
    pub span: Span,
}

/// An area of a test.
#[derive(Debug, Clone, PartialEq)]
pub struct TestArea {
    /// The declared name.
    pub id: String,
    /// The values given.
    pub values: Vec<TestValue>,
    /// Where it is written.
    pub span: Span,
}

/// One `expect` of a test.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    /// The expression.
    pub expr: CExpr,
    /// Index into the test's areas.
    pub area: u32,
    /// Where it is written.
    pub span: Span,
}

/// An executable example.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    /// The name.
    pub name: String,
    /// The areas.
    pub areas: Vec<TestArea>,
    /// Param overrides: (param index, value).
    pub sets: Vec<(u32, Value)>,
    /// The `expect` lines.
    pub expects: Vec<Expectation>,
    /// Where it is written.
    pub span: Span,
}

/// A checked rules file (with everything it `use`s).
#[derive(Debug, Clone)]
pub struct Rules {
    /// The declared name.
    pub id: String,
    /// The title as written.
    pub title: String,
    /// The `source` text, if declared.
    pub source: Option<String>,
    /// The `valid from … to …` range, if declared.
    pub valid: Option<(NaiveDate, NaiveDate)>,
    /// The reporting periods.
    pub periods: Vec<Period>,
    /// The inputs.
    pub inputs: Vec<Input>,
    /// One storage place per input (and period).
    pub slots: Vec<Slot>,
    /// The params.
    pub params: Vec<Param>,
    /// In dependency order: each only refers to earlier ones.
    pub lets: Vec<Let>,
    /// In dependency order: each only refers to earlier ones' verdicts.
    pub assessments: Vec<Assessment>,
    /// The targets.
    pub targets: Vec<Target>,
    /// The `test` blocks.
    pub tests: Vec<Test>,
    /// Text constants used in expressions (`Value::Text(TEXT_CONST | i)`).
    pub texts: Vec<String>,
    /// Every file read: the main file first.
    pub sources: SourceMap,
    /// sha256 of the main file's bytes, hex.
    pub sha256: String,
    /// Number of expression nodes (ids run `0..node_count`).
    pub node_count: u32,
}

/// Marks a [`Value::Text`] index as pointing into [`Rules::texts`] rather than the area's texts.
pub const TEXT_CONST: u32 = 1 << 31;

impl Rules {
    /// The slot index of an input (in a period).
    pub fn slot_of(&self, input: u32, period: Option<u32>) -> Option<u32> {
        self.slots
            .iter()
            .position(|s| s.input == input && s.period == period)
            .map(|i| i as u32)
    }

    /// The data key of a slot: `input` or `input@period`.
    pub fn slot_name(&self, slot: u32) -> String {
        let Some(s) = self.slots.get(slot as usize) else {
            return String::new();
        };
        let input = self
            .inputs
            .get(s.input as usize)
            .map_or("", |i| i.id.as_str());
        match s.period.and_then(|p| self.periods.get(p as usize)) {
            Some(p) => format!("{input}@{}", p.id),
            None => input.to_string(),
        }
    }

    /// The index of the assessment named `id`.
    pub fn assessment_index(&self, id: &str) -> Option<usize> {
        self.assessments.iter().position(|a| a.id == id)
    }

    /// The index of the target named `id`.
    pub fn target_index(&self, id: &str) -> Option<usize> {
        self.targets.iter().position(|t| t.id == id)
    }

    /// The index of the param named `id`.
    pub fn param_index(&self, id: &str) -> Option<usize> {
        self.params.iter().position(|p| p.id == id)
    }
}

/// Static types of expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// A number.
    Number,
    /// A yes/no value.
    Bool,
    /// A date.
    Date,
    /// A text.
    Text,
    /// an option of the choice input with this index
    Choice(u32),
    /// the verdict of the assessment with this index
    Verdict(u32),
    /// a criterion's result (also usable as a boolean)
    CriterionResult,
    /// a target's result (in tests)
    TargetResult,
    /// a bare result word
    Word,
}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `ratio(a, b)`
    Ratio,
    /// `change(new, old)`
    Change,
    /// `min(…)`
    Min,
    /// `max(…)`
    Max,
    /// `abs(x)`
    Abs,
    /// `at_least(k, …)`
    AtLeast,
    /// `known(e)`
    Known,
}

/// What a verdict is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictWant {
    /// an outcome, by index
    Outcome(u32),
    /// `unknown`, `na` or `invalid`
    Word(ResultWord),
}

/// A checked expression: resolved references, a type, a node id for explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct CExpr {
    /// The form.
    pub kind: CKind,
    /// Where it is written.
    pub span: Span,
    /// The declared name.
    pub id: u32,
}

/// Checked expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum CKind {
    /// A constant.
    Const(Value),
    /// An input slot.
    Input(u32),
    /// A param, by index.
    Param(u32),
    /// A `let`, by index.
    Let(u32),
    /// a criterion used as a boolean: true when it passed (na counts as false)
    Criterion {
        /// Index of the assessment.
        assessment: u32,
        /// Index of the criterion in its assessment.
        criterion: u32,
    },
    /// `A.C == word` (`negate` for `!=`); `literal` in tests compares the state itself
    CriterionIs {
        /// Index of the assessment.
        assessment: u32,
        /// Index of the criterion in its assessment.
        criterion: u32,
        /// The result word compared with.
        word: ResultWord,
        /// `!=` rather than `==`.
        negate: bool,
        /// In a test: compares the state itself (an unknown result is not any other word).
        literal: bool,
    },
    /// `A == outcome` / `A == unknown`
    VerdictIs {
        /// Index of the assessment.
        assessment: u32,
        /// The verdict compared with.
        want: VerdictWant,
        /// `!=` rather than `==`.
        negate: bool,
        /// In a test: compares the state itself (an unknown result is not any other word).
        literal: bool,
    },
    /// `T == met` (tests only)
    TargetIs {
        /// Index of the target.
        target: u32,
        /// The result word compared with.
        word: ResultWord,
        /// `!=` rather than `==`.
        negate: bool,
    },
    /// `all_required`
    AllRequired,
    /// `points`
    Points,
    /// `max_points`
    MaxPoints,
    /// `not e`
    Not(Box<CExpr>),
    /// `-e`
    Neg(Box<CExpr>),
    /// `a OP b`
    Binary(BinOp, Box<CExpr>, Box<CExpr>),
    /// A function call.
    Call(Func, Vec<CExpr>),
    /// `count(…)` / `share(…)` in a target
    Aggregate {
        /// `share` rather than `count`.
        share: bool,
        /// The condition counted.
        cond: Box<CExpr>,
        /// The `among` filter, if any.
        among: Option<Box<CExpr>>,
    },
}

impl CExpr {
    /// The direct children, in evaluation order.
    pub fn children(&self) -> Vec<&CExpr> {
        match &self.kind {
            CKind::Not(e) | CKind::Neg(e) => vec![e],
            CKind::Binary(_, a, b) => vec![a, b],
            CKind::Call(_, args) => args.iter().collect(),
            CKind::Aggregate { cond, among, .. } => {
                std::iter::once(&**cond).chain(among.as_deref()).collect()
            }
            _ => vec![],
        }
    }

    /// Calls `f` on this node and every node below it.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a CExpr)) {
        crate::stack::grow(|| {
            f(self);
            for c in self.children() {
                c.walk(f);
            }
        })
    }
}
