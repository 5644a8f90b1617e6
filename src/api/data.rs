//! Loading data for a ruleset: text in a format, a path, or a workbook's bytes.

use super::error::{problems, Error, ErrorKind, Problem};
use super::Ruleset;
use crate::check;
use crate::data::{self, DataFormat, Dataset};
use crate::i18n::Lang;
use std::path::Path;
use std::sync::Arc;

/// A data set read and validated against a [`Ruleset`]: its areas, and the problems of their
/// values. An area with a wrong value is kept, marked invalid (its verdicts are `invalid`);
/// data that cannot be read as a data set at all is an [`Error`] instead.
#[derive(Debug, Clone)]
pub struct Data {
    pub(crate) rules: Arc<check::Rules>,
    pub(crate) dataset: Arc<Dataset>,
}

impl Data {
    /// Reads data given as text in `format` (JSON, RON or CSV); `name` is shown in diagnostics.
    pub fn from_text(
        rules: &Ruleset,
        name: &str,
        text: &str,
        format: DataFormat,
    ) -> Result<Data, Error> {
        if format == DataFormat::Workbook {
            return Self::from_bytes(rules, name, text.as_bytes().to_vec(), format);
        }
        let dataset = data::load_text(&rules.rules, name, text.to_string(), format);
        Self::checked(rules, dataset)
    }

    /// Reads a data file; its format comes from its extension (`.json`, `.ron`, `.csv`, or a
    /// workbook: `.xlsx`, `.xls`, `.ods`).
    pub fn from_path(rules: &Ruleset, path: impl AsRef<Path>) -> Result<Data, Error> {
        let dataset = data::load_path(&rules.rules, path.as_ref(), None)
            .map_err(|d| Error::unplaced(ErrorKind::Data, d))?;
        Self::checked(rules, dataset)
    }

    /// Reads data given as bytes: a workbook's first sheet for [`DataFormat::Workbook`] (needs
    /// the `spreadsheets` feature), else UTF-8 text in `format`.
    pub fn from_bytes(
        rules: &Ruleset,
        name: &str,
        bytes: Vec<u8>,
        format: DataFormat,
    ) -> Result<Data, Error> {
        let dataset = if format == DataFormat::Workbook {
            data::load_workbook(&rules.rules, name, bytes, None)
        } else {
            let text = crate::source::bytes_to_text(bytes).map_err(|e| {
                let d = crate::diag::Diagnostic::unplaced(
                    data::DataCode::Read.code(),
                    crate::msg!(
                        "diag-cannot-read",
                        path = name,
                        reason = crate::diag::read_error(&e)
                    ),
                );
                Error::unplaced(ErrorKind::Data, d)
            })?;
            data::load_text(&rules.rules, name, text, format)
        };
        Self::checked(rules, dataset)
    }

    fn checked(rules: &Ruleset, dataset: Dataset) -> Result<Data, Error> {
        if dataset.unreadable {
            let Dataset {
                diagnostics,
                sources,
                ..
            } = dataset;
            return Err(Error::new(ErrorKind::Data, diagnostics, Arc::new(sources)));
        }
        Ok(Data {
            rules: Arc::clone(&rules.rules),
            dataset: Arc::new(dataset),
        })
    }

    /// The number of areas (invalid ones included).
    pub fn len(&self) -> usize {
        self.dataset.areas.len()
    }

    /// True when the data set has no area.
    pub fn is_empty(&self) -> bool {
        self.dataset.areas.is_empty()
    }

    /// The ids of the areas, in data order.
    pub fn area_ids(&self) -> impl Iterator<Item = &str> {
        self.dataset.areas.iter().map(|a| a.id.as_str())
    }

    /// True when some area's data has errors (those areas are assessed as `invalid`).
    pub fn has_errors(&self) -> bool {
        self.dataset.has_errors()
    }

    /// The problems of the data (errors and warnings, each with its place), in `lang`.
    pub fn problems(&self, lang: Lang) -> Vec<Problem> {
        problems(&self.dataset.diagnostics, &self.dataset.sources, lang)
    }
}
