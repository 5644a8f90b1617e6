//! `tieuchi lsp`: the time from a `didChange` of a 1,000-line rules file to the
//! `publishDiagnostics` that answers it (full sync, the whole file checked again), median and
//! 90th percentile over 50 edits. Run with `cargo bench --bench lsp_latency`.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

#[path = "../tests/lsp/client.rs"]
mod client;

use std::fmt::Write;
use std::time::{Duration, Instant};

/// About 1,000 lines: periods, inputs, params, lets, assessments with criteria and outcomes.
fn rules(threshold: u32) -> String {
    let mut s = String::from("ruleset bench \"Bench\"\n");
    s.push_str("period ky_nay \"Kỳ này\" from 2024-01-01 to 2024-12-31\n");
    s.push_str("period ky_truoc \"Kỳ trước\" from 2023-01-01 to 2023-12-31\n");
    for i in 0..200 {
        let _ = writeln!(s, "input so_{i} \"Số liệu {i}\": count per period");
    }
    for i in 0..100 {
        let _ = writeln!(s, "param nguong_{i} \"Ngưỡng {i}\" = {}%", 50 + i % 40);
    }
    for i in 0..100 {
        let (a, b) = (2 * i, 2 * i + 1);
        let _ = writeln!(
            s,
            "let ty_le_{i} \"Tỷ lệ {i}\" = ratio(so_{a}@ky_nay, so_{b}@ky_nay)"
        );
    }
    for a in 0..36 {
        let _ = writeln!(s, "\nassessment danh_gia_{a} \"Đánh giá {a}\" {{");
        for c in 0..12 {
            let l = (a * 12 + c) % 100;
            let _ = writeln!(
                s,
                "  criterion C{c} \"Tiêu chí {c}\" required {{ ty_le_{l} >= nguong_{l} or so_{l}@ky_truoc > {threshold} }}"
            );
        }
        s.push_str("  outcome dat \"Đạt\" when all_required\n");
        s.push_str("  outcome chua_dat \"Chưa đạt\" otherwise\n}\n");
    }
    s
}

fn main() {
    let dir = client::temp_dir("bench");
    let uri = client::uri(&dir.join("bench.tc"));
    let (mut c, _) = client::Client::start();
    let text = rules(0);
    let lines = text.lines().count();
    c.open(&uri, &text);
    let first = c.diagnostics(&uri);
    assert!(first.is_empty(), "the bench file checks cleanly: {first:?}");
    let mut times: Vec<Duration> = Vec::new();
    for i in 1..=50 {
        let text = rules(i);
        let start = Instant::now();
        c.change(&uri, i64::from(i) + 1, &text);
        let _ = c.diagnostics(&uri);
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "lsp didChange → publishDiagnostics, {lines} lines, {} edits: median {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(times[times.len() - 1]),
    );
    assert_eq!(c.shutdown(), Some(0));
    let _ = std::fs::remove_dir_all(dir);
}
