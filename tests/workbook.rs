//! Workbooks in (`.xlsx` built here with rust_xlsxwriter) and results out (CSV, XLSX read back
//! with calamine).
#![cfg(feature = "spreadsheets")]
// Helpers outside `#[test]` functions fail loudly too (clippy.toml allows this in tests only).
#![allow(clippy::expect_used)]

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use std::path::{Path, PathBuf};
use std::process::Command;
use tieuchi::data::{load_path, load_path_sheet, Dataset};
use tieuchi::value::Value;

const RULES: &str = r#"
ruleset d "Data"
period nam "Năm" from 2024-01-01 to 2024-12-31
input nhom "Nhóm": choice(ttxh, ma_tuy)
input vu "Vụ": count per period
input ty_le "Tỷ lệ": percent
input co "Có": yes_no
input ngay "Ngày": date
input dien_tich "Diện tích": number
input ghi_chu "Ghi chú": text
assessment x "X" {
  criterion C "c" { vu@nam >= 1 and ty_le >= 50% and co and ngay > 2024-01-01 and dien_tich > 0 and nhom == ttxh and ghi_chu == "ok" }
  outcome y "Y" when C
  outcome n "N" otherwise
}
"#;

const HEADER: [&str; 10] = [
    "id",
    "name",
    "district",
    "nhom",
    "vu@nam",
    "ty_le",
    "co",
    "ngay",
    "dien_tich",
    "ghi_chu",
];

fn rules() -> tieuchi::Rules {
    let checked = tieuchi::check_text("d.tc", RULES);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.rules.expect("rules")
}

fn slot(r: &tieuchi::Rules, name: &str) -> usize {
    (0..r.slots.len())
        .find(|&s| r.slot_name(s as u32) == name)
        .expect("slot")
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("tieuchi-wb-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn num(s: &str) -> Value {
    Value::Num(s.parse().expect("number"))
}

fn header(sheet: &mut Worksheet, names: &[&str]) {
    for (c, h) in names.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
}

fn save(book: &mut Workbook, name: &str) -> PathBuf {
    let p = dir().join(name);
    book.save(&p).expect("save");
    p
}

/// Row 2: every type as its cell type; row 3 empty (skipped); row 4: text cells and a
/// percent that is not formatted as one.
fn typed_workbook() -> PathBuf {
    typed_workbook_named("typed.xlsx")
}

fn typed_workbook_named(name: &str) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    header(sheet, &HEADER);
    let pct = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(1, 0, "x1").expect("w");
    sheet.write_string(1, 1, "Xã Một").expect("w");
    sheet.write_string(1, 2, "Huyện A").expect("w");
    sheet.write_string(1, 3, "ttxh").expect("w");
    sheet.write_number(1, 4, 3.0).expect("w");
    sheet
        .write_number_with_format(1, 5, 0.875, &pct)
        .expect("w");
    sheet.write_boolean(1, 6, true).expect("w");
    let d = ExcelDateTime::from_ymd(2024, 6, 14).expect("date");
    sheet
        .write_datetime_with_format(1, 7, &d, &date)
        .expect("w");
    sheet.write_number(1, 8, 0.1 + 0.2).expect("w");
    sheet.write_string(1, 9, "ok").expect("w");
    // Row 3 stays empty; row 4 holds text cells.
    for (c, v) in [
        "x2",
        "Xã Hai",
        "H",
        "ma_tuy",
        "7",
        "90",
        "không",
        "15/06/2024",
        "800.5",
        "",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(3, c as u16, *v).expect("w");
    }
    sheet.write_number(3, 5, 90.0).expect("w");
    save(&mut book, name)
}

#[test]
fn cells_keep_their_types() {
    let r = rules();
    let d = load_path(&r, &typed_workbook(), None).expect("loads");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas.len(), 2, "the empty row is skipped");
    let a = &d.areas[0];
    assert_eq!((a.id.as_str(), a.name.as_str()), ("x1", "Xã Một"));
    assert_eq!(a.values[slot(&r, "vu@nam")], num("3"));
    assert_eq!(
        a.values[slot(&r, "ty_le")],
        num("0.875"),
        "a percent cell holding 0.875"
    );
    assert_eq!(a.values[slot(&r, "co")], Value::Bool(true));
    let june14 = chrono::NaiveDate::from_ymd_opt(2024, 6, 14).expect("date");
    assert_eq!(a.values[slot(&r, "ngay")], Value::Date(june14));
    // The float 0.1 + 0.2 is its shortest decimal, exactly.
    assert_eq!(a.values[slot(&r, "dien_tich")], num("0.30000000000000004"));
    let b = &d.areas[1];
    assert_eq!(
        b.values[slot(&r, "ty_le")],
        num("0.9"),
        "90 in a plain cell is 90%"
    );
    assert_eq!(b.values[slot(&r, "co")], Value::Bool(false));
    assert_eq!(b.values[slot(&r, "vu@nam")], num("7"));
    assert_eq!(b.values[slot(&r, "ghi_chu")], Value::Unknown);
}

fn one_row(values: &[(u16, Data)], name: &str) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Dữ liệu").expect("name");
    header(sheet, &HEADER);
    sheet.write_string(1, 0, "x1").expect("w");
    for (c, v) in values {
        match v {
            Data::Float(f) => sheet.write_number(1, *c, *f),
            Data::String(s) => sheet.write_string(1, *c, s),
            Data::Bool(b) => sheet.write_boolean(1, *c, *b),
            _ => unreachable!(),
        }
        .expect("w");
    }
    save(&mut book, name)
}

fn only_error(d: &Dataset) -> &tieuchi::Diagnostic {
    let errors: Vec<_> = d.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{:?}", d.diagnostics);
    errors[0]
}

#[test]
fn a_bad_cell_names_the_sheet_the_cell_and_the_input() {
    let r = rules();
    let p = one_row(&[(4, Data::String("nhiều".into()))], "bad.xlsx");
    let d = load_path(&r, &p, None).expect("loads");
    let e = only_error(&d);
    assert_eq!(e.code, "tieuchi::data::wrong_type");
    assert!(
        e.message.to_string().contains("sheet `Dữ liệu`, cell E2"),
        "{}",
        e.message
    );
    assert!(e.message.to_string().contains("`vu@nam`"), "{}", e.message);
    assert!(d.areas[0].invalid);
    // The snippet shows the row: line 2 of the rendering is the sheet's row 2.
    let at = tieuchi::diag::location(e, &d.sources).expect("placed");
    assert!(at.contains("sheet Dữ liệu:2:"), "{at}");
}

#[test]
fn a_fraction_in_a_plain_percent_cell_is_ambiguous() {
    let r = rules();
    let p = one_row(&[(5, Data::Float(0.875))], "ambiguous.xlsx");
    let d = load_path(&r, &p, None).expect("loads");
    let e = only_error(&d);
    assert_eq!(e.code, "tieuchi::data::ambiguous_percent");
    assert!(e.message.to_string().contains("cell F2"), "{}", e.message);
    assert!(e.message.to_string().contains("87.5%"), "{}", e.message);
    // 1 is 1% or 100%: ambiguous too; 0 and 1.5 are not.
    for (v, ok) in [(1.0, false), (0.0, true), (1.5, true)] {
        let p = one_row(&[(5, Data::Float(v))], "pct.xlsx");
        let d = load_path(&r, &p, None).expect("loads");
        assert_eq!(!d.has_errors(), ok, "{v}: {:?}", d.diagnostics);
    }
}

#[test]
fn error_cells_and_label_headers() {
    let r = rules();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    header(
        sheet,
        &["id", "name", "Số vụ — Năm 2024 (vu@nam)", "Tỷ lệ (ty_le)"],
    );
    sheet.write_string(1, 0, "x1").expect("w");
    let div0 = rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!");
    sheet.write_formula(1, 2, div0).expect("w");
    sheet.write_number(1, 3, 75.0).expect("w");
    sheet.write_string(2, 0, "x2").expect("w");
    sheet.write_number(2, 2, 4.0).expect("w");
    let p = save(&mut book, "labels.xlsx");
    let d = load_path(&r, &p, None).expect("loads");
    assert_eq!(d.areas.len(), 2);
    assert_eq!(d.areas[0].values[slot(&r, "ty_le")], num("0.75"));
    assert_eq!(d.areas[1].values[slot(&r, "vu@nam")], num("4"));
    assert!(d.areas[0].invalid && !d.areas[1].invalid);
    let e = only_error(&d);
    assert!(
        e.message.to_string().contains("cell C2") && e.message.to_string().contains("#DIV/0!"),
        "{}",
        e.message
    );
}

#[test]
fn sheet_by_name_and_unknown_sheet() {
    let r = rules();
    let mut book = Workbook::new();
    let first = book.add_worksheet();
    first.write_string(0, 0, "Hướng dẫn").expect("w");
    let second = book.add_worksheet();
    second.set_name("Số liệu").expect("name");
    header(second, &["id", "vu@nam"]);
    second.write_string(1, 0, "x9").expect("w");
    second.write_number(1, 1, 5.0).expect("w");
    let p = save(&mut book, "sheets.xlsx");
    let d = load_path_sheet(&r, &p, None, Some("Số liệu")).expect("loads");
    assert!(!d.has_errors(), "{:?}", d.diagnostics);
    assert_eq!(d.areas[0].values[slot(&r, "vu@nam")], num("5"));
    // The first sheet has no `id` column: the file is unreadable as a data set.
    let d = load_path(&r, &p, None).expect("loads");
    assert!(d.unreadable);
    assert!(
        d.diagnostics[0]
            .message
            .to_string()
            .contains("no `id` column"),
        "{:?}",
        d.diagnostics
    );
    let d = load_path_sheet(&r, &p, None, Some("Khác")).expect("loads");
    assert!(d.unreadable);
    let help = d.diagnostics[0]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(help.contains("`Số liệu`"), "{help}");
}

#[test]
fn not_a_workbook_is_unreadable() {
    let r = rules();
    let p = dir().join("fake.xlsx");
    std::fs::write(&p, "id,name\nx,y\n").expect("write");
    let d = load_path(&r, &p, None).expect("loads");
    assert!(d.unreadable && d.areas.is_empty());
}

fn repo(path: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    assert!(p.is_file(), "{} is missing", p.display());
    p
}

fn tieuchi(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The shipped CSV written as a workbook: numbers as numbers, `100%` as a percent cell,
/// `true`/`false` as booleans, text as text.
fn shipped_as_workbook(name: &str) -> PathBuf {
    let text = std::fs::read_to_string(repo("data/quang-binh-2024.csv")).expect("read");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let pct = Format::new().set_num_format("0%");
    let lines = text.lines().filter(|l| !l.starts_with('#'));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(
            lines
                .collect::<Vec<_>>()
                .join("\n")
                .as_bytes()
                .to_vec()
                .as_slice(),
        )
        .into_records()
        .collect::<Vec<_>>();
    assert!(reader.len() > 5, "the shipped CSV has areas");
    for (r, rec) in reader.drain(..).enumerate() {
        for (c, cell) in rec.expect("record").iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let written = if let Some(p) = cell.strip_suffix('%') {
                let f: f64 = p.parse().expect("percent");
                sheet.write_number_with_format(r, c, f / 100.0, &pct)
            } else if let Ok(f) = cell.parse::<f64>() {
                sheet.write_number(r, c, f)
            } else if cell == "true" || cell == "false" {
                sheet.write_boolean(r, c, cell == "true")
            } else if cell.is_empty() {
                continue;
            } else {
                sheet.write_string(r, c, cell)
            };
            written.expect("cell");
        }
    }
    save(&mut book, name)
}

fn verdicts(data: &Path) -> serde_json::Value {
    let rules = repo("rules/quang-binh-2024.tc");
    let (code, out, err) = tieuchi(&[
        "assess",
        rules.to_str().expect("path"),
        data.to_str().expect("path"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut doc: serde_json::Value = serde_json::from_slice(&out).expect("json");
    serde_json::json!({ "areas": doc["areas"].take(), "targets": doc["targets"].take(),
        "problems": doc["data_diagnostics"].as_array().map(Vec::len) })
}

#[test]
fn shipped_data_as_a_workbook_gives_the_same_verdicts() {
    let csv = verdicts(&repo("data/quang-binh-2024.csv"));
    let xlsx = verdicts(&shipped_as_workbook("shipped-verdicts.xlsx"));
    assert!(csv["areas"].as_array().is_some_and(|a| a.len() > 5));
    assert_eq!(csv, xlsx);
}

#[test]
fn assess_format_csv_writes_one_row_per_area_and_assessment() {
    let (code, out, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.csv",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header[..6],
        [
            "area",
            "name",
            "district",
            "assessment",
            "verdict",
            "verdict_id"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let rules = tieuchi::check_path(&repo("rules/quang-binh-2024.tc"))
        .rules
        .expect("rules");
    let data = load_path(&rules, &repo("data/quang-binh-2024.csv"), None).expect("data");
    assert_eq!(rows.len(), data.areas.len() * rules.assessments.len());
    let vinh_ninh: Vec<_> = rows.iter().filter(|r| &r[0] == "vinh-ninh").collect();
    assert_eq!(vinh_ninh.len(), rules.assessments.len());
    assert!(
        vinh_ninh.iter().any(|r| !r[6].is_empty()),
        "points are written"
    );
}

#[test]
fn assess_output_xlsx_reads_back() {
    let out = dir().join("results.xlsx");
    let (code, _, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.csv",
        "-o",
        out.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("a workbook");
    assert_eq!(book.sheet_names(), ["Kết quả", "Chỉ tiêu"]);
    let areas = book.worksheet_range("Kết quả").expect("sheet");
    let rows: Vec<&[Data]> = areas.rows().collect();
    assert_eq!(rows[0][0], Data::String("area".into()));
    let points = rows.iter().skip(1).find(|r| matches!(r[6], Data::Float(_)));
    assert!(points.is_some(), "decided points are number cells");
    let targets = book.worksheet_range("Chỉ tiêu").expect("sheet");
    let rows: Vec<&[Data]> = targets.rows().collect();
    assert_eq!(
        rows[0][..3],
        [
            Data::String("target".into()),
            Data::String("label".into()),
            Data::String("result".into())
        ]
    );
    assert!(rows.len() > 1, "one row per target");
    for r in &rows[1..] {
        let result = r[2].to_string();
        assert!(
            ["met", "not_met", "unknown"].contains(&result.as_str()),
            "{result}"
        );
    }
}

#[test]
fn assess_reads_a_workbook_sheet_on_the_command_line() {
    let p = shipped_as_workbook("shipped-sheet.xlsx");
    let (code, _, err) = tieuchi(&[
        "validate",
        "rules/quang-binh-2024.tc",
        p.to_str().expect("path"),
        "--sheet",
        "Nope",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no sheet `Nope`"), "{err}");
    let (code, _, err) = tieuchi(&[
        "validate",
        "rules/quang-binh-2024.tc",
        p.to_str().expect("path"),
        "--sheet",
        "Sheet1",
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn diff_and_sweep_read_workbooks_as_they_read_csv() {
    let wb = shipped_as_workbook("shipped-diff.xlsx");
    let wb = wb.to_str().expect("path");
    let rules = "rules/quang-binh-2024.tc";
    let set = "nguong_kham_pha=90%";
    let diff = |data: &str| {
        let (code, out, err) = tieuchi(&["diff", rules, data, "--set", set, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_slice::<serde_json::Value>(&out).expect("json")
    };
    let (csv, xlsx) = (diff("data/quang-binh-2024.csv"), diff(wb));
    assert!(
        csv["areas"].as_array().is_some_and(|a| !a.is_empty()),
        "{csv}"
    );
    assert_eq!(csv, xlsx);
    let sweep = |data: &str| {
        let spec = "nguong_kham_pha=70%..90%/10%";
        let (code, out, err) =
            tieuchi(&["sweep", rules, data, "--param", spec, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_slice::<serde_json::Value>(&out).expect("json")
    };
    assert_eq!(sweep("data/quang-binh-2024.csv"), sweep(wb));
    let (code, _, err) = tieuchi(&["diff", rules, wb, "--set", set, "--sheet", "Nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no sheet `Nope`"), "{err}");
}

#[test]
fn a_far_corner_cell_does_not_blow_up() {
    // One value at XFD1048576: the sheet spans 17 billion cells, 3 of them used.
    let r = rules();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    header(sheet, &["id", "vu@nam"]);
    sheet.write_string(1, 0, "x1").expect("w");
    sheet.write_number(1_048_575, 16_383, 1.0).expect("w");
    let p = save(&mut book, "corner.xlsx");
    let d = load_path(&r, &p, None).expect("loads");
    assert_eq!(d.areas.len(), 2, "{:?}", d.diagnostics);
    let w = d
        .diagnostics
        .iter()
        .find(|d| !d.is_error())
        .expect("a warning");
    assert!(
        w.message.to_string().contains("cell XFD1048576")
            && w.message.to_string().contains("no header"),
        "{}",
        w.message
    );
    assert!(d.areas[1].invalid, "a row without an id");
}

#[test]
fn xlsx_output_needs_a_file_and_csv_output_can_go_to_one() {
    let (code, out, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.csv",
        "--format",
        "xlsx",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("-o results.xlsx"), "{err}");
    let file = dir().join("results.csv");
    let (code, _, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.csv",
        "-o",
        file.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(
        text.starts_with("area,name,district,assessment,verdict,verdict_id"),
        "{text}"
    );
    let (code, _, err) = tieuchi(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.csv",
        "-o",
        "out.json",
    ]);
    assert_eq!(code, 2, "{err}");
}

/// `typed.xlsx` converted by LibreOffice to `ext` (in its own profile folder, so that runs in
/// parallel do not share one); `None` with a message where LibreOffice is not installed.
fn libreoffice(src: &Path, ext: &str) -> Option<PathBuf> {
    let out = dir().join(format!("lo-{ext}"));
    std::fs::create_dir_all(&out).expect("out dir");
    let profile = format!(
        "file://{}",
        dir().join(format!("lo-profile-{ext}")).display()
    );
    let ran = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", ext, "--outdir"])
        .arg(&out)
        .arg(src)
        .output();
    match ran {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!("soffice failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("SKIPPED: LibreOffice (soffice) is not installed: {e}");
            return None;
        }
    }
    let stem = src.file_stem().expect("stem").to_string_lossy().to_string();
    let p = out.join(format!("{stem}.{ext}"));
    assert!(p.is_file(), "LibreOffice wrote no {}", p.display());
    Some(p)
}

#[test]
fn workbooks_saved_by_libreoffice_read_the_same() {
    let r = rules();
    let src = typed_workbook_named("typed-lo.xlsx");
    let Some(resaved) = libreoffice(&src, "xlsx") else {
        return;
    };
    // A percent format written by LibreOffice is recognised like Excel's.
    let d = load_path(&r, &resaved, None).expect("loads");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas[0].values[slot(&r, "ty_le")], num("0.875"));
    let june14 = chrono::NaiveDate::from_ymd_opt(2024, 6, 14).expect("date");
    assert_eq!(d.areas[0].values[slot(&r, "ngay")], Value::Date(june14));
    assert_eq!(d.areas[0].values[slot(&r, "co")], Value::Bool(true));
    // An `.ods` percent cell is recognised by its value type.
    let ods = libreoffice(&src, "ods").expect("LibreOffice ran once already");
    let d = load_path(&r, &ods, None).expect("loads");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas[0].values[slot(&r, "ty_le")], num("0.875"));
    assert_eq!(d.areas[1].values[slot(&r, "ty_le")], num("0.9"));
    assert_eq!(d.areas[0].values[slot(&r, "ngay")], Value::Date(june14));
    // `.xls` carries no number format tieuchi can read: the fraction is ambiguous, everything
    // else reads as in the XLSX.
    let xls = libreoffice(&src, "xls").expect("LibreOffice ran once already");
    let d = load_path(&r, &xls, None).expect("loads");
    let e = only_error(&d);
    assert_eq!(e.code, "tieuchi::data::ambiguous_percent");
    assert!(e.message.to_string().contains("cell F2"), "{}", e.message);
    assert_eq!(d.areas[0].values[slot(&r, "vu@nam")], num("3"));
    assert_eq!(d.areas[0].values[slot(&r, "ngay")], Value::Date(june14));
    assert_eq!(d.areas[1].values[slot(&r, "ty_le")], num("0.9"));
    assert!(!d.areas[1].invalid, "{:?}", d.diagnostics);
}

#[test]
fn a_workbook_on_standard_input_needs_its_format() {
    let wb = std::fs::read(shipped_as_workbook("shipped-stdin.xlsx")).expect("read");
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
            .env("TIEUCHI_LANG", "en")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        if let Some(mut pipe) = child.stdin.take() {
            std::io::Write::write_all(&mut pipe, &wb).ok();
        }
        let out = child.wait_with_output().expect("ends");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (code, out) = run(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "-",
        "--data-format",
        "xlsx",
        "--format",
        "csv",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.lines().any(|l| l.starts_with("vinh-ninh,")), "{out}");
    let (code, _) = run(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "-",
        "--data-format",
        "csv",
    ]);
    assert_eq!(code, Some(2), "a workbook's bytes are not CSV text");
}

/// Hostile workbooks (found in review): a cell address beyond the largest sheet, an address so
/// large the reader crate overflows, and a zip bomb each get a diagnostic and exit 2 quickly,
/// never a multi-gigabyte allocation or a crash.
#[test]
fn hostile_workbooks_are_refused_quickly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    let rules = dir.join("hostile-workbooks.tc");
    for (file, says) in [
        ("far-row.xlsx", "beyond the largest sheet"),
        ("far-column.xlsx", "beyond the largest sheet"),
        // The reader crate overflows on this address in debug builds (caught), or wraps it.
        ("absurd-address.xlsx", "workbook"),
        ("zip-bomb.xlsx", "unpacks to 600 MiB"),
    ] {
        let path = dir.join(file);
        assert!(path.exists(), "fixture {file} is missing");
        let (code, _, err) = tieuchi(&[
            "validate",
            rules.to_str().unwrap_or(""),
            path.to_str().unwrap_or(""),
        ]);
        assert_eq!(code, 2, "{file}: {err}");
        assert!(err.contains(says), "{file}: {err}");
    }
}
