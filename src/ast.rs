//! The abstract syntax tree: plain data, every node with its [`Span`].
//!
//! The source text is kept once, in the [`crate::source::SourceMap`]; nodes hold byte ranges into it.

use crate::num::Num;
use chrono::NaiveDate;

/// Which loaded file a span points into (an index into the [`crate::source::SourceMap`]).
pub type FileId = u32;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// The file the range lies in.
    pub file: FileId,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span covering both `self` and `other` (which must be in the same file).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A node with the span it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The node.
    pub node: T,
    /// Where it was written.
    pub span: Span,
}

/// A name as written.
pub type Ident = Spanned<String>;

/// One parsed rules file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RulesFile {
    /// The declarations in file order.
    pub decls: Vec<Decl>,
    /// The span of each declaration (parallel to `decls`).
    pub spans: Vec<Span>,
}

/// A top-level declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum Decl {
    /// `ruleset ID "title"`
    Ruleset {
        /// The ruleset's name.
        id: Ident,
        /// Its title.
        title: Spanned<String>,
    },
    /// `source "…"`
    Source(Spanned<String>),
    /// `valid from D to D`
    Valid {
        /// First day (inclusive).
        from: Spanned<NaiveDate>,
        /// Last day (inclusive).
        to: Spanned<NaiveDate>,
        /// Where it is written.
        span: Span,
    },
    /// `period ID "label" from D to D`
    Period(PeriodDecl),
    /// `input ID "label": TYPE [per period]`
    Input(InputDecl),
    /// `param ID "label" = LITERAL [provisional]`
    Param(ParamDecl),
    /// `let ID ["label"] = EXPR`
    Let(LetDecl),
    /// `assessment ID "label" [when EXPR] { … }`
    Assessment(AssessmentDecl),
    /// `target ID "label" { EXPR }`
    Target(TargetDecl),
    /// `test "name" { … }`
    Test(TestDecl),
    /// `use "path.tc"`
    Use(Spanned<String>),
}

/// `period ID "label" from D to D`
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// First day (inclusive).
    pub from: Spanned<NaiveDate>,
    /// Last day (inclusive).
    pub to: Spanned<NaiveDate>,
}

/// The type of an input as written.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeExpr {
    /// integer ≥ 0
    Count,
    /// decimal
    Number,
    /// decimal written `80%`
    Percent,
    /// true / false
    YesNo,
    /// ISO date
    Date,
    /// free text
    Text,
    /// one of the listed options
    Choice(Vec<ChoiceOption>),
}

/// One option of a `choice(…)` type.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Option<Spanned<String>>,
}

/// `input ID "label": TYPE [per period]`
#[derive(Debug, Clone, PartialEq)]
pub struct InputDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// The type.
    pub ty: Spanned<TypeExpr>,
    /// Declared `per period`: one value per period.
    pub per_period: bool,
}

/// `param ID "label" = LITERAL [provisional]`
#[derive(Debug, Clone, PartialEq)]
pub struct ParamDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// The value.
    pub value: Spanned<Literal>,
    /// Declared `provisional`: the council has not confirmed the value yet.
    pub provisional: bool,
}

/// `let ID ["label"] = EXPR`
#[derive(Debug, Clone, PartialEq)]
pub struct LetDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Option<Spanned<String>>,
    /// The expression.
    pub expr: Expr,
}

/// `assessment ID "label" [when EXPR] { criteria… outcomes… }`
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// The `when` condition, if any.
    pub when: Option<Expr>,
    /// The criteria, in file order.
    pub criteria: Vec<CriterionDecl>,
    /// The outcomes, in order.
    pub outcomes: Vec<OutcomeDecl>,
    /// Where it is written.
    pub span: Span,
}

/// `criterion ID "label" [required] [points N] [when EXPR] { EXPR }`
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// Declared `required`.
    pub required: bool,
    /// Points (when the criterion has them): a number or a param.
    pub points: Option<Spanned<PointsSpec>>,
    /// The `when` condition, if any.
    pub when: Option<Expr>,
    /// The condition.
    pub condition: Expr,
    /// From `criterion` to the closing `}`.
    pub span: Span,
}

/// The `N` of `points N`: a number as written, or a param (`points diem_c7`, v0.1).
#[derive(Debug, Clone, PartialEq)]
pub enum PointsSpec {
    /// `points 40`
    Number(Num),
    /// `points diem_c7`
    Param(String),
}

/// `outcome ID "label" when EXPR` or `outcome ID "label" otherwise`
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// `None` for `otherwise`.
    pub when: Option<Expr>,
    /// Where it is written.
    pub span: Span,
}

/// `target ID "label" { EXPR }`
#[derive(Debug, Clone, PartialEq)]
pub struct TargetDecl {
    /// The declared name.
    pub id: Ident,
    /// The label as written.
    pub label: Spanned<String>,
    /// The expression.
    pub expr: Expr,
}

/// `test "name" { … }`
#[derive(Debug, Clone, PartialEq)]
pub struct TestDecl {
    /// The name.
    pub name: Spanned<String>,
    /// `given { … }` (one unnamed area) and `area ID { … }` blocks, in order.
    pub areas: Vec<TestArea>,
    /// `set PARAM = VALUE` overrides.
    pub sets: Vec<Binding>,
    /// The `expect` lines.
    pub expects: Vec<Expect>,
    /// Where it is written.
    pub span: Span,
}

/// One area of a test: `given { … }` has no id.
#[derive(Debug, Clone, PartialEq)]
pub struct TestArea {
    /// The declared name.
    pub id: Option<Ident>,
    /// The `NAME = VALUE` pairs.
    pub bindings: Vec<Binding>,
    /// Where it is written.
    pub span: Span,
}

/// `NAME[@PERIOD] = VALUE`
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The name.
    pub name: Ident,
    /// The `@PERIOD`, if any.
    pub period: Option<Ident>,
    /// The value.
    pub value: Spanned<Literal>,
}

/// `expect EXPR [for ID]`
#[derive(Debug, Clone, PartialEq)]
pub struct Expect {
    /// The expression.
    pub expr: Expr,
    /// The area.
    pub area: Option<Ident>,
    /// Where it is written.
    pub span: Span,
}

/// A literal value as written in a `param`, a test binding or `set`.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `12`, `0.5`, `-3`
    Number(Num),
    /// `80%` held as the fraction 0.8
    Percent(Num),
    /// `2024-06-14`
    Date(NaiveDate),
    /// `"…"`
    Text(String),
    /// `true` / `false`
    Bool(bool),
    /// a bare name: a choice option
    Name(String),
}

/// A result word: `pass fail unknown na met not_met invalid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultWord {
    /// `pass`
    Pass,
    /// `fail`
    Fail,
    /// Missing data could change it.
    Unknown,
    /// `na`
    Na,
    /// The condition holds.
    Met,
    /// The condition does not hold.
    NotMet,
    /// `invalid`
    Invalid,
}

impl ResultWord {
    /// The word as written.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultWord::Pass => "pass",
            ResultWord::Fail => "fail",
            ResultWord::Unknown => "unknown",
            ResultWord::Na => "na",
            ResultWord::Met => "met",
            ResultWord::NotMet => "not_met",
            ResultWord::Invalid => "invalid",
        }
    }
}

/// An expression with its span.
pub type Expr = Spanned<ExprKind>;

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `??`
    Coalesce,
    /// `or`
    Or,
    /// `and`
    And,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

impl BinOp {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Coalesce => "??",
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }

    /// True for `== != < <= > >=`.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

/// Expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `12`, `0.5`
    Number(Num),
    /// `80%` held as 0.8
    Percent(Num),
    /// `2024-06-14`
    Date(NaiveDate),
    /// `"…"`
    Text(String),
    /// `true`, `false`
    Bool(bool),
    /// `pass`, `met`, …
    Word(ResultWord),
    /// `points` inside an outcome
    Points,
    /// `NAME`, `A.C`, `NAME@PERIOD`
    Name {
        /// The name.
        name: Ident,
        /// The `.MEMBER` part, if any.
        member: Option<Ident>,
        /// The `@PERIOD`, if any.
        period: Option<Ident>,
    },
    /// `f(a, b [among FILTER])`
    Call {
        /// The function name.
        func: Ident,
        /// The arguments.
        args: Vec<Expr>,
        /// The `among` filter, if any.
        among: Option<Box<Expr>>,
    },
    /// `not e`
    Not(Box<Expr>),
    /// `-e`
    Neg(Box<Expr>),
    /// `(e)` — kept so the formatter and explanations can show it as written
    Paren(Box<Expr>),
    /// `a OP b`
    Binary {
        /// The operator.
        op: BinOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `X in (a, b, …)`: the ids are option ids, or outcome ids and `na`.
    In {
        /// The value tested.
        value: Box<Expr>,
        /// The listed ids, in written order.
        list: Vec<Ident>,
    },
}

/// Sets every span to the default, so that two trees can be compared for meaning alone.
pub trait EraseSpans {
    /// Replaces every span below `self` by `Span::default()`.
    fn erase_spans(&mut self);
}

impl<T: EraseSpans> EraseSpans for Spanned<T> {
    fn erase_spans(&mut self) {
        self.span = Span::default();
        self.node.erase_spans();
    }
}

impl<T: EraseSpans> EraseSpans for Option<T> {
    fn erase_spans(&mut self) {
        if let Some(x) = self {
            x.erase_spans();
        }
    }
}

impl<T: EraseSpans> EraseSpans for Vec<T> {
    fn erase_spans(&mut self) {
        self.iter_mut().for_each(EraseSpans::erase_spans);
    }
}

impl<T: EraseSpans> EraseSpans for Box<T> {
    fn erase_spans(&mut self) {
        crate::stack::grow(|| {
            (**self).erase_spans();
        })
    }
}

macro_rules! leaf_erase {
    ($($t:ty),*) => { $(impl EraseSpans for $t { fn erase_spans(&mut self) {} })* };
}
leaf_erase!(String, NaiveDate, Num, Literal, PointsSpec, bool);

impl EraseSpans for Span {
    fn erase_spans(&mut self) {
        *self = Span::default();
    }
}

impl EraseSpans for RulesFile {
    fn erase_spans(&mut self) {
        self.decls.erase_spans();
        self.spans.erase_spans();
    }
}

impl EraseSpans for Decl {
    fn erase_spans(&mut self) {
        match self {
            Decl::Ruleset { id, title } => {
                id.erase_spans();
                title.erase_spans();
            }
            Decl::Source(s) | Decl::Use(s) => s.erase_spans(),
            Decl::Valid { from, to, span } => {
                from.erase_spans();
                to.erase_spans();
                span.erase_spans();
            }
            Decl::Period(p) => {
                p.id.erase_spans();
                p.label.erase_spans();
                p.from.erase_spans();
                p.to.erase_spans();
            }
            Decl::Input(i) => {
                i.id.erase_spans();
                i.label.erase_spans();
                i.ty.erase_spans();
            }
            Decl::Param(p) => {
                p.id.erase_spans();
                p.label.erase_spans();
                p.value.erase_spans();
            }
            Decl::Let(l) => {
                l.id.erase_spans();
                l.label.erase_spans();
                l.expr.erase_spans();
            }
            Decl::Assessment(a) => a.erase_spans(),
            Decl::Target(t) => {
                t.id.erase_spans();
                t.label.erase_spans();
                t.expr.erase_spans();
            }
            Decl::Test(t) => t.erase_spans(),
        }
    }
}

impl EraseSpans for TypeExpr {
    fn erase_spans(&mut self) {
        if let TypeExpr::Choice(opts) = self {
            for o in opts {
                o.id.erase_spans();
                o.label.erase_spans();
            }
        }
    }
}

impl EraseSpans for AssessmentDecl {
    fn erase_spans(&mut self) {
        self.id.erase_spans();
        self.label.erase_spans();
        self.when.erase_spans();
        self.span.erase_spans();
        for c in &mut self.criteria {
            c.id.erase_spans();
            c.label.erase_spans();
            c.points.erase_spans();
            c.when.erase_spans();
            c.condition.erase_spans();
            c.span.erase_spans();
        }
        for o in &mut self.outcomes {
            o.id.erase_spans();
            o.label.erase_spans();
            o.when.erase_spans();
            o.span.erase_spans();
        }
    }
}

impl EraseSpans for TestDecl {
    fn erase_spans(&mut self) {
        self.name.erase_spans();
        self.span.erase_spans();
        for a in &mut self.areas {
            a.id.erase_spans();
            a.span.erase_spans();
            a.bindings.erase_spans();
        }
        self.sets.erase_spans();
        for e in &mut self.expects {
            e.expr.erase_spans();
            e.area.erase_spans();
            e.span.erase_spans();
        }
    }
}

impl EraseSpans for Binding {
    fn erase_spans(&mut self) {
        self.name.erase_spans();
        self.period.erase_spans();
        self.value.erase_spans();
    }
}

impl EraseSpans for ExprKind {
    fn erase_spans(&mut self) {
        match self {
            ExprKind::Name {
                name,
                member,
                period,
            } => {
                name.erase_spans();
                member.erase_spans();
                period.erase_spans();
            }
            ExprKind::Call { func, args, among } => {
                func.erase_spans();
                args.erase_spans();
                among.erase_spans();
            }
            ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::Paren(x) => x.erase_spans(),
            ExprKind::Binary { lhs, rhs, .. } => {
                lhs.erase_spans();
                rhs.erase_spans();
            }
            ExprKind::In { value, list } => {
                value.erase_spans();
                list.erase_spans();
            }
            _ => {}
        }
    }
}
