//! The gateway simulators, one module per gateway, each mounted under its
//! own prefix (`/pdirect`, `/universal`, `/invoice`, `/moment`, `/paygate`)
//! and following its specification document to the field.

use axum::Router;

/// Every simulator's routes; a gateway's module is nested here as it lands.
pub fn routes() -> Router {
    Router::new()
}
