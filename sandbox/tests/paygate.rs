//! The PayGate simulator, request in and response out.

mod support;

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::{post_for_redirect, post_json, sandbox, send};

const KEY: &str = "Bearer sk_test_sandbox";
const SESSIONS: &str = "/paygate/v1/checkout/sessions";

/// The seed's create request body, verbatim.
const SEED_CREATE: &str = r#"{
"amount": 5000,
"currency": "GHS",
"success_url": "https://yoursite.com/success?session_id={CHECKOUT_SESSION_ID}",
"cancel_url": "https://yoursite.com/cancel",
"customer_email": "customer@example.com",
"metadata": {
"order_id": "1234"
}
}"#;

async fn create(app: &axum::Router, body: &Value) -> Value {
    let (status, session) = post_json(app, SESSIONS, &[("authorization", KEY)], body).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    session
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    send(app, "GET", uri, &[("authorization", KEY)], None).await
}

async fn expire(app: &axum::Router, id: &str) -> (StatusCode, Value) {
    let uri = format!("{SESSIONS}/{id}/expire");
    send(app, "POST", &uri, &[("authorization", KEY)], None).await
}

fn seed() -> Value {
    serde_json::from_str(SEED_CREATE).unwrap()
}

#[tokio::test]
async fn the_seed_request_creates_the_documented_session_object() {
    let app = sandbox();
    let (status, session) = send(
        &app,
        "POST",
        SESSIONS,
        &[
            ("Authorization", "Bearer sk_test_abc"),
            ("Content-Type", "application/json"),
        ],
        Some(SEED_CREATE),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{session}");
    let fields: Vec<&String> = session.as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "id",
            "object",
            "status",
            "url",
            "amount",
            "currency",
            "payment",
            "payment_status",
            "customer",
            "customer_email",
            "success_url",
            "cancel_url",
            "metadata",
            "expires_at",
            "created_at"
        ]
    );
    let id = session["id"].as_str().unwrap();
    assert!(id.starts_with("cs_"));
    assert_eq!(session["object"], "checkout.session");
    assert_eq!(
        (&session["status"], &session["payment_status"]),
        (&json!("open"), &json!("unpaid"))
    );
    assert_eq!(
        (&session["amount"], &session["currency"]),
        (&json!(5000), &json!("GHS"))
    );
    assert_eq!(
        (&session["payment"], &session["customer"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(
        session["success_url"],
        "https://yoursite.com/success?session_id={CHECKOUT_SESSION_ID}"
    );
    assert_eq!(session["metadata"], json!({ "order_id": "1234" }));
    assert!(session["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/paygate/checkout/{id}")));
    assert!(session["expires_at"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn only_sandbox_secret_keys_are_accepted() {
    let app = sandbox();
    let (status, answer) = post_json(&app, SESSIONS, &[], &seed()).await;
    assert_eq!(
        (status, &answer["error"]["type"]),
        (StatusCode::UNAUTHORIZED, &json!("authentication_error"))
    );
    let (status, _) = post_json(
        &app,
        SESSIONS,
        &[("authorization", "Bearer pk_test_abc")],
        &seed(),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn parameters_are_checked_and_named() {
    let app = sandbox();
    for (param, value) in [
        ("amount", json!("5000")),
        ("amount", json!(0)),
        ("success_url", Value::Null),
        ("cancel_url", json!("ftp://x")),
        ("metadata", json!("x")),
        ("expires_at", json!("2001-01-01T00:00:00Z")),
    ] {
        let mut body = seed();
        body[param] = value;
        let (status, answer) = post_json(&app, SESSIONS, &[("authorization", KEY)], &body).await;
        assert_eq!(
            (status, &answer["error"]["param"]),
            (StatusCode::BAD_REQUEST, &json!(param)),
            "{param}"
        );
    }
    let mut no_currency = seed();
    no_currency.as_object_mut().unwrap().remove("currency");
    assert_eq!(
        create(&app, &no_currency).await["currency"],
        "GHS",
        "GHS by default"
    );
}

#[tokio::test]
async fn paying_on_the_hosted_page_completes_and_returns_with_the_id() {
    let app = sandbox();
    let session = create(&app, &seed()).await;
    let id = session["id"].as_str().unwrap();
    let (status, page) = send(&app, "GET", &format!("/paygate/checkout/{id}"), &[], None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.as_str().unwrap().contains("50.00 GHS"));
    let (status, location) = post_for_redirect(&app, &format!("/paygate/checkout/{id}/pay")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        Some(format!("https://yoursite.com/success?session_id={id}"))
    );
    let (_, paid) = get(&app, &format!("{SESSIONS}/{id}")).await;
    assert_eq!(
        (&paid["status"], &paid["payment_status"]),
        (&json!("complete"), &json!("paid"))
    );
    assert!(paid["payment"].as_str().unwrap().starts_with("pay_"));
    let (status, _) = send(
        &app,
        "POST",
        &format!("/paygate/checkout/{id}/pay"),
        &[],
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a completed session cannot be paid twice"
    );
}

#[tokio::test]
async fn cancelling_returns_to_cancel_url_and_leaves_the_session_open() {
    let app = sandbox();
    let mut body = seed();
    body["cancel_url"] = json!("http://127.0.0.1:8080/?cancelled={CHECKOUT_SESSION_ID}");
    let session = create(&app, &body).await;
    let id = session["id"].as_str().unwrap();
    let (status, location) =
        post_for_redirect(&app, &format!("/paygate/checkout/{id}/cancel")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        Some(format!("http://127.0.0.1:8080/?cancelled={id}"))
    );
    assert_eq!(
        get(&app, &format!("{SESSIONS}/{id}")).await.1["status"],
        "open"
    );
}

#[tokio::test]
async fn sessions_expire_on_request_or_at_expires_at() {
    let app = sandbox();
    let id = create(&app, &seed()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, expired) = expire(&app, &id).await;
    assert_eq!(
        (status, &expired["status"]),
        (StatusCode::OK, &json!("expired"))
    );
    let (status, _) = expire(&app, &id).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "only open sessions expire");

    let mut soon = seed();
    let at = chrono::Utc::now() + chrono::Duration::seconds(1);
    soon["expires_at"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let id = create(&app, &soon).await["id"].as_str().unwrap().to_owned();
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(
        get(&app, &format!("{SESSIONS}/{id}")).await.1["status"],
        "expired"
    );
    assert_eq!(
        get(&app, &format!("{SESSIONS}/nope")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_list_pages_newest_first_with_a_cursor_and_filters() {
    let app = sandbox();
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(
            create(&app, &seed()).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let ids_of = |page: &Value| -> Vec<String> {
        page["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, first) = get(&app, &format!("{SESSIONS}?limit=2")).await;
    assert_eq!(
        (first["object"].as_str(), first["has_more"].as_bool()),
        (Some("list"), Some(true))
    );
    assert_eq!(ids_of(&first), [ids[4].clone(), ids[3].clone()]);
    let (_, second) = get(
        &app,
        &format!("{SESSIONS}?limit=2&starting_after={}", ids[3]),
    )
    .await;
    assert_eq!(ids_of(&second), [ids[2].clone(), ids[1].clone()]);
    let (_, last) = get(
        &app,
        &format!("{SESSIONS}?limit=2&starting_after={}", ids[1]),
    )
    .await;
    assert_eq!(
        (ids_of(&last), last["has_more"].as_bool()),
        (vec![ids[0].clone()], Some(false))
    );

    send(
        &app,
        "POST",
        &format!("{SESSIONS}/{}/expire", ids[2]),
        &[("authorization", KEY)],
        None,
    )
    .await;
    let (_, expired) = get(&app, &format!("{SESSIONS}?status=expired")).await;
    assert_eq!(ids_of(&expired), [ids[2].clone()]);
    for bad in [
        "limit=0",
        "limit=101",
        "limit=x",
        "starting_after=cs_unknown",
    ] {
        assert_eq!(
            get(&app, &format!("{SESSIONS}?{bad}")).await.0,
            StatusCode::BAD_REQUEST,
            "{bad}"
        );
    }
}

#[tokio::test]
async fn the_merchant_backend_creates_and_verifies_sessions() {
    let app = sandbox();
    let request = json!({
        "amount": 5000, "successUrl": "http://127.0.0.1:8080/?session_id={CHECKOUT_SESSION_ID}",
        "cancelUrl": "http://127.0.0.1:8080/?cancelled=1",
    });
    let (status, created) = post_json(&app, "/merchant/paygate/checkout", &[], &request).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let fields: Vec<&String> = created.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["id", "url", "expires_at"]);
    let id = created["id"].as_str().unwrap();
    let verify = format!("/merchant/paygate/verify?session_id={id}");
    let (_, unpaid) = send(&app, "GET", &verify, &[], None).await;
    assert_eq!(
        (&unpaid["paid"], &unpaid["status"]),
        (&json!(false), &json!("open"))
    );
    send(
        &app,
        "POST",
        &format!("/paygate/checkout/{id}/pay"),
        &[],
        None,
    )
    .await;
    let (_, paid) = send(&app, "GET", &verify, &[], None).await;
    assert_eq!(paid["paid"], true);
    let (status, unknown) = send(
        &app,
        "GET",
        "/merchant/paygate/verify?session_id=cs_nope",
        &[],
        None,
    )
    .await;
    assert_eq!(
        (status, &unknown["paid"]),
        (StatusCode::NOT_FOUND, &json!(false))
    );
}

#[tokio::test]
async fn completed_and_expired_events_are_signed_and_sent_to_the_endpoint() {
    use std::sync::{Arc, Mutex};

    use axum::http::HeaderMap;
    use axum::routing::post;
    use hmac::{Hmac, Mac};
    use sha2::Sha256;

    let received: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let sink = received.clone();
    let endpoint = axum::Router::new().route(
        "/events",
        post(move |headers: HeaderMap, body: String| async move {
            let signature = headers["paygate-signature"].to_str().unwrap().to_owned();
            sink.lock().unwrap().push((signature, body));
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/events", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, endpoint).await.unwrap() });

    let app = sandbox();
    let (_, configured) = post_json(
        &app,
        "/sandbox/paygate/webhook-endpoint",
        &[],
        &json!({ "url": url }),
    )
    .await;
    let secret = configured["secret"].as_str().unwrap().to_owned();
    let paid = create(&app, &seed()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    send(
        &app,
        "POST",
        &format!("/paygate/checkout/{paid}/pay"),
        &[],
        None,
    )
    .await;
    let expired = create(&app, &seed()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    expire(&app, &expired).await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let events = received.lock().unwrap().clone();
    assert_eq!(events.len(), 2);
    for ((signature, body), (kind, id)) in events.iter().zip([
        ("checkout.session.completed", &paid),
        ("checkout.session.expired", &expired),
    ]) {
        let event: Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            (
                event["type"].as_str(),
                event["data"]["object"]["id"].as_str()
            ),
            (Some(kind), Some(id.as_str()))
        );
        let (timestamp, v1) = signature
            .strip_prefix("t=")
            .unwrap()
            .split_once(",v1=")
            .unwrap();
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{timestamp}.{body}").as_bytes());
        let expected: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            v1, expected,
            "the signature verifies with the endpoint secret"
        );
    }
}
