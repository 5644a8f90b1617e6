//! `tieuchi lsp`: the Language Server over standard input and output.

/// Serves until the client says `exit`: 0 after a `shutdown`, 1 otherwise (the protocol's
/// exit codes), 2 when the connection fails.
pub fn run() -> i32 {
    match crate::lsp::serve_stdio(super::lang()) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("tieuchi lsp: {e}");
            2
        }
    }
}
