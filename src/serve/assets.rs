//! The workbench's files, embedded in the binary (no CDN: it works offline).

use axum::http::header;
use axum::response::IntoResponse;

const INDEX: &str = include_str!("../../assets/workbench/index.html");
const SCRIPT: &str = include_str!("../../assets/workbench/app.js");
const STYLE: &str = include_str!("../../assets/workbench/style.css");

/// The headers every asset carries: its type, and a policy that lets the page load nothing
/// from elsewhere.
fn headers(content_type: &'static str) -> [(header::HeaderName, &'static str); 2] {
    [
        (header::CONTENT_TYPE, content_type),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
        ),
    ]
}

/// `GET /`: the workbench.
pub async fn index() -> impl IntoResponse {
    (headers("text/html; charset=utf-8"), INDEX)
}

/// `GET /app.js`.
pub async fn script() -> impl IntoResponse {
    (headers("text/javascript; charset=utf-8"), SCRIPT)
}

/// `GET /style.css`.
pub async fn style() -> impl IntoResponse {
    (headers("text/css; charset=utf-8"), STYLE)
}
