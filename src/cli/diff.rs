//! `tieuchi diff OLD.tc NEW.tc DATA` and `tieuchi diff RULES DATA --set P=V`.

use super::assess::{load_rules, overrides};
use super::{output, Format};
use crate::data::{DataFormat, DataSource, LoadOptions};
use crate::diff::{diff_files_progress, diff_overrides_progress, Diff};
use crate::tr;
use std::path::{Path, PathBuf};

/// Runs `diff`; with `exit_code`, 1 when anything changed.
pub fn run(
    paths: &[PathBuf],
    sets: &[String],
    format: Format,
    exit_code: bool,
    load: &LoadOptions,
) -> i32 {
    match compute(paths, sets, load) {
        Ok(d) => {
            match format {
                Format::Text => print!("{}", crate::report::diff::render(&d, super::lang())),
                Format::Json => {
                    let doc = crate::report::diff::DiffDocument::new(&d, super::lang());
                    output::print_json(&doc)
                }
            }
            i32::from(exit_code && d.changed())
        }
        Err(code) => code,
    }
}

fn read_data(path: &Path, sheet: Option<&str>) -> Result<DataSource, i32> {
    let Some(format) = DataFormat::from_path(path) else {
        let path = path.display().to_string();
        eprintln!("{}", tr!(super::lang(), "diff-error-format", path = path));
        return Err(2);
    };
    let name = path.display().to_string();
    if format == DataFormat::Workbook {
        return read_workbook(path, name, sheet);
    }
    match crate::source::read_text(path) {
        Ok(text) => match crate::data::unreadable(&name, &text, format) {
            Some((d, sources)) => {
                output::print_diagnostics(&[d], &sources);
                Err(2)
            }
            None => Ok(DataSource::Text { name, text, format }),
        },
        Err(e) => {
            cannot_read(path, &e);
            Err(2)
        }
    }
}

/// A workbook's bytes; a sheet that cannot be read as a data set stops here (exit 2).
fn read_workbook(path: &Path, name: String, sheet: Option<&str>) -> Result<DataSource, i32> {
    let bytes = crate::source::read_bytes(path).map_err(|e| {
        cannot_read(path, &e);
        2
    })?;
    let source = DataSource::Workbook {
        name,
        bytes,
        sheet: sheet.map(String::from),
    };
    if let Some((d, sources)) = crate::data::workbook_unreadable(&source) {
        output::print_diagnostics(&[d], &sources);
        return Err(2);
    }
    Ok(source)
}

fn cannot_read(path: &Path, e: &dyn std::fmt::Display) {
    let (path, reason) = (path.display().to_string(), e.to_string());
    eprintln!(
        "{}",
        tr!(
            super::lang(),
            "diff-error-read",
            path = path,
            reason = reason
        )
    );
}

fn compute(paths: &[PathBuf], sets: &[String], load: &LoadOptions) -> Result<Diff, i32> {
    match paths {
        [old, new, data] => {
            if !sets.is_empty() {
                eprintln!("{}", tr!(super::lang(), "diff-error-set-two-files"));
                return Err(2);
            }
            for rules in [old, new] {
                let checked = crate::check::check_path(rules);
                if !checked.has_errors() {
                    output::print_rule_warnings(rules, &checked.diagnostics, &checked.sources);
                }
            }
            let source = read_data(data, load.sheet.as_deref())?;
            diff_files_progress(old, new, &source, load, true).map_err(|diags| {
                let sources =
                    crate::check::check_path(if crate::check::check_path(old).has_errors() {
                        old
                    } else {
                        new
                    })
                    .sources;
                output::print_diagnostics(&diags, &sources);
                2
            })
        }
        [rules_path, data] => {
            if sets.is_empty() {
                eprintln!("{}", tr!(super::lang(), "diff-error-need-set"));
                return Err(2);
            }
            let rules = load_rules(rules_path, None)?;
            let parsed = overrides(&rules, sets)?;
            let source = read_data(data, load.sheet.as_deref())?;
            Ok(diff_overrides_progress(
                &rules, &source, &parsed, sets, load, true,
            ))
        }
        _ => {
            eprintln!("{}", tr!(super::lang(), "diff-error-usage"));
            Err(2)
        }
    }
}
