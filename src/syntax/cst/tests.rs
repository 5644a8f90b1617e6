use super::*;
use SyntaxKind::*;

/// The tree as an indented outline of its nodes and significant tokens.
fn outline(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for ev in parse(text).syntax().preorder_with_tokens() {
        match ev {
            rowan::WalkEvent::Enter(rowan::NodeOrToken::Node(n)) => {
                out += &format!("{}{:?}\n", "  ".repeat(depth), n.kind());
                depth += 1;
            }
            rowan::WalkEvent::Leave(rowan::NodeOrToken::Node(_)) => depth -= 1,
            rowan::WalkEvent::Enter(rowan::NodeOrToken::Token(t)) if !t.kind().is_trivia() => {
                out += &format!("{}{:?} {:?}\n", "  ".repeat(depth), t.kind(), t.text());
            }
            _ => {}
        }
    }
    out
}

#[test]
fn lossless_and_error_free_on_a_whole_file() {
    let text = "\u{FEFF}ruleset x \"X\" // c\ninput n \"N\": choice(a \"A\", b) per period\n\
        assessment a \"A\" when n in (a, na) {\n  criterion C1 \"c\" required points p { f(n, 2 among x) >= -1 }\n\
        outcome o \"O\" when points >= 1 // t\n}\ntest \"t\" { given { n@p = -5% } set p = 2 expect a == pass for x }\n";
    let parse = parse(text);
    assert_eq!(parse.errors, []);
    assert_eq!(parse.syntax().text().to_string(), text);
}

#[test]
fn precedence_in_the_tree() {
    let got = outline("let x = not a == -b * c ?? d\n");
    let want = "ROOT\n  LET_DECL\n    LET_KW \"let\"\n    IDENT \"x\"\n    EQ \"=\"\n    BINARY_EXPR\n      \
        PREFIX_EXPR\n        NOT_KW \"not\"\n        BINARY_EXPR\n          NAME_REF\n            IDENT \"a\"\n          \
        EQ2 \"==\"\n          BINARY_EXPR\n            PREFIX_EXPR\n              MINUS \"-\"\n              NAME_REF\n                \
        IDENT \"b\"\n            STAR \"*\"\n            NAME_REF\n              IDENT \"c\"\n      QUESTION2 \"??\"\n      \
        NAME_REF\n        IDENT \"d\"\n";
    assert_eq!(got, want);
}

#[test]
fn nodes_start_and_end_at_their_tokens() {
    let text = "// lead\nlet x = a + b // trailing\n";
    let root = parse(text).syntax();
    let decl = root
        .children()
        .next()
        .map(|n| (n.kind(), n.text().to_string()));
    assert_eq!(decl, Some((LET_DECL, "let x = a + b".to_string())));
}

#[test]
fn every_declaration_error_is_collected() {
    let text = "input m \"M\" count\nlet x = a < b < c\nparam p \"P\" = \nlet y = (\n";
    let parse = parse(text);
    let kinds: Vec<_> = parse
        .errors
        .iter()
        .map(|e| (&text[e.range.clone()], &e.kind))
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert_eq!(kinds[0].0, "count");
    assert!(
        matches!(kinds[0].1, SyntaxErrorKind::Unexpected { expected } if expected == &[Expected::Token(COLON)])
    );
    assert_eq!(
        kinds[1],
        ("<", &SyntaxErrorKind::ChainedComparison { in_list: false })
    );
    assert_eq!(kinds[2].0, "let");
    assert_eq!(kinds[3].0, "");
    assert_eq!(parse.syntax().text().to_string(), text);
}

#[test]
fn limits_give_errors_not_crashes() {
    let deep = format!("let x = {}a\n", "not ".repeat(100_000));
    assert!(parse(&deep)
        .errors
        .iter()
        .any(|e| e.kind == SyntaxErrorKind::TooDeep));
    let long = format!("let x = a{}\n", " + a".repeat(600));
    assert!(parse(&long)
        .errors
        .iter()
        .any(|e| e.kind == SyntaxErrorKind::TooDeep));
    let brackets = format!("let x = {}a\n", "(".repeat(20_000));
    let p = parse(&brackets);
    assert_eq!(p.errors[0].kind, SyntaxErrorKind::BracketsTooDeep);
    assert_eq!(p.syntax().text().to_string(), brackets);
}
