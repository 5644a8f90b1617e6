//! `tieuchi serve` over real HTTP: the binary is started on 127.0.0.1:0 and spoken to with a
//! small blocking client. Every route; the documents equal the CLI's; problems for bad input of
//! every kind; ids only, never paths; the limits; reload of the rules folder under load.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "serve_support/mod.rs"]
mod serve_support;

use serde_json::Value;
use serve_support::{answer, get, post, Server};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tieuchi");
const JSON: &str = "application/json";
const CSV: &str = "text/csv";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Server {
    Server::start(BIN, &root().join("rules"))
}

fn data(name: &str) -> Vec<u8> {
    std::fs::read(root().join("data").join(name)).unwrap()
}

/// The CLI's JSON for the same question.
fn cli_json(args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .args(args)
        .env("TIEUCHI_LANG", "en")
        .current_dir(root())
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", String::from_utf8_lossy(&out.stderr)))
}

fn verdicts(doc: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for a in doc["areas"].as_array().unwrap() {
        for (id, x) in a["assessments"].as_object().unwrap() {
            out.push((
                a["id"].as_str().unwrap().to_string(),
                id.clone(),
                x["verdict"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

#[test]
fn lists_the_rulesets_of_the_folder_by_id_with_valid_ranges_and_hashes() {
    let s = shipped();
    let a = get(&s.url("/v1/rulesets"));
    assert_eq!(a.status, 200);
    let doc = a.json();
    let list = doc["rulesets"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "ma_tuy_qd28_2025",
            "quang_binh_2024",
            "quang_binh_2025_du_thao"
        ]
    );
    let qb = &list[1];
    assert_eq!(qb["valid"]["from"], "2024-01-23");
    assert_eq!(qb["valid"]["to"], "2024-12-14");
    assert_eq!(qb["file"], "quang-binh-2024.tc");
    let bytes = std::fs::read(root().join("rules/quang-binh-2024.tc")).unwrap();
    assert_eq!(qb["sha256"], tieuchi::check::hex_sha256(&bytes));
    assert!(qb["params"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == "nguong_kham_pha" && p["value"] == "80%"));
    assert_eq!(doc["not_served"], serde_json::json!([]));
    // The text of a ruleset, by id.
    let src = get(&s.url("/v1/rulesets/quang_binh_2024/source"));
    assert_eq!(src.status, 200);
    assert_eq!(src.body, bytes);
}

#[test]
fn assess_gives_the_cli_document_for_json_csv_and_xlsx_bodies() {
    let s = shipped();
    let url = s.url("/v1/rulesets/quang_binh_2024/assess?lang=en");
    let json = post(&url, JSON, &data("quang-binh-2024.json"));
    assert_eq!(json.status, 200, "{}", json.text());
    assert_eq!(json.content_type, JSON);
    let cli = cli_json(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--format",
        "json",
    ]);
    let mut doc = json.json();
    // The data file's name is the only difference: the CLI names the file, the server "body".
    assert!(doc["data_diagnostics"].is_array());
    doc["data_diagnostics"] = cli["data_diagnostics"].clone();
    assert_eq!(doc, cli);

    let explained = post(
        &format!("{url}&explain=true"),
        JSON,
        &data("quang-binh-2024.json"),
    );
    let cli_explained = cli_json(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--format",
        "json",
        "--explain",
    ]);
    let mut e = explained.json();
    e["data_diagnostics"] = cli_explained["data_diagnostics"].clone();
    assert_eq!(e, cli_explained);

    let csv = post(&url, CSV, &data("quang-binh-2024.csv"));
    assert_eq!(csv.status, 200, "{}", csv.text());
    assert_eq!(verdicts(&csv.json()), verdicts(&cli));

    let xlsx = post(&url, XLSX, &workbook_of_csv(&data("quang-binh-2024.csv")));
    assert_eq!(xlsx.status, 200, "{}", xlsx.text());
    assert_eq!(verdicts(&xlsx.json()), verdicts(&cli));
    assert_eq!(verdicts(&cli).len(), 32);
}

/// The shipped CSV as a workbook (every cell as text, as a clerk might type it).
fn workbook_of_csv(csv: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = text.lines().filter(|l| !l.starts_with('#'));
    for (r, line) in rows.enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn overrides_and_language_come_from_the_query() {
    let s = shipped();
    let body = data("quang-binh-2024.json");
    let url =
        s.url("/v1/rulesets/quang_binh_2024/assess?set=diem_dat=70&set=nguong_kham_pha=90%25");
    let doc = post(&url, JSON, &body).json();
    assert_eq!(doc["params"]["diem_dat"]["written"], "70");
    assert_eq!(doc["params"]["nguong_kham_pha"]["written"], "90%");
    let cli = cli_json(&[
        "assess",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--format",
        "json",
        "--set",
        "diem_dat=70",
        "--set",
        "nguong_kham_pha=90%",
    ]);
    assert_eq!(verdicts(&doc), verdicts(&cli));

    let bad = post(
        &s.url("/v1/rulesets/quang_binh_2024/assess?set=khong_co=1&lang=en"),
        JSON,
        &body,
    );
    let p = bad.problem(400);
    assert!(p["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("khong_co"));
    let vi = post(
        &s.url("/v1/rulesets/quang_binh_2024/assess?set=khong_co=1&lang=vi"),
        JSON,
        &body,
    );
    let pv = vi.problem(400);
    assert_ne!(
        pv["diagnostics"][0]["message"],
        p["diagnostics"][0]["message"]
    );
    post(
        &s.url("/v1/rulesets/quang_binh_2024/assess?lang=fr"),
        JSON,
        &body,
    )
    .problem(400);
    post(
        &s.url("/v1/rulesets/quang_binh_2024/assess?explain=maybe"),
        JSON,
        &body,
    )
    .problem(400);
    post(
        &s.url("/v1/rulesets/quang_binh_2024/assess?nonsense=1"),
        JSON,
        &body,
    )
    .problem(400);
}

#[test]
fn validate_explain_diff_and_sweep_give_the_cli_documents() {
    let s = shipped();
    let body = data("quang-binh-2024.json");
    let base = s.url("/v1/rulesets/quang_binh_2024");

    let v = post(&format!("{base}/validate?lang=en"), JSON, &body);
    assert_eq!(v.status, 200);
    let cli_v = cli_json(&[
        "validate",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--format",
        "json",
    ]);
    let strip = |mut d: Value| {
        for x in d["data_diagnostics"].as_array_mut().unwrap() {
            x["file"] = Value::Null;
        }
        d
    };
    assert_eq!(strip(v.json()), strip(cli_v));
    let wrong = br#"{ "areas": [ { "id": "x", "values": { "vu_pham_phap@ca_nam": -3 } } ] }"#;
    let w = post(&format!("{base}/validate?lang=en"), JSON, wrong).json();
    assert!(w["data_diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"].as_str().unwrap().starts_with("tieuchi::data::") && d["line"] == 1));

    let x = post(&format!("{base}/explain/vinh-ninh?lang=en"), JSON, &body);
    assert_eq!(x.status, 200, "{}", x.text());
    let x = x.json();
    assert_eq!(x["area"]["id"], "vinh-ninh");
    assert_eq!(x["area"]["assessments"]["chuyen_hoa"]["verdict"], "dat");
    assert!(x["area"]["assessments"]["chuyen_hoa"]["criteria"][1]["explanation"].is_object());
    let text = x["text"].as_str().unwrap();
    assert!(text.contains("C2") && text.contains("91.67%"), "{text}");
    let vi = post(&format!("{base}/explain/vinh-ninh?lang=vi"), JSON, &body).json();
    assert!(vi["text"].as_str().unwrap().contains("91,67%"));
    let none = post(&format!("{base}/explain/vinh-nin?lang=en"), JSON, &body).problem(404);
    assert!(
        none["detail"].as_str().unwrap().contains("vinh-ninh"),
        "{none}"
    );

    let d = post(
        &format!("{base}/diff?against=quang_binh_2025_du_thao"),
        JSON,
        &body,
    );
    assert_eq!(d.status, 200, "{}", d.text());
    let cli_d = cli_json(&[
        "diff",
        "rules/quang-binh-2024.tc",
        "rules/quang-binh-2025-draft.tc",
        "data/quang-binh-2024.json",
        "--format",
        "json",
    ]);
    let d = d.json();
    for key in ["areas_compared", "areas", "targets", "edits", "applicable"] {
        assert_eq!(d[key], cli_d[key], "{key}");
    }
    assert!(!d["areas"].as_array().unwrap().is_empty());
    let what_if = post(&format!("{base}/diff?set=diem_dat=70"), JSON, &body).json();
    assert_eq!(what_if["edits"][0]["name"], "diem_dat");
    post(&format!("{base}/diff"), JSON, &body).problem(400);
    post(&format!("{base}/diff?against=nope"), JSON, &body).problem(404);

    let sw = post(
        &format!("{base}/sweep?param=nguong_kham_pha=60%25..95%25/5%25"),
        JSON,
        &body,
    );
    assert_eq!(sw.status, 200, "{}", sw.text());
    let cli_sw = cli_json(&[
        "sweep",
        "rules/quang-binh-2024.tc",
        "data/quang-binh-2024.json",
        "--param",
        "nguong_kham_pha=60%..95%/5%",
        "--format",
        "json",
    ]);
    assert_eq!(sw.json(), cli_sw);
    assert_eq!(cli_sw["rows"].as_array().unwrap().len(), 8);
    post(&format!("{base}/sweep"), JSON, &body).problem(400);
    let bad = post(&format!("{base}/sweep?param=khong_co=1..2/1"), JSON, &body).problem(400);
    assert!(!bad["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn template_schema_check_and_openapi() {
    let s = shipped();
    let t = get(&s.url("/v1/rulesets/quang_binh_2024/template"));
    assert_eq!(t.status, 200);
    assert_eq!(t.content_type, XLSX);
    assert_eq!(&t.body[..2], b"PK");
    let c = get(&s.url("/v1/rulesets/quang_binh_2024/template?format=csv")).text();
    assert!(c.contains("vu_pham_phap@ca_nam"), "{c}");
    get(&s.url("/v1/rulesets/quang_binh_2024/template?format=pdf")).problem(400);

    let schema = get(&s.url("/v1/rulesets/quang_binh_2024/schema"));
    let cli_schema = cli_json(&["schema", "rules/quang-binh-2024.tc"]);
    assert_eq!(schema.json(), cli_schema);

    let ok = std::fs::read(root().join("rules/quang-binh-2024.tc")).unwrap();
    let a = post(&s.url("/v1/check?lang=en"), "text/plain", &ok);
    assert_eq!(a.status, 200);
    assert!(diagnostics(&a.json())
        .iter()
        .all(|d| d["severity"] != "error"));
    let bad = "ruleset x \"X\"\ninput a \"A\": countt\n";
    let d = diagnostics(&post(&s.url("/v1/check?lang=en"), "text/plain", bad.as_bytes()).json());
    assert_eq!(d[0]["severity"], "error");
    assert_eq!(d[0]["line"], 2);
    assert_eq!(d[0]["file"], "posted.tc");
    post(&s.url("/v1/check"), "text/plain", &[0xff, 0xfe, 0x00]).problem(400);

    let doc = get(&s.url("/v1/openapi.json")).json();
    assert_eq!(doc["openapi"], "3.1.0");
    for p in [
        "/v1/rulesets/{id}/assess",
        "/v1/check",
        "/v1/rulesets/{id}/sweep",
    ] {
        assert!(doc["paths"][p].is_object(), "{p}");
    }
}

#[test]
fn a_posted_rules_text_reads_no_file_outside_the_rules_folder() {
    let dir = temp_dir("use");
    std::fs::write(dir.join("chung.tc"), "input vu \"Số vụ\": count\n").unwrap();
    std::fs::write(
        dir.join("a.tc"),
        "ruleset a \"A\"\nuse \"chung.tc\"\nassessment x \"X\" {\n  criterion C1 \"c\" required { vu >= 1 }\n  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\n",
    )
    .unwrap();
    let secret = dir
        .parent()
        .unwrap()
        .join(format!("secret-{}.tc", std::process::id()));
    std::fs::write(&secret, "TOP SECRET LINE\n").unwrap();
    let s = Server::start(BIN, &dir);
    let check = |text: String| post(&s.url("/v1/check?lang=en"), "text/plain", text.as_bytes());
    let inside = check("ruleset b \"B\"\nuse \"chung.tc\"\n".into()).json();
    assert!(
        diagnostics(&inside)
            .iter()
            .all(|d| d["severity"] != "error"),
        "{inside}"
    );
    let name = secret.file_name().unwrap().to_str().unwrap();
    for bad in [
        format!("use \"../{name}\"\n"),
        format!("use \"{}\"\n", secret.display()),
        "use \"/etc/passwd\"\n".to_string(),
    ] {
        let a = check(bad.clone());
        assert_eq!(a.status, 200);
        let text = a.text();
        assert!(
            !text.contains("TOP SECRET") && !text.contains("root:"),
            "{text}"
        );
        assert!(text.contains("tieuchi::check::bad_use"), "{bad}: {text}");
    }
    // Ids only: a path in the id is no ruleset.
    for id in [
        "..%2F..%2Fetc%2Fpasswd",
        "..%2Fsecret",
        "%2E%2E",
        "a.tc",
        "chung",
    ] {
        post(
            &s.url(&format!("/v1/rulesets/{id}/assess")),
            JSON,
            b"{\"areas\":[]}",
        )
        .problem(404);
        get(&s.url(&format!("/v1/rulesets/{id}/source"))).problem(404);
    }
    assert_eq!(get(&s.url("/v1/rulesets/a/source")).status, 200);
    let _ = std::fs::remove_file(&secret);
}

#[test]
fn bad_input_of_every_kind_is_a_problem_document() {
    let s = shipped();
    let url = s.url("/v1/rulesets/quang_binh_2024/assess?lang=en");
    let p = post(&url, JSON, b"{ not json").problem(422);
    assert_eq!(p["diagnostics"][0]["code"], "tieuchi::data::read");
    post(&url, JSON, b"[1, 2, 3]").problem(422);
    post(&url, JSON, b"").problem(422);
    let csv = post(
        &url,
        CSV,
        b"id,vu_pham_phap@ca_nam,vu_pham_phap@ca_nam\nx,1,2\n",
    )
    .problem(422);
    assert!(!csv["diagnostics"].as_array().unwrap().is_empty());
    post(&url, CSV, &[0x69, 0x64, 0x0a, 0xff, 0xfe]).problem(400);
    post(&url, XLSX, b"PK not a workbook").problem(422);
    post(&url, "application/pdf", b"%PDF").problem(415);
    answer(ureq::post(&url).send_bytes(b"{}")).problem(415);
    post(&s.url("/v1/rulesets/khong_co/assess"), JSON, b"{}").problem(404);
    get(&s.url("/v1/khong-co")).problem(404);
    answer(ureq::delete(&s.url("/v1/rulesets")).call()).problem(405);
    get(&s.url("/v1/rulesets/quang_binh_2024/assess")).problem(405);
    // Over the body limit (16 MiB).
    let big = vec![b' '; 17 << 20];
    let p = post(&url, JSON, &big).problem(413);
    assert!(p["detail"].as_str().unwrap().contains("16 MiB"));
    // Still serving.
    assert_eq!(post(&url, JSON, &data("quang-binh-2024.json")).status, 200);
}

#[test]
fn a_request_over_the_time_limit_is_a_503_problem_and_the_server_goes_on() {
    let mut s = Server::start_with(BIN, &root().join("rules"), &["--time-limit", "0.05"]);
    let body = generated_areas(3000);
    let url = s.url("/v1/rulesets/quang_binh_2024/sweep?param=nguong_kham_pha=0%25..99%25/0.1%25");
    let p = post(&url, JSON, &body).problem(503);
    assert!(p["detail"].as_str().unwrap().contains("time limit"));
    assert!(s.alive());
    // A client that sends its headers and then too little of its body.
    let addr = s.base.trim_start_matches("http://").to_string();
    let mut slow = std::net::TcpStream::connect(&addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    std::io::Write::write_all(
        &mut slow,
        b"POST /v1/rulesets/quang_binh_2024/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{\"areas\"",
    )
    .unwrap();
    let mut bytes = Vec::new();
    let _ = std::io::Read::read_to_end(&mut slow, &mut bytes);
    let answer = String::from_utf8_lossy(&bytes);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.contains("urn:tieuchi:problem:time-limit"),
        "{answer}"
    );
    let small = get(&s.url("/v1/rulesets"));
    assert_eq!(small.status, 200);
}

/// A data set of `n` areas (the shipped areas repeated under new ids).
pub fn generated_areas(n: usize) -> Vec<u8> {
    let doc: Value = serde_json::from_slice(&data("quang-binh-2024.json")).unwrap();
    let areas = doc["areas"].as_array().unwrap();
    let out: Vec<Value> = (0..n)
        .map(|i| {
            let mut a = areas[i % areas.len()].clone();
            a["id"] = Value::String(format!("area-{i}"));
            a
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "areas": out })).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ids(s: &Server) -> Vec<String> {
    get(&s.url("/v1/rulesets")).json()["rulesets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "not reloaded: {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_rules_folder_is_reloaded_when_it_changes_without_dropping_requests() {
    let dir = temp_dir("reload");
    let original = std::fs::read_to_string(root().join("rules/quang-binh-2024.tc")).unwrap();
    std::fs::write(dir.join("qb.tc"), &original).unwrap();
    let s = Server::start(BIN, &dir);
    assert_eq!(ids(&s), ["quang_binh_2024"]);

    // Clients assess all along; every answer must be a 200.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let url = s.url("/v1/rulesets/quang_binh_2024/assess");
    let clients: Vec<_> = (0..3)
        .map(|_| {
            let (stop, url) = (stop.clone(), url.clone());
            std::thread::spawn(move || {
                let body = data("quang-binh-2024.json");
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let a = post(&url, JSON, &body);
                    assert_eq!(a.status, 200, "{}", a.text());
                    n += 1;
                }
                n
            })
        })
        .collect();

    // A new file appears.
    let draft = std::fs::read_to_string(root().join("rules/quang-binh-2025-draft.tc")).unwrap();
    std::fs::write(dir.join("draft.tc"), &draft).unwrap();
    wait_for("a new file", || ids(&s).len() == 2);
    // A file changes: its param and hash follow.
    let sha = |s: &Server| get(&s.url("/v1/rulesets")).json()["rulesets"][0]["sha256"].clone();
    let before = sha(&s);
    let changed = original.replace("= 80%", "= 85%");
    assert_ne!(changed, original);
    std::fs::write(dir.join("qb.tc"), &changed).unwrap();
    wait_for("a changed file", || sha(&s) != before);
    let doc = post(&url, JSON, &data("quang-binh-2024.json")).json();
    assert_eq!(doc["params"]["nguong_kham_pha"]["written"], "85%");
    // A file breaks (a save half done): it is listed with its diagnostics, and the version
    // that checked is still served under its id.
    std::fs::write(
        dir.join("draft.tc"),
        "ruleset broken \"B\"\ninput a: countt\n",
    )
    .unwrap();
    let broken = || get(&s.url("/v1/rulesets")).json()["not_served"].clone();
    wait_for("a broken file", || broken().as_array().unwrap().len() == 1);
    let listed = broken();
    assert_eq!(listed[0]["file"], "draft.tc");
    assert_eq!(listed[0]["diagnostics"][0]["file"], "draft.tc");
    assert_eq!(listed[0]["still_serving"]["id"], "quang_binh_2025_du_thao");
    assert_eq!(ids(&s).len(), 2);
    // A file removed: its ruleset is gone.
    std::fs::remove_file(dir.join("draft.tc")).unwrap();
    wait_for("a removed file", || ids(&s).len() == 1);
    assert_eq!(broken(), serde_json::json!([]));

    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let served: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert!(served > 0);
}

/// The diagnostics of a `check` document (`files[].diagnostics`).
fn diagnostics(doc: &Value) -> Vec<Value> {
    assert_eq!(doc["format_version"], "1", "{doc}");
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .collect()
}
