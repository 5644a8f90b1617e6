//! The kinds of tokens and nodes of the syntax tree, and the rowan language tag.

/// The kind of a token (from [`crate::syntax::lexer`]) or of a node (from the parser). Node kinds
/// are named after the rules of the grammar.
#[allow(non_camel_case_types, missing_docs, clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u16)]
pub enum SyntaxKind {
    // ---- trivia ----
    /// Spaces, tabs and carriage returns.
    WHITESPACE = 0,
    /// `\n`.
    NEWLINE,
    /// `// …` up to the line break.
    COMMENT,
    /// U+FEFF, anywhere.
    BOM,
    // ---- tokens ----
    /// A byte sequence that starts no token: a stray character, a string never closed, a number
    /// run into a name (`12ab`).
    ERROR_TOKEN,
    IDENT,
    STRING,
    NUMBER,
    PERCENT,
    DATE,
    COLON,
    EQ,
    L_BRACE,
    R_BRACE,
    L_PAREN,
    R_PAREN,
    COMMA,
    AT,
    DOT,
    /// `??`
    QUESTION2,
    EQ2,
    NEQ,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    // ---- keywords ----
    AMONG_KW,
    AND_KW,
    AREA_KW,
    ASSESSMENT_KW,
    CHOICE_KW,
    COUNT_KW,
    CRITERION_KW,
    DATE_KW,
    EXPECT_KW,
    FAIL_KW,
    FALSE_KW,
    FOR_KW,
    FROM_KW,
    GIVEN_KW,
    IN_KW,
    INPUT_KW,
    INVALID_KW,
    LET_KW,
    MET_KW,
    NA_KW,
    NOT_KW,
    NOT_MET_KW,
    NUMBER_KW,
    OR_KW,
    OTHERWISE_KW,
    OUTCOME_KW,
    PARAM_KW,
    PASS_KW,
    PER_KW,
    PERCENT_KW,
    PERIOD_KW,
    POINTS_KW,
    PROVISIONAL_KW,
    REQUIRED_KW,
    RULESET_KW,
    SET_KW,
    SOURCE_KW,
    TARGET_KW,
    TEST_KW,
    TEXT_KW,
    TO_KW,
    TRUE_KW,
    UNKNOWN_KW,
    USE_KW,
    VALID_KW,
    WHEN_KW,
    YES_NO_KW,
    // ---- nodes ----
    /// The whole file.
    ROOT,
    /// Tokens the parser skipped after an error.
    ERROR,
    RULESET_DECL,
    SOURCE_DECL,
    VALID_DECL,
    PERIOD_DECL,
    INPUT_DECL,
    PARAM_DECL,
    LET_DECL,
    USE_DECL,
    ASSESSMENT,
    CRITERION,
    OUTCOME,
    TARGET,
    TEST,
    /// `: TYPE` of an input.
    INPUT_TYPE,
    CHOICE_TYPE,
    CHOICE_OPTION,
    /// `per period`
    PER_PERIOD,
    /// `provisional` after a param's value.
    PROVISIONAL,
    /// `required` in a criterion.
    REQUIRED,
    POINTS_CLAUSE,
    WHEN_CLAUSE,
    /// `otherwise` of an outcome.
    OTHERWISE,
    GIVEN,
    AREA,
    BINDING,
    SET_PARAM,
    EXPECT,
    /// `for ID` of an `expect`.
    EXPECT_FOR,
    /// A value in a param, binding or `set`: `-5`, `20%`, `"x"`, `true`, `option`.
    LITERAL,
    // expressions
    /// A number, percent, date, string, `true`/`false` or result word in an expression.
    LITERAL_EXPR,
    /// `points` inside an outcome's condition.
    POINTS_REF,
    /// `name`, `assessment.criterion`, `name@period`.
    NAME_REF,
    /// `(expr)`
    PAREN_EXPR,
    /// `f(a, b among c)`
    CALL,
    /// `among expr` inside a call.
    AMONG,
    /// `not x`, `-x`.
    PREFIX_EXPR,
    /// `a op b`.
    BINARY_EXPR,
    /// `x in (a, b)`.
    IN_EXPR,
    /// `(a, b)` of an `in`.
    IN_LIST,
    /// One name (or `na`) of an `in` list.
    IN_ITEM,
}

use SyntaxKind::*;

const KEYWORDS: [(&str, SyntaxKind); 47] = [
    ("among", AMONG_KW),
    ("and", AND_KW),
    ("area", AREA_KW),
    ("assessment", ASSESSMENT_KW),
    ("choice", CHOICE_KW),
    ("count", COUNT_KW),
    ("criterion", CRITERION_KW),
    ("date", DATE_KW),
    ("expect", EXPECT_KW),
    ("fail", FAIL_KW),
    ("false", FALSE_KW),
    ("for", FOR_KW),
    ("from", FROM_KW),
    ("given", GIVEN_KW),
    ("in", IN_KW),
    ("input", INPUT_KW),
    ("invalid", INVALID_KW),
    ("let", LET_KW),
    ("met", MET_KW),
    ("na", NA_KW),
    ("not", NOT_KW),
    ("not_met", NOT_MET_KW),
    ("number", NUMBER_KW),
    ("or", OR_KW),
    ("otherwise", OTHERWISE_KW),
    ("outcome", OUTCOME_KW),
    ("param", PARAM_KW),
    ("pass", PASS_KW),
    ("per", PER_KW),
    ("percent", PERCENT_KW),
    ("period", PERIOD_KW),
    ("points", POINTS_KW),
    ("provisional", PROVISIONAL_KW),
    ("required", REQUIRED_KW),
    ("ruleset", RULESET_KW),
    ("set", SET_KW),
    ("source", SOURCE_KW),
    ("target", TARGET_KW),
    ("test", TEST_KW),
    ("text", TEXT_KW),
    ("to", TO_KW),
    ("true", TRUE_KW),
    ("unknown", UNKNOWN_KW),
    ("use", USE_KW),
    ("valid", VALID_KW),
    ("when", WHEN_KW),
    ("yes_no", YES_NO_KW),
];

impl SyntaxKind {
    /// The keyword kind of a word, if it is one of the language's reserved words.
    pub fn keyword(word: &str) -> Option<SyntaxKind> {
        if word.len() > 11 || !word.as_bytes()[0].is_ascii_lowercase() {
            return None;
        }
        KEYWORDS
            .binary_search_by(|(k, _)| k.cmp(&word))
            .ok()
            .map(|i| KEYWORDS[i].1)
    }

    /// The text of a keyword kind (`None` for any other kind).
    pub fn keyword_text(self) -> Option<&'static str> {
        KEYWORDS.iter().find(|(_, k)| *k == self).map(|(w, _)| *w)
    }

    /// Whitespace, line breaks, comments and byte order marks: kept in the tree, ignored by the
    /// grammar.
    pub fn is_trivia(self) -> bool {
        matches!(self, WHITESPACE | NEWLINE | COMMENT | BOM)
    }

    /// True for the reserved words.
    pub fn is_keyword(self) -> bool {
        (AMONG_KW as u16..=YES_NO_KW as u16).contains(&(self as u16))
    }

    /// True for the keywords that start a top-level declaration.
    pub fn starts_declaration(self) -> bool {
        matches!(
            self,
            RULESET_KW
                | SOURCE_KW
                | VALID_KW
                | PERIOD_KW
                | INPUT_KW
                | PARAM_KW
                | LET_KW
                | ASSESSMENT_KW
                | TARGET_KW
                | TEST_KW
                | USE_KW
        )
    }

    fn from_raw(raw: u16) -> SyntaxKind {
        const LAST: u16 = IN_ITEM as u16;
        if raw > LAST {
            return ERROR;
        }
        // SAFETY-free: look the kind up by comparing with every variant would be slow; the enum is
        // `repr(u16)` with contiguous discriminants from 0 to `LAST`, checked just above.
        ALL[raw as usize]
    }
}

/// Every kind in discriminant order (checked by a test), for [`SyntaxKind::from_raw`].
const ALL: [SyntaxKind; IN_ITEM as usize + 1] = [
    WHITESPACE,
    NEWLINE,
    COMMENT,
    BOM,
    ERROR_TOKEN,
    IDENT,
    STRING,
    NUMBER,
    PERCENT,
    DATE,
    COLON,
    EQ,
    L_BRACE,
    R_BRACE,
    L_PAREN,
    R_PAREN,
    COMMA,
    AT,
    DOT,
    QUESTION2,
    EQ2,
    NEQ,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    AMONG_KW,
    AND_KW,
    AREA_KW,
    ASSESSMENT_KW,
    CHOICE_KW,
    COUNT_KW,
    CRITERION_KW,
    DATE_KW,
    EXPECT_KW,
    FAIL_KW,
    FALSE_KW,
    FOR_KW,
    FROM_KW,
    GIVEN_KW,
    IN_KW,
    INPUT_KW,
    INVALID_KW,
    LET_KW,
    MET_KW,
    NA_KW,
    NOT_KW,
    NOT_MET_KW,
    NUMBER_KW,
    OR_KW,
    OTHERWISE_KW,
    OUTCOME_KW,
    PARAM_KW,
    PASS_KW,
    PER_KW,
    PERCENT_KW,
    PERIOD_KW,
    POINTS_KW,
    PROVISIONAL_KW,
    REQUIRED_KW,
    RULESET_KW,
    SET_KW,
    SOURCE_KW,
    TARGET_KW,
    TEST_KW,
    TEXT_KW,
    TO_KW,
    TRUE_KW,
    UNKNOWN_KW,
    USE_KW,
    VALID_KW,
    WHEN_KW,
    YES_NO_KW,
    ROOT,
    ERROR,
    RULESET_DECL,
    SOURCE_DECL,
    VALID_DECL,
    PERIOD_DECL,
    INPUT_DECL,
    PARAM_DECL,
    LET_DECL,
    USE_DECL,
    ASSESSMENT,
    CRITERION,
    OUTCOME,
    TARGET,
    TEST,
    INPUT_TYPE,
    CHOICE_TYPE,
    CHOICE_OPTION,
    PER_PERIOD,
    PROVISIONAL,
    REQUIRED,
    POINTS_CLAUSE,
    WHEN_CLAUSE,
    OTHERWISE,
    GIVEN,
    AREA,
    BINDING,
    SET_PARAM,
    EXPECT,
    EXPECT_FOR,
    LITERAL,
    LITERAL_EXPR,
    POINTS_REF,
    NAME_REF,
    PAREN_EXPR,
    CALL,
    AMONG,
    PREFIX_EXPR,
    BINARY_EXPR,
    IN_EXPR,
    IN_LIST,
    IN_ITEM,
];

/// The language tag of tieuchi's rowan trees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TieuchiLang {}

impl rowan::Language for TieuchiLang {
    type Kind = SyntaxKind;
    fn kind_from_raw(raw: rowan::SyntaxKind) -> SyntaxKind {
        SyntaxKind::from_raw(raw.0)
    }
    fn kind_to_raw(kind: SyntaxKind) -> rowan::SyntaxKind {
        rowan::SyntaxKind(kind as u16)
    }
}

impl From<SyntaxKind> for rowan::SyntaxKind {
    fn from(kind: SyntaxKind) -> Self {
        rowan::SyntaxKind(kind as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_keywords_are_sorted() {
        for (i, k) in ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
            assert_eq!(SyntaxKind::from_raw(i as u16), *k);
        }
        assert!(KEYWORDS.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, k) in KEYWORDS {
            assert_eq!(SyntaxKind::keyword(w), Some(k));
            assert!(k.is_keyword());
            assert_eq!(k.keyword_text(), Some(w));
        }
        assert_eq!(SyntaxKind::keyword("inputs"), None);
    }
}
