//! Assesses the shipped data with the shipped rules through the library's front door, and
//! explains one area: `cargo run --example assess [RULES DATA AREA]`.

use std::process::ExitCode;
use tieuchi::{Data, Lang, Ruleset, Verdict};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (rules, data, area) = match args.as_slice() {
        [r, d, a] => (r.as_str(), d.as_str(), a.as_str()),
        _ => (
            "rules/quang-binh-2024.tc",
            "data/quang-binh-2024.json",
            "vinh-ninh",
        ),
    };
    match run(rules, data, area) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // `file:line:col: message` for each error; `e.render(Lang::En)` gives full reports.
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

fn run(rules: &str, data: &str, area: &str) -> Result<(), tieuchi::Error> {
    let rules = Ruleset::from_path(rules)?;
    let data = Data::from_path(&rules, data)?;
    for p in data.problems(Lang::En) {
        eprintln!("{p}");
    }
    let results = rules.assess(&data)?;
    let assessments: Vec<&str> = rules.assessments().collect();
    for a in results.areas() {
        let verdicts: Vec<String> = assessments
            .iter()
            .map(|id| match a.verdict(id) {
                Ok(Verdict::Na) | Err(_) => String::new(),
                Ok(Verdict::Unknown { possible }) => {
                    format!("{id}=unknown({})", possible.join("|"))
                }
                Ok(v) => format!("{id}={}", v.id()),
            })
            .filter(|s| !s.is_empty())
            .collect();
        println!("{:<12} {}", a.id(), verdicts.join(" "));
    }
    for t in results.targets() {
        println!("target {}: {:?}", t.id(), t.result());
    }
    let chosen = results.area(area)?;
    for a in &chosen.explain().assessments {
        println!("\n{} — {}: {}", chosen.id(), a.id, a.verdict_id);
        for c in &a.criteria {
            println!("  {:<4} {:?}", c.id, c.result);
        }
    }
    Ok(())
}
