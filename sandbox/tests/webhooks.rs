//! The merchant backend's webhook receiver, and the `duplicate` fault that
//! delivers a message twice.

mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{post_json, sandbox, send};

async fn fulfilments(app: &axum::Router) -> Value {
    let (status, answer) = send(app, "GET", "/sandbox/merchant/webhooks", &[], None).await;
    assert_eq!(status, StatusCode::OK);
    answer["fulfilments"].clone()
}

fn signed_universal(order_id: &str, status: i64) -> Value {
    let mut body = json!({ "transaction_id": "7320", "order_id": order_id, "status": status, "result": { "code": 0, "message": "OK" } });
    body["signature"] = json!(pay_sandbox::signature::sign(&body, "cf11635572").unwrap());
    body
}

#[tokio::test]
async fn a_payment_delivered_twice_is_fulfilled_once() {
    let app = sandbox();
    let armed = post_json(
        &app,
        "/sandbox/faults",
        &[],
        &json!({ "path": "/merchant/webhooks/", "fault": "duplicate" }),
    )
    .await;
    assert_eq!(armed.0, StatusCode::CREATED);
    let message =
        json!({ "event": "payment.approved", "transaction_id": "txn_1", "status": "approved" });
    let (status, answer) = post_json(&app, "/merchant/webhooks/pdirect", &[], &message).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        fulfilments(&app).await,
        json!([{ "gateway": "pdirect", "id": "txn_1", "deliveries": 2, "fulfilled": 1 }])
    );
}

#[tokio::test]
async fn only_approved_payments_are_fulfilled() {
    let app = sandbox();
    let failed = json!({ "transaction_id": "txn_2", "status": "failed" });
    post_json(&app, "/merchant/webhooks/pdirect", &[], &failed).await;
    post_json(
        &app,
        "/merchant/webhooks/universal",
        &[],
        &signed_universal("ORDER-3", 3),
    )
    .await;
    assert_eq!(fulfilments(&app).await, json!([]));
    post_json(
        &app,
        "/merchant/webhooks/universal",
        &[],
        &signed_universal("ORDER-2", 2),
    )
    .await;
    assert_eq!(fulfilments(&app).await[0]["id"], "ORDER-2");
}

#[tokio::test]
async fn unsigned_or_forged_messages_are_refused_and_fulfil_nothing() {
    let app = sandbox();
    let mut forged = signed_universal("ORDER-1", 2);
    forged["status"] = json!(2);
    forged["order_id"] = json!("ORDER-FORGED");
    let (status, _) = post_json(&app, "/merchant/webhooks/universal", &[], &forged).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let paid = json!({ "type": "checkout.session.completed", "data": { "object": { "id": "cs_1", "payment_status": "paid" } } });
    let (status, _) = post_json(
        &app,
        "/merchant/webhooks/paygate",
        &[("paygate-signature", "t=1,v1=00")],
        &paid,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = post_json(&app, "/merchant/webhooks/elsewhere", &[], &paid).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(fulfilments(&app).await, json!([]));
}

#[tokio::test]
async fn a_paygate_event_with_its_real_signature_is_accepted() {
    let app = sandbox();
    let paid = json!({ "type": "checkout.session.completed", "data": { "object": { "id": "cs_9", "payment_status": "paid" } } });
    let header = pay_sandbox::gateways::paygate::signature_header(&paid.to_string(), 1_700_000_000);
    let (status, _) = post_json(
        &app,
        "/merchant/webhooks/paygate",
        &[("paygate-signature", &header)],
        &paid,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fulfilments(&app).await[0]["id"], "cs_9");
}
