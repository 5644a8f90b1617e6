//! Rules and data text, split on `common::SEPARATOR` (the data's first byte chooses its format)
//! → check → load → assess → explain every area → text and JSON; never a panic.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some((rules, rest)) = text.split_once(common::SEPARATOR) else {
        return;
    };
    let (format, data) = common::split_format(rest.as_bytes());
    let Ok(data) = std::str::from_utf8(data) else {
        return;
    };
    match tieuchi::assess_text(rules, data, format, &[]) {
        Ok(outcome) => common::render_outcome(&outcome),
        Err(diagnostics) => assert!(!diagnostics.is_empty(), "rejected without a word"),
    }
});
