//! Errors as RFC 9457 problem details (`application/problem+json`): a `type` URI naming the
//! kind of problem, a `title`, the HTTP `status`, a `detail` for this occurrence, and the
//! diagnostics inside when the engine gave some.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The kinds of problem the service reports; each has a stable `type` URI and title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No route, or no ruleset or area with that id.
    NotFound,
    /// The method is not allowed on this route.
    MethodNotAllowed,
    /// The body is not in a format the route reads (`Content-Type`).
    UnsupportedMediaType,
    /// The body is larger than the limit.
    TooLarge,
    /// The query or body cannot be used (bad `set=`, bad sweep, not UTF-8, unreadable data).
    BadRequest,
    /// The data or rules text was read but is not usable (diagnostics inside).
    Unprocessable,
    /// The request took longer than the time limit.
    Timeout,
    /// The engine failed on this input (a bug: it is logged, the server goes on).
    Internal,
}

impl Kind {
    fn parts(self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Kind::NotFound => (StatusCode::NOT_FOUND, "not-found", "Not found"),
            Kind::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
            ),
            Kind::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported data format",
            ),
            Kind::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "body-too-large",
                "Request body too large",
            ),
            Kind::BadRequest => (StatusCode::BAD_REQUEST, "bad-request", "Bad request"),
            Kind::Unprocessable => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "unusable-input",
                "The input cannot be used",
            ),
            Kind::Timeout => (
                StatusCode::SERVICE_UNAVAILABLE,
                "time-limit",
                "The request took longer than the time limit",
            ),
            Kind::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
            ),
        }
    }

    /// The `type` URI of this kind of problem.
    pub fn uri(self) -> String {
        format!("urn:tieuchi:problem:{}", self.parts().1)
    }

    /// The HTTP status.
    pub fn status(self) -> StatusCode {
        self.parts().0
    }
}

/// One problem document.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// The kind's URI.
    #[serde(rename = "type")]
    pub kind_uri: String,
    /// A short, stable summary of the kind.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong this time.
    pub detail: String,
    /// The engine's diagnostics (as `tieuchi check --format json` gives them), when any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<crate::diag::JsonDiagnostic>,
}

impl Problem {
    /// A problem of `kind` with a detail.
    pub fn new(kind: Kind, detail: impl Into<String>) -> Problem {
        let (status, _, title) = kind.parts();
        Problem {
            kind_uri: kind.uri(),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            diagnostics: vec![],
        }
    }

    /// The same problem with diagnostics inside.
    pub fn with_diagnostics(mut self, diagnostics: Vec<crate::diag::JsonDiagnostic>) -> Problem {
        self.diagnostics = diagnostics;
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_else(|_| b"{}".to_vec());
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}

/// A body that could not be read: over the limit (413, naming the limit), or cut off.
pub fn body_rejected(r: axum::extract::rejection::BytesRejection, limit: usize) -> Problem {
    if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return Problem::new(
            Kind::TooLarge,
            format!(
                "the request body is larger than the limit of {} bytes ({} MiB)",
                limit,
                limit / (1024 * 1024)
            ),
        );
    }
    from_rejection(r.status(), r.body_text())
}

/// A rejected extractor (bad query, body over the limit) as a problem.
pub fn from_rejection(status: StatusCode, text: String) -> Problem {
    let kind = match status {
        StatusCode::PAYLOAD_TOO_LARGE => Kind::TooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Kind::UnsupportedMediaType,
        StatusCode::UNPROCESSABLE_ENTITY => Kind::Unprocessable,
        StatusCode::NOT_FOUND => Kind::NotFound,
        _ => Kind::BadRequest,
    };
    Problem::new(kind, text)
}
