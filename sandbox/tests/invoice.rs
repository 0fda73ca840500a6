//! The invoice gateway simulator, driven step by step as the guide's
//! merchant does, and the merchant routes the widget calls.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use support::{post_json, sandbox, send};
use tower::ServiceExt;

const REFERENCE: &str = "6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f";

async fn token(app: &Router) -> String {
    let credentials =
        json!({ "client_id": "inv_client_sandbox", "client_secret": "inv_secret_sandbox" });
    let (status, answer) = post_json(
        app,
        "/invoice/v1/jwt/client/obtain/token",
        &[],
        &credentials,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["expires_in"], 3600);
    format!("Bearer {}", answer["access_token"].as_str().unwrap())
}

async fn call(
    app: &Router,
    token: &str,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let text = body.map(|body| body.to_string());
    let headers = [
        ("authorization", token),
        ("content-type", "application/json"),
    ];
    send(app, method, uri, &headers, text.as_deref()).await
}

/// Steps 2–6 and 9: a published USD invoice of 2 × 12.50 + 5.00, and its
/// checkout session. Returns (invoice id, session id).
async fn published_invoice(app: &Router, token: &str) -> (String, String) {
    let (status, party) = call(
        app,
        token,
        "POST",
        "/invoice/v1/parties/create",
        Some(json!({ "name": "Amani Kabila", "phone_number": "+243998857000" })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{party}");
    let (_, counterparty) = call(
        app,
        token,
        "POST",
        "/invoice/v1/counterparties/create",
        Some(json!({ "party_id": party["party"]["id"], "relationship_type": "CUSTOMER" })),
    )
    .await;
    let body = json!({ "counterparty_id": counterparty["counterparty"]["id"], "currency": "USD", "note": "Order 1042", "fee_bearer": "CUSTOMER", "as_payment_link": true });
    let (status, invoice) = call(
        app,
        token,
        "POST",
        "/invoice/v1/invoices/create",
        Some(body),
    )
    .await;
    assert_eq!(
        (status, invoice["invoice"]["status"].as_str()),
        (StatusCode::CREATED, Some("IDLE")),
        "{invoice}"
    );
    let id = invoice["invoice"]["id"].as_str().unwrap().to_owned();
    for item in [
        json!({ "name": "Kitenge fabric", "currency": "USD", "qty": 2, "amount": "12.50" }),
        json!({ "name": "Delivery", "currency": "USD", "qty": 1, "amount": 5 }),
    ] {
        let (status, answer) = call(
            app,
            token,
            "POST",
            &format!("/invoice/v1/invoices/{id}/items/add"),
            Some(item),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
    }
    let (status, published) = call(
        app,
        token,
        "PUT",
        &format!("/invoice/v1/invoices/publish/{id}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["invoice"]["status"], "ACTIVE");
    assert_eq!(published["invoice"]["total_amount"], "30.00");
    assert_eq!(
        published["invoice"]["payment_link"],
        format!("/invoice/pay/{id}")
    );
    let (status, session) = call(
        app,
        token,
        "POST",
        "/invoice/v1/sessions/checkout",
        Some(json!({ "source_id": id, "source_type": "INVOICE" })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{session}");
    (id, session["session"]["id"].as_str().unwrap().to_owned())
}

/// Step 10 for the seed's sandbox wallet (or another number).
async fn account(app: &Router, token: &str, phone: &str, provider: &str) -> String {
    let body = json!({ "phone_number": phone, "gateway_provider": provider });
    let (status, account) = call(
        app,
        token,
        "POST",
        "/invoice/v1/payment-accounts/create?operation_type=COLLECTION",
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{account}");
    account["payment_account"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn collect(
    app: &Router,
    token: &str,
    session: &str,
    account: &str,
    reference: &str,
) -> (StatusCode, Value) {
    let body = json!({ "session_id": session, "payment_account_id": account, "currency": "USD", "reference_id": reference });
    call(
        app,
        token,
        "POST",
        "/invoice/v1/executions/collection",
        Some(body),
    )
    .await
}

async fn settle(app: &Router, reference: &str, status: &str) -> StatusCode {
    post_json(
        app,
        &format!("/sandbox/invoice/executions/{reference}/settle"),
        &[],
        &json!({ "status": status }),
    )
    .await
    .0
}

#[tokio::test]
async fn the_guide_s_collection_runs_from_token_to_receipt() {
    let app = sandbox();
    let token = token(&app).await;
    let (invoice, session) = published_invoice(&app, &token).await;
    let (status, fees) = call(
        &app,
        &token,
        "GET",
        &format!(
            "/invoice/v1/predictions/amount-and-fees?invoice_id={invoice}&target_currency=CDF"
        ),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{fees}");
    assert_eq!(
        (fees["fee"].as_str(), fees["customer_pays"].as_str()),
        (Some("0.45"), Some("30.45"))
    );
    assert_eq!(fees["fx"]["customer_pays"], "86782.50");
    let (_, operator) = call(
        &app,
        &token,
        "GET",
        "/invoice/v1/predictions/mmo-provider-info?phone_number=%2B243998857000",
        None,
    )
    .await;
    assert_eq!(
        (
            operator["gateway_provider"].as_str(),
            operator["payment_method"].as_str()
        ),
        (Some("AIRTEL_MONEY_CD"), Some("MOBILE_MONEY"))
    );
    let account = account(&app, &token, "+243998857000", "AIRTEL_MONEY_CD").await;
    let (status, execution) = collect(&app, &token, &session, &account, REFERENCE).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{execution}");
    assert_eq!(
        (
            execution["execution"]["status"].as_str(),
            execution["execution"]["amount"].as_str()
        ),
        (Some("PROCESSING"), Some("30.45"))
    );
    let (status, receipt) = call(
        &app,
        &token,
        "GET",
        &format!("/invoice/v1/invoices/receipt/{invoice}"),
        None,
    )
    .await;
    assert_eq!(
        (status, receipt["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("RECEIPT_NOT_AVAILABLE"))
    );
    assert_eq!(
        settle(&app, REFERENCE, "COMPLETED").await,
        StatusCode::NO_CONTENT
    );
    let (_, status) = call(
        &app,
        &token,
        "GET",
        &format!("/invoice/v1/status/collection/{REFERENCE}"),
        None,
    )
    .await;
    assert_eq!(status["status"], "COMPLETED");
    let (status, receipt) = call(
        &app,
        &token,
        "GET",
        &format!("/invoice/v1/invoices/receipt/{invoice}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{receipt}");
    let receipt = &receipt["receipt"];
    assert_eq!(receipt["reference_id"], REFERENCE);
    assert_eq!(
        (
            receipt["amount"].as_str(),
            receipt["fee"].as_str(),
            receipt["customer_pays"].as_str()
        ),
        (Some("30.00"), Some("0.45"), Some("30.45"))
    );
    assert_eq!(receipt["items"].as_array().unwrap().len(), 2);
    assert_eq!(receipt["provider"]["provider_name"], "Airtel Money");
    assert_eq!(receipt["provider"]["phone_number"], "+243 ••• 7000");
}

#[tokio::test]
async fn a_published_invoice_cannot_be_edited_or_published_again() {
    let app = sandbox();
    let token = token(&app).await;
    let (invoice, _) = published_invoice(&app, &token).await;
    let item = json!({ "name": "Extra", "currency": "USD", "qty": 1, "amount": "1.00" });
    let (status, refused) = call(
        &app,
        &token,
        "POST",
        &format!("/invoice/v1/invoices/{invoice}/items/add"),
        Some(item),
    )
    .await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("INVOICE_LOCKED"))
    );
    let (status, _) = call(
        &app,
        &token,
        "PUT",
        &format!("/invoice/v1/invoices/publish/{invoice}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_same_reference_twice_makes_one_collection() {
    let app = sandbox();
    let token = token(&app).await;
    let (_, session) = published_invoice(&app, &token).await;
    let account = account(&app, &token, "+243998857000", "AIRTEL_MONEY_CD").await;
    let (first, _) = collect(&app, &token, &session, &account, REFERENCE).await;
    let (again, answer) = collect(&app, &token, &session, &account, REFERENCE).await;
    assert_eq!((first, again), (StatusCode::ACCEPTED, StatusCode::OK));
    assert_eq!(answer["execution"]["reference_id"], REFERENCE);
    let (_, ledger) = send(&app, "GET", "/sandbox/invoice/executions", &[], None).await;
    assert_eq!(ledger.as_array().unwrap().len(), 1);
    // A second reference for a session still PROCESSING is refused too.
    let (status, refused) = collect(
        &app,
        &token,
        &session,
        &account,
        "0d9c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f",
    )
    .await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::CONFLICT, Some("EXECUTION_IN_PROGRESS"))
    );
    let (status, refused) = collect(&app, &token, &session, &account, "not-a-uuid").await;
    assert_eq!(
        (status, refused["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reference_id"))
    );
    let (status, _) = call(
        &app,
        &token,
        "GET",
        "/invoice/v1/status/collection/0d9c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn wrong_credentials_and_expired_tokens_get_401() {
    let app = sandbox();
    let wrong = json!({ "client_id": "inv_client_sandbox", "client_secret": "guess" });
    let (status, _) = post_json(&app, "/invoice/v1/jwt/client/obtain/token", &[], &wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, refused) = call(
        &app,
        "Bearer nope",
        "POST",
        "/invoice/v1/parties/create",
        Some(json!({ "name": "A" })),
    )
    .await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("INVALID_TOKEN"))
    );
    let token = token(&app).await;
    let (status, _) = call(
        &app,
        &token,
        "POST",
        "/invoice/v1/parties/create",
        Some(json!({ "name": "A" })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    post_json(&app, "/sandbox/invoice/tokens/expire", &[], &json!({})).await;
    let (status, refused) = call(
        &app,
        &token,
        "POST",
        "/invoice/v1/parties/create",
        Some(json!({ "name": "A" })),
    )
    .await;
    assert_eq!(
        (status, refused["error"]["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("TOKEN_EXPIRED"))
    );
}

#[tokio::test(start_paused = true)]
async fn collections_settle_by_the_test_data_and_payouts_complete() {
    let app = sandbox();
    let token = token(&app).await;
    let mut references = Vec::new();
    for (n, phone) in ["+243998857000", "+243998850002", "+243998850003"]
        .iter()
        .enumerate()
    {
        let (_, session) = published_invoice(&app, &token).await;
        let account = account(&app, &token, phone, "AIRTEL_MONEY_CD").await;
        let reference = format!("{n}f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f");
        assert_eq!(
            collect(&app, &token, &session, &account, &reference)
                .await
                .0,
            StatusCode::ACCEPTED
        );
        references.push(reference);
    }
    tokio::time::sleep(std::time::Duration::from_secs(10)).await;
    let mut outcomes = Vec::new();
    for reference in &references {
        let (_, status) = call(
            &app,
            &token,
            "GET",
            &format!("/invoice/v1/status/collection/{reference}"),
            None,
        )
        .await;
        outcomes.push((
            status["status"].as_str().unwrap().to_owned(),
            status["failure_code"].clone(),
        ));
    }
    assert_eq!(
        outcomes,
        [
            ("COMPLETED".into(), Value::Null),
            ("FAILED".into(), json!("INSUFFICIENT_FUNDS")),
            ("PROCESSING".into(), Value::Null)
        ]
    );

    let body = json!({ "phone_number": "+254712345678", "gateway_provider": "MPESA_KE" });
    let (_, account) = call(
        &app,
        &token,
        "POST",
        "/invoice/v1/payment-accounts/create?operation_type=PAYOUT",
        Some(body),
    )
    .await;
    let body = json!({ "wallet_id": "wal_sandbox", "payment_account_id": account["payment_account"]["id"], "amount": "100.00", "currency": "KES", "expires_at": "2030-01-01T00:00:00Z" });
    let (status, session) = call(
        &app,
        &token,
        "POST",
        "/invoice/v1/sessions/payout",
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{session}");
    let body = json!({ "session_id": session["session"]["id"], "reference_id": REFERENCE });
    let (status, payout) = call(
        &app,
        &token,
        "POST",
        "/invoice/v1/executions/payout",
        Some(body),
    )
    .await;
    assert_eq!(
        (status, payout["execution"]["type"].as_str()),
        (StatusCode::ACCEPTED, Some("PAYOUT")),
        "{payout}"
    );
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let (_, status) = call(
        &app,
        &token,
        "GET",
        &format!("/invoice/v1/status/payout/{REFERENCE}"),
        None,
    )
    .await;
    assert_eq!(status["status"], "COMPLETED");
}

/// The next server-sent event's JSON, if one comes within two seconds.
async fn next_event(body: &mut Body) -> Option<Value> {
    loop {
        let frame = tokio::time::timeout(std::time::Duration::from_secs(2), body.frame())
            .await
            .ok()??
            .ok()?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        let text = String::from_utf8_lossy(&data).into_owned();
        if let Some(json) = text.lines().find_map(|line| line.strip_prefix("data:")) {
            return serde_json::from_str(json.trim()).ok();
        }
    }
}

#[tokio::test]
async fn the_push_channel_streams_status_changes_and_can_be_dropped() {
    let app = sandbox();
    let token = token(&app).await;
    let (_, session) = published_invoice(&app, &token).await;
    let account = account(&app, &token, "+243998850003", "AIRTEL_MONEY_CD").await;
    collect(&app, &token, &session, &account, REFERENCE).await;
    let (status, key) = call(
        &app,
        &token,
        "POST",
        "/invoice/v1/realtime-keys/collection",
        Some(json!({ "reference_id": REFERENCE })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{key}");
    let url = key["realtime_key"]["stream_url"].as_str().unwrap();
    let path = &url[url.find("/invoice/").unwrap()..];
    let open = |path: &str| {
        app.clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
    };
    let mut first = open(path).await.unwrap().into_body();
    assert_eq!(
        next_event(&mut first).await.unwrap()["status"],
        "PROCESSING"
    );
    let (_, streams) = send(&app, "GET", "/sandbox/invoice/realtime", &[], None).await;
    assert_eq!(streams["open_streams"], 1);
    post_json(&app, "/sandbox/invoice/realtime/drop", &[], &json!({})).await;
    assert_eq!(next_event(&mut first).await, None);

    let mut second = open(path).await.unwrap().into_body();
    assert_eq!(
        next_event(&mut second).await.unwrap()["status"],
        "PROCESSING"
    );
    assert_eq!(
        settle(&app, REFERENCE, "COMPLETED").await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        next_event(&mut second).await.unwrap()["status"],
        "COMPLETED"
    );
    let (status, _) = send(
        &app,
        "GET",
        "/invoice/v1/realtime/collection?key=rtk_unknown",
        &[],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn merchant(
    app: &Router,
    method: &str,
    uri: &str,
    credential: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    call(app, &format!("Bearer {credential}"), method, uri, body).await
}

#[tokio::test]
async fn the_merchant_backend_gives_the_browser_one_checkout_and_no_secrets() {
    let app = sandbox();
    let cart = json!({ "cartId": "order-1042", "currency": "USD" });
    let (status, checkout) = post_json(&app, "/merchant/invoice/checkout", &[], &cart).await;
    assert_eq!(status, StatusCode::OK, "{checkout}");
    assert_eq!(checkout["invoice"]["total"], "30.00");
    let text = checkout.to_string();
    assert!(
        !text.contains("inv_at_") && !text.contains("inv_secret"),
        "{text}"
    );
    let credential = checkout["credential"].as_str().unwrap();
    // The same order finds the same checkout again (a reloaded page).
    let (_, again) = post_json(&app, "/merchant/invoice/checkout", &[], &cart).await;
    assert_eq!(
        again["checkout_session_id"],
        checkout["checkout_session_id"]
    );

    let (_, operator) = merchant(
        &app,
        "GET",
        "/merchant/invoice/operator?phone_number=%2B243812345678",
        credential,
        None,
    )
    .await;
    assert_eq!(operator["gateway_provider"], "VODACOM_MPESA_CD");
    let (_, fees) = merchant(
        &app,
        "GET",
        "/merchant/invoice/fees?currency=CDF",
        credential,
        None,
    )
    .await;
    assert_eq!(fees["fx"]["rate"], "2850.0000");
    let collect_body = json!({ "reference_id": REFERENCE, "phone_number": "+243998850003", "gateway_provider": "AIRTEL_MONEY_CD" });
    let (first, execution) = merchant(
        &app,
        "POST",
        "/merchant/invoice/collect",
        credential,
        Some(collect_body.clone()),
    )
    .await;
    assert_eq!(
        (first, execution["status"].as_str()),
        (StatusCode::ACCEPTED, Some("PROCESSING")),
        "{execution}"
    );
    let (again, _) = merchant(
        &app,
        "POST",
        "/merchant/invoice/collect",
        credential,
        Some(collect_body),
    )
    .await;
    assert_eq!(again, StatusCode::OK);
    let (_, ledger) = send(&app, "GET", "/sandbox/invoice/executions", &[], None).await;
    assert_eq!(ledger.as_array().unwrap().len(), 1);

    let (_, status) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/status/{REFERENCE}"),
        credential,
        None,
    )
    .await;
    assert_eq!(status["status"], "PROCESSING");
    let (_, key) = merchant(
        &app,
        "POST",
        "/merchant/invoice/realtime-key",
        credential,
        Some(json!({ "reference_id": REFERENCE })),
    )
    .await;
    assert!(key["realtime_key"]["stream_url"]
        .as_str()
        .unwrap()
        .contains("/invoice/v1/realtime/collection?key=rtk_"));
    let (status, _) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/receipt/{REFERENCE}"),
        credential,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    settle(&app, REFERENCE, "COMPLETED").await;
    let (status, receipt) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/receipt/{REFERENCE}"),
        credential,
        None,
    )
    .await;
    assert_eq!(
        (status, receipt["receipt"]["reference_id"].as_str()),
        (StatusCode::OK, Some(REFERENCE))
    );

    // Another checkout's credential cannot read this reference; none at all is 401.
    let (_, other) = post_json(&app, "/merchant/invoice/checkout", &[], &json!({})).await;
    let (status, _) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/status/{REFERENCE}"),
        other["credential"].as_str().unwrap(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/status/{REFERENCE}"),
        "ick.forged",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_merchant_backend_survives_its_token_expiring() {
    let app = sandbox();
    let (status, _) = post_json(
        &app,
        "/merchant/invoice/checkout",
        &[],
        &json!({ "amount": "10.00", "currency": "KES" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    post_json(&app, "/sandbox/invoice/tokens/expire", &[], &json!({})).await;
    let (status, checkout) = post_json(
        &app,
        "/merchant/invoice/checkout",
        &[],
        &json!({ "amount": "10.00", "currency": "KES" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{checkout}");
    assert_eq!(checkout["invoice"]["total"], "10.00");
}

/// The element reads the backend's answers with these: they must agree.
#[tokio::test]
async fn the_element_s_readers_understand_every_merchant_answer() {
    use pay_checkout::core::invoice::wire;
    let app = sandbox();
    let (status, checkout) = post_json(
        &app,
        "/merchant/invoice/checkout",
        &[],
        &json!({ "currency": "USD" }),
    )
    .await;
    let read = wire::read_checkout(status.as_u16(), &checkout.to_string()).unwrap();
    assert_eq!(
        (read.invoice.total.minor_units(), read.invoice.items.len()),
        (3000, 2)
    );
    let credential = read.credential.as_str();
    let (status, answer) = merchant(
        &app,
        "GET",
        "/merchant/invoice/operator?phone_number=%2B243998857000",
        credential,
        None,
    )
    .await;
    let operator = wire::read_operator(status.as_u16(), &answer.to_string()).unwrap();
    assert_eq!(
        (operator.currency.as_str(), operator.providers.len()),
        ("CDF", 4)
    );
    let (status, answer) = merchant(
        &app,
        "GET",
        "/merchant/invoice/fees?currency=CDF",
        credential,
        None,
    )
    .await;
    let fees = wire::read_fees(status.as_u16(), &answer.to_string()).unwrap();
    assert_eq!(fees.fx.unwrap().customer_pays.minor_units(), 8_678_250);
    let body = json!({ "reference_id": REFERENCE, "phone_number": "+243998857000", "gateway_provider": "AIRTEL_MONEY_CD", "currency": "CDF" });
    let (status, answer) = merchant(
        &app,
        "POST",
        "/merchant/invoice/collect",
        credential,
        Some(body),
    )
    .await;
    let accepted = wire::read_collection(status.as_u16(), &answer.to_string()).unwrap();
    assert_eq!(
        (accepted.transaction_id.as_str(), accepted.amount.as_deref()),
        (REFERENCE, Some("86782.50"))
    );
    let (status, answer) = merchant(
        &app,
        "POST",
        "/merchant/invoice/realtime-key",
        credential,
        Some(json!({ "reference_id": REFERENCE })),
    )
    .await;
    assert!(
        wire::read_realtime_key(status.as_u16(), &answer.to_string())
            .unwrap()
            .contains("key=rtk_")
    );
    settle(&app, REFERENCE, "COMPLETED").await;
    let (status, answer) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/status/{REFERENCE}"),
        credential,
        None,
    )
    .await;
    let update = wire::read_status(status.as_u16(), &answer.to_string())
        .unwrap()
        .unwrap();
    assert_eq!(
        update.status,
        pay_checkout::core::status::PaymentStatus::Approved
    );
    let (status, answer) = merchant(
        &app,
        "GET",
        &format!("/merchant/invoice/receipt/{REFERENCE}"),
        credential,
        None,
    )
    .await;
    let receipt = wire::read_receipt(status.as_u16(), &answer.to_string()).unwrap();
    assert_eq!(
        (
            receipt.provider_name.as_str(),
            receipt.amounts.fee.minor_units()
        ),
        ("Airtel Money", 45)
    );
}
