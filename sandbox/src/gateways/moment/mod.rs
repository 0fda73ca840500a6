//! The Moment simulator under `/moment`: payment sessions created with a
//! secret key (`/moment/collect/payment_sessions`), the hosted checkout the
//! element embeds in its sheet, and the authentication page a payment may
//! send the customer to before returning to `success_url`.

mod page;
mod session;

use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde_json::{json, Value};

use super::secret_key::{api_error, Reply, SecretKey};
use crate::ledger::LedgerEntry;
pub use session::{with_session_id, InvalidParameter, PaymentSession, MAX_ATTEMPTS};

#[derive(Default)]
pub struct Simulator {
    sessions: Mutex<Vec<PaymentSession>>,
}

pub fn routes(simulator: Arc<Simulator>) -> Router {
    Router::new()
        .route("/moment/collect/payment_sessions", post(create))
        .route("/moment/collect/payment_sessions/{id}", get(retrieve))
        .route("/moment/checkout", post(page::open))
        .route("/moment/checkout/{id}/pay", post(page::pay))
        .route("/moment/authenticate/{id}", get(page::authentication))
        .route(
            "/moment/authenticate/{id}/{choice}",
            post(page::authenticated),
        )
        .route("/sandbox/moment/sessions/{id}/expire", post(expire))
        .with_state(simulator)
}

impl Simulator {
    /// Opens a session (the merchant already authenticated).
    pub fn create(&self, body: &Value) -> Result<PaymentSession, InvalidParameter> {
        let session = PaymentSession::create(body, Utc::now())?;
        self.sessions
            .lock()
            .expect("moment sessions")
            .push(session.clone());
        Ok(session)
    }

    /// Runs `change` on the session `id`, expiring it first if it is due.
    pub fn with_session<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut PaymentSession) -> T,
    ) -> Option<T> {
        let mut sessions = self.sessions.lock().expect("moment sessions");
        let session = sessions.iter_mut().find(|session| session.id == id)?;
        session.expire_if_due(Utc::now());
        Some(change(session))
    }

    /// Every session, for the sandbox's ledger: completed means paid.
    pub fn ledger_entries(&self) -> Vec<LedgerEntry> {
        let now = Utc::now();
        let mut sessions = self.sessions.lock().expect("moment sessions");
        sessions
            .iter_mut()
            .map(|session| {
                session.expire_if_due(now);
                let status = match session.status {
                    "completed" => "approved",
                    "failed" => "failed",
                    "expired" => "expired",
                    "cancelled" => "cancelled",
                    _ => "pending",
                };
                LedgerEntry::new("moment", vec![session.id.clone()], status)
            })
            .collect()
    }

    /// The session a client token opens, if it is that session's token.
    pub fn id_for_token(&self, client_token: &str) -> Option<String> {
        let sessions = self.sessions.lock().expect("moment sessions");
        sessions
            .iter()
            .find(|session| !client_token.is_empty() && session.client_token == client_token)
            .map(|session| session.id.clone())
    }
}

fn not_found(id: &str) -> Reply {
    api_error(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        &format!("no such payment session: {id}"),
        Some("id"),
    )
}

async fn create(
    _key: SecretKey,
    State(simulator): State<Arc<Simulator>>,
    Json(body): Json<Value>,
) -> Reply {
    match simulator.create(&body) {
        Ok(session) => {
            let mut answer = json!(session);
            answer["client_token"] = json!(session.client_token);
            (StatusCode::OK, Json(answer))
        }
        Err(invalid) => api_error(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            invalid.message,
            Some(invalid.param),
        ),
    }
}

async fn retrieve(
    _key: SecretKey,
    State(simulator): State<Arc<Simulator>>,
    Path(id): Path<String>,
) -> Reply {
    match simulator.with_session(&id, |session| json!(session)) {
        Some(session) => (StatusCode::OK, Json(session)),
        None => not_found(&id),
    }
}

/// A sandbox control: ends an open session now, as if its time had come.
async fn expire(State(simulator): State<Arc<Simulator>>, Path(id): Path<String>) -> Reply {
    let expired = simulator.with_session(&id, |session| {
        if session.status == "open" {
            session.status = "expired";
        }
        json!(session)
    });
    match expired {
        Some(session) => (StatusCode::OK, Json(session)),
        None => not_found(&id),
    }
}
