//! tieuchi against its peers, in one run (a bench binary that prints figures):
//! `cargo bench --bench peers`.
//!
//! Two workloads over 10,000 areas × 30 integer fields (issue 12):
//! - W1: one criterion per area, `ratio(poor_hh, hh) < 4% and change(revenue, revenue_prev) >= 5%
//!   and ratio(water_hh, hh) >= 90%`, no value missing;
//! - W2: 8 criteria per area (a threshold, two ratio-vs-percent, two change-vs-percent, a guarded
//!   ratio, an `and` and an `or` combination), 10% of the cells missing.
//!
//! Engines: tieuchi (`eval::assess` through the library, on loaded data), zen-expression and cel
//! (precompiled expressions, prebuilt contexts, guards for missing values), and a hand-written
//! three-valued function over `i64` with a presence bitmask (the physical limit). Each engine's
//! pass count is printed; the run fails (exit 1) if they differ.

// A bench whose setup fails (a peer's expression does not compile) has nothing to measure.
#![allow(clippy::expect_used)]

use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

const AREAS: usize = 10_000;
const FIELDS: [&str; 30] = [
    "hh",
    "poor_hh",
    "water_hh",
    "revenue",
    "revenue_prev",
    "police",
    "crimes",
    "solved",
    "budget",
    "budget_prev",
    "kids",
    "school_kids",
    "clinics",
    "workers",
    "employed",
    "income",
    "income_prev",
    "f17",
    "f18",
    "f19",
    "f20",
    "f21",
    "f22",
    "f23",
    "f24",
    "f25",
    "f26",
    "f27",
    "f28",
    "f29",
];

/// One criterion in each language: tieuchi, zen (guarded), cel (guarded, integers multiplied
/// out: cel has no exact decimals).
struct Criterion {
    tieuchi: &'static str,
    zen: &'static str,
    cel: &'static str,
}

const W1: [Criterion; 1] = [Criterion {
    tieuchi: "ratio(poor_hh, hh) < 4% and change(revenue, revenue_prev) >= 5% and ratio(water_hh, hh) >= 90%",
    zen: "hh > 0 and revenue_prev > 0 and poor_hh / hh < 0.04 and (revenue - revenue_prev) / revenue_prev >= 0.05 and water_hh / hh >= 0.9",
    cel: "hh > 0 && revenue_prev > 0 && poor_hh * 100 < 4 * hh && (revenue - revenue_prev) * 100 >= 5 * revenue_prev && water_hh * 10 >= 9 * hh",
}];

const W2: [Criterion; 8] = [
    Criterion {
        tieuchi: "police >= 5",
        zen: "police != null and police >= 5",
        cel: "police != null && police >= 5",
    },
    Criterion {
        tieuchi: "ratio(poor_hh, hh) < 4%",
        zen: "hh != null and poor_hh != null and hh > 0 and poor_hh / hh < 0.04",
        cel: "hh != null && poor_hh != null && hh > 0 && poor_hh * 100 < 4 * hh",
    },
    Criterion {
        tieuchi: "ratio(water_hh, hh) >= 90%",
        zen: "hh != null and water_hh != null and hh > 0 and water_hh / hh >= 0.9",
        cel: "hh != null && water_hh != null && hh > 0 && water_hh * 10 >= 9 * hh",
    },
    Criterion {
        tieuchi: "change(revenue, revenue_prev) >= 5%",
        zen: "revenue != null and revenue_prev != null and revenue_prev > 0 and (revenue - revenue_prev) / revenue_prev >= 0.05",
        cel: "revenue != null && revenue_prev != null && revenue_prev > 0 && (revenue - revenue_prev) * 100 >= 5 * revenue_prev",
    },
    Criterion {
        tieuchi: "change(budget, budget_prev) <= 10%",
        zen: "budget != null and budget_prev != null and budget_prev > 0 and (budget - budget_prev) / budget_prev <= 0.1",
        cel: "budget != null && budget_prev != null && budget_prev > 0 && (budget - budget_prev) * 10 <= budget_prev",
    },
    Criterion {
        tieuchi: "crimes == 0 or ratio(solved, crimes) >= 80%",
        zen: "crimes != null and (crimes == 0 or (solved != null and solved / crimes >= 0.8))",
        cel: "crimes != null && (crimes == 0 || (solved != null && solved * 10 >= 8 * crimes))",
    },
    Criterion {
        tieuchi: "ratio(school_kids, kids) >= 95% and clinics >= 1",
        zen: "kids != null and school_kids != null and clinics != null and kids > 0 and school_kids / kids >= 0.95 and clinics >= 1",
        cel: "kids != null && school_kids != null && clinics != null && kids > 0 && school_kids * 100 >= 95 * kids && clinics >= 1",
    },
    Criterion {
        tieuchi: "ratio(employed, workers) >= 70% or change(income, income_prev) >= 10%",
        zen: "(workers != null and employed != null and workers > 0 and employed / workers >= 0.7) or (income != null and income_prev != null and income_prev > 0 and (income - income_prev) / income_prev >= 0.1)",
        cel: "(workers != null && employed != null && workers > 0 && employed * 10 >= 7 * workers) || (income != null && income_prev != null && income_prev > 0 && (income - income_prev) * 10 >= income_prev)",
    },
];

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> i64 {
        (self.next() % n.max(1)) as i64
    }
    /// `base` scaled by a percent drawn from `lo..hi`.
    fn share(&mut self, base: i64, lo: i64, hi: i64) -> i64 {
        base * (lo + self.below((hi - lo) as u64)) / 100
    }
}

/// One area: a value per field, `None` where missing.
type Row = [Option<i64>; 30];

fn rows(missing: bool) -> Vec<Row> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    (0..AREAS)
        .map(|_| {
            let mut v = [0i64; 30];
            v[0] = 200 + rng.below(2000);
            v[1] = rng.share(v[0], 0, 9);
            v[2] = rng.share(v[0], 80, 101);
            v[4] = 1000 + rng.below(10_000);
            v[3] = rng.share(v[4], 90, 121);
            v[5] = rng.below(11);
            v[6] = if rng.below(3) == 0 { 0 } else { rng.below(20) };
            v[7] = rng.share(v[6], 50, 101);
            v[9] = 1000 + rng.below(10_000);
            v[8] = rng.share(v[9], 95, 121);
            v[10] = 100 + rng.below(1000);
            v[11] = rng.share(v[10], 88, 101);
            v[12] = rng.below(4);
            v[13] = 500 + rng.below(5000);
            v[14] = rng.share(v[13], 55, 86);
            v[16] = 1000 + rng.below(10_000);
            v[15] = rng.share(v[16], 95, 116);
            for x in &mut v[17..] {
                *x = rng.below(1000);
            }
            v.map(|x| (!missing || rng.below(10) != 0).then_some(x))
        })
        .collect()
}

fn rules_text(criteria: &[Criterion]) -> String {
    let mut s = String::from("ruleset peers \"Peers\"\n");
    for f in FIELDS {
        let _ = writeln!(s, "input {f} \"{f}\": count");
    }
    s.push_str("assessment a \"A\" {\n");
    for (i, c) in criteria.iter().enumerate() {
        let _ = writeln!(s, "  criterion C{i} \"C{i}\" required {{ {} }}", c.tieuchi);
    }
    s.push_str("  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\n");
    s
}

fn csv_text(rows: &[Row]) -> String {
    let mut s = String::from("id,name,district");
    for f in FIELDS {
        let _ = write!(s, ",{f}");
    }
    s.push('\n');
    for (i, r) in rows.iter().enumerate() {
        let _ = write!(s, "xa-{i},Xã {i},Huyện {}", i % 100);
        for v in r {
            match v {
                Some(v) => {
                    let _ = write!(s, ",{v}");
                }
                None => s.push(','),
            }
        }
        s.push('\n');
    }
    s
}

/// Runs `f` repeatedly for at least `min` and returns the best time of one run with its result.
fn best_of(min: Duration, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let start = Instant::now();
    let (mut best, mut out, mut runs) = (Duration::MAX, 0, 0);
    while runs < 3 || start.elapsed() < min {
        let t = Instant::now();
        out = std::hint::black_box(f());
        best = best.min(t.elapsed());
        runs += 1;
    }
    (best, out)
}

fn tieuchi_engine(criteria: &[Criterion], rows: &[Row]) -> impl FnMut() -> usize {
    let checked = tieuchi::check_text("peers.tc", &rules_text(criteria));
    let Some(rules) = checked.rules else {
        panic!("the bench rules do not check: {:?}", checked.diagnostics);
    };
    let data = tieuchi::data::load_text(
        &rules,
        "peers.csv",
        csv_text(rows),
        tieuchi::DataFormat::Csv,
    );
    assert!(data.diagnostics.is_empty(), "{:?}", data.diagnostics);
    let prog = tieuchi::compile(&rules, &[]);
    move || {
        let assessed = tieuchi::eval::assess(&prog, &data.areas);
        assessed
            .areas
            .iter()
            .map(|a| {
                a.criteria
                    .iter()
                    .filter(|r| **r == tieuchi::eval::CriterionResult::Pass)
                    .count()
            })
            .sum()
    }
}

fn zen_engine(criteria: &[Criterion], rows: &[Row]) -> impl FnMut() -> usize {
    let compiled: Vec<_> = criteria
        .iter()
        .map(|c| zen_expression::compile_expression(c.zen).expect("zen compiles"))
        .collect();
    let contexts: Vec<zen_expression::Variable> = rows
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            for (f, v) in FIELDS.iter().zip(r) {
                m.insert(f.to_string(), v.map_or(serde_json::Value::Null, Into::into));
            }
            serde_json::Value::Object(m).into()
        })
        .collect();
    let mut vm = zen_expression::vm::VM::new();
    move || {
        let mut passes = 0;
        for ctx in &contexts {
            for e in &compiled {
                let v = e.evaluate_with(ctx.clone(), &mut vm);
                passes += usize::from(matches!(v, Ok(v) if v.as_bool() == Some(true)));
            }
        }
        passes
    }
}

fn cel_engine(criteria: &[Criterion], rows: &[Row]) -> impl FnMut() -> usize {
    let env = Arc::new(cel::Env::stdlib());
    let programs: Vec<cel::Program> = criteria
        .iter()
        .map(|c| env.compile(c.cel).expect("cel compiles"))
        .collect();
    let contexts: Vec<cel::Context<'static, 'static>> = rows
        .iter()
        .map(|r| {
            let mut ctx = cel::Context::with_env(Arc::clone(&env));
            for (f, v) in FIELDS.iter().zip(r) {
                let v = v.map_or(cel::Value::Null, cel::Value::Int);
                ctx.add_variable_from_value(*f, v);
            }
            ctx
        })
        .collect();
    move || {
        let mut passes = 0;
        for ctx in &contexts {
            for p in &programs {
                let v = p.execute(ctx);
                passes += usize::from(matches!(v, Ok(cel::Value::Bool(true))));
            }
        }
        passes
    }
}

/// The physical limit: values as `i64` with a presence bitmask, each criterion a hand-written
/// three-valued function (`None` = unknown), ratios compared multiplied out.
mod hand {
    pub struct Area {
        pub v: [i64; 30],
        pub present: u32,
    }

    fn get(a: &Area, i: usize) -> Option<i64> {
        (a.present & (1 << i) != 0).then(|| a.v[i])
    }

    /// `l OP r` where `ge` chooses `>=` (else `<`, or `<=` when `or_equal`), turned round when
    /// the divisor `y` is negative.
    fn holds(l: i128, r: i128, y: i64, ge: bool, or_equal: bool) -> bool {
        let (l, r) = if y < 0 { (r, l) } else { (l, r) };
        match (ge, or_equal) {
            (true, _) => l >= r,
            (false, true) => l <= r,
            (false, false) => l < r,
        }
    }

    /// `ratio(x, y) OP num/den` as `x·den OP num·y`, unknown when y is zero or missing.
    fn ratio(a: &Area, x: usize, y: usize, num: i64, den: i64, ge: bool) -> Option<bool> {
        let (xv, yv) = (get(a, x)?, get(a, y)?);
        let (l, r) = (xv as i128 * den as i128, num as i128 * yv as i128);
        (yv != 0).then(|| holds(l, r, yv, ge, false))
    }

    /// `change(x, y) OP num/den` as `(x − y)·den OP num·y` (`>=` or `<=`).
    fn change(a: &Area, x: usize, y: usize, num: i64, den: i64, ge: bool) -> Option<bool> {
        let (xv, yv) = (get(a, x)?, get(a, y)?);
        let (l, r) = (
            (xv as i128 - yv as i128) * den as i128,
            num as i128 * yv as i128,
        );
        (yv != 0).then(|| holds(l, r, yv, ge, true))
    }

    fn and(l: Option<bool>, r: Option<bool>) -> Option<bool> {
        match (l, r) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        }
    }

    fn or(l: Option<bool>, r: Option<bool>) -> Option<bool> {
        match (l, r) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        }
    }

    pub fn w1(a: &Area) -> u32 {
        let c = and(
            and(ratio(a, 1, 0, 4, 100, false), change(a, 3, 4, 5, 100, true)),
            ratio(a, 2, 0, 9, 10, true),
        );
        u32::from(c == Some(true))
    }

    pub fn w2(a: &Area) -> u32 {
        let c = [
            get(a, 5).map(|p| p >= 5),
            ratio(a, 1, 0, 4, 100, false),
            ratio(a, 2, 0, 9, 10, true),
            change(a, 3, 4, 5, 100, true),
            change(a, 8, 9, 1, 10, false),
            or(get(a, 6).map(|c| c == 0), ratio(a, 7, 6, 8, 10, true)),
            and(ratio(a, 11, 10, 95, 100, true), get(a, 12).map(|c| c >= 1)),
            or(
                ratio(a, 14, 13, 7, 10, true),
                change(a, 15, 16, 1, 10, true),
            ),
        ];
        c.iter().map(|c| u32::from(*c == Some(true))).sum()
    }
}

fn hand_engine(w2: bool, rows: &[Row]) -> impl FnMut() -> usize {
    let areas: Vec<hand::Area> = rows
        .iter()
        .map(|r| {
            let mut a = hand::Area {
                v: [0; 30],
                present: 0,
            };
            for (i, v) in r.iter().enumerate() {
                if let Some(v) = v {
                    a.v[i] = *v;
                    a.present |= 1 << i;
                }
            }
            a
        })
        .collect();
    move || {
        let f = if w2 { hand::w2 } else { hand::w1 };
        areas
            .iter()
            .map(|a| f(std::hint::black_box(a)) as usize)
            .sum()
    }
}

fn workload(criteria: &[Criterion], missing: bool) -> Vec<(&'static str, f64, usize)> {
    let rows = rows(missing);
    let evals = (AREAS * criteria.len()) as f64;
    let min = Duration::from_secs(2);
    let mut out = Vec::new();
    let mut run = |engine: &'static str, f: &mut dyn FnMut() -> usize| {
        if !wanted(engine) {
            return;
        }
        let (t, passes) = best_of(min, f);
        out.push((engine, t.as_secs_f64() * 1e9 / evals, passes));
    };
    run("tieuchi", &mut tieuchi_engine(criteria, &rows));
    run("zen-expression", &mut zen_engine(criteria, &rows));
    run("cel", &mut cel_engine(criteria, &rows));
    run(
        "hand-written i64",
        &mut hand_engine(criteria.len() > 1, &rows),
    );
    out
}

/// `cargo bench --bench peers -- WORD` runs only the engines whose name contains WORD.
fn wanted(engine: &str) -> bool {
    let words: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    words.is_empty() || words.iter().any(|w| engine.contains(w.as_str()))
}

fn main() {
    let mut failed = false;
    println!("| workload | engine | ns per criterion | tieuchi is … faster | passes |");
    println!("|---|---|---:|---:|---:|");
    for (name, criteria, missing) in [
        ("W1 (1 criterion, 0% missing)", &W1[..], false),
        ("W2 (8 criteria, 10% missing)", &W2[..], true),
    ] {
        let results = workload(criteria, missing);
        let ours = results.first().map_or(1.0, |r| r.1);
        for (engine, ns, passes) in &results {
            println!(
                "| {name} | {engine} | {ns:.1} | {:.2}× | {passes} |",
                ns / ours
            );
        }
        if results
            .iter()
            .any(|r| Some(r.2) != results.first().map(|f| f.2))
        {
            eprintln!("{name}: the engines' pass counts differ");
            failed = true;
        }
    }
    if failed {
        std::process::exit(1);
    }
}
