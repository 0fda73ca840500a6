//! Steps 1–6 and 9 for a cart, server-side.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{credential, Backend, Checkout};
use crate::gateways::invoice::ApiError;

/// What the page may send; the backend decides the rest (a real shop
/// reads the cart from its own records).
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartRequest {
    /// The order this checkout pays; the same id reuses the same checkout.
    cart_id: Option<String>,
    customer_reference: Option<String>,
    items: Option<Vec<Value>>,
    amount: Option<String>,
    currency: Option<String>,
    customer: Option<Value>,
    fee_bearer: Option<String>,
}

/// The sandbox shop's cart when the page names none.
fn sample_items() -> Vec<Value> {
    vec![
        json!({ "name": "Kitenge fabric, 2 m", "qty": 2, "amount": "12.50" }),
        json!({ "name": "Delivery", "qty": 1, "amount": "5.00" }),
    ]
}

pub async fn create(
    State(backend): State<Arc<Backend>>,
    body: Option<Json<CartRequest>>,
) -> Result<Json<Value>, ApiError> {
    let cart = body.map(|Json(cart)| cart).unwrap_or_default();
    let cart_id = cart
        .cart_id
        .clone()
        .or_else(|| cart.customer_reference.clone())
        .filter(|id| !id.is_empty());
    let known = cart_id
        .as_ref()
        .and_then(|id| backend.carts.lock().expect("carts").get(id).cloned());
    let checkout = match known.and_then(|id| {
        backend
            .checkouts
            .lock()
            .expect("checkouts")
            .get(&id)
            .cloned()
    }) {
        Some(checkout) => checkout,
        None => {
            let checkout = open(&backend, &cart)?;
            backend
                .checkouts
                .lock()
                .expect("checkouts")
                .insert(checkout.session_id.clone(), checkout.clone());
            if let Some(id) = cart_id {
                backend
                    .carts
                    .lock()
                    .expect("carts")
                    .insert(id, checkout.session_id.clone());
            }
            checkout
        }
    };
    Ok(Json(json!({
        "checkout_session_id": checkout.session_id,
        "credential": credential::mint(&checkout.session_id, Utc::now()),
        "expires_in": credential::LIFETIME_SECONDS,
        "invoice": checkout.summary,
    })))
}

/// `GET`: the summary again, for a page that holds a credential already.
pub async fn summary(
    State(backend): State<Arc<Backend>>,
    headers: HeaderMap,
) -> Result<Json<Value>, ApiError> {
    let checkout = backend.checkout_for(&headers)?;
    Ok(Json(
        json!({ "checkout_session_id": checkout.session_id, "invoice": checkout.summary }),
    ))
}

fn body<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_json::from_value(value)
        .map_err(|error| ApiError::new(StatusCode::BAD_REQUEST, "BAD_REQUEST", error.to_string()))
}

/// Party, counterparty, invoice, items, publish, checkout session.
fn open(backend: &Backend, cart: &CartRequest) -> Result<Checkout, ApiError> {
    let currency = cart.currency.clone().unwrap_or_else(|| "USD".into());
    let customer = cart
        .customer
        .clone()
        .unwrap_or_else(|| json!({ "name": "Sandbox customer" }));
    let items = match (&cart.items, &cart.amount) {
        (Some(items), _) if !items.is_empty() => items.clone(),
        (_, Some(amount)) => vec![json!({ "name": "Order", "qty": 1, "amount": amount })],
        _ => sample_items(),
    };
    let fee_bearer = cart.fee_bearer.clone().unwrap_or_else(|| "CUSTOMER".into());
    backend.gateway.call(|gateway| {
        let party = gateway.with_ledger(|l| l.create_party(body(json!({
            "name": customer["name"].as_str().unwrap_or("Customer"),
            "email": customer["email"], "phone_number": customer["phone"],
        }))?))?;
        let counterparty = gateway.with_ledger(|l| l.create_counterparty(body(json!({
            "party_id": party["party"]["id"], "relationship_type": "CUSTOMER",
        }))?))?;
        let counterparty_id = counterparty["counterparty"]["id"].as_str().unwrap_or_default().to_owned();
        let invoice = gateway.with_ledger(|l| l.create_invoice(body(json!({
            "counterparty_id": counterparty_id, "currency": currency,
            "note": format!("Order {}", cart.cart_id.as_deref().or(cart.customer_reference.as_deref()).unwrap_or("from the sandbox shop")),
            "fee_bearer": fee_bearer, "as_payment_link": false,
        }))?))?;
        let invoice_id = invoice["invoice"]["id"].as_str().unwrap_or_default().to_owned();
        for item in &items {
            let mut item = item.clone();
            item["currency"] = json!(currency);
            gateway.with_ledger(|l| l.add_item(&invoice_id, body(item)?))?;
        }
        let published = gateway.with_ledger(|l| l.publish(&invoice_id))?;
        let session = gateway.with_ledger(|l| l.create_checkout_session(body(json!({
            "source_id": invoice_id, "source_type": "INVOICE",
        }))?, Utc::now()))?;
        let invoice = &published["invoice"];
        Ok(Checkout {
            session_id: session["session"]["id"].as_str().unwrap_or_default().to_owned(),
            invoice_id: invoice_id.clone(),
            counterparty_id: counterparty_id.clone(),
            summary: json!({
                "id": invoice_id, "currency": invoice["currency"], "note": invoice["note"],
                "fee_bearer": invoice["fee_bearer"], "items": invoice["items"], "total": invoice["total_amount"],
            }),
            references: Vec::new(),
            accounts: Default::default(),
        })
    })
}
