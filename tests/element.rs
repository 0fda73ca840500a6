//! `<pay-checkout>` in a real headless Chromium: definition, shadow root,
//! attributes, events and lifecycle. Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use js_sys::Reflect;
use pay_checkout::{define_element, DEFAULT_TAG_NAME};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Document, Element, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets microtasks, Leptos effects and deferred events run.
async fn settle() {
    TimeoutFuture::new(10).await;
}

/// A new element with `attributes`, appended to the body. Amounts below
/// are as Chromium formats them for its default language, en-US.
fn mount(attributes: &[(&str, &str)]) -> Element {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let element = document().create_element(DEFAULT_TAG_NAME).unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn shadow(element: &Element) -> ShadowRoot {
    element.shadow_root().expect("an open shadow root")
}

fn amount_text(element: &Element) -> String {
    shadow(element)
        .query_selector(".amount-value")
        .unwrap()
        .map(|node| node.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// Records the `detail` of every `name` event reaching `target`.
struct Recorder {
    details: Rc<RefCell<Vec<JsValue>>>,
    _listener: Closure<dyn Fn(CustomEvent)>,
}

impl Recorder {
    fn on(target: &web_sys::EventTarget, name: &str) -> Recorder {
        let details = Rc::new(RefCell::new(Vec::new()));
        let sink = details.clone();
        let listener = Closure::<dyn Fn(CustomEvent)>::new(move |event: CustomEvent| {
            assert!(event.bubbles(), "events bubble");
            assert!(event.composed(), "events cross shadow roots");
            sink.borrow_mut().push(event.detail());
        });
        target
            .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
        Recorder {
            details,
            _listener: listener,
        }
    }

    fn field(&self, index: usize, name: &str) -> Option<String> {
        let detail = self.details.borrow().get(index)?.clone();
        Reflect::get(&detail, &name.into()).ok()?.as_string()
    }

    fn count(&self) -> usize {
        self.details.borrow().len()
    }
}

/// A 12.50 USD element with `name="value"`, its `error` and `ready`
/// events recorded from before it joins the page.
fn appended_with(name: &str, value: &str) -> (Element, Recorder, Recorder) {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let element = document().create_element(DEFAULT_TAG_NAME).unwrap();
    for (attribute, value) in [("amount", "12.50"), ("currency", "USD"), (name, value)] {
        element.set_attribute(attribute, value).unwrap();
    }
    let errors = Recorder::on(&element, "error");
    let ready = Recorder::on(&element, "ready");
    document().body().unwrap().append_child(&element).unwrap();
    (element, errors, ready)
}

#[wasm_bindgen_test]
fn defines_once_and_a_second_definition_is_a_no_op() {
    assert_eq!(define_element("pay-checkout-once"), Ok(true));
    assert_eq!(define_element("pay-checkout-once"), Ok(false));
    let registry = web_sys::window().unwrap().custom_elements();
    assert!(!registry.get("pay-checkout-once").is_undefined());
    assert!(define_element("not a valid name").is_err());
}

#[wasm_bindgen_test]
async fn mounts_into_its_shadow_root_and_reads_attributes() {
    let element = mount(&[("amount", "12.50"), ("currency", "usd")]);
    settle().await;
    assert_eq!(amount_text(&element), "$12.50");
    assert!(
        element.text_content().unwrap_or_default().is_empty(),
        "nothing in the light DOM"
    );
    assert_eq!(
        shadow(&element)
            .query_selector_all(".checkout")
            .unwrap()
            .length(),
        1
    );
    element.remove();
}

#[wasm_bindgen_test]
async fn follows_an_attribute_change() {
    let element = mount(&[("amount", "12.50"), ("currency", "USD")]);
    settle().await;
    element.set_attribute("amount", "20").unwrap();
    element.set_attribute("currency", "UGX").unwrap();
    settle().await;
    assert_eq!(amount_text(&element), "UGX\u{a0}20");
    element.remove();
}

#[wasm_bindgen_test]
async fn dispatches_ready_to_a_listener_on_document() {
    let ready = Recorder::on(&document(), "ready");
    let element = mount(&[("gateway", "moment"), ("amount", "5"), ("currency", "USD")]);
    // Added after append(): the event is dispatched after the current task.
    let on_element = Recorder::on(&element, "ready");
    settle().await;
    assert_eq!(on_element.count(), 1);
    assert!(ready.count() >= 1);
    assert_eq!(on_element.field(0, "gateway").as_deref(), Some("moment"));
    element.remove();
}

#[wasm_bindgen_test]
async fn a_malformed_attribute_becomes_a_config_error_event() {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let element = document().create_element(DEFAULT_TAG_NAME).unwrap();
    element.set_attribute("amount", "12,50").unwrap();
    element.set_attribute("currency", "USD").unwrap();
    let errors = Recorder::on(&element, "error");
    let ready = Recorder::on(&element, "ready");
    document().body().unwrap().append_child(&element).unwrap();
    settle().await;
    assert_eq!(errors.count(), 1);
    assert_eq!(
        errors.field(0, "errorCode").as_deref(),
        Some("CONFIG_ERROR")
    );
    assert!(errors.field(0, "message").unwrap().starts_with("amount:"));
    assert_eq!(ready.count(), 0, "not ready while misconfigured");
    assert!(shadow(&element)
        .query_selector("[role=alert]")
        .unwrap()
        .is_some());

    element.set_attribute("amount", "12.50").unwrap();
    settle().await;
    assert_eq!(ready.count(), 1, "ready once the page fixes the attribute");
    assert_eq!(amount_text(&element), "$12.50");
    element.remove();
}

#[wasm_bindgen_test]
async fn every_bad_attribute_is_a_config_error_naming_it_and_the_element_recovers() {
    // (attribute, bad value, good value), on a PDirect checkout of 12.50 USD.
    let cases = [
        ("amount", "-5.00", "12.50"),
        ("amount", "abc", "12.50"),
        ("amount", "12.505", "12.50"),
        ("amount", "1e9", "12.50"),
        ("amount", "99999999999999999999999999", "12.50"),
        ("currency", "XYZ", "USD"),
        ("currency", "dollars", "USD"),
        ("gateway", "stripe", "pdirect"),
        ("environment", "prod", "sandbox"),
        ("presentation", "modal", "inline"),
        ("status-timeout", "0", "30"),
        ("status-timeout", "-1", "30"),
        ("status-timeout", "9999999", "30"),
        ("api-base", "javascript:alert(1)", "/pdirect"),
        (
            "session-url",
            "//evil.example/session",
            "/merchant/pdirect/session",
        ),
        ("return-url", "data:text/html,hi", "/"),
        ("launcher", "auto", "button"),
    ];
    for (name, bad, good) in cases {
        let (element, errors, ready) = appended_with(name, bad);
        settle().await;
        assert_eq!(errors.count(), 1, "{name}={bad}");
        assert_eq!(
            errors.field(0, "errorCode").as_deref(),
            Some("CONFIG_ERROR"),
            "{name}={bad}"
        );
        let message = errors.field(0, "message").unwrap();
        assert!(message.contains(name), "{name}={bad}: {message}");
        assert_eq!(ready.count(), 0, "{name}={bad}");

        element.set_attribute(name, good).unwrap();
        settle().await;
        assert_eq!(ready.count(), 1, "{name}: ready once fixed");
        element.remove();
    }
}

#[wasm_bindgen_test]
async fn a_wrong_theme_or_locale_is_reported_once_and_the_checkout_goes_on() {
    for (name, bad, good) in [("theme", "blue", "dark"), ("locale", "<b>fr</b>", "fr-CD")] {
        let (element, errors, ready) = appended_with(name, bad);
        settle().await;
        assert_eq!((ready.count(), errors.count()), (1, 1), "{name}={bad}");
        assert_eq!(errors.field(0, "errorCode").as_deref(), Some("CONFIG_ERROR"));
        assert!(errors.field(0, "message").unwrap().contains(name), "{name}={bad}");
        // Still a checkout the customer can pay with.
        assert!(shadow(&element).query_selector("button.pay").unwrap().is_some(), "{name}={bad}");
        // Another change that leaves the problem is not told again; a fix
        // is silent, as is a ready element staying ready.
        element.set_attribute("amount", "13.00").unwrap();
        settle().await;
        element.set_attribute(name, good).unwrap();
        settle().await;
        assert_eq!((ready.count(), errors.count()), (1, 1), "{name}: told once");
        element.remove();
    }
}

#[wasm_bindgen_test]
async fn unmounts_on_removal_and_mounts_again_on_return() {
    let element = mount(&[("amount", "1"), ("currency", "USD")]);
    settle().await;
    let container = shadow(&element)
        .query_selector("[part=container]")
        .unwrap()
        .unwrap();
    assert_eq!(container.child_element_count(), 1);

    element.remove();
    settle().await;
    assert_eq!(container.child_element_count(), 0, "the view is gone");

    document().body().unwrap().append_child(&element).unwrap();
    settle().await;
    assert_eq!(container.child_element_count(), 1);
    assert_eq!(amount_text(&element), "$1.00");
    element.remove();
}

#[wasm_bindgen_test]
async fn moving_an_element_does_not_mount_it_twice() {
    let body = document().body().unwrap();
    let first = document().create_element("div").unwrap();
    let second = document().create_element("div").unwrap();
    body.append_child(&first).unwrap();
    body.append_child(&second).unwrap();
    define_element(DEFAULT_TAG_NAME).unwrap();
    let element = document().create_element(DEFAULT_TAG_NAME).unwrap();
    let ready = Recorder::on(&element, "ready");
    first.append_child(&element).unwrap();
    settle().await;

    second.append_child(&element).unwrap(); // a move: removed and inserted at once
    settle().await;
    assert_eq!(ready.count(), 1, "one ready: the view was not remounted");
    assert_eq!(
        shadow(&element)
            .query_selector_all(".checkout")
            .unwrap()
            .length(),
        1
    );
    first.remove();
    second.remove();
}

#[wasm_bindgen_test]
async fn two_instances_do_not_share_state() {
    let one = mount(&[("amount", "1"), ("currency", "USD")]);
    let two = mount(&[("amount", "2"), ("currency", "KES")]);
    settle().await;
    one.set_attribute("amount", "3").unwrap();
    settle().await;
    assert_eq!(amount_text(&one), "$3.00");
    assert_eq!(amount_text(&two), "KES\u{a0}2.00");
    two.remove();
    settle().await;
    one.set_attribute("amount", "4").unwrap();
    settle().await;
    assert_eq!(
        amount_text(&one),
        "$4.00",
        "removing one leaves the other working"
    );
    one.remove();
}

#[wasm_bindgen_test]
async fn function_properties_must_be_functions_and_methods_exist() {
    let element = mount(&[("gateway", "moment"), ("presentation", "sheet")]);
    settle().await;
    let errors = Recorder::on(&element, "error");
    Reflect::set(
        &element,
        &"fetchClientToken".into(),
        &"not a function".into(),
    )
    .unwrap();
    settle().await;
    assert_eq!(errors.count(), 1);
    assert_eq!(
        errors.field(0, "errorCode").as_deref(),
        Some("CONFIG_ERROR")
    );
    assert_eq!(
        errors.field(0, "message").as_deref(),
        Some("fetchClientToken must be a function")
    );
    let token = js_sys::Function::new_no_args("return Promise.resolve('ct_x')");
    Reflect::set(&element, &"fetchClientToken".into(), &token).unwrap();
    settle().await;
    assert_eq!(errors.count(), 1, "a function is accepted");
    let stored = Reflect::get(&element, &"fetchClientToken".into()).unwrap();
    assert!(js_sys::Object::is(&stored, &token));
    for method in ["launch", "close", "reset"] {
        let value = Reflect::get(&element, &method.into()).unwrap();
        assert!(value.is_function(), "{method}() is a method");
    }
    element.remove();
}

#[wasm_bindgen_test]
async fn a_property_that_is_not_plain_data_is_a_config_error_and_plain_data_still_applies() {
    let element = mount(&[("gateway", "pdirect")]);
    let body = |amount: &str| js_sys::JSON::parse(&format!(r#"{{"amount": "{amount}", "currency": "USD"}}"#)).unwrap();
    Reflect::set(&element, &"paymentBody".into(), &body("7.25")).unwrap();
    settle().await;
    let errors = Recorder::on(&element, "error");
    // A cycle and a BigInt make JSON.stringify throw; a function is no data.
    let cycle = js_sys::Object::new();
    Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    let big = js_sys::eval("({ amount: 10n })").unwrap();
    let function = js_sys::Function::new_no_args("return 1");
    for (property, value) in [
        ("configs", cycle.into()),
        ("paymentBody", big),
        ("strings", function.into()),
    ] {
        Reflect::set(&element, &property.into(), &value).unwrap();
    }
    settle().await;
    assert_eq!(errors.count(), 3);
    for (index, property) in ["configs", "paymentBody", "strings"]
        .into_iter()
        .enumerate()
    {
        assert_eq!(
            errors.field(index, "errorCode").as_deref(),
            Some("CONFIG_ERROR")
        );
        assert_eq!(
            errors.field(index, "message"),
            Some(format!(
                "{property} must be plain data (objects, arrays, strings, numbers, booleans)"
            ))
        );
    }
    assert!(amount_text(&element).contains("7.25"), "the value it had stays: {}", amount_text(&element));
    Reflect::set(&element, &"paymentBody".into(), &body("8.40")).unwrap();
    settle().await;
    assert_eq!(errors.count(), 3, "plain data is taken");
    assert!(amount_text(&element).contains("8.40"), "{}", amount_text(&element));
    element.remove();
}

#[wasm_bindgen_test]
async fn a_secret_client_key_is_refused_before_any_request() {
    let element = document().create_element(DEFAULT_TAG_NAME).unwrap();
    element.set_attribute("gateway", "moment").unwrap();
    let configs = js_sys::JSON::parse(r#"{"clientKey":"sk_test_leaked"}"#).unwrap();
    Reflect::set(&element, &"configs".into(), &configs).unwrap();
    let errors = Recorder::on(&element, "error");
    document().body().unwrap().append_child(&element).unwrap();
    settle().await;
    assert_eq!(errors.count(), 1);
    assert_eq!(
        errors.field(0, "errorCode").as_deref(),
        Some("CONFIG_ERROR")
    );
    assert!(errors
        .field(0, "message")
        .unwrap_or_default()
        .contains("secret key"));
    element.remove();
}

#[wasm_bindgen_test]
async fn an_invoice_checkout_without_a_backend_says_so_and_offers_to_try_again() {
    let element = document().create_element(DEFAULT_TAG_NAME).unwrap();
    element.set_attribute("gateway", "invoice").unwrap();
    // In production nothing defaults: the page must name its backend.
    element.set_attribute("environment", "production").unwrap();
    let errors = Recorder::on(&element, "error");
    document().body().unwrap().append_child(&element).unwrap();
    settle().await;
    assert_eq!(errors.count(), 1);
    assert_eq!(
        errors.field(0, "errorCode").as_deref(),
        Some("CONFIG_ERROR")
    );
    assert_eq!(errors.field(0, "gateway").as_deref(), Some("invoice"));
    let retry = shadow(&element).query_selector("button.secondary").unwrap();
    assert_eq!(
        retry.and_then(|button| button.text_content()).as_deref(),
        Some("Try again")
    );
    element.remove();
}
