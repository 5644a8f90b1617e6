//! The results of assessing a data set, queried by id: areas, verdicts, criteria, points,
//! targets, and one area's explanation.

use super::error::{Error, ErrorKind};
use crate::check;
use crate::data::{Area, Dataset};
use crate::diag::Diagnostic;
use crate::eval::explain::{explain_area, AreaExplanation};
use crate::eval::{self, Assessed, CriterionResult, Program, Tally, TargetOutcome, TargetResult};
use crate::i18n::{Lang, Msg};
use crate::num::Num;
use std::sync::Arc;

/// The code of an [`ErrorKind::UnknownId`] error.
pub const UNKNOWN_ID: &str = "tieuchi::api::unknown_id";

/// A finished assessment of a data set: every area's verdicts and the targets, in data and
/// file order. Made by [`Ruleset::assess`](crate::Ruleset::assess).
#[derive(Debug, Clone)]
pub struct Results {
    pub(crate) program: Arc<Program>,
    pub(crate) data: Arc<Dataset>,
    pub(crate) assessed: Assessed,
}

/// An area's verdict for one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict<'a> {
    /// The outcome with this id.
    Outcome(&'a str),
    /// Not decided: missing data could still give any of `possible` (outcome ids, and `na`
    /// when the assessment may not apply).
    Unknown {
        /// The verdicts still possible.
        possible: Vec<&'a str>,
    },
    /// The assessment does not apply to the area.
    Na,
    /// The area's data has errors; it was not assessed.
    Invalid,
}

impl Verdict<'_> {
    /// The verdict as the outputs write it: the outcome id, `unknown`, `na` or `invalid`.
    pub fn id(&self) -> &str {
        match self {
            Verdict::Outcome(id) => id,
            Verdict::Unknown { .. } => "unknown",
            Verdict::Na => "na",
            Verdict::Invalid => "invalid",
        }
    }
}

/// Lowest and highest possible value (equal when decided).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The lowest possible value.
    pub min: Num,
    /// The highest possible value.
    pub max: Num,
}

impl Range {
    /// The value, when it is decided (`min == max`).
    pub fn exact(&self) -> Option<Num> {
        (self.min == self.max).then_some(self.min)
    }
}

impl Results {
    /// Assesses validated data with compiled rules.
    pub(crate) fn of(program: Program, data: Dataset) -> Results {
        Results::new(Arc::new(program), Arc::new(data))
    }

    pub(crate) fn new(program: Arc<Program>, data: Arc<Dataset>) -> Results {
        let assessed = eval::assess(&program, &data.areas);
        Results {
            program,
            data,
            assessed,
        }
    }

    /// The results of the area with this id.
    pub fn area(&self, id: &str) -> Result<AreaResults<'_>, Error> {
        let index = self
            .data
            .areas
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| {
                unknown(
                    crate::msg!("diag-no-area", id = id),
                    id,
                    self.data.areas.iter().map(|a| &*a.id),
                )
            })?;
        Ok(AreaResults {
            results: self,
            index,
        })
    }

    /// Every area's results, in data order.
    pub fn areas(&self) -> impl Iterator<Item = AreaResults<'_>> {
        (0..self.data.areas.len()).map(move |index| AreaResults {
            results: self,
            index,
        })
    }

    /// The result of the target with this id.
    pub fn target(&self, id: &str) -> Result<TargetResults<'_>, Error> {
        let rules = &self.program.rules;
        let index = rules
            .targets
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(|| {
                unknown(
                    crate::msg!("diag-no-target", id = id),
                    id,
                    rules.targets.iter().map(|t| &*t.id),
                )
            })?;
        Ok(TargetResults {
            results: self,
            index,
        })
    }

    /// Every target's result, in file order.
    pub fn targets(&self) -> impl Iterator<Item = TargetResults<'_>> {
        (0..self.assessed.targets.len()).map(move |index| TargetResults {
            results: self,
            index,
        })
    }

    /// The JSON document of `tieuchi assess --format json` (with each area's explanation when
    /// `explain`).
    pub fn to_json(&self, explain: bool) -> serde_json::Value {
        crate::report::json::assessment(&self.view(Lang::En), explain)
    }

    /// The text of `tieuchi assess`: a table per assessment and the targets, in `lang`.
    pub fn to_text(&self, lang: Lang) -> String {
        crate::report::text::assessment(&self.view(lang))
    }

    fn view(&self, lang: Lang) -> crate::report::Run<'_> {
        self.view_of(None, lang)
    }

    /// The view the renderers take; `only` restricts the areas shown.
    pub(crate) fn view_of<'a>(
        &'a self,
        only: Option<&'a [usize]>,
        lang: Lang,
    ) -> crate::report::Run<'a> {
        crate::report::Run {
            program: &self.program,
            data: &self.data,
            assessed: &self.assessed,
            only,
            lang,
        }
    }

    /// The explanation of the area at `index` in the data set.
    pub(crate) fn explain_index(&self, index: usize) -> Option<AreaExplanation> {
        self.data
            .areas
            .get(index)
            .map(|a| explain_area(&self.program, a))
    }

    fn assessment_index(&self, id: &str) -> Result<usize, Error> {
        let rules = &self.program.rules;
        rules
            .assessments
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| {
                unknown(
                    crate::msg!("diag-no-assessment", id = id),
                    id,
                    rules.assessments.iter().map(|a| &*a.id),
                )
            })
    }
}

/// One area's results. Made by [`Results::area`] and [`Results::areas`].
#[derive(Debug, Clone, Copy)]
pub struct AreaResults<'a> {
    results: &'a Results,
    index: usize,
}

impl<'a> AreaResults<'a> {
    fn area(&self) -> &'a Area {
        &self.results.data.areas[self.index]
    }

    fn rules(&self) -> &'a check::Rules {
        &self.results.program.rules
    }

    /// The area's id.
    pub fn id(&self) -> &'a str {
        &self.area().id
    }

    /// The area's name, e.g. "Xã Vĩnh Ninh" (empty when the data gives none).
    pub fn name(&self) -> &'a str {
        &self.area().name
    }

    /// The area's district (empty when the data gives none).
    pub fn district(&self) -> &'a str {
        &self.area().district
    }

    /// True when the area's data has errors: every verdict is [`Verdict::Invalid`].
    pub fn is_invalid(&self) -> bool {
        self.area().invalid
    }

    /// What is wrong with the area's data, one sentence each, in `lang`.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        self.area()
            .problems
            .iter()
            .map(|p| p.render(lang))
            .collect()
    }

    /// The verdict of the assessment with this id.
    pub fn verdict(&self, assessment: &str) -> Result<Verdict<'a>, Error> {
        let ai = self.results.assessment_index(assessment)?;
        let outcomes = &self.rules().assessments[ai].outcomes;
        let name = |o: u32| outcomes.get(o as usize).map_or("", |o| o.id.as_str());
        Ok(match self.result(ai).verdict {
            eval::Verdict::Outcome(o) => Verdict::Outcome(name(o)),
            eval::Verdict::Unknown(p) => {
                let mut possible: Vec<&str> = p.outcomes().map(name).collect();
                if p.has_na() {
                    possible.push("na");
                }
                Verdict::Unknown { possible }
            }
            eval::Verdict::Na => Verdict::Na,
            eval::Verdict::Invalid => Verdict::Invalid,
        })
    }

    /// The result of criterion `criterion` of assessment `assessment`.
    pub fn criterion(&self, assessment: &str, criterion: &str) -> Result<CriterionResult, Error> {
        let ai = self.results.assessment_index(assessment)?;
        let criteria = &self.rules().assessments[ai].criteria;
        let ci = criteria
            .iter()
            .position(|c| c.id == criterion)
            .ok_or_else(|| {
                unknown(
                    crate::msg!("diag-no-criterion", id = criterion),
                    criterion,
                    criteria.iter().map(|c| &*c.id),
                )
            })?;
        Ok(self.results.assessed.areas[self.index].criterion(&self.results.program, ai, ci))
    }

    /// Every criterion of the assessment with its result, in file order.
    pub fn criteria(&self, assessment: &str) -> Result<Vec<(&'a str, CriterionResult)>, Error> {
        let ai = self.results.assessment_index(assessment)?;
        let (prog, r) = (
            &self.results.program,
            &self.results.assessed.areas[self.index],
        );
        Ok(self.rules().assessments[ai]
            .criteria
            .iter()
            .enumerate()
            .map(|(ci, c)| (c.id.as_str(), r.criterion(prog, ai, ci)))
            .collect())
    }

    /// The points the area scored in the assessment (a range while data is missing).
    pub fn points(&self, assessment: &str) -> Result<Range, Error> {
        let (min, max) = self
            .result(self.results.assessment_index(assessment)?)
            .points;
        Ok(Range { min, max })
    }

    /// The most points the area could have scored in the assessment (the points of the
    /// criteria that apply to it).
    pub fn max_points(&self, assessment: &str) -> Result<Range, Error> {
        let (min, max) = self
            .result(self.results.assessment_index(assessment)?)
            .max_points;
        Ok(Range { min, max })
    }

    /// Why the area got its verdicts: every assessment, criterion and outcome with the values
    /// read, the reasons for unknowns, the shortfalls and the changes that would pass.
    pub fn explain(&self) -> AreaExplanation {
        explain_area(&self.results.program, self.area())
    }

    fn result(&self, ai: usize) -> eval::AssessmentResult {
        self.results.assessed.areas[self.index].assessments[ai]
    }
}

/// One target's result. Made by [`Results::target`] and [`Results::targets`].
#[derive(Debug, Clone, Copy)]
pub struct TargetResults<'a> {
    results: &'a Results,
    index: usize,
}

impl<'a> TargetResults<'a> {
    fn outcome(&self) -> &'a TargetOutcome {
        &self.results.assessed.targets[self.index]
    }

    /// The target's id.
    pub fn id(&self) -> &'a str {
        &self.results.program.rules.targets[self.index].id
    }

    /// Met, not met, or unknown (missing data could change it).
    pub fn result(&self) -> TargetResult {
        self.outcome().result
    }

    /// What each `count`/`share` of the target saw, in the order they are written.
    pub fn tallies(&self) -> Vec<Tally> {
        self.outcome().tallies.iter().map(|(_, t, _)| *t).collect()
    }

    /// The areas whose missing or invalid data leave the target's counts open (ids).
    pub fn undecided_areas(&self) -> Vec<&'a str> {
        let areas = &self.results.data.areas;
        self.outcome()
            .undecided
            .iter()
            .filter_map(|&i| areas.get(i))
            .map(|a| a.id.as_str())
            .collect()
    }
}

/// The error for an id that names nothing among `known`, with a "did you mean".
fn unknown<'k>(message: Msg, id: &str, known: impl Iterator<Item = &'k str>) -> Error {
    let mut d = Diagnostic::unplaced(UNKNOWN_ID, message);
    if let Some(help) = crate::diag::did_you_mean(id, known) {
        d = d.with_help(help);
    }
    Error::unplaced(ErrorKind::UnknownId, d)
}
