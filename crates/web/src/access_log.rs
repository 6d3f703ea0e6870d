//! One log line per request: method, the route *template* (`/account/tokens/{id}/revoke`,
//! never the concrete path or query, which could identify a member or carry data), status
//! and time taken.

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(unmatched)".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::warn!(target: "foothold::access", %method, route, status, ms, "request");
    } else {
        tracing::debug!(target: "foothold::access", %method, route, status, ms, "request");
    }
    response
}
