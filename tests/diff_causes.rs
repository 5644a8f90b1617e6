//! `diff` attributes causes from a dependency map, evaluating only the areas an edit can
//! touch: the causes must be exactly those found by applying each edit alone and assessing
//! every area again (the way it was done before), on rules where edits reach verdicts through
//! lets, `when`, other assessments' verdicts and criteria, and through how the data is read.

use std::path::PathBuf;
use tieuchi::diff::{edits::apply, VerdictId};

const OLD: &str = r#"ruleset t "T"
period p1 "P1" from 2024-01-01 to 2024-12-31
period p2 "P2" from 2025-01-01 to 2025-12-31
input x0 "X0": count per period
input x1 "X1": count per period
input x2 "X2": count per period
input x3 "X3": count per period
input x4 "X4": count per period
input x5 "X5": count per period
param k0 "K0" = 50%
param k1 "K1" = 3
param k2 "K2" = 10
param k3 "K3" = 2
param k4 "K4" = 7
let r0 = ratio(x0@p2, x1@p2)
let r1 = r0 ?? 0%
assessment a "A" when x5@p2 >= k3 {
  criterion C1 "c1" required { r1 >= k0 }
  criterion C2 "c2" points 10 { x2@p2 >= k1 }
  outcome dat "Đạt" when all_required and points >= 10
  outcome khong "Không" otherwise
}
assessment b "B" {
  criterion D1 "d1" required { a == dat }
  criterion D2 "d2" points 5 { x3@p2 + x4@p1 >= k2 }
  outcome dat "Đạt" when all_required and points >= 5
  outcome khong "Không" otherwise
}
assessment c "C" {
  criterion E1 "e1" required { a.C2 or x4@p2 > 3 }
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
assessment d "D" {
  criterion F1 "f1" required { x0@p1 >= k4 }
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
target T1 "t" { count(b == dat) >= 1 }
"#;

/// Every kind of edit: params read through a let, in a `when`, by another assessment's
/// criterion, unread; a let; a criterion's condition; a new criterion; an outcome; a target;
/// a label only; a period.
fn new_rules() -> String {
    OLD.replace("= 50%", "= 40%")
        .replace("param k1 \"K1\" = 3", "param k1 \"K1\" = 2")
        .replace("param k2 \"K2\" = 10", "param k2 \"K2\" = 8")
        .replace("param k3 \"K3\" = 2", "param k3 \"K3\" = 1")
        .replace("r0 ?? 0%", "r0 ?? 60%")
        .replace("x3@p2 + x4@p1 >= k2", "x3@p2 + x4@p1 > k2")
        .replace(
            "  outcome dat \"Đạt\" when all_required and points >= 5",
            "  criterion D3 \"d3\" points 5 { x1@p1 >= 4 }\n  outcome dat \"Đạt\" when all_required and points >= 5",
        )
        .replace("x4@p2 > 3", "x4@p2 > 2")
        .replace("count(b == dat) >= 1", "count(b == dat) >= 2")
        .replace("input x5 \"X5\"", "input x5 \"X năm\"")
        .replace("to 2024-12-31", "to 2024-12-30")
        .replace("param k4 \"K4\" = 7", "param k4 \"K4\" = 7\nparam k5 \"K5\" = 1")
}

/// 400 areas, about one value in eight missing.
fn data() -> String {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut s = String::from("id,name");
    for i in 0..6 {
        s.push_str(&format!(",x{i}@p1,x{i}@p2"));
    }
    s.push('\n');
    for a in 0..400 {
        s.push_str(&format!("xa-{a},Xã {a}"));
        for _ in 0..12 {
            match next(8) {
                0 => s.push(','),
                _ => s.push_str(&format!(",{}", next(12))),
            }
        }
        s.push('\n');
    }
    s
}

fn temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-diff-causes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let p = dir.join(name);
    std::fs::write(&p, text).ok();
    p
}

#[test]
fn causes_are_those_of_applying_each_edit_alone_to_every_area() {
    let new = new_rules();
    let csv = data();
    let (old_path, new_path, data_path) = (
        temp("old.tc", OLD),
        temp("new.tc", &new),
        temp("data.csv", &csv),
    );
    let d = tieuchi::diff::diff_files(
        &old_path,
        &new_path,
        &data_path,
        &csv,
        tieuchi::DataFormat::Csv,
        &Default::default(),
    )
    .unwrap_or_else(|e| panic!("{:?}", e.first()));
    assert!(d.edits.len() >= 12, "{:#?}", d.edits);

    // The oracle: each edit alone, every area assessed again.
    let mut expected: Vec<Vec<Vec<usize>>> = d
        .areas
        .iter()
        .map(|a| vec![vec![]; a.assessments.len()])
        .collect();
    for (ei, e) in d.edits.iter().enumerate() {
        let Some(patch) = &e.patch else {
            assert!(!d.applicable[ei]);
            continue;
        };
        let checked = tieuchi::check_text("old.tc", &apply(OLD, patch));
        let errors = checked.has_errors();
        let Some(rules) = checked.rules.filter(|_| !errors) else {
            assert!(!d.applicable[ei], "{e:?}");
            continue;
        };
        assert!(d.applicable[ei], "{e:?}");
        let data =
            tieuchi::data::load_text(&rules, "data.csv", csv.clone(), tieuchi::DataFormat::Csv);
        let prog = tieuchi::compile(&rules, &[]);
        let assessed = tieuchi::assess(&prog, &data.areas);
        for (x, area) in d.areas.iter().enumerate() {
            let i = data
                .areas
                .iter()
                .position(|a| a.id == area.id)
                .unwrap_or_else(|| panic!("{}", area.id));
            for (y, change) in area.assessments.iter().enumerate() {
                let Some(ai) = prog.rules.assessment_index(&change.id) else {
                    continue;
                };
                let v = VerdictId::of(&prog, ai, assessed.areas[i].assessments[ai].verdict);
                if change.verdict_changed() && v == change.new {
                    expected[x][y].push(ei);
                }
            }
        }
    }
    let actual: Vec<Vec<Vec<usize>>> = d
        .areas
        .iter()
        .map(|a| a.assessments.iter().map(|c| c.causes.clone()).collect())
        .collect();
    assert_eq!(actual, expected);

    // Not a vacuous comparison: many verdicts changed, several edits are causes, in several
    // assessments, and some changed verdict has two causes.
    let causes: Vec<usize> = actual.iter().flatten().flatten().copied().collect();
    let mut distinct = causes.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(causes.len() > 50, "{} causes", causes.len());
    assert!(distinct.len() >= 5, "{distinct:?}");
    let changed: std::collections::HashSet<&str> = d
        .areas
        .iter()
        .flat_map(|a| &a.assessments)
        .filter(|c| !c.causes.is_empty())
        .map(|c| c.id.as_str())
        .collect();
    assert!(changed.len() >= 3, "{changed:?}");
    assert!(actual.iter().flatten().any(|c| c.len() >= 2));
}
