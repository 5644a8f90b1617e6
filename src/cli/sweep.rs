//! `tieuchi sweep RULES DATA --param P=FROM..TO/STEP`

use super::assess::{load_data_sheet, load_rules, overrides};
use super::{output, Format};
use std::path::Path;
use tieuchi::sweep::{parse_spec, render, sweep};

/// Runs a sweep; 2 on unusable input.
pub fn run(
    rules: &Path,
    data: &Path,
    param: &str,
    sets: &[String],
    format: Format,
    sheet: Option<&str>,
) -> i32 {
    let inner = || -> Result<i32, i32> {
        let rules = load_rules(rules, None)?;
        let spec = parse_spec(&rules, param).map_err(|d| {
            output::print_diagnostics(&[d], &rules.sources, Format::Text);
            2
        })?;
        let sets = overrides(&rules, sets)?;
        let data = load_data_sheet(&rules, data, None, sheet)?;
        output::print_diagnostics(&data.diagnostics, &data.sources, Format::Text);
        let rows = sweep(&rules, &data.areas, &spec, &sets);
        match format {
            Format::Text => print!("{}", render(&rules, &spec, &rows)),
            Format::Json => {
                let doc = serde_json::json!({ "param": rules.params[spec.param as usize].id, "rows": rows });
                println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
            }
        }
        Ok(0)
    };
    match inner() {
        Ok(c) | Err(c) => c,
    }
}
