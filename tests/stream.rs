//! Streaming `assess --format json` (a data file read, assessed and written a batch at a time)
//! writes the same bytes as loading the whole data set, and the incremental assessor gives the
//! same results on one thread and on several.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use tieuchi::data::{load_path, DataFormat};
use tieuchi::eval::{assess, compile, Assessor};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The document the whole-load path writes (the library's renderer, without indentation).
fn whole(rules: &Path, data: &Path) -> String {
    let checked = tieuchi::check_path(rules);
    let rules = checked.rules.expect("the rules check");
    let data = load_path(&rules, data, None).expect("the data reads");
    let prog = compile(&rules, &[]);
    let assessed = assess(&prog, &data.areas);
    let run = tieuchi::report::Run {
        program: &prog,
        data: &data,
        assessed: &assessed,
        only: None,
        lang: tieuchi::i18n::Lang::En,
    };
    let mut out = Vec::new();
    tieuchi::report::json::write_assessment(&run, false, false, &mut out).expect("written");
    out.push(b'\n');
    String::from_utf8(out).expect("UTF-8")
}

/// What the binary writes to a pipe (the streamed path), and its stderr.
fn streamed(rules: &Path, data: &Path) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .args(["assess", "--format", "json"])
        .arg(rules)
        .arg(data)
        .output()
        .expect("the binary runs");
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    (
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn same(rules: &Path, data: &Path) {
    let (stream, _) = streamed(rules, data);
    let expected = whole(rules, data);
    assert!(expected.len() > 100, "{expected}");
    assert!(
        stream == expected,
        "{}: streamed output differs\n{stream}\n---\n{expected}",
        data.display()
    );
}

#[test]
fn shipped_and_spec_data_stream_to_the_same_bytes() {
    let r = root();
    let qb = r.join("rules/quang-binh-2024.tc");
    same(&qb, &r.join("data/quang-binh-2024.csv"));
    same(&qb, &r.join("data/quang-binh-2024.json"));
    let basic = r.join("tests/spec/basic");
    for f in ["basic.csv", "basic.json", "basic.ron"] {
        same(&basic.join("basic.tc"), &basic.join(f));
    }
    let values = r.join("tests/fixtures/data");
    same(&values.join("values.tc"), &values.join("bad_values.csv"));
    let drugs = r.join("tests/spec/drugs");
    same(&drugs.join("drugs.tc"), &drugs.join("drugs.json"));
    same(
        &r.join("rules/ma-tuy-qd28-2025.tc"),
        &drugs.join("drugs.json"),
    );
}

/// A CSV of `n` areas of the basic spec's shape: every 7th value missing, every 50th row
/// invalid, every 97th id repeated, a row with too few cells, a row not UTF-8 free of issues.
fn generated_csv(n: usize) -> String {
    let mut s = String::from(
        "id,name,district,nhom,dien,vu_pham_phap@truoc,vu_pham_phap@ca_nam,vu_kham_pha@ca_nam,tu_diem@ca_nam\n",
    );
    for i in 0..n {
        let id = if i % 97 == 96 { i - 5 } else { i };
        let nhom = if i % 3 == 0 { "ma_tuy" } else { "ttxh" };
        let cell = |k: usize, v: usize| {
            if (i + k).is_multiple_of(7) {
                String::new()
            } else {
                v.to_string()
            }
        };
        let bad = if i % 50 == 49 {
            "-3".to_string()
        } else {
            cell(1, i % 30)
        };
        s.push_str(&format!(
            "xa-{id},Xã {i},Huyện {},{nhom},chon_moi,{},{bad},{},{}\n",
            i % 9,
            cell(2, 10 + i % 20),
            cell(3, i % 11),
            cell(4, i % 4)
        ));
        if i == 1234 {
            s.push_str("short,row\n");
        }
    }
    s
}

#[test]
fn large_generated_data_with_duplicates_invalid_rows_and_missing_values() {
    let dir = std::env::temp_dir().join(format!("tieuchi-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let rules = root().join("tests/spec/basic/basic.tc");
    // Several batches, the last one partial; then a file ending inside a quote.
    let csv = generated_csv(9_000);
    let path = dir.join("big.csv");
    std::fs::write(&path, &csv).expect("written");
    same(&rules, &path);
    let open = dir.join("open.csv");
    std::fs::write(
        &open,
        format!("{}xa-q,\"Xã Q,Huyện,ttxh\n", generated_csv(300)),
    )
    .expect("written");
    same(&rules, &open);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn parallel_batches_give_the_sequential_results() {
    let rules = tieuchi::check_path(&root().join("tests/spec/basic/basic.tc"))
        .rules
        .expect("the rules check");
    let data = tieuchi::data::load_text(&rules, "big.csv", generated_csv(5_000), DataFormat::Csv);
    let prog = compile(&rules, &[]);
    let mut one = Assessor::new(&prog).parallel(false);
    let seq = one.batch(&data.areas);
    let seq_targets = one.finish();
    // In uneven batches, each large enough for threads.
    let mut many = Assessor::new(&prog);
    let mut par = Vec::new();
    for chunk in data.areas.chunks(1_777) {
        par.extend(many.batch(chunk));
    }
    let par_targets = many.finish();
    assert_eq!(seq, par);
    assert!(!seq_targets.is_empty());
    for (a, b) in seq_targets.iter().zip(&par_targets) {
        assert_eq!(a.result, b.result);
        assert_eq!(a.tallies, b.tallies);
        assert_eq!(a.undecided, b.undecided);
        assert_eq!(a.approximate, b.approximate);
    }
    assert!(seq_targets.iter().any(|t| !t.undecided.is_empty()));
}

#[test]
fn nothing_is_written_to_a_stderr_that_is_no_terminal() {
    let dir = std::env::temp_dir().join(format!("tieuchi-quiet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Large enough for a progress bar on a terminal (over 1 MiB), and valid.
    let mut csv = String::from(
        "id,name,district,nhom,dien,vu_pham_phap@truoc,vu_pham_phap@ca_nam,vu_kham_pha@ca_nam,tu_diem@ca_nam\n",
    );
    let mut i = 0;
    while csv.len() < 1200 * 1024 {
        csv.push_str(&format!(
            "xa-{i},Xã {i},Huyện,ttxh,chon_moi,20,12,10,{}\n",
            i % 4
        ));
        i += 1;
    }
    let path = dir.join("quiet.csv");
    std::fs::write(&path, &csv).expect("written");
    let (out, err) = streamed(&root().join("tests/spec/basic/basic.tc"), &path);
    assert!(out.len() > csv.len(), "{}", out.len());
    assert_eq!(err, "");
    let _ = std::fs::remove_dir_all(&dir);
}
