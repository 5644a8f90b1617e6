//! The data problems of each side of a diff: the same data read with the old and with the new
//! rules may have different problems (a key only one of them declares, a value only one of them
//! accepts).

use crate::data::{AreaPlaces, Dataset};
use crate::diag::Diagnostic;
use crate::source::SourceMap;

/// Data problems, split by the side that has them.
#[derive(Debug, Clone, Default)]
pub struct DataProblems {
    /// Problems the data has under both rules (as read with the old rules).
    pub both: Vec<Diagnostic>,
    /// Problems only under the old rules.
    pub old_only: Vec<Diagnostic>,
    /// Problems only under the new rules.
    pub new_only: Vec<Diagnostic>,
    /// The data as read with the old rules, to place `both` and `old_only`.
    pub old_sources: SourceMap,
    /// The data as read with the new rules, to place `new_only`.
    pub new_sources: SourceMap,
    /// Where the areas are written, as read with the old rules (the area of `both`, `old_only`).
    pub old_places: AreaPlaces,
    /// Where the areas are written, as read with the new rules (the area of `new_only`).
    pub new_places: AreaPlaces,
}

impl DataProblems {
    /// True when neither side has a problem.
    pub fn is_empty(&self) -> bool {
        self.both.is_empty() && self.old_only.is_empty() && self.new_only.is_empty()
    }
}

/// The problems of the data as read for the old and for the new rules. Two problems are the
/// same when they have the same code, message and place.
pub fn compare(old: &Dataset, new: &Dataset) -> DataProblems {
    let in_new = |d: &&Diagnostic| new.diagnostics.contains(d);
    let in_old = |d: &&Diagnostic| old.diagnostics.contains(d);
    DataProblems {
        both: old.diagnostics.iter().filter(in_new).cloned().collect(),
        old_only: old
            .diagnostics
            .iter()
            .filter(|d| !in_new(d))
            .cloned()
            .collect(),
        new_only: new
            .diagnostics
            .iter()
            .filter(|d| !in_old(d))
            .cloned()
            .collect(),
        old_sources: old.sources.clone(),
        new_sources: new.sources.clone(),
        old_places: old.places.clone(),
        new_places: new.places.clone(),
    }
}
