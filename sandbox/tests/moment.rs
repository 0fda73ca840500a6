//! The Moment simulator and the merchant routes in front of it, driven as
//! the guide's backend samples and the hosted checkout drive them.

mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{post_form, post_json, sandbox, send};

const SECRET_KEY: &str = "Bearer sk_test_your_secret_key";
const PARENT: &str = "http://127.0.0.1:8080";

/// The body of the guide's Node.js `create-payment-session` sample.
fn seed_body() -> Value {
    json!({
        "amount": 10000,
        "currency": "ZAR",
        "type": "one_time",
        "options": {
            "checkout_options": {
                "presentation_mode": { "mode": "embedded" },
                "success_url": "https://shop.example/checkout?session_id={SESSION_ID}",
            },
        },
    })
}

async fn create(app: &axum::Router) -> Value {
    let (status, session) = post_json(
        app,
        "/moment/collect/payment_sessions",
        &[("authorization", SECRET_KEY)],
        &seed_body(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{session}");
    session
}

async fn status_of(app: &axum::Router, id: &str) -> String {
    let uri = format!("/merchant/moment/session-status?session_id={id}");
    let (status, session) = send(app, "GET", &uri, &[], None).await;
    assert_eq!(status, StatusCode::OK);
    session["status"].as_str().unwrap().to_owned()
}

/// Opens the checkout as the element does and pays with `phone`.
async fn pay(app: &axum::Router, session: &Value, phone: &str) -> (StatusCode, String) {
    let token = session["client_token"].as_str().unwrap();
    let uri = format!("/moment/checkout/{}/pay", session["id"].as_str().unwrap());
    let fields = [
        ("client_token", token),
        ("parent_origin", PARENT),
        ("phone", phone),
    ];
    let (status, page, _) = post_form(app, &uri, &fields).await;
    (status, page)
}

#[tokio::test]
async fn the_guide_request_returns_a_client_token_and_reads_back_without_it() {
    let app = sandbox();
    let session = create(&app).await;
    let token = session["client_token"].as_str().unwrap();
    assert!(token.starts_with("ct_"));
    assert_eq!(session["status"], "open");
    assert_eq!(session["amount"], 10000);
    assert_eq!(session["type"], "one_time");

    let uri = format!(
        "/moment/collect/payment_sessions/{}",
        session["id"].as_str().unwrap()
    );
    let (status, read) = send(&app, "GET", &uri, &[("authorization", SECRET_KEY)], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["id"], session["id"]);
    assert!(read.get("client_token").is_none());

    let (status, _) = send(
        &app,
        "GET",
        &uri,
        &[("authorization", "Bearer pk_test_abc")],
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a publishable key cannot read sessions"
    );
    let mut bad = seed_body();
    bad["amount"] = json!(100.5);
    let (status, refused) = post_json(
        &app,
        "/moment/collect/payment_sessions",
        &[("authorization", SECRET_KEY)],
        &bad,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error"]["param"], "amount");
}

#[tokio::test]
async fn the_checkout_opens_only_for_its_token_and_a_real_origin() {
    let app = sandbox();
    let session = create(&app).await;
    let token = session["client_token"].as_str().unwrap();
    let (status, page, _) = post_form(
        &app,
        "/moment/checkout",
        &[("client_token", token), ("parent_origin", PARENT)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("100.00 ZAR") && page.contains(r#"name="phone""#),
        "{page}"
    );
    assert!(
        page.contains(r#""type":"moment.opened""#)
            && page.contains(r#", "http://127.0.0.1:8080")"#),
        "the page learns the session id, and only the parent hears it: {page}"
    );

    let (status, _, _) = post_form(
        &app,
        "/moment/checkout",
        &[("client_token", "ct_forged"), ("parent_origin", PARENT)],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = post_form(
        &app,
        "/moment/checkout",
        &[("client_token", token), ("parent_origin", "*")],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "messages are never addressed to any origin"
    );
}

#[tokio::test]
async fn declined_attempts_can_be_retried_until_the_third_fails_the_session() {
    let app = sandbox();
    let session = create(&app).await;
    let id = session["id"].as_str().unwrap();
    let (_, page) = pay(&app, &session, "+243998850002").await;
    assert!(page.contains(r#""type":"moment.attempt_failed""#), "{page}");
    assert!(page.contains(&format!(
        "postMessage({{\"type\":\"moment.attempt_failed\",\"session_id\":\"{id}\""
    )));
    assert!(
        page.contains(r#", "http://127.0.0.1:8080")"#),
        "addressed to the parent origin: {page}"
    );
    assert_eq!(status_of(&app, id).await, "open");

    let (_, page) = pay(&app, &session, "not a number").await;
    assert!(page.contains("international format") && !page.contains("postMessage"));

    let (_, page) = pay(&app, &session, "+243998857000").await;
    assert!(page.contains(r#""type":"moment.completed""#), "{page}");
    assert_eq!(status_of(&app, id).await, "completed");
    let (_, page) = pay(&app, &session, "+243998857000").await;
    assert!(
        page.contains("is completed"),
        "a completed session is not paid twice: {page}"
    );

    let session = create(&app).await;
    for _ in 1..moment_attempts() {
        pay(&app, &session, "+243 99885 0002").await;
    }
    let (_, page) = pay(&app, &session, "+243998850002").await;
    assert!(page.contains(r#""type":"moment.failed""#), "{page}");
    assert_eq!(
        status_of(&app, session["id"].as_str().unwrap()).await,
        "failed"
    );
}

fn moment_attempts() -> u32 {
    pay_sandbox::gateways::moment::MAX_ATTEMPTS
}

#[tokio::test]
async fn authentication_sends_the_customer_away_and_back_to_success_url() {
    let app = sandbox();
    let session = create(&app).await;
    let id = session["id"].as_str().unwrap();
    let (_, page) = pay(&app, &session, "+243998850005").await;
    let url = format!("/moment/authenticate/{id}");
    assert!(
        page.contains(r#""type":"moment.redirect""#) && page.contains(&url),
        "{page}"
    );
    let (status, page) = send(&app, "GET", &url, &[], None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.as_str().unwrap().contains("Approve"));

    let (status, _, location) = post_form(&app, &format!("{url}/approve"), &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location.unwrap(),
        format!("https://shop.example/checkout?session_id={id}")
    );
    assert_eq!(status_of(&app, id).await, "completed");
    let (status, _, _) = post_form(&app, &format!("{url}/decline"), &[]).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an ended session is not decided twice"
    );
}

#[tokio::test]
async fn the_merchant_backend_opens_sessions_and_reports_their_status() {
    let app = sandbox();
    let (status, answer) = post_json(
        &app,
        "/merchant/moment/session",
        &[("origin", "http://127.0.0.1:8181")],
        &json!({ "amount": 2500, "currency": "ZAR" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        answer.as_object().unwrap().len(),
        1,
        "only the client token: {answer}"
    );
    let token = answer["client_token"].as_str().unwrap();

    let (_, page, _) = post_form(
        &app,
        "/moment/checkout",
        &[("client_token", token), ("parent_origin", PARENT)],
    )
    .await;
    assert!(page.contains("25.00 ZAR"));
    let id = page
        .split("/moment/checkout/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();

    let uri = format!("/merchant/moment/session-status?session_id={id}");
    let (_, session) = send(&app, "GET", &uri, &[], None).await;
    assert_eq!(session["status"], "open");
    assert_eq!(
        session["options"]["checkout_options"]["success_url"],
        "http://127.0.0.1:8181/?session_id={SESSION_ID}"
    );
    assert!(session.get("client_token").is_none());

    let (status, _) = send(
        &app,
        "POST",
        &format!("/sandbox/moment/sessions/{id}/expire"),
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&app, &id).await, "expired");
    let (_, page, _) = post_form(
        &app,
        "/moment/checkout",
        &[("client_token", token), ("parent_origin", PARENT)],
    )
    .await;
    assert!(page.contains(r#""type":"moment.expired""#), "{page}");

    let (status, _) = send(
        &app,
        "GET",
        "/merchant/moment/session-status?session_id=ps_unknown",
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
