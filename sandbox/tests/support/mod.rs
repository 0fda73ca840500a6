//! Sending requests to the sandbox router in process.
#![allow(dead_code)] // each test file uses part of it

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use pay_sandbox::settings::Settings;
use serde_json::Value;
use tower::ServiceExt;

pub const MERCHANT_KEY: &str = "Bearer mch_3f9a2e1b:sk_test_x8a3pqr2zv9b1n4wmd6t7k0c8jh5y2u";

pub fn sandbox() -> Router {
    pay_sandbox::app(&Settings::from_lookup(|_| None).unwrap())
}

/// Sends `method uri` with `headers` and an optional raw body; returns the
/// status and the JSON answer (`Value::Null` when there is none).
pub async fn send(
    app: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = body.map_or_else(Body::empty, |text| Body::from(text.to_owned()));
    let response = app
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    (status, json)
}

pub async fn post_json(
    app: &Router,
    uri: &str,
    headers: &[(&str, &str)],
    body: &Value,
) -> (StatusCode, Value) {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    send(app, "POST", uri, &all, Some(&body.to_string())).await
}

/// A merchant endpoint on loopback that records the JSON it receives.
pub async fn webhook_listener() -> (String, std::sync::Arc<std::sync::Mutex<Vec<Value>>>) {
    use axum::routing::post;
    let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = received.clone();
    let app = Router::new().route(
        "/hook",
        post(move |axum::Json(body): axum::Json<Value>| async move {
            sink.lock().unwrap().push(body);
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

/// POSTs to a hosted-page route and returns the status and `Location`.
pub async fn post_for_redirect(app: &Router, uri: &str) -> (StatusCode, Option<String>) {
    let request = Request::post(uri).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let location = response
        .headers()
        .get("location")
        .map(|value| value.to_str().unwrap().to_owned());
    (response.status(), location)
}

/// POSTs an HTML form; returns the status, the page text and `Location`.
pub async fn post_form(
    app: &Router,
    uri: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, Option<String>) {
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{name}={}", form_encode(value)))
        .collect();
    let request = Request::post(uri)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.join("&")))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|value| value.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        String::from_utf8_lossy(&bytes).into_owned(),
        location,
    )
}

fn form_encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// PDirect: the seed's Step 2 body, verbatim.
pub const PDIRECT_SEED_COLLECT_BODY: &str = r#"{ "payment_method": "wallet", "user_info": "full", "payment_method_info": "full", "fee_covered_by": "buyer", "delivery_behaviour": "direct_delivery", "notify_url": "https://merchant.example.com/pdirect/webhook", "first_name": "John", "last_name": "Doe", "email": "john.doe@example.com", "phone_number": "+243998857000", "wallet_number": "3005710720108954", "wallet_pin": "048698" }"#;

/// PDirect: mints a session for 12.50 USD as the merchant; its token.
pub async fn pdirect_session(app: &Router, ttl_seconds: u64) -> String {
    let body = serde_json::json!({ "amount": "12.50", "currency": "usd", "customer_reference": "cust_abc123", "ttl_seconds": ttl_seconds });
    let key = uuid_like();
    let (status, answer) = post_json(
        app,
        "/pdirect/api/v1/internal/sessions/create",
        &[("authorization", MERCHANT_KEY), ("idempotency-key", &key)],
        &body,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer["session_token"].as_str().unwrap().to_owned()
}

/// A distinct UUID-shaped key per call.
pub fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!(
        "00000000-0000-4000-8000-{:012}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// PDirect: a wallet collection with the session's token and `key`.
pub async fn pdirect_collect(
    app: &Router,
    token: &str,
    key: &str,
    body: &Value,
) -> (StatusCode, Value) {
    let bearer = format!("Bearer {token}");
    let headers = [
        ("authorization", bearer.as_str()),
        ("idempotency-key", key),
        ("x-device-fingerprint", "ab12"),
    ];
    post_json(app, "/pdirect/api/v1/payments/collect", &headers, body).await
}
