//! Hostile inputs: each gets a diagnostic and exit code 2, never a crash.

use std::path::PathBuf;
use std::process::{Command, Output};

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tieuchi-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok();
    let path = dir.join(name);
    std::fs::write(&path, bytes).ok();
    path
}

fn check(path: &PathBuf) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_tieuchi"))
        .env("TIEUCHI_LANG", "en")
        .arg("check")
        .arg(path)
        .env("NO_COLOR", "1")
        .output();
    out.unwrap_or_else(|e| panic!("could not run tieuchi: {e}"))
}

fn assert_diagnosed(out: &Output, needle: &str) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code; output: {}",
        &text[..text.len().min(2000)]
    );
    assert!(!text.contains("panicked"), "crashed: {text}");
    assert!(
        text.contains(needle),
        "output lacks {needle:?}: {}",
        &text[..text.len().min(2000)]
    );
}

const HEADER: &str = "ruleset h \"Hostile\"\ninput n \"N\": count\n";

#[test]
fn empty_file() {
    assert_diagnosed(&check(&temp_file("empty.tc", b"")), "no `ruleset` header");
}

#[test]
fn invalid_utf8() {
    assert_diagnosed(
        &check(&temp_file("latin1.tc", b"ruleset x \"T\xe9st\"\n")),
        "not UTF-8",
    );
}

#[test]
fn nul_byte() {
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"let x = n\0 + 1\n");
    assert_diagnosed(&check(&temp_file("nul.tc", &bytes)), "nul.tc:3:10");
}

#[test]
fn twenty_thousand_nested_parentheses() {
    let src = format!(
        "{HEADER}let x = {}n{}\n",
        "(".repeat(20_000),
        ")".repeat(20_000)
    );
    assert_diagnosed(
        &check(&temp_file("nested.tc", src.as_bytes())),
        "nested more than",
    );
}

/// Ten times the depth limit: enough to show the limit holds (50,000 took 27 s in debug).
#[test]
fn very_long_operator_chain() {
    let src = format!(
        "{HEADER}let x = n{}\n",
        " + n".repeat(10 * tieuchi::syntax::MAX_EXPR_DEPTH as usize)
    );
    assert_diagnosed(
        &check(&temp_file("chain.tc", src.as_bytes())),
        "levels deep",
    );
}

/// A file of megabytes (2 MB: 10 MB took 26 s in debug and tests nothing more) is read whole
/// and its last declaration checked.
#[test]
fn two_megabyte_file() {
    let mut src = String::from(HEADER);
    let mut i = 0;
    while src.len() < 2 * 1024 * 1024 {
        src.push_str(&format!("param p{i} \"Ngưỡng số {i}\" = {i}%\n"));
        i += 1;
    }
    src.push_str("param p0 \"again\" = 1\n");
    assert_diagnosed(
        &check(&temp_file("big.tc", src.as_bytes())),
        "declared twice",
    );
}

#[test]
fn line_of_a_hundred_thousand_characters() {
    let src = format!("{HEADER}param p \"{}\" = 1 +\n", "x".repeat(100_000));
    let out = check(&temp_file("longline.tc", src.as_bytes()));
    assert_diagnosed(&out, "longline.tc:3:");
    assert!(
        out.stderr.len() < 20_000,
        "the long line is not echoed whole"
    );
}

#[test]
fn missing_file() {
    assert_diagnosed(
        &check(&PathBuf::from("/nonexistent/rules.tc")),
        "cannot read",
    );
}

fn run(args: &[&str], stdin: Option<std::fs::File>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tieuchi"));
    cmd.env("TIEUCHI_LANG", "en");
    cmd.args(args).env("NO_COLOR", "1");
    if let Some(f) = stdin {
        cmd.stdin(f);
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("could not run tieuchi: {e}"))
}

fn dev_zero() -> std::fs::File {
    std::fs::File::open("/dev/zero").unwrap_or_else(|e| panic!("cannot open /dev/zero: {e}"))
}

const RULES_2024: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/quang-binh-2024.tc");

#[test]
fn check_dev_zero_stops_at_the_limit() {
    assert_diagnosed(&run(&["check", "/dev/zero"], None), "larger than 64 MiB");
}

#[test]
fn fmt_dev_zero_stops_at_the_limit() {
    assert_diagnosed(&run(&["fmt", "/dev/zero"], None), "larger than 64 MiB");
}

#[test]
fn assess_data_dev_zero_stops_at_the_limit() {
    let out = run(
        &["assess", RULES_2024, "/dev/zero", "--data-format", "json"],
        None,
    );
    assert_diagnosed(&out, "larger than 64 MiB");
}

#[test]
fn assess_endless_stdin_stops_at_the_limit() {
    let out = run(
        &["assess", RULES_2024, "-", "--data-format", "csv"],
        Some(dev_zero()),
    );
    assert_diagnosed(&out, "standard input: it is larger than 64 MiB");
}

#[test]
fn use_of_a_device_or_folder_is_refused() {
    for target in ["/dev/zero", "/tmp"] {
        let src = format!("{HEADER}use \"{target}\"\n");
        let out = check(&temp_file("use-device.tc", src.as_bytes()));
        assert_diagnosed(&out, "it is not a regular file");
        assert_diagnosed(&out, "not a folder or a device");
    }
}

#[test]
fn one_huge_area_name_does_not_pad_every_row() {
    let mut csv = String::from("id,name,district\n");
    csv.push_str(&format!("x0,{},H\n", "Xã Vĩnh Ninh ".repeat(8_000)));
    for i in 1..1000 {
        csv.push_str(&format!("x{i},Xã {i},H\n"));
    }
    let data = temp_file("huge-name.csv", csv.as_bytes());
    let out = run(
        &["assess", RULES_2024, data.to_str().unwrap_or_default()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("x999"), "every row is listed");
    assert!(text.contains("…"), "the long name is shortened");
    assert!(
        out.stdout.len() < 1_000_000,
        "{} bytes of output",
        out.stdout.len()
    );
}

/// Lets built on the previous one twice over (`l1 = l0 + l0`, …): every pass that follows lets
/// (units, bounds, display, explanation trees, reasons, what-if, targets) must work each let
/// out once, or 40 lets mean 2⁴⁰ steps.
#[test]
fn lets_doubling_forty_times_stay_linear() {
    let mut rules = String::from(
        "ruleset s \"S\"\ninput n \"N\": count\ninput d \"D\": choice(x, y)\nlet l0 = n + 1\n",
    );
    for i in 1..40 {
        rules.push_str(&format!("let l{i} = l{p} + l{p}\n", p = i - 1));
    }
    rules.push_str(
        "assessment a \"A\" {\n  criterion C \"c\" required { l39 < 0 }\n  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\ntarget T \"t\" { count(a == dat among d == x) >= 1 }\n",
    );
    let rules_path = temp_file("doubling.tc", rules.as_bytes());
    let data = temp_file(
        "doubling.json",
        br#"{ "areas": [ { "id": "a", "values": { "n": 1 } }, { "id": "b", "values": {} } ] }"#,
    );
    for extra in [&["--explain"][..], &["--format", "json"][..], &[][..]] {
        let mut args = vec![
            "assess",
            rules_path.to_str().unwrap_or(""),
            data.to_str().unwrap_or(""),
        ];
        args.extend_from_slice(extra);
        let out = run(&args, None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{extra:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
