//! `tieuchi serve`: the HTTP API under `/v1` and the web workbench at `/`.
//!
//! Safe by default: it binds `127.0.0.1`; rulesets are named by id, never by path; request
//! bodies and the time of each request are limited; the engine runs on blocking threads (a
//! bounded number at once) and a panic there is a 500 problem, not a dead worker; the rules
//! folder is polled and reloaded without dropping requests (see `registry.rs`).

mod assets;
mod engine;
mod handlers;
mod input;
pub mod openapi;
pub mod problem;
pub mod registry;
mod rulesets;

use axum::extract::DefaultBodyLimit;
use axum::routing::MethodRouter;
use axum::Router;
use problem::{Kind, Problem};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder of rules files served.
    pub rules: PathBuf,
    /// Where to listen (`127.0.0.1:8080` by default; port 0 picks a free one).
    pub addr: SocketAddr,
    /// The largest request body accepted.
    pub body_limit: usize,
    /// The longest a request may take.
    pub time_limit: Duration,
    /// How often the rules folder is looked at for changes.
    pub poll: Duration,
    /// How many engine runs at once (others wait, within the time limit).
    pub workers: usize,
}

impl Config {
    /// The defaults for a folder: 127.0.0.1:8080, 16 MiB bodies, 30 s per request, the folder
    /// polled every second, as many engine runs at once as the machine has cores.
    pub fn new(rules: PathBuf) -> Config {
        Config {
            rules,
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            body_limit: 16 * 1024 * 1024,
            time_limit: Duration::from_secs(30),
            poll: Duration::from_secs(1),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// What every handler shares.
#[derive(Debug)]
pub struct AppState {
    /// The rulesets.
    pub registry: Arc<registry::Shared>,
    /// The limits.
    pub config: Config,
    /// Engine runs at once.
    pub permits: Arc<tokio::sync::Semaphore>,
}

/// The shared state as handlers take it.
pub type State = Arc<AppState>;

/// Every route of the service: method, path (as in the OpenAPI document) and handler. The
/// router is built from this table, and a test checks that the OpenAPI document lists each.
pub fn routes() -> Vec<(&'static str, &'static str, MethodRouter<State>)> {
    use axum::routing::{get, post};
    use handlers as h;
    vec![
        ("get", "/", get(assets::index)),
        ("get", "/app.js", get(assets::script)),
        ("get", "/style.css", get(assets::style)),
        ("get", "/v1/openapi.json", get(openapi::document)),
        ("get", "/v1/rulesets", get(rulesets::list)),
        ("get", "/v1/rulesets/{id}/source", get(rulesets::source)),
        ("post", "/v1/rulesets/{id}/assess", post(h::assess)),
        ("post", "/v1/rulesets/{id}/validate", post(h::validate)),
        ("post", "/v1/rulesets/{id}/explain/{area}", post(h::explain)),
        ("post", "/v1/rulesets/{id}/diff", post(h::diff)),
        ("post", "/v1/rulesets/{id}/sweep", post(h::sweep)),
        ("get", "/v1/rulesets/{id}/template", get(rulesets::template)),
        ("get", "/v1/rulesets/{id}/schema", get(rulesets::schema)),
        ("post", "/v1/check", post(rulesets::check)),
    ]
}

/// The router with its state and layers.
pub fn router(state: State) -> Router {
    let limit = state.config.body_limit;
    let mut r = Router::new();
    for (_, path, handler) in routes() {
        let handler = handler.fallback(|| async {
            Problem::new(
                Kind::MethodNotAllowed,
                "this route does not take that method",
            )
        });
        r = r.route(path, handler);
    }
    r.fallback(|uri: axum::http::Uri| async move {
        Problem::new(Kind::NotFound, format!("no route `{}`", uri.path()))
    })
    .layer(DefaultBodyLimit::max(limit))
    .layer(axum::middleware::from_fn_with_state(
        state.clone(),
        time_limit,
    ))
    .layer(tower_http::catch_panic::CatchPanicLayer::custom(
        |_: Box<dyn std::any::Any + Send>| {
            axum::response::IntoResponse::into_response(Problem::new(
                Kind::Internal,
                "the server failed on this request",
            ))
        },
    ))
    .with_state(state)
}

/// The whole request, its body read included, within the time limit (a client that sends its
/// body slowly gets a 503 problem too).
async fn time_limit(
    axum::extract::State(state): axum::extract::State<State>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let limit = state.config.time_limit;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => axum::response::IntoResponse::into_response(Problem::new(
            Kind::Timeout,
            format!(
                "the request was stopped after the time limit of {} s",
                limit.as_secs_f64()
            ),
        )),
    }
}

/// Loads the rules, binds, and calls `ready` with the bound address, then serves until the
/// process is stopped (Ctrl-C ends it cleanly).
pub fn run(
    config: Config,
    ready: impl FnOnce(SocketAddr, &registry::Registry),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(16 * 1024 * 1024)
        .build()?;
    runtime.block_on(async move {
        let shared = Arc::new(registry::Shared::new(&config.rules));
        shared.watch(config.poll);
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        ready(listener.local_addr()?, &shared.get());
        let state = Arc::new(AppState {
            registry: shared,
            permits: Arc::new(tokio::sync::Semaphore::new(config.workers.max(1))),
            config,
        });
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
