//! Rules text that checks → fmt: the result checks again, parses to the same tree, keeps every
//! string and comment, is formatted already (idempotent), and assesses fixed data
//! (tests/spec/basic/basic.json) to the same JSON results.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use tieuchi::ast::EraseSpans;

/// String literals as written and comments, in order (scanned independently of the library).
fn tokens(text: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut strings, mut comments) = (Vec::new(), Vec::new());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
            strings.push(&text[start..i]);
            continue;
        }
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'/') {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            comments.push(text[i..end].trim_end());
            i = end;
            continue;
        }
        i += 1;
    }
    comments.sort_unstable();
    (strings, comments)
}

fn results(rules: &str) -> Option<serde_json::Value> {
    let outcome = tieuchi::assess_text(rules, common::DATA, tieuchi::DataFormat::Json, &[]).ok()?;
    let mut json = outcome.to_json(false);
    json["ruleset"]["sha256"] = serde_json::Value::Null;
    Some(json)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if tieuchi::check_text("fuzz.tc", text).has_errors() {
        return;
    }
    let Ok(once) = tieuchi::fmt::format_source(text) else {
        panic!("rules that check do not format")
    };
    let checked = tieuchi::check_text("fuzz.tc", &once);
    assert!(
        !checked.has_errors(),
        "formatted rules do not check:\n{once}"
    );
    let (Ok(mut before), Ok(mut after)) = (
        tieuchi::syntax::parse(text, 0),
        tieuchi::syntax::parse(&once, 0),
    ) else {
        panic!("formatted rules do not parse:\n{once}")
    };
    before.erase_spans();
    after.erase_spans();
    assert!(before == after, "formatting changed the meaning:\n{once}");
    assert_eq!(
        tokens(text),
        tokens(&once),
        "a string or comment changed:\n{once}"
    );
    let twice = tieuchi::fmt::format_source(&once).ok();
    assert_eq!(
        twice.as_deref(),
        Some(once.as_str()),
        "fmt is not idempotent"
    );
    assert!(results(text) == results(&once), "results differ:\n{once}");
});
