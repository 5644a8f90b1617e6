//! Rules text → check: results or diagnostics (rendered), never a panic.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = tieuchi::check_text("fuzz.tc", text);
    assert!(
        checked.rules.is_some() || checked.has_errors(),
        "no rules and no error"
    );
    common::render(&checked.diagnostics, &checked.sources);
});
