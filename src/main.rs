//! The `tieuchi` command line: a thin layer over the library ([`tieuchi::cli::run`]).

fn main() {
    quiet_on_closed_pipe();
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

/// `tieuchi test rules/ | head` closes the pipe early: end quietly, as other command-line tools
/// do, instead of failing on the next write (Rust ignores SIGPIPE by default).
#[cfg(unix)]
fn quiet_on_closed_pipe() {
    // SAFETY: restoring the default disposition of SIGPIPE at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn quiet_on_closed_pipe() {}
