//! Explain and diff at scale (a bench binary that prints figures): `cargo bench --bench
//! scale_explain [-- SECTION…]`, sections `explain`, `whatif`, `diff`.
//!
//! - `explain`: `assess --explain` of 1,000 / 2,000 / 4,000 criteria × 10 areas (check,
//!   compile, assess, explanation with what-if, rendering over the rules file's lines);
//! - `whatif`: the explanation with what-if of 10,000 areas × 40 criteria against plain
//!   `assess` of the same areas (a ratio measured in one run);
//! - `diff`: `diff OLD NEW DATA` of 300 edits (params, criteria) × 10,000 areas.
//!
//! `SCALE_AREAS=N` changes the area count of `diff` (to compare with older builds on less).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

const INPUTS: usize = 20;

/// Periods, inputs (20 counts per period) and ten lets.
fn header() -> String {
    let mut s = String::from("ruleset lon \"Synthetic rules at scale\"\n");
    s.push_str("period p1 \"Kỳ 1\" from 2024-01-01 to 2024-12-31\n");
    s.push_str("period p2 \"Kỳ 2\" from 2025-01-01 to 2025-12-31\n");
    for i in 0..INPUTS {
        let _ = writeln!(s, "input x{i} \"Chỉ số {i}\": count per period");
    }
    s.push_str("param nguong \"Ngưỡng\" = 60%\nparam giam \"Mức giảm\" = -10%\n");
    for i in 0..10 {
        let _ = writeln!(s, "let r{i} = ratio(x{i}@p2, x{}@p2)", i + 10);
    }
    s
}

/// One criterion's condition, of four shapes.
fn condition(c: usize, threshold: &str) -> String {
    let i = c % 10;
    match c % 4 {
        0 => format!("r{i} >= {threshold}"),
        1 => format!("change(x{i}@p2, x{i}@p1) <= giam"),
        2 => format!(
            "at_least(2, x{i}@p2 > 5, x{}@p2 > 5, x{}@p1 < 20)",
            i + 5,
            i + 10
        ),
        _ => format!("x{}@p2 + x{}@p1 >= 2 * x{i}@p1", i + 1, i + 2),
    }
}

/// `criteria` criteria in assessments of 50, each criterion on two lines.
fn explain_rules(criteria: usize) -> String {
    let mut s = header();
    for a in 0..criteria.div_ceil(50) {
        let _ = writeln!(s, "assessment a{a} \"Đánh giá {a}\" {{");
        for c in 0..50.min(criteria - a * 50) {
            let _ = writeln!(
                s,
                "  criterion C{c} \"Tiêu chí {c}\" points 1 {{\n    {}\n  }}",
                condition(c, "nguong")
            );
        }
        s.push_str(
            "  outcome dat \"Đạt\" when points >= 25\n  outcome khong \"Không\" otherwise\n}\n",
        );
    }
    s
}

fn csv(areas: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::from("id,name");
    for i in 0..INPUTS {
        for p in ["p1", "p2"] {
            let _ = write!(s, ",x{i}@{p}");
        }
    }
    s.push('\n');
    for a in 0..areas {
        let _ = write!(s, "xa-{a},Xã {a}");
        for _ in 0..INPUTS * 2 {
            if rng.below(20) == 0 {
                s.push(',');
            } else {
                let _ = write!(s, ",{}", rng.below(30));
            }
        }
        s.push('\n');
    }
    s
}

fn wanted(section: &str) -> bool {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    words.is_empty() || words.iter().any(|w| section.contains(w.as_str()))
}

fn main() {
    if wanted("explain") {
        for n in [1000, 2000, 4000] {
            explain_section(n);
        }
    }
    if wanted("whatif") {
        whatif_section();
    }
    if wanted("diff") {
        let areas = std::env::var("SCALE_AREAS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10_000);
        diff_section(300, areas);
    }
}

/// What `assess --explain` does for 10 areas: check, compile, assess, explain, render.
fn explain_section(criteria: usize) {
    use tieuchi::i18n::Lang;
    let text = explain_rules(criteria);
    let data_text = csv(10, 7);
    let start = Instant::now();
    let checked = tieuchi::check_text("lon.tc", &text);
    let Some(rules) = checked.rules else {
        eprintln!("{:?}", checked.diagnostics.first());
        return;
    };
    let data = tieuchi::data::load_text(&rules, "lon.csv", data_text, tieuchi::DataFormat::Csv);
    let prog = tieuchi::compile(&rules, &[]);
    std::hint::black_box(tieuchi::assess(&prog, &data.areas));
    let mut bytes = 0;
    for a in &data.areas {
        let x = tieuchi::eval::explain::explain_area(&prog, a);
        bytes += tieuchi::report::explain::area(&prog, &a.name, &x, false, Lang::En).len();
    }
    let t = start.elapsed();
    println!(
        "explain {criteria} criteria ({} lines) × 10 areas: {:.3} s ({} KiB of text)",
        text.lines().count(),
        t.as_secs_f64(),
        bytes / 1024
    );
}

/// Runs `f` repeatedly for at least `min` and returns the best time of one run.
fn best_of(min: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut best = Duration::MAX;
    while start.elapsed() < min || best == Duration::MAX {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

/// Explanations with what-if of every area against plain evaluation, in one run.
fn whatif_section() {
    use tieuchi::eval::explain::{explain_with, Detail};
    let text = explain_rules(40);
    let Some(rules) = tieuchi::check_text("lon.tc", &text).rules else {
        return;
    };
    let data =
        tieuchi::data::load_text(&rules, "lon.csv", csv(10_000, 11), tieuchi::DataFormat::Csv);
    let prog = tieuchi::compile(&rules, &[]);
    let plain = best_of(Duration::from_secs(2), || {
        std::hint::black_box(tieuchi::assess(&prog, &data.areas));
    });
    let evals = (data.areas.len() * prog.criterion_count) as f64;
    println!(
        "assess 10,000 areas × 40 criteria: {:.0} ns per criterion",
        plain.as_secs_f64() * 1e9 / evals
    );
    for (detail, what) in [
        (Detail::Tree, "explanation without what-if"),
        (Detail::WhatIf, "explanation with what-if"),
    ] {
        let t = best_of(Duration::from_secs(2), || {
            for a in &data.areas {
                std::hint::black_box(explain_with(&prog, a, detail));
            }
        });
        println!(
            "  {what}: {:.0} ns per criterion, {:.1}× plain",
            t.as_secs_f64() * 1e9 / evals,
            t.as_secs_f64() / plain.as_secs_f64()
        );
    }
}

/// Rules with `edits`-many things to change: one param per criterion (thresholds), in
/// assessments of 20 criteria; `new` changes every other param's value and every other
/// criterion's comparison.
fn diff_rules(edits: usize, new: bool) -> String {
    let mut s = header();
    let criteria = edits;
    for c in 0..criteria {
        let value = if new && c % 2 == 0 { 55 + c % 10 } else { 60 };
        let _ = writeln!(s, "param t{c} \"Ngưỡng {c}\" = {value}%");
    }
    for a in 0..criteria.div_ceil(20) {
        let _ = writeln!(s, "assessment a{a} \"Đánh giá {a}\" {{");
        for c in a * 20..criteria.min(a * 20 + 20) {
            let cond = if c % 4 == 0 || c % 4 == 2 {
                let op = if new && c % 2 == 1 { ">" } else { ">=" };
                format!("r{} {op} t{c}", c % 10)
            } else {
                let cond = condition(c, "nguong");
                if new && c % 2 == 1 {
                    cond.replacen(">=", ">", 1).replacen("<=", "<", 1)
                } else {
                    cond
                }
            };
            let _ = writeln!(s, "  criterion C{c} \"Tiêu chí {c}\" points 1 {{ {cond} }}");
        }
        s.push_str(
            "  outcome dat \"Đạt\" when points >= 10\n  outcome khong \"Không\" otherwise\n}\n",
        );
    }
    s
}

fn diff_section(edits: usize, areas: usize) {
    let dir = std::env::temp_dir().join(format!("tieuchi-scale-diff-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let (old, new, data) = (dir.join("old.tc"), dir.join("new.tc"), dir.join("data.csv"));
    let data_text = csv(areas, 13);
    let written = std::fs::write(&old, diff_rules(edits, false))
        .and(std::fs::write(&new, diff_rules(edits, true)))
        .and(std::fs::write(&data, &data_text));
    if written.is_ok() {
        let start = Instant::now();
        let d = tieuchi::diff::diff_files(
            &old,
            &new,
            &data,
            &data_text,
            tieuchi::DataFormat::Csv,
            &Default::default(),
        );
        let t = start.elapsed();
        match d {
            Ok(d) => println!(
                "diff {} edits × {areas} areas: {:.2} s ({} areas changed, {} causes)",
                d.edits.len(),
                t.as_secs_f64(),
                d.areas.len(),
                d.areas
                    .iter()
                    .flat_map(|a| &a.assessments)
                    .map(|c| c.causes.len())
                    .sum::<usize>()
            ),
            Err(e) => eprintln!("diff failed: {:?}", e.first()),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
