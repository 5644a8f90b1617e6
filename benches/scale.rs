//! Scale benchmark (a bench binary that prints figures): `cargo bench --bench scale`.
//!
//! - the parallel threshold of the incremental assessor: one batch of N national areas on one
//!   thread and on every core;
//! - `tieuchi assess --format json` end to end (stdout to a file) on the 10,000-area,
//!   40-criterion national set, and on 100,000 and 1,000,000 areas of the shipped data's shape
//!   (`data/quang-binh-2024.csv` repeated under new ids): wall time and peak RSS of the child.
//!   Goals: ≤ 0.25 s, ≤ 1.5 s, ≤ 15 s, all ≤ 300 MiB.
//!
//! `SCALE=small` skips the 1,000,000-area run. `SCALE_WRITE=DIR` only writes the bench sets
//! (`national.tc`, `national.csv`, `shipped-100000.csv`) into DIR, for profiling the binary.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "national/mod.rs"]
mod national;
use national::{national_csv, national_rules};
/// The shipped CSV's rows repeated under new ids until `n` areas.
fn shipped_shape(n: usize) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/quang-binh-2024.csv")).ok()?;
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header = lines.next()?;
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut s = String::with_capacity(n * 120);
    s.push_str(header);
    s.push('\n');
    for k in 0..n {
        let row = rows.get(k % rows.len())?;
        let (id, rest) = row.split_once(',')?;
        let _ = writeln!(s, "{id}-{k},{rest}");
    }
    Some(s)
}

/// Runs the binary on `rules` and `data` with stdout to a file: (wall time, peak RSS in MiB).
#[cfg(unix)]
fn run(rules: &Path, data: &Path, out: &Path) -> Option<(Duration, f64)> {
    let file = std::fs::File::create(out).ok()?;
    let start = Instant::now();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .args(["assess", "--format", "json"])
        .arg(rules)
        .arg(data)
        .stdout(file)
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the locals above.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if pid <= 0 || status != 0 {
        eprintln!("the run failed: status {status}");
        return None;
    }
    Some((wall, usage.ru_maxrss as f64 / 1024.0))
}

fn end_to_end(label: &str, rules: &Path, csv: &str, goal: f64, dir: &Path) {
    let data = dir.join("data.csv");
    if std::fs::write(&data, csv).is_err() {
        return;
    }
    let out = dir.join("out.json");
    let mut best: Option<(Duration, f64)> = None;
    let tries = if csv.len() > 50_000_000 { 1 } else { 3 };
    for _ in 0..tries {
        if let Some((t, rss)) = run(rules, &data, &out) {
            best = Some(match best {
                Some((b, r)) => (b.min(t), r.max(rss)),
                None => (t, rss),
            });
        }
    }
    let size = std::fs::metadata(&out).map_or(0, |m| m.len());
    if let Some((t, rss)) = best {
        println!(
            "assess --format json, {label} ({:.1} MB CSV → {:.1} MB JSON): {:.3} s (goal ≤ {goal} s), peak RSS {rss:.0} MiB (goal ≤ 300 MiB)",
            csv.len() as f64 / 1e6,
            size as f64 / 1e6,
            t.as_secs_f64()
        );
    }
}

fn threshold() {
    let rules_text = national_rules();
    let Some(rules) = tieuchi::check_text("national.tc", &rules_text).rules else {
        return;
    };
    let data = tieuchi::data::load_text(&rules, "n.csv", national_csv(), tieuchi::DataFormat::Csv);
    let prog = tieuchi::compile(&rules, &[]);
    for n in [16, 64, 128, 256, 512, 1024, 4096] {
        let areas = &data.areas[..n];
        let time = |from: usize| {
            let mut best = Duration::MAX;
            let until = Instant::now() + Duration::from_millis(500);
            while Instant::now() < until {
                let t = Instant::now();
                let mut a = tieuchi::eval::Assessor::new(&prog).parallel_from(from);
                std::hint::black_box(a.batch(areas));
                std::hint::black_box(a.finish());
                best = best.min(t.elapsed());
            }
            best
        };
        let (one, all) = (time(usize::MAX), time(0));
        println!(
            "batch of {n:>4} areas: one thread {:>8.1} µs, every core {:>8.1} µs (×{:.2}){}",
            one.as_secs_f64() * 1e6,
            all.as_secs_f64() * 1e6,
            one.as_secs_f64() / all.as_secs_f64(),
            if n < tieuchi::eval::PARALLEL_FROM {
                "  (below PARALLEL_FROM: one thread)"
            } else {
                ""
            }
        );
    }
}

/// Writes the bench sets into `dir` (for profiling `tieuchi assess` by hand).
fn write_sets(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("national.tc"), national_rules())?;
    std::fs::write(dir.join("national.csv"), national_csv())?;
    if let Some(csv) = shipped_shape(100_000) {
        std::fs::write(dir.join("shipped-100000.csv"), csv)?;
    }
    Ok(())
}

fn main() {
    if let Some(dir) = std::env::var_os("SCALE_WRITE") {
        if let Err(e) = write_sets(Path::new(&dir)) {
            eprintln!("cannot write the bench sets: {e}");
        }
        return;
    }
    threshold();
    let dir = std::env::temp_dir().join(format!("tieuchi-scale-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let national = dir.join("national.tc");
    let _ = std::fs::write(&national, national_rules());
    end_to_end(
        "10,000 areas × 40 criteria",
        &national,
        &national_csv(),
        0.25,
        &dir,
    );
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/quang-binh-2024.tc");
    let small = std::env::var("SCALE").is_ok_and(|s| s == "small");
    for (n, goal) in [(100_000, 1.5), (1_000_000, 15.0)] {
        if small && n > 100_000 {
            continue;
        }
        if let Some(csv) = shipped_shape(n) {
            end_to_end(
                &format!("{n} shipped-shape areas"),
                &shipped,
                &csv,
                goal,
                &dir,
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
