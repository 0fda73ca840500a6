//! The routes the browser calls for steps 7, 8 and 10–13. Each checks the
//! checkout credential, then calls the gateway with the backend's token,
//! taking the session, invoice and amounts from its own records: the page
//! chooses the wallet, never what is charged.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::Backend;
use crate::gateways::invoice::{predictions, ApiError, Executed, Kind};
use crate::gateways::request_origin;

type Answer = Result<(StatusCode, Json<Value>), ApiError>;

fn ok(value: Value) -> (StatusCode, Json<Value>) {
    (StatusCode::OK, Json(value))
}

#[derive(Deserialize)]
pub struct PhoneQuery {
    #[serde(default)]
    phone_number: String,
}

/// Step 8: the operator of the customer's number.
pub async fn operator(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
    Query(query): Query<PhoneQuery>,
) -> Answer {
    backend.checkout_for(&headers)?;
    let phone = query.phone_number;
    backend
        .gateway
        .call(|_| predictions::mmo_provider_info(&phone))
        .map(ok)
}

#[derive(Deserialize)]
pub struct FeeQuery {
    currency: Option<String>,
}

/// Step 7: this checkout's invoice, paid in `currency`.
pub async fn fees(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
    Query(query): Query<FeeQuery>,
) -> Answer {
    let checkout = backend.checkout_for(&headers)?;
    backend
        .gateway
        .call(|gateway| {
            gateway.with_ledger(|l| {
                predictions::invoice_fees(l, &checkout.invoice_id, query.currency.as_deref())
            })
        })
        .map(ok)
}

#[derive(Deserialize)]
pub struct Collect {
    #[serde(default)]
    reference_id: String,
    #[serde(default)]
    phone_number: String,
    #[serde(default)]
    gateway_provider: String,
    currency: Option<String>,
}

/// Steps 10 and 11: the wallet registered (once per number and operator),
/// then the collection executed under the browser's reference.
pub async fn collect(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
    Json(request): Json<Collect>,
) -> Answer {
    let checkout = backend.checkout_for(&headers)?;
    let account_key = format!("{}|{}", request.phone_number, request.gateway_provider);
    let account_id = match checkout.accounts.get(&account_key) {
        Some(id) => id.clone(),
        None => {
            let account = backend.gateway.call(|gateway| {
                gateway.with_ledger(|l| {
                    l.create_payment_account(
                        "COLLECTION",
                        serde_json::from_value(json!({
                            "phone_number": request.phone_number,
                            "gateway_provider": request.gateway_provider,
                            "counterparty_id": checkout.counterparty_id,
                        }))
                        .expect("known shape"),
                    )
                })
            })?;
            let id = account["payment_account"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            backend.update(&checkout.session_id, |c| {
                c.accounts.insert(account_key, id.clone());
            });
            id
        }
    };
    // Recorded before executing, as the guide asks of whoever executes.
    backend.update(&checkout.session_id, |c| {
        if !c.references.contains(&request.reference_id) {
            c.references.push(request.reference_id.clone());
        }
    });
    let execution = json!({
        "session_id": checkout.session_id,
        "payment_account_id": account_id,
        "currency": request.currency.unwrap_or_else(|| checkout.summary["currency"].as_str().unwrap_or("USD").to_owned()),
        "reference_id": request.reference_id,
    });
    let executed = backend.gateway.call(|gateway| {
        gateway.execute(
            Kind::Collection,
            serde_json::from_value(execution.clone()).expect("known shape"),
        )
    })?;
    Ok(match executed {
        Executed::Created(execution) => (StatusCode::ACCEPTED, Json(execution)),
        Executed::Again(execution) => ok(execution),
    })
}

/// Refuses references this checkout never executed.
fn own_reference(
    backend: &Backend,
    headers: &HeaderMap,
    reference: &str,
) -> Result<super::Checkout, ApiError> {
    let checkout = backend.checkout_for(headers)?;
    if checkout.references.iter().any(|known| known == reference) {
        Ok(checkout)
    } else {
        Err(ApiError::not_found("collection", reference))
    }
}

/// Step 12, polled.
pub async fn status(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
) -> Answer {
    own_reference(&backend, &headers, &reference)?;
    backend
        .gateway
        .call(|gateway| {
            gateway.with_ledger(|l| {
                l.execution(Kind::Collection, &reference)
                    .map(|e| e.status_json())
            })
        })
        .map(ok)
}

#[derive(Deserialize)]
pub struct ReferenceBody {
    #[serde(default)]
    reference_id: String,
}

/// Step 12, pushed: a realtime key scoped to this one reference, which the
/// browser may hold (it only reads that collection's status).
pub async fn realtime_key(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
    Json(body): Json<ReferenceBody>,
) -> Answer {
    own_reference(&backend, &headers, &body.reference_id)?;
    let origin = request_origin(&headers);
    backend
        .gateway
        .call(|gateway| gateway.realtime_key(&body.reference_id, &origin))
        .map(ok)
}

/// Step 13, once COMPLETED.
pub async fn receipt(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
) -> Answer {
    let checkout = own_reference(&backend, &headers, &reference)?;
    backend
        .gateway
        .call(|gateway| gateway.with_ledger(|l| l.receipt(&checkout.invoice_id)))
        .map(ok)
}
