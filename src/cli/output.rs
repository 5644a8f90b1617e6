//! Rendering diagnostics to the terminal or as JSON.

use crate::diag::{render_text, Diagnostic};
use crate::source::SourceMap;
use std::io::IsTerminal;

/// True when colour may be used on stderr.
pub fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// At most this many diagnostics are rendered as text (JSON documents list them all).
pub(crate) const MAX_SHOWN: usize = 100;

/// True when standard output is a terminal (JSON is then indented for reading).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// True when colour may be used on stdout.
pub fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Prints a JSON document to stdout, indented.
pub fn print_json<T: serde::Serialize>(doc: &T) {
    let out = std::io::stdout().lock();
    if crate::report::contract::write(doc, true, out).is_err() {
        eprintln!("{}", crate::tr!(super::lang(), "cli-write-failed"));
    }
}

/// Prints diagnostics as text on stderr (JSON documents carry theirs: `report::documents`).
pub fn print_diagnostics(diags: &[Diagnostic], sources: &SourceMap) {
    let lang = super::lang();
    let color = color();
    for d in diags.iter().take(MAX_SHOWN) {
        eprint!("{}", render_text(d, sources, color, lang));
    }
    if diags.len() > MAX_SHOWN {
        eprintln!(
            "{}",
            crate::tr!(lang, "diag-more", count = diags.len() - MAX_SHOWN)
        );
    }
}

/// Prints the warnings of a rules file once, condensed, on stderr (for `assess`, `test`,
/// `diff` and `sweep`, whose own output is on stdout): a count, the command that shows them
/// in full, and one line each.
pub fn print_rule_warnings(path: &std::path::Path, diags: &[Diagnostic], sources: &SourceMap) {
    let warnings: Vec<&Diagnostic> = diags.iter().filter(|d| !d.is_error()).collect();
    if warnings.is_empty() {
        return;
    }
    // Once per file and run (`diff R R DATA` reads the same file twice).
    static SHOWN: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());
    if let Ok(mut shown) = SHOWN.lock() {
        if shown.iter().any(|p| p == path) {
            return;
        }
        shown.push(path.to_path_buf());
    }
    let lang = super::lang();
    let path = path.display().to_string();
    eprintln!(
        "{}",
        crate::tr!(
            lang,
            "diag-rule-warnings",
            count = warnings.len(),
            path = path.as_str()
        )
    );
    for d in warnings.iter().take(MAX_SHOWN) {
        let at = crate::diag::location(d, sources).unwrap_or_else(|| path.clone());
        eprintln!("  {at}: {} [{}]", d.message.render(lang), d.code);
    }
}
