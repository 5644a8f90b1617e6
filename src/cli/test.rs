//! `tieuchi test FILE|DIR… [--coverage] [--format json]`: a folder runs the tests of every rules
//! file in it (or, with `--on DATE`, of the one in force that day), naming each test's file.

use super::{assess::load_rules, expand_folders, output, Format};
use crate::report::documents::{TestDocument, TestedFile};
use crate::report::testing::{summary, test_report};
use crate::testing::run_tests;
use std::path::PathBuf;

/// Runs the tests of every file; 1 when any fails.
pub fn run(
    files: &[PathBuf],
    on: Option<chrono::NaiveDate>,
    format: Format,
    coverage: bool,
) -> i32 {
    let files = match to_test(files, on) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let lang = super::lang();
    let name_files = files.len() > 1;
    let (mut passed, mut failed) = (0, 0);
    let mut json = Vec::new();
    for f in &files {
        let rules = match load_rules(f, on) {
            Ok(r) => r,
            Err(code) => return code,
        };
        let color = output::color_stdout();
        let (reports, cov) = run_tests(&rules);
        let prog = crate::eval::compile(&rules, &[]);
        let shown = f.display().to_string();
        for report in &reports {
            if report.passed() {
                passed += 1;
            } else {
                failed += 1;
            }
            if format == Format::Text {
                let file = name_files.then_some(shown.as_str());
                print!("{}", test_report(&prog, report, file, color, lang));
            }
        }
        if format == Format::Text && coverage {
            print!("{}", crate::report::coverage::render(&cov, super::lang()));
        }
        json.push(TestedFile {
            file: shown,
            tests: reports,
            coverage: coverage.then_some(cov),
        });
    }
    match format {
        Format::Text => println!("{}", summary(lang, passed, failed)),
        Format::Json => {
            output::print_json(&TestDocument::new(json));
        }
    }
    i32::from(failed > 0)
}

/// The files to test: a folder without `--on` stands for every rules file in it; with `--on`
/// for the one in force that day (chosen when the rules are loaded).
fn to_test(files: &[PathBuf], on: Option<chrono::NaiveDate>) -> Result<Vec<PathBuf>, i32> {
    let expanded = expand_folders(files, "test")?;
    if on.is_some() {
        return Ok(files.to_vec());
    }
    Ok(expanded)
}
