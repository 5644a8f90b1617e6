//! Starts the real `tieuchi serve` on an ephemeral loopback port for the tests and the load
//! bench, and stops it when dropped.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::io::Read as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running server.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub base: String,
}

impl Server {
    /// `tieuchi serve --rules DIR --addr 127.0.0.1:0`, waiting for the line that gives the
    /// bound address.
    pub fn start(bin: &str, rules: &Path) -> Server {
        Server::start_with(bin, rules, &[])
    }

    /// [`Server::start`] with more arguments (`--time-limit 0.001`).
    pub fn start_with(bin: &str, rules: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(bin)
            .args(["serve", "--rules"])
            .arg(rules)
            .args(["--addr", "127.0.0.1:0", "--lang", "en"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tieuchi serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            if let Some(Ok(line)) = lines.next() {
                let _ = tx.send(line);
            }
            for _ in lines {}
        });
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(l) => l,
            Err(_) => {
                let _ = child.kill();
                panic!("tieuchi serve did not say where it listens within 60 s");
            }
        };
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server {
            child,
            base: url.trim_end_matches('/').to_string(),
        }
    }

    /// The full URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's resident memory in KiB (VmRSS from /proc).
    pub fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    /// True while the process runs.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One answer: status, content type, body.
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The Content-Type.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts a problem document with this status and returns it.
    pub fn problem(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.content_type, "application/problem+json");
        let p = self.json();
        assert_eq!(p["status"], status);
        assert!(p["type"]
            .as_str()
            .unwrap()
            .starts_with("urn:tieuchi:problem:"));
        assert!(!p["title"].as_str().unwrap().is_empty());
        assert!(!p["detail"].as_str().unwrap().is_empty());
        p
    }
}

/// The status, type and body of an answer, whatever its status.
pub fn answer(r: Result<ureq::Response, ureq::Error>) -> Answer {
    let r = match r {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = r.status();
    let content_type = r.header("content-type").unwrap_or("").to_string();
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut r.into_reader().take(64 << 20), &mut body).unwrap();
    Answer {
        status,
        content_type,
        body,
    }
}

/// GET.
pub fn get(url: &str) -> Answer {
    answer(ureq::get(url).call())
}

/// POST a body of a type.
pub fn post(url: &str, content_type: &str, body: &[u8]) -> Answer {
    answer(
        ureq::post(url)
            .set("Content-Type", content_type)
            .send_bytes(body),
    )
}
