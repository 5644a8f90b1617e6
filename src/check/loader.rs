//! Reading a rules file and the files it `use`s, with cycle detection.

use super::codes;
use crate::ast::{Decl, FileId, RulesFile, Span};
use crate::diag::Diagnostic;
use crate::msg;
use crate::source::{read_regular_text, read_text, ReadError, SourceFile, SourceMap};
use crate::syntax;
use std::path::{Path, PathBuf};

/// Every declaration of the main file and the files it uses, with the file each came from.
pub struct Loaded {
    pub sources: SourceMap,
    /// Declarations of used files come before those of the file that uses them.
    pub decls: Vec<(FileId, Decl)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads a rules file from disk with everything it uses.
pub fn load_path(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        sources: SourceMap::new(),
        decls: vec![],
        diagnostics: vec![],
    };
    match read_text(path) {
        Ok(text) => {
            let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
            let id = loaded.sources.add(SourceFile::new(
                path.display().to_string(),
                Some(canonical.clone()),
                text,
            ));
            load_file(&mut loaded, id, &mut vec![canonical]);
        }
        Err(e) => loaded.diagnostics.push(
            Diagnostic::unplaced(
                codes::READ,
                msg!(
                    "diag-cannot-read",
                    path = path.display().to_string(),
                    reason = crate::diag::read_error(&e)
                ),
            )
            .with_help(msg!("diag-cannot-read-rules-help")),
        ),
    }
    loaded
}

/// Loads rules from a string (no file on disk; `use` resolves against the working directory).
pub fn load_text(name: &str, path: Option<PathBuf>, text: String) -> Loaded {
    let mut loaded = Loaded {
        sources: SourceMap::new(),
        decls: vec![],
        diagnostics: vec![],
    };
    let stack = path.iter().cloned().collect();
    let id = loaded.sources.add(SourceFile::new(name, path, text));
    load_file(&mut loaded, id, &mut { stack });
    loaded
}

fn load_file(loaded: &mut Loaded, id: FileId, stack: &mut Vec<PathBuf>) {
    let text = loaded
        .sources
        .get(id)
        .map(|f| f.text.clone())
        .unwrap_or_default();
    let parsed = match syntax::parse(&text, id) {
        Ok(p) => p,
        Err(errors) => {
            loaded.diagnostics.extend(errors);
            return;
        }
    };
    drop(text);
    let RulesFile { decls, .. } = parsed;
    let dir = loaded
        .sources
        .get(id)
        .and_then(|f| f.path.as_ref())
        .and_then(|p| p.parent())
        .map(Path::to_path_buf);
    for decl in decls {
        if let Decl::Use(path) = &decl {
            load_use(loaded, dir.as_deref(), &path.node, path.span, stack);
        }
        loaded.decls.push((id, decl));
    }
}

fn load_use(
    loaded: &mut Loaded,
    dir: Option<&Path>,
    rel: &str,
    span: Span,
    stack: &mut Vec<PathBuf>,
) {
    let path = dir.map_or_else(|| PathBuf::from(rel), |d| d.join(rel));
    let canonical = match path.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            let message = msg!("diag-cannot-read", path = rel, reason = e.to_string());
            let d = Diagnostic::error(codes::BAD_USE, message, span)
                .with_help(msg!("diag-use-relative-help"));
            loaded.diagnostics.push(d);
            return;
        }
    };
    if stack.contains(&canonical) {
        let chain: Vec<String> = stack
            .iter()
            .chain([&canonical])
            .map(|p| file_name(p))
            .collect();
        let d = Diagnostic::error(
            codes::BAD_USE,
            msg!("diag-use-cycle", chain = chain.join(" → ")),
            span,
        )
        .with_help(msg!("diag-use-cycle-help"));
        loaded.diagnostics.push(d);
        return;
    }
    if loaded.sources.find_path(&canonical).is_some() {
        return;
    }
    match read_regular_text(&canonical) {
        Ok(text) => {
            // Shown as the user would write it: relative to the including file's name as given.
            let includer = loaded
                .sources
                .get(span.file)
                .map(|f| f.name.clone())
                .unwrap_or_default();
            let display = lexical(
                &Path::new(&includer)
                    .parent()
                    .unwrap_or(Path::new(""))
                    .join(rel),
            );
            let id = loaded
                .sources
                .add(SourceFile::new(display, Some(canonical.clone()), text));
            stack.push(canonical);
            load_file(loaded, id, stack);
            stack.pop();
        }
        Err(e) => {
            let help = match e {
                ReadError::NotAFile => msg!("diag-use-not-a-file-help"),
                _ => msg!("diag-use-relative-help"),
            };
            let message = msg!(
                "diag-cannot-read",
                path = rel,
                reason = crate::diag::read_error(&e)
            );
            let d = Diagnostic::error(codes::BAD_USE, message, span).with_help(help);
            loaded.diagnostics.push(d);
        }
    }
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn lexical(p: &Path) -> String {
    let mut parts: Vec<std::path::Component> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir
                if matches!(parts.last(), Some(std::path::Component::Normal(_))) =>
            {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            other => parts.push(other),
        }
    }
    parts.iter().collect::<PathBuf>().display().to_string()
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
