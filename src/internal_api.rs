//! The root conveniences of the internals (feature `internals`): for this crate's tests,
//! benches and fuzz targets only; no stability promise.

pub use crate::check::{check_path, check_text, parse_override, Checked, Rules};
pub use crate::data::{Area, Dataset};
pub use crate::diag::Diagnostic;
pub use crate::eval::{assess, compile, Assessed, Program};
use crate::Results;

impl Results {
    /// Assesses validated data with compiled rules.
    pub fn from_parts(program: Program, data: Dataset) -> Results {
        Results::of(program, data)
    }

    /// The compiled rules.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The data set.
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    /// The results.
    pub fn assessed(&self) -> &Assessed {
        &self.assessed
    }

    /// The view the renderers take.
    pub fn run<'a>(
        &'a self,
        only: Option<&'a [usize]>,
        lang: crate::i18n::Lang,
    ) -> crate::report::Run<'a> {
        self.view_of(only, lang)
    }

    /// The explanation of the area at `index` in the data set.
    pub fn explain(&self, index: usize) -> Option<crate::eval::explain::AreaExplanation> {
        self.explain_index(index)
    }
}

/// Checks rules and assesses data, both given as text, with `P=V` overrides; the rules' (or
/// overrides') diagnostics when they do not check. Unlike [`crate::Data::from_text`], data that
/// cannot be read gives results over zero areas (the tests look at its diagnostics).
pub fn assess_text(
    rules: &str,
    data: &str,
    format: crate::DataFormat,
    overrides: &[&str],
) -> Result<Results, Vec<Diagnostic>> {
    let checked = check_text("rules.tc", rules);
    let Some(rules) = checked.rules else {
        return Err(checked.diagnostics);
    };
    let sets = overrides
        .iter()
        .map(|o| parse_override(&rules, o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|d| vec![d])?;
    let data = crate::data::load_text(&rules, "data", data.to_string(), format);
    Ok(Results::from_parts(compile(&rules, &sets), data))
}
