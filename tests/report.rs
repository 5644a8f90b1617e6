//! `tieuchi report`: the council report's content in both languages, as HTML and Markdown; text
//! from the rules and data escaped; an undecided target names the areas that decide it; the
//! reproducibility footer hashes the files read. (The browser test is tests/council_report.rs.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use sha2::{Digest, Sha256};
use std::path::Path;
use std::process::Command;
use tieuchi::i18n::Lang;
use tieuchi::report::council::{self, DataMeta, FileHash, Meta, ReportFormat};

const RULES: &str = "rules/quang-binh-2024.tc";
const DATA: &str = "data/quang-binh-2024.json";

fn tieuchi(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1732838400")
        .env_remove("TIEUCHI_LANG")
        .output()
        .expect("tieuchi runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn report(args: &[&str]) -> String {
    let mut all = vec!["report", RULES, DATA];
    all.extend(args);
    let (code, out, err) = tieuchi(&all);
    assert_eq!(code, 0, "{err}");
    out
}

/// The visible text of an HTML page: without the style element, the charts and the tags.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        rest = &rest[start..];
        let skip_to = ["<style", "<svg"]
            .iter()
            .zip(["</style>", "</svg>"])
            .find(|(open, _)| rest.starts_with(**open))
            .map(|(_, close)| close);
        let end = match skip_to {
            Some(close) => rest.find(close).map(|i| i + close.len()),
            None => rest.find('>').map(|i| i + 1),
        };
        rest = &rest[end.unwrap_or(rest.len())..];
        text.push(' ');
    }
    text.push_str(rest);
    let text = text.replace("&quot;", "\"").replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sha256_of(path: &str) -> String {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_vietnamese_report_has_the_header_targets_tables_areas_and_footer() {
    let html = report(&["--lang", "vi"]);
    let text = visible(&html);
    for want in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO THẨM ĐỊNH",
        "SỐ LIỆU MINH HỌA",
        "Kế hoạch 13/KH-BCĐ ngày 23/01/2024, Ban Chỉ đạo 138 tỉnh Quảng Bình",
        "Năm 2024: từ ngày 15/12/2023 đến ngày 14/12/2024",
        "Ngày số liệu",
        "14/12/2024",
        "T60 — Ít nhất 60% địa bàn",
        "5–6 trên 8 địa bàn, tỷ lệ 62,5%–75%",
        "≥ 60%",
        "các tham số tạm tính sau",
        "diem_dat",
        "Xã Quảng Minh (quang-minh) — Thị xã Ba Đồn",
        "75% &lt; 80%: thiếu 5 điểm phần trăm",
        "Điều kiện để đạt: Số vụ điều tra, khám phá — Năm 2024 (vu_kham_pha@ca_nam) là 10 (hiện nay là 9, cần thêm 1)",
        "Số vụ phạm pháp hình sự về TTXH — Năm 2024 (vu_pham_phap@ca_nam) = 12",
        "Tỷ lệ tái phạm của người ra tù năm 2024 (ty_le_tai_pham) = ≈8,33% (1 trên 12)",
        "Chưa kết luận được (có thể: Chuyển hóa đạt / Chưa đạt)",
        "Thiếu số liệu: Số tụ điểm, điểm phức tạp về ma túy — Năm 2024 (tu_diem_ma_tuy@ca_nam)",
        "Bộ số liệu không có lỗi.",
        "Người lập báo cáo",
        "Chủ tịch Hội đồng",
        "tieuchi report rules/quang-binh-2024.tc data/quang-binh-2024.json --lang vi",
        "2024-11-29 00:00:00 UTC",
    ] {
        assert!(text.contains(want), "missing {want:?}");
    }
    // Targets first, then the assessments, then the areas.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("I. Kết quả thực hiện chỉ tiêu") < at("II. Kết quả đánh giá"));
    assert!(at("II. Kết quả đánh giá") < at("III. Giải trình"));
    // A met target lists no deciding areas.
    assert!(!text.contains("còn quyết định kết quả"));
    // Charts are inline SVG with their words as text (feature `report`).
    #[cfg(feature = "report")]
    {
        assert_eq!(
            html.matches("<svg").count(),
            4,
            "two target bars, two district charts"
        );
        assert!(
            html.contains(">\nHuyện Quảng Ninh\n</text>"),
            "a district's name as SVG text"
        );
    }
    // The hashes of the files read.
    assert!(html.contains(&sha256_of(RULES)));
    assert!(html.contains(&sha256_of(DATA)));
    // No English left in the Vietnamese text (the data's own note is bilingual, so it is cut).
    let note_free = text.replace("SYNTHETIC DATA", "");
    for english in [
        "unknown",
        "would pass",
        "short",
        "ruled out",
        "points",
        "possible",
        "missing",
        " of ",
        "against",
        "true",
        "false",
        "Page",
        "Target",
        "Area",
    ] {
        assert!(
            !note_free.contains(english),
            "English {english:?} in the Vietnamese report"
        );
    }
}

#[test]
fn the_english_report_says_the_same_in_english() {
    let html = report(&["--lang", "en"]);
    let text = visible(&html);
    for want in [
        "COUNCIL REPORT",
        "ILLUSTRATIVE DATA",
        "Date of the data",
        "2024-12-14",
        "5–6 of 8 areas, a share of 62.5%–75%",
        "75% &lt; 80%: 5 percentage points short",
        "(now 9: 1 more)",
        "Unknown (possible: Chuyển hóa đạt / Chưa đạt)",
        "Prepared by",
        "Chair of the council",
    ] {
        assert!(text.contains(want), "missing {want:?}");
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

#[test]
fn the_html_fetches_nothing() {
    let html = report(&[]);
    for banned in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href=",
    ] {
        assert!(!html.contains(banned), "{banned} in the report");
    }
    // The only URL is the SVG namespace (an identifier, never fetched).
    let urls = html.matches("http").count();
    assert_eq!(
        urls,
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
    assert!(html.contains("@page") && html.contains("size: A4"));
    assert!(html.contains("counter(page)"), "page numbers in the margin");
}

#[test]
fn markdown_is_chosen_by_flag_or_extension() {
    let md = report(&["--format", "md", "--lang", "vi"]);
    assert!(md.contains("# BÁO CÁO THẨM ĐỊNH"), "{md}");
    assert!(md.contains("| STT | Địa bàn | Cấp huyện | Kết luận |"));
    assert!(md.contains("> **SỐ LIỆU MINH HỌA"));
    assert!(md.contains("thiếu 5 điểm phần trăm"));
    assert!(!md.contains("<svg") && !md.contains("<html"));
    let dir = tempdir("md");
    let path = dir.join("bao-cao.md");
    let (code, _, err) = tieuchi(&["report", RULES, DATA, "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("**HỘI ĐỒNG THẨM ĐỊNH"), "{written}");
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-report-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_undecided_target_names_the_areas_that_decide_it() {
    // Without Vĩnh Ninh's cleared cases, 4 to 6 of 8 areas convert: 50%–75% against 60%.
    let data = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DATA)).unwrap();
    let emptied = data.replacen(
        "\"vu_kham_pha@ca_nam\": 11",
        "\"vu_kham_pha@ca_nam\": null",
        1,
    );
    assert_ne!(data, emptied);
    let dir = tempdir("undecided");
    let path = dir.join("data.json");
    std::fs::write(&path, emptied).unwrap();
    let (code, html, err) = tieuchi(&["report", RULES, path.to_str().unwrap(), "--lang", "vi"]);
    assert_eq!(code, 0, "{err}");
    let text = visible(&html);
    let t60 = &text[text.find("T60 —").unwrap()..text.find("T85 —").unwrap()];
    assert!(t60.contains("Kết quả Chưa kết luận được"), "{t60}");
    assert!(t60.contains("4–6 trên 8 địa bàn, tỷ lệ 50%–75%"), "{t60}");
    let list = &t60[t60.find("còn quyết định kết quả").expect(t60)..];
    assert!(
        list.contains("Xã Vĩnh Ninh (vinh-ninh) — Huyện Quảng Ninh"),
        "{list}"
    );
    assert!(
        list.contains("Phường Bắc Lý (bac-ly) — Thành phố Đồng Hới"),
        "{list}"
    );
    assert!(
        !list.contains("quang-chau"),
        "a decided area does not decide: {list}"
    );
}

#[test]
fn a_param_set_for_the_run_is_shown_with_the_declared_value() {
    let html = report(&["--set", "diem_dat=70"]);
    assert!(visible(&html).contains("70 (đặt riêng cho lần lập báo cáo này; bộ tiêu chí ghi 60)"));
    assert!(html.contains("--set diem_dat=70"));
}

const HOSTILE_RULES: &str = r#"
ruleset h "<script>alert('t')</script> & co"
source "</style><b>nguồn</b>"
input v "Số vụ <i>x</i>": count
assessment a "Đánh giá <a>" {
  criterion C1 "Tiêu chí \"<img src=x onerror=alert(1)>\"" required { v >= 1 }
  outcome dat "Đạt <u>" when all_required
  outcome chua_dat "Chưa đạt" otherwise
}
target T "Chỉ tiêu <svg onload=alert(1)>" { share(a == dat) >= 50% }
"#;

const HOSTILE_DATA: &str = r#"{ "note": "<script>x</script>", "areas": [
  { "id": "x<b>", "name": "Xã <img src=x>", "district": "Huyện </text><script>", "values": { "v": 0 } },
  { "id": "y", "name": "Xã Y", "district": "Huyện Y", "values": { "v": 2 } },
  { "id": "z", "name": "Xã Z", "district": "Huyện Y", "values": { "v": "nhiều" } } ] }"#;

fn hostile_meta(command: &str) -> Meta {
    Meta {
        rules_files: vec![FileHash {
            name: "<rules>.tc".into(),
            sha256: "00".into(),
        }],
        data_file: FileHash {
            name: "<data>.json".into(),
            sha256: "11".into(),
        },
        data: DataMeta::read(HOSTILE_DATA),
        generated: "now".into(),
        command: command.into(),
        version: "0".into(),
    }
}

#[test]
fn text_from_the_rules_and_the_data_is_escaped() {
    let outcome = tieuchi::assess_text(HOSTILE_RULES, HOSTILE_DATA, tieuchi::DataFormat::Json, &[])
        .map_err(|d| format!("{d:?}"))
        .unwrap();
    let meta = hostile_meta("tieuchi report '<x>' </pre><script>");
    for lang in [Lang::Vi, Lang::En] {
        let html = council::render(&outcome, &meta, lang, ReportFormat::Html);
        for banned in [
            "<script", "<img", "<b>", "<i>", "<a>", "<u>", "onload", "</text><",
        ] {
            let raw = banned.starts_with('<') && html.contains(banned);
            assert!(!raw, "{banned} unescaped");
        }
        assert!(!html.contains("<svg onload"), "escaped in the chart too");
        assert_eq!(
            html.matches("</style>").count(),
            1,
            "the running header cannot close the styles"
        );
        assert_eq!(html.matches("</pre>").count(), 1);
        assert!(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; co"));
        assert!(html.contains("Xã &lt;img src=x&gt;"));
        // The invalid area is listed among the data problems.
        assert!(html.contains("Xã Z (z)"), "invalid area named");
        let md = council::render(&outcome, &meta, lang, ReportFormat::Markdown);
        // Only the command, inside its code fence (which Markdown shows as text), keeps `<`.
        assert!(!md.contains("<img"), "{md}");
        assert_eq!(md.matches("<script").count(), 1, "{md}");
        assert!(
            md.contains("```\ntieuchi report '<x>' </pre><script>\n```"),
            "{md}"
        );
        assert!(md.contains("&lt;script&gt;"));
    }
}

#[test]
fn the_footer_hashes_every_used_rules_file() {
    let dir = tempdir("used");
    std::fs::write(
        dir.join("data.json"),
        r#"{ "areas": [ { "id": "a", "values": { "n": 2 } } ] }"#,
    )
    .unwrap();
    let (code, html, err) = tieuchi(&[
        "report",
        "tests/fixtures/check/use_ok.tc",
        dir.join("data.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains(&sha256_of("tests/fixtures/check/use_ok.tc")));
    assert!(
        html.contains(&sha256_of("tests/fixtures/check/used/shared.tc")),
        "the used file"
    );
    assert!(html.contains("shared.tc"));
    // No `note`, no `synthetic`: no banner, and the date of the data is said to be missing.
    assert!(!html.contains("SỐ LIỆU MINH HỌA"));
    assert!(html.contains("bộ số liệu không ghi"));
}

#[test]
fn unusable_input_exits_2_without_a_report() {
    let (code, out, err) = tieuchi(&["report", RULES, "data/no-such-file.json"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    let (code, out, err) = tieuchi(&["report", RULES, "-", "--data-format", "json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("SHA-256"), "{err}");
    let (code, _, _) = tieuchi(&["report", "rules/no-such.tc", DATA]);
    assert_eq!(code, 2);
    let (code, _, err) = tieuchi(&["report", RULES, DATA, "-o", "/nonexistent-dir/x.html"]);
    assert_eq!(code, 2, "{err}");
}
