//! The README's section on `tieuchi serve` works as written: its curl commands run against a
//! server started here (the port replaced), and the problem document it shows is the one the
//! server gives.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "serve_support/mod.rs"]
mod serve_support;

use serde_json::Value;
use serve_support::{post, Server};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tieuchi");
const JSON: &str = "application/json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The README's section on `tieuchi serve`.
fn readme_section() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("## tieuchi serve")
        .expect("README has a tieuchi serve section");
    let rest = &readme[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end].to_string()
}

/// The ```LANG blocks of a markdown text, lines joined where they end in `\`.
fn blocks(md: &str, lang: &str) -> Vec<String> {
    let fence = format!("```{lang}\n");
    md.split(fence.as_str())
        .skip(1)
        .map(|b| b.split("```").next().unwrap().replace("\\\n", " "))
        .collect()
}

#[test]
fn the_readme_curl_commands_work_as_written() {
    let s = Server::start(BIN, &root().join("rules"));
    let section = readme_section();
    let curls: Vec<String> = blocks(&section, "sh")
        .iter()
        .flat_map(|b| b.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| l.trim_start().starts_with("curl "))
        .collect();
    assert!(curls.len() >= 3, "{curls:?}");
    assert!(curls.iter().any(|c| c.contains("text/csv")));
    assert!(curls
        .iter()
        .any(|c| c.contains("application/json") && c.contains("/assess")));
    for c in &curls {
        let cmd = c.replace("http://127.0.0.1:8080", &s.base);
        let out = Command::new("sh")
            .args(["-c", &cmd])
            .current_dir(root())
            .output()
            .expect("curl (Debian: apt-get install curl)");
        assert!(
            out.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(doc.is_object());
        if c.contains("/assess") {
            assert_eq!(doc["areas"].as_array().unwrap().len(), 16);
        }
        if c.contains("explain=true") {
            assert_eq!(doc["params"]["diem_dat"]["written"], "70");
            assert!(
                doc["areas"][0]["assessments"]["chuyen_hoa"]["criteria"][0]["explanation"]
                    .is_object()
            );
        }
    }
    // The problem document shown is the one a body that is not JSON gets.
    let shown: Value = serde_json::from_str(&blocks(&section, "json")[0]).unwrap();
    let url = s.url("/v1/rulesets/quang_binh_2024/assess?lang=en");
    assert_eq!(post(&url, JSON, b"nonsense").problem(422), shown);
}
