//! The check phase: names resolved, types checked, the [`Rules`] that evaluation uses.
//! Every problem of a file is reported together; warnings are kept apart from errors.

mod calls;
pub mod codes;
mod decls;
mod domain;
mod in_list;
mod loader;
pub mod model;
mod order;
mod overrides;
mod params;
pub use overrides::parse_override;
pub(crate) use overrides::unit_fits;
mod compare;
mod resolve;
mod tests_decl;
mod traps;
mod units;
mod warn;

pub use model::*;

use crate::ast::{Decl, FileId, Span};
use crate::diag::Diagnostic;
use crate::loader::{DiskLoader, SourceLoader};
use crate::source::SourceMap;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// What checking a rules file gives: the rules when there is no error, and every diagnostic.
#[derive(Debug)]
pub struct Checked {
    /// `Some` when no diagnostic is an error.
    pub rules: Option<Rules>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Every text read, for rendering the diagnostics (shared with the rules).
    pub sources: Arc<SourceMap>,
}

impl Checked {
    /// True when some diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads, parses and checks a rules file and the files it `use`s, from disk.
pub fn check_path(path: &Path) -> Checked {
    check_path_with(path, &DiskLoader)
}

/// [`check_path`], reading every file through `loader`.
pub fn check_path_with(path: &Path, loader: &dyn SourceLoader) -> Checked {
    finish(loader::load_path(path, loader))
}

/// Parses and checks rules given as text; `name` is shown in diagnostics (`use` is relative to
/// the working directory).
pub fn check_text(name: &str, text: &str) -> Checked {
    finish(loader::load_text(name, None, text.to_string(), &DiskLoader))
}

/// Parses and checks rules given as text under `name`, reading the files it `use`s through
/// `loader` (relative to `name`).
pub fn check_text_with(name: &str, text: &str, loader: &dyn SourceLoader) -> Checked {
    // A name the loader cannot resolve (a file not saved yet) still places its `use`s beside it.
    let key = loader
        .resolve(None, name)
        .unwrap_or_else(|_| std::path::PathBuf::from(name));
    finish(loader::load_text(name, Some(key), text.to_string(), loader))
}

/// [`check_text_with`] with `key` as the loader's key of the text, also giving every parsed
/// declaration of the file and of the files it uses, with the file each came from (for editors:
/// the outline, names and their places). Declarations of a file that does not parse are missing.
pub fn check_text_keyed(
    name: &str,
    key: std::path::PathBuf,
    text: &str,
    loader: &dyn SourceLoader,
) -> (Checked, Vec<(FileId, Decl)>) {
    let loaded = loader::load_text(name, Some(key), text.to_string(), loader);
    let decls = loaded.decls.clone();
    (finish(loaded), decls)
}

/// Checks rules given as text as if they were the file at `path` (for `use` and diagnostics),
/// e.g. an edited copy of a rules file.
pub fn check_source(path: &Path, text: &str) -> Checked {
    let key = DiskLoader
        .resolve(None, &path.to_string_lossy())
        .unwrap_or_else(|_| path.to_path_buf());
    finish(loader::load_text(
        &path.display().to_string(),
        Some(key),
        text.to_string(),
        &DiskLoader,
    ))
}

fn finish(loaded: loader::Loaded) -> Checked {
    let loader::Loaded {
        sources,
        decls,
        mut diagnostics,
    } = loaded;
    let sources = Arc::new(sources);
    if !diagnostics.is_empty() && decls.is_empty() || diagnostics.iter().any(Diagnostic::is_error) {
        return Checked {
            rules: None,
            diagnostics,
            sources,
        };
    }
    let mut checker = Checker::new(&sources);
    checker.run(&decls);
    diagnostics.append(&mut checker.diags);
    diagnostics.sort_by_key(|d| (d.span().file, d.span().start));
    let rules = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| {
        let mut rules = checker.rules;
        rules.sha256 = sources
            .get(0)
            .map(|f| hex_sha256(f.text.as_bytes()))
            .unwrap_or_default();
        rules.node_count = checker.next_node;
        rules.sources = Arc::clone(&sources);
        rules.snippets = node_snippets(&rules);
        rules
    });
    Checked {
        rules,
        diagnostics,
        sources,
    }
}

/// `snippets[node id]`: each expression node's text as written.
fn node_snippets(rules: &Rules) -> Arc<[Arc<str>]> {
    let mut out: Vec<Arc<str>> = vec![Arc::from(""); rules.node_count as usize];
    rules.walk_exprs(true, &mut |n| {
        if let Some(s) = out.get_mut(n.id as usize) {
            *s = Arc::from(rules.sources.snippet(n.span));
        }
    });
    out.into()
}

/// Lowercase hex sha256 of some bytes.
pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What a global name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Period(u32),
    Input(u32),
    Param(u32),
    Let(u32),
    Assessment(u32),
    Target(u32),
}

struct Checker<'s> {
    sources: &'s SourceMap,
    diags: Vec<Diagnostic>,
    names: HashMap<String, (Named, Span)>,
    rules: Rules,
    next_node: u32,
    /// Assessments are resolved in dependency order; this maps source order to final index.
    assessment_index: Vec<u32>,
    /// Lets are resolved in dependency order; source order → final index once resolved.
    let_index: Vec<Option<u32>>,
    /// Uses seen, for warnings: inputs read; criteria referenced by id.
    used_inputs: Vec<bool>,
    referenced_criteria: Vec<(u32, u32)>,
}

impl<'s> Checker<'s> {
    fn new(sources: &'s SourceMap) -> Self {
        let rules = Rules {
            id: String::new(),
            title: String::new(),
            source: None,
            valid: None,
            periods: vec![],
            inputs: vec![],
            slots: vec![],
            params: vec![],
            lets: vec![],
            assessments: vec![],
            targets: vec![],
            tests: vec![],
            texts: vec![],
            sources: Arc::default(),
            snippets: Arc::default(),
            sha256: String::new(),
            node_count: 0,
        };
        Checker {
            sources,
            diags: vec![],
            names: HashMap::new(),
            rules,
            next_node: 0,
            assessment_index: vec![],
            let_index: vec![],
            used_inputs: vec![],
            referenced_criteria: vec![],
        }
    }

    fn run(&mut self, decls: &[(FileId, Decl)]) {
        self.header(decls);
        self.declare(decls);
        let lets: Vec<_> = decls
            .iter()
            .filter_map(|(_, d)| if let Decl::Let(l) = d { Some(l) } else { None })
            .collect();
        self.resolve_lets(&lets);
        let assessments: Vec<_> = decls
            .iter()
            .filter_map(|(_, d)| {
                if let Decl::Assessment(a) = d {
                    Some(a)
                } else {
                    None
                }
            })
            .collect();
        self.resolve_assessments(&assessments);
        for (_, d) in decls {
            if let Decl::Target(t) = d {
                self.resolve_target(t);
            }
        }
        for (_, d) in decls {
            if let Decl::Test(t) = d {
                self.resolve_test(t);
            }
        }
        self.record_params_read();
        self.check_units();
        if !self.diags.iter().any(Diagnostic::is_error) {
            self.warnings(decls);
            self.trap_warnings();
        }
    }

    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn node_id(&mut self) -> u32 {
        self.next_node += 1;
        self.next_node - 1
    }

    fn snippet(&self, span: Span) -> &str {
        self.sources.snippet(span)
    }
}
