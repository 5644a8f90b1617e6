//! `tieuchi lsp` spoken to over the protocol: capabilities, diagnostics as the text changes
//! (with `use`d files), hover, definition, references, rename, completion, formatting, the
//! outline, quick fixes and the end of the session. Vietnamese names and UTF-16 columns.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "lsp/client.rs"]
mod client;

use client::{pos, temp_dir, uri, Client};
use serde_json::{json, Value};

const CHUNG: &str = r#"// Dùng chung: kỳ, số liệu và ngưỡng 𝔸
period ca_nam "Năm 2024" from 2023-12-15 to 2024-12-14
period truoc "Năm trước" from 2022-12-15 to 2023-12-14
input số_vụ "Số vụ phạm pháp": count per period
input vụ_khám_phá "Số vụ khám phá": count per period
input nhóm "Loại địa bàn": choice(đô_thị "Đô thị", nông_thôn "Nông thôn")
param ngưỡng "Ngưỡng khám phá" = 80% provisional
"#;

const MAIN: &str = r#"ruleset thu "Thử"
use "chung.tc"

let tỷ_lệ "Tỷ lệ khám phá" = ratio(vụ_khám_phá@ca_nam, số_vụ@ca_nam)

assessment chuyển_hóa "Chuyển hóa" {
  criterion C1 "Khám phá đạt ngưỡng 𝔸" required { tỷ_lệ >= ngưỡng }
  criterion C2 "Đô thị" required { nhóm == đô_thị }
  outcome đạt "Đạt" when all_required
  outcome chưa_đạt "Chưa đạt" otherwise
}

test "đạt" {
  given { nhóm = đô_thị  số_vụ@ca_nam = 10  vụ_khám_phá@ca_nam = 9 }
  set ngưỡng = 75%
  expect chuyển_hóa == đạt
  expect chuyển_hóa.C1 == pass
}
"#;

/// A folder with `chung.tc` on disk and the URI `main.tc` will have there.
fn project(name: &str) -> (std::path::PathBuf, String) {
    let dir = temp_dir(name);
    std::fs::write(dir.join("chung.tc"), CHUNG).expect("write chung.tc");
    let main = uri(&dir.join("main.tc"));
    (dir, main)
}

fn started_with_main(name: &str) -> (Client, std::path::PathBuf, String) {
    let (dir, main) = project(name);
    let (mut c, _) = Client::start();
    c.open(&main, MAIN);
    let d = c.diagnostics(&main);
    assert!(d.is_empty(), "{d:?}");
    (c, dir, main)
}

fn at(uri: &str, position: Value) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position })
}

fn codes(d: &[Value]) -> Vec<String> {
    d.iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn initialize_advertises_the_features_and_shutdown_exits_0() {
    let (c, caps) = Client::start();
    assert_eq!(caps["textDocumentSync"], json!(1), "full sync: {caps}");
    for key in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentSymbolProvider",
        "documentFormattingProvider",
        "codeActionProvider",
    ] {
        assert_eq!(caps[key], json!(true), "{key}: {caps}");
    }
    assert_eq!(caps["renameProvider"]["prepareProvider"], json!(true));
    let triggers = &caps["completionProvider"]["triggerCharacters"];
    assert!(
        triggers.as_array().is_some_and(|t| t.contains(&json!("@"))),
        "{caps}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn exit_without_shutdown_is_code_1() {
    let (c, _) = Client::start();
    assert_eq!(c.exit_abruptly(), Some(1));
}

#[test]
fn diagnostics_follow_the_edits_with_utf16_ranges() {
    let (dir, main) = project("diags");
    let (mut c, _) = Client::start();
    let bad = MAIN.replace("tỷ_lệ >= ngưỡng", "tỷ_lệ >= ngưỡngg");
    c.open(&main, &bad);
    let d = c.diagnostics(&main);
    assert_eq!(codes(&d), ["tieuchi::check::unknown_name"], "{d:?}");
    // The line holds `đ`, `ạ`, `ư`, `ỡ` (one unit each) and `𝔸` (two units) before the name.
    let start = pos(&bad, "ngưỡngg", 0, 0);
    let end = pos(&bad, "ngưỡngg", 0, 7);
    assert_eq!(d[0]["range"], json!({ "start": start, "end": end }));
    assert_eq!(d[0]["severity"], json!(1));
    let message = d[0]["message"].as_str().unwrap_or("");
    assert!(message.contains("did you mean `ngưỡng`"), "{message}");
    // A second error appears, then the text is fixed: the list is emptied.
    let worse = bad.replace("nhóm == đô_thị", "nhóm == đô_thịx");
    c.change(&main, 2, &worse);
    let d = c.diagnostics(&main);
    assert_eq!(d.len(), 2, "{d:?}");
    c.change(&main, 3, MAIN);
    assert!(c.diagnostics(&main).is_empty());
    drop(dir);
}

#[test]
fn a_used_file_gets_its_own_diagnostics_and_open_buffers_win_over_disk() {
    let (mut c, dir, main) = started_with_main("used");
    let chung = uri(&dir.join("chung.tc"));
    // The buffer of chung.tc (not saved) loses `ngưỡng`: main.tc reads the buffer.
    let edited = CHUNG.replace("param ngưỡng", "param ngưỡng_mới");
    c.open(&chung, &edited);
    let d = c.diagnostics(&main);
    assert!(
        codes(&d).contains(&"tieuchi::check::unknown_name".to_string()),
        "{d:?}"
    );
    // An error in the used file is published for the used file.
    let broken = edited.replace("count per period\ninput vụ", "cuont per period\ninput vụ");
    c.change(&chung, 2, &broken);
    let d = loop {
        let d = c.diagnostics(&chung);
        if !d.is_empty() {
            break d;
        }
    };
    assert_eq!(d[0]["range"]["start"]["line"], json!(3), "{d:?}");
}

#[test]
fn hover_shows_labels_periods_params_and_readers() {
    let (mut c, _dir, main) = started_with_main("hover");
    let value = |c: &mut Client, p| {
        let h = c.request("textDocument/hover", at(&main, p));
        assert_eq!(h["contents"]["kind"], "markdown", "{h}");
        h["contents"]["value"].as_str().unwrap_or("").to_string()
    };
    let param = value(&mut c, pos(MAIN, ">= ngưỡng", 0, 5));
    assert!(param.contains("**Ngưỡng khám phá**"), "{param}");
    assert!(
        param.contains("value: `80%`") && param.contains("*provisional*"),
        "{param}"
    );
    let input = value(&mut c, pos(MAIN, "số_vụ@", 0, 1));
    assert!(
        input.contains("**Số vụ phạm pháp**") && input.contains("count per period"),
        "{input}"
    );
    assert!(input.contains("`ca_nam`, `truoc`"), "{input}");
    let criterion = value(&mut c, pos(MAIN, "chuyển_hóa.C1", 0, 12));
    assert!(
        criterion.contains("**Khám phá đạt ngưỡng 𝔸**"),
        "{criterion}"
    );
    assert!(criterion.contains("required"), "{criterion}");
    assert!(
        criterion.contains("read by the outcomes `đạt`"),
        "{criterion}"
    );
    let let_ = value(&mut c, pos(MAIN, "{ tỷ_lệ", 0, 3));
    assert!(
        let_.contains("ratio(vụ_khám_phá@ca_nam") && let_.contains("type: a number"),
        "{let_}"
    );
    // Nothing over a keyword.
    let none = c.request("textDocument/hover", at(&main, pos(MAIN, "required", 0, 2)));
    assert_eq!(none, Value::Null);
}

#[test]
fn definition_and_references_cross_use_and_tests() {
    let (mut c, dir, main) = started_with_main("refs");
    let chung = uri(&dir.join("chung.tc"));
    let def = c.request(
        "textDocument/definition",
        at(&main, pos(MAIN, "ngưỡng }", 0, 2)),
    );
    assert_eq!(def["uri"], json!(chung), "{def}");
    let start = pos(CHUNG, "param ngưỡng", 0, 6);
    assert_eq!(def["range"]["start"], start);
    // An option: declared in chung.tc, read after `==` and in the test's `given`.
    let p = json!({
        "textDocument": { "uri": main },
        "position": pos(MAIN, "đô_thị", 0, 1),
        "context": { "includeDeclaration": true }
    });
    let refs = c.request("textDocument/references", p);
    let refs = refs.as_array().cloned().unwrap_or_default();
    assert_eq!(refs.len(), 3, "{refs:?}");
    assert_eq!(refs[0]["uri"], json!(chung));
    // A criterion by `A.C` in an `expect`.
    let p = json!({
        "textDocument": { "uri": main },
        "position": pos(MAIN, "C1", 0, 0),
        "context": { "includeDeclaration": false }
    });
    let refs = c.request("textDocument/references", p);
    assert_eq!(refs.as_array().map(Vec::len), Some(1), "{refs}");
    assert_eq!(refs[0]["range"]["start"], pos(MAIN, "C1 == pass", 0, 0));
}

#[test]
fn rename_edits_every_file_and_the_tests() {
    let (mut c, dir, main) = started_with_main("rename");
    let chung = uri(&dir.join("chung.tc"));
    let prep = c.request(
        "textDocument/prepareRename",
        at(&main, pos(MAIN, "ngưỡng }", 0, 0)),
    );
    assert_eq!(prep["start"], pos(MAIN, "ngưỡng }", 0, 0), "{prep}");
    let p = json!({
        "textDocument": { "uri": main },
        "position": pos(MAIN, "ngưỡng }", 0, 0),
        "newName": "ngưỡng_khám_phá"
    });
    let edit = c.request("textDocument/rename", p.clone());
    let changes = &edit["changes"];
    assert_eq!(changes[&chung].as_array().map(Vec::len), Some(1), "{edit}");
    // The criterion and the test's `set`.
    let in_main = changes[&main].as_array().cloned().unwrap_or_default();
    assert_eq!(in_main.len(), 2, "{edit}");
    assert!(in_main.iter().all(|e| e["newText"] == "ngưỡng_khám_phá"));
    assert!(in_main
        .iter()
        .any(|e| e["range"]["start"] == pos(MAIN, "ngưỡng = 75%", 0, 0)));
    // Keywords and non-names are refused; so is a place with no declared name.
    for bad in ["required", "1x", "a b", ""] {
        let mut q = p.clone();
        q["newName"] = json!(bad);
        assert!(
            c.call("textDocument/rename", q).get("error").is_some(),
            "{bad}"
        );
    }
    let none = c.request(
        "textDocument/prepareRename",
        at(&main, pos(MAIN, "ratio", 0, 1)),
    );
    assert_eq!(none, Value::Null);
}

fn labels(c: &mut Client, uri: &str, text: &str) -> Vec<String> {
    c.change(uri, 9, text);
    let _ = c.diagnostics(uri);
    let end = text.len();
    let line = text[..end].matches('\n').count();
    let col = text[text[..end].rfind('\n').map_or(0, |i| i + 1)..]
        .encode_utf16()
        .count();
    let r = c.request(
        "textDocument/completion",
        at(uri, json!({ "line": line, "character": col })),
    );
    let items = r.as_array().cloned().unwrap_or_default();
    items
        .iter()
        .map(|i| i["label"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn completion_in_each_context() {
    let (mut c, _dir, main) = started_with_main("complete");
    let head = MAIN.trim_end();
    let with = |tail: &str| format!("{head}\nlet thử = {tail}");
    let periods = labels(&mut c, &main, &with("số_vụ@"));
    assert_eq!(periods, ["ca_nam", "truoc"]);
    let options = labels(&mut c, &main, &with("nhóm == "));
    assert!(
        options.starts_with(&["đô_thị".to_string(), "nông_thôn".to_string()]),
        "{options:?}"
    );
    let listed = labels(&mut c, &main, &with("nhóm in (đô_thị, "));
    assert!(listed.contains(&"nông_thôn".to_string()), "{listed:?}");
    let outcomes = labels(&mut c, &main, &with("chuyển_hóa == "));
    assert!(outcomes.contains(&"chưa_đạt".to_string()), "{outcomes:?}");
    let members = labels(&mut c, &main, &with("chuyển_hóa."));
    assert_eq!(members, ["C1", "C2"]);
    let expr = labels(&mut c, &main, &with("ra"));
    for want in ["ratio", "share", "tỷ_lệ", "số_vụ", "ngưỡng", "and"] {
        assert!(expr.contains(&want.to_string()), "{want}: {expr:?}");
    }
    assert!(
        !expr.contains(&"ca_nam".to_string()),
        "periods only after @"
    );
    let start = labels(&mut c, &main, &format!("{head}\nass"));
    assert!(start.contains(&"assessment".to_string()) && start.contains(&"input".to_string()));
    let comment = labels(&mut c, &main, &format!("{head}\n// số_vụ@"));
    assert!(comment.is_empty(), "{comment:?}");
    let string = labels(&mut c, &main, &format!("{head}\ninput x \"Số vụ@"));
    assert!(string.is_empty(), "{string:?}");
}

#[test]
fn formatting_is_one_edit_or_none() {
    let (mut c, _dir, main) = started_with_main("format");
    let messy = MAIN.replace("ruleset thu \"Thử\"", "ruleset   thu    \"Thử\"");
    c.change(&main, 2, &messy);
    let _ = c.diagnostics(&main);
    let p = json!({ "textDocument": { "uri": main }, "options": { "tabSize": 2, "insertSpaces": true } });
    let edits = c.request("textDocument/formatting", p.clone());
    let edits = edits.as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 1, "{edits:?}");
    let formatted = edits[0]["newText"].as_str().unwrap_or("").to_string();
    assert!(
        formatted.starts_with("ruleset thu \"Thử\"\n"),
        "{formatted}"
    );
    assert_eq!(
        edits[0]["range"]["start"],
        json!({ "line": 0, "character": 0 })
    );
    // Formatted already: no edit. Not parsing: no edit.
    c.change(&main, 3, &formatted);
    let _ = c.diagnostics(&main);
    assert_eq!(c.request("textDocument/formatting", p.clone()), json!([]));
    c.change(&main, 4, "ruleset thu \"Thử\"\ninput x \"X\": count per\n");
    let _ = c.diagnostics(&main);
    assert_eq!(c.request("textDocument/formatting", p), json!([]));
}

#[test]
fn document_symbols_are_the_outline() {
    let (mut c, _dir, main) = started_with_main("symbols");
    let s = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": main } }),
    );
    let names: Vec<&str> = s.as_array().map_or(vec![], |a| {
        a.iter().filter_map(|x| x["name"].as_str()).collect()
    });
    assert_eq!(names, ["tỷ_lệ", "chuyển_hóa", "đạt"], "{s}");
    let children: Vec<&str> = s[1]["children"].as_array().map_or(vec![], |a| {
        a.iter().filter_map(|x| x["name"].as_str()).collect()
    });
    assert_eq!(children, ["C1", "C2", "đạt", "chưa_đạt"]);
    assert_eq!(
        s[1]["selectionRange"]["start"],
        pos(MAIN, "chuyển_hóa", 0, 0)
    );
}

fn fix(c: &mut Client, uri: &str, d: &Value) -> Vec<Value> {
    let p = json!({
        "textDocument": { "uri": uri },
        "range": d["range"],
        "context": { "diagnostics": [d] }
    });
    let actions = c.request("textDocument/codeAction", p);
    let actions = actions.as_array().cloned().unwrap_or_default();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    actions[0]["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn quick_fixes_carry_the_help_as_an_edit() {
    let (mut c, _dir, main) = started_with_main("actions");
    // Did you mean.
    let typo = MAIN.replace("tỷ_lệ >= ngưỡng", "tỷ_lệ >= ngưỡngg");
    c.change(&main, 2, &typo);
    let d = c.diagnostics(&main);
    let edits = fix(&mut c, &main, &d[0]);
    assert_eq!(edits[0]["newText"], "ngưỡng");
    assert_eq!(edits[0]["range"]["start"], pos(&typo, "ngưỡngg", 0, 0));
    // A plain number compared with a proportion: write 80%.
    let plain = MAIN.replace("tỷ_lệ >= ngưỡng", "tỷ_lệ >= 0.8");
    c.change(&main, 3, &plain);
    let d = c.diagnostics(&main);
    assert_eq!(codes(&d), ["tieuchi::check::unit_mismatch"], "{d:?}");
    let edits = fix(&mut c, &main, &d[0]);
    assert_eq!(edits[0]["newText"], "80%");
    // No `otherwise`: one is added after the last outcome, indented as it.
    let missing = MAIN.replace("\n  outcome chưa_đạt \"Chưa đạt\" otherwise", "");
    c.change(&main, 4, &missing);
    let d = c.diagnostics(&main);
    assert_eq!(codes(&d), ["tieuchi::check::missing_otherwise"], "{d:?}");
    let edits = fix(&mut c, &main, &d[0]);
    assert_eq!(
        edits[0]["newText"],
        "\n  outcome chua_dat \"Chưa đạt\" otherwise"
    );
    assert_eq!(
        edits[0]["range"]["start"],
        pos(&missing, "all_required", 0, 12)
    );
    // A diagnostic without an edit has no quick fix.
    c.change(&main, 5, MAIN);
    assert!(c.diagnostics(&main).is_empty());
    let p = json!({
        "textDocument": { "uri": main },
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 30, "character": 0 } },
        "context": { "diagnostics": [] }
    });
    assert_eq!(c.request("textDocument/codeAction", p), json!([]));
}

#[test]
fn bad_messages_get_errors_not_a_crash() {
    let (mut c, _dir, main) = started_with_main("bad");
    let r = c.call("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(r["error"]["code"], json!(-32602), "{r}");
    let r = c.call("tieuchi/unknown", json!({}));
    assert_eq!(r["error"]["code"], json!(-32601), "{r}");
    // A position far past the end, on a document never opened.
    let far = json!({ "line": 100000, "character": 100000 });
    assert_eq!(
        c.request("textDocument/hover", at(&main, far.clone())),
        Value::Null
    );
    let other = "file:///nowhere/x.tc";
    assert_eq!(
        c.request("textDocument/definition", at(other, far)),
        Value::Null
    );
    assert_eq!(c.shutdown(), Some(0));
}
