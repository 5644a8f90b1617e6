//! The API's handlers. Each reads its request (id, query, body) on the async side, then runs
//! the engine through [`super::engine::run`] with the same library calls as the CLI command of
//! the same name, so the JSON documents are the CLI's.

use super::engine::{self, Reply};
use super::input::{self, Query};
use super::problem::{body_rejected, Kind, Problem};
use super::registry::Entry;
use super::State;
use crate::check::Rules;
use crate::data::{DataSource, Dataset};
use crate::diag::{did_you_mean, to_json};
use crate::eval::{assess as assess_areas, compile};
use crate::report::Run;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State as AxState};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

type Body = Result<Bytes, BytesRejection>;

/// The ruleset named `id` (ids only: a path or anything not in the registry is 404).
pub(super) fn entry(state: &State, id: &str) -> Result<Arc<Entry>, Problem> {
    let reg = state.registry.get();
    reg.get(id).ok_or_else(|| {
        let shown: String = id.chars().take(80).collect();
        let hint = did_you_mean(id, reg.entries.keys().map(String::as_str))
            .map(|m| format!(" {}", m.render(crate::i18n::Lang::En)))
            .unwrap_or_default();
        Problem::new(
            Kind::NotFound,
            format!("no ruleset `{shown}` (GET /v1/rulesets lists them).{hint}"),
        )
    })
}

fn path_id(p: Result<Path<String>, PathRejection>) -> Result<String, Problem> {
    p.map(|Path(id)| id)
        .map_err(|r| Problem::new(Kind::NotFound, r.body_text()))
}

/// What a data-posting route has read before the engine runs.
struct Posted {
    entry: Arc<Entry>,
    query: Query,
    source: DataSource,
}

fn posted(
    state: &State,
    id: Result<String, Problem>,
    query: Option<String>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Posted, Problem> {
    let query = Query::parse(query.as_deref())?;
    let entry = entry(state, &id?)?;
    let body = body.map_err(|r| body_rejected(r, state.config.body_limit))?;
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let format = input::format_of(ct)?;
    let source = input::source(body.to_vec(), format, &query)?;
    Ok(Posted {
        entry,
        query,
        source,
    })
}

/// The data set for `rules`; one that cannot be read at all is a 422 problem.
fn load(rules: &Rules, p: &Posted, whole_set: bool) -> Result<Dataset, Problem> {
    let opts = crate::data::LoadOptions {
        whole_set,
        ..p.query.load_options()
    };
    let data = p.source.load_with(rules, &opts);
    if data.unreadable {
        return Err(input::unusable(
            &data.diagnostics,
            &data.sources,
            p.query.lang,
        ));
    }
    Ok(data)
}

/// Runs `work` over the posted data, or answers with the problem of reading it.
async fn with_posted<F>(state: State, p: Result<Posted, Problem>, work: F) -> Response
where
    F: FnOnce(Posted) -> Result<Reply, Problem> + Send + 'static,
{
    match p {
        Ok(p) => engine::run(&state, move || work(p)).await,
        Err(problem) => problem.into_response(),
    }
}

/// `POST /v1/rulesets/{id}/assess`: the document of `tieuchi assess --format json`.
pub async fn assess(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let p = posted(&state, path_id(id), q, &headers, body);
    with_posted(state, p, |p| {
        let rules = &p.entry.rules;
        let sets = p.query.overrides(rules)?;
        let data = load(rules, &p, false)?;
        let program = compile(rules, &sets);
        let assessed = assess_areas(&program, &data.areas);
        let run = Run {
            program: &program,
            data: &data,
            assessed: &assessed,
            only: None,
            lang: p.query.lang,
        };
        let mut out = Vec::new();
        crate::report::json::write_assessment(&run, p.query.explain, false, &mut out)
            .map_err(|e| Problem::new(Kind::Internal, format!("cannot write JSON: {e}")))?;
        Ok(Reply::json(out))
    })
    .await
}

/// `POST /v1/rulesets/{id}/validate`: the document of `tieuchi validate --format json`.
pub async fn validate(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let p = posted(&state, path_id(id), q, &headers, body);
    with_posted(state, p, |p| {
        let data = load(&p.entry.rules, &p, true)?;
        Reply::value(&crate::report::documents::ValidateDocument::new(
            &p.entry.rules,
            &data,
            p.query.lang,
        ))
    })
    .await
}

/// `POST /v1/rulesets/{id}/explain/{area}`: one area of the assess document with its
/// explanation, and the explanation as text over the rules file's lines (`text`).
pub async fn explain(
    AxState(state): AxState<State>,
    ids: Result<Path<(String, String)>, PathRejection>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let (id, area) = match ids {
        Ok(Path(pair)) => (Ok(pair.0), pair.1),
        Err(r) => (
            Err(Problem::new(Kind::NotFound, r.body_text())),
            String::new(),
        ),
    };
    let p = posted(&state, id, q, &headers, body);
    with_posted(state, p, move |p| {
        let rules = &p.entry.rules;
        let sets = p.query.overrides(rules)?;
        let data = load(rules, &p, false)?;
        let Some(index) = data.areas.iter().position(|a| a.id == area) else {
            let shown: String = area.chars().take(80).collect();
            let hint = did_you_mean(&area, data.areas.iter().map(|a| a.id.as_str()))
                .map(|m| format!(" {}", m.render(p.query.lang)))
                .unwrap_or_default();
            return Err(Problem::new(
                Kind::NotFound,
                format!("no area `{shown}` in the data.{hint}"),
            ));
        };
        let program = compile(rules, &sets);
        let assessed = assess_areas(&program, &data.areas);
        let only = [index];
        let run = Run {
            program: &program,
            data: &data,
            assessed: &assessed,
            only: Some(&only),
            lang: p.query.lang,
        };
        let doc = crate::report::json::assessment(&run, true);
        let one = &data.areas[index];
        let x = crate::eval::explain::explain_area(&program, one);
        let text = crate::report::explain::area(&program, &one.name, &x, false, p.query.lang);
        Reply::value(&serde_json::json!({
            "ruleset": doc.get("ruleset"),
            "area": doc.get("areas").and_then(|a| a.get(0)),
            "text": text,
        }))
    })
    .await
}

/// `POST /v1/rulesets/{id}/diff?against=ID2` (two rulesets) or `?set=P=V` (what-if): the
/// document of `tieuchi diff --format json`.
pub async fn diff(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let p = posted(&state, path_id(id), q, &headers, body);
    let other = p.as_ref().ok().and_then(|p| p.query.against.clone());
    let other = match other.map(|id| entry(&state, &id)).transpose() {
        Ok(o) => o,
        Err(problem) => return problem.into_response(),
    };
    with_posted(state, p, move |p| {
        input::readable(&p.source, p.query.lang)?;
        let opts = p.query.load_options();
        let d = match (other, p.query.sets.is_empty()) {
            (Some(other), true) => {
                crate::diff::diff_files_source(&p.entry.path, &other.path, &p.source, &opts)
                    .map_err(|diags| {
                        input::unusable(&diags, &crate::source::SourceMap::new(), p.query.lang)
                    })?
            }
            (None, false) => {
                let sets = p.query.overrides(&p.entry.rules)?;
                crate::diff::diff_overrides_source(
                    &p.entry.rules,
                    &p.source,
                    &sets,
                    &p.query.sets,
                    &opts,
                )
            }
            _ => {
                return Err(Problem::new(
                    Kind::BadRequest,
                    "diff takes either `against=ID` (another ruleset) or `set=P=V` (what-if)",
                ))
            }
        };
        Reply::value(&crate::report::diff::DiffDocument::new(&d, p.query.lang))
    })
    .await
}

/// `POST /v1/rulesets/{id}/sweep?param=P=FROM..TO/STEP`: the document of `tieuchi sweep
/// --format json`.
pub async fn sweep(
    AxState(state): AxState<State>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let p = posted(&state, path_id(id), q, &headers, body);
    with_posted(state, p, |p| {
        let rules = &p.entry.rules;
        let Some(param) = p.query.param.as_deref() else {
            return Err(Problem::new(
                Kind::BadRequest,
                "sweep needs `param=P=FROM..TO/STEP`",
            ));
        };
        let spec = crate::sweep::parse_spec(rules, param).map_err(|d| {
            Problem::new(Kind::BadRequest, d.message.render(p.query.lang))
                .with_diagnostics(vec![to_json(&d, &rules.sources, p.query.lang)])
        })?;
        let sets = p.query.overrides(rules)?;
        let data = load(rules, &p, false)?;
        let rows = crate::sweep::sweep(rules, &data.areas, &spec, &sets);
        Reply::value(&crate::report::sweep::document(rules, &spec, &rows))
    })
    .await
}
