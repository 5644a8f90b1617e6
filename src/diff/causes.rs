//! Which edits, applied alone, cause each changed verdict — without assessing every area once
//! per edit. A map of what each assessment reads (params, lets, other assessments, through
//! lets and other assessments) is built once from both rules files; an edit is tried only on
//! the areas whose verdict changed for an assessment that reads what it edits, and only those
//! areas are evaluated with the rules it gives.
//!
//! Why this gives the same causes as assessing everything: an edit replaces one declaration
//! of the old text, so an assessment that does not read it (directly or through lets and other
//! assessments) keeps its old verdict with the edit alone — which is not the new verdict of a
//! changed one. Edits of inputs and periods change how the data is read: those are tried on
//! the data read again with their rules, as before.

use super::edits::{Edit, EditKind};
use super::{AreaChange, VerdictId};
use crate::check::{CExpr, CKind, Rules};
use crate::data::Area;
use crate::eval::{AreaEval, NoTrace, Program};
use std::collections::{HashMap, HashSet};

/// What the assessments of one rules file read, transitively.
struct Reads {
    /// Per assessment: the params, lets and assessments (by id) it reads.
    params: Vec<HashSet<String>>,
    lets: Vec<HashSet<String>>,
    assessments: Vec<HashSet<String>>,
    /// The assessments' ids, in file order.
    ids: Vec<String>,
}

/// The declarations one expression reads (lets followed into their definitions once).
#[derive(Default)]
struct Direct {
    params: Vec<bool>,
    lets: Vec<bool>,
    assessments: Vec<bool>,
}

impl Direct {
    fn new(rules: &Rules) -> Direct {
        Direct {
            params: vec![false; rules.params.len()],
            lets: vec![false; rules.lets.len()],
            assessments: vec![false; rules.assessments.len()],
        }
    }

    fn read(&mut self, rules: &Rules, e: &CExpr) {
        let mut pending = Vec::new();
        e.walk(&mut |n| self.node(n, &mut pending));
        while let Some(l) = pending.pop() {
            if let Some(def) = rules.lets.get(l as usize) {
                def.expr.walk(&mut |n| self.node(n, &mut pending));
            }
        }
    }

    fn node(&mut self, n: &CExpr, pending: &mut Vec<u32>) {
        let mark = |set: &mut Vec<bool>, i: u32| match set.get_mut(i as usize) {
            Some(seen) if !*seen => {
                *seen = true;
                true
            }
            _ => false,
        };
        match &n.kind {
            CKind::Param(p) => {
                mark(&mut self.params, *p);
            }
            CKind::Let(l) if mark(&mut self.lets, *l) => pending.push(*l),
            CKind::Criterion { assessment, .. }
            | CKind::CriterionIs { assessment, .. }
            | CKind::VerdictIs { assessment, .. }
            | CKind::VerdictIn { assessment, .. } => {
                mark(&mut self.assessments, *assessment);
            }
            _ => {}
        }
    }
}

fn names<T>(marks: &[bool], items: &[T], id: impl Fn(&T) -> &str) -> HashSet<String> {
    marks
        .iter()
        .zip(items)
        .filter(|(m, _)| **m)
        .map(|(_, x)| id(x).to_string())
        .collect()
}

impl Reads {
    fn of(rules: &Rules) -> Reads {
        let mut r = Reads {
            params: vec![],
            lets: vec![],
            assessments: vec![],
            ids: rules.assessments.iter().map(|a| a.id.clone()).collect(),
        };
        for a in &rules.assessments {
            let mut d = Direct::new(rules);
            a.when.iter().for_each(|w| d.read(rules, w));
            for c in &a.criteria {
                c.when.iter().for_each(|w| d.read(rules, w));
                d.read(rules, &c.condition);
            }
            for o in a.outcomes.iter().filter_map(|o| o.when.as_ref()) {
                d.read(rules, o);
            }
            r.params.push(names(&d.params, &rules.params, |p| &p.id));
            r.lets.push(names(&d.lets, &rules.lets, |l| &l.id));
            r.assessments
                .push(names(&d.assessments, &rules.assessments, |a| &a.id));
        }
        r.close();
        r
    }

    /// Adds to each assessment what the assessments it reads read, until nothing changes
    /// (assessments read no cycle, so this ends within as many rounds as there are).
    fn close(&mut self) {
        let index: HashMap<String, usize> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        for _ in 0..self.ids.len() {
            let mut changed = false;
            for ai in 0..self.ids.len() {
                let others: Vec<usize> = self.assessments[ai]
                    .iter()
                    .filter_map(|id| index.get(id).copied())
                    .filter(|&b| b != ai)
                    .collect();
                for b in others {
                    for sets in [&mut self.params, &mut self.lets, &mut self.assessments] {
                        let add: Vec<String> = sets[b].difference(&sets[ai]).cloned().collect();
                        changed |= !add.is_empty();
                        sets[ai].extend(add);
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// The assessments (by id) that read the declaration an edit changes.
    fn readers(&self, kind: EditKind, name: &str, out: &mut HashSet<String>) {
        let sets = match kind {
            EditKind::Param => &self.params,
            EditKind::Let => &self.lets,
            _ => &self.assessments,
        };
        for (ai, set) in sets.iter().enumerate() {
            if set.contains(name) {
                out.insert(self.ids[ai].clone());
            }
        }
    }
}

/// Which assessments an edit alone may change.
pub(super) enum Reach {
    /// None: the edit cannot change a verdict (a target, an unread param or let).
    Nothing,
    /// These assessments, by id; the data is read as the old rules read it.
    Assessments(HashSet<String>),
    /// Any: the edit changes how the data is read (an input, a period).
    Everything,
}

/// The dependency map of both rules files, built once.
pub(super) struct Dependencies {
    sides: Vec<Reads>,
}

impl Dependencies {
    /// The map of the old and the new rules.
    pub(super) fn of(old: &Rules, new: &Rules) -> Dependencies {
        Dependencies {
            sides: vec![Reads::of(old), Reads::of(new)],
        }
    }

    /// The assessments of `prog` to evaluate to know the verdicts of those in `reach`: them and
    /// every assessment they read (in either rules file).
    pub(super) fn wanted(&self, reach: &HashSet<String>, prog: &Program) -> Vec<bool> {
        let mut wanted = vec![false; prog.rules.assessments.len()];
        let mut mark = |id: &str| {
            if let Some(ai) = prog.rules.assessment_index(id) {
                wanted[ai] = true;
            }
        };
        for id in reach {
            mark(id);
            for side in &self.sides {
                if let Some(ai) = side.ids.iter().position(|x| x == id) {
                    side.assessments[ai].iter().for_each(|b| mark(b));
                }
            }
        }
        wanted
    }

    /// What an edit alone may change.
    pub(super) fn reach(&self, e: &Edit) -> Reach {
        self.reach_of(e.kind, &e.name)
    }

    /// What a change of the declaration `kind` `name` may change.
    pub(super) fn reach_of(&self, kind: EditKind, name: &str) -> Reach {
        let mut out = HashSet::new();
        match kind {
            EditKind::Input | EditKind::Period => return Reach::Everything,
            EditKind::Target => return Reach::Nothing,
            EditKind::Param | EditKind::Let => {
                self.sides
                    .iter()
                    .for_each(|s| s.readers(kind, name, &mut out));
            }
            EditKind::Assessment
            | EditKind::Criterion
            | EditKind::Outcome
            | EditKind::OutcomeOrder => {
                let owner = name.split('.').next().unwrap_or(name);
                out.insert(owner.to_string());
                self.sides
                    .iter()
                    .for_each(|s| s.readers(kind, owner, &mut out));
            }
        }
        if out.is_empty() {
            Reach::Nothing
        } else {
            Reach::Assessments(out)
        }
    }
}

/// The first index of each id (later duplicates are never matched, as with a search from the
/// start).
pub(super) fn index_by_id<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// True when some area's verdict changed for an assessment in `reach`.
pub(super) fn reaches(areas: &[AreaChange], reach: &HashSet<String>) -> bool {
    areas
        .iter()
        .flat_map(|a| &a.assessments)
        .any(|c| c.verdict_changed() && reach.contains(&c.id))
}

/// Marks edit `ei` as a cause of every changed verdict of an assessment in `reach` that
/// `prog` (the old rules with the edit alone, reading the data as the old rules do)
/// reproduces; only the areas with such a change are evaluated, and in them only the
/// assessments `wanted` (see [`Dependencies::wanted`]).
pub(super) fn mark_reached(
    areas: &mut [AreaChange],
    ei: usize,
    (reach, assessments): (&HashSet<String>, &[bool]),
    prog: &Program,
    data: &[Area],
    data_index: &HashMap<&str, usize>,
) {
    for change in areas.iter_mut() {
        let wanted =
            |c: &&mut super::AssessmentChange| c.verdict_changed() && reach.contains(&c.id);
        if !change.assessments.iter_mut().any(|c| wanted(&c)) {
            continue;
        }
        let Some(area) = data_index
            .get(change.id.as_str())
            .and_then(|&i| data.get(i))
        else {
            continue;
        };
        let mut ev = AreaEval::new(prog, area, None, NoTrace);
        ev.run_only(assessments);
        for c in change.assessments.iter_mut().filter(|c| wanted(c)) {
            let Some(ai) = prog.rules.assessment_index(&c.id) else {
                continue;
            };
            let Some(r) = ev.result.assessments.get(ai) else {
                continue;
            };
            if VerdictId::of(prog, ai, r.verdict) == c.new {
                c.causes.push(ei);
            }
        }
    }
}
