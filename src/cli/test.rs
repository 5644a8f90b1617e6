//! `tieuchi test FILE… [--coverage] [--format json]`

use super::{assess::load_rules, output, Format};
use std::path::PathBuf;
use tieuchi::testing::run_tests;

/// Runs the tests of every file; 1 when any fails.
pub fn run(
    files: &[PathBuf],
    on: Option<chrono::NaiveDate>,
    format: Format,
    coverage: bool,
) -> i32 {
    let (mut passed, mut failed) = (0, 0);
    let mut json = Vec::new();
    for f in files {
        let rules = match load_rules(f, on) {
            Ok(r) => r,
            Err(code) => return code,
        };
        let color = output::color_stdout();
        let (reports, cov) = run_tests(&rules);
        for report in &reports {
            if report.passed() {
                passed += 1;
            } else {
                failed += 1;
            }
            if format == Format::Text {
                print_report(&rules, report, color);
            }
        }
        if format == Format::Text && coverage {
            print!("{}", tieuchi::report::coverage::render(&cov, super::lang()));
        }
        json.push(serde_json::json!({ "file": f.display().to_string(), "tests": reports, "coverage": coverage.then_some(cov) }));
    }
    match format {
        Format::Text => println!("{passed} passed, {failed} failed"),
        Format::Json => {
            let doc = serde_json::json!({ "passed": passed, "failed": failed, "files": json });
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        }
    }
    i32::from(failed > 0)
}

fn print_report(rules: &tieuchi::Rules, r: &tieuchi::testing::TestReport, color: bool) {
    if r.passed() {
        println!("ok    {} ({} expectation(s))", r.name, r.expectations);
        return;
    }
    println!("FAIL  {}  [{}]", r.name, r.location);
    let prog = tieuchi::compile(rules, &[]);
    for f in &r.failures {
        println!(
            "  expected `{}` for area `{}`  [{}]",
            f.expected, f.area, f.location
        );
        println!("  but {}", f.actual);
        let text = tieuchi::report::explain::area(&prog, "", &f.explanation, color);
        for line in text.lines() {
            println!("    {line}");
        }
    }
}
