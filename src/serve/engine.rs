//! Running the engine for a request: on a blocking thread, a bounded number at once, within
//! the time limit; a panic there becomes a 500 problem and the server goes on.

use super::problem::{Kind, Problem};
use super::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A successful answer: bytes and their media type (and a file name for downloads).
#[derive(Debug)]
pub struct Reply {
    /// The media type.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// `Content-Disposition: attachment; filename=…` when set.
    pub filename: Option<String>,
}

impl Reply {
    /// A JSON body.
    pub fn json(body: Vec<u8>) -> Reply {
        Reply {
            content_type: "application/json",
            body,
            filename: None,
        }
    }

    /// A JSON value.
    pub fn value(v: &impl serde::Serialize) -> Result<Reply, Problem> {
        serde_json::to_vec(v)
            .map(Reply::json)
            .map_err(|e| Problem::new(Kind::Internal, format!("cannot write JSON: {e}")))
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut r = ([(header::CONTENT_TYPE, self.content_type)], self.body).into_response();
        if let Some(name) = self.filename {
            let value = format!("attachment; filename=\"{name}\"");
            if let Ok(v) = header::HeaderValue::from_str(&value) {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
        }
        r
    }
}

/// Runs `work` on a blocking thread once a permit is free; the whole wait and run is bounded
/// by the time limit (a run past it finishes on its thread, holding its permit, but its
/// request is answered with a 503 problem at once).
pub async fn run<F>(state: &State, work: F) -> Response
where
    F: FnOnce() -> Result<Reply, Problem> + Send + 'static,
{
    let limit = state.config.time_limit;
    let permits = state.permits.clone();
    let job = async move {
        let permit = permits
            .acquire_owned()
            .await
            .map_err(|_| Problem::new(Kind::Internal, "the server is stopping"))?;
        let handle = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        });
        match handle.await {
            Ok(result) => result,
            Err(e) if e.is_panic() => Err(Problem::new(
                Kind::Internal,
                "the engine failed on this input (a bug in tieuchi; the server goes on)",
            )),
            Err(_) => Err(Problem::new(Kind::Internal, "the request was cancelled")),
        }
    };
    match tokio::time::timeout(limit, job).await {
        Ok(Ok(reply)) => reply.into_response(),
        Ok(Err(problem)) => problem.into_response(),
        Err(_) => Problem::new(
            Kind::Timeout,
            format!(
                "the request was stopped after the time limit of {} s",
                limit.as_secs_f64()
            ),
        )
        .into_response(),
    }
}
