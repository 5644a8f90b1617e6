//! Fixture snapshots: each `tests/fixtures/check/*.tc` is checked, and the snapshot records the
//! source and then every diagnostic as rendered (no colour) and as JSON. A few fixtures and a
//! CSV with bad values are also snapshotted in Vietnamese (`…@vi.snap`), and every diagnostic of
//! every fixture is checked for English words left in its Vietnamese text.

use std::path::Path;
use tieuchi::data::DataFormat;
use tieuchi::diag::{render_text, to_json};
use tieuchi::i18n::Lang;

fn render(path: &Path) -> String {
    let checked = tieuchi::check_path(path);
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    render_checked(&source, &checked, Lang::En)
}

fn render_checked(source: &str, checked: &tieuchi::check::Checked, lang: Lang) -> String {
    let mut out = format!(
        "SOURCE\n{source}\nOUTPUT (errors: {})\n",
        checked.has_errors()
    );
    for d in &checked.diagnostics {
        out.push_str(&render_text(d, &checked.sources, false, lang));
    }
    out.push_str("\nJSON\n");
    for d in &checked.diagnostics {
        let j = to_json(d, &checked.sources, lang);
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
            // `parse_error@vi` is the Vietnamese snapshot of `parse_error`.
            let stem = stem.split('@').next().unwrap_or(stem);
            let data = dir.join(format!("../data/{stem}.csv"));
            assert!(
                dir.join(format!("{stem}.tc")).is_file() || data.is_file(),
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

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The rules of `tests/fixtures/data/values.tc` (no errors).
fn value_rules() -> tieuchi::Rules {
    let checked = tieuchi::check_path(&fixtures().join("data/values.tc"));
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.rules.unwrap_or_else(|| unreachable!())
}

/// `bad_values.csv` read against `values.tc`.
fn bad_values() -> tieuchi::Dataset {
    let text = read(&fixtures().join("data/bad_values.csv"));
    tieuchi::data::load_text(&value_rules(), "bad_values.csv", text, DataFormat::Csv)
}

/// A syntax error, an unknown name with "did you mean", type and unit mismatches, and the
/// problems of a CSV with bad values, as `--lang vi` shows them.
#[test]
fn vietnamese_snapshots() {
    for name in ["parse_error", "unknown_name", "type_mismatch", "units"] {
        let path = fixtures().join(format!("check/{name}.tc"));
        let source = read(&path);
        // Checked from text under its short name, so the snapshot does not hold this machine's
        // path (and no test has to change the working directory).
        let checked = tieuchi::check_text(&format!("{name}.tc"), &source);
        assert!(!checked.diagnostics.is_empty(), "{name} has no diagnostics");
        let rendered = render_checked(&source, &checked, Lang::Vi);
        insta::with_settings!({ snapshot_suffix => "vi" }, {
            insta::assert_snapshot!(name, rendered);
        });
    }
    let data = bad_values();
    assert!(data.diagnostics.len() >= 8, "{:?}", data.diagnostics);
    let mut out = String::new();
    for d in &data.diagnostics {
        out.push_str(&render_text(d, &data.sources, false, Lang::Vi));
    }
    for a in data.areas.iter().filter(|a| a.invalid) {
        let problems: Vec<String> = a.problems.iter().map(|p| p.render(Lang::Vi)).collect();
        out.push_str(&format!("{}: {}\n", a.id, problems.join("; ")));
    }
    insta::with_settings!({ snapshot_suffix => "vi" }, {
        insta::assert_snapshot!("bad_values", out);
    });
}

/// Common English words that must not be left in Vietnamese text.
const ENGLISH: [&str; 15] = [
    "the", "is", "not", "must", "should", "expected", "found", "missing", "unknown", "value",
    "input", "because", "write", "use", "number",
];

/// The English words of `text` outside backticks; a word joined to others by `_`, `.`, `:`,
/// `@`, `/` or `-` is an identifier, a path or a code (`unknown_name`), not a word.
fn english_words(text: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '`' {
            quoted = !quoted;
            outside.push(' ');
        } else if !quoted {
            outside.push(c);
        }
    }
    outside
        .split(|c: char| !(c.is_alphanumeric() || "_.:@/-".contains(c)))
        .map(|w| w.trim_matches(|c: char| ".:/-".contains(c)).to_lowercase())
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// Every sentence of a diagnostic: its message, label messages and help, in `lang`.
fn sentences(d: &tieuchi::Diagnostic, lang: Lang) -> Vec<String> {
    let mut out = vec![d.message.render(lang)];
    out.extend(
        d.labels
            .iter()
            .filter_map(|l| l.message.as_ref())
            .map(|m| m.render(lang)),
    );
    out.extend(d.help.iter().map(|h| h.render(lang)));
    out
}

/// Every diagnostic of every fixture under `tests/fixtures`: the rules files, the used files,
/// the CSV with bad values (and its areas' problems), and the hostile workbooks.
fn every_fixture_diagnostic() -> Vec<(String, tieuchi::Diagnostic)> {
    let mut out = Vec::new();
    let mut rules_files: Vec<_> = ["check", "check/used", "data"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(fixtures().join(d))
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tc"))
        .collect();
    rules_files.sort();
    assert!(rules_files.len() >= 25, "{rules_files:?}");
    for f in rules_files {
        for d in tieuchi::check_path(&f).diagnostics {
            out.push((f.display().to_string(), d));
        }
    }
    for d in bad_values().diagnostics {
        out.push(("bad_values.csv".to_string(), d));
    }
    let hostile = tieuchi::check_path(&fixtures().join("data/hostile-workbooks.tc"));
    let rules = hostile.rules.unwrap_or_else(|| unreachable!());
    for book in ["far-row", "far-column", "absurd-address", "zip-bomb"] {
        let path = fixtures().join(format!("data/{book}.xlsx"));
        assert!(path.is_file(), "fixture {book}.xlsx is missing");
        let ds = match tieuchi::data::load_path(&rules, &path, None) {
            Ok(ds) => ds.diagnostics,
            Err(d) => vec![d],
        };
        assert!(!ds.is_empty(), "{book}.xlsx has no diagnostic");
        out.extend(ds.into_iter().map(|d| (format!("{book}.xlsx"), d)));
    }
    out
}

#[test]
fn vietnamese_diagnostics_have_no_english_words() {
    let all = every_fixture_diagnostic();
    assert!(all.len() >= 100, "only {} diagnostics", all.len());
    let mut left = Vec::new();
    let mut english_hits = 0;
    for (file, d) in &all {
        for s in sentences(d, Lang::Vi) {
            let words = english_words(&s);
            if !words.is_empty() {
                left.push(format!("{file}: {} {words:?}: {s}", d.code));
            }
        }
        english_hits += sentences(d, Lang::En)
            .iter()
            .map(|s| english_words(s).len())
            .sum::<usize>();
    }
    // The same check finds the words in the English text: it is not blind.
    assert!(
        english_hits > 100,
        "{english_hits} English words in English"
    );
    assert!(
        left.is_empty(),
        "English left in Vietnamese:\n{}",
        left.join("\n")
    );
    let problems: Vec<String> = bad_values()
        .areas
        .iter()
        .flat_map(|a| a.problems.iter().map(|p| p.render(Lang::Vi)))
        .collect();
    assert!(!problems.is_empty());
    for p in problems {
        assert!(english_words(&p).is_empty(), "{p}");
    }
}
