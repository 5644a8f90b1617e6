//! The front door's error: what went wrong, with the texts needed to show where.

use crate::diag::{self, Diagnostic, Severity};
use crate::i18n::Lang;
use crate::source::SourceMap;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// What kind of input an [`Error`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The rules do not check (or could not be read).
    Rules,
    /// A param override (`P=V`) is not a param of the rules, or its value does not fit.
    Override,
    /// The data could not be read as a data set at all (not the format it claims, unreadable).
    Data,
    /// An id asked of the results names no area, assessment, criterion or target.
    UnknownId,
}

/// An error of the front door: the diagnostics (errors and warnings, in file order) and the
/// texts they point into. `Display` prints each error as `file:line:col: message` in English;
/// [`Error::render`] gives the full reports (the source lines underlined) in a [`Lang`].
#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    diagnostics: Vec<Diagnostic>,
    sources: Arc<SourceMap>,
}

/// One diagnostic of an [`Error`] (or a warning of rules or data), placed and put into words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The stable code, e.g. `tieuchi::check::unknown_name`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The file's name as shown (`None` for a problem with no place, such as an unreadable file).
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
}

impl fmt::Display for Problem {
    /// `file:line:col: message`, or just the message when it has no place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line, self.column) {
            (Some(file), Some(line), Some(col)) => write!(f, "{file}:{line}:{col}: ")?,
            (Some(file), _, _) => write!(f, "{file}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

impl Error {
    pub(crate) fn new(
        kind: ErrorKind,
        diagnostics: Vec<Diagnostic>,
        sources: Arc<SourceMap>,
    ) -> Self {
        Error {
            kind,
            diagnostics,
            sources,
        }
    }

    /// An error about a single unplaced diagnostic.
    pub(crate) fn unplaced(kind: ErrorKind, d: Diagnostic) -> Self {
        Self::new(kind, vec![d], Arc::default())
    }

    /// What kind of input the error is about.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Every diagnostic (errors and warnings), placed and put into words in `lang`.
    pub fn problems(&self, lang: Lang) -> Vec<Problem> {
        problems(&self.diagnostics, &self.sources, lang)
    }

    /// The stable codes of the errors, in order (e.g. `tieuchi::check::unknown_name`).
    pub fn codes(&self) -> Vec<&'static str> {
        self.errors().map(|d| d.code).collect()
    }

    /// The full reports in `lang`: each diagnostic with the lines it points at underlined
    /// (miette's format, without colour), warnings included.
    pub fn render(&self, lang: Lang) -> String {
        self.diagnostics
            .iter()
            .map(|d| diag::render_text(d, &self.sources, false, lang))
            .collect()
    }

    fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        let any_error = self.diagnostics.iter().any(Diagnostic::is_error);
        self.diagnostics
            .iter()
            .filter(move |d| !any_error || d.is_error())
    }
}

/// The errors, one a line, as `file:line:col: message` in English.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.errors().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}", problem(d, &self.sources, Lang::En))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub(crate) fn problems(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    lang: Lang,
) -> Vec<Problem> {
    diagnostics
        .iter()
        .map(|d| problem(d, sources, lang))
        .collect()
}

fn problem(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> Problem {
    let span = d.span();
    let file = sources.get(span.file);
    let at = file.map(|f| f.line_col(span.start));
    Problem {
        code: d.code,
        severity: d.severity,
        message: d.message.render(lang),
        file: file.map(|f| f.name.clone()),
        line: at.map(|p| p.0),
        column: at.map(|p| p.1),
        help: d.help.as_ref().map(|h| h.render(lang)),
    }
}
