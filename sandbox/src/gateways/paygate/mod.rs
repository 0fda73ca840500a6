//! The PayGate simulator under `/paygate`: Checkout Sessions (create,
//! retrieve, list, expire) with secret-key auth, and the hosted page at
//! each session's `url` where the customer pays or cancels.

mod events;
mod page;
mod session;

use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::request_origin;
use super::secret_key::{api_error as error, Reply, SecretKey};
use crate::ledger::LedgerEntry;
use crate::webhooks::Webhooks;
pub use session::{with_session_id, CheckoutSession, InvalidParameter};

pub use events::{signature_header, WEBHOOK_SECRET};

pub struct Simulator {
    /// In creation order.
    sessions: Mutex<Vec<CheckoutSession>>,
    webhooks: Arc<Webhooks>,
    /// Where `checkout.session.*` events go, set through the sandbox route.
    endpoint: Mutex<Option<String>>,
}

pub fn routes(simulator: Arc<Simulator>) -> Router {
    Router::new()
        .route("/paygate/v1/checkout/sessions", post(create).get(list))
        .route("/paygate/v1/checkout/sessions/{id}", get(retrieve))
        .route("/paygate/v1/checkout/sessions/{id}/expire", post(expire))
        .route("/paygate/checkout/{id}", get(page::show))
        .route("/paygate/checkout/{id}/{choice}", post(page::choose))
        .route("/sandbox/paygate/webhook-endpoint", post(set_endpoint))
        .with_state(simulator)
}

fn not_found(id: &str) -> Reply {
    error(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        &format!("no such checkout session: {id}"),
        Some("id"),
    )
}

impl Simulator {
    pub fn new(webhooks: Arc<Webhooks>) -> Self {
        Simulator {
            sessions: Mutex::default(),
            webhooks,
            endpoint: Mutex::default(),
        }
    }

    /// Opens a session (the merchant already authenticated); it expires by
    /// itself at `expires_at`.
    pub fn create(
        self: &Arc<Self>,
        body: &Value,
        origin: &str,
    ) -> Result<CheckoutSession, InvalidParameter> {
        let session = CheckoutSession::create(body, origin, Utc::now())?;
        self.sessions
            .lock()
            .expect("paygate sessions")
            .push(session.clone());
        let (simulator, id) = (Arc::clone(self), session.id.clone());
        let wait = (session.expires_at - Utc::now())
            .to_std()
            .unwrap_or_default();
        tokio::spawn(async move {
            tokio::time::sleep(wait).await;
            simulator.with_session(&id, |_| ());
        });
        Ok(session)
    }

    /// Every session, for the sandbox's ledger: paid means money moved.
    pub fn ledger_entries(&self) -> Vec<LedgerEntry> {
        let now = Utc::now();
        let mut sessions = self.sessions.lock().expect("paygate sessions");
        sessions
            .iter_mut()
            .map(|session| {
                session.expire_if_due(now);
                let status = match (session.payment_status, session.status) {
                    ("paid", _) => "approved",
                    (_, "expired") => "expired",
                    _ => "pending",
                };
                LedgerEntry::new("paygate", vec![session.id.clone()], status)
            })
            .collect()
    }

    /// Runs `change` on the session `id` after expiring it if it is due,
    /// and sends the event of whatever status it moved to.
    pub fn with_session<T>(
        self: &Arc<Self>,
        id: &str,
        change: impl FnOnce(&mut CheckoutSession) -> T,
    ) -> Option<T> {
        let (output, before, after) = {
            let mut sessions = self.sessions.lock().expect("paygate sessions");
            let session = sessions.iter_mut().find(|session| session.id == id)?;
            let before = session.status;
            session.expire_if_due(Utc::now());
            let output = change(session);
            (output, before, json!(session))
        };
        let kind = match (before, after["status"].as_str()) {
            ("open", Some("complete")) => Some("checkout.session.completed"),
            ("open", Some("expired")) => Some("checkout.session.expired"),
            _ => None,
        };
        if let Some(kind) = kind {
            self.notify(kind, after);
        }
        Some(output)
    }

    /// Sends events to `url` unless an endpoint was set already: the
    /// merchant backend offers its receiver, a test's own endpoint stays.
    pub fn default_endpoint(&self, url: String) {
        self.endpoint
            .lock()
            .expect("paygate endpoint")
            .get_or_insert(url);
    }

    fn notify(&self, kind: &str, session: Value) {
        let Some(url) = self.endpoint.lock().expect("paygate endpoint").clone() else {
            return;
        };
        let event = events::event(kind, session);
        let signature = events::signature_header(&event.to_string(), Utc::now().timestamp());
        let webhooks = self.webhooks.clone();
        tokio::spawn(async move {
            webhooks
                .send_with_headers(
                    "paygate",
                    &url,
                    event,
                    vec![("paygate-signature", signature)],
                )
                .await;
        });
    }
}

async fn create(
    _key: SecretKey,
    State(simulator): State<Arc<Simulator>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Reply {
    match simulator.create(&body, &request_origin(&headers)) {
        Ok(session) => (StatusCode::OK, Json(json!(session))),
        Err(invalid) => error(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            &invalid.message,
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

async fn expire(
    _key: SecretKey,
    State(simulator): State<Arc<Simulator>>,
    Path(id): Path<String>,
) -> Reply {
    let expired = simulator.with_session(&id, |session| {
        if session.status != "open" {
            return Err(format!(
                "only an open session can be expired; this one is {}",
                session.status
            ));
        }
        session.status = "expired";
        Ok(json!(session))
    });
    match expired {
        Some(Ok(session)) => (StatusCode::OK, Json(session)),
        Some(Err(message)) => error(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            &message,
            None,
        ),
        None => not_found(&id),
    }
}

#[derive(Deserialize)]
struct ListQuery {
    limit: Option<String>,
    starting_after: Option<String>,
    status: Option<String>,
    customer: Option<String>,
    payment: Option<String>,
}

/// Newest first; `starting_after` continues after that id.
async fn list(
    _key: SecretKey,
    State(simulator): State<Arc<Simulator>>,
    Query(query): Query<ListQuery>,
) -> Reply {
    let limit = match query.limit.as_deref().map(str::parse::<usize>) {
        None => 10,
        Some(Ok(limit @ 1..=100)) => limit,
        Some(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "limit must be from 1 to 100",
                Some("limit"),
            )
        }
    };
    let mut sessions = simulator.sessions.lock().expect("paygate sessions");
    let now = Utc::now();
    sessions.iter_mut().for_each(|session| {
        session.expire_if_due(now);
    });
    let matching: Vec<&CheckoutSession> = sessions
        .iter()
        .rev()
        .filter(|s| {
            query
                .status
                .as_deref()
                .is_none_or(|status| s.status == status)
        })
        .filter(|s| {
            query
                .customer
                .as_ref()
                .is_none_or(|customer| s.customer.as_ref() == Some(customer))
        })
        .filter(|s| {
            query
                .payment
                .as_ref()
                .is_none_or(|payment| s.payment.as_ref() == Some(payment))
        })
        .collect();
    let start = match &query.starting_after {
        None => 0,
        Some(cursor) => match matching.iter().position(|s| &s.id == cursor) {
            Some(index) => index + 1,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request_error",
                    "unknown starting_after",
                    Some("starting_after"),
                )
            }
        },
    };
    let page: Vec<&CheckoutSession> = matching.iter().skip(start).take(limit).copied().collect();
    let has_more = matching.len() > start + page.len();
    let body = json!({ "object": "list", "url": "/v1/checkout/sessions", "has_more": has_more, "data": page });
    (StatusCode::OK, Json(body))
}

#[derive(Deserialize)]
struct Endpoint {
    url: String,
}

/// `POST /sandbox/paygate/webhook-endpoint {"url": …}`: where events go.
async fn set_endpoint(
    State(simulator): State<Arc<Simulator>>,
    Json(endpoint): Json<Endpoint>,
) -> Reply {
    *simulator.endpoint.lock().expect("paygate endpoint") = Some(endpoint.url.clone());
    (
        StatusCode::OK,
        Json(json!({ "url": endpoint.url, "secret": WEBHOOK_SECRET })),
    )
}
