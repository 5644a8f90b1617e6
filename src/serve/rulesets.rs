//! The routes about rulesets themselves: the list, a ruleset's text, its entry template and
//! data schema, and `check` of a posted rules text.

use super::engine::{self, Reply};
use super::input::Query;
use super::problem::{body_rejected, Kind, Problem};
use super::State;
use crate::ast::Decl;
use crate::diag::{Diagnostic, JsonDiagnostic};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State as AxState};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::path::Path as FsPath;

/// `GET /v1/rulesets`: every served ruleset (id, title, source, `valid`, sha256, file) and the
/// files that are not served, with why.
pub async fn list(AxState(state): AxState<State>) -> Response {
    let reg = state.registry.get();
    let rulesets: Vec<_> = reg
        .entries
        .values()
        .map(|e| {
            let r = &e.rules;
            let valid = r
                .valid
                .map(|(from, to)| json!({ "from": from.to_string(), "to": to.to_string() }));
            let params: Vec<_> = r
                .params
                .iter()
                .map(|p| json!({ "id": p.id, "label": p.label, "value": p.written, "provisional": p.provisional }))
                .collect();
            json!({ "id": r.id, "title": r.title, "source": r.source, "valid": valid,
                    "sha256": r.sha256, "file": e.file, "params": params })
        })
        .collect();
    let dir = state.registry.dir().to_path_buf();
    let broken: Vec<_> = reg
        .broken
        .iter()
        .map(|b| {
            let mut b = b.clone();
            b.diagnostics = strip_dir(b.diagnostics, &dir);
            b
        })
        .collect();
    match Reply::value(&json!({ "rulesets": rulesets, "not_served": broken })) {
        Ok(r) => r.into_response(),
        Err(p) => p.into_response(),
    }
}

/// Diagnostics name files relative to the rules folder, never by the server's paths.
fn strip_dir(mut diags: Vec<JsonDiagnostic>, dir: &FsPath) -> Vec<JsonDiagnostic> {
    // `./rules/` and `rules` name the same folder: compare components, without `.`.
    let plain = |p: &FsPath| -> std::path::PathBuf {
        p.components()
            .filter(|c| *c != std::path::Component::CurDir)
            .collect()
    };
    let dir = plain(dir);
    for d in &mut diags {
        if let Some(f) = d.file.as_mut() {
            if let Ok(rest) = plain(FsPath::new(f.as_str())).strip_prefix(&dir) {
                *f = rest.display().to_string();
            }
        }
    }
    diags
}

fn one(
    state: &State,
    id: Result<Path<String>, PathRejection>,
) -> Result<std::sync::Arc<super::registry::Entry>, Problem> {
    let Path(id) = id.map_err(|r| Problem::new(Kind::NotFound, r.body_text()))?;
    super::handlers::entry(state, &id)
}

/// `GET /v1/rulesets/{id}/source`: the rules file's text, as checked.
pub async fn source(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    match one(&state, id) {
        Ok(e) => {
            let text = e
                .rules
                .sources
                .get(0)
                .map(|f| f.text.clone())
                .unwrap_or_default();
            Reply {
                content_type: "text/plain; charset=utf-8",
                body: text.into_bytes(),
                filename: None,
            }
            .into_response()
        }
        Err(p) => p.into_response(),
    }
}

/// `GET /v1/rulesets/{id}/schema`: the JSON Schema of the data (as `tieuchi schema`).
pub async fn schema(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    match one(&state, id).and_then(|e| Reply::value(&crate::schema::schema(&e.rules))) {
        Ok(r) => r.into_response(),
        Err(p) => p.into_response(),
    }
}

/// `GET /v1/rulesets/{id}/template[?format=csv]`: the entry form (as `tieuchi template`).
pub async fn template(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
) -> Response {
    let prepared = Query::parse(q.as_deref()).and_then(|q| Ok((one(&state, id)?, q)));
    let (e, q) = match prepared {
        Ok(x) => x,
        Err(p) => return p.into_response(),
    };
    engine::run(&state, move || {
        let t = crate::template::Template::new(&e.rules, None, false);
        let fail = |e: String| Problem::new(Kind::Internal, e);
        match q.format.as_deref().unwrap_or("xlsx") {
            "csv" => Ok(Reply {
                content_type: "text/csv; charset=utf-8",
                body: t.to_csv().map_err(|e| fail(e.to_string()))?.into_bytes(),
                filename: Some(format!("{}.csv", e.rules.id)),
            }),
            "xlsx" => Ok(Reply {
                content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                body: xlsx(&t).map_err(fail)?,
                filename: Some(format!("{}.xlsx", e.rules.id)),
            }),
            other => Err(Problem::new(
                Kind::BadRequest,
                format!("`format` is `xlsx` or `csv`, not `{other}`"),
            )),
        }
    })
    .await
}

#[cfg(feature = "spreadsheets")]
fn xlsx(t: &crate::template::Template) -> Result<Vec<u8>, String> {
    crate::template::xlsx::to_xlsx(t).map_err(|e| e.to_string())
}

#[cfg(not(feature = "spreadsheets"))]
fn xlsx(_: &crate::template::Template) -> Result<Vec<u8>, String> {
    Err("built without the `spreadsheets` feature: ask for `format=csv`".into())
}

/// `POST /v1/check`: a rules text (the body, UTF-8) checked as if it were a file of the rules
/// folder → the diagnostics of `tieuchi check --format json`. Its `use` may name only files
/// inside the rules folder.
pub async fn check(
    AxState(state): AxState<State>,
    RawQuery(q): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let prepared = Query::parse(q.as_deref()).and_then(|q| {
        let body = body.map_err(|r| body_rejected(r, state.config.body_limit))?;
        let text = String::from_utf8(body.to_vec())
            .map_err(|_| Problem::new(Kind::BadRequest, "the rules text is not UTF-8"))?;
        Ok((q, text))
    });
    let (q, text) = match prepared {
        Ok(x) => x,
        Err(p) => return p.into_response(),
    };
    let dir = state.registry.dir().to_path_buf();
    engine::run(&state, move || {
        let checked = check_posted(&dir, &text);
        let file = crate::report::documents::CheckedFile::new(POSTED, &checked, q.lang);
        let mut doc = crate::report::documents::CheckDocument::new(vec![file]);
        for f in &mut doc.files {
            f.diagnostics = strip_dir(std::mem::take(&mut f.diagnostics), &dir);
        }
        Reply::value(&doc)
    })
    .await
}

/// The name a posted rules text is shown under.
const POSTED: &str = "posted.tc";

/// Checks a posted text; a `use` of a file outside `dir` is refused before anything is read.
fn check_posted(dir: &FsPath, text: &str) -> crate::check::Checked {
    let mut refused = Vec::new();
    let mut uses = false;
    if let Ok(file) = crate::syntax::parse(text, 0) {
        let inside = dir.canonicalize().ok();
        for decl in &file.decls {
            let Decl::Use(rel) = decl else { continue };
            uses = true;
            let target = dir.join(&rel.node).canonicalize().ok();
            let ok =
                matches!((&inside, &target), (Some(d), Some(t)) if t.starts_with(d) && t.is_file());
            if !ok {
                refused.push(
                    Diagnostic::error(
                        crate::check::codes::BAD_USE,
                        crate::msg!("diag-use-outside-folder", path = rel.node.as_str()),
                        rel.span,
                    )
                    .with_help(crate::msg!("diag-use-outside-folder-help")),
                );
            }
        }
    }
    if !refused.is_empty() {
        let mut sources = crate::source::SourceMap::new();
        sources.add(crate::source::SourceFile::new(
            POSTED,
            None,
            text.to_string(),
        ));
        return crate::check::Checked {
            rules: None,
            diagnostics: refused,
            sources: std::sync::Arc::new(sources),
        };
    }
    if uses {
        crate::check::check_source(&dir.join(POSTED), text)
    } else {
        crate::check::check_text(POSTED, text)
    }
}
