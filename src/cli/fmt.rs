//! `tieuchi fmt [--check] FILE…`

use super::output;
use crate::source::{read_text, SourceFile, SourceMap};
use std::path::PathBuf;

/// Formats files in place, or with `check` lists those that are not formatted (exit 1).
pub fn run(files: &[PathBuf], check: bool) -> i32 {
    let mut unformatted = 0;
    for f in files {
        let text = match read_text(f) {
            Ok(t) => t,
            Err(e) => {
                let (path, reason) = (f.display().to_string(), e.to_string());
                eprintln!(
                    "{}",
                    crate::tr!(
                        super::lang(),
                        "cli-cannot-read",
                        path = path,
                        reason = reason
                    )
                );
                return 2;
            }
        };
        let formatted = match crate::fmt::format_source(&text) {
            Ok(x) => x,
            Err(diags) => {
                let mut sources = SourceMap::new();
                sources.add(SourceFile::new(
                    f.display().to_string(),
                    Some(f.clone()),
                    text,
                ));
                output::print_diagnostics(&diags, &sources);
                return 2;
            }
        };
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if check {
            let path = f.display().to_string();
            println!(
                "{}",
                crate::tr!(super::lang(), "cli-fmt-would", path = path)
            );
        } else if let Err(e) = std::fs::write(f, &formatted) {
            let (path, reason) = (f.display().to_string(), e.to_string());
            eprintln!(
                "{}",
                crate::tr!(
                    super::lang(),
                    "cli-cannot-write",
                    path = path,
                    reason = reason
                )
            );
            return 2;
        } else {
            let path = f.display().to_string();
            println!("{}", crate::tr!(super::lang(), "cli-fmt-done", path = path));
        }
    }
    i32::from(check && unformatted > 0)
}
