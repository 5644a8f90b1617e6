//! Shared by the fuzz targets: fixed rules and data, the data format byte, rendering.

#![allow(dead_code)]

use std::sync::OnceLock;
use tieuchi::{DataFormat, Results as Outcome, Rules};

/// Rules the `data` target loads its input against.
pub const RULES: &str = include_str!("../../tests/spec/basic/basic.tc");
/// Data the `fmt` target assesses the rules with, before and after formatting.
pub const DATA: &str = include_str!("../../tests/spec/basic/basic.json");
/// Between the rules and the data in an input of the `assess` target.
pub const SEPARATOR: &str = "\n#####\n";

/// The fixed rules, checked once.
pub fn rules() -> &'static Rules {
    static RULES_CHECKED: OnceLock<Rules> = OnceLock::new();
    RULES_CHECKED.get_or_init(|| match tieuchi::check_text("basic.tc", RULES).rules {
        Some(r) => r,
        None => panic!("the fixed rules of the fuzz targets do not check"),
    })
}

/// The data format chosen by the first byte (`c` CSV, `r` RON, anything else JSON) and the rest.
pub fn split_format(data: &[u8]) -> (DataFormat, &[u8]) {
    match data.split_first() {
        Some((b'c', rest)) => (DataFormat::Csv, rest),
        Some((b'r', rest)) => (DataFormat::Ron, rest),
        Some((_, rest)) => (DataFormat::Json, rest),
        None => (DataFormat::Json, data),
    }
}

/// Every diagnostic rendered as the command line shows it.
pub fn render(diagnostics: &[tieuchi::Diagnostic], sources: &tieuchi::source::SourceMap) {
    for d in diagnostics {
        let text = tieuchi::diag::render_text(d, sources, false, tieuchi::i18n::Lang::Vi);
        assert!(!text.is_empty(), "a diagnostic renders as nothing");
    }
}

/// Everything `assess` can print for an outcome: text table, JSON with explanations, the
/// explanation of every area and of the targets, and the rules' own tests.
pub fn render_outcome(outcome: &Outcome) {
    render(&outcome.dataset().diagnostics, &outcome.dataset().sources);
    let _ = tieuchi::report::text::assessment(&outcome.run(None, tieuchi::i18n::Lang::Vi));
    let json = outcome.to_json(true);
    let _ = serde_json::to_string(&json);
    for (i, area) in outcome.dataset().areas.iter().enumerate() {
        if let Some(x) = outcome.explain(i) {
            let _ = tieuchi::report::explain::area(outcome.program(), &area.id, &x, false, tieuchi::i18n::Lang::Vi);
        }
    }
    let _ = tieuchi::report::explain::targets(&outcome.run(None, tieuchi::i18n::Lang::Vi), false);
    let _ = tieuchi::testing::run_tests(&outcome.program().rules);
}
