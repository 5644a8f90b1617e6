//! `tieuchi serve --rules DIR [--addr 127.0.0.1:8080]`

use crate::tr;
use std::net::SocketAddr;
use std::path::Path;

/// Serves until stopped; 2 when the folder cannot be read or the address cannot be bound.
pub fn run(rules: &Path, addr: SocketAddr, max_body_mib: usize, time_limit: f64) -> i32 {
    ignore_closed_connections();
    if !rules.is_dir() {
        let folder = rules.display().to_string();
        eprintln!(
            "{}",
            tr!(super::lang(), "cli-serve-no-folder", folder = folder)
        );
        return 2;
    }
    let mut config = crate::serve::Config::new(rules.to_path_buf());
    config.addr = addr;
    config.body_limit = max_body_mib.saturating_mul(1024 * 1024);
    match std::time::Duration::try_from_secs_f64(time_limit) {
        Ok(d) if !d.is_zero() => config.time_limit = d,
        _ => {
            let value = time_limit.to_string();
            eprintln!(
                "{}",
                tr!(super::lang(), "cli-serve-bad-time", value = value)
            );
            return 2;
        }
    }
    let served = crate::serve::run(config, |bound, registry| {
        let lang = super::lang();
        let url = format!("http://{bound}/");
        // The first line is for programs (tests start the server on port 0 and read it).
        println!("{}", tr!(lang, "cli-serve-listening", url = url));
        eprintln!(
            "{}",
            tr!(
                lang,
                "cli-serve-rulesets",
                count = registry.entries.len(),
                broken = registry.broken.len()
            )
        );
        use std::io::Write;
        let _ = std::io::stdout().flush();
    });
    match served {
        Ok(()) => 0,
        Err(e) => {
            let reason = e.to_string();
            let addr = addr.to_string();
            eprintln!(
                "{}",
                tr!(
                    super::lang(),
                    "cli-serve-failed",
                    addr = addr,
                    reason = reason
                )
            );
            2
        }
    }
}

/// A client that goes away mid-answer must not end the server: the binary restores SIGPIPE's
/// default action for the one-shot commands (`| head`), so the server ignores it again.
#[cfg(unix)]
fn ignore_closed_connections() {
    // SAFETY: sets the disposition of SIGPIPE before the server's threads start.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_closed_connections() {}
