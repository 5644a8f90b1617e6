//! Every declared name of a checked rules file and the files it uses: where it is declared and
//! every place it is read, built from the parsed declarations with the checker's scoping (a
//! criterion's bare id inside its assessment, `A.C`, `NAME@PERIOD`, an option after `==`, `!=`
//! or in `in (…)`, test bindings, `set` and `expect`). Typed: a [`Sym`] per name, byte spans.

use crate::ast::{
    AssessmentDecl, BinOp, Decl, Expr, ExprKind, FileId, Literal, PointsSpec, Span, TestDecl,
    TypeExpr,
};
use std::collections::HashMap;

/// A declared thing, named by the ids that reach it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Sym {
    /// A top-level name: a period, input, param, let, assessment or target.
    Global(String),
    /// A criterion of an assessment: (assessment, criterion).
    Criterion(String, String),
    /// An outcome of an assessment: (assessment, outcome).
    Outcome(String, String),
    /// An option of a choice input: (input, option).
    Option(String, String),
}

/// What a top-level name declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `period`
    Period,
    /// `input`
    Input,
    /// `param`
    Param,
    /// `let`
    Let,
    /// `assessment`
    Assessment,
    /// `target`
    Target,
}

/// One place a name is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    /// What it names.
    pub sym: Sym,
    /// Where (the name only).
    pub span: Span,
    /// True at the declaration.
    pub decl: bool,
}

/// The names of a checked rules file and the files it uses.
#[derive(Debug, Default)]
pub struct Index {
    /// Every occurrence, declarations included, in walk order.
    pub occurrences: Vec<Occurrence>,
    /// Top-level names and what they declare.
    pub globals: HashMap<String, Kind>,
    /// The options of each choice input.
    pub options: HashMap<String, Vec<String>>,
    /// The criteria and the outcomes of each assessment.
    pub members: HashMap<String, (Vec<String>, Vec<String>)>,
}

impl Index {
    /// The index of `decls` (each with the file it came from).
    pub fn build(decls: &[(FileId, Decl)]) -> Index {
        let mut ix = Index::default();
        for (_, d) in decls {
            ix.declare(d);
        }
        for (_, d) in decls {
            ix.walk_decl(d);
        }
        ix
    }

    /// The occurrence whose name holds byte `offset` of file `file` (its end included).
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.span.file == file && o.span.start <= offset && offset <= o.span.end)
    }

    /// Every occurrence of `sym`, its declaration first when it has one.
    pub fn of<'a>(&'a self, sym: &'a Sym) -> impl Iterator<Item = &'a Occurrence> + 'a {
        let decls = self
            .occurrences
            .iter()
            .filter(move |o| o.decl && &o.sym == sym);
        let uses = self
            .occurrences
            .iter()
            .filter(move |o| !o.decl && &o.sym == sym);
        decls.chain(uses)
    }

    /// The declaration of `sym`.
    pub fn definition(&self, sym: &Sym) -> Option<&Occurrence> {
        self.occurrences.iter().find(|o| o.decl && &o.sym == sym)
    }

    fn declare(&mut self, d: &Decl) {
        let (id, kind) = match d {
            Decl::Period(p) => (&p.id.node, Kind::Period),
            Decl::Input(i) => {
                if let TypeExpr::Choice(opts) = &i.ty.node {
                    let ids = opts.iter().map(|o| o.id.node.clone()).collect();
                    self.options.insert(i.id.node.clone(), ids);
                }
                (&i.id.node, Kind::Input)
            }
            Decl::Param(p) => (&p.id.node, Kind::Param),
            Decl::Let(l) => (&l.id.node, Kind::Let),
            Decl::Assessment(a) => {
                let criteria = a.criteria.iter().map(|c| c.id.node.clone()).collect();
                let outcomes = a.outcomes.iter().map(|o| o.id.node.clone()).collect();
                self.members.insert(a.id.node.clone(), (criteria, outcomes));
                (&a.id.node, Kind::Assessment)
            }
            Decl::Target(t) => (&t.id.node, Kind::Target),
            _ => return,
        };
        self.globals.entry(id.clone()).or_insert(kind);
    }

    fn push(&mut self, sym: Sym, span: Span, decl: bool) {
        self.occurrences.push(Occurrence { sym, span, decl });
    }

    fn walk_decl(&mut self, d: &Decl) {
        match d {
            Decl::Period(p) => self.push(Sym::Global(p.id.node.clone()), p.id.span, true),
            Decl::Input(i) => {
                self.push(Sym::Global(i.id.node.clone()), i.id.span, true);
                if let TypeExpr::Choice(opts) = &i.ty.node {
                    for o in opts {
                        let sym = Sym::Option(i.id.node.clone(), o.id.node.clone());
                        self.push(sym, o.id.span, true);
                    }
                }
            }
            Decl::Param(p) => self.push(Sym::Global(p.id.node.clone()), p.id.span, true),
            Decl::Let(l) => {
                self.push(Sym::Global(l.id.node.clone()), l.id.span, true);
                self.expr(&l.expr, None);
            }
            Decl::Assessment(a) => self.assessment(a),
            Decl::Target(t) => {
                self.push(Sym::Global(t.id.node.clone()), t.id.span, true);
                self.expr(&t.expr, None);
            }
            Decl::Test(t) => self.test(t),
            _ => {}
        }
    }

    fn assessment(&mut self, a: &AssessmentDecl) {
        let name = &a.id.node;
        self.push(Sym::Global(name.clone()), a.id.span, true);
        if let Some(w) = &a.when {
            self.expr(w, None);
        }
        for c in &a.criteria {
            self.push(
                Sym::Criterion(name.clone(), c.id.node.clone()),
                c.id.span,
                true,
            );
            if let Some(p) = &c.points {
                if let PointsSpec::Param(id) = &p.node {
                    self.push(Sym::Global(id.clone()), p.span, false);
                }
            }
            if let Some(w) = &c.when {
                self.expr(w, Some(a));
            }
            self.expr(&c.condition, Some(a));
        }
        for o in &a.outcomes {
            self.push(
                Sym::Outcome(name.clone(), o.id.node.clone()),
                o.id.span,
                true,
            );
            if let Some(w) = &o.when {
                self.expr(w, Some(a));
            }
        }
    }

    fn test(&mut self, t: &TestDecl) {
        for b in t.areas.iter().flat_map(|a| &a.bindings).chain(&t.sets) {
            self.global_ref(&b.name.node, b.name.span);
            if let Some(p) = &b.period {
                self.global_ref(&p.node, p.span);
            }
            if let Literal::Name(opt) = &b.value.node {
                self.member_ref(&b.name.node, opt, b.value.span);
            }
        }
        for e in &t.expects {
            self.expr(&e.expr, None);
        }
    }

    fn global_ref(&mut self, name: &str, span: Span) {
        if self.globals.contains_key(name) {
            self.push(Sym::Global(name.to_string()), span, false);
        }
    }

    /// `option` read as an option of the input `owner` or an outcome of the assessment `owner`.
    fn member_ref(&mut self, owner: &str, option: &str, span: Span) {
        if self
            .options
            .get(owner)
            .is_some_and(|o| o.iter().any(|x| x == option))
        {
            self.push(Sym::Option(owner.into(), option.into()), span, false);
        } else if self
            .members
            .get(owner)
            .is_some_and(|(_, o)| o.iter().any(|x| x == option))
        {
            self.push(Sym::Outcome(owner.into(), option.into()), span, false);
        }
    }

    fn expr(&mut self, e: &Expr, scope: Option<&AssessmentDecl>) {
        crate::stack::grow(|| self.expr_inner(e, scope))
    }

    fn expr_inner(&mut self, e: &Expr, scope: Option<&AssessmentDecl>) {
        match &e.node {
            ExprKind::Name {
                name,
                member,
                period,
            } => {
                self.name(name, member.as_ref(), scope);
                if let Some(p) = period {
                    self.global_ref(&p.node, p.span);
                }
            }
            ExprKind::Call { args, among, .. } => {
                args.iter().for_each(|a| self.expr(a, scope));
                if let Some(f) = among {
                    self.expr(f, scope);
                }
            }
            ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::Paren(x) => self.expr(x, scope),
            ExprKind::Binary { op, lhs, rhs } => {
                self.expr(lhs, scope);
                self.expr(rhs, scope);
                if matches!(op, BinOp::Eq | BinOp::Ne) {
                    self.compared(lhs, rhs);
                    self.compared(rhs, lhs);
                }
            }
            ExprKind::In { value, list } => {
                self.expr(value, scope);
                if let Some(owner) = bare_owner(value) {
                    for id in list {
                        self.member_ref(owner, &id.node, id.span);
                    }
                }
            }
            _ => {}
        }
    }

    fn name(
        &mut self,
        name: &crate::ast::Ident,
        member: Option<&crate::ast::Ident>,
        scope: Option<&AssessmentDecl>,
    ) {
        if let Some(m) = member {
            self.global_ref(&name.node, name.span);
            let known = self
                .members
                .get(&name.node)
                .is_some_and(|(c, _)| c.contains(&m.node));
            if known {
                let sym = Sym::Criterion(name.node.clone(), m.node.clone());
                self.push(sym, m.span, false);
            }
            return;
        }
        if let Some(a) = scope.filter(|a| a.criteria.iter().any(|c| c.id.node == name.node)) {
            let sym = Sym::Criterion(a.id.node.clone(), name.node.clone());
            return self.push(sym, name.span, false);
        }
        self.global_ref(&name.node, name.span);
    }

    /// `owner == option`: the option (or outcome) read on the right.
    fn compared(&mut self, owner: &Expr, option: &Expr) {
        let Some(owner) = bare_owner(owner) else {
            return;
        };
        if let ExprKind::Name {
            name,
            member: None,
            period: None,
        } = &option.node
        {
            if !self.globals.contains_key(&name.node) {
                self.member_ref(owner, &name.node, name.span);
            }
        }
    }
}

/// The name an `==` or `in` compares: `x` or `x@p` (not `A.C`).
fn bare_owner(e: &Expr) -> Option<&str> {
    match &e.node {
        ExprKind::Name {
            name, member: None, ..
        } => Some(&name.node),
        ExprKind::Paren(x) => bare_owner(x),
        _ => None,
    }
}
