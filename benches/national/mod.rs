//! The national-scale synthetic rules and data shared by the benches (`engine`, `scale`):
//! 10,000 areas, 60 inputs (20 over 3 periods), 40 criteria, 10% of values missing.

#![allow(dead_code)]

use std::fmt::Write as _;

pub const AREAS: usize = 10_000;
pub const INPUTS: usize = 20;
pub const PERIODS: [&str; 3] = ["p1", "p2", "p3"];

/// A small deterministic generator (xorshift), so every run measures the same data.
pub struct Rng(u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub fn national_rules() -> String {
    let mut s = String::from("ruleset quoc_gia \"Synthetic national-scale rules\"\n");
    for (i, p) in PERIODS.iter().enumerate() {
        let _ = writeln!(
            s,
            "period {p} \"Kỳ {i}\" from 202{}-01-01 to 202{}-12-31",
            i + 1,
            i + 1
        );
    }
    s.push_str("input nhom \"Nhóm\": choice(ttxh, ma_tuy)\n");
    for i in 0..INPUTS {
        let _ = writeln!(s, "input x{i} \"Chỉ số {i}\": count per period");
    }
    s.push_str("param nguong \"Ngưỡng\" = 60%\nparam giam \"Mức giảm\" = -10%\n");
    for i in 0..10 {
        let _ = writeln!(s, "let r{i} = ratio(x{i}@p3, x{}@p3)", i + 10);
    }
    s.push_str("assessment a \"Đánh giá\" {\n");
    for c in 0..40 {
        let i = c % 10;
        let cond = match c % 4 {
            0 => format!("r{i} >= nguong"),
            1 => format!("change(x{i}@p3, x{i}@p1) <= giam"),
            2 => format!(
                "at_least(2, x{i}@p3 > 5, x{}@p2 > 5, x{}@p1 < 20)",
                i + 5,
                i + 10
            ),
            _ => format!("x{}@p3 + x{}@p2 >= 2 * x{i}@p1", i + 1, i + 2),
        };
        let kind = if c < 10 {
            "required".to_string()
        } else {
            format!("points {}", 1 + c % 5)
        };
        let _ = writeln!(s, "  criterion C{c} \"Tiêu chí {c}\" {kind} {{ {cond} }}");
    }
    s.push_str("  outcome cao \"Cao\" when all_required and points >= 60\n  outcome vua \"Vừa\" when all_required and points >= 30\n  outcome thap \"Thấp\" otherwise\n}\n");
    s.push_str("target T1 \"60% cao\" { share(a == cao among nhom == ttxh) >= 60% }\ntarget T2 \"1 cao\" { count(a == cao) >= 1 }\n");
    s
}

pub fn national_csv() -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut s = String::from("id,name,district,nhom");
    for i in 0..INPUTS {
        for p in PERIODS {
            let _ = write!(s, ",x{i}@{p}");
        }
    }
    s.push('\n');
    for a in 0..AREAS {
        let _ = write!(
            s,
            "xa-{a},Xã {a},Huyện {},{}",
            a % 700,
            if a % 3 == 0 { "ma_tuy" } else { "ttxh" }
        );
        for _ in 0..INPUTS * PERIODS.len() {
            if rng.below(10) == 0 {
                s.push(',');
            } else {
                let _ = write!(s, ",{}", rng.below(30));
            }
        }
        s.push('\n');
    }
    s
}
