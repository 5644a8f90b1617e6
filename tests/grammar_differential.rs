//! The parser (`syntax::cst`) accepts exactly what the reference grammar `grammar/criteria.pest`
//! accepts: over every `.tc` in the repository and over mutated variants of them (a token
//! deleted, doubled, or replaced by another).

use pest::Parser as _;
use tieuchi::syntax::cst::{parse, SyntaxErrorKind};
use tieuchi::syntax::lexer::lex;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/criteria.pest"]
struct Reference;

/// Whether the reference grammar accepts the text.
fn pest_accepts(text: &str) -> bool {
    Reference::parse(Rule::file, text).is_ok()
}

/// Whether the parser accepts the text's syntax (chained comparisons and the depth limits are
/// refused later by the pest-based path too, so they are not syntax here).
fn cst_accepts(text: &str) -> bool {
    !parse(text)
        .errors
        .iter()
        .any(|e| matches!(e.kind, SyntaxErrorKind::Unexpected { .. }))
}

fn repository_files() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let listed = std::process::Command::new("git")
        .args(["ls-files", "*.tc"])
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("git ls-files: {e}"));
    let files: Vec<(String, String)> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(|f| {
            let text = std::fs::read_to_string(std::path::Path::new(root).join(f))
                .unwrap_or_else(|e| panic!("{f}: {e}"));
            (f.to_string(), text)
        })
        .collect();
    assert!(files.len() >= 10, "only {} .tc files listed", files.len());
    files
}

const REPLACEMENTS: [&str; 18] = [
    "(",
    ")",
    "{",
    "}",
    "=",
    "==",
    "-",
    "not",
    "in",
    "\"",
    "x",
    "5",
    "@",
    ".",
    ",",
    "%",
    "among",
    "2024-01-01",
];

#[test]
fn accepts_what_the_reference_grammar_accepts() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let (mut compared, mut refused) = (0, 0);
    for (name, text) in repository_files() {
        assert_eq!(pest_accepts(&text), cst_accepts(&text), "{name}");
        let tokens: Vec<_> = lex(&text)
            .into_iter()
            .filter(|t| !t.kind.is_trivia())
            .collect();
        if tokens.is_empty() {
            continue;
        }
        for _ in 0..40 {
            let t = &tokens[next(tokens.len())];
            let (before, after) = (&text[..t.range.start], &text[t.range.end..]);
            let here = &text[t.range.clone()];
            let mutated = match next(3) {
                0 => format!("{before}{after}"),
                1 => format!("{before}{here} {here}{after}"),
                _ => format!("{before}{}{after}", REPLACEMENTS[next(REPLACEMENTS.len())]),
            };
            let want = pest_accepts(&mutated);
            assert_eq!(want, cst_accepts(&mutated), "{name}, mutated:\n{mutated}");
            compared += 1;
            refused += usize::from(!want);
        }
    }
    assert!(
        compared > 400 && refused > 100,
        "{compared} compared, {refused} refused"
    );
}
