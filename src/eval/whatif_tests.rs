//! Tests of `whatif`. The what-if search inside an explanation shares the explanation's
//! recorded values and one scratch copy of the area: it must give exactly what a search of its
//! own gives (`would_pass_shared` with nothing recorded and a scratch copy of its own, which
//! evaluates everything afresh), criterion by criterion.

use crate::eval::explain::explain_area;
use crate::eval::CriterionResult;

const RULES: &str = r#"ruleset w "W"
period p1 "P1" from 2024-01-01 to 2024-12-31
period p2 "P2" from 2025-01-01 to 2025-12-31
input x0 "X0": count per period
input x1 "X1": count per period
input x2 "X2": count per period
input x3 "X3": count per period
input q "Q": percent
param nguong "Ngưỡng" = 60%
param giam "Giảm" = -10%
let r0 = ratio(x0@p2, x1@p2)
let r1 = r0 ?? 0%
assessment a "A" {
  criterion C1 "c1" required { r0 >= nguong }
  criterion C2 "c2" points 5 { change(x2@p2, x2@p1) <= giam }
  criterion C3 "c3" points 5 { x1@p2 + x3@p1 >= 2 * x0@p1 }
  criterion C4 "c4" points 5 { x0@p1 > 3 and x2@p2 + x3@p2 >= 12 }
  criterion C5 "c5" points 5 { x3@p2 < 2 or r1 >= 75% }
  criterion C6 "c6" points 5 { q >= 40% }
  criterion C7 "c7" points 5 when x0@p1 > 2 { x1@p1 - x2@p1 >= 3 }
  outcome dat "Đạt" when all_required and points >= 15
  outcome khong "Không" otherwise
}
assessment b "B" {
  criterion D1 "d1" required { a.C2 and x3@p2 >= 5 }
  criterion D2 "d2" points 1 { a == dat or x0@p2 >= 9 }
  outcome dat "Đạt" when all_required
  outcome khong "Không" otherwise
}
"#;

fn data() -> String {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut s = String::from("id,name");
    for i in 0..4 {
        s.push_str(&format!(",x{i}@p1,x{i}@p2"));
    }
    s.push_str(",q\n");
    for a in 0..300 {
        s.push_str(&format!("xa-{a},Xã {a}"));
        for _ in 0..8 {
            match next(10) {
                0 => s.push(','),
                _ => s.push_str(&format!(",{}", next(15))),
            }
        }
        match next(10) {
            0 => s.push_str(",\n"),
            _ => s.push_str(&format!(",{}%\n", next(100))),
        }
    }
    s
}

#[test]
fn the_shared_search_finds_what_a_search_of_its_own_finds() {
    let checked = crate::check::check_text("w.tc", RULES);
    let rules = checked
        .rules
        .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    let data = crate::data::load_text(&rules, "w.csv", data(), crate::data::DataFormat::Csv);
    assert!(
        data.diagnostics.is_empty(),
        "{:?}",
        data.diagnostics.first()
    );
    let prog = crate::eval::compile(&rules, &[]);
    let (mut failed, mut answers) = (0, 0);
    for area in &data.areas {
        let x = explain_area(&prog, area);
        for (ai, a) in x.assessments.iter().enumerate() {
            for (ci, c) in a.criteria.iter().enumerate() {
                let alone = super::would_pass_shared(&prog, area, ai, ci, &|_| None, &mut None);
                if c.result == CriterionResult::Fail {
                    failed += 1;
                    answers += alone.len();
                    assert_eq!(c.would_pass, alone, "{} {}", area.id, c.id);
                } else {
                    assert!(c.would_pass.is_empty());
                }
            }
        }
    }
    // Not vacuous: many failed criteria, many of them with answers.
    assert!(failed > 300, "{failed} failed");
    assert!(answers > 200, "{answers} answers");
}
