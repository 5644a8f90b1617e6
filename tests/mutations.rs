//! A small deterministic fuzz: mutated rules files and data never make the library panic; every
//! input path gives results or diagnostics. The default run tries a few hundred mutants; the long
//! runs are ignored by default: `cargo test --test mutations -- --ignored` (about a minute in
//! debug). The coverage-guided fuzzers in `fuzz/` go further (`fuzz/run.sh 600`).

use std::path::Path;
use tieuchi::DataFormat;

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const PIECES: [&str; 16] = [
    "(", ")", "{", "}", "\"", "//", "@", ".", "??", "not ", "%", "-", "0", "\n", "é", "\u{0}",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.next(4) {
        let at = rng.next(chars.len() + 1).min(chars.len());
        match rng.next(3) {
            0 if at < chars.len() => {
                let len = (1 + rng.next(8)).min(chars.len() - at);
                chars.drain(at..at + len);
            }
            1 => {
                let piece = PIECES[rng.next(PIECES.len())];
                chars.splice(at..at, piece.chars());
            }
            _ => {
                let from = rng.next(chars.len());
                let len = (1 + rng.next(30)).min(chars.len() - from);
                let copy: Vec<char> = chars[from..from + len].to_vec();
                chars.splice(at..at, copy);
            }
        }
    }
    chars.into_iter().collect()
}

fn read(p: &str) -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p))
        .unwrap_or_else(|e| panic!("{p}: {e}"));
    assert!(text.len() > 100, "{p} is too short to mutate");
    text
}

#[test]
fn mutated_rules_never_panic() {
    mutate_rules(
        "tests/spec/basic/basic.tc",
        "tests/spec/basic/basic.json",
        200,
    );
}

#[test]
fn mutated_shipped_rules_never_panic() {
    mutate_rules("rules/quang-binh-2024.tc", "data/quang-binh-2024.json", 30);
}

/// The long run: `cargo test --test mutations -- --ignored`.
#[test]
#[ignore = "long: run with `cargo test --test mutations -- --ignored`"]
fn mutated_rules_never_panic_long() {
    mutate_rules(
        "tests/spec/basic/basic.tc",
        "tests/spec/basic/basic.json",
        1200,
    );
    mutate_rules("rules/quang-binh-2024.tc", "data/quang-binh-2024.json", 300);
}

fn mutate_rules(rules: &str, data: &str, rounds: usize) {
    let (rules, data) = (read(rules), read(data));
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut checked_ok = 0;
    for _ in 0..rounds {
        let text = mutate(&rules, &mut rng);
        let checked = tieuchi::check_text("m.tc", &text);
        assert!(
            checked.rules.is_some() || checked.has_errors(),
            "no rules and no error:\n{text}"
        );
        let _ = tieuchi::fmt::format_source(&text);
        if let Ok(outcome) = tieuchi::assess_text(&text, &data, DataFormat::Json, &[]) {
            checked_ok += 1;
            let _ = outcome.to_json(true);
            let _ = tieuchi::testing::run_tests(&outcome.program().rules);
        }
    }
    assert!(
        checked_ok > rounds / 30,
        "too few mutants checked: {checked_ok}"
    );
}

#[test]
fn mutated_data_never_panics() {
    mutate_data(60);
}

/// The long run: `cargo test --test mutations -- --ignored`.
#[test]
#[ignore = "long: run with `cargo test --test mutations -- --ignored`"]
fn mutated_data_never_panics_long() {
    mutate_data(400);
}

fn mutate_data(rounds: usize) {
    let rules = read("tests/spec/basic/basic.tc");
    let mut rng = Rng(0x0fed_cba9_8765_4321);
    for (file, format) in [
        ("basic.json", DataFormat::Json),
        ("basic.csv", DataFormat::Csv),
        ("basic.ron", DataFormat::Ron),
    ] {
        let data = read(&format!("tests/spec/basic/{file}"));
        for _ in 0..rounds {
            let text = mutate(&data, &mut rng);
            match tieuchi::assess_text(&rules, &text, format, &[]) {
                Ok(outcome) => {
                    let _ = outcome.to_json(true);
                }
                Err(d) => panic!("the rules are fine, only data changed: {d:?}"),
            }
        }
    }
}
