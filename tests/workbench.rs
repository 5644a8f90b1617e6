//! The web workbench in a real browser: `tieuchi serve` on 127.0.0.1:0, headless Debian
//! Chromium driven through the DevTools protocol (a small client over a websocket). It opens
//! the workbench, uploads the shipped data, checks the verdict table and the targets, opens an
//! explanation, runs the sweep chart, compares two rulesets, types a mistake into the rules
//! editor and sees its diagnostic, switches to English; and keeps a screenshot as
//! `docs/workbench.png` for the README.
//!
//! Needs `chromium` (Debian: `apt-get install chromium`; `.ci/run` installs it). Without it the
//! test fails and says so: it never passes without having looked.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "serve_support/mod.rs"]
mod serve_support;

use serde_json::{json, Value};
use serve_support::Server;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

const BIN: &str = env!("CARGO_BIN_EXE_tieuchi");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> String {
    for c in ["/usr/bin/chromium", "chromium", "chromium-browser"] {
        let ok = Command::new(c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return c.to_string();
        }
    }
    panic!(
        "Chromium is not installed: install it (Debian: apt-get install chromium; .ci/run does)"
    );
}

/// A headless Chromium and one page of it, spoken to over the DevTools protocol.
struct Browser {
    child: Child,
    ws: WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    session: String,
    next: u64,
    _profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self._profile);
    }
}

impl Browser {
    fn launch() -> Browser {
        let bin = chromium();
        let profile =
            std::env::temp_dir().join(format!("tieuchi-workbench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).unwrap();
        let mut child = Command::new(bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = tx.send(line[at..].trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("Chromium did not open its DevTools port within 60 s");
        let (ws, _) = tungstenite::connect(url.as_str()).expect("connect to DevTools");
        if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        }
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next: 0,
            _profile: profile,
        };
        let target = b.send("Target.createTarget", json!({ "url": "about:blank" }));
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached = b.send(
            "Target.attachToTarget",
            json!({ "targetId": id, "flatten": true }),
        );
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        b.send(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        );
        b
    }

    /// Sends a command (to the page once attached) and waits for its result.
    fn send(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        self.ws.send(Message::text(msg.to_string())).unwrap();
        loop {
            let m = self.ws.read().expect("DevTools answer");
            let Message::Text(text) = m else { continue };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"] == id {
                assert!(v["error"].is_null(), "{method}: {}", v["error"]);
                return v["result"].clone();
            }
        }
    }

    /// Evaluates an expression in the page (promises awaited) and returns its value.
    fn eval(&mut self, expr: &str) -> Value {
        let r = self.send(
            "Runtime.evaluate",
            json!({ "expression": expr, "awaitPromise": true, "returnByValue": true }),
        );
        assert!(
            r["exceptionDetails"].is_null(),
            "{expr}: {}",
            r["exceptionDetails"]
        );
        r["result"]["value"].clone()
    }

    /// Waits until `expr` is true, or fails naming `what` and what the page shows.
    fn wait(&mut self, what: &str, expr: &str) {
        let start = Instant::now();
        loop {
            if self.eval(&format!("!!({expr})")) == json!(true) {
                return;
            }
            if start.elapsed() > Duration::from_secs(30) {
                let status = self.eval("document.getElementById('status')?.textContent");
                panic!("{what}: not seen within 30 s (status: {status})");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&mut self, selector: &str) {
        let expr = format!("document.querySelector({}).click()", json!(selector));
        self.eval(&expr);
    }

    fn text(&mut self, selector: &str) -> String {
        let expr = format!(
            "document.querySelector({})?.textContent ?? ''",
            json!(selector)
        );
        self.eval(&expr).as_str().unwrap_or("").to_string()
    }

    fn screenshot(&mut self, path: &Path) {
        let m = self.send("Page.getLayoutMetrics", json!({}));
        let height = m["cssContentSize"]["height"]
            .as_f64()
            .unwrap_or(900.0)
            .min(4200.0);
        let clip = json!({ "x": 0, "y": 0, "width": 1280, "height": height, "scale": 1 });
        let r = self.send(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true, "clip": clip }),
        );
        let png = base64(r["data"].as_str().unwrap());
        assert_eq!(&png[1..4], b"PNG");
        std::fs::write(path, png).unwrap();
    }
}

/// Decodes standard base64 (the screenshot).
fn base64(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = s.bytes().filter(|c| *c != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= u32::from(val(*c)) << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

#[test]
fn the_workbench_assesses_explains_sweeps_compares_and_checks_in_a_browser() {
    let server = Server::start(BIN, &root().join("rules"));
    let mut b = Browser::launch();
    b.send("Page.enable", json!({}));
    b.send("Page.navigate", json!({ "url": server.url("/") }));
    b.wait(
        "the page and the rulesets",
        "document.body?.dataset.ready === 'true'",
    );
    assert_eq!(b.eval("document.documentElement.lang"), "vi");
    assert_eq!(b.text("[data-t=assess]"), "Đánh giá");
    b.eval("document.getElementById('ruleset').value = 'quang_binh_2024'");
    b.eval("document.getElementById('ruleset').dispatchEvent(new Event('change'))");

    // Upload the shipped data through the file input, then assess.
    let doc = b.send("DOM.getDocument", json!({}));
    let input = b.send(
        "DOM.querySelector",
        json!({ "nodeId": doc["root"]["nodeId"], "selector": "#data-file" }),
    );
    let data = root().join("data/quang-binh-2024.json");
    b.send(
        "DOM.setFileInputFiles",
        json!({ "nodeId": input["nodeId"], "files": [data.display().to_string()] }),
    );
    b.click("#run-assess");
    b.wait(
        "the verdict table",
        "document.querySelectorAll('#verdicts tbody tr').length === 16",
    );
    let cell = |b: &mut Browser, area: &str, i: usize| {
        let expr = format!(
            "document.querySelector('#verdicts tr[data-area=\"{area}\"]').querySelectorAll('td.verdict')[{i}].dataset.verdict"
        );
        b.eval(&expr)
    };
    assert_eq!(cell(&mut b, "vinh-ninh", 0), "dat");
    assert_eq!(cell(&mut b, "quang-minh", 0), "chua_dat");
    assert_eq!(cell(&mut b, "bac-ly", 0), "unknown");
    assert_eq!(cell(&mut b, "hung-trach", 1), "tai_phuc_tap");
    let bac_ly = b.text("#verdicts tr[data-area=\"bac-ly\"] td.verdict");
    assert!(bac_ly.contains("chưa kết luận được"), "{bac_ly}");
    let targets = b.text("#targets");
    assert!(
        targets.contains("T60") && targets.contains("đạt"),
        "{targets}"
    );
    assert_eq!(b.eval("document.querySelectorAll('#targets li').length"), 2);

    // An explanation over the rules' lines, with the values read.
    b.click("#verdicts tr[data-area=\"vinh-ninh\"] .explain-btn");
    b.wait(
        "the explanation",
        "document.getElementById('explanation').textContent.includes('C2')",
    );
    let x = b.text("#explanation");
    assert!(x.contains("vinh-ninh") && x.contains("91,67%"), "{x}");

    // The sweep of the first param as a chart: one line per verdict, one point per value.
    assert_eq!(
        b.eval("document.getElementById('sweep-param').value"),
        "nguong_kham_pha"
    );
    assert_eq!(b.eval("document.getElementById('sweep-from').value"), "60%");
    b.click("#run-sweep");
    b.wait(
        "the sweep chart",
        "document.querySelector('#sweep-chart svg polyline')",
    );
    let lines = b.eval("[...document.querySelectorAll('#sweep-chart polyline')].map(p => [p.dataset.verdict, p.getAttribute('points').trim().split(' ').length])");
    let lines = lines.as_array().unwrap().clone();
    assert!(lines.contains(&json!(["dat", 8])), "{lines:?}");
    assert!(lines.contains(&json!(["chua_dat", 8])), "{lines:?}");
    assert_eq!(
        b.eval("document.querySelectorAll('.sweep-targets tr').length"),
        3
    );

    // Compare with the 2025 draft.
    b.eval("document.getElementById('diff-against').value = 'quang_binh_2025_du_thao'");
    b.click("#run-diff");
    b.wait("the comparison", "document.querySelector('#diff-table')");
    assert!(
        b.eval("document.querySelectorAll('#diff-table tr').length")
            .as_u64()
            .unwrap()
            > 1
    );

    // The editor: a copy of the rules, a mistake typed, its diagnostic shown.
    b.click("#load-copy");
    b.wait(
        "the copy checks",
        "document.getElementById('check-state').textContent.includes('Hợp lệ')",
    );
    b.eval("(() => { const e = document.getElementById('editor'); e.value = e.value.replace('= 80%', '= 80 phần trăm'); e.dispatchEvent(new Event('input')); })()");
    b.wait(
        "the diagnostic",
        "document.querySelectorAll('#diagnostics li.error').length > 0",
    );
    let d = b.text("#diagnostics li.error");
    assert!(d.contains("tieuchi::"), "{d}");
    b.screenshot(&root().join("docs/workbench.png"));

    // English.
    b.click("#lang-en");
    b.wait("English", "document.documentElement.lang === 'en'");
    assert_eq!(b.text("[data-t=assess]"), "Assess");
    let bac_ly = b.text("#verdicts tr[data-area=\"bac-ly\"] td.verdict");
    assert!(bac_ly.contains("undecided"), "{bac_ly}");
    b.wait(
        "the explanation in English",
        "document.getElementById('explanation').textContent.includes('91.67%')",
    );
}
