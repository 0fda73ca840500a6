//! The PDirect checkout in headless Chromium with `fetch` intercepted:
//! attributes and properties produce the right requests, and the events
//! carry the contract's detail shapes.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use gloo_timers::future::TimeoutFuture;
use pay_checkout::core::json::{self, Value};
use pay_checkout::{define_element, json, DEFAULT_TAG_NAME};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function interceptFetch() {
  const calls = [];
  const answer = (body) =>
    new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  window.fetch = async (url, init = {}) => {
    const headers = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    calls.push({ url: String(url), method: init.method ?? "GET", headers, body: init.body ?? null });
    if (String(url).endsWith("/session")) return answer({ session_token: "sess_fetched", expires_at: "2030-01-01T00:00:00Z" });
    if (String(url).endsWith("/payments/collect"))
      return answer({ success: true, transaction_id: "txn_test", status: "pending", message: "Payment request received",
        amount: "12.50", currency: "USD", fee_amount: "0.50", total_amount: "13.00", created_at: "2026-05-05T10:15:00Z" });
    return answer({ success: true, transaction_id: "txn_test", status: "approved" });
  };
  return () => calls.slice();
}

export function recordEvents(target) {
  const seen = [];
  for (const type of ["ready", "step", "response", "error", "complete"]) {
    target.addEventListener(type, (event) => seen.push({ type, detail: event.detail }));
  }
  return () => seen.slice();
}

export function seedPaymentBody() {
  return { paymentMethod: "wallet", userInfo: "full", paymentMethodInfo: "full", feeCoveredBy: "buyer",
    deliveryBehaviour: "direct_delivery", firstName: "John", lastName: "Doe", email: "john.doe@example.com",
    phoneNumber: "+243998857000", walletNumber: "3005710720108954", walletPin: "048698" };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = interceptFetch)]
    fn intercept_fetch() -> js_sys::Function;
    #[wasm_bindgen(js_name = recordEvents)]
    fn record_events(target: &Element) -> js_sys::Function;
    #[wasm_bindgen(js_name = seedPaymentBody)]
    fn seed_payment_body() -> JsValue;
}

#[derive(Debug)]
struct Call {
    url: String,
    method: String,
    headers: BTreeMap<String, String>,
    body: Option<String>,
}

impl Call {
    fn from_json(call: &Value) -> Self {
        let headers = call["headers"].as_object().expect("headers");
        Call {
            url: call["url"].as_str().expect("url").to_owned(),
            method: call["method"].as_str().expect("method").to_owned(),
            headers: headers.iter().map(|(name, value)| (name.clone(), value.as_str().unwrap().to_owned())).collect(),
            body: call["body"].as_str().map(str::to_owned),
        }
    }
}

#[derive(Debug)]
struct Seen {
    kind: String,
    detail: Value,
}

impl Seen {
    fn from_json(event: &Value) -> Self {
        Seen {
            kind: event["type"].as_str().expect("type").to_owned(),
            detail: event["detail"].clone(),
        }
    }
}

/// What the page recorded, read with the element's own JSON reader.
fn read<T>(snapshot: &js_sys::Function, each: fn(&Value) -> T) -> Vec<T> {
    let recorded = snapshot.call0(&JsValue::NULL).unwrap();
    let text = js_sys::JSON::stringify(&recorded).unwrap().as_string().unwrap();
    json::parse(&text).unwrap().as_array().expect("a list").iter().map(each).collect()
}

/// A plain JS object, as a page would pass it.
fn plain_object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn checkout(attributes: &[(&str, &str)]) -> Element {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let window = web_sys::window().unwrap();
    // Each test is a fresh visit: a payment an earlier test left awaiting
    // (its resume point in sessionStorage) must not be picked up here.
    window.session_storage().unwrap().unwrap().clear().unwrap();
    let document = window.document().unwrap();
    let element = document.create_element(DEFAULT_TAG_NAME).unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    js_sys::Reflect::set(&element, &"paymentBody".into(), &seed_payment_body()).unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

async fn click_pay(element: &Element) {
    TimeoutFuture::new(20).await;
    let button = element
        .shadow_root()
        .unwrap()
        .query_selector("button.pay")
        .unwrap()
        .expect("a Pay button");
    button.unchecked_into::<HtmlElement>().click();
}

fn is_uuid_v4(key: &str) -> bool {
    let parts: Vec<&str> = key.split('-').collect();
    parts.iter().map(|part| part.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && parts[2].starts_with('4')
        && key.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

#[wasm_bindgen_test]
async fn attributes_and_payment_body_make_the_session_and_collect_requests() {
    let calls = intercept_fetch();
    let element = checkout(&[
        ("api-base", "https://gateway.test/pdirect/"),
        ("session-url", "https://shop.test/session"),
        ("amount", "12.50"),
        ("currency", "USD"),
        ("customer-reference", "cust_1"),
    ]);
    let events = record_events(&element);
    click_pay(&element).await;
    TimeoutFuture::new(1500).await; // the first status poll comes after 1 s

    let calls = read(&calls, Call::from_json);
    assert_eq!(calls.len(), 3, "{calls:#?}");
    let session = &calls[0];
    assert_eq!(
        (session.method.as_str(), session.url.as_str()),
        ("POST", "https://shop.test/session")
    );
    let session_body = json::parse(session.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        session_body,
        json!({"amount": "12.50", "currency": "USD", "customerReference": "cust_1"})
    );

    let collect = &calls[1];
    assert_eq!(
        collect.url,
        "https://gateway.test/pdirect/api/v1/payments/collect"
    );
    assert_eq!(collect.headers["authorization"], "Bearer sess_fetched");
    assert_eq!(collect.headers["content-type"], "application/json");
    assert!(is_uuid_v4(&collect.headers["idempotency-key"]));
    let fingerprint = &collect.headers["x-device-fingerprint"];
    assert!(fingerprint.len() == 64 && fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    let wire = json::parse(collect.body.as_deref().unwrap()).unwrap();
    assert_eq!(wire["wallet_pin"], "048698");
    assert_eq!(wire["phone_number"], "+243998857000");
    assert!(
        wire.get("amount").is_none(),
        "bound to the session, left out"
    );
    assert!(
        wire.get("paymentMethod").is_none(),
        "snake_case on the wire"
    );

    let status = &calls[2];
    assert_eq!(
        status.url,
        "https://gateway.test/pdirect/api/v1/payments/status/txn_test"
    );
    assert_eq!(status.headers["authorization"], "Bearer sess_fetched");

    let seen = read(&events, Seen::from_json);
    let kinds: Vec<&str> = seen.iter().map(|event| event.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["ready", "step", "response", "step", "step", "complete"]
    );
    assert_eq!(
        seen[2].detail,
        json!({
            "gateway": "pdirect", "transactionId": "txn_test", "paymentStatus": "pending",
            "message": "Payment request received", "amount": "12.50", "currency": "USD",
            "feeAmount": "0.50", "totalAmount": "13.00", "createdAt": "2026-05-05T10:15:00Z",
        })
    );
    assert_eq!(
        seen[1].detail,
        json!({"gateway": "pdirect", "step": "form"})
    );
    assert_eq!(
        seen[5].detail,
        json!({"gateway": "pdirect", "transactionId": "txn_test", "paymentStatus": "approved"})
    );
    element.remove();
}

#[wasm_bindgen_test]
async fn configs_token_and_language_are_used_without_a_session_request() {
    let calls = intercept_fetch();
    let element = checkout(&[("api-base", "https://gateway.test/pdirect")]);
    let configs = plain_object(
        r#"{"token": "sess_from_configs", "isProduction": false, "acceptLanguage": "fr"}"#,
    );
    js_sys::Reflect::set(&element, &"configs".into(), &configs).unwrap();
    click_pay(&element).await;
    TimeoutFuture::new(100).await;
    element.remove(); // stops the polling

    let calls = read(&calls, Call::from_json);
    assert_eq!(calls.len(), 1, "{calls:#?}");
    assert_eq!(
        calls[0].headers["authorization"],
        "Bearer sess_from_configs"
    );
    assert_eq!(calls[0].headers["accept-language"], "fr");
}

#[wasm_bindgen_test]
async fn a_payment_body_of_the_wrong_shape_is_a_config_error() {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element(DEFAULT_TAG_NAME).unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    let events = record_events(&element);
    let odd = plain_object(r#"{"walletPin": 48698}"#);
    js_sys::Reflect::set(&element, &"paymentBody".into(), &odd).unwrap();
    TimeoutFuture::new(20).await;
    let seen = read(&events, Seen::from_json);
    let error = seen
        .iter()
        .find(|event| event.kind == "error")
        .expect("an error event");
    assert_eq!(error.detail["errorCode"], "CONFIG_ERROR");
    // The reason, without a position in JSON text the page never wrote.
    assert_eq!(
        error.detail["message"],
        "paymentBody: invalid type: integer `48698`, expected a string"
    );
    element.remove();
}

#[wasm_bindgen_test]
async fn the_amount_of_the_payment_body_shows_when_no_attribute_sets_one() {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element(DEFAULT_TAG_NAME).unwrap();
    // Set as Angular and React set it: a property, before the element mounts.
    let body = plain_object(r#"{"amount": "12.50", "currency": "USD"}"#);
    js_sys::Reflect::set(&element, &"paymentBody".into(), &body).unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    TimeoutFuture::new(20).await;
    let shadow = element.shadow_root().unwrap();
    let text = |selector: &str| {
        shadow
            .query_selector(selector)
            .unwrap()
            .and_then(|node| node.text_content())
            .unwrap_or_default()
    };
    assert_eq!(text(".amount-value"), "$12.50");
    assert_eq!(text("button.pay"), "Pay $12.50");

    // Removed (its Rust side freed at once) and added back later: a fresh
    // checkout that still has the page's properties.
    element.remove();
    TimeoutFuture::new(20).await;
    document.body().unwrap().append_child(&element).unwrap();
    TimeoutFuture::new(20).await;
    let shadow = element.shadow_root().unwrap();
    assert_eq!(shadow.query_selector_all(".checkout").unwrap().length(), 1, "one view, not two");
    assert_eq!(text(".amount-value"), "$12.50");

    // An attribute still wins.
    element.set_attribute("amount", "7.25").unwrap();
    element.set_attribute("currency", "KES").unwrap();
    TimeoutFuture::new(20).await;
    assert_eq!(text(".amount-value"), "KES\u{a0}7.25");
    assert_eq!(text("button.pay"), "Pay KES\u{a0}7.25");
    element.remove();
}

/// The module hashes with sha2's compact SHA-256 (Cargo.toml, wasm only), so
/// its digests are checked here, in the browser, against sha256sum's: one
/// block, and several.
#[wasm_bindgen_test]
fn the_fingerprint_digest_in_the_module_is_sha256() {
    use pay_checkout::core::ids::device_fingerprint;
    assert_eq!(
        device_fingerprint(&[("a", "1".into())]),
        "fe3209d6d4f51935b391288a43df48d9ddece1a992597ae53387ca16611a9179"
    );
    assert_eq!(
        device_fingerprint(&[("screen", "x".repeat(200))]),
        "0ee8a0c183c43a480c02eb4eaa040d1988d23ffe11b7b5bb1ab682b599e7a2f8"
    );
}
