//! # tieuchi
//!
//! A rules engine for appraising the conversion of "key, complex areas for social order": a
//! council writes its criteria in a `.tc` file; tieuchi checks it, assesses each area's figures
//! against it with exact decimals and honest unknowns, decides the plan's targets, and explains
//! every verdict.
//!
//! The phases are modules: [`syntax`] (text → [`ast`]) → [`check`] (names, types: [`check::Rules`])
//! → [`eval`] (a compiled [`eval::Program`], verdicts, targets, explanations) → [`report`]
//! (text, JSON, explanations over the rules file). [`data`] loads and validates data sets.
//!
//! ```
//! use tieuchi::{assess_text, DataFormat};
//!
//! let rules = r#"
//! ruleset demo "Demo"
//! input vu "Số vụ": count
//! input kham_pha "Số vụ khám phá": count
//! assessment chuyen_hoa "Chuyển hóa" {
//!   criterion C1 "Tỷ lệ khám phá ≥ 80%" required { ratio(kham_pha, vu) >= 80% }
//!   outcome dat "Đạt" when all_required
//!   outcome chua_dat "Chưa đạt" otherwise
//! }
//! "#;
//! let data = r#"{ "areas": [
//!   { "id": "a", "values": { "vu": 10, "kham_pha": 8 } },
//!   { "id": "b", "values": { "vu": 12, "kham_pha": 9 } },
//!   { "id": "c", "values": { "vu": 12 } } ] }"#;
//! let outcome = match assess_text(rules, data, DataFormat::Json, &[]) {
//!     Ok(outcome) => outcome,
//!     Err(diagnostics) => return diagnostics.iter().for_each(|d| eprintln!("{}", d.message)),
//! };
//! let json = outcome.to_json(false);
//! assert_eq!(json["areas"][0]["assessments"]["chuyen_hoa"]["verdict"], "dat");
//! assert_eq!(json["areas"][1]["assessments"]["chuyen_hoa"]["verdict"], "chua_dat");
//! assert_eq!(json["areas"][2]["assessments"]["chuyen_hoa"]["verdict"], "unknown");
//! assert_eq!(json["areas"][2]["assessments"]["chuyen_hoa"]["criteria"][0]["reasons"][0]["input"], "kham_pha");
//! ```

#![warn(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod ast;
pub mod check;
pub mod coverage;
pub mod data;
pub mod diag;
pub mod diff;
pub mod eval;
pub mod fmt;
pub mod i18n;
pub mod num;
pub mod report;
pub mod schema;
pub mod select;
#[cfg(feature = "server")]
pub mod serve;
pub mod source;
mod stack;
pub mod sweep;
pub mod syntax;
pub mod template;
pub mod testing;
pub mod value;

pub use check::{check_path, check_text, parse_override, Checked, Rules};
pub use data::{Area, DataFormat, Dataset};
pub use diag::Diagnostic;
pub use eval::{assess, compile, Assessed, Program};

/// A finished assessment: the program, the data and the results, ready to render.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The compiled rules (with overrides applied).
    pub program: Program,
    /// The data set (with its problems).
    pub data: Dataset,
    /// The results.
    pub assessed: Assessed,
}

impl Outcome {
    /// Assesses validated data with compiled rules.
    pub fn new(program: Program, data: Dataset) -> Outcome {
        let assessed = assess(&program, &data.areas);
        Outcome {
            program,
            data,
            assessed,
        }
    }

    /// The JSON document of `tieuchi assess --format json` (with explanations when asked; the
    /// few sentences it carries beside the data, such as a reason's `message`, in English).
    pub fn to_json(&self, explain: bool) -> serde_json::Value {
        report::json::assessment(&self.run(None, i18n::Lang::En), explain)
    }

    /// The view the renderers take; `only` restricts the areas shown, `lang` is the language
    /// of text outputs.
    pub fn run<'a>(&'a self, only: Option<&'a [usize]>, lang: i18n::Lang) -> report::Run<'a> {
        report::Run {
            program: &self.program,
            data: &self.data,
            assessed: &self.assessed,
            only,
            lang,
        }
    }

    /// The explanation of the area at `index` in the data set.
    pub fn explain(&self, index: usize) -> Option<eval::explain::AreaExplanation> {
        self.data
            .areas
            .get(index)
            .map(|a| eval::explain::explain_area(&self.program, a))
    }
}

/// Checks rules and assesses data, both given as text, with `P=V` overrides.
/// Returns the rules' (or overrides') diagnostics when they do not check.
pub fn assess_text(
    rules: &str,
    data: &str,
    format: DataFormat,
    overrides: &[&str],
) -> Result<Outcome, Vec<Diagnostic>> {
    let checked = check_text("rules.tc", rules);
    let Some(rules) = checked.rules else {
        return Err(checked.diagnostics);
    };
    let sets = overrides
        .iter()
        .map(|o| parse_override(&rules, o))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|d| vec![d])?;
    let data = data::load_text(&rules, "data", data.to_string(), format);
    Ok(Outcome::new(compile(&rules, &sets), data))
}
