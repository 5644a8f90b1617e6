//! Evaluating one area: lets, criteria and verdicts, in the order the checker fixed.

use super::ops;
use super::program::Program;
use super::results::*;
use crate::ast::{BinOp, ResultWord};
use crate::check::{CExpr, CKind, Func, VerdictWant, TEXT_CONST};
use crate::data::Area;
use crate::num::Num;
use crate::value::Value;
use smallvec::SmallVec;

/// Receives the value of every expression node evaluated (for explanations).
pub trait Trace {
    /// False for the fast path: intermediate values need not be computed for display.
    const RECORDS: bool = true;
    /// Called once per evaluated node.
    fn record(&mut self, node: u32, value: Value);
}

/// The fast path: records nothing.
pub struct NoTrace;

impl Trace for NoTrace {
    const RECORDS: bool = false;
    #[inline(always)]
    fn record(&mut self, _: u32, _: Value) {}
}

/// Records node values by node id.
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    /// `values[node id]`, `None` where the node was not evaluated.
    pub values: Vec<Option<Value>>,
}

impl Trace for Recorder {
    fn record(&mut self, node: u32, value: Value) {
        if let Some(slot) = self.values.get_mut(node as usize) {
            *slot = Some(value);
        }
    }
}

/// How many criterion results an [`AreaResult`] holds without allocating.
pub const INLINE_CRITERIA: usize = 32;

/// How many assessment results an [`AreaResult`] holds without allocating.
pub const INLINE_ASSESSMENTS: usize = 1;

/// Everything computed for one area. Rules with at most [`INLINE_CRITERIA`] criteria, at most
/// [`INLINE_ASSESSMENTS`] assessment and no `let` give results that allocate nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaResult {
    /// Values of the lets, in the rules' order.
    pub lets: Vec<Value>,
    /// Criterion results, flat (see [`Program::criterion_offset`]).
    pub criteria: SmallVec<[CriterionResult; INLINE_CRITERIA]>,
    /// One per assessment.
    pub assessments: SmallVec<[AssessmentResult; INLINE_ASSESSMENTS]>,
}

impl AreaResult {
    /// The result of criterion `c` of assessment `a`.
    pub fn criterion(&self, prog: &Program, a: usize, c: usize) -> CriterionResult {
        prog.criterion_offset
            .get(a)
            .and_then(|o| self.criteria.get(o + c))
            .copied()
            .unwrap_or(CriterionResult::Unknown)
    }
}

/// The evaluator of one area.
pub struct AreaEval<'p, T: Trace> {
    prog: &'p Program,
    area: &'p Area,
    /// The results so far.
    pub result: AreaResult,
    current: Current,
    targets: Option<&'p [TargetResult]>,
    aggregates: &'p [(u32, Value)],
    /// The trace receiver.
    pub trace: T,
    /// How deep [`AreaEval::eval`] is nested.
    depth: u32,
}

/// How many levels of nested evaluation run between two checks of the stack; together they use
/// far less than the red zone of [`crate::stack`] (64 KiB), even unoptimised.
const STACK_CHECK_EVERY: u32 = 8;

#[derive(Clone, Copy)]
struct Current {
    all_required: Value,
    points: Value,
    max_points: Value,
}

impl<'p, T: Trace> AreaEval<'p, T> {
    /// Prepares to evaluate `area`; `targets` are given when evaluating test expectations.
    pub fn new(
        prog: &'p Program,
        area: &'p Area,
        targets: Option<&'p [TargetResult]>,
        trace: T,
    ) -> Self {
        let result = AreaResult {
            lets: Vec::with_capacity(prog.rules.lets.len()),
            criteria: SmallVec::new(),
            assessments: SmallVec::with_capacity(prog.rules.assessments.len()),
        };
        let unknown = Value::Unknown;
        AreaEval {
            prog,
            area,
            result,
            current: Current {
                all_required: unknown,
                points: unknown,
                max_points: unknown,
            },
            targets,
            aggregates: &[],
            trace,
            depth: 0,
        }
    }

    /// Gives `count`/`share` nodes their values (node id, value), for evaluating targets.
    pub fn with_aggregates(mut self, aggregates: &'p [(u32, Value)]) -> Self {
        self.aggregates = aggregates;
        self
    }

    /// Evaluates the lets only.
    pub fn run_lets(&mut self) {
        for l in &self.prog.rules.lets {
            let v = self.eval(&l.expr);
            self.result.lets.push(v);
        }
    }

    /// Evaluates only the lets marked in `needed` (the others stay unknown).
    pub fn run_lets_needed(&mut self, needed: &[bool]) {
        for (i, l) in self.prog.rules.lets.iter().enumerate() {
            let v = if needed.get(i) == Some(&true) {
                self.eval(&l.expr)
            } else {
                Value::Unknown
            };
            self.result.lets.push(v);
        }
    }

    /// Evaluates lets, then each assessment in order.
    pub fn run(&mut self) {
        self.result
            .criteria
            .resize(self.prog.criterion_count, CriterionResult::Na);
        self.run_lets();
        for ai in 0..self.prog.rules.assessments.len() {
            let r = if self.area.invalid {
                self.invalid_assessment(ai)
            } else {
                self.assessment(ai)
            };
            self.result.assessments.push(r);
        }
    }

    /// Evaluates lets, then only the assessments marked in `wanted` (the others are left as not
    /// applying); every assessment a marked one reads must be marked too. For `diff`, which
    /// needs a few assessments' verdicts under many versions of the rules.
    pub fn run_only(&mut self, wanted: &[bool]) {
        self.result
            .criteria
            .resize(self.prog.criterion_count, CriterionResult::Na);
        self.run_lets();
        for ai in 0..self.prog.rules.assessments.len() {
            let r = if wanted.get(ai) != Some(&true) {
                let zero = (Num::ZERO, Num::ZERO);
                AssessmentResult {
                    verdict: Verdict::Na,
                    points: zero,
                    max_points: zero,
                }
            } else if self.area.invalid {
                self.invalid_assessment(ai)
            } else {
                self.assessment(ai)
            };
            self.result.assessments.push(r);
        }
    }

    fn invalid_assessment(&mut self, ai: usize) -> AssessmentResult {
        let offset = self.prog.criterion_offset[ai];
        let n = self.prog.rules.assessments[ai].criteria.len();
        self.result.criteria[offset..offset + n].fill(CriterionResult::Unknown);
        let zero = (Num::ZERO, Num::ZERO);
        AssessmentResult {
            verdict: Verdict::Invalid,
            points: zero,
            max_points: zero,
        }
    }

    fn assessment(&mut self, ai: usize) -> AssessmentResult {
        let prog = self.prog;
        let a = &prog.rules.assessments[ai];
        let applies = a.when.as_ref().map_or(Value::Bool(true), |w| self.eval(w));
        let zero = (Num::ZERO, Num::ZERO);
        if applies == Value::Bool(false) {
            return AssessmentResult {
                verdict: Verdict::Na,
                points: zero,
                max_points: zero,
            };
        }
        let (mut points, mut max_points) = (zero, zero);
        let (mut fails, mut may_fail) = (false, false);
        let offset = prog.criterion_offset[ai];
        for (ci, c) in a.criteria.iter().enumerate() {
            let app = c.when.as_ref().map_or(Value::Bool(true), |w| self.eval(w));
            let cond = if app == Value::Bool(false) {
                Value::Bool(false)
            } else {
                self.eval(&c.condition)
            };
            let result = match (app.as_bool(), cond.as_bool()) {
                (Some(false), _) => CriterionResult::Na,
                (Some(true), Some(true)) => CriterionResult::Pass,
                (Some(true), Some(false)) => CriterionResult::Fail,
                _ => CriterionResult::Unknown,
            };
            self.result.criteria[offset + ci] = result;
            let (can_apply, surely_applies) = (app != Value::Bool(false), app == Value::Bool(true));
            if let Some(p) = c.points {
                if surely_applies && cond == Value::Bool(true) {
                    points.0 = add_points(points.0, p);
                }
                if can_apply && cond != Value::Bool(false) {
                    points.1 = add_points(points.1, p);
                }
                if surely_applies {
                    max_points.0 = add_points(max_points.0, p);
                }
                if can_apply {
                    max_points.1 = add_points(max_points.1, p);
                }
            }
            if c.required {
                fails |= surely_applies && cond == Value::Bool(false);
                may_fail |= can_apply && cond != Value::Bool(true);
            }
        }
        let all_required = if fails {
            Value::Bool(false)
        } else if may_fail {
            Value::Unknown
        } else {
            Value::Bool(true)
        };
        self.current = Current {
            all_required,
            points: Value::from_bounds(points.0, points.1),
            max_points: Value::from_bounds(max_points.0, max_points.1),
        };
        let verdict = self.verdict(ai, applies);
        AssessmentResult {
            verdict,
            points,
            max_points,
        }
    }

    fn verdict(&mut self, ai: usize, applies: Value) -> Verdict {
        let prog = self.prog;
        let mut possible = Possible::default();
        let mut undecided = applies != Value::Bool(true);
        if undecided {
            possible.add_na();
        }
        for (oi, o) in prog.rules.assessments[ai].outcomes.iter().enumerate() {
            let cond = o.when.as_ref().map_or(Value::Bool(true), |w| self.eval(w));
            match cond {
                Value::Bool(true) if !undecided => return Verdict::Outcome(oi as u32),
                Value::Bool(true) => {
                    possible.add(oi as u32);
                    break;
                }
                Value::Bool(false) => {}
                _ => {
                    possible.add(oi as u32);
                    undecided = true;
                }
            }
        }
        Verdict::Unknown(possible)
    }

    /// Evaluates an expression for this area. The stack is checked (and grown when short) every
    /// [`STACK_CHECK_EVERY`] levels of nesting, not at every node: a check costs as much as a
    /// small node.
    pub fn eval(&mut self, e: &CExpr) -> Value {
        let v = if self.depth.is_multiple_of(STACK_CHECK_EVERY) {
            crate::stack::grow(|| self.eval_nested(e))
        } else {
            self.eval_nested(e)
        };
        self.trace.record(e.id, v);
        v
    }

    fn eval_nested(&mut self, e: &CExpr) -> Value {
        self.depth += 1;
        let v = self.eval_node(e);
        self.depth -= 1;
        v
    }

    fn eval_node(&mut self, e: &CExpr) -> Value {
        match &e.kind {
            CKind::Const(v) => *v,
            CKind::Input(slot) => self
                .area
                .values
                .get(*slot as usize)
                .copied()
                .unwrap_or(Value::Unknown),
            CKind::Param(p) => self
                .prog
                .rules
                .params
                .get(*p as usize)
                .map_or(Value::Unknown, |p| p.value),
            CKind::Let(l) => self
                .result
                .lets
                .get(*l as usize)
                .copied()
                .unwrap_or(Value::Unknown),
            CKind::Criterion {
                assessment,
                criterion,
            } => {
                match self
                    .result
                    .criterion(self.prog, *assessment as usize, *criterion as usize)
                {
                    CriterionResult::Pass => Value::Bool(true),
                    CriterionResult::Fail | CriterionResult::Na => Value::Bool(false),
                    CriterionResult::Unknown => Value::Unknown,
                }
            }
            CKind::CriterionIs {
                assessment,
                criterion,
                word,
                negate,
                literal,
            } => {
                let r = self
                    .result
                    .criterion(self.prog, *assessment as usize, *criterion as usize);
                criterion_is(r, *word, *negate, *literal)
            }
            CKind::VerdictIs {
                assessment,
                want,
                negate,
                literal,
            } => {
                let is = verdict_is(self.verdict_of(*assessment), *want, *literal);
                if *negate {
                    ops::not(is)
                } else {
                    is
                }
            }
            CKind::VerdictIn {
                assessment,
                set,
                literal,
            } => verdict_in(self.verdict_of(*assessment), *set, *literal),
            CKind::ChoiceIn { value, set } => match self.eval(value) {
                Value::Choice(i) => Value::Bool(set.has(i)),
                _ if set.all => Value::Bool(true),
                _ => Value::Unknown,
            },
            CKind::TargetIs {
                target,
                word,
                negate,
            } => {
                let r = self.targets.and_then(|t| t.get(*target as usize));
                r.map_or(Value::Unknown, |r| Value::Bool((*r == *word) != *negate))
            }
            CKind::AllRequired => self.current.all_required,
            CKind::Points => self.current.points,
            CKind::MaxPoints => self.current.max_points,
            CKind::Not(x) => ops::not(self.eval(x)),
            CKind::Neg(x) => ops::neg(self.eval(x)),
            CKind::Binary(op, l, r) => self.binary(*op, l, r),
            CKind::Call(f, args) => self.call(*f, args),
            CKind::Aggregate { .. } => self
                .aggregates
                .iter()
                .find(|(id, _)| *id == e.id)
                .map_or(Value::Unknown, |x| x.1),
        }
    }

    /// The verdict of assessment `a` so far (`invalid` when it was not assessed).
    fn verdict_of(&self, a: u32) -> Verdict {
        self.result
            .assessments
            .get(a as usize)
            .map_or(Verdict::Invalid, |r| r.verdict)
    }

    fn binary(&mut self, op: BinOp, l: &CExpr, r: &CExpr) -> Value {
        if op.is_comparison() {
            if let Some(v) = self.ratio_compared(op, l, r) {
                return v;
            }
        }
        let lv = self.eval(l);
        match op {
            BinOp::And if lv == Value::Bool(false) => lv,
            BinOp::Or if lv == Value::Bool(true) => lv,
            BinOp::Coalesce if lv.is_known() => lv,
            BinOp::And => ops::and(lv, self.eval(r)),
            BinOp::Or => ops::or(lv, self.eval(r)),
            BinOp::Coalesce => self.eval(r),
            BinOp::Eq | BinOp::Ne => {
                let rv = self.eval(r);
                if let (Value::Text(a), Value::Text(b)) = (lv, rv) {
                    return Value::Bool((self.text(a) == self.text(b)) == (op == BinOp::Eq));
                }
                ops::compare(op, lv, rv)
            }
            op if op.is_comparison() => ops::compare(op, lv, self.eval(r)),
            op => ops::arith(op, lv, self.eval(r)),
        }
    }

    /// `ratio(a, b) OP k` and `change(a, b) OP k` compared without dividing: `a OP k·b` and
    /// `a − b OP k·b`, turned round when b < 0 — exact even where a / b has no finite decimal,
    /// and faster. Unknown when b is zero or unknown, like the division. `None` when the shape
    /// does not fit (the general path then decides).
    fn ratio_compared(&mut self, op: BinOp, l: &CExpr, r: &CExpr) -> Option<Value> {
        let (CKind::Call(f @ (Func::Ratio | Func::Change), args), CKind::Const(Value::Num(k))) =
            (&l.kind, &r.kind)
        else {
            return None;
        };
        let (av, bv) = (self.eval(&args[0]), self.eval(&args[1]));
        if T::RECORDS {
            let shown = if *f == Func::Ratio {
                ops::ratio(av, bv)
            } else {
                ops::change(av, bv)
            };
            self.trace.record(l.id, shown);
            self.trace.record(r.id, Value::Num(*k));
        }
        let (a, b) = match (av, bv) {
            (Value::Num(a), Value::Num(b)) => (a, b),
            (Value::Unknown, _) | (_, Value::Unknown) => return Some(Value::Unknown),
            _ => return Some(self.compare_general(op, *f, av, bv, *k)),
        };
        Some(ops::ratio_compare(op, *f == Func::Change, a, b, *k))
    }

    /// The comparison through the division, for ranges.
    fn compare_general(&self, op: BinOp, f: Func, a: Value, b: Value, k: crate::num::Num) -> Value {
        let v = if f == Func::Ratio {
            ops::ratio(a, b)
        } else {
            ops::change(a, b)
        };
        ops::compare(op, v, Value::Num(k))
    }

    fn call(&mut self, f: Func, args: &[CExpr]) -> Value {
        match f {
            Func::Ratio => {
                let (a, b) = (self.eval(&args[0]), self.eval(&args[1]));
                ops::ratio(a, b)
            }
            Func::Change => {
                let (a, b) = (self.eval(&args[0]), self.eval(&args[1]));
                ops::change(a, b)
            }
            Func::Abs => ops::abs(self.eval(&args[0])),
            Func::Known => Value::Bool(self.eval(&args[0]).is_known()),
            Func::Min | Func::Max => {
                let mut acc = self.eval(&args[0]);
                for a in &args[1..] {
                    let v = self.eval(a);
                    acc = ops::min_max(f == Func::Max, &[acc, v]);
                }
                acc
            }
            Func::AtLeast => {
                let k = self.eval(&args[0]);
                let (mut trues, mut unknowns) = (0, 0);
                for a in &args[1..] {
                    match self.eval(a) {
                        Value::Bool(true) => trues += 1,
                        Value::Bool(false) => {}
                        _ => unknowns += 1,
                    }
                }
                ops::at_least(k, trues, unknowns)
            }
        }
    }

    fn text(&self, id: u32) -> &str {
        let s = if id & TEXT_CONST != 0 {
            self.prog.rules.texts.get((id & !TEXT_CONST) as usize)
        } else {
            self.area.texts.get(id as usize)
        };
        s.map_or("", String::as_str)
    }
}

/// A sum of points. Weights are checked to be at most 10¹⁵ with at most 6 decimal places
/// ([`crate::num::points_fit`]), so no sum over the criteria of a rules file overflows; were it
/// to, the sum stays at the largest value reached (never reached by checked rules).
fn add_points(sum: Num, p: Num) -> Num {
    sum.checked_add(p).unwrap_or(sum)
}

fn criterion_is(r: CriterionResult, word: ResultWord, negate: bool, literal: bool) -> Value {
    let is = r == word;
    if !literal && r == CriterionResult::Unknown && word != ResultWord::Unknown {
        return Value::Unknown;
    }
    Value::Bool(is != negate)
}

/// Whether a verdict is the wanted one: literally (tests) or over every possible filling.
fn verdict_is(v: Verdict, want: VerdictWant, literal: bool) -> Value {
    match (want, v) {
        (VerdictWant::Outcome(o), Verdict::Outcome(x)) => Value::Bool(o == x),
        (VerdictWant::Outcome(_), Verdict::Na) => Value::Bool(false),
        (VerdictWant::Outcome(o), Verdict::Unknown(p)) if !literal && p.has(o) => Value::Unknown,
        (VerdictWant::Outcome(_), Verdict::Invalid) if !literal => Value::Unknown,
        (VerdictWant::Outcome(_), _) => Value::Bool(false),
        (VerdictWant::Word(ResultWord::Na), Verdict::Na) => Value::Bool(true),
        (VerdictWant::Word(ResultWord::Na), Verdict::Unknown(p)) if !literal && p.has_na() => {
            Value::Unknown
        }
        (VerdictWant::Word(ResultWord::Na), Verdict::Invalid) if !literal => Value::Unknown,
        (VerdictWant::Word(ResultWord::Unknown), Verdict::Unknown(_)) => Value::Bool(true),
        (VerdictWant::Word(ResultWord::Invalid), Verdict::Invalid) => Value::Bool(true),
        (VerdictWant::Word(_), _) => Value::Bool(false),
    }
}

/// `A in SET`: true when every verdict still possible is in the set, false when none is;
/// literally (tests) an unknown or invalid verdict is in no set.
fn verdict_in(v: Verdict, set: u64, literal: bool) -> Value {
    let possible = match v {
        Verdict::Outcome(o) if o < 63 => 1u64 << o,
        Verdict::Na => Possible::NA_BIT,
        Verdict::Unknown(p) if !literal => p.0,
        Verdict::Invalid if !literal => return Value::Unknown,
        _ => return Value::Bool(false),
    };
    if possible & !set == 0 {
        Value::Bool(true)
    } else if possible & set == 0 {
        Value::Bool(false)
    } else {
        Value::Unknown
    }
}
