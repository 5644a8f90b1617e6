//! `tieuchi sweep RULES DATA --param P=FROM..TO/STEP`

use super::assess::{load_data, load_rules, overrides};
use super::{output, Format};
use crate::report::sweep::{document, render};
use crate::sweep::{parse_spec, sweep};
use std::path::Path;

/// Runs a sweep; 2 on unusable input.
pub fn run(
    rules: &Path,
    data: &Path,
    param: &str,
    sets: &[String],
    format: Format,
    load: &crate::data::LoadOptions,
) -> i32 {
    let inner = || -> Result<i32, i32> {
        let rules = load_rules(rules, None)?;
        let spec = parse_spec(&rules, param).map_err(|d| {
            output::print_diagnostics(&[d], &rules.sources);
            2
        })?;
        let sets = overrides(&rules, sets)?;
        let data = load_data(&rules, data, None, load)?;
        output::print_diagnostics(&data.diagnostics, &data.sources);
        let rows = sweep(&rules, &data.areas, &spec, &sets);
        match format {
            Format::Text => print!("{}", render(&rules, &spec, &rows, super::lang())),
            Format::Json => {
                output::print_json(&document(&rules, &spec, &rows));
            }
        }
        Ok(0)
    };
    match inner() {
        Ok(c) | Err(c) => c,
    }
}
