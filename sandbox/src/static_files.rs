//! The demo page at `/` and the npm package at `/pkg/`, straight from disk.

use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::settings::Settings;

pub fn routes(settings: &Settings) -> Router {
    let demo = ServeDir::new(&settings.dist_dir)
        .append_index_html_on_directories(true)
        .fallback(ServeFile::new(settings.dist_dir.join("index.html")));
    Router::new()
        .nest_service("/pkg", ServeDir::new(&settings.pkg_dir))
        .fallback_service(demo)
}
