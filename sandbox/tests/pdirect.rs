//! The PDirect simulator, request in and response out.

mod support;

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{
    pdirect_collect, pdirect_session, post_json, sandbox, send, MERCHANT_KEY,
    PDIRECT_SEED_COLLECT_BODY,
};

const SESSIONS: &str = "/pdirect/api/v1/internal/sessions/create";
const COLLECT: &str = "/pdirect/api/v1/payments/collect";

/// The seed's Step 1 body, verbatim.
const SEED_SESSION_BODY: &str = r#"{ "amount": "12.50", "currency": "usd", "customer_reference": "cust_abc123", "ttl_seconds": 1800 }"#;

fn seed_collect_with(changes: Value) -> Value {
    let mut body: Value = serde_json::from_str(PDIRECT_SEED_COLLECT_BODY).unwrap();
    for (name, value) in changes.as_object().unwrap() {
        body[name] = value.clone();
    }
    body
}

async fn status_of(app: &axum::Router, token: &str, id: &str) -> Value {
    let bearer = format!("Bearer {token}");
    let uri = format!("/pdirect/api/v1/payments/status/{id}");
    let (status, answer) = send(app, "GET", &uri, &[("authorization", &bearer)], None).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

async fn transaction_count(app: &axum::Router) -> usize {
    let (_, ledger) = send(app, "GET", "/sandbox/pdirect/transactions", &[], None).await;
    ledger["transactions"].as_array().unwrap().len()
}

#[tokio::test]
async fn the_seed_requests_work_verbatim_and_give_the_documented_answers() {
    let app = sandbox();
    let (status, session) = send(
        &app,
        "POST",
        SESSIONS,
        &[
            (
                "Authorization",
                "Bearer mch_3f9a2e1b:sk_test_x8a3pqr2zv9b1n4wmd6t7k0c8jh5y2u",
            ),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "7c2e9a1d-4b6f-4c8e-9a5f-1d3e2c7b9a4d"),
        ],
        Some(SEED_SESSION_BODY),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{session}");
    let fields: Vec<&String> = session.as_object().unwrap().keys().collect();
    // The seed's answer, in the seed's order.
    assert_eq!(
        fields,
        ["session_id", "session_token", "issued_at", "expires_at"]
    );
    assert_eq!(session["session_id"].as_str().unwrap().len(), 24);
    assert!(session["session_token"]
        .as_str()
        .unwrap()
        .starts_with("sess_"));

    // Step 2 uses the seed's own example token, a standing sandbox session.
    let (status, payment) = send(
        &app,
        "POST",
        COLLECT,
        &[
            (
                "Authorization",
                "Bearer sess_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
            ),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "8d3f0e2b-5c7d-4e9f-aab2-2e4f3d8c0b6e"),
        ],
        Some(PDIRECT_SEED_COLLECT_BODY),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{payment}");
    assert_eq!(payment["success"], true);
    assert_eq!(payment["status"], "pending");
    assert_eq!(payment["message"], "Payment request received");
    assert_eq!(
        (
            &payment["amount"],
            &payment["currency"],
            &payment["fee_amount"],
            &payment["total_amount"]
        ),
        (
            &json!("12.50"),
            &json!("usd"),
            &json!("0.50"),
            &json!("13.00")
        )
    );
    assert!(payment["transaction_id"]
        .as_str()
        .unwrap()
        .starts_with("txn_"));
    assert!(payment["created_at"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn a_session_is_minted_once_per_idempotency_key() {
    let app = sandbox();
    let headers = [("authorization", MERCHANT_KEY), ("idempotency-key", "k-1")];
    let body: Value = serde_json::from_str(SEED_SESSION_BODY).unwrap();
    let first = post_json(&app, SESSIONS, &headers, &body).await;
    let again = post_json(&app, SESSIONS, &headers, &body).await;
    assert_eq!(first, again, "the identical answer, the same token");

    let other =
        json!({ "amount": "99.00", "currency": "usd", "customer_reference": "cust_abc123" });
    let (status, conflict) = post_json(&app, SESSIONS, &headers, &other).await;
    assert_eq!(
        (status, &conflict["error_code"]),
        (StatusCode::CONFLICT, &json!("1102"))
    );
}

#[tokio::test]
async fn merchant_authentication_failures_are_401_with_a_code() {
    let app = sandbox();
    let body: Value = serde_json::from_str(SEED_SESSION_BODY).unwrap();
    let missing = post_json(&app, SESSIONS, &[("idempotency-key", "k")], &body).await;
    assert_eq!(
        (missing.0, missing.1["error_code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("1001"))
    );
    let wrong = [
        ("authorization", "Bearer mch_3f9a2e1b:sk_test_wrong"),
        ("idempotency-key", "k"),
    ];
    let wrong = post_json(&app, SESSIONS, &wrong, &body).await;
    assert_eq!(
        (wrong.0, wrong.1["error_code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("1002"))
    );
    let no_key = post_json(&app, SESSIONS, &[("authorization", MERCHANT_KEY)], &body).await;
    assert_eq!(
        (no_key.0, no_key.1["error_code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("1101"))
    );
}

#[tokio::test]
async fn a_collect_retry_with_the_same_key_replays_and_never_charges_twice() {
    let app = sandbox();
    let token = pdirect_session(&app, 1800).await;
    let body = seed_collect_with(json!({}));
    let first = pdirect_collect(&app, &token, "retry-key", &body).await;
    let retry = pdirect_collect(&app, &token, "retry-key", &body).await;
    assert_eq!(first.0, StatusCode::OK);
    assert_eq!(first, retry);
    assert_eq!(transaction_count(&app).await, 1);

    let drifted = pdirect_collect(
        &app,
        &token,
        "retry-key",
        &seed_collect_with(json!({"first_name": "Jane"})),
    )
    .await;
    assert_eq!(drifted.1["error_code"], "1102");
    assert_eq!(transaction_count(&app).await, 1);
}

#[tokio::test]
async fn an_attempt_resent_under_a_fresh_session_is_the_same_attempt() {
    // A page that reloaded mid-payment has a new session token but resends
    // its attempt's key: the gateway answers from the first, charges once,
    // and the new session may read the payment's status.
    let app = sandbox();
    let body = seed_collect_with(json!({}));
    let first_session = pdirect_session(&app, 1800).await;
    let first = pdirect_collect(&app, &first_session, "reload-key", &body).await;
    let second_session = pdirect_session(&app, 1800).await;
    let resent = pdirect_collect(&app, &second_session, "reload-key", &body).await;
    assert_eq!(first.0, StatusCode::OK);
    assert_eq!(first, resent);
    assert_eq!(transaction_count(&app).await, 1);
    let id = first.1["transaction_id"].as_str().unwrap();
    assert_eq!(
        status_of(&app, &second_session, id).await["transaction_id"],
        id
    );
}

#[tokio::test]
async fn bound_fields_may_repeat_but_not_drift() {
    let app = sandbox();
    let token = pdirect_session(&app, 1800).await;
    let same = seed_collect_with(
        json!({"amount": "12.5", "currency": "USD", "customer_reference": "cust_abc123"}),
    );
    assert_eq!(
        pdirect_collect(&app, &token, "a", &same).await.0,
        StatusCode::OK
    );
    for (field, value) in [
        ("amount", "12.51"),
        ("currency", "eur"),
        ("customer_reference", "cust_x"),
    ] {
        let drift = seed_collect_with(json!({ field: value }));
        let (status, answer) = pdirect_collect(&app, &token, field, &drift).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(
            (&answer["error_code"], &answer["field"]),
            (&json!("1202"), &json!(field))
        );
    }
}

#[tokio::test]
async fn validation_errors_name_the_field() {
    let app = sandbox();
    let token = pdirect_session(&app, 1800).await;
    for (field, value) in [
        ("phone_number", json!("0998857000")),
        ("wallet_pin", json!("12")),
        ("email", json!("john")),
        ("payment_method", json!("cash")),
        ("wallet_number", Value::Null),
    ] {
        let (status, answer) = pdirect_collect(
            &app,
            &token,
            field,
            &seed_collect_with(json!({ field: value })),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{field}");
        assert_eq!(
            (&answer["error_code"], &answer["field"]),
            (&json!("1201"), &json!(field))
        );
    }
    assert_eq!(transaction_count(&app).await, 0);
}

#[tokio::test]
async fn unknown_and_expired_tokens_are_refused() {
    let app = sandbox();
    let body = seed_collect_with(json!({}));
    let unknown = pdirect_collect(&app, "sess_nope", "k", &body).await;
    assert_eq!(
        (unknown.0, unknown.1["error_code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("1003"))
    );
    let token = pdirect_session(&app, 1).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let expired = pdirect_collect(&app, &token, "k", &body).await;
    assert_eq!(
        (expired.0, expired.1["error_code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("1004"))
    );
}

#[tokio::test(start_paused = true)]
async fn the_test_data_decides_the_final_status() {
    let app = sandbox();
    let token = pdirect_session(&app, 1800).await;
    let cases = [
        ("+243998857000", "048698", "approved", None),
        ("+243998857000", "000000", "failed", Some("2001")),
        ("+254700000002", "123456", "failed", Some("2002")),
        ("+254700000003", "123456", "pending", None),
    ];
    let mut ids = Vec::new();
    for (phone, pin, _, _) in cases {
        let body = seed_collect_with(json!({"phone_number": phone, "wallet_pin": pin}));
        let (_, answer) = pdirect_collect(&app, &token, &format!("{phone}{pin}"), &body).await;
        let id = answer["transaction_id"].as_str().unwrap().to_owned();
        assert_eq!(status_of(&app, &token, &id).await["status"], "pending");
        ids.push(id);
    }
    tokio::time::sleep(Duration::from_secs(10)).await;
    for ((phone, _, expected, code), id) in cases.iter().zip(&ids) {
        let status = status_of(&app, &token, id).await;
        assert_eq!(status["status"], *expected, "{phone}");
        assert_eq!(status["error_code"].as_str(), *code, "{phone}");
    }
}

#[tokio::test]
async fn the_final_status_is_posted_to_a_loopback_notify_url_and_logged() {
    let (url, received) = support::webhook_listener().await;
    let app = sandbox();
    let token = pdirect_session(&app, 1800).await;
    let body = seed_collect_with(json!({ "notify_url": url }));
    let (_, answer) = pdirect_collect(&app, &token, "hook", &body).await;
    tokio::time::sleep(Duration::from_millis(2600)).await;
    let delivered = received.lock().unwrap().clone();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0]["event"], "payment.approved");
    assert_eq!(delivered[0]["transaction_id"], answer["transaction_id"]);
    let (_, log) = send(&app, "GET", "/sandbox/webhooks", &[], None).await;
    assert_eq!(log[0]["outcome"], "delivered");

    // The seed's example URL is off this machine: logged, never sent.
    let (_, far) = pdirect_collect(&app, &token, "far", &seed_collect_with(json!({}))).await;
    tokio::time::sleep(Duration::from_millis(2600)).await;
    let (_, log) = send(&app, "GET", "/sandbox/webhooks", &[], None).await;
    assert_eq!(log[1]["body"]["transaction_id"], far["transaction_id"]);
    assert!(log[1]["outcome"].as_str().unwrap().starts_with("not sent"));
}

#[tokio::test]
async fn the_merchant_backend_hands_out_only_the_token_and_its_expiry() {
    let app = sandbox();
    let request = json!({ "amount": "12.50", "currency": "USD", "customerReference": "cust_1" });
    let (status, session) = post_json(&app, "/merchant/pdirect/session", &[], &request).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    let fields: Vec<&String> = session.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["session_token", "expires_at"]);
    let token = session["session_token"].as_str().unwrap();
    let (status, _) = pdirect_collect(&app, token, "m", &seed_collect_with(json!({}))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn faults_break_the_next_matching_request() {
    let app = sandbox();
    let token = pdirect_session(&app, 1800).await;
    let body = seed_collect_with(json!({}));
    let arm = |fault: &str| json!({ "path": COLLECT, "method": "POST", "fault": fault });
    let (status, _) = post_json(&app, "/sandbox/faults", &[], &arm("error_503")).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, answer) = pdirect_collect(&app, &token, "f", &body).await;
    assert_eq!(
        (status, answer["error_code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("5003"))
    );
    assert_eq!(
        transaction_count(&app).await,
        0,
        "a 503 is answered before processing"
    );

    post_json(&app, "/sandbox/faults", &[], &arm("drop_after_processing")).await;
    let dropped = {
        use tower::ServiceExt;
        let request = axum::http::Request::post(COLLECT)
            .header("authorization", format!("Bearer {token}"))
            .header("idempotency-key", "f")
            .header("content-type", "application/json")
            .body(axum::body::Body::from(body.to_string()))
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        http_body_util::BodyExt::collect(response.into_body()).await
    };
    assert!(dropped.is_err(), "the answer never arrives");
    assert_eq!(
        transaction_count(&app).await,
        1,
        "but the gateway processed it"
    );
    let (status, _) = pdirect_collect(&app, &token, "f", &body).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the retry with the same key gets the first answer"
    );
    assert_eq!(transaction_count(&app).await, 1);
}

#[tokio::test]
async fn a_page_on_another_origin_may_call_the_gateway() {
    let app = sandbox();
    let (status, _) = send(
        &app,
        "OPTIONS",
        COLLECT,
        &[
            ("origin", "http://shop.localhost:3000"),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization,idempotency-key,x-device-fingerprint,content-type",
            ),
        ],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}
