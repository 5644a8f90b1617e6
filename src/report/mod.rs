//! Outputs: the assessment as JSON ([`json`]) and as text for people ([`text`]), explanations
//! rendered over the rules file ([`explain`]), the council's printable report ([`council`]).
//! Every JSON document follows the contract of [`contract`] (`docs/json.md`): `assess`
//! ([`json`]), `check`, `validate` and `test` ([`documents`]), `diff` ([`diff::DiffDocument`]) and
//! `sweep` ([`sweep`]).

pub mod contract;
pub mod council;
pub mod coverage;
pub mod diff;
pub mod documents;
pub mod explain;
pub mod json;
pub mod json_stream;
pub mod sweep;
pub mod table;
pub mod testing;
pub mod text;
pub mod words;
#[cfg(feature = "spreadsheets")]
pub mod xlsx;

use crate::data::Dataset;
use crate::eval::{Assessed, Program};

/// Everything an output needs about one run of `assess`.
pub struct Run<'a> {
    /// The compiled rules.
    pub program: &'a Program,
    /// The areas.
    pub data: &'a Dataset,
    /// The results.
    pub assessed: &'a Assessed,
    /// Which areas to show (indices into the data set); all when `None`.
    pub only: Option<&'a [usize]>,
    /// The language of text outputs (JSON keys and result words do not change with it).
    pub lang: crate::i18n::Lang,
}

impl Run<'_> {
    /// The indices of the areas to show.
    pub fn shown(&self) -> Vec<usize> {
        match self.only {
            Some(list) => list.to_vec(),
            None => (0..self.data.areas.len()).collect(),
        }
    }
}
