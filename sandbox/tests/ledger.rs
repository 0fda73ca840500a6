//! `/sandbox/ledger`: every simulator's payments in one shape.

mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{post_json, sandbox, send, MERCHANT_KEY};

async fn ledger(app: &axum::Router) -> Vec<Value> {
    let (status, answer) = send(app, "GET", "/sandbox/ledger", &[], None).await;
    assert_eq!(status, StatusCode::OK);
    answer["entries"].as_array().unwrap().clone()
}

#[tokio::test]
async fn an_empty_sandbox_has_an_empty_ledger() {
    assert_eq!(ledger(&sandbox()).await, Vec::<Value>::new());
}

#[tokio::test]
async fn payments_of_each_gateway_appear_with_their_ids_and_status() {
    let app = sandbox();
    let (_, session) = post_json(
        &app,
        "/pdirect/api/v1/internal/sessions/create",
        &[("authorization", MERCHANT_KEY), ("idempotency-key", "ledger-session")],
        &json!({ "amount": "12.50", "currency": "usd", "customer_reference": "c", "ttl_seconds": 60 }),
    )
    .await;
    let bearer = format!("Bearer {}", session["session_token"].as_str().unwrap());
    let wallet = json!({
        "payment_method": "wallet", "user_info": "full", "payment_method_info": "full",
        "fee_covered_by": "buyer", "delivery_behaviour": "direct_delivery", "first_name": "J", "last_name": "D", "email": "j@example.com",
        "phone_number": "+243998857000", "wallet_number": "3005710720108954", "wallet_pin": "048698"
    });
    let (status, accepted) = post_json(
        &app,
        "/pdirect/api/v1/payments/collect",
        &[
            ("authorization", &bearer),
            ("idempotency-key", "ledger-collect"),
        ],
        &wallet,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    let (status, paygate) = post_json(
        &app,
        "/paygate/v1/checkout/sessions",
        &[("authorization", "Bearer sk_test_ledger")],
        &json!({ "amount": 5000, "currency": "GHS", "success_url": "http://127.0.0.1/ok", "cancel_url": "http://127.0.0.1/no" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{paygate}");

    let entries = ledger(&app).await;
    assert_eq!(
        entries,
        vec![
            json!({ "gateway": "pdirect", "ids": [accepted["transaction_id"]], "status": "pending" }),
            json!({ "gateway": "paygate", "ids": [paygate["id"]], "status": "pending" }),
        ]
    );
}
