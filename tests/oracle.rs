//! An independent computation of `basic.tc` (tests/spec/basic) in plain integer arithmetic,
//! checked against the engine on random data with missing values: criteria, verdicts, possible
//! outcomes, points, and targets by brute force over every filling of the unknown verdicts.

use serde_json::{json, Value};
use std::collections::BTreeSet;

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    /// A count, or `None` (missing) one time in four.
    fn maybe(&mut self, max: u64) -> Option<u64> {
        (self.next(4) != 0).then(|| self.next(max + 1))
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum T {
    Yes,
    No,
    Unk,
}

fn and(a: T, b: T) -> T {
    match (a, b) {
        (T::No, _) | (_, T::No) => T::No,
        (T::Yes, T::Yes) => T::Yes,
        _ => T::Unk,
    }
}

struct Area {
    ma_tuy: Option<bool>,
    chon_moi: bool,
    truoc: Option<u64>,
    ca_nam: Option<u64>,
    kham_pha: Option<u64>,
    tu_diem: Option<u64>,
}

/// (criteria results, verdict, possible outcomes, decided points)
fn oracle(
    a: &Area,
) -> (
    [&'static str; 3],
    &'static str,
    BTreeSet<&'static str>,
    Option<u64>,
) {
    if !a.chon_moi {
        return (["na"; 3], "na", BTreeSet::new(), None);
    }
    // C1: ratio(kham_pha, ca_nam) ?? 100% >= 80%
    let c1 = match (a.kham_pha, a.ca_nam) {
        (Some(k), Some(p)) if p > 0 => 5 * k >= 4 * p,
        _ => true,
    };
    // C2: required when nhom == ma_tuy { tu_diem == 0 }
    let (c2_app, c2_cond) = match a.ma_tuy {
        Some(false) => (T::No, T::No),
        m => {
            let cond = match a.tu_diem {
                Some(0) => T::Yes,
                Some(_) => T::No,
                None => T::Unk,
            };
            (if m.is_some() { T::Yes } else { T::Unk }, cond)
        }
    };
    let c2 = match (c2_app, c2_cond) {
        (T::No, _) => "na",
        (T::Yes, T::Yes) => "pass",
        (T::Yes, T::No) => "fail",
        _ => "unknown",
    };
    // C3: change(ca_nam, truoc) <= -10%, points 40
    let c3 = match (a.ca_nam, a.truoc) {
        (Some(c), Some(t)) if t > 0 => {
            if 10 * c <= 9 * t {
                T::Yes
            } else {
                T::No
            }
        }
        _ => T::Unk,
    };
    let c3s = match c3 {
        T::Yes => "pass",
        T::No => "fail",
        T::Unk => "unknown",
    };
    let all_required = if !c1 || (c2_app == T::Yes && c2_cond == T::No) {
        T::No
    } else if c2_app != T::No && c2_cond != T::Yes {
        T::Unk
    } else {
        T::Yes
    };
    let dat = and(all_required, c3);
    let (verdict, possible) = match dat {
        T::Yes => ("dat", BTreeSet::new()),
        T::No => ("chua_dat", BTreeSet::new()),
        T::Unk => ("unknown", BTreeSet::from(["dat", "chua_dat"])),
    };
    let points = match c3 {
        T::Yes => Some(40),
        T::No => Some(0),
        T::Unk => None,
    };
    (
        [if c1 { "pass" } else { "fail" }, c2, c3s],
        verdict,
        possible,
        points,
    )
}

fn random_area(rng: &mut Rng) -> Area {
    Area {
        ma_tuy: match rng.next(5) {
            0 => None,
            1 | 2 => Some(true),
            _ => Some(false),
        },
        chon_moi: rng.next(5) != 0,
        truoc: rng.maybe(20),
        ca_nam: rng.maybe(20),
        kham_pha: rng.maybe(20),
        tu_diem: rng.maybe(2),
    }
}

fn to_json(areas: &[Area]) -> String {
    let list: Vec<Value> = areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut v = serde_json::Map::new();
            v.insert(
                "dien".into(),
                json!(if a.chon_moi { "chon_moi" } else { "theo_doi" }),
            );
            if let Some(m) = a.ma_tuy {
                v.insert("nhom".into(), json!(if m { "ma_tuy" } else { "ttxh" }));
            }
            for (k, x) in [
                ("vu_pham_phap@truoc", a.truoc),
                ("vu_pham_phap@ca_nam", a.ca_nam),
                ("vu_kham_pha@ca_nam", a.kham_pha),
                ("tu_diem@ca_nam", a.tu_diem),
            ] {
                if let Some(x) = x {
                    v.insert(k.into(), json!(x));
                }
            }
            json!({ "id": format!("a{i}"), "values": v })
        })
        .collect();
    json!({ "areas": list }).to_string()
}

/// Target results by brute force: every combination of the unknown verdicts.
fn targets_by_brute_force(verdicts: &[(&str, BTreeSet<&str>, bool)]) -> [&'static str; 3] {
    let unknown: Vec<usize> = (0..verdicts.len())
        .filter(|&i| verdicts[i].0 == "unknown")
        .collect();
    let mut seen = [BTreeSet::new(), BTreeSet::new(), BTreeSet::new()];
    for mask in 0..(1u32 << unknown.len()) {
        let (mut members, mut dat) = (0u64, 0u64);
        for (i, (v, _, member)) in verdicts.iter().enumerate() {
            let is_dat = match unknown.iter().position(|&u| u == i) {
                Some(bit) => mask & (1 << bit) != 0,
                None => *v == "dat",
            };
            if *member {
                members += 1;
                dat += u64::from(is_dat);
            }
        }
        // share >= 60% ⇔ 5·dat >= 3·members (members > 0); >= 40% ⇔ 5·dat >= 2·members
        seen[0].insert(if members == 0 {
            None
        } else {
            Some(5 * dat >= 3 * members)
        });
        seen[1].insert(Some(dat >= 1));
        seen[2].insert(if members == 0 {
            None
        } else {
            Some(5 * dat >= 2 * members)
        });
    }
    seen.map(|s| match s.into_iter().collect::<Vec<_>>().as_slice() {
        [Some(true)] => "met",
        [Some(false)] => "not_met",
        _ => "unknown",
    })
}

#[test]
fn engine_agrees_with_an_independent_computation() {
    let rules = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec/basic/basic.tc"),
    )
    .unwrap_or_else(|e| panic!("tests/spec/basic/basic.tc: {e}"));
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let mut kinds_seen = BTreeSet::new();
    for round in 0..400 {
        let areas: Vec<Area> = (0..1 + rng.next(9))
            .map(|_| random_area(&mut rng))
            .collect();
        let doc = tieuchi::assess_text(&rules, &to_json(&areas), tieuchi::DataFormat::Json, &[])
            .map(|o| o.to_json(false))
            .unwrap_or(Value::Null);
        let mut verdicts = Vec::new();
        for (i, a) in areas.iter().enumerate() {
            let (criteria, verdict, possible, points) = oracle(a);
            let got = &doc["areas"][i]["assessments"]["chuyen_hoa"];
            assert_eq!(got["verdict"], verdict, "round {round} area {i}: {got}");
            if verdict != "na" {
                let results: Vec<&str> = got["criteria"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c["result"].as_str())
                    .collect();
                assert_eq!(results, criteria, "round {round} area {i}");
                assert_eq!(
                    got["points"].as_str().and_then(|p| p.parse::<u64>().ok()),
                    points,
                    "round {round} area {i}: {got}"
                );
            }
            let got_possible: BTreeSet<&str> = got["possible"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            assert_eq!(got_possible, possible, "round {round} area {i}");
            kinds_seen.insert(verdict.to_string());
            verdicts.push((verdict, possible, a.chon_moi));
        }
        let expected = targets_by_brute_force(&verdicts);
        let got: Vec<&str> = doc["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["result"].as_str())
            .collect();
        assert_eq!(got, expected, "round {round}: targets");
        kinds_seen.extend(got.iter().map(|t| format!("target {t}")));
    }
    // the random data reached every kind of result, so the comparison is not vacuous
    for kind in [
        "dat",
        "chua_dat",
        "unknown",
        "na",
        "target met",
        "target not_met",
        "target unknown",
    ] {
        assert!(kinds_seen.contains(kind), "never saw {kind}");
    }
}
