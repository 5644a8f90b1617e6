//! `tieuchi template`: the entry form's headers, rows and validation, and the round trip
//! through a spreadsheet program (LibreOffice, when installed) back to the same verdicts.
// Helpers too may fail the test with a message (clippy allows `expect` only in test functions).
#![allow(clippy::expect_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const RULES: &str = "rules/quang-binh-2024.tc";
const DATA: &str = "data/quang-binh-2024.json";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A fresh folder for one test.
fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tieuchi-tmpl-{}-{test}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{e}"));
    d
}

fn template(out: &Path, extra: &[&str]) {
    let out = out.to_str().unwrap_or_else(|| unreachable!());
    let mut args = vec!["template", RULES, "-o", out];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{e}"));
    r.records()
        .map(|rec| rec.expect("a CSV row").iter().map(String::from).collect())
        .collect()
}

/// Area ids with their verdicts, and target results, of `assess --format json`.
fn verdicts(data: &Path) -> (Vec<(String, String)>, Vec<String>) {
    let data = data.to_str().unwrap_or_else(|| unreachable!());
    let (code, out, err) = run(&["assess", RULES, data, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON output");
    assert_eq!(json["data_diagnostics"], serde_json::json!([]), "{data}");
    let areas = json["areas"].as_array().expect("areas");
    let mut v = Vec::new();
    for a in areas {
        for (name, x) in a["assessments"].as_object().expect("assessments") {
            v.push((format!("{}/{name}", a["id"]), x["verdict"].to_string()));
        }
    }
    let targets = json["targets"].as_array().expect("targets");
    let t = targets
        .iter()
        .map(|t| format!("{}={}", t["id"], t["result"]));
    (v, t.collect())
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA)
}

#[test]
fn csv_template_has_the_header_form_and_a_row_per_area() {
    let d = dir("csv");
    let out = d.join("form.csv");
    template(&out, &["--areas", DATA]);
    let rows = csv_rows(&out);
    let head = &rows[0];
    assert_eq!(
        &head[..3],
        ["Mã địa bàn (id)", "Tên (name)", "Huyện (district)"]
    );
    assert_eq!(head[3], "Loại địa bàn (nhom)");
    let vu =
        "Số vụ phạm pháp hình sự về TTXH — Năm 2024 (15/12/2023–14/12/2024) (vu_pham_phap@ca_nam)";
    assert!(head.iter().any(|h| h == vu), "{head:?}");
    // Only the slots the rules read: nothing reads `xa_hoi_den@truoc`.
    assert!(!head.iter().any(|h| h.ends_with("(xa_hoi_den@truoc)")));
    assert_eq!(rows.len(), 17, "a header and the 16 shipped areas");
    assert_eq!(
        &rows[1][..3],
        ["vinh-ninh", "Xã Vĩnh Ninh", "Huyện Quảng Ninh"]
    );
    assert!(rows[1][3..].iter().all(String::is_empty));
    // The form loads back as it is: every header maps to its key, every area is read.
    let (v, _) = verdicts(&out);
    assert_eq!(v.len(), 32);
    assert!(
        v.iter().all(|(_, verdict)| verdict == "\"unknown\""),
        "{v:?}"
    );
}

#[test]
fn csv_template_with_values_gives_the_json_verdicts() {
    let d = dir("values");
    let out = d.join("filled.csv");
    template(&out, &["--areas", DATA, "--with-values"]);
    assert_eq!(verdicts(&out), verdicts(&shipped()));
}

#[test]
#[cfg(feature = "spreadsheets")]
fn template_without_areas_has_blank_rows() {
    let d = dir("blank");
    let csv = d.join("blank.csv");
    template(&csv, &[]);
    assert_eq!(csv_rows(&csv).len(), 1, "only the header row");
    let xlsx = d.join("blank.xlsx");
    template(&xlsx, &[]);
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    // Validation covers the 20 blank rows under the header (column D is `nhom`).
    assert!(sheet.contains(r#"sqref="D2:D21""#), "{sheet}");
}

#[test]
fn bad_template_requests_exit_2() {
    let (code, _, err) = run(&["template", RULES, "-o", "/tmp/form.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("`.xlsx` or `.csv`"), "{err}");
    let (code, _, _) = run(&["template", RULES, "-o", "/tmp/f.csv", "--with-values"]);
    assert_eq!(code, 2, "--with-values needs --areas");
    let (code, _, _) = run(&["template", "rules/none.tc", "-o", "/tmp/f.csv"]);
    assert_eq!(code, 2);
}

#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
/// The text of one part of an XLSX file (a zip archive).
fn part(xlsx: &Path, name: &str) -> String {
    let file = std::fs::File::open(xlsx).unwrap_or_else(|e| panic!("{}: {e}", xlsx.display()));
    let mut zip = zip::ZipArchive::new(file).expect("an XLSX is a zip archive");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

#[test]
#[cfg(feature = "spreadsheets")]
fn xlsx_template_has_validation_a_frozen_header_and_a_guide() {
    let d = dir("xlsx");
    let out = d.join("form.xlsx");
    template(&out, &["--areas", DATA]);
    let book = part(&out, "xl/workbook.xml");
    assert!(book.contains(r#"name="Số liệu""#) && book.contains(r#"name="Hướng dẫn""#));
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#));
    assert!(sheet.contains(r#"type="list""#) && sheet.contains("\"ttxh,ma_tuy\""));
    assert!(sheet.contains("\"true,false\""), "yes/no as a list");
    assert!(sheet.contains(r#"type="whole" operator="greaterThanOrEqual""#));
    assert!(sheet.contains(r#"type="decimal""#) && sheet.contains("<formula2>100</formula2>"));
    // 16 areas: validation on rows 2 to 17.
    assert!(sheet.contains(r#"sqref="D2:D17""#), "{sheet}");
    let strings = part(&out, "xl/sharedStrings.xml");
    assert!(strings.contains("Xã Vĩnh Ninh"));
    // The guide names the criteria that read each input, and the options' labels.
    assert!(strings.contains("chuyen_hoa.C1"), "{strings}");
    assert!(strings.contains("ttxh: Tội phạm xâm phạm TTATXH"));
}

#[test]
#[cfg(feature = "spreadsheets")]
fn dates_and_long_choice_lists_make_a_valid_template() {
    let opts: Vec<String> = (0..60).map(|i| format!("lua_chon_so_{i}")).collect();
    let rules = format!(
        "ruleset t \"T\"\ninput ngay \"Ngày\": date\ninput ghi_chu \"Ghi chú\": text\n\
         input loai \"Loại\": choice({})\nassessment a \"A\" {{\n  criterion C \"c\" {{ ngay > 2024-01-01 and loai == lua_chon_so_0 }}\n  outcome y \"Y\" when C\n  outcome n \"N\" otherwise\n}}\n",
        opts.join(", ")
    );
    let checked = tieuchi::check_text("t.tc", &rules);
    let rules = checked.rules.expect("the rules check");
    let data = r#"{ "areas": [ { "id": "x", "values": { "ngay": "2024-06-14", "ghi_chu": "ok", "loai": "lua_chon_so_3" } } ] }"#;
    let data = tieuchi::data::load_text(&rules, "d.json", data.into(), tieuchi::DataFormat::Json);
    let t = tieuchi::template::Template::new(&rules, Some(&data), true);
    // The unread text input still gets its column, for the council's notes.
    let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["ngay", "ghi_chu", "loai"]);
    let csv = t.to_csv().expect("CSV");
    assert!(csv.contains("x,,,2024-06-14,ok,lua_chon_so_3"), "{csv}");
    let bytes =
        tieuchi::template::xlsx::to_xlsx(&t).expect("a list past 255 characters is not an error");
    let d = dir("dates");
    let out = d.join("t.xlsx");
    std::fs::write(&out, bytes).expect("written");
    let sheet = part(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"type="date""#));
    assert!(
        !sheet.contains(r#"type="list""#),
        "the 60 options do not fit Excel's list"
    );
}

#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
#[test]
#[cfg(feature = "spreadsheets")]
fn a_template_wider_than_a_sheet_is_an_error_not_a_wrapped_column() {
    use tieuchi::template::{Column, Template};
    let column = |i: usize| Column {
        key: format!("k{i}"),
        header: format!("K (k{i})"),
        ty: tieuchi::check::InputType::Count,
        label: "K".into(),
        period: None,
        read_by: vec![],
    };
    // 3 fixed columns and 16,382 inputs: one more than a sheet holds.
    let t = Template {
        ruleset: "t".into(),
        title: "T".into(),
        columns: (0..16_382).map(column).collect(),
        rows: vec![],
    };
    assert!(tieuchi::template::xlsx::to_xlsx(&t).is_err());
}

/// `soffice` when installed.
fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|s| {
        Command::new(s)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
/// Converts `file` with LibreOffice (`to` is `xlsx` or a CSV filter) into `out`.
fn convert(soffice: &str, profile: &Path, file: &Path, to: &str, out: &Path) {
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{status:?}");
}

/// The done-when test of issue 8: a template for the shipped rules, its rows filled with the
/// shipped figures (written as typed cells), saved by LibreOffice, assesses to the verdicts of
/// the JSON data — read as XLSX directly, and as LibreOffice's CSV export of the saved book.
#[test]
#[cfg(feature = "spreadsheets")]
fn libreoffice_saved_template_gives_the_json_verdicts() {
    let Some(soffice) = soffice() else {
        println!("SKIPPED: LibreOffice (`soffice`) is not installed; `apt-get install libreoffice-calc-nogui` runs this test");
        return;
    };
    let d = dir("libreoffice");
    let filled = d.join("filled.xlsx");
    template(&filled, &["--areas", DATA, "--with-values"]);
    let (saved, csv) = (d.join("saved"), d.join("csv"));
    let profile = d.join("profile");
    convert(soffice, &profile, &filled, "xlsx", &saved);
    let saved = saved.join("filled.xlsx");
    assert!(
        part(&saved, "xl/worksheets/sheet1.xml").contains("dataValidation"),
        "LibreOffice kept the validation"
    );
    convert(
        soffice,
        &profile,
        &saved,
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        &csv,
    );
    let expected = verdicts(&shipped());
    assert_eq!(verdicts(&csv.join("filled.csv")), expected);
    assert_eq!(verdicts(&saved), expected);
}
