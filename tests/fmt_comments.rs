//! `fmt` and `diff` read comments through the one lexer: a trailing comment stays on the line of
//! the clause it follows, in every position; fmt keeps the tokens and comments of every `.tc` in
//! the repository; two files that differ only in comments and layout have no edit.

use tieuchi::fmt::format_source;
use tieuchi::syntax::cst::SyntaxKind;
use tieuchi::syntax::lexer::lex;

const RULES: &str = r#"ruleset f "Comments" // after ruleset
input n "N": count // after input
input t "T": text
param p "P" = 2 provisional // after param
let twice = n * 2 // after let
assessment a "A" { // after assessment brace
  criterion C1 "x" required { // after criterion brace
    n >= p and t == "a\\" // after expression line
  }
  criterion C2 "y" { twice >= 4 } // after one-line criterion
  outcome dat "Đạt" when all_required // after outcome
  outcome khong "Không" otherwise // before closing brace
  // own line before closing brace
}
target muc "M" { count(a == dat) >= 1 } // after target
test "t" { // after test brace
  given { n = 5 t = "a\\" } // after given
  set p = 3 // after set
  expect a == dat // after expect
  // own line before test brace
}
"#;

/// The line of `out` that holds `comment`.
fn line_of<'a>(out: &'a str, comment: &str) -> &'a str {
    out.lines()
        .find(|l| l.contains(comment))
        .unwrap_or_else(|| panic!("`{comment}` lost:\n{out}"))
}

#[test]
fn trailing_comments_stay_on_their_clause_in_every_position() {
    let out = format_source(RULES).unwrap_or_else(|e| panic!("{e:?}"));
    for (comment, code) in [
        ("// after ruleset", "ruleset f"),
        ("// after input", "input n"),
        ("// after param", "param p"),
        ("// after let", "let twice"),
        ("// after assessment brace", "assessment a"),
        ("// after criterion brace", "criterion C1"),
        ("// after expression line", "n >= p"),
        ("// after one-line criterion", "twice >= 4"),
        ("// after outcome", "outcome dat"),
        ("// before closing brace", "outcome khong"),
        // a target is laid out on three lines: the comment ends its last
        ("// after target", "}"),
        ("// after test brace", "test \"t\""),
        ("// after given", "n = 5"),
        ("// after set", "set p = 3"),
        ("// after expect", "expect a == dat"),
    ] {
        let line = line_of(&out, comment);
        assert!(
            line.contains(code),
            "`{comment}` left `{code}`: {line:?}\n{out}"
        );
    }
    for own in [
        "// own line before closing brace",
        "// own line before test brace",
    ] {
        assert_eq!(line_of(&out, own).trim(), own, "{out}");
    }
    assert_eq!(format_source(&out).ok().as_deref(), Some(out.as_str()));
}

/// The tokens that are not whitespace nor comments, and the comments, as the lexer sees them.
fn code_and_comments(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut code, mut comments) = (Vec::new(), Vec::new());
    for t in lex(text) {
        let s = text[t.range.clone()].to_string();
        match t.kind {
            SyntaxKind::COMMENT => comments.push(s.trim_end().to_string()),
            k if k.is_trivia() => {}
            _ => code.push(s),
        }
    }
    (code, comments)
}

#[test]
fn fmt_keeps_every_token_and_comment_of_every_rules_file() {
    let listed = std::process::Command::new("git")
        .args(["ls-files", "*.tc"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("git ls-files: {e}"));
    let files: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert!(files.len() >= 10, "only {} .tc files listed", files.len());
    let mut formatted = 0;
    for f in &files {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{f}: {e}"));
        let Ok(out) = format_source(&text) else {
            continue;
        };
        formatted += 1;
        let (code, mut comments) = code_and_comments(&text);
        let (out_code, mut out_comments) = code_and_comments(&out);
        assert_eq!(code, out_code, "{f}: the tokens changed");
        comments.sort();
        out_comments.sort();
        assert_eq!(comments, out_comments, "{f}: the comments changed");
        assert_eq!(
            format_source(&out).ok().as_deref(),
            Some(out.as_str()),
            "{f}: not idempotent"
        );
    }
    assert!(formatted >= 10, "only {formatted} files formatted");
}

#[test]
fn diff_ignores_comments_and_layout() {
    let old = RULES;
    let new = RULES
        .replace("// after expression line", "// a different note")
        .replace("{ twice >= 4 }", "{\n    twice>=4 // new\n  }")
        .replace("let twice = n * 2", "let twice =\n  n*2")
        .replace("count(a == dat) >= 1", "count( a==dat )>=1");
    let file = |t: &str| tieuchi::syntax::parse(t, 0).unwrap_or_else(|e| panic!("{e:?}"));
    let edits = tieuchi::diff::edits::edits(old, &file(old), &new, &file(&new));
    assert!(edits.is_empty(), "{edits:?}");
    let changed = new.replace("n >= p and", "n > p and");
    let edits = tieuchi::diff::edits::edits(old, &file(old), &changed, &file(&changed));
    assert_eq!(edits.len(), 1, "{edits:?}");
}
