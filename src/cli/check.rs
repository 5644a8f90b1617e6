//! `tieuchi check FILE…`

use super::{output, Format};
use crate::check::check_path;
use crate::diag::Diagnostic;
use crate::report::documents::{CheckDocument, CheckedFile};
use std::path::PathBuf;

/// Checks every file; 2 when any has an error.
pub fn run(files: &[PathBuf], format: Format) -> i32 {
    let mut failed = false;
    let mut json = Vec::new();
    for f in files {
        let checked = check_path(f);
        failed |= checked.has_errors();
        match format {
            Format::Text => output::print_diagnostics(&checked.diagnostics, &checked.sources),
            Format::Json => json.push(CheckedFile::new(
                &f.display().to_string(),
                &checked,
                crate::cli::lang(),
            )),
        }
        if format == Format::Text && !checked.has_errors() {
            let warnings = checked
                .diagnostics
                .iter()
                .filter(|d| !Diagnostic::is_error(d))
                .count();
            let file = f.display().to_string();
            eprintln!(
                "{}",
                crate::tr!(
                    super::lang(),
                    "cli-check-ok",
                    file = file,
                    warnings = warnings
                )
            );
        }
    }
    if format == Format::Json {
        output::print_json(&CheckDocument::new(json));
    }
    if failed {
        2
    } else {
        0
    }
}
