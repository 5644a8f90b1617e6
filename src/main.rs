//! The `tieuchi` command line: a thin layer over the library ([`tieuchi::cli::run`]).

fn main() {
    // The library is stack-safe on an ordinary thread (its recursive passes grow the stack on
    // the heap when needed); the large stack is only a margin for other crates' recursion
    // (serialising and printing deep JSON, rendering diagnostics).
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(tieuchi::cli::run);
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 3,
    };
    std::process::exit(code);
}
