//! The OpenAPI 3.1 document of the API (`GET /v1/openapi.json`), written by hand beside the
//! workbench's assets; a test checks that it lists every route of [`super::routes`].

use axum::http::header;
use axum::response::IntoResponse;

/// The document's text.
pub const DOCUMENT: &str = include_str!("../../assets/openapi.json");

/// `GET /v1/openapi.json`.
pub async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], DOCUMENT)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_route_is_documented_and_nothing_else() {
        let doc: serde_json::Value = serde_json::from_str(super::DOCUMENT).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let paths = doc["paths"].as_object().unwrap();
        let mut documented = 0;
        for (method, path, _) in super::super::routes() {
            if !path.starts_with("/v1/") {
                continue;
            }
            documented += 1;
            let op = &paths
                .get(path)
                .unwrap_or_else(|| panic!("{path} is not in openapi.json"))[method];
            assert!(op.is_object(), "{method} {path} is not in openapi.json");
            assert!(
                op["responses"].is_object(),
                "{method} {path} has no responses"
            );
        }
        let ops: usize = paths
            .values()
            .map(|p| {
                p.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| *k != "parameters")
                    .count()
            })
            .sum();
        assert_eq!(
            ops, documented,
            "openapi.json documents a route the router lacks"
        );
    }
}
