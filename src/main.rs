//! The `tieuchi` command line: a thin layer over the library.

mod cli;

fn main() {
    // Run on a thread with a large stack: checking and evaluating recurse over expression trees,
    // whose depth the syntax phase bounds (see `tieuchi::syntax::MAX_EXPR_DEPTH`).
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(cli::run);
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 3,
    };
    std::process::exit(code);
}
