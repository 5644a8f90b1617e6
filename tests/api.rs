//! The library's front door, used as a tool builder would: only what the crate root exports
//! (no `internals`).

use std::error::Error as _;
use tieuchi::{
    CriterionResult, Data, DataFormat, ErrorKind, Lang, MemoryLoader, Ruleset, TargetResult,
    Verdict,
};

const RULES: &str = "rules/quang-binh-2024.tc";
const DATA: &str = "data/quang-binh-2024.json";

fn shipped() -> (Ruleset, Data) {
    let rules = Ruleset::from_path(RULES).unwrap_or_else(|e| panic!("{e}"));
    let data = Data::from_path(&rules, DATA).unwrap_or_else(|e| panic!("{e}"));
    (rules, data)
}

const SMALL: &str = r#"
ruleset demo "Demo"
input vu "Số vụ": count
input kham_pha "Số vụ khám phá": count
param nguong "Ngưỡng" = 80%
assessment chuyen_hoa "Chuyển hóa" {
  criterion C1 "Tỷ lệ khám phá" required { ratio(kham_pha, vu) >= nguong }
  criterion C2 "Có vụ" points 10 { vu >= 1 }
  outcome dat "Đạt" when all_required
  outcome chua_dat "Chưa đạt" otherwise
}
target T "Một nửa đạt" { share(chuyen_hoa == dat) >= 50% }
"#;

const SMALL_DATA: &str = r#"{ "areas": [
  { "id": "a", "values": { "vu": 10, "kham_pha": 8 } },
  { "id": "b", "values": { "vu": 10, "kham_pha": 7 } },
  { "id": "c", "values": { "vu": 10 } },
  { "id": "d", "values": { "vu": -1, "kham_pha": 1 } } ] }"#;

fn small() -> (Ruleset, Data) {
    let rules = Ruleset::from_text("demo.tc", SMALL).unwrap_or_else(|e| panic!("{e}"));
    let data = Data::from_text(&rules, "data.json", SMALL_DATA, DataFormat::Json)
        .unwrap_or_else(|e| panic!("{e}"));
    (rules, data)
}

#[test]
fn verdicts_criteria_points_and_targets_are_read_by_id() -> Result<(), tieuchi::Error> {
    let (rules, data) = small();
    assert_eq!(data.len(), 4);
    let results = rules.assess(&data)?;
    let a = results.area("a")?;
    assert_eq!(a.verdict("chuyen_hoa")?, Verdict::Outcome("dat"));
    assert_eq!(a.criterion("chuyen_hoa", "C1")?, CriterionResult::Pass);
    assert_eq!(
        a.points("chuyen_hoa")?.exact().map(|p| p.to_string()),
        Some("10".into())
    );
    let b = results.area("b")?;
    assert_eq!(b.verdict("chuyen_hoa")?.id(), "chua_dat");
    assert_eq!(
        b.criteria("chuyen_hoa")?,
        vec![("C1", CriterionResult::Fail), ("C2", CriterionResult::Pass)]
    );
    let c = results.area("c")?;
    assert_eq!(
        c.verdict("chuyen_hoa")?,
        Verdict::Unknown {
            possible: vec!["dat", "chua_dat"]
        }
    );
    let d = results.area("d")?;
    assert!(d.is_invalid());
    assert_eq!(d.verdict("chuyen_hoa")?, Verdict::Invalid);
    assert!(!d.problems(Lang::En).is_empty());
    assert!(data.has_errors());
    // 1 of a, b certainly, c open, d invalid: the share is open.
    let t = results.target("T")?;
    assert_eq!(t.result(), TargetResult::Unknown);
    assert_eq!(t.undecided_areas(), vec!["c", "d"]);
    assert_eq!(t.tallies().len(), 1);
    assert_eq!(results.targets().count(), 1);
    assert_eq!(
        results.areas().map(|a| a.id()).collect::<Vec<_>>(),
        ["a", "b", "c", "d"]
    );
    Ok(())
}

#[test]
fn the_shipped_data_reads_through_the_front_door() -> Result<(), tieuchi::Error> {
    let (rules, data) = shipped();
    assert_eq!(rules.id(), "quang_binh_2024");
    let results = rules.assess(&data)?;
    let json = results.to_json(false);
    // Every area's verdict agrees with the JSON document of `assess`.
    for (i, area) in results.areas().enumerate() {
        for a in rules.assessments() {
            let word = json["areas"][i]["assessments"][a]["verdict"].as_str();
            assert_eq!(Some(area.verdict(a)?.id()), word, "{} {a}", area.id());
        }
    }
    let explained = results.area("vinh-ninh")?.explain();
    assert_eq!(explained.area, "vinh-ninh");
    assert_eq!(explained.assessments[0].id, "chuyen_hoa");
    for (i, t) in results.targets().enumerate() {
        assert_eq!(json["targets"][i]["id"].as_str(), Some(t.id()));
        let word = json["targets"][i]["result"].as_str();
        assert_eq!(word, Some(t.result().as_str()), "{}", t.id());
    }
    Ok(())
}

#[test]
fn unknown_ids_are_errors_with_a_suggestion() -> Result<(), tieuchi::Error> {
    let (rules, data) = shipped();
    let results = rules.assess(&data)?;
    let Err(e) = results.area("vinh-nihn") else {
        panic!("an unknown area id gave results");
    };
    assert_eq!(e.kind(), ErrorKind::UnknownId);
    assert_eq!(e.to_string(), "no area `vinh-nihn` in the data");
    let help = e.problems(Lang::En)[0].help.clone().unwrap_or_default();
    assert!(help.contains("vinh-ninh"), "{help}");
    let area = results.area("vinh-ninh")?;
    assert_eq!(
        area.verdict("chuyen_hao").map_err(|e| e.kind()).err(),
        Some(ErrorKind::UnknownId)
    );
    assert!(area.criterion("chuyen_hoa", "C99").is_err());
    assert!(results.target("T61").is_err());
    Ok(())
}

#[test]
fn rules_errors_print_their_place_and_render_in_a_language() {
    let text = "ruleset r \"R\"\ninput vu \"Số vụ\": count\nlet x = vu + y\n";
    let Err(e) = Ruleset::from_text("bad.tc", text) else {
        panic!("rules with an unknown name checked");
    };
    assert_eq!(e.kind(), ErrorKind::Rules);
    let shown = e.to_string();
    assert!(shown.starts_with("bad.tc:3:14: "), "{shown}");
    assert!(shown.contains("`y`"), "{shown}");
    assert_eq!(e.codes(), ["tieuchi::check::unknown_name"]);
    assert!(e.source().is_none());
    let report = e.render(Lang::Vi);
    assert!(report.contains("let x = vu + y"), "{report}");
    assert!(report.contains("tieuchi::check::unknown_name"), "{report}");
    // Usable as any error.
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().contains("bad.tc:3:14"));
}

#[test]
fn unusable_data_is_an_error_not_zero_areas() {
    let (rules, _) = small();
    for (text, format) in [
        ("this is not JSON", DataFormat::Json),
        ("[1, 2", DataFormat::Json),
        ("", DataFormat::Json),
    ] {
        match Data::from_text(&rules, "data.json", text, format) {
            Ok(d) => panic!("{text:?} read as {} areas", d.len()),
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::Data);
                assert!(e.to_string().starts_with("data.json:"), "{e}");
            }
        }
    }
    let missing = Data::from_path(&rules, "no/such/file.json");
    assert_eq!(
        missing.map(|d| d.len()).map_err(|e| e.kind()),
        Err(ErrorKind::Data)
    );
    let not_utf8 = Data::from_bytes(&rules, "d.json", vec![b'{', 0xff], DataFormat::Json);
    assert_eq!(
        not_utf8.map(|d| d.len()).map_err(|e| e.kind()),
        Err(ErrorKind::Data)
    );
    let bytes = Data::from_bytes(&rules, "d.json", SMALL_DATA.into(), DataFormat::Json);
    assert_eq!(bytes.map(|d| d.len()).ok(), Some(4));
}

#[test]
fn params_are_set_by_name_and_data_stays_usable() -> Result<(), tieuchi::Error> {
    let (rules, data) = small();
    let lenient = rules.with_params(&["nguong=70%"])?;
    let results = lenient.assess(&data)?;
    assert_eq!(
        results.area("b")?.verdict("chuyen_hoa")?,
        Verdict::Outcome("dat")
    );
    // The original rules are unchanged.
    let before = rules.assess(&data)?;
    assert_eq!(before.area("b")?.verdict("chuyen_hoa")?.id(), "chua_dat");
    let bad = rules.with_params(&["nguong_x=70%"]).map(|_| ());
    assert_eq!(bad.map_err(|e| e.kind()), Err(ErrorKind::Override));
    // Data loaded for other rules is refused, not misread.
    let other = Ruleset::from_text("demo.tc", SMALL)?;
    let refused = other.assess(&data).map(|_| ());
    assert_eq!(refused.map_err(|e| e.kind()), Err(ErrorKind::Data));
    Ok(())
}

#[test]
fn use_is_resolved_by_the_loader_in_memory() {
    let main = "ruleset r \"R\"\nuse \"chung/dau_vao.tc\"\nassessment a \"A\" {\n  criterion C \"C\" required { vu >= nguong }\n  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\n";
    let mut files = MemoryLoader::new();
    files
        .insert(
            "chung/dau_vao.tc",
            "input vu \"Số vụ\": count\nuse \"nguong.tc\"\n",
        )
        .insert("chung/nguong.tc", "param nguong \"Ngưỡng\" = 2\n");
    let rules =
        Ruleset::from_text_with("tinh/main.tc", &main.replace("chung/", "../chung/"), &files)
            .unwrap_or_else(|e| panic!("{e}"));
    let data = Data::from_text(&rules, "d.csv", "id,vu\nx,3\ny,1\n", DataFormat::Csv)
        .unwrap_or_else(|e| panic!("{e}"));
    let results = rules.assess(&data).unwrap_or_else(|e| panic!("{e}"));
    let verdicts: Vec<String> = results
        .areas()
        .map(|a| {
            a.verdict("a")
                .map(|v| v.id().to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(verdicts, ["dat", "khong"]);

    // A file the loader does not have: an error at the `use`, nothing read from disk.
    let Err(e) = Ruleset::from_text_with("main.tc", main, &MemoryLoader::new()) else {
        panic!("a missing used file checked");
    };
    assert!(e.to_string().starts_with("main.tc:2:"), "{e}");
    assert_eq!(e.codes(), ["tieuchi::check::bad_use"]);

    // A cycle through the loader's files.
    let mut cyclic = MemoryLoader::new();
    cyclic
        .insert("a.tc", "use \"b.tc\"\n")
        .insert("b.tc", "use \"a.tc\"\n");
    let Err(e) = Ruleset::from_path_with("a.tc", &cyclic) else {
        panic!("a cycle of uses checked");
    };
    assert!(e.to_string().contains("a.tc → b.tc → a.tc"), "{e}");
}

#[cfg(feature = "spreadsheets")]
#[test]
fn a_workbook_reads_from_bytes() -> Result<(), Box<dyn std::error::Error>> {
    let (rules, _) = small();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["id", "vu", "kham_pha"].iter().enumerate() {
        sheet.write(0, col as u16, *header)?;
    }
    sheet.write(1, 0, "a")?;
    sheet.write(1, 1, 10)?;
    sheet.write(1, 2, 9)?;
    let bytes = book.save_to_buffer()?;
    let data = Data::from_bytes(&rules, "d.xlsx", bytes, DataFormat::Workbook)?;
    let results = rules.assess(&data)?;
    assert_eq!(
        results.area("a")?.verdict("chuyen_hoa")?,
        Verdict::Outcome("dat")
    );
    // Bytes that are no workbook: an error, not an empty data set.
    let junk = Data::from_bytes(
        &rules,
        "d.xlsx",
        b"not a workbook".to_vec(),
        DataFormat::Workbook,
    );
    assert_eq!(
        junk.map(|d| d.len()).map_err(|e| e.kind()),
        Err(ErrorKind::Data)
    );
    Ok(())
}

#[test]
fn the_front_door_types_cross_threads() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<tieuchi::Error>();
    send_sync::<Ruleset>();
    send_sync::<Data>();
    send_sync::<tieuchi::Results>();
    send_sync::<MemoryLoader>();
    // So errors fit the usual boxes (anyhow, `Box<dyn Error + Send + Sync>`).
    let e: Box<dyn std::error::Error + Send + Sync> = Box::new(
        Ruleset::from_text("x.tc", "nonsense")
            .map(|_| ())
            .unwrap_err(),
    );
    assert!(e.to_string().starts_with("x.tc:1:1"), "{e}");
}
