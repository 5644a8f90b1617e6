//! Load test of `tieuchi serve` on loopback: concurrent clients post `assess` requests for a
//! bounded time and count; reports requests per second, latency percentiles and the server's
//! memory (VmRSS from /proc) at rest and under load. Any error fails the run.
//!
//! `cargo bench --bench serve_load` (release). Bounds: `TIEUCHI_LOAD_SECS` seconds per scenario
//! (default 10) and a request cap per scenario; only 127.0.0.1 is ever spoken to.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;

use serde_json::Value;
use serve_support::Server;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tieuchi");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped areas repeated under new ids, `n` of them.
fn generated(n: usize) -> Vec<u8> {
    let doc: Value =
        serde_json::from_slice(&std::fs::read(root().join("data/quang-binh-2024.json")).unwrap())
            .unwrap();
    let areas = doc["areas"].as_array().unwrap();
    let out: Vec<Value> = (0..n)
        .map(|i| {
            let mut a = areas[i % areas.len()].clone();
            a["id"] = Value::String(format!("area-{i}"));
            a
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "areas": out })).unwrap()
}

struct Outcome {
    latencies: Vec<Duration>,
    errors: u64,
    elapsed: Duration,
    peak_rss: u64,
}

/// `clients` threads post `body` to `url` until `time` has passed or `cap` requests were sent.
fn load(
    server: &Server,
    url: &str,
    body: &[u8],
    clients: usize,
    time: Duration,
    cap: u64,
) -> Outcome {
    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let body: Arc<[u8]> = Arc::from(body);
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (stop, sent, errors, latencies, body, url) = (
                stop.clone(),
                sent.clone(),
                errors.clone(),
                latencies.clone(),
                body.clone(),
                url.to_string(),
            );
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(120))
                    .build();
                let mut mine = Vec::new();
                while !stop.load(Ordering::Relaxed) && sent.fetch_add(1, Ordering::Relaxed) < cap {
                    let t = Instant::now();
                    let r = agent
                        .post(&url)
                        .set("Content-Type", "application/json")
                        .send_bytes(&body);
                    let ok = match r {
                        Ok(resp) => {
                            let mut sink = Vec::new();
                            std::io::Read::read_to_end(&mut resp.into_reader(), &mut sink).is_ok()
                                && sink.starts_with(b"{\"engine\"")
                        }
                        Err(_) => false,
                    };
                    mine.push(t.elapsed());
                    if !ok {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                latencies.lock().unwrap().extend(mine);
            })
        })
        .collect();
    let mut peak_rss = 0;
    while start.elapsed() < time && threads.iter().any(|t| !t.is_finished()) {
        peak_rss = peak_rss.max(server.rss_kib().unwrap_or(0));
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().unwrap();
    }
    let elapsed = start.elapsed();
    let latencies = std::mem::take(&mut *latencies.lock().unwrap());
    Outcome {
        latencies,
        errors: errors.load(Ordering::Relaxed),
        elapsed,
        peak_rss,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, clients: usize, o: &mut Outcome) {
    o.latencies.sort();
    let n = o.latencies.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: {clients} clients, {n} requests in {:.1} s = {:.1} req/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; errors {}; server RSS peak {:.1} MiB",
        o.elapsed.as_secs_f64(),
        n as f64 / o.elapsed.as_secs_f64(),
        ms(percentile(&o.latencies, 0.5)),
        ms(percentile(&o.latencies, 0.99)),
        ms(o.latencies.last().copied().unwrap_or_default()),
        o.errors,
        o.peak_rss as f64 / 1024.0
    );
    assert_eq!(o.errors, 0, "{name}: some requests failed");
    assert!(n > 0, "{name}: no request was answered");
}

fn main() {
    // `cargo test --benches` runs this too (with --test or nothing): keep that to a smoke run.
    let quick = !std::env::args().any(|a| a == "--bench");
    let secs: u64 = std::env::var("TIEUCHI_LOAD_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 1 } else { 10 });
    let time = Duration::from_secs(secs);
    let server = Server::start(BIN, &root().join("rules"));
    std::thread::sleep(Duration::from_millis(300));
    let mib = |k: Option<u64>| k.unwrap_or(0) as f64 / 1024.0;
    println!("server RSS at rest: {:.1} MiB", mib(server.rss_kib()));
    let url = server.url("/v1/rulesets/quang_binh_2024/assess");

    let shipped = std::fs::read(root().join("data/quang-binh-2024.json")).unwrap();
    let mut o = load(
        &server,
        &url,
        &shipped,
        8,
        time,
        if quick { 50 } else { 200_000 },
    );
    report("assess, shipped data (16 areas)", 8, &mut o);

    let big = generated(10_000);
    println!(
        "10,000 areas: a {:.1} MiB JSON body",
        big.len() as f64 / (1 << 20) as f64
    );
    let mut o = load(
        &server,
        &url,
        &big,
        4,
        time * 2,
        if quick { 2 } else { 2_000 },
    );
    report("assess, 10,000 areas", 4, &mut o);

    std::thread::sleep(Duration::from_secs(1));
    println!(
        "server RSS at rest after the load: {:.1} MiB",
        mib(server.rss_kib())
    );
}
