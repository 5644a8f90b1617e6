//! Data text (JSON, CSV or RON, chosen by the first byte: `c` CSV, `r` RON, else JSON) → load
//! against fixed rules (tests/spec/basic/basic.tc) → assess → JSON; never a panic.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (format, rest) = common::split_format(data);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let rules = common::rules();
    let dataset = tieuchi::data::load_text(rules, "fuzz", text.to_string(), format);
    common::render(&dataset.diagnostics, &dataset.sources);
    let outcome = tieuchi::Results::from_parts(tieuchi::compile(rules, &[]), dataset);
    let _ = serde_json::to_string(&outcome.to_json(false));
});
