//! The data problems of each side of a diff: the same data read with the old and with the new
//! rules may have different problems (a key only one of them declares, a value only one of them
//! accepts).

use crate::data::Dataset;
use crate::diag::{to_json, JsonDiagnostic};
use serde::Serialize;

/// Data problems, split by the side that has them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DataProblems {
    /// Problems the data has under both rules.
    pub both: Vec<JsonDiagnostic>,
    /// Problems only under the old rules.
    pub old_only: Vec<JsonDiagnostic>,
    /// Problems only under the new rules.
    pub new_only: Vec<JsonDiagnostic>,
}

impl DataProblems {
    /// True when neither side has a problem.
    pub fn is_empty(&self) -> bool {
        self.both.is_empty() && self.old_only.is_empty() && self.new_only.is_empty()
    }
}

fn key(d: &JsonDiagnostic) -> (&'static str, &str, Option<usize>, Option<usize>) {
    (d.code, d.message.as_str(), d.line, d.column)
}

/// The problems of the data as read for the old and for the new rules.
pub fn compare(old: &Dataset, new: &Dataset) -> DataProblems {
    let json = |d: &Dataset| -> Vec<JsonDiagnostic> {
        d.diagnostics
            .iter()
            .map(|x| to_json(x, &d.sources, crate::i18n::Lang::En))
            .collect()
    };
    let (old, new) = (json(old), json(new));
    let in_new = |d: &JsonDiagnostic| new.iter().any(|n| key(n) == key(d));
    let in_old = |d: &JsonDiagnostic| old.iter().any(|o| key(o) == key(d));
    DataProblems {
        both: old.iter().filter(|d| in_new(d)).cloned().collect(),
        old_only: old.iter().filter(|d| !in_new(d)).cloned().collect(),
        new_only: new.iter().filter(|d| !in_old(d)).cloned().collect(),
    }
}

/// The problems as text lines for `diff`'s report; empty when there are none.
pub fn render(p: &DataProblems) -> String {
    let mut out = String::new();
    let groups = [
        ("Data problems (with both rules files):", &p.both),
        ("Data problems with the old rules only:", &p.old_only),
        ("Data problems with the new rules only:", &p.new_only),
    ];
    for (title, list) in groups.into_iter().filter(|(_, l)| !l.is_empty()) {
        out.push_str(&format!("\n{title}\n"));
        for d in list {
            let at = match (&d.file, d.line, d.column) {
                (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}: "),
                _ => String::new(),
            };
            let level = if d.severity == crate::diag::Severity::Error {
                ""
            } else {
                "warning: "
            };
            out.push_str(&format!("  {at}{level}{} [{}]\n", d.message, d.code));
        }
    }
    out
}
