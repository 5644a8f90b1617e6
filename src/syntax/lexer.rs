//! The one lexer of the criteria language: lossless (the tokens cover every byte of the text, in
//! order: whitespace, line breaks, comments, byte order marks, and error tokens for stray bytes)
//! and exactly the token rules of the grammar (`grammar/criteria.pest`).

use super::cst::SyntaxKind::{self, *};
use std::ops::Range;

/// One token: its kind and the bytes it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: SyntaxKind,
    /// The bytes of the text it covers.
    pub range: Range<usize>,
}

/// Splits `text` into tokens. The ranges are contiguous and cover the whole text; bytes that start
/// no token of the grammar become [`SyntaxKind::ERROR_TOKEN`]s, and a string left open runs to the
/// end of the text as one error token.
pub fn lex(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 8);
    let mut pos = 0;
    while pos < text.len() {
        let (kind, len) = next_token(&text[pos..]);
        tokens.push(Token {
            kind,
            range: pos..pos + len,
        });
        pos += len;
    }
    tokens
}

/// A character that may continue a name: a Unicode letter, mark, decimal digit or connector.
pub fn is_ident_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    pest::unicode::LETTER(c)
        || pest::unicode::MARK(c)
        || pest::unicode::DECIMAL_NUMBER(c)
        || pest::unicode::CONNECTOR_PUNCTUATION(c)
}

/// A character that may start a name: a Unicode letter or `_`.
pub fn is_ident_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    pest::unicode::LETTER(c)
}

/// The kind and length of the token at the start of `rest` (never empty).
fn next_token(rest: &str) -> (SyntaxKind, usize) {
    let bytes = rest.as_bytes();
    let b = bytes[0];
    let two = bytes.get(1).copied();
    let kind = match b {
        b' ' | b'\t' | b'\r' => {
            let n = bytes
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t' | b'\r'))
                .count();
            return (WHITESPACE, n);
        }
        b'\n' => NEWLINE,
        b'/' if two == Some(b'/') => {
            return (COMMENT, rest.find('\n').unwrap_or(rest.len()));
        }
        b'"' => return string(rest),
        b'0'..=b'9' => return number(rest),
        b':' => COLON,
        b'{' => L_BRACE,
        b'}' => R_BRACE,
        b'(' => L_PAREN,
        b')' => R_PAREN,
        b',' => COMMA,
        b'@' => AT,
        b'.' => DOT,
        b'+' => PLUS,
        b'-' => MINUS,
        b'*' => STAR,
        b'/' => SLASH,
        b'?' if two == Some(b'?') => return (QUESTION2, 2),
        b'=' if two == Some(b'=') => return (EQ2, 2),
        b'!' if two == Some(b'=') => return (NEQ, 2),
        b'<' if two == Some(b'=') => return (LE, 2),
        b'>' if two == Some(b'=') => return (GE, 2),
        b'=' => EQ,
        b'<' => LT,
        b'>' => GT,
        _ => return word_or_error(rest),
    };
    (kind, 1)
}

/// A string: `"`, then characters or `\`-escaped characters, then `"`.
fn string(rest: &str) -> (SyntaxKind, usize) {
    let bytes = rest.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (STRING, i + 1),
            // `\` escapes one character, which may take several bytes.
            b'\\' => i += 1 + rest[i + 1..].chars().next().map_or(0, char::len_utf8),
            _ => i += 1,
        }
    }
    (ERROR_TOKEN, rest.len())
}

/// A date (`2024-01-31` not followed by a name character), a percent (`12.5%`), a number
/// (`12.5` not followed by a name character), or else an error token for the malformed number
/// with the name characters that follow it.
fn number(rest: &str) -> (SyntaxKind, usize) {
    let bytes = rest.as_bytes();
    let digits = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let followed_by_name = |at: usize| rest[at..].chars().next().is_some_and(is_ident_char);
    let int = digits(0);
    if int == 4
        && bytes.get(4) == Some(&b'-')
        && digits(5) == 2
        && bytes.get(7) == Some(&b'-')
        && digits(8) == 2
        && !followed_by_name(10)
    {
        return (DATE, 10);
    }
    let mut end = int;
    if bytes.get(end) == Some(&b'.') && digits(end + 1) > 0 {
        end += 1 + digits(end + 1);
    }
    if bytes.get(end) == Some(&b'%') {
        return (PERCENT, end + 1);
    }
    if followed_by_name(end) {
        let tail: usize = rest[end..]
            .chars()
            .take_while(|c| is_ident_char(*c))
            .map(char::len_utf8)
            .sum();
        return (ERROR_TOKEN, end + tail);
    }
    (NUMBER, end)
}

/// A name or keyword, a byte order mark, or an error token for one stray character.
fn word_or_error(rest: &str) -> (SyntaxKind, usize) {
    let Some(first) = rest.chars().next() else {
        return (ERROR_TOKEN, rest.len());
    };
    if first == '\u{FEFF}' {
        return (BOM, first.len_utf8());
    }
    if !is_ident_start(first) {
        return (ERROR_TOKEN, first.len_utf8());
    }
    let len: usize = rest
        .chars()
        .take_while(|c| is_ident_char(*c))
        .map(char::len_utf8)
        .sum();
    (SyntaxKind::keyword(&rest[..len]).unwrap_or(IDENT), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SyntaxKind, &str)> {
        lex(text)
            .into_iter()
            .filter(|t| !t.kind.is_trivia())
            .map(|t| (t.kind, &text[t.range]))
            .collect()
    }

    #[test]
    fn covers_every_byte() {
        let text = "\u{FEFF}ruleset x \"a\\\"b\" // c\n  n >= 1.5 ?? 20% § 2024-01-31 \"open";
        let tokens = lex(text);
        let mut at = 0;
        for t in &tokens {
            assert_eq!(t.range.start, at);
            at = t.range.end;
        }
        assert_eq!(at, text.len());
        assert_eq!(tokens[0].kind, BOM);
        assert_eq!(tokens.last().map(|t| t.kind), Some(ERROR_TOKEN));
    }

    #[test]
    fn token_rules_of_the_grammar() {
        assert_eq!(
            kinds("vụ_án12 input inputs 2024-01-31 2024-01-31x 12.5% 3.x 12ab \"a\\\\\" // c"),
            [
                (IDENT, "vụ_án12"),
                (INPUT_KW, "input"),
                (IDENT, "inputs"),
                (DATE, "2024-01-31"),
                (NUMBER, "2024"),
                (MINUS, "-"),
                (NUMBER, "01"),
                (MINUS, "-"),
                (ERROR_TOKEN, "31x"),
                (PERCENT, "12.5%"),
                (NUMBER, "3"),
                (DOT, "."),
                (IDENT, "x"),
                (ERROR_TOKEN, "12ab"),
                (STRING, "\"a\\\\\""),
            ]
        );
        assert_eq!(
            kinds("a??b==c!=d<=e>=f<g>h=i!j?"),
            [
                (IDENT, "a"),
                (QUESTION2, "??"),
                (IDENT, "b"),
                (EQ2, "=="),
                (IDENT, "c"),
                (NEQ, "!="),
                (IDENT, "d"),
                (LE, "<="),
                (IDENT, "e"),
                (GE, ">="),
                (IDENT, "f"),
                (LT, "<"),
                (IDENT, "g"),
                (GT, ">"),
                (IDENT, "h"),
                (EQ, "="),
                (IDENT, "i"),
                (ERROR_TOKEN, "!"),
                (IDENT, "j"),
                (ERROR_TOKEN, "?"),
            ]
        );
    }
}
