//! The checked rules: every name resolved, every expression typed. Evaluation reads only these.

use crate::ast::{BinOp, ResultWord, Span};
use crate::num::Num;
use crate::source::SourceMap;
use crate::value::Value;
use chrono::NaiveDate;

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
    /// Declared `provisional`: the council has not confirmed the value yet.
    pub provisional: bool,
    /// The value as declared in the rules (`value` may be overridden at run time).
    pub declared: Value,
    /// Where it is written.
    pub span: Span,
}

/// The unit of a numeric value (spec: "Units"): a plain number or a proportion (`80%` = 0.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Counts, numbers, `points`, `max_points`, `count(…)`.
    Plain,
    /// Percent inputs, values written with `%`, `ratio`, `change`, `share(…)`.
    Proportion,
}

impl Param {
    /// A number param's unit, by how its value is written (`80%` is a proportion); `None` for
    /// other types.
    pub fn unit(&self) -> Option<Unit> {
        (self.ty == Type::Number).then(|| {
            if self.written.trim_end().ends_with('%') {
                Unit::Proportion
            } else {
                Unit::Plain
            }
        })
    }
}

/// True for a literal zero as written (`0`, `0.0`, `-0`, `0%`): the one number that fits
/// either unit.
pub fn is_zero_literal(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix(['-', '+']).unwrap_or(t).trim_start();
    let t = t.strip_suffix('%').unwrap_or(t).trim_end();
    t.contains('0') && t.chars().all(|c| c == '0' || c == '.')
}

/// How to write a plain number `text` as a proportion, for help lines: `80` → "`80%`", and a
/// fraction such as `0.8` or `1` (likely meant as 80%, 100%) → "`80%` (0.8 is 80%)".
pub(crate) fn percent_fix(text: &str) -> crate::i18n::Msg {
    let t = text.trim();
    let shifted = percent_fix_text(t);
    if shifted == format!("{t}%") {
        return crate::msg!("diag-code", text = shifted);
    }
    crate::msg!("diag-percent-fix", percent = shifted, value = t)
}

/// The percent literal [`percent_fix`] suggests for `text`: `80` → `80%`, `0.8` → `80%`.
pub(crate) fn percent_fix_text(text: &str) -> String {
    let t = text.trim();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", t),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction_like = (int.trim_start_matches('0').is_empty()
        || int == "1" && frac.trim_end_matches('0').is_empty())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !fraction_like {
        return format!("{t}%");
    }
    let frac = format!("{frac:0<2}");
    let (moved, rest) = frac.split_at(2);
    let int = format!("{int}{moved}");
    let int = match int.trim_start_matches('0') {
        "" => "0",
        i => i,
    };
    match rest.trim_end_matches('0') {
        "" => format!("{sign}{int}%"),
        r => format!("{sign}{int}.{r}%"),
    }
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
    /// Points (when the criterion has them); for `points PARAM`, the param's value, set again
    /// from the (possibly overridden) param when the rules are compiled.
    pub points: Option<Num>,
    /// The param of `points PARAM`, by index.
    pub points_param: Option<u32>,
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
    /// Every param the verdict rests on (read by its `when`, criteria, points and outcomes,
    /// directly or through lets and other assessments), by index, sorted.
    pub params: Vec<u32>,
    /// The params its own `when` rests on: all that an `na` verdict rests on.
    pub when_params: Vec<u32>,
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
    /// Every param the result rests on (directly, or through the lets and assessments that
    /// `count`/`share` read), by index, sorted.
    pub params: Vec<u32>,
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
    /// Every file read: the main file first (shared, never copied per compile).
    pub sources: std::sync::Arc<SourceMap>,
    /// `snippets[node id]`: each expression node's text as written, kept once (explanations
    /// show them; every compiled program shares them).
    pub snippets: std::sync::Arc<[std::sync::Arc<str>]>,
    /// sha256 of the main file's bytes, hex.
    pub sha256: String,
    /// Number of expression nodes (ids run `0..node_count`).
    pub node_count: u32,
}

/// Marks a [`Value::Text`] index as pointing into [`Rules::texts`] rather than the area's texts.
pub const TEXT_CONST: u32 = 1 << 31;

impl Rules {
    /// Calls `f` on every expression node of the rules: lets, assessments (their `when`,
    /// criteria and outcomes), targets, and with `with_tests` the tests' expectations.
    pub fn walk_exprs(&self, with_tests: bool, f: &mut impl FnMut(&CExpr)) {
        let mut each = |e: &CExpr| e.walk(f);
        self.lets.iter().for_each(|l| each(&l.expr));
        for a in &self.assessments {
            a.when.iter().for_each(&mut each);
            for c in &a.criteria {
                c.when.iter().for_each(&mut each);
                each(&c.condition);
            }
            a.outcomes
                .iter()
                .filter_map(|o| o.when.as_ref())
                .for_each(&mut each);
        }
        self.targets.iter().for_each(|t| each(&t.expr));
        if with_tests {
            self.tests
                .iter()
                .flat_map(|t| &t.expects)
                .for_each(|x| each(&x.expr));
        }
    }

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

    /// The label of a slot: the input's label, with the period's (`Số vụ — Năm 2024`).
    pub fn slot_label(&self, slot: u32) -> String {
        let Some(s) = self.slots.get(slot as usize) else {
            return String::new();
        };
        let input = self
            .inputs
            .get(s.input as usize)
            .map_or("", |i| i.label.as_str());
        match s.period.and_then(|p| self.periods.get(p as usize)) {
            Some(p) => format!("{input} — {}", p.label),
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

    /// The `provisional` params among `params` (indices), in order.
    pub fn provisional<'a>(&'a self, params: &'a [u32]) -> impl Iterator<Item = &'a Param> + 'a {
        params
            .iter()
            .filter_map(|&p| self.params.get(p as usize))
            .filter(|p| p.provisional)
    }

    /// True when param `p` gives some criterion its points (`points PARAM`).
    pub fn is_points_param(&self, p: u32) -> bool {
        self.assessments
            .iter()
            .flat_map(|a| &a.criteria)
            .any(|c| c.points_param == Some(p))
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

impl Type {
    /// How the type is named in messages (a catalog message, `diag-type-…`).
    pub fn name(self) -> crate::i18n::Msg {
        crate::i18n::Msg::new(match self {
            Type::Number => "diag-type-number",
            Type::Bool => "diag-type-bool",
            Type::Date => "diag-type-date",
            Type::Text => "diag-type-text",
            Type::Choice(_) => "diag-type-choice",
            Type::Verdict(_) => "diag-type-verdict",
            Type::CriterionResult => "diag-type-criterion-result",
            Type::TargetResult => "diag-type-target-result",
            Type::Word => "diag-type-word",
        })
    }
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
    /// `A in (o1, o2, …)`: true when every verdict still possible is in the set, false when
    /// none is, else unknown (an invalid verdict: unknown); `literal` in tests compares the
    /// verdict itself
    VerdictIn {
        /// Index of the assessment.
        assessment: u32,
        /// Bit `o` for outcome `o`, bit 63 for `na` (the layout of [`crate::eval::Possible`]).
        set: u64,
        /// In a test: compares the state itself (an unknown verdict is in no set).
        literal: bool,
    },
    /// `X in (a, b, …)` for a choice: true when X's option is in the set; a missing X is
    /// unknown unless the set holds every option
    ChoiceIn {
        /// The value tested.
        value: Box<CExpr>,
        /// The options listed.
        set: OptionSet,
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
            CKind::ChoiceIn { value, .. } => vec![value],
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

/// A set of options of one choice, one bit per option index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OptionSet {
    words: Vec<u64>,
    /// True when every option of the choice is in the set.
    pub all: bool,
}

impl OptionSet {
    /// The set of `options` (indices) of a choice with `len` options.
    pub fn new(options: impl IntoIterator<Item = u16>, len: usize) -> Self {
        let mut set = OptionSet::default();
        for o in options {
            let (w, b) = (o as usize / 64, o % 64);
            if set.words.len() <= w {
                set.words.resize(w + 1, 0);
            }
            set.words[w] |= 1 << b;
        }
        let count: u32 = set.words.iter().map(|w| w.count_ones()).sum();
        set.all = count as usize >= len;
        set
    }

    /// True when option `o` is in the set.
    pub fn has(&self, o: u16) -> bool {
        self.words
            .get(o as usize / 64)
            .is_some_and(|w| w & (1 << (o % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::OptionSet;

    #[test]
    fn option_sets_hold_options_past_the_64th() {
        let set = OptionSet::new([0, 70], 100);
        assert!(set.has(0) && set.has(70));
        assert!(!set.has(1) && !set.has(64) && !set.has(200));
        assert!(!set.all);
        assert!(OptionSet::new([1, 0], 2).all);
    }
}
