//! The open documents, the check of each (with the files it uses, open ones read from the
//! editor's buffers), and the diagnostics to publish per file.

use super::index::Index;
use super::lines::LineIndex;
use crate::ast::{Decl, FileId, Span};
use crate::check::{check_text_keyed, Checked};
use crate::diag::{Diagnostic as TcDiagnostic, Severity};
use crate::i18n::Lang;
use crate::loader::{normalize, DiskLoader, SourceLoader};
use crate::source::ReadError;
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Range, Url,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// An open document: the editor's text.
pub struct Doc {
    /// The loader's key of the file (its canonical path when it exists on disk).
    pub key: PathBuf,
    /// The text as the editor has it.
    pub text: String,
    /// Its lines.
    pub lines: LineIndex,
}

/// One document checked as a main file.
pub struct Analysis {
    /// The check: rules, diagnostics, every text read.
    pub checked: Checked,
    /// The parsed declarations of every file read, with the file each came from.
    pub decls: Vec<(FileId, Decl)>,
    /// Names, declarations and uses.
    pub index: Index,
    /// The lines of each file read (by file id).
    pub lines: Vec<LineIndex>,
}

impl Analysis {
    /// True when every file read parsed.
    pub fn parses(&self) -> bool {
        !self
            .checked
            .diagnostics
            .iter()
            .any(|d| d.code.starts_with("tieuchi::syntax::"))
    }

    /// The protocol range of `span`.
    pub fn range(&self, span: Span) -> Range {
        let text = self.text(span.file);
        match self.lines.get(span.file as usize) {
            Some(l) => l.range(text, span.start, span.end),
            None => Range::default(),
        }
    }

    /// The byte offset of a protocol position in file `file`.
    pub fn offset(&self, file: FileId, pos: lsp_types::Position) -> usize {
        let text = self.text(file);
        self.lines
            .get(file as usize)
            .map_or(0, |l| l.offset(text, pos))
    }

    /// The text of file `file` ("" when there is none).
    pub fn text(&self, file: FileId) -> &str {
        self.checked
            .sources
            .get(file)
            .map_or("", |f| f.text.as_str())
    }
}

/// The server's state.
pub struct State {
    /// The language of messages.
    pub lang: Lang,
    /// Open documents by URI.
    pub docs: HashMap<Url, Doc>,
    /// The check of each open document as a main file.
    pub analyses: HashMap<Url, Rc<Analysis>>,
    /// The last check of each open document whose files all parsed (names to complete while
    /// the text being typed does not parse).
    pub parsed: HashMap<Url, Rc<Analysis>>,
    published: HashSet<Url>,
}

impl State {
    /// No document open.
    pub fn new(lang: Lang) -> Self {
        State {
            lang,
            docs: HashMap::new(),
            analyses: HashMap::new(),
            parsed: HashMap::new(),
            published: HashSet::new(),
        }
    }

    /// Opens or replaces a document.
    pub fn set_doc(&mut self, uri: Url, text: String) {
        let key = key_of(&uri);
        let lines = LineIndex::new(&text);
        self.docs.insert(uri, Doc { key, text, lines });
    }

    /// Checks every open document again; the diagnostics to publish (every file that had some
    /// before and has none now gets an empty list).
    pub fn recheck(&mut self) -> Vec<PublishDiagnosticsParams> {
        let overlay = Overlay {
            open: self
                .docs
                .values()
                .map(|d| (d.key.clone(), d.text.clone()))
                .collect(),
        };
        self.analyses = self
            .docs
            .iter()
            .map(|(uri, d)| (uri.clone(), Rc::new(analyse(uri, d, &overlay))))
            .collect();
        self.parsed.retain(|uri, _| self.docs.contains_key(uri));
        for (uri, a) in &self.analyses {
            if a.parses() {
                self.parsed.insert(uri.clone(), Rc::clone(a));
            }
        }
        self.publications()
    }

    fn publications(&mut self) -> Vec<PublishDiagnosticsParams> {
        let used = self.used_elsewhere();
        let mut per_file: HashMap<Url, Vec<Diagnostic>> = HashMap::new();
        for (uri, a) in &self.analyses {
            if used.contains(uri) {
                per_file.entry(uri.clone()).or_default();
                continue;
            }
            for d in &a.checked.diagnostics {
                let file = placed_file(d);
                let Some(target) = self.uri_of(a, file) else {
                    continue;
                };
                let diag = self.convert(a, d);
                let list = per_file.entry(target).or_default();
                if !list.contains(&diag) {
                    list.push(diag);
                }
            }
            per_file.entry(uri.clone()).or_default();
        }
        let now: HashSet<Url> = per_file
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(u, _)| u.clone())
            .collect();
        for gone in self.published.difference(&now) {
            per_file.entry(gone.clone()).or_default();
        }
        self.published = now;
        per_file
            .into_iter()
            .map(|(uri, diagnostics)| PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            })
            .collect()
    }

    /// The open documents that another open document uses (their diagnostics come from it).
    fn used_elsewhere(&self) -> HashSet<Url> {
        let mut out = HashSet::new();
        for (uri, a) in &self.analyses {
            for f in a.checked.sources.files().iter().skip(1) {
                let Some(path) = &f.path else { continue };
                for (other, d) in &self.docs {
                    if &d.key == path && other != uri {
                        out.insert(other.clone());
                    }
                }
            }
        }
        out
    }

    /// The URI of file `file` of an analysis: an open document's, else the file's path.
    pub fn uri_of(&self, a: &Analysis, file: FileId) -> Option<Url> {
        let path = a.checked.sources.get(file)?.path.as_ref()?;
        if let Some((uri, _)) = self.docs.iter().find(|(_, d)| &d.key == path) {
            return Some(uri.clone());
        }
        Url::from_file_path(path).ok()
    }

    /// The analysis that sees `uri` best and the file id of `uri` in it: the check of a
    /// document that uses it (its names are read there), else its own.
    pub fn analysis_for(&self, uri: &Url) -> Option<(&Analysis, FileId)> {
        self.analysis_in(&self.analyses, uri)
    }

    /// [`State::analysis_for`] among the last checks whose files parsed.
    pub fn parsed_analysis_for(&self, uri: &Url) -> Option<(&Analysis, FileId)> {
        self.analysis_in(&self.parsed, uri)
    }

    fn analysis_in<'a>(
        &self,
        analyses: &'a HashMap<Url, Rc<Analysis>>,
        uri: &Url,
    ) -> Option<(&'a Analysis, FileId)> {
        let key = &self.docs.get(uri)?.key;
        for (other, a) in analyses {
            if other == uri {
                continue;
            }
            if let Some(f) = a.checked.sources.find_path(key).filter(|f| *f > 0) {
                return Some((a, f));
            }
        }
        let a = analyses.get(uri)?;
        Some((a, 0))
    }

    /// A checker diagnostic for the protocol.
    pub fn convert(&self, a: &Analysis, d: &TcDiagnostic) -> Diagnostic {
        let lang = self.lang;
        let mut message = d.message.render(lang);
        if let Some(label) = d.labels.first().and_then(|l| l.message.as_ref()) {
            message = format!("{message} ({})", label.render(lang));
        }
        if let Some(help) = &d.help {
            let help = help.render(lang);
            message.push('\n');
            message.push_str(&crate::tr!(lang, "diag-help", help = help));
        }
        let related = d
            .labels
            .iter()
            .skip(1)
            .filter_map(|l| {
                let uri = self.uri_of(a, l.span.file)?;
                Some(DiagnosticRelatedInformation {
                    location: Location::new(uri, a.range(l.span)),
                    message: l
                        .message
                        .as_ref()
                        .map_or_else(String::new, |m| m.render(lang)),
                })
            })
            .collect::<Vec<_>>();
        let span = d.span();
        let range = if span.file == u32::MAX {
            Range::default()
        } else {
            a.range(span)
        };
        Diagnostic {
            range,
            severity: Some(match d.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Advice => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(d.code.to_string())),
            source: Some("tieuchi".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Diagnostic::default()
        }
    }
}

/// The file a diagnostic is shown in: its primary span's, the main file for an unplaced one.
fn placed_file(d: &TcDiagnostic) -> FileId {
    match d.span().file {
        u32::MAX => 0,
        f => f,
    }
}

fn analyse(uri: &Url, doc: &Doc, overlay: &Overlay) -> Analysis {
    let name = uri
        .to_file_path()
        .map_or_else(|_| uri.to_string(), |p| p.display().to_string());
    let (checked, decls) = check_text_keyed(&name, doc.key.clone(), &doc.text, overlay);
    let index = Index::build(&decls);
    let lines = checked
        .sources
        .files()
        .iter()
        .map(|f| LineIndex::new(&f.text))
        .collect();
    Analysis {
        checked,
        decls,
        index,
        lines,
    }
}

/// The loader's key of a document: its canonical path (its path, lexically normalized, for a
/// file not saved yet), or the URI itself for a document that is not a file.
pub fn key_of(uri: &Url) -> PathBuf {
    match uri.to_file_path() {
        Ok(p) => p.canonicalize().unwrap_or_else(|_| normalize(&p)),
        Err(()) => PathBuf::from(uri.as_str()),
    }
}

/// Files from disk, with the open documents' texts in place of theirs.
struct Overlay {
    open: HashMap<PathBuf, String>,
}

impl SourceLoader for Overlay {
    fn resolve(&self, from: Option<&Path>, name: &str) -> Result<PathBuf, ReadError> {
        let dir = from.and_then(Path::parent);
        let path = dir.map_or_else(|| PathBuf::from(name), |d| d.join(name));
        let lexical = normalize(&path);
        if self.open.contains_key(&lexical) {
            return Ok(lexical);
        }
        DiskLoader.resolve(from, name)
    }

    fn read(&self, key: &Path) -> Result<String, ReadError> {
        match self.open.get(key) {
            Some(text) => Ok(text.clone()),
            None => DiskLoader.read(key),
        }
    }
}
