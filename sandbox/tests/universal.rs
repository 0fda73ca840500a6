//! The universal gateway simulator, request in and response out.

mod support;

use std::time::Duration;

use axum::http::StatusCode;
use pay_sandbox::signature;
use serde_json::{json, Value};
use support::{post_json, sandbox, send};

const BASE: &str = "/universal/f54ec96649be11ebb3780242ac130002";
const MERCHANT: &str = "e0fecd91fcb24f348048193b3fb34875ba3722b4";
const SECRET: &str = "cf11635572";

fn signed(mut request: Value) -> Value {
    request["signature"] = json!(signature::sign(&request, SECRET).unwrap());
    request
}

/// The seed's c2b request sample, field for field, with `changes` applied.
fn c2b(order_id: &str, changes: Value) -> Value {
    let mut request = json!({
        "merchant_id": MERCHANT,
        "customer_id": 900000001,
        "customer_user_id": "user-123456",
        "order_id": order_id,
        "amount": "100.00",
        "currency": "KES",
        "country": "KE",
        "callback_url": "https://example.com/callback",
        "provider_id": 14,
    });
    for (name, value) in changes.as_object().unwrap() {
        request[name] = value.clone();
    }
    signed(request)
}

fn status_request(order_id: &str, extra: Option<Value>) -> Value {
    let mut request = json!({ "merchant_id": MERCHANT, "order_id": order_id });
    if let Some(extra) = extra {
        request["extra"] = extra;
    }
    signed(request)
}

async fn init(app: &axum::Router, request: &Value) -> (StatusCode, Value) {
    post_json(app, &format!("{BASE}/payment_c2b"), &[], request).await
}

async fn status(app: &axum::Router, order_id: &str, extra: Option<Value>) -> Value {
    let (code, answer) = post_json(
        app,
        &format!("{BASE}/status"),
        &[],
        &status_request(order_id, extra),
    )
    .await;
    assert_eq!(code, StatusCode::OK, "{answer}");
    answer
}

fn with_email(customer_id: &str) -> Value {
    json!({ "customer_id": customer_id, "extra": { "customer_email": "test@example.com" } })
}

#[tokio::test]
async fn the_seed_samples_signed_as_the_seed_signs_are_answered_as_documented() {
    let app = sandbox();
    let (code, answer) = init(&app, &c2b("16280954971628095497", json!({}))).await;
    assert_eq!(code, StatusCode::OK, "{answer}");
    let fields: Vec<&String> = answer.as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "order_id",
            "transaction_id",
            "transaction_ref",
            "status",
            "result",
            "provider_result",
            "service_id",
            "service_version",
            "service_date_time",
            "confirm_type"
        ]
    );
    // No email yet: the Universal Flow asks for it. result.code 0 is not success.
    assert_eq!(
        (answer["status"].as_i64(), answer["result"]["code"].as_i64()),
        (Some(8), Some(0))
    );
    assert!(
        answer.get("action").is_none(),
        "INIT never carries the action block"
    );

    let answer = status(&app, "16280954971628095497", None).await;
    assert_eq!(answer["status"], 8);
    assert_eq!(
        answer["action"]["fields"]["customer_email"]["type"],
        "email"
    );
    assert!(
        answer["action"]["errors"]["customer_email"].is_array(),
        "errors are arrays"
    );
}

#[tokio::test]
async fn bad_signatures_unknown_merchants_and_bad_order_ids_are_refused() {
    let app = sandbox();
    let mut tampered = c2b("o-1", json!({}));
    tampered["amount"] = json!("999.00");
    let (code, answer) = init(&app, &tampered).await;
    assert_eq!(
        (code, answer["result"]["code"].as_i64()),
        (StatusCode::UNAUTHORIZED, Some(1001))
    );
    assert_eq!(answer["status"], -1);

    let (code, _) = post_json(
        &app,
        "/universal/other/payment_c2b",
        &[],
        &c2b("o-2", json!({})),
    )
    .await;
    assert_eq!(code, StatusCode::UNAUTHORIZED);

    for bad in ["has space", "slash/no", &"x".repeat(129)] {
        let (code, answer) = init(&app, &c2b(bad, json!({}))).await;
        assert_eq!(
            (code, answer["result"]["code"].as_i64()),
            (StatusCode::BAD_REQUEST, Some(1003)),
            "{bad}"
        );
    }
    let (code, answer) = init(&app, &c2b("o-3", json!({ "amount": "100" }))).await;
    assert_eq!(
        (code, answer["result"]["code"].as_i64()),
        (StatusCode::BAD_REQUEST, Some(1004))
    );
    let (code, _) = init(&app, &c2b("o-4", json!({ "currency": "USD" }))).await;
    assert_eq!(code, StatusCode::BAD_REQUEST);
    let (code, _) = init(
        &app,
        &c2b("o-5", json!({ "provider_id": 2087, "country": "KE" })),
    )
    .await;
    assert_eq!(
        code,
        StatusCode::BAD_REQUEST,
        "Airtel Malawi is not a Kenyan provider"
    );
    let (code, _) = init(
        &app,
        &c2b(
            "o-6",
            json!({ "provider_id": 2087, "country": "MW", "currency": "MWK" }),
        ),
    )
    .await;
    assert_eq!(code, StatusCode::OK);
}

#[tokio::test]
async fn the_same_order_id_gets_the_identical_answer_and_is_not_repeated() {
    let app = sandbox();
    let first = init(&app, &c2b("idem-1", with_email("254700000009"))).await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    let again = init(&app, &c2b("idem-1", with_email("254700000009"))).await;
    assert_eq!(first, again);
}

#[tokio::test]
async fn universal_flow_missing_email_then_a_bad_one_then_a_good_one() {
    let app = sandbox();
    let (_, answer) = init(
        &app,
        &c2b("ORDER-1", json!({ "customer_id": "254700000009" })),
    )
    .await;
    assert_eq!(answer["status"], 8);
    let asked = status(&app, "ORDER-1", None).await;
    assert_eq!(
        asked["action"]["errors"]["customer_email"][0],
        "The customer email field is required."
    );
    let bad = status(
        &app,
        "ORDER-1",
        Some(json!({ "customer_email": "not-an-email" })),
    )
    .await;
    assert_eq!(bad["status"], 8, "validation errors keep status 8");
    assert_eq!(
        bad["action"]["errors"]["customer_email"][0],
        "The customer email must be a valid email address."
    );
    let good = status(
        &app,
        "ORDER-1",
        Some(json!({ "customer_email": "test@example.com" })),
    )
    .await;
    assert_eq!(good["status"], 1);
    assert!(good.get("action").is_none());
}

#[tokio::test]
async fn multi_step_otp_wrong_then_right() {
    let app = sandbox();
    let (_, answer) = init(&app, &c2b("ORDER-2", with_email("254712340004"))).await;
    assert_eq!(
        (
            answer["status"].as_i64(),
            answer["provider_result"]["message"].as_str()
        ),
        (Some(1), Some("OTP sent"))
    );
    let wrong = status(&app, "ORDER-2", Some(json!({ "otp": "999999" }))).await;
    assert_eq!(
        (wrong["status"].as_i64(), wrong["result"]["code"].as_i64()),
        (Some(1), Some(3001))
    );
    let right = status(&app, "ORDER-2", Some(json!({ "otp": "123456" }))).await;
    assert_eq!(right["status"], 2);
}

#[tokio::test]
async fn the_payment_page_completes_or_cancels_and_returns_to_the_merchant() {
    let app = sandbox();
    for (order_id, choice, final_status) in [("pp-1", "pay", 2), ("pp-2", "cancel", 4)] {
        let changes = json!({ "customer_id": "254700000005", "extra": { "return_url": "http://127.0.0.1:8080/?order=x" } });
        let (_, answer) = init(&app, &c2b(order_id, changes)).await;
        assert_eq!(answer["status"], 8);
        let pp_url = answer["pp_url"].as_str().unwrap().to_owned();
        let path = pp_url
            .split_once("://")
            .unwrap()
            .1
            .split_once('/')
            .unwrap()
            .1;
        let (code, page) = send(&app, "GET", &format!("/{path}"), &[], None).await;
        assert_eq!(code, StatusCode::OK);
        assert!(page.as_str().unwrap().contains("Sandbox payment page"));
        let (code, _) = send(&app, "POST", &format!("/{path}/{choice}"), &[], None).await;
        assert_eq!(code, StatusCode::SEE_OTHER);
        assert_eq!(status(&app, order_id, None).await["status"], final_status);
    }
}

#[tokio::test(start_paused = true)]
async fn in_progress_orders_settle_by_the_test_data() {
    let app = sandbox();
    for (order_id, phone) in [
        ("s-ok", "254700000009"),
        ("s-funds", "254700000002"),
        ("s-never", "254700000003"),
    ] {
        let (_, answer) = init(&app, &c2b(order_id, with_email(phone))).await;
        assert_eq!(answer["status"], 1);
    }
    tokio::time::sleep(Duration::from_secs(10)).await;
    assert_eq!(status(&app, "s-ok", None).await["status"], 2);
    let funds = status(&app, "s-funds", None).await;
    assert_eq!(
        (funds["status"].as_i64(), funds["result"]["code"].as_i64()),
        (Some(3), Some(2002))
    );
    assert_eq!(status(&app, "s-never", None).await["status"], 1);
}

#[tokio::test]
async fn unknown_orders_are_404() {
    let app = sandbox();
    let (code, answer) = post_json(
        &app,
        &format!("{BASE}/status"),
        &[],
        &status_request("nope", None),
    )
    .await;
    assert_eq!(
        (code, answer["result"]["code"].as_i64()),
        (StatusCode::NOT_FOUND, Some(1005))
    );
}

#[tokio::test]
async fn a_final_status_is_called_back_signed_to_a_loopback_callback_url() {
    let (url, received) = support::webhook_listener().await;
    let app = sandbox();
    let changes = json!({ "customer_id": "254700000009", "callback_url": url, "extra": { "customer_email": "a@b.co" } });
    init(&app, &c2b("cb-1", changes)).await;
    tokio::time::sleep(Duration::from_millis(2600)).await;
    let callbacks = received.lock().unwrap().clone();
    assert_eq!(callbacks.len(), 1);
    assert_eq!(
        (
            callbacks[0]["order_id"].as_str(),
            callbacks[0]["status"].as_i64()
        ),
        (Some("cb-1"), Some(2))
    );
    assert!(
        signature::verify(&callbacks[0], SECRET),
        "signed with the merchant's secret"
    );
}

#[tokio::test]
async fn the_merchant_backend_signs_forwards_and_guards_what_is_the_merchants() {
    let app = sandbox();
    let order = json!({
        "order_id": "web-1", "amount": "100.00", "currency": "KES", "customer_id": "254700000009",
        "extra": { "customer_email": "test@example.com" },
    });
    let (code, answer) = post_json(&app, "/merchant/universal/init", &[], &order).await;
    assert_eq!(
        (code, answer["status"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{answer}"
    );
    let (_, answer) = post_json(
        &app,
        "/merchant/universal/status",
        &[],
        &json!({ "order_id": "web-1" }),
    )
    .await;
    assert_eq!(answer["order_id"], "web-1");

    let mut more = order.clone();
    more["amount"] = json!("1.00");
    let (code, _) = post_json(&app, "/merchant/universal/init", &[], &more).await;
    assert_eq!(code, StatusCode::CONFLICT, "an order keeps its amount");
    let mut hijack = order.clone();
    hijack["merchant_id"] = json!("someone-else");
    let (code, _) = post_json(&app, "/merchant/universal/init", &[], &hijack).await;
    assert_eq!(code, StatusCode::BAD_REQUEST);
}

#[tokio::test(start_paused = true)]
async fn a_payout_with_confirm_type_waits_for_the_second_confirming_request() {
    let app = sandbox();
    let payout = |extra: Value| {
        c2b(
            "b2c-1",
            json!({ "customer_id": "254700000006", "extra": extra }),
        )
    };
    let uri = format!("{BASE}/payment_b2c");
    let email = json!({ "customer_email": "a@b.co" });
    let (_, first) = post_json(&app, &uri, &[], &payout(email.clone())).await;
    assert_eq!(
        (first["status"].as_i64(), first["confirm_type"].as_i64()),
        (Some(0), Some(1))
    );
    let (_, replay) = post_json(&app, &uri, &[], &payout(email)).await;
    assert_eq!(
        first, replay,
        "without confirmation data: the identical answer"
    );
    let (_, wrong) = post_json(
        &app,
        &uri,
        &[],
        &payout(json!({ "customer_email": "a@b.co", "confirmation_code": "000001" })),
    )
    .await;
    assert_eq!(
        (wrong["status"].as_i64(), wrong["result"]["code"].as_i64()),
        (Some(0), Some(3001))
    );
    let (_, confirmed) = post_json(
        &app,
        &uri,
        &[],
        &payout(json!({ "customer_email": "a@b.co", "confirmation_code": "123456" })),
    )
    .await;
    assert_eq!(confirmed["status"], 1);
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(status(&app, "b2c-1", None).await["status"], 2);
}
