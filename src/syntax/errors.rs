//! Syntax diagnostics: pest errors turned into readable ones, and the nesting guard.

use super::{Rule, MAX_NESTING};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;

/// The text does not follow the grammar. Triggered by `n => 1`.
pub const PARSE: &str = "tieuchi::syntax::parse";
/// A literal cannot be read, e.g. `2024-02-30`.
pub const BAD_LITERAL: &str = "tieuchi::syntax::bad_literal";
/// Brackets or an expression nested beyond the limits, e.g. 20,000 `(`.
pub const TOO_DEEP: &str = "tieuchi::syntax::too_deep";
/// `a < b < c`.
pub const CHAINED_COMPARISON: &str = "tieuchi::syntax::chained_comparison";

const TOP_LEVEL: [&str; 11] = [
    "ruleset",
    "source",
    "valid",
    "period",
    "input",
    "param",
    "let",
    "assessment",
    "target",
    "test",
    "use",
];

/// Rejects text whose brackets nest deeper than [`MAX_NESTING`], before pest recurses into it.
pub fn check_nesting(text: &str, file: FileId) -> Option<Diagnostic> {
    let (mut depth, mut in_string, mut in_comment, mut escaped) = (0usize, false, false, false);
    let mut prev = '\0';
    for (i, c) in text.char_indices() {
        if in_comment {
            in_comment = c != '\n';
        } else if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && prev == '/' {
            in_comment = true;
        } else if c == '(' || c == '{' {
            depth += 1;
            if depth > MAX_NESTING {
                let span = Span {
                    file,
                    start: i,
                    end: i + 1,
                };
                return Some(
                    Diagnostic::error(
                        TOO_DEEP,
                        format!("brackets are nested more than {MAX_NESTING} levels deep"),
                        span,
                    )
                    .with_label("too deep here")
                    .with_help("split the expression into several `let` declarations"),
                );
            }
        } else if c == ')' || c == '}' {
            depth = depth.saturating_sub(1);
        }
        prev = c;
    }
    None
}

/// Byte offsets of lines that start (in column 1) with a top-level keyword.
pub fn declaration_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let word: String = line
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if TOP_LEVEL.contains(&word.as_str()) {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts
}

/// Converts pest's error into a diagnostic that names what was expected in words.
pub fn from_pest(
    e: &pest::error::Error<Rule>,
    text: &str,
    file: FileId,
    base: usize,
) -> Diagnostic {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found = found_at(text, pos);
    let end = (pos + found.len()).max(pos + 1).min(text.len().max(pos));
    let span = Span {
        file,
        start: base + pos,
        end: base + end,
    };
    let expected = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => describe(positives),
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
    };
    let message = if found.is_empty() {
        format!("unexpected end of file; expected {expected}")
    } else {
        format!("unexpected `{found}`; expected {expected}")
    };
    let mut d = Diagnostic::error(PARSE, message, span).with_label(format!("expected {expected}"));
    if found == "=>" {
        d = d.with_help("did you mean `>=`?");
    } else if found == "=<" {
        d = d.with_help("did you mean `<=`?");
    } else if found == "=" && expected.contains("comparison") {
        d = d.with_help("comparisons use `==`");
    } else if unclosed_quote_before(text, pos) {
        d = d.with_help("a quoted label just before this may not be closed: check its `\"`");
    }
    d
}

/// True when one of the three lines before `pos` has quotes that do not pair up.
fn unclosed_quote_before(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    let total = before.matches('\n').count();
    let odd = |line: &str| {
        line.replace("\\\\", "")
            .replace("\\\"", "")
            .matches('"')
            .count()
            % 2
            == 1
    };
    before.lines().skip(total.saturating_sub(3)).any(odd)
}

fn found_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos..).unwrap_or("");
    let first = match rest.chars().next() {
        Some(c) => c,
        None => return String::new(),
    };
    let word = |c: &char| c.is_alphanumeric() || *c == '_';
    let punct = |c: &char| "=<>!?+-*/%@.".contains(*c);
    let token: String = if word(&first) {
        rest.chars().take_while(word).take(40).collect()
    } else if punct(&first) {
        rest.chars().take_while(punct).take(3).collect()
    } else {
        first.to_string()
    };
    token
}

fn describe(rules: &[Rule]) -> String {
    let mut words: Vec<String> = Vec::new();
    for r in rules {
        let w = describe_rule(*r);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    match words.len() {
        0 => "something else".to_string(),
        1 => words.remove(0),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

fn describe_rule(r: Rule) -> String {
    let name = format!("{r:?}");
    if let Some(k) = name.strip_prefix("k_") {
        return format!("`{k}`");
    }
    match r {
        Rule::ident => "a name",
        Rule::string | Rule::str_inner => "a quoted label",
        Rule::date => "a date (YYYY-MM-DD)",
        Rule::number | Rule::percent | Rule::literal => "a value",
        Rule::cmp_op => "a comparison",
        Rule::add_op | Rule::mul_op | Rule::coalesce_op => "an operator",
        Rule::EOI => "a declaration",
        Rule::decl | Rule::file => "a declaration",
        Rule::input_type | Rule::choice_type => "a type",
        Rule::expr
        | Rule::paren
        | Rule::call
        | Rule::name_ref
        | Rule::boolean
        | Rule::result_word
        | Rule::points_ref
        | Rule::neg => "an expression",
        Rule::colon => "`:`",
        Rule::assign => "`=`",
        Rule::lbrace => "`{`",
        Rule::rbrace => "`}`",
        Rule::lparen => "`(`",
        Rule::rparen => "`)`",
        Rule::comma => "`,`",
        Rule::criterion => "`criterion`",
        Rule::outcome => "`outcome`",
        Rule::when_clause => "`when`",
        Rule::required => "`required`",
        Rule::points_clause => "`points`",
        Rule::among => "`among`",
        Rule::in_list => "`in (…)`",
        Rule::in_item => "an option or outcome id",
        Rule::provisional => "`provisional`",
        Rule::binding => "a value `NAME = VALUE`",
        _ => return name.replace('_', " "),
    }
    .to_string()
}
