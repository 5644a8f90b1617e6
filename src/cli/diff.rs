//! `tieuchi diff OLD.tc NEW.tc DATA` and `tieuchi diff RULES DATA --set P=V`.

use super::assess::{load_rules, overrides};
use super::{output, Format};
use std::path::{Path, PathBuf};
use tieuchi::data::{DataFormat, LoadOptions};
use tieuchi::diff::{diff_files, diff_overrides, Diff};

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
                Format::Text => print!("{}", tieuchi::report::diff::render(&d)),
                Format::Json => {
                    println!("{}", serde_json::to_string_pretty(&d).unwrap_or_default())
                }
            }
            i32::from(exit_code && d.changed())
        }
        Err(code) => code,
    }
}

fn read_data(path: &Path) -> Result<(String, DataFormat), i32> {
    let Some(format) = DataFormat::from_path(path) else {
        eprintln!(
            "error: cannot tell the format of `{}`; name it .json, .ron or .csv",
            path.display()
        );
        return Err(2);
    };
    match tieuchi::source::read_text(path) {
        Ok(t) => match tieuchi::data::unreadable(&path.display().to_string(), &t, format) {
            Some((d, sources)) => {
                output::print_diagnostics(&[d], &sources, Format::Text);
                Err(2)
            }
            None => Ok((t, format)),
        },
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", path.display());
            Err(2)
        }
    }
}

fn compute(paths: &[PathBuf], sets: &[String], load: &LoadOptions) -> Result<Diff, i32> {
    match paths {
        [old, new, data] => {
            if !sets.is_empty() {
                eprintln!("error: `--set` compares one rules file with itself: `tieuchi diff RULES DATA --set P=V`");
                return Err(2);
            }
            for rules in [old, new] {
                let checked = tieuchi::check_path(rules);
                if !checked.has_errors() {
                    output::print_rule_warnings(rules, &checked.diagnostics, &checked.sources);
                }
            }
            let (text, format) = read_data(data)?;
            diff_files(old, new, data, &text, format, load).map_err(|diags| {
                let sources = tieuchi::check_path(if tieuchi::check_path(old).has_errors() {
                    old
                } else {
                    new
                })
                .sources;
                output::print_diagnostics(&diags, &sources, Format::Text);
                2
            })
        }
        [rules_path, data] => {
            if sets.is_empty() {
                eprintln!("error: with one rules file, give the what-if overrides: `--set P=V`");
                return Err(2);
            }
            let rules = load_rules(rules_path, None)?;
            let parsed = overrides(&rules, sets)?;
            let (text, format) = read_data(data)?;
            Ok(diff_overrides(
                &rules, data, &text, format, &parsed, sets, load,
            ))
        }
        _ => {
            eprintln!(
                "error: `tieuchi diff OLD.tc NEW.tc DATA` or `tieuchi diff RULES DATA --set P=V`"
            );
            Err(2)
        }
    }
}
