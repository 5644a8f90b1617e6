//! The shipped council report in a real browser: headless Chromium prints
//! `tieuchi report rules/quang-binh-2024.tc data/quang-binh-2024.json` to PDF; the page count is
//! sane, the page requested nothing from the network (Chromium's own net log, checked against a
//! control page that does fetch), the Vietnamese text survives into the PDF with an embedded
//! font, the running header and page numbers are printed, and page 1 is kept as
//! `docs/report-page1.png` for the README.
//!
//! Needs `chromium` and poppler's `pdftotext`, `pdffonts`, `pdfinfo`, `pdftoppm` (Debian:
//! `apt-get install chromium fonts-noto-core poppler-utils`; `.ci/run` installs them). Without
//! them the test fails and says so: it never passes without having looked.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

const INSTALL: &str =
    "install them (Debian: apt-get install chromium fonts-noto-core poppler-utils; .ci/run does)";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The first of `candidates` that runs, or a failure naming what is missing.
fn tool(candidates: &[&str], what: &str) -> String {
    let found = candidates.iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    });
    match found {
        Some(c) => c.to_string(),
        None => panic!("{what} is not installed (tried {candidates:?}): {INSTALL}"),
    }
}

fn chromium() -> String {
    let from_env = std::env::var("CHROMIUM").ok();
    let mut candidates: Vec<&str> = from_env.iter().map(String::as_str).collect();
    candidates.extend(["/usr/bin/chromium", "chromium", "chromium-browser"]);
    tool(&candidates, "Chromium (headless browser)")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "tieuchi-browser-{name}-{}-{:?}",
        std::process::id(),
        Instant::now()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a command to its end (at most two minutes); fails with its stderr when it fails.
fn run(cmd: &mut Command, what: &str) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what} does not start: {e}: {INSTALL}"));
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("{what} took more than two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Prints `html` to `pdf` with headless Chromium, logging its network use to `net`.
fn print_to_pdf(html: &Path, pdf: &Path, net: &Path) {
    let profile = tempdir("profile");
    let url = format!("file://{}", html.display());
    run(
        Command::new(chromium()).args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("--log-net-log={}", net.display()),
            &url,
        ]),
        "chromium --print-to-pdf",
    );
    assert!(pdf.is_file(), "chromium wrote no PDF");
    let _ = std::fs::remove_dir_all(profile);
}

/// The URLs the page itself requested, from Chromium's net log: the requests made for the
/// `file://` page (its network isolation key). The browser's own background requests (update
/// checks …) are keyed otherwise and are not the report's doing.
fn page_requests(net: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(net).expect("chromium wrote its net log");
    let log: serde_json::Value = serde_json::from_str(&text).expect("the net log is JSON");
    let events = log["events"].as_array().expect("net log events");
    events
        .iter()
        .filter_map(|e| {
            let p = &e["params"];
            let url = p["url"].as_str()?;
            let key = p["network_isolation_key"].as_str().unwrap_or("");
            key.starts_with("file://").then(|| url.to_string())
        })
        .collect()
}

#[test]
fn the_shipped_report_prints_on_a4_offline_with_vietnamese_text() {
    let dir = tempdir("report");
    let html = dir.join("bao-cao.html");
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .args([
            "report",
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
        ])
        .args(["--lang", "vi", "-o"])
        .arg(&html)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1732838400")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The detector works: a control page that fetches is caught.
    let control = dir.join("control.html");
    std::fs::write(
        &control,
        "<!DOCTYPE html><p>x</p><img src=\"http://127.0.0.1:9/probe.png\">",
    )
    .unwrap();
    print_to_pdf(
        &control,
        &dir.join("control.pdf"),
        &dir.join("control-net.json"),
    );
    let caught = page_requests(&dir.join("control-net.json"));
    assert!(
        caught.iter().any(|u| u == "http://127.0.0.1:9/probe.png"),
        "the net log check does not see a page's requests: {caught:?}"
    );

    let pdf = dir.join("bao-cao.pdf");
    let net = dir.join("net.json");
    print_to_pdf(&html, &pdf, &net);
    let fetched: Vec<String> = page_requests(&net)
        .into_iter()
        .filter(|u| !u.starts_with("file:") && !u.starts_with("data:"))
        .collect();
    assert!(fetched.is_empty(), "the report requested {fetched:?}");

    let pdfinfo = tool(&["pdfinfo"], "pdfinfo (poppler-utils)");
    let info = run(Command::new(pdfinfo).arg(&pdf), "pdfinfo");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"));
    assert!((2..=40).contains(&pages), "{pages} pages");
    assert!(info.contains("(A4)"), "A4 pages: {info}");

    let pdftotext = tool(&["pdftotext"], "pdftotext (poppler-utils)");
    let text: String = run(Command::new(&pdftotext).arg(&pdf).arg("-"), "pdftotext")
        .nfc()
        .collect();
    // Words, whatever the line breaks of the layout.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Chuyển hóa",
        "Quảng Bình",
        "BÁO CÁO THẨM ĐỊNH",
        "SỐ LIỆU MINH HỌA",
        "thiếu 5 điểm phần trăm",
        // The signers' roles are printed in capitals.
        "NGƯỜI LẬP BÁO CÁO",
        "CHỦ TỊCH HỘI ĐỒNG",
    ] {
        assert!(text.contains(want), "the PDF text lacks {want:?}");
    }
    // The running header (the ruleset's source) and the page number on page 2.
    let page2: String = run(
        Command::new(&pdftotext)
            .args(["-f", "2", "-l", "2"])
            .arg(&pdf)
            .arg("-"),
        "pdftotext",
    )
    .nfc()
    .collect();
    assert!(
        page2.contains("Kế hoạch 13/KH-BCĐ"),
        "no running header: {page2}"
    );
    assert!(
        page2.contains(&format!("Trang 2/{pages}")),
        "no page number: {page2}"
    );

    let pdffonts = tool(&["pdffonts"], "pdffonts (poppler-utils)");
    let fonts = run(Command::new(pdffonts).arg(&pdf), "pdffonts");
    let embedded = fonts.lines().skip(2).any(|l| {
        let cols: Vec<&str> = l.split_whitespace().collect();
        cols.len() >= 6 && cols[cols.len() - 5] == "yes"
    });
    assert!(embedded, "no embedded font:\n{fonts}");

    let pdftoppm = tool(&["pdftoppm"], "pdftoppm (poppler-utils)");
    let shot = root().join("docs/report-page1");
    run(
        Command::new(pdftoppm)
            .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&pdf)
            .arg(&shot),
        "pdftoppm",
    );
    let png = std::fs::read(root().join("docs/report-page1.png")).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "page 1 picture"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
#[should_panic(expected = "is not installed")]
fn a_missing_tool_fails_and_says_how_to_install_it() {
    tool(&["/nonexistent/chromium"], "Chromium (headless browser)");
}
