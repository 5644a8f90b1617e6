//! Reading a rules file and the files it `use`s, with cycle detection. Every text comes from a
//! [`SourceLoader`]: this module does no file IO itself.

use super::codes;
use crate::ast::{Decl, FileId, RulesFile, Span};
use crate::diag::Diagnostic;
use crate::loader::SourceLoader;
use crate::msg;
use crate::source::{ReadError, SourceFile, SourceMap};
use crate::syntax;
use std::path::{Path, PathBuf};

/// Every declaration of the main file and the files it uses, with the file each came from.
pub struct Loaded {
    pub sources: SourceMap,
    /// Declarations of used files come before those of the file that uses them.
    pub decls: Vec<(FileId, Decl)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads the rules file at `path` with everything it uses.
pub fn load_path(path: &Path, loader: &dyn SourceLoader) -> Loaded {
    let mut loaded = Loaded {
        sources: SourceMap::new(),
        decls: vec![],
        diagnostics: vec![],
    };
    match loader.read_main(path) {
        Ok((key, text)) => {
            let id = loaded.sources.add(SourceFile::new(
                path.display().to_string(),
                Some(key.clone()),
                text,
            ));
            load_file(&mut loaded, loader, id, &mut vec![key]);
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

/// Loads rules given as text; `key` is the loader's key of that text (what its `use`s are
/// relative to), if it has one.
pub fn load_text(
    name: &str,
    key: Option<PathBuf>,
    text: String,
    loader: &dyn SourceLoader,
) -> Loaded {
    let mut loaded = Loaded {
        sources: SourceMap::new(),
        decls: vec![],
        diagnostics: vec![],
    };
    let stack = key.iter().cloned().collect();
    let id = loaded.sources.add(SourceFile::new(name, key, text));
    load_file(&mut loaded, loader, id, &mut { stack });
    loaded
}

fn load_file(loaded: &mut Loaded, loader: &dyn SourceLoader, id: FileId, stack: &mut Vec<PathBuf>) {
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
    let from = loaded.sources.get(id).and_then(|f| f.path.clone());
    for decl in decls {
        if let Decl::Use(path) = &decl {
            let used = Use {
                from: from.as_deref(),
                rel: &path.node,
                span: path.span,
            };
            load_use(loaded, loader, used, stack);
        }
        loaded.decls.push((id, decl));
    }
}

/// A `use "rel"` written at `span` in the file with key `from`.
struct Use<'a> {
    from: Option<&'a Path>,
    rel: &'a str,
    span: Span,
}

fn load_use(loaded: &mut Loaded, loader: &dyn SourceLoader, used: Use, stack: &mut Vec<PathBuf>) {
    let Use { rel, span, .. } = used;
    let key = match loader.resolve(used.from, rel) {
        Ok(key) => key,
        Err(e) => return loaded.diagnostics.push(use_error(rel, span, &e)),
    };
    if stack.contains(&key) {
        let chain: Vec<String> = stack.iter().chain([&key]).map(|p| file_name(p)).collect();
        let d = Diagnostic::error(
            codes::BAD_USE,
            msg!("diag-use-cycle", chain = chain.join(" → ")),
            span,
        )
        .with_help(msg!("diag-use-cycle-help"));
        loaded.diagnostics.push(d);
        return;
    }
    if loaded.sources.find_path(&key).is_some() {
        return;
    }
    match loader.read(&key) {
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
                .add(SourceFile::new(display, Some(key.clone()), text));
            stack.push(key);
            load_file(loaded, loader, id, stack);
            stack.pop();
        }
        Err(e) => loaded.diagnostics.push(use_error(rel, span, &e)),
    }
}

fn use_error(rel: &str, span: Span, e: &ReadError) -> Diagnostic {
    let help = match e {
        ReadError::NotAFile => msg!("diag-use-not-a-file-help"),
        _ => msg!("diag-use-relative-help"),
    };
    let message = msg!(
        "diag-cannot-read",
        path = rel,
        reason = crate::diag::read_error(e)
    );
    Diagnostic::error(codes::BAD_USE, message, span).with_help(help)
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn lexical(p: &Path) -> String {
    crate::loader::normalize(p).display().to_string()
}
fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
