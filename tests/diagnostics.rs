//! Fixture snapshots: each `tests/fixtures/check/*.tc` is checked, and the snapshot records the
//! source and then every diagnostic as rendered (no colour) and as JSON.

use std::path::Path;
use tieuchi::diag::{render_text, to_json};
use tieuchi::i18n::Lang;

fn render(path: &Path) -> String {
    let checked = tieuchi::check_path(path);
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = format!(
        "SOURCE\n{source}\nOUTPUT (errors: {})\n",
        checked.has_errors()
    );
    for d in &checked.diagnostics {
        out.push_str(&render_text(d, &checked.sources, false, Lang::En));
    }
    out.push_str("\nJSON\n");
    for d in &checked.diagnostics {
        let j = to_json(d, &checked.sources, Lang::En);
        out.push_str(&format!(
            "{} {:?} {}:{}:{}-{}:{}\n",
            j.code,
            j.severity,
            j.file.unwrap_or_default(),
            j.line.unwrap_or(0),
            j.column.unwrap_or(0),
            j.end_line.unwrap_or(0),
            j.end_column.unwrap_or(0)
        ));
    }
    out
}

#[test]
fn check_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tc"))
        .collect();
    files.sort();
    assert!(files.len() >= 15);
    // Each snapshot has its fixture: a fixture renamed or deleted fails here, not silently.
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let entries = std::fs::read_dir(&snapshots).unwrap_or_else(|e| panic!("tests/snapshots: {e}"));
    for snap in entries.flatten() {
        let name = snap.file_name().to_string_lossy().to_string();
        if let Some(stem) = name
            .strip_prefix("diagnostics__")
            .and_then(|n| n.strip_suffix(".snap"))
        {
            assert!(
                dir.join(format!("{stem}.tc")).is_file(),
                "snapshot {name} has no fixture tests/fixtures/check/{stem}.tc"
            );
        }
    }
    // Paths in diagnostics are shown as given; run from the fixture folder so they are short.
    let here = std::env::current_dir().unwrap_or_default();
    std::env::set_current_dir(&dir).ok();
    for f in &files {
        let name = f
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let rendered = render(Path::new(f.file_name().unwrap_or_default()));
        insta::assert_snapshot!(name, rendered);
    }
    std::env::set_current_dir(here).ok();
}

/// Codes of the diagnostics of one named fixture (fails when the fixture is missing).
fn codes_of(name: &str) -> Vec<&'static str> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name);
    assert!(path.is_file(), "fixture {name} is missing");
    let checked = tieuchi::check_path(&path);
    checked.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn every_unit_slip_is_an_error() {
    let codes = codes_of("units.tc");
    let slips = codes
        .iter()
        .filter(|c| **c == "tieuchi::check::unit_mismatch")
        .count();
    // One per `// error` line of the fixture, two on the `given` line.
    assert_eq!(slips, 17, "{codes:?}");
    assert_eq!(slips, codes.len(), "{codes:?}");
}

#[test]
fn traps_are_warnings_with_their_codes() {
    let checked = tieuchi::check_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/traps.tc"),
    );
    assert!(checked.rules.is_some(), "warnings do not fail check");
    let codes = codes_of("traps.tc");
    let n = |code: &str| codes.iter().filter(|c| **c == code).count();
    assert_eq!(n("tieuchi::check::decided_comparison"), 10, "{codes:?}");
    assert_eq!(n("tieuchi::check::unreachable_outcome"), 2, "{codes:?}");
    assert_eq!(n("tieuchi::check::na_counts_as_false"), 1, "{codes:?}");
}
