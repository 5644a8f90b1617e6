//! Syntax diagnostics: pest errors turned into readable ones, and the nesting guard.

use super::{Rule, MAX_NESTING};
use crate::ast::{FileId, Span};
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::msg;

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
                        msg!("diag-brackets-too-deep", depth = MAX_NESTING.to_string()),
                        span,
                    )
                    .with_label(msg!("diag-too-deep-here"))
                    .with_help(msg!("diag-brackets-too-deep-help")),
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
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            (describe(positives), positives.contains(&Rule::cmp_op))
        }
        // The grammar raises no custom errors; one would be shown as pest words it.
        pest::error::ErrorVariant::CustomError { message } => {
            (msg!("diag-raw", text = message.as_str()), false)
        }
    };
    let (expected, comparison) = expected;
    let message = if found.is_empty() {
        msg!("diag-unexpected-end", expected = expected.clone())
    } else {
        msg!(
            "diag-unexpected",
            found = found.as_str(),
            expected = expected.clone()
        )
    };
    let mut d = Diagnostic::error(PARSE, message, span)
        .with_label(msg!("diag-expected", expected = expected));
    if found == "=>" {
        d = d.with_help(msg!("diag-did-you-mean", name = ">="));
    } else if found == "=<" {
        d = d.with_help(msg!("diag-did-you-mean", name = "<="));
    } else if found == "=" && comparison {
        d = d.with_help(msg!("diag-comparisons-use-eq"));
    } else if unclosed_quote_before(text, pos) {
        d = d.with_help(msg!("diag-unclosed-label-help"));
    }
    d
}

/// The message of a number that cannot be held exactly; `shown` is the number as written.
pub fn num_error(e: crate::num::NumError, shown: &str) -> Msg {
    use crate::num::{NumError, MAX_DIGITS};
    let digits = MAX_DIGITS.to_string();
    match e {
        NumError::NotANumber => msg!("diag-num-not-a-number", value = shown),
        NumError::TooManyDigits => msg!("diag-num-too-many-digits", value = shown, digits = digits),
        NumError::TooManyPlaces => msg!("diag-num-too-many-places", value = shown, digits = digits),
        NumError::TooLarge => msg!("diag-num-too-large", value = shown),
    }
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

/// What the grammar expected, in words: "`)`, an operator or a comparison".
fn describe(rules: &[Rule]) -> Msg {
    let mut words: Vec<Msg> = Vec::new();
    for r in rules {
        let w = describe_rule(*r);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    let Some(last) = words.pop() else {
        return msg!("diag-expect-something-else");
    };
    let Some(first) = words.first().cloned() else {
        return last;
    };
    let head = words[1..].iter().fold(first, |acc, w| {
        msg!("diag-list-comma", head = acc, next = w.clone())
    });
    msg!("diag-list-or", head = head, last = last)
}

/// A keyword or sign as written in the rules file, the same in every language.
fn code(text: &str) -> Msg {
    msg!("diag-code", text = text)
}

fn describe_rule(r: Rule) -> Msg {
    let name = format!("{r:?}");
    if let Some(k) = name.strip_prefix("k_") {
        return code(k);
    }
    let id = match r {
        Rule::ident => "diag-expect-name",
        Rule::string | Rule::str_inner => "diag-expect-label",
        Rule::date => "diag-expect-date",
        Rule::number | Rule::percent | Rule::literal => "diag-expect-value",
        Rule::cmp_op => "diag-expect-comparison",
        Rule::add_op | Rule::mul_op | Rule::coalesce_op => "diag-expect-operator",
        Rule::EOI => "diag-expect-declaration",
        Rule::decl | Rule::file => "diag-expect-declaration",
        Rule::input_type | Rule::choice_type => "diag-expect-type",
        Rule::expr
        | Rule::paren
        | Rule::call
        | Rule::name_ref
        | Rule::boolean
        | Rule::result_word
        | Rule::points_ref
        | Rule::neg => "diag-expect-expression",
        Rule::colon => return code(":"),
        Rule::assign => return code("="),
        Rule::lbrace => return code("{"),
        Rule::rbrace => return code("}"),
        Rule::lparen => return code("("),
        Rule::rparen => return code(")"),
        Rule::comma => return code(","),
        Rule::criterion => return code("criterion"),
        Rule::outcome => return code("outcome"),
        Rule::when_clause => return code("when"),
        Rule::required => return code("required"),
        Rule::points_clause => return code("points"),
        Rule::among => return code("among"),
        Rule::in_list => return code("in (…)"),
        Rule::in_item => "diag-expect-option-or-outcome",
        Rule::provisional => return code("provisional"),
        Rule::binding => "diag-expect-binding",
        // A rule of the grammar with no words of its own: its name, as a code.
        _ => return msg!("diag-raw", text = name.replace('_', " ")),
    };
    Msg::new(id)
}
