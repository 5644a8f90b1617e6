//! Rules by date: pick the one rules file in a folder whose `valid` range holds a date.

use crate::check::{check_path, codes};
use crate::diag::Diagnostic;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// A rules file of the folder, with its validity range if it declares one.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The file.
    pub path: PathBuf,
    /// The `valid from … to …` range, if declared.
    pub valid: Option<(NaiveDate, NaiveDate)>,
}

/// The `.tc` files of `dir` (not recursive) with their `valid` ranges, sorted by path.
pub fn candidates(dir: &Path) -> Result<Vec<Candidate>, Diagnostic> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Diagnostic::unplaced(
            codes::READ,
            format!("cannot read the folder `{}`: {e}", dir.display()),
        )
    })?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tc"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| {
            let valid = check_path(&path).rules.and_then(|r| r.valid);
            Candidate { path, valid }
        })
        .collect())
}

/// The one rules file of `dir` in force on `date`; none or several is an error listing them all.
pub fn rules_on(dir: &Path, date: NaiveDate) -> Result<PathBuf, Diagnostic> {
    let all = candidates(dir)?;
    let holding: Vec<&Candidate> = all
        .iter()
        .filter(|c| c.valid.is_some_and(|(from, to)| from <= date && date <= to))
        .collect();
    if let [one] = holding.as_slice() {
        return Ok(one.path.clone());
    }
    let list: Vec<String> = all
        .iter()
        .map(|c| match c.valid {
            Some((from, to)) => format!("- {}: valid {from} to {to}", c.path.display()),
            None => format!(
                "- {}: no `valid` range, or it does not check",
                c.path.display()
            ),
        })
        .collect();
    let what = if holding.is_empty() {
        "no rules file"
    } else {
        "several rules files"
    };
    Err(Diagnostic::unplaced(
        codes::READ,
        format!("{what} in `{}` are valid on {date}", dir.display()),
    )
    .with_help(format!("the candidates are\n{}", list.join("\n"))))
}
