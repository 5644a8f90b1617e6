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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::{registry, AppState, Config};
    use std::sync::Arc;

    fn state(limit: std::time::Duration) -> State {
        let dir = std::env::temp_dir().join(format!("tieuchi-engine-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let mut config = Config::new(dir.clone());
        config.time_limit = limit;
        Arc::new(AppState {
            registry: Arc::new(registry::Shared::new(&dir)),
            permits: Arc::new(tokio::sync::Semaphore::new(1)),
            config,
        })
    }

    async fn status_and_body(r: Response) -> (u16, serde_json::Value) {
        let status = r.status().as_u16();
        let bytes = axum::body::to_bytes(r.into_body(), 1 << 20).await.unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[test]
    fn a_panic_in_the_engine_is_a_500_problem_and_the_next_request_is_served() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let s = state(std::time::Duration::from_secs(5));
            let r = run(&s, || -> Result<Reply, Problem> { panic!("boom") }).await;
            let (status, body) = status_and_body(r).await;
            assert_eq!(status, 500);
            assert_eq!(body["type"], "urn:tieuchi:problem:internal");
            // The permit was given back: the only one.
            let r = run(&s, || Reply::value(&serde_json::json!({"ok": true}))).await;
            assert_eq!(
                status_and_body(r).await,
                (200, serde_json::json!({"ok": true}))
            );
        });
    }

    #[test]
    fn waiting_for_a_busy_engine_counts_toward_the_time_limit() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let s = state(std::time::Duration::from_millis(100));
            let slow = {
                let s = s.clone();
                tokio::spawn(async move {
                    run(&s, || {
                        std::thread::sleep(std::time::Duration::from_millis(400));
                        Reply::value(&1)
                    })
                    .await
                })
            };
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            let waiting = run(&s, || Reply::value(&2)).await;
            assert_eq!(status_and_body(waiting).await.0, 503);
            assert_eq!(status_and_body(slow.await.unwrap()).await.0, 503);
        });
    }
}
