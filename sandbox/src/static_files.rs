//! The demo pages at `/` and the npm package at `/pkg/`, straight from disk.

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;

use crate::settings::Settings;

/// The policy the demo pages are served under: the strictest a page with
/// the element can have (the README's "Content Security Policy" line, with
/// the gateways on this origin). The end-to-end tests fail on any violation.
pub const DEMO_CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
     frame-ancestors 'none'; require-trusted-types-for 'script'";

pub fn routes(settings: &Settings) -> Router {
    let demo = ServeDir::new(&settings.dist_dir)
        .append_index_html_on_directories(true)
        .fallback(ServeFile::new(settings.dist_dir.join("index.html")));
    let demo = SetResponseHeader::overriding(
        demo,
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DEMO_CONTENT_SECURITY_POLICY),
    );
    Router::new()
        .nest_service("/pkg", ServeDir::new(&settings.pkg_dir))
        .fallback_service(demo)
}
