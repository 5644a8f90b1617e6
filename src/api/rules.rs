//! Loading rules: from text or a path, `use` resolved by a [`SourceLoader`], params overridden.

use super::error::{problems, Error, ErrorKind, Problem};
use super::{Data, Results};
use crate::check::{self, Checked};
use crate::diag::Diagnostic;
use crate::eval::{self, Program};
use crate::i18n::Lang;
use crate::loader::{DiskLoader, SourceLoader};
use crate::value::Value;
use std::path::Path;
use std::sync::Arc;

/// Checked rules, compiled and ready to assess data (a `.tc` file and the files it `use`s).
/// Cheap to clone; compiled once (and once more per [`Ruleset::with_params`]).
#[derive(Debug, Clone)]
pub struct Ruleset {
    pub(crate) rules: Arc<check::Rules>,
    pub(crate) program: Arc<Program>,
    warnings: Arc<[Diagnostic]>,
}

impl Ruleset {
    /// Checks rules given as text; `name` is shown in diagnostics, and `use` reads files on disk
    /// relative to the working directory.
    pub fn from_text(name: &str, text: &str) -> Result<Ruleset, Error> {
        Self::from_checked(check::check_text(name, text))
    }

    /// Checks rules given as text under `name`; the files it `use`s (relative to `name`) come
    /// from `loader`, e.g. a [`MemoryLoader`](crate::MemoryLoader).
    pub fn from_text_with(
        name: &str,
        text: &str,
        loader: &dyn SourceLoader,
    ) -> Result<Ruleset, Error> {
        Self::from_checked(check::check_text_with(name, text, loader))
    }

    /// Reads and checks the rules file at `path` and the files it `use`s, from disk.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Ruleset, Error> {
        Self::from_path_with(path, &DiskLoader)
    }

    /// Reads and checks the rules file at `path` and the files it `use`s through `loader`.
    pub fn from_path_with(
        path: impl AsRef<Path>,
        loader: &dyn SourceLoader,
    ) -> Result<Ruleset, Error> {
        Self::from_checked(check::check_path_with(path.as_ref(), loader))
    }

    fn from_checked(checked: Checked) -> Result<Ruleset, Error> {
        let Checked {
            rules,
            diagnostics,
            sources,
        } = checked;
        match rules {
            Some(rules) => {
                let program = Arc::new(eval::compile(&rules, &[]));
                Ok(Ruleset {
                    rules: Arc::new(rules),
                    program,
                    warnings: diagnostics.into(),
                })
            }
            None => Err(Error::new(ErrorKind::Rules, diagnostics, sources)),
        }
    }

    /// The same rules with params set to other values, each written `P=V` as in
    /// `tieuchi assess --set` (`nguong=70%`). Data loaded for these rules can be assessed with
    /// the result.
    pub fn with_params(&self, assignments: &[&str]) -> Result<Ruleset, Error> {
        let sets = assignments
            .iter()
            .map(|a| check::parse_override(&self.rules, a))
            .collect::<Result<Vec<(u32, Value)>, Diagnostic>>()
            .map_err(|d| Error::unplaced(ErrorKind::Override, d))?;
        Ok(Ruleset {
            rules: Arc::clone(&self.rules),
            program: Arc::new(eval::compile(&self.rules, &sets)),
            warnings: Arc::clone(&self.warnings),
        })
    }

    /// The ruleset's id (`ruleset ID "…"`).
    pub fn id(&self) -> &str {
        &self.rules.id
    }

    /// The ruleset's title.
    pub fn title(&self) -> &str {
        &self.rules.title
    }

    /// The ids of the assessments, in file order.
    pub fn assessments(&self) -> impl Iterator<Item = &str> {
        self.rules.assessments.iter().map(|a| a.id.as_str())
    }

    /// The ids of the targets, in file order.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.rules.targets.iter().map(|t| t.id.as_str())
    }

    /// The sha256 of the main rules file's bytes (lowercase hex), as the outputs record it.
    pub fn sha256(&self) -> &str {
        &self.rules.sha256
    }

    /// The warnings of the check, put into words in `lang`.
    pub fn warnings(&self, lang: Lang) -> Vec<Problem> {
        problems(&self.warnings, &self.rules.sources, lang)
    }

    /// Assesses every area of `data` and decides the targets. `data` must have been loaded for
    /// these rules (or for the same rules with other params).
    pub fn assess(&self, data: &Data) -> Result<Results, Error> {
        if !Arc::ptr_eq(&data.rules, &self.rules) {
            let d = Diagnostic::unplaced(
                crate::data::DataCode::Read.code(),
                crate::msg!("data-other-rules", ruleset = self.rules.id.as_str()),
            )
            .with_help(crate::msg!("data-other-rules-help"));
            return Err(Error::unplaced(ErrorKind::Data, d));
        }
        Ok(Results::new(
            Arc::clone(&self.program),
            Arc::clone(&data.dataset),
        ))
    }
}
