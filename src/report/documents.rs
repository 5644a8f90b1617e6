//! The JSON documents of `check`, `validate` and `test` (`docs/json.md`), as typed values whose
//! JSON Schemas come from the same types ([`super::contract::schemas`]).

use super::contract::{DataDiagnostic, FormatVersion};
use super::json::Ruleset;
use crate::check::{Checked, Rules};
use crate::coverage::Coverage;
use crate::data::Dataset;
use crate::diag::{to_json, JsonDiagnostic};
use crate::i18n::Lang;
use crate::testing::TestReport;
use schemars::JsonSchema;
use serde::Serialize;

/// The document of `check --format json`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CheckDocument {
    /// The version of the contract: `"1"`.
    pub format_version: FormatVersion,
    /// True when no file has an error (warnings allowed): the exit code is 0.
    pub ok: bool,
    /// Each file checked, in the order given.
    pub files: Vec<CheckedFile>,
}

impl CheckDocument {
    /// The document of the files checked.
    pub fn new(files: Vec<CheckedFile>) -> CheckDocument {
        CheckDocument {
            format_version: FormatVersion,
            ok: files.iter().all(|f| f.errors == 0),
            files,
        }
    }
}

/// One rules file checked.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CheckedFile {
    /// The file as named on the command line.
    pub file: String,
    /// The number of errors.
    pub errors: usize,
    /// The number of warnings.
    pub warnings: usize,
    /// Every diagnostic of the file and of the files it `use`s (each names its own file).
    pub diagnostics: Vec<JsonDiagnostic>,
}

impl CheckedFile {
    /// The result of checking `file`, messages in `lang`.
    pub fn new(file: &str, checked: &Checked, lang: Lang) -> CheckedFile {
        let diagnostics: Vec<JsonDiagnostic> = checked
            .diagnostics
            .iter()
            .map(|d| to_json(d, &checked.sources, lang))
            .collect();
        let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
        CheckedFile {
            file: file.to_string(),
            errors,
            warnings: checked.diagnostics.len() - errors,
            diagnostics,
        }
    }
}

/// The document of `validate --format json`.
#[derive(Serialize, JsonSchema)]
pub struct ValidateDocument {
    /// The version of the contract: `"1"`.
    pub format_version: FormatVersion,
    /// The rules the data was checked against.
    pub ruleset: Ruleset,
    /// True when the data has no error: the exit code is 0.
    pub ok: bool,
    /// How many areas were read, valid and invalid.
    pub summary: ValidateSummary,
    /// The ids of the invalid areas, in data order.
    pub invalid_areas: Vec<String>,
    /// Every problem of the data, in file order.
    pub data_diagnostics: Vec<DataDiagnostic>,
}

/// How many areas a data file holds.
#[derive(Serialize, JsonSchema)]
pub struct ValidateSummary {
    /// Areas read (an area whose id repeats an earlier one is left out).
    pub areas: usize,
    /// Areas whose data can be assessed.
    pub valid: usize,
    /// Areas whose data has errors.
    pub invalid: usize,
}

impl ValidateDocument {
    /// The document of `data` checked against `rules`, messages in `lang`.
    pub fn new(rules: &Rules, data: &Dataset, lang: Lang) -> ValidateDocument {
        let invalid_areas: Vec<String> = data
            .areas
            .iter()
            .filter(|a| a.invalid)
            .map(|a| a.id.clone())
            .collect();
        ValidateDocument {
            format_version: FormatVersion,
            ruleset: Ruleset::of(rules),
            ok: !data.has_errors(),
            summary: ValidateSummary {
                areas: data.areas.len(),
                valid: data.areas.len() - invalid_areas.len(),
                invalid: invalid_areas.len(),
            },
            invalid_areas,
            data_diagnostics: data
                .diagnostics
                .iter()
                .map(|d| DataDiagnostic::new(d, &data.sources, &data.places, lang))
                .collect(),
        }
    }
}

/// The document of `test --format json`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TestDocument {
    /// The version of the contract: `"1"`.
    pub format_version: FormatVersion,
    /// Tests whose every expectation held.
    pub passed: usize,
    /// Tests with an expectation that did not hold (the exit code is 1 when any).
    pub failed: usize,
    /// Each rules file tested.
    pub files: Vec<TestedFile>,
}

impl TestDocument {
    /// The document of the files tested.
    pub fn new(files: Vec<TestedFile>) -> TestDocument {
        let all = || files.iter().flat_map(|f| &f.tests);
        TestDocument {
            format_version: FormatVersion,
            passed: all().filter(|t| t.passed()).count(),
            failed: all().filter(|t| !t.passed()).count(),
            files,
        }
    }
}

/// The tests of one rules file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TestedFile {
    /// The file as named (or found in the folder named).
    pub file: String,
    /// Each test, in file order.
    pub tests: Vec<TestReport>,
    /// With `--coverage`: what the tests reached; `null` otherwise.
    pub coverage: Option<Coverage>,
}
