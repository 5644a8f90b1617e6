//! `eval::explain::unknown_reasons` (what `assess --format json` shows for unknowns) gives
//! the same reasons as the full reasons-only explanation, on the shipped rules with cells
//! left out and one cell that cannot be read.

use tieuchi::eval::explain::{reasons_only, unknown_reasons};

/// The shipped CSV with every row missing a few cells (a different few per row), and one cell
/// that is not a number.
fn holed_csv() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/quang-binh-2024.csv"))
        .unwrap_or_else(|e| panic!("the shipped data: {e}"));
    let mut out = String::new();
    let (mut row, mut header) = (0usize, false);
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() || !header {
            header |= !line.starts_with('#') && !line.trim().is_empty();
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let cells: Vec<String> = line
            .split(',')
            .enumerate()
            .map(|(i, c)| match i {
                0..=3 => c.to_string(),
                _ if row == 2 && i == 5 => "abc".to_string(),
                _ if (i + row) % 5 == 0 || (i * 7 + row) % 11 == 0 => String::new(),
                _ => c.to_string(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
        row += 1;
    }
    out
}

#[test]
fn unknown_reasons_are_the_reasons_of_the_explanation() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules_text = std::fs::read_to_string(root.join("rules/quang-binh-2024.tc"))
        .unwrap_or_else(|e| panic!("the shipped rules: {e}"));
    let rules = tieuchi::check_text("quang-binh-2024.tc", &rules_text)
        .rules
        .unwrap_or_else(|| panic!("the shipped rules check"));
    let data = tieuchi::data::load_text(&rules, "holed.csv", holed_csv(), tieuchi::DataFormat::Csv);
    let prog = tieuchi::compile(&rules, &[]);
    assert!(data.areas.len() > 5, "{} areas", data.areas.len());
    assert!(data.areas.iter().any(|a| a.invalid), "no invalid area");
    let (mut verdicts, mut criteria) = (0, 0);
    for area in &data.areas {
        let quick = unknown_reasons(&prog, area);
        let full = reasons_only(&prog, area);
        assert_eq!(quick.len(), full.assessments.len(), "{}", area.id);
        for (q, f) in quick.iter().zip(&full.assessments) {
            assert_eq!(q.verdict, f.reasons, "{} {}", area.id, f.id);
            let theirs: Vec<_> = f.criteria.iter().map(|c| c.reasons.clone()).collect();
            assert_eq!(q.criteria, theirs, "{} {}", area.id, f.id);
            verdicts += q.verdict.len();
            criteria += q.criteria.iter().map(Vec::len).sum::<usize>();
        }
    }
    assert!(verdicts > 0 && criteria > 0, "{verdicts} {criteria}");
}
