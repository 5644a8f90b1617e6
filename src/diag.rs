//! Diagnostics shared by every phase: a stable code, a severity, a message, labelled spans and
//! help. Rendered as miette reports ([`render_text`]) or as JSON objects ([`to_json`]), both in
//! the reader's [`Lang`].
//!
//! The message, the label messages and the help are [`Text`]: a catalog message
//! ([`Msg`], built with [`msg!`](crate::msg), ids `diag-…` in `locales/*/diagnostics.ftl` and
//! `data-…` in `locales/*/data.ftl`) put into words only when shown. [`Text::Plain`] holds text
//! already in words; it exists for the few callers that build their sentences elsewhere (the
//! explanation and the comparison of rules) and is shown as it is in every language. Every
//! diagnostic of the syntax, check and data phases is a [`Msg`].

use crate::ast::Span;
use crate::i18n::{IntoMsgArg, Lang, Msg};
use crate::source::{ReadError, SourceFile, SourceMap};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The rules or data cannot be used as they are.
    Error,
    /// Worth a look; does not fail `check`.
    Warning,
    /// Information, e.g. an explanation.
    Advice,
}

/// What a diagnostic says: a catalog message, or (for callers outside the phases) plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A message of the catalogs, put into words in the reader's language (boxed: a
    /// diagnostic stays small enough to return by value).
    Msg(Box<Msg>),
    /// Text already in words, shown as it is in every language.
    Plain(String),
}

impl Text {
    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Msg(m) => m.render(lang),
            Text::Plain(t) => t.clone(),
        }
    }

    /// Plain text, shown as it is in every language.
    pub fn plain(text: impl Into<String>) -> Text {
        Text::Plain(text.into())
    }
}

/// English, for logs and tests; renderers use [`Text::render`].
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Text {
        Text::Msg(Box::new(m))
    }
}

/// Plain text (see [`Text::Plain`]).
impl From<String> for Text {
    fn from(t: String) -> Text {
        Text::Plain(t)
    }
}

/// Plain text (see [`Text::Plain`]).
impl From<&str> for Text {
    fn from(t: &str) -> Text {
        Text::Plain(t.to_string())
    }
}

/// English, as [`Display`](fmt::Display) gives (for outputs that have no language yet).
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// A [`Text`] as an argument of a message: put into words in the same language.
impl IntoMsgArg for Text {
    fn add(self, msg: Msg, name: &'static str) -> Msg {
        match self {
            Text::Msg(m) => msg.msg(name, *m),
            Text::Plain(t) => msg.text(name, t),
        }
    }
}

/// A span with an optional message shown under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there.
    pub message: Option<Text>,
}

/// One problem found in a rules or data file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `tieuchi::check::unknown_name`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// One lowercase sentence; user input in backticks.
    pub message: Text,
    /// The first label is the primary location.
    pub labels: Vec<Label>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<Text>,
    /// The edit the help describes, when it is one (a name to put in place of a misspelled
    /// one, a percent literal, a missing `otherwise`): editors offer it as a quick fix.
    /// (Boxed: a diagnostic stays small enough to return by value.)
    pub suggestion: Option<Box<Suggestion>>,
}

/// An edit carrying out a diagnostic's help: the text at `span` replaced by `replacement` (an
/// empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// What to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

impl Diagnostic {
    /// A new error at `span`.
    pub fn error(code: &'static str, message: impl Into<Text>, span: Span) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            labels: vec![Label {
                span,
                message: None,
            }],
            help: None,
            suggestion: None,
        }
    }

    /// A new warning at `span`.
    pub fn warning(code: &'static str, message: impl Into<Text>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(code, message, span)
        }
    }

    /// A diagnostic about a whole file or the command line, with no span (file id `u32::MAX`).
    pub fn unplaced(code: &'static str, message: impl Into<Text>) -> Self {
        let span = Span {
            file: u32::MAX,
            start: 0,
            end: 0,
        };
        Diagnostic {
            labels: vec![Label {
                span,
                message: None,
            }],
            ..Self::error(code, message, span)
        }
    }

    /// Sets the primary label's message.
    pub fn with_label(mut self, message: impl Into<Text>) -> Self {
        if let Some(l) = self.labels.first_mut() {
            l.message = Some(message.into());
        }
        self
    }

    /// Adds a secondary label.
    pub fn with_secondary(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            span,
            message: Some(message.into()),
        });
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the edit that carries out the help.
    pub fn with_suggestion(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(Box::new(Suggestion {
            span,
            replacement: replacement.into(),
        }));
        self
    }

    /// Sets the help to "did you mean `x`?" with its edit (`x` in place of the name written at
    /// `span`) when a candidate is close to `name`, else to `fallback` (if any).
    pub fn with_did_you_mean<'a>(
        self,
        name: &str,
        span: Span,
        candidates: impl IntoIterator<Item = &'a str>,
        fallback: Option<Msg>,
    ) -> Self {
        match closest_name(name, candidates) {
            Some(best) => self
                .with_help(crate::msg!("diag-did-you-mean", name = best))
                .with_suggestion(span, best),
            None => match fallback {
                Some(help) => self.with_help(help),
                None => self,
            },
        }
    }

    /// The primary span.
    pub fn span(&self) -> Span {
        self.labels.first().map(|l| l.span).unwrap_or_default()
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The longest name [`did_you_mean`] looks for a suggestion for.
pub const MAX_SUGGESTED_NAME: usize = 100;

/// "did you mean `x`?" for the candidate closest to `name`, if any is close enough.
/// Names longer than [`MAX_SUGGESTED_NAME`] characters get no suggestion, and a candidate whose
/// length is too far from the name's is never compared (the distance is at least the difference),
/// so the work stays small whatever the input.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Msg> {
    let best = closest_name(name, candidates)?;
    Some(crate::msg!("diag-did-you-mean", name = best))
}

/// The candidate [`did_you_mean`] suggests, if any.
pub fn closest_name<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let n = name.chars().count();
    if n > MAX_SUGGESTED_NAME {
        return None;
    }
    let most = 1.max(n / 3);
    let best = candidates
        .into_iter()
        .filter_map(|c| {
            let prefix = n >= 4 && c.starts_with(name);
            if prefix {
                return Some((c.chars().count() - n, c));
            }
            let m = c.chars().count();
            if m.abs_diff(n) > most {
                return None;
            }
            Some((strsim::damerau_levenshtein(name, c), c))
        })
        .filter(|(d, c)| {
            let close = *d <= most && *d < n;
            let prefix = n >= 4 && c.starts_with(name);
            (close || prefix) && *c != name
        })
        .min_by_key(|(d, _)| *d)?;
    Some(best.1)
}

/// Why a file could not be read, as a message. The operating system's own words (for a
/// missing file, a denied permission) are passed on as they are.
pub fn read_error(e: &ReadError) -> Msg {
    match e {
        ReadError::Io(text) => crate::msg!("diag-raw", text = text.as_str()),
        ReadError::TooLarge => crate::msg!(
            "diag-file-too-large",
            mib = (crate::source::MAX_FILE_BYTES / (1024 * 1024)).to_string()
        ),
        ReadError::NotUtf8(at) => crate::msg!("diag-file-not-utf8", offset = at.to_string()),
        ReadError::NotAFile => crate::msg!("diag-file-not-regular"),
    }
}

/// The JSON shape of a diagnostic, for editors and other tools.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct JsonDiagnostic {
    /// The stable code.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in the requested language.
    pub message: String,
    /// The file's name as shown.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column (characters).
    pub column: Option<usize>,
    /// 1-based line of the end.
    pub end_line: Option<usize>,
    /// 1-based column of the end.
    pub end_column: Option<usize>,
    /// How to fix it, in the requested language.
    pub help: Option<String>,
}

/// Converts a diagnostic to its JSON shape (1-based lines and character columns); the code and
/// the keys do not change with the language, the message and the help are in `lang`.
pub fn to_json(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> JsonDiagnostic {
    let span = d.span();
    let file = sources.get(span.file);
    let start = file.map(|f| f.line_col(span.start));
    let end = file.map(|f| f.line_col(span.end));
    JsonDiagnostic {
        code: d.code,
        severity: d.severity,
        message: d.message.render(lang),
        file: file.map(|f| f.name.clone()),
        line: start.map(|p| p.0),
        column: start.map(|p| p.1),
        end_line: end.map(|p| p.0),
        end_column: end.map(|p| p.1),
        help: d.help.as_ref().map(|h| h.render(lang)),
    }
}

/// `file:line:col` of the primary span, or `None` for an unplaced diagnostic.
pub fn location(d: &Diagnostic, sources: &SourceMap) -> Option<String> {
    let span = d.span();
    let file = sources.get(span.file)?;
    let (line, col) = file.line_col(span.start);
    Some(format!("{}:{}:{}", file.name, line, col))
}

/// Lines longer than this are not shown as snippets; the location is printed instead.
const MAX_SNIPPET_LINE: usize = 400;

/// Renders a diagnostic as a miette report in `lang`; with `color` false, no escape codes are
/// written.
pub fn render_text(d: &Diagnostic, sources: &SourceMap, color: bool, lang: Lang) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let file = sources.get(d.span().file);
    let long_line = file.is_some_and(|f| f.line_text(d.span().start).len() > MAX_SNIPPET_LINE);
    let help = d.help.as_ref().map(|h| h.render(lang));
    // miette writes `help:` itself; other languages get the line in their own words below.
    let miette_help = help.clone().filter(|_| lang == Lang::En);
    let view = Report {
        diag: d,
        message: d.message.render(lang),
        help: miette_help,
        labels: d
            .labels
            .iter()
            .map(|l| l.message.as_ref().map(|m| m.render(lang)))
            .collect(),
        source: file.filter(|_| !long_line).map(|file| Named { file }),
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &view).is_err() {
        out = format!("{}: {}\n", d.code, view.message);
    }
    if let Some(help) = help.filter(|_| lang != Lang::En) {
        out.push_str(&format!(
            "  {}\n",
            crate::tr!(lang, "diag-help", help = help)
        ));
    }
    if long_line || file.is_none() {
        if let Some(loc) = location(d, sources) {
            out.push_str(&format!("  {}\n", crate::tr!(lang, "diag-at", place = loc)));
        }
    }
    out
}

struct Named<'a> {
    file: &'a SourceFile,
}

impl SourceCode for Named<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.file.span_contents(span, before, after)?;
        // miette counts columns in bytes; JSON output and editors count characters.
        let column = if inner.column() == 0 {
            0
        } else {
            self.file.char_column(span.offset())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

struct Report<'a> {
    diag: &'a Diagnostic,
    /// The message, the help and the label messages in the reader's language.
    message: String,
    help: Option<String>,
    labels: Vec<Option<String>>,
    source: Option<Named<'a>>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        // An explanation block has no code: it is not a problem to look up.
        (!self.diag.code.is_empty()).then(|| Box::new(self.diag.code) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let file = self.diag.span().file;
        let labels = self
            .diag
            .labels
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.span.file == file)
            .map(|(i, l)| {
                let message = self.labels.get(i).cloned().flatten();
                let span =
                    SourceSpan::new(l.span.start.into(), l.span.end.saturating_sub(l.span.start));
                if i == 0 {
                    LabeledSpan::new_primary_with_span(message, span)
                } else {
                    LabeledSpan::new_with_span(message, span)
                }
            });
        Some(Box::new(labels))
    }
}

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn suggestions_stay_cheap_and_right() {
        let ids = ["vinh-ninh", "quang-chau", "vinh-ninh-2"];
        let m = did_you_mean("vinh-nin", ids).map(|m| m.to_string());
        assert_eq!(m.as_deref(), Some("did you mean `vinh-ninh`?"));
        // A name far longer than any candidate is not compared (and gets no suggestion).
        let long = "x".repeat(60_000);
        let many: Vec<String> = (0..1000)
            .map(|i| format!("{}{i}", "x".repeat(59_990)))
            .collect();
        assert!(did_you_mean(&long, many.iter().map(String::as_str)).is_none());
        // Candidates whose length is too far from the name's are skipped, not misjudged.
        assert!(did_you_mean("ab", ["abcdefgh"]).is_none());
    }
}
