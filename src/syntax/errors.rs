//! Syntax diagnostics: the errors of the syntax tree put into words.

use super::cst::{Expected, SyntaxError, SyntaxErrorKind, SyntaxKind};
use super::{MAX_EXPR_DEPTH, MAX_NESTING};
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

/// Puts a syntax error of the tree into words, as a diagnostic of `file`.
pub fn to_diagnostic(e: &SyntaxError, text: &str, file: FileId) -> Diagnostic {
    let span = |r: &std::ops::Range<usize>| Span {
        file,
        start: r.start,
        end: r.end,
    };
    match &e.kind {
        SyntaxErrorKind::Unexpected { expected } => unexpected(expected, text, file, e.range.start),
        SyntaxErrorKind::ChainedComparison { in_list } => Diagnostic::error(
            CHAINED_COMPARISON,
            msg!("diag-chained-comparison"),
            span(&e.range),
        )
        .with_help(if *in_list {
            msg!("diag-chained-help-parens")
        } else {
            msg!("diag-chained-help-and")
        }),
        SyntaxErrorKind::TooDeep => Diagnostic::error(
            TOO_DEEP,
            msg!(
                "diag-expression-too-deep",
                depth = MAX_EXPR_DEPTH.to_string()
            ),
            span(&e.range),
        )
        .with_help(msg!("diag-expression-too-deep-help")),
        SyntaxErrorKind::BracketsTooDeep => Diagnostic::error(
            TOO_DEEP,
            msg!("diag-brackets-too-deep", depth = MAX_NESTING.to_string()),
            span(&e.range),
        )
        .with_label(msg!("diag-too-deep-here"))
        .with_help(msg!("diag-brackets-too-deep-help")),
    }
}

/// "unexpected `x`; expected …", naming what the grammar would have accepted in words.
fn unexpected(expected: &[Expected], text: &str, file: FileId, pos: usize) -> Diagnostic {
    let found = found_at(text, pos);
    let end = (pos + found.len()).max(pos + 1).min(text.len().max(pos));
    let span = Span {
        file,
        start: pos,
        end,
    };
    let comparison = expected.contains(&Expected::Comparison);
    let expected = describe(expected);
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

/// What the grammar expected, in words: "`)`, an operator or a comparison" (keywords first,
/// then closing brackets, other signs, and the words for kinds of things).
fn describe(expected: &[Expected]) -> Msg {
    let rank = |e: &Expected| match e {
        Expected::Token(k) if k.is_keyword() => 0,
        Expected::Token(SyntaxKind::R_BRACE | SyntaxKind::R_PAREN) => 1,
        Expected::Token(_) => 2,
        _ => 3,
    };
    let mut sorted = expected.to_vec();
    sorted.sort_by_key(rank);
    let mut words: Vec<Msg> = Vec::new();
    for e in &sorted {
        let w = describe_one(*e);
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

fn describe_one(e: Expected) -> Msg {
    let id = match e {
        Expected::Token(k) => return code(k.keyword_text().unwrap_or_else(|| sign(k))),
        Expected::Name => "diag-expect-name",
        Expected::Label => "diag-expect-label",
        Expected::Date => "diag-expect-date",
        Expected::Value => "diag-expect-value",
        Expected::Expression => "diag-expect-expression",
        Expected::Operator => "diag-expect-operator",
        Expected::Comparison => "diag-expect-comparison",
        Expected::Declaration => "diag-expect-declaration",
        Expected::Type => "diag-expect-type",
        Expected::Binding => "diag-expect-binding",
        Expected::OptionOrOutcome => "diag-expect-option-or-outcome",
    };
    Msg::new(id)
}

/// How a sign token is written.
fn sign(k: SyntaxKind) -> &'static str {
    use SyntaxKind::*;
    match k {
        COLON => ":",
        EQ => "=",
        L_BRACE => "{",
        R_BRACE => "}",
        L_PAREN => "(",
        R_PAREN => ")",
        COMMA => ",",
        AT => "@",
        DOT => ".",
        QUESTION2 => "??",
        EQ2 => "==",
        NEQ => "!=",
        LT => "<",
        LE => "<=",
        GT => ">",
        GE => ">=",
        PLUS => "+",
        MINUS => "-",
        STAR => "*",
        SLASH => "/",
        _ => "…",
    }
}
