//! The gateway's HTTP API, one thin handler per endpoint of the guide.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::executions::{Executed, Kind, NewExecution};
use super::ledger::{NewCheckoutSession, NewPaymentAccount, NewPayoutSession};
use super::predictions;
use super::records::{NewCounterparty, NewInvoice, NewItem, NewParty};
use super::{ApiError, Bearer, Simulator};
use crate::gateways::request_origin;

type Sim = State<Arc<Simulator>>;
type Answer = Result<Json<Value>, ApiError>;

pub fn routes() -> Router<Arc<Simulator>> {
    Router::new()
        .route("/invoice/v1/jwt/client/obtain/token", post(obtain_token))
        .route("/invoice/v1/parties/create", post(|_: Bearer, State(s): Sim, Json(b): Json<NewParty>| async move { s.with_ledger(|l| l.create_party(b)).map(created) }))
        .route("/invoice/v1/counterparties/create", post(|_: Bearer, State(s): Sim, Json(b): Json<NewCounterparty>| async move { s.with_ledger(|l| l.create_counterparty(b)).map(created) }))
        .route("/invoice/v1/invoices/create", post(|_: Bearer, State(s): Sim, Json(b): Json<NewInvoice>| async move { s.with_ledger(|l| l.create_invoice(b)).map(created) }))
        .route("/invoice/v1/invoices/{invoice_id}/items/add", post(|_: Bearer, State(s): Sim, Path(id): Path<String>, Json(b): Json<NewItem>| async move { s.with_ledger(|l| l.add_item(&id, b)).map(Json) }))
        .route("/invoice/v1/invoices/publish/{id}", put(|_: Bearer, State(s): Sim, Path(id): Path<String>| async move { s.with_ledger(|l| l.publish(&id)).map(Json) }))
        .route("/invoice/v1/invoices/receipt/{id}", get(|_: Bearer, State(s): Sim, Path(id): Path<String>| async move { s.with_ledger(|l| l.receipt(&id)).map(Json) }))
        .route("/invoice/v1/predictions/amount-and-fees", get(amount_and_fees))
        .route("/invoice/v1/predictions/mmo-provider-info", get(mmo_provider_info))
        .route("/invoice/v1/sessions/checkout", post(|_: Bearer, State(s): Sim, Json(b): Json<NewCheckoutSession>| async move { s.with_ledger(|l| l.create_checkout_session(b, Utc::now())).map(created) }))
        .route("/invoice/v1/sessions/payout", post(|_: Bearer, State(s): Sim, Json(b): Json<NewPayoutSession>| async move { s.with_ledger(|l| l.create_payout_session(b)).map(created) }))
        .route("/invoice/v1/payment-accounts/create", post(payment_account))
        .route("/invoice/v1/executions/collection", post(|_: Bearer, State(s): Sim, Json(b): Json<NewExecution>| async move { executed(s.execute(Kind::Collection, b)) }))
        .route("/invoice/v1/executions/payout", post(|_: Bearer, State(s): Sim, Json(b): Json<NewExecution>| async move { executed(s.execute(Kind::Payout, b)) }))
        .route("/invoice/v1/status/collection/{reference_id}", get(|_: Bearer, State(s): Sim, Path(r): Path<String>| async move { status(&s, Kind::Collection, &r) }))
        .route("/invoice/v1/status/payout/{reference_id}", get(|_: Bearer, State(s): Sim, Path(r): Path<String>| async move { status(&s, Kind::Payout, &r) }))
        .route("/invoice/v1/realtime-keys/collection", post(realtime_key))
        .route("/invoice/v1/realtime/collection", get(realtime_stream))
}

fn created(body: Value) -> (StatusCode, Json<Value>) {
    (StatusCode::CREATED, Json(body))
}

#[derive(Deserialize)]
struct Credentials {
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    client_secret: String,
}

async fn obtain_token(State(s): Sim, Json(body): Json<Credentials>) -> Answer {
    s.obtain_token(&body.client_id, &body.client_secret)
        .map(Json)
}

fn executed(result: Result<Executed, ApiError>) -> Result<(StatusCode, Json<Value>), ApiError> {
    Ok(match result? {
        Executed::Created(execution) => (
            StatusCode::ACCEPTED,
            Json(json!({ "execution": execution })),
        ),
        Executed::Again(execution) => (StatusCode::OK, Json(json!({ "execution": execution }))),
    })
}

fn status(s: &Simulator, kind: Kind, reference: &str) -> Answer {
    s.with_ledger(|l| l.execution(kind, reference).map(|e| Json(e.status_json())))
}

#[derive(Deserialize)]
struct FeeQuery {
    invoice_id: Option<String>,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    currency: String,
    fee_bearer: Option<String>,
    target_currency: Option<String>,
}

/// Step 7: for an invoice (`invoice_id`) or a plain amount.
async fn amount_and_fees(_: Bearer, State(s): Sim, Query(q): Query<FeeQuery>) -> Answer {
    let target = q.target_currency.as_deref();
    match &q.invoice_id {
        Some(id) => s.with_ledger(|l| predictions::invoice_fees(l, id, target)),
        None => predictions::plain_fees(
            &q.amount,
            &q.currency,
            q.fee_bearer.as_deref().unwrap_or("CUSTOMER"),
            target,
        ),
    }
    .map(Json)
}

#[derive(Deserialize)]
struct PhoneQuery {
    #[serde(default)]
    phone_number: String,
}

/// Step 8.
async fn mmo_provider_info(_: Bearer, Query(q): Query<PhoneQuery>) -> Answer {
    predictions::mmo_provider_info(&q.phone_number).map(Json)
}

#[derive(Deserialize)]
struct Operation {
    #[serde(default)]
    operation_type: String,
}

async fn payment_account(
    _: Bearer,
    State(s): Sim,
    Query(q): Query<Operation>,
    Json(b): Json<NewPaymentAccount>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    s.with_ledger(|l| l.create_payment_account(&q.operation_type, b))
        .map(created)
}

#[derive(Deserialize)]
struct ReferenceBody {
    #[serde(default)]
    reference_id: String,
}

async fn realtime_key(
    _: Bearer,
    State(s): Sim,
    headers: HeaderMap,
    Json(b): Json<ReferenceBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    s.realtime_key(&b.reference_id, &request_origin(&headers))
        .map(created)
}

#[derive(Deserialize)]
struct KeyQuery {
    #[serde(default)]
    key: String,
}

/// The push channel: `EventSource` cannot send headers, so the scoped,
/// read-only realtime key rides in the query.
async fn realtime_stream(State(s): Sim, Query(q): Query<KeyQuery>) -> Response {
    let current = s.realtime_reference(&q.key).and_then(|reference| {
        s.with_ledger(|l| {
            l.execution(Kind::Collection, &reference)
                .map(|e| (reference.clone(), e.status_json()))
        })
    });
    match current {
        Ok((reference, status)) => s.realtime.stream(reference, status).into_response(),
        Err(error) => error.into_response(),
    }
}
