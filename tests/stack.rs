//! Stack safety of the library: the deepest expressions the parser accepts are checked, compiled,
//! assessed, explained and formatted on an ordinary thread with a 2 MiB stack (the binary's big
//! thread is not there to help another tool that calls the library).

use tieuchi::{check_text, DataFormat};

/// Makes a boolean expression of size `k`.
type Shape = fn(usize) -> String;

/// The shapes of deep expressions, by name.
const SHAPES: [(&str, Shape); 5] = [
    ("chain", |k| format!("{} > 0", vec!["n"; k + 1].join(" + "))),
    ("not", |k| format!("{}b", "not ".repeat(k))),
    ("neg", |k| format!("{}n < 1", "- ".repeat(k))),
    ("nest", |k| {
        format!("{}n{} > 0", "(n + ".repeat(k), ")".repeat(k))
    }),
    ("nest_chain", |k| {
        format!(
            "{}n{} > 0",
            "(n * n - n + n / n + ".repeat(k),
            ")".repeat(k)
        )
    }),
];

/// Rules whose criteria, lets, outcome, target and test each hold `expr`.
fn rules(exprs: &[String]) -> String {
    let mut s = String::from("ruleset s \"Stack\"\ninput n \"N\": count\ninput b \"B\": yes_no\n");
    for (i, e) in exprs.iter().enumerate() {
        s.push_str(&format!("let l{i} = {e}\n"));
    }
    s.push_str("assessment a \"A\" {\n");
    for (i, e) in exprs.iter().enumerate() {
        s.push_str(&format!("  criterion C{i} \"c{i}\" required {{ {e} }}\n"));
        s.push_str(&format!("  criterion L{i} \"l{i}\" points 1 {{ l{i} }}\n"));
    }
    s.push_str("  outcome dat \"Đạt\" when all_required\n  outcome chua \"Chưa\" otherwise\n}\n");
    for (i, e) in exprs.iter().enumerate() {
        s.push_str(&format!("target T{i} \"t{i}\" {{ count({e}) >= 1 }}\n"));
    }
    s.push_str("test \"đủ\" { given { n = 1 b = false } expect a == chua }\n");
    s
}

fn accepted(text: &str) -> bool {
    check_text("rules.tc", text).rules.is_some()
}

/// The largest size of `shape` that still checks in every place of [`rules`].
fn deepest(shape: Shape) -> usize {
    let (mut ok, mut too_deep) = (1, 2000);
    assert!(accepted(&rules(&[shape(ok)])), "size 1 must check");
    assert!(!accepted(&rules(&[shape(too_deep)])), "size 2000 must not");
    while too_deep - ok > 1 {
        let mid = (ok + too_deep) / 2;
        if accepted(&rules(&[shape(mid)])) {
            ok = mid;
        } else {
            too_deep = mid;
        }
    }
    ok
}

const DATA: &str = r#"{ "areas": [
  { "id": "x1", "values": { "n": 1, "b": true } },
  { "id": "x2", "values": { "n": 0, "b": false } },
  { "id": "x3", "values": { } },
  { "id": "x4", "values": { "n": "nhiều", "b": true } } ] }"#;

fn exercise_everything() {
    let mut exprs = vec![];
    for (name, shape) in SHAPES {
        let k = deepest(shape);
        // Only the bracket limit (100) keeps the nested shapes shallower than the tree limit (500).
        let least = if name.starts_with("nest") { 90 } else { 450 };
        assert!(k >= least, "{name}: only {k} deep is accepted");
        exprs.push(shape(k));
    }
    let text = rules(&exprs);
    let checked = check_text("rules.tc", &text);
    let Some(checked_rules) = checked.rules else {
        panic!("the deepest rules do not check: {:?}", checked.diagnostics);
    };
    let (reports, _) = tieuchi::testing::run_tests(&checked_rules);
    assert!(reports.iter().all(|r| r.passed()), "the test block passes");

    let outcome = tieuchi::assess_text(&text, DATA, DataFormat::Json, &[])
        .unwrap_or_else(|d| panic!("assess failed: {d:?}"));
    let json = outcome.to_json(true);
    assert_eq!(json["areas"][0]["assessments"]["a"]["verdict"], "chua");
    assert_eq!(json["areas"][2]["assessments"]["a"]["verdict"], "unknown");
    let run = outcome.run(None, tieuchi::i18n::Lang::Vi);
    assert!(tieuchi::report::text::assessment(&run).contains("x4"));
    assert!(!tieuchi::report::explain::targets(&run, false).is_empty());
    for i in 0..4 {
        let x = outcome
            .explain(i)
            .unwrap_or_else(|| panic!("area {i} exists"));
        assert!(!tieuchi::report::explain::area(
            outcome.program(),
            "x",
            &x,
            false,
            tieuchi::i18n::Lang::Vi
        )
        .is_empty());
    }
    let formatted = tieuchi::fmt::format_source(&text)
        .unwrap_or_else(|d| panic!("the deepest rules format: {d:?}"));
    assert!(accepted(&formatted), "formatted rules check again");
}

#[test]
fn deepest_accepted_expressions_on_a_two_mib_thread() {
    on_small_stack(exercise_everything);
}

fn on_small_stack(f: fn()) {
    let worker = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .unwrap_or_else(|e| panic!("cannot spawn: {e}"));
    if let Err(e) = worker.join() {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn a_long_run_of_prefix_operators_is_refused_without_recursing() {
    on_small_stack(|| {
        for op in ["not ", "- "] {
            let text = format!(
                "ruleset s \"S\"\ninput n \"N\": count\nlet x = {}n\n",
                op.repeat(100_000)
            );
            let checked = check_text("rules.tc", &text);
            assert!(checked.rules.is_none());
            assert!(
                checked
                    .diagnostics
                    .iter()
                    .any(|d| d.message.to_string().contains("nested more than")),
                "{:?}",
                checked.diagnostics
            );
        }
    });
}

/// Lets that each build on the one before: an explanation shows a let's definition under it,
/// so the explanation tree is as deep as all of them together.
#[test]
fn a_chain_of_deep_lets_is_explained_on_a_two_mib_thread() {
    const LETS: usize = 12;
    on_small_stack(|| {
        let deep = |prev: &str| format!("{prev}{}", " + n".repeat(400));
        let mut text = String::from("ruleset s \"S\"\ninput n \"N\": count\nlet l0 = n\n");
        for i in 1..=LETS {
            text.push_str(&format!("let l{i} = {}\n", deep(&format!("l{}", i - 1))));
        }
        text.push_str(&format!(
            "assessment a \"A\" {{\n  criterion C \"c\" required {{ l{LETS} > 0 }}\n"
        ));
        text.push_str(
            "  outcome dat \"Đạt\" when all_required\n  outcome chua \"Chưa\" otherwise\n}\n",
        );
        let data =
            r#"{ "areas": [ { "id": "x", "values": { "n": 1 } }, { "id": "y", "values": {} } ] }"#;
        let outcome = tieuchi::assess_text(&text, data, DataFormat::Json, &[])
            .unwrap_or_else(|d| panic!("assess failed: {d:?}"));
        let json = outcome.to_json(true);
        assert_eq!(json["areas"][0]["assessments"]["a"]["verdict"], "dat");
        assert_eq!(json["areas"][1]["assessments"]["a"]["verdict"], "unknown");
        for i in 0..2 {
            let x = outcome
                .explain(i)
                .unwrap_or_else(|| panic!("area {i} exists"));
            assert!(!tieuchi::report::explain::area(
                outcome.program(),
                "x",
                &x,
                false,
                tieuchi::i18n::Lang::Vi
            )
            .is_empty());
        }
    });
}
