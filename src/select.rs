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
            crate::msg!(
                "diag-cannot-read-folder",
                path = dir.display().to_string(),
                reason = e.to_string()
            ),
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
    let list = all
        .iter()
        .map(|c| {
            let path = c.path.display().to_string();
            match c.valid {
                Some((from, to)) => crate::msg!(
                    "diag-candidate-valid",
                    path = path,
                    from = from.to_string(),
                    to = to.to_string()
                ),
                None => crate::msg!("diag-candidate-no-valid", path = path),
            }
        })
        .fold(crate::msg!("diag-candidates"), |acc, line| {
            crate::msg!("diag-list-lines", head = acc, next = line)
        });
    let (path, date) = (dir.display().to_string(), date.to_string());
    let message = if holding.is_empty() {
        crate::msg!("diag-no-rules-valid", path = path, date = date)
    } else {
        crate::msg!("diag-several-rules-valid", path = path, date = date)
    };
    Err(Diagnostic::unplaced(codes::READ, message).with_help(list))
}
