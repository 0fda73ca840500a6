//! `/sandbox/ledger`: every simulator's payments in one shape.

mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{
    pdirect_collect, pdirect_session, post_json, sandbox, send, PDIRECT_SEED_COLLECT_BODY,
};

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
    let token = pdirect_session(&app, 60).await;
    let wallet: Value = serde_json::from_str(PDIRECT_SEED_COLLECT_BODY).unwrap();
    let (status, accepted) = pdirect_collect(&app, &token, "ledger-collect", &wallet).await;
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
