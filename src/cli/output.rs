//! Rendering diagnostics to the terminal or as JSON.

use super::Format;
use std::io::IsTerminal;
use tieuchi::diag::{render_text, to_json, Diagnostic};
use tieuchi::source::SourceMap;

/// True when colour may be used on stderr.
pub fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// At most this many diagnostics are rendered as text; JSON lists them all.
const MAX_SHOWN: usize = 100;

/// True when standard output is a terminal (JSON is then indented for reading).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// True when colour may be used on stdout.
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Prints diagnostics: text to stderr, or one JSON array to stdout.
pub fn print_diagnostics(diags: &[Diagnostic], sources: &SourceMap, format: Format) {
    match format {
        Format::Text => {
            let color = color();
            for d in diags.iter().take(MAX_SHOWN) {
                eprint!("{}", render_text(d, sources, color));
            }
            if diags.len() > MAX_SHOWN {
                eprintln!(
                    "… and {} more diagnostics (`--format json` lists them all)",
                    diags.len() - MAX_SHOWN
                );
            }
        }
        Format::Json => {
            let list: Vec<_> = diags.iter().map(|d| to_json(d, sources)).collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into())
            );
        }
    }
}
