//! Data sets: the three formats, spreadsheet CSV, and a diagnostic for every kind of bad value.

use tieuchi::data::{load_text, DataFormat};
use tieuchi::diag::location;
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

fn rules() -> tieuchi::Rules {
    let checked = tieuchi::check_text("d.tc", RULES);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.rules.unwrap_or_else(|| unreachable!())
}

fn slot(r: &tieuchi::Rules, name: &str) -> usize {
    (0..r.slots.len())
        .find(|&s| r.slot_name(s as u32) == name)
        .unwrap_or(usize::MAX)
}

#[test]
fn spreadsheet_csv_with_bom_crlf_and_quotes_loads() {
    let r = rules();
    let text = "\u{feff}id,name,district,nhom,vu@nam,ty_le,co,ngay,dien_tich,ghi_chu\r\nx1,\"Xã Một, thôn A\",\"Huyện \"\"B\"\"\",ttxh,3,87.5,có,14/06/2024,800.5,ok\r\nx2,Xã Hai,H,ma_tuy,,\"90%\",không,2024-06-14,,\r\n";
    let d = load_text(&r, "d.csv", text.to_string(), DataFormat::Csv);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas.len(), 2);
    assert_eq!(d.areas[0].name, "Xã Một, thôn A");
    assert_eq!(d.areas[0].district, "Huyện \"B\"");
    assert_eq!(
        d.areas[0].values[slot(&r, "ty_le")],
        Value::Num("0.875".parse().unwrap_or_default())
    );
    assert_eq!(d.areas[0].values[slot(&r, "co")], Value::Bool(true));
    assert_eq!(
        d.areas[0].values[slot(&r, "dien_tich")],
        Value::Num("800.5".parse().unwrap_or_default())
    );
    assert_eq!(d.areas[1].values[slot(&r, "vu@nam")], Value::Unknown);
    assert_eq!(
        d.areas[1].values[slot(&r, "ty_le")],
        Value::Num("0.9".parse().unwrap_or_default())
    );
    let outcome = tieuchi::Results::from_parts(tieuchi::compile(&r, &[]), d);
    assert_eq!(
        outcome.to_json(false)["areas"][0]["assessments"]["x"]["verdict"],
        "y"
    );
}

#[test]
fn every_bad_json_value_is_diagnosed_at_its_place() {
    let r = rules();
    let text = r#"{ "areas": [
  { "id": "ok", "values": { "vu@nam": 2 } },
  { "id": "b1", "values": { "vu@nam": -5 } },
  { "id": "b2", "values": { "vu@nam": 2.5 } },
  { "id": "b3", "values": { "ty_le": 120 } },
  { "id": "b4", "values": { "nhom": "ma_tui" } },
  { "id": "b5", "values": { "ngay": "2024-02-30" } },
  { "id": "b6", "values": { "vu@nma": 1 } },
  { "id": "b7", "values": { "co": "abc" } },
  { "id": "ok", "values": { } }
] }"#;
    let d = load_text(&r, "d.json", text.to_string(), DataFormat::Json);
    let codes: Vec<(&str, String)> = d
        .diagnostics
        .iter()
        .map(|x| (x.code, location(x, &d.sources).unwrap_or_default()))
        .collect();
    let expected = [
        ("tieuchi::data::negative_count", "d.json:3:39"),
        ("tieuchi::data::fractional_count", "d.json:4:39"),
        ("tieuchi::data::percent_range", "d.json:5:38"),
        ("tieuchi::data::not_an_option", "d.json:6:37"),
        ("tieuchi::data::bad_date", "d.json:7:37"),
        ("tieuchi::data::unknown_key", "d.json:8:29"),
        ("tieuchi::data::wrong_type", "d.json:9:35"),
        ("tieuchi::data::duplicate_id", "d.json:10:3"),
    ];
    let got: Vec<(&str, &str)> = codes.iter().map(|(c, l)| (*c, l.as_str())).collect();
    assert_eq!(got, expected);
    assert!(d.diagnostics[3]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("did you mean `ma_tuy`"));
    assert!(d.diagnostics[5]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("did you mean `vu@nam`"));
    let invalid: Vec<bool> = d.areas.iter().map(|a| a.invalid).collect();
    // The second `ok` is left out: the first is used, and counted once.
    assert_eq!(invalid, [false, true, true, true, true, true, true, true]);
}

#[test]
fn csv_problems_name_the_row_and_the_column() {
    let r = rules();
    let text = "id,name,district,vu@nam\nx1,A,B,3\nx2,A,B,-1\n";
    let d = load_text(&r, "d.csv", text.to_string(), DataFormat::Csv);
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(
        location(&d.diagnostics[0], &d.sources).as_deref(),
        Some("d.csv:3:8")
    );
    assert!(d.diagnostics[0].message.to_string().contains("vu@nam"));
    assert!(d.areas[1].invalid && !d.areas[0].invalid);
}

#[test]
fn ron_loads_the_same_content() {
    let r = rules();
    let text = r#"(areas: [ (id: "x1", name: "A", district: "B", values: {"vu@nam": 3, "dien_tich": 800.5, "co": true, "nhom": "ttxh"}),
                        (id: "x2", name: "A", district: "B", values: {"vu@nam": -3}) ])"#;
    let d = load_text(&r, "d.ron", text.to_string(), DataFormat::Ron);
    assert_eq!(d.areas.len(), 2);
    assert_eq!(
        d.areas[0].values[slot(&r, "dien_tich")],
        Value::Num("800.5".parse().unwrap_or_default())
    );
    assert_eq!(d.areas[0].values[slot(&r, "co")], Value::Bool(true));
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(d.diagnostics[0].code, "tieuchi::data::negative_count");
    assert!(d.areas[1].invalid);
}

#[test]
fn unreadable_data_is_one_diagnostic_not_a_crash() {
    let r = rules();
    for (text, format) in [
        ("{ \"areas\": [ {", DataFormat::Json),
        ("(areas: [", DataFormat::Ron),
        ("name,id\n", DataFormat::Csv),
        ("[1,2]", DataFormat::Json),
    ] {
        let d = load_text(&r, "bad", text.to_string(), format);
        assert_eq!(d.diagnostics.len(), 1, "{text}");
        assert!(d.has_errors());
        assert!(d.areas.is_empty());
    }
}

#[test]
fn csv_unknown_column_is_reported_once_at_its_header_cell() {
    let r = rules();
    let text = "id,name,district,vu@nam,typo\nx1,A,B,3,\nx2,A,B,3,7\nx3,A,B,3,8\n";
    let d = load_text(&r, "d.csv", text.to_string(), DataFormat::Csv);
    assert_eq!(d.diagnostics.len(), 1);
    assert_eq!(
        location(&d.diagnostics[0], &d.sources).as_deref(),
        Some("d.csv:1:25")
    );
    let invalid: Vec<bool> = d.areas.iter().map(|a| a.invalid).collect();
    assert_eq!(
        invalid,
        [false, true, true],
        "only rows with a value in the unknown column"
    );
}

#[test]
fn csv_rows_that_are_not_utf8_are_invalid_not_fatal() {
    let r = rules();
    let dir = std::env::temp_dir().join(format!("tieuchi-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let path = dir.join("latin1.csv");
    std::fs::write(
        &path,
        b"id,name,district,vu@nam\nx1,X\xe3 M\xf4t,B,3\nx2,Xa Hai,B,4\n",
    )
    .ok();
    let d = tieuchi::data::load_path(&r, &path, None).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(d.areas.len(), 2);
    assert!(d.areas[0].invalid && !d.areas[1].invalid);
    assert!(d.diagnostics[0].message.to_string().contains("not UTF-8"));
}

#[test]
fn names_typed_with_combining_marks_match_their_composed_spelling() {
    // "vụ_án" as NFD (u + combining dot below, a + combining acute) in the rules, NFC in the data
    let rules = "ruleset u \"U\"\ninput vu\u{323}_a\u{301}n \"Vụ án\": count\ninput nhom \"N\": choice(ma_tu\u{301}y, ttxh)\nassessment x \"X\" when nhom == ma_tu\u{301}y {\n  criterion C \"c\" { vụ_án >= 1 }\n  outcome d \"D\" when C\n  outcome k \"K\" otherwise\n}\n";
    let data = "{\"areas\":[{\"id\":\"a\",\"values\":{\"vụ_án\":3,\"nhom\":\"ma_túy\"}}]}";
    let doc = tieuchi::assess_text(rules, data, DataFormat::Json, &[])
        .map(|o| o.to_json(false))
        .unwrap_or_default();
    assert_eq!(doc["areas"][0]["assessments"]["x"]["verdict"], "d", "{doc}");
    assert_eq!(doc["areas"][0]["status"], "valid");
}

#[test]
fn tools_can_hand_over_values_they_already_hold() {
    use tieuchi::data::{from_raw, RawArea, RawValue};
    let r = rules();
    let span = tieuchi::ast::Span::default();
    let area = |id: &str, vu: &str| RawArea {
        id: Some(id.into()),
        name: String::new(),
        district: String::new(),
        values: vec![("vu@nam".into(), span, RawValue::Number(vu.into()), span)],
        span,
        from_csv: false,
        broken: false,
    };
    let d = from_raw(&r, vec![area("a", "3"), area("b", "-1")]);
    assert_eq!(d.areas[0].values[slot(&r, "vu@nam")], Value::Num(3.into()));
    assert!(!d.areas[0].invalid && d.areas[1].invalid);
    assert_eq!(d.diagnostics[0].code, "tieuchi::data::negative_count");
}

/// (code, location) of each diagnostic.
fn found(d: &tieuchi::Dataset) -> Vec<(&str, String)> {
    d.diagnostics
        .iter()
        .map(|x| (x.code, location(x, &d.sources).unwrap_or_default()))
        .collect()
}

const REPEAT: &str = "tieuchi::data::duplicate_key";

#[test]
fn a_key_repeated_in_a_json_area_makes_that_area_invalid() {
    let r = rules();
    // The second area repeats `vu@nam`, the third `id`, the fourth a key spelled once composed
    // and once with a combining mark (the same key once normalised).
    let text = "{ \"areas\": [\n  { \"id\": \"ok\", \"values\": { \"vu@nam\": 2 } },\n  { \"id\": \"v\", \"values\": { \"vu@nam\": 2, \"vu@nam\": 3 } },\n  { \"id\": \"i\", \"id\": \"j\", \"values\": { } },\n  { \"id\": \"n\", \"values\": { \"nhóm\": 1, \"nho\u{301}m\": 2 } }\n] }";
    let d = load_text(&r, "d.json", text.to_string(), DataFormat::Json);
    let got = found(&d);
    assert_eq!(got[0], (REPEAT, "d.json:3:41".to_string()));
    assert_eq!(got[1], (REPEAT, "d.json:4:16".to_string()));
    assert!(got[2..].iter().any(|(c, _)| *c == REPEAT), "{got:?}");
    assert!(d.diagnostics[0]
        .message
        .to_string()
        .contains("`vu@nam` is written twice"));
    let invalid: Vec<bool> = d.areas.iter().map(|a| a.invalid).collect();
    assert_eq!(invalid, [false, true, true, true]);
}

#[test]
fn a_second_areas_list_makes_the_json_unreadable() {
    let r = rules();
    let text = "{ \"areas\": [ { \"id\": \"a\", \"values\": {} } ],\n  \"areas\": [ { \"id\": \"b\", \"values\": {} } ] }";
    let d = load_text(&r, "d.json", text.to_string(), DataFormat::Json);
    assert_eq!(found(&d), [(REPEAT, "d.json:2:3".to_string())]);
    assert!(d.areas.is_empty() && d.has_errors());
}

#[test]
fn a_repeated_csv_column_makes_the_file_unreadable() {
    let r = rules();
    let text = "id,name,district,vu@nam,ty_le,vu@nam\nx1,A,B,3,50,4\n";
    let d = load_text(&r, "d.csv", text.to_string(), DataFormat::Csv);
    assert_eq!(found(&d), [(REPEAT, "d.csv:1:31".to_string())]);
    assert!(d.diagnostics[0]
        .message
        .to_string()
        .contains("column `vu@nam` appears twice"));
    assert!(d.areas.is_empty() && d.has_errors());
}

#[test]
fn trailing_unnamed_csv_columns_are_not_repeats() {
    let r = rules();
    let text = "id,name,district,vu@nam,,\nx1,A,B,3,,\n";
    let d = load_text(&r, "d.csv", text.to_string(), DataFormat::Csv);
    assert!(
        !d.diagnostics.iter().any(|x| x.code == REPEAT),
        "{:?}",
        found(&d)
    );
    assert_eq!(d.areas.len(), 1);
}

#[test]
fn a_key_repeated_in_ron_is_diagnosed() {
    let r = rules();
    let text = "(areas: [\n (id: \"ok\", values: {\"vu@nam\": 3}),\n (id: \"v\", values: {\"vu@nam\": 3, \"vu@nam\": 4}),\n])";
    let d = load_text(&r, "d.ron", text.to_string(), DataFormat::Ron);
    assert_eq!(found(&d), [(REPEAT, "d.ron:3:34".to_string())]);
    let invalid: Vec<bool> = d.areas.iter().map(|a| a.invalid).collect();
    assert_eq!(invalid, [false, true]);
    let twice = "(areas: [ (id: \"a\", values: {}) ], areas: [])";
    let d = load_text(&r, "d.ron", twice.to_string(), DataFormat::Ron);
    assert_eq!(found(&d), [(REPEAT, "d.ron:1:36".to_string())]);
    assert!(d.areas.is_empty());
}

// ---- Vietnamese CSV habits and whole-data-set problems (issue 8, parts 4 and 5) ----

use tieuchi::data::{load_text_with, DecimalMark, LoadOptions};

fn num(s: &str) -> Value {
    Value::Num(s.parse().unwrap_or_default())
}

fn csv(text: &str) -> tieuchi::Dataset {
    load_text(&rules(), "d.csv", text.to_string(), DataFormat::Csv)
}

fn forced(text: &str, mark: DecimalMark) -> tieuchi::Dataset {
    let opts = LoadOptions {
        decimal: Some(mark),
        ..Default::default()
    };
    load_text_with(&rules(), "d.csv", text.to_string(), DataFormat::Csv, &opts)
}

fn codes(d: &tieuchi::Dataset) -> Vec<(&'static str, String)> {
    d.diagnostics
        .iter()
        .map(|x| (x.code, location(x, &d.sources).unwrap_or_default()))
        .collect()
}

#[test]
fn semicolon_csv_reads_decimal_commas_and_grouping_dots() {
    let r = rules();
    let text = "id;name;district;vu@nam;ty_le;dien_tich\nx1;Xã A;H;10.000;87,5%;1.234,5\nx2;B;H;3;87,5;12\n";
    let d = csv(text);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas[0].name, "Xã A");
    assert_eq!(d.areas[0].values[slot(&r, "vu@nam")], num("10000"));
    assert_eq!(d.areas[0].values[slot(&r, "ty_le")], num("0.875"));
    assert_eq!(d.areas[1].values[slot(&r, "ty_le")], num("0.875"));
    assert_eq!(d.areas[0].values[slot(&r, "dien_tich")], num("1234.5"));
    // Excel's `sep=;` line names the separator.
    let named = csv("sep=;\r\nid;name;vu@nam;dien_tich\r\nx1;A, B;1.000;-2,5\r\nx2;C;x;\r\n");
    assert_eq!(named.areas[0].name, "A, B");
    assert_eq!(named.areas[0].values[slot(&r, "vu@nam")], num("1000"));
    assert_eq!(named.areas[0].values[slot(&r, "dien_tich")], num("-2.5"));
    assert_eq!(
        codes(&named),
        [("tieuchi::data::wrong_type", "d.csv:4:6".to_string())]
    );
    assert!(named.diagnostics[0]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("decimal commas"));
    let tabs = csv("id\tname\tvu@nam\tdien_tich\nx1\tA\t7\t800.5\n");
    assert!(tabs.diagnostics.is_empty(), "{:?}", tabs.diagnostics);
    assert_eq!(tabs.areas[0].values[slot(&r, "dien_tich")], num("800.5"));
}

#[test]
fn a_grouping_dot_in_a_count_of_a_comma_file_is_ambiguous() {
    let d = csv("id,name,vu@nam,dien_tich\nx1,A,10.000,10.000\nx2,B,1.500,\nx3,C,12,\n");
    let got = codes(&d);
    assert_eq!(
        got,
        [
            ("tieuchi::data::ambiguous_number", "d.csv:2:6".to_string()),
            ("tieuchi::data::ambiguous_number", "d.csv:3:6".to_string()),
        ]
    );
    let first = &d.diagnostics[0];
    assert!(
        first.message.to_string().contains("10000") && first.message.to_string().contains("or 10?"),
        "{first:?}"
    );
    assert!(first
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("write `10000` or `10`"));
    assert!(
        d.diagnostics[1].message.to_string().contains("1500")
            && d.diagnostics[1].message.to_string().contains("1.5")
    );
    let invalid: Vec<bool> = d.areas.iter().map(|a| a.invalid).collect();
    assert_eq!(invalid, [true, true, false]);
    // A `number` column reads `10.000` as ten: a decimal point is the file's own.
    assert_eq!(d.areas[0].values[slot(&rules(), "dien_tich")], num("10"));
    let d = forced("id,name,vu@nam\nx1,A,10.000\n", DecimalMark::Point);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas[0].values[slot(&rules(), "vu@nam")], num("10"));
    let d = forced(
        "id,name,vu@nam,dien_tich\nx1,A,10.000,\"12,5\"\n",
        DecimalMark::Comma,
    );
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas[0].values[slot(&rules(), "vu@nam")], num("10000"));
    assert_eq!(d.areas[0].values[slot(&rules(), "dien_tich")], num("12.5"));
}

#[test]
fn commas_in_numbers_and_misfit_grouping_are_problems_not_guesses() {
    let d = csv("id,name,dien_tich,vu@nam\nx1,A,\"1,234\",\nx2,B,\"12,5\",\nx3,C,1.234.567,\n");
    let msgs: Vec<(&str, String)> = d
        .diagnostics
        .iter()
        .map(|x| (x.code, x.message.to_string()))
        .collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(msgs
        .iter()
        .all(|(c, _)| *c == "tieuchi::data::ambiguous_number"));
    assert!(
        msgs[0].1.contains("thousands separator or a decimal comma"),
        "{msgs:?}"
    );
    assert!(d.diagnostics[0]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("`1234` or `1.234`"));
    assert!(msgs[1].1.contains("decimal comma"), "{msgs:?}");
    assert!(d.diagnostics[2]
        .help
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
        .contains("`1234567`"));
    let d = csv("id;name;dien_tich;vu@nam\nx1;A;1.23.4;\nx2;B;12.5;\n");
    assert_eq!(d.diagnostics.len(), 2, "{:?}", d.diagnostics);
    assert!(d
        .diagnostics
        .iter()
        .all(|x| x.code == "tieuchi::data::ambiguous_number"
            && x.message.to_string().contains("groups digits by three")));
    assert_eq!(
        location(&d.diagnostics[0], &d.sources).as_deref(),
        Some("d.csv:2:6")
    );
}

#[test]
fn a_count_written_as_a_grouped_text_in_json_or_ron_is_ambiguous() {
    let r = rules();
    let json = r#"{ "areas": [ { "id": "a", "values": { "vu@nam": "10.000" } },
                   { "id": "b", "values": { "vu@nam": 10.000 } } ] }"#;
    let d = load_text(&r, "d.json", json.to_string(), DataFormat::Json);
    assert_eq!(
        codes(&d),
        [("tieuchi::data::ambiguous_number", "d.json:1:49".to_string())]
    );
    assert_eq!(d.areas[1].values[slot(&r, "vu@nam")], num("10"));
    let ron = r#"(areas: [(id: "a", values: {"vu@nam": "1.500"})])"#;
    let d = load_text(&r, "d.ron", ron.to_string(), DataFormat::Ron);
    assert_eq!(d.diagnostics.len(), 1, "{:?}", d.diagnostics);
    assert_eq!(d.diagnostics[0].code, "tieuchi::data::ambiguous_number");
}

#[test]
fn rows_whose_cells_are_all_empty_are_skipped() {
    let d = csv("id,name,district,vu@nam\r\nx1,A,B,3\r\n,,,\r\n , ,,\r\n,,\r\nx2,C,D,4\r\n;;;\r\n");
    // `;;;` is one cell in a comma file: not empty, so it is a row (with too few cells).
    let ids: Vec<&str> = d.areas.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x1", "x2", ";;;"]);
    let d = csv("id;name;district;vu@nam\nx1;A;B;3\n;;;\n;;;\n");
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.areas.len(), 1);
}

#[test]
fn a_file_that_is_no_data_set_names_the_likely_cause() {
    let cases = [
        (
            "id;name,district\nx;A,B\n",
            "seems to use `;` between cells",
        ),
        ("name,district,vu@nam\nA,B,3\n", "has no `id` column"),
        ("ID,name\nx,A\n", "in lowercase"),
        ("name,id\nA,x\n", "`id` must be the first column"),
        ("{ \"areas\": [] }\n", "seems to be JSON"),
        ("# only a comment\n\n", "no header row"),
    ];
    for (text, cause) in cases {
        let d = csv(text);
        assert!(d.unreadable, "{text}");
        assert!(
            d.diagnostics[0].message.to_string().contains(cause),
            "{text}: {:?}",
            d.diagnostics
        );
    }
}

#[test]
fn a_duplicate_area_id_keeps_the_first_row_and_counts_it_once() {
    let src = r#"
ruleset d "Data"
input vu "Vụ": count
assessment x "X" {
  criterion C "c" { vu >= 1 }
  outcome y "Y" when C
  outcome n "N" otherwise
}
target T "t" { count(x == y) >= 2 }
"#;
    let checked = tieuchi::check_text("d.tc", src);
    let r = checked
        .rules
        .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    let d = load_text(
        &r,
        "d.csv",
        "id,vu\na,5\na,0\nb,0\n".into(),
        DataFormat::Csv,
    );
    assert_eq!(d.areas.len(), 2);
    assert_eq!((d.areas[0].id.as_str(), d.areas[0].invalid), ("a", false));
    assert_eq!(d.areas[0].values[0], num("5"));
    assert_eq!(
        codes(&d),
        [("tieuchi::data::duplicate_id", "d.csv:3:1".to_string())]
    );
    assert!(d.diagnostics[0]
        .message
        .to_string()
        .contains("the first area with it is used"));
    let outcome = tieuchi::Results::from_parts(tieuchi::compile(&r, &[]), d);
    // Counted once: `a` passes, `b` fails, so 1 area, not met (before: `unknown`, 1–2 areas).
    assert_eq!(outcome.to_json(false)["targets"][0]["result"], "not_met");
}

#[test]
fn csv_positions_are_the_bad_cell_with_crlf_comments_bom_and_quotes() {
    let text = "\u{feff}# xuất từ Excel\r\nid,name,district,vu@nam,ty_le\r\n# ghi chú\r\nx1,\"Xã Một,\r\nthôn Hai\",Huyện Ba,3,50\r\nx2,\"Xã \"\"Bốn\"\"\",Huyện Năm,-1,50\r\nx3,Xã Sáu,Huyện Bảy,2,abc\r\n";
    let d = csv(text);
    let got = codes(&d);
    assert_eq!(
        got,
        [
            ("tieuchi::data::negative_count", "d.csv:6:27".to_string()),
            ("tieuchi::data::wrong_type", "d.csv:7:23".to_string()),
        ]
    );
    assert_eq!(d.areas[0].name, "Xã Một,\r\nthôn Hai");
    // Text output counts columns in characters too, as JSON does.
    for x in &d.diagnostics {
        let at = location(x, &d.sources).unwrap_or_default();
        let text = tieuchi::diag::render_text(x, &d.sources, false, tieuchi::i18n::Lang::En);
        assert!(text.contains(&format!("[{at}]")), "{at}\n{text}");
    }
}

#[test]
fn a_forgotten_column_is_a_warning_of_the_whole_data_set() {
    let r = rules();
    let opts = LoadOptions {
        whole_set: true,
        ..Default::default()
    };
    let text = "id,name,nhom,vu@nam,ty_le,co,ngay,dien_tich,ghi_chu\nx1,A,ttxh,,87.5,có,2024-06-14,800.5,ok\nx2,B,,,,,,,\n";
    let d = load_text_with(&r, "d.csv", text.to_string(), DataFormat::Csv, &opts);
    let warned: Vec<String> = d
        .diagnostics
        .iter()
        .map(|x| x.message.to_string())
        .collect();
    assert_eq!(warned, ["no area has a value for `vu@nam` (Vụ)"]);
    assert!(!d.has_errors());
    let plain = load_text(&r, "d.csv", text.to_string(), DataFormat::Csv);
    assert!(plain.diagnostics.is_empty());
}

#[test]
fn an_invalid_area_carries_its_problems() {
    let d = csv("id,name,vu@nam,co,zzz\nx1,A,-1,abc,\nx2,B,2,1,\nx3,C,2,1,9\n");
    assert_eq!(d.areas[0].problems.len(), 2, "{:?}", d.areas[0].problems);
    assert!(d.areas[0].problems[0]
        .to_string()
        .contains("a count cannot be negative"));
    assert!(d.areas[1].problems.is_empty());
    assert_eq!(
        d.areas[2].problems[0].to_string(),
        "`zzz` is not an input of the rules"
    );
    assert_eq!(d.areas[2].problems.len(), 1);
    let short = csv("id,name,vu@nam\nx1,A\n");
    assert!(short.areas[0].problems[0]
        .to_string()
        .contains("has 2 cells but the header has 3"));
}

/// A CSV header with parentheses that do not hold a data key (`Ghi chú A (%)`) is a column name
/// as written, as in a workbook: two such columns are two unknown columns, not one repeated `%`.
#[test]
fn header_parentheses_name_a_key_only_when_they_hold_one() {
    let rules = tieuchi::check_text(
        "r.tc",
        "ruleset r \"R\"\ninput x \"X\": count\nassessment a \"A\" {\n  criterion C \"c\" required { x >= 1 }\n  outcome o \"O\" otherwise\n}\n",
    )
    .rules
    .expect("rules check");
    let csv = "id,Số vụ (x),Ghi chú A (%),Ghi chú B (%)\nr1,2,,\n";
    let data = tieuchi::data::load_text(&rules, "d.csv", csv.into(), tieuchi::DataFormat::Csv);
    assert!(!data.unreadable, "{:?}", data.diagnostics);
    assert_eq!(data.areas.len(), 1);
    assert!(!data.areas[0].invalid, "{:?}", data.diagnostics);
}
