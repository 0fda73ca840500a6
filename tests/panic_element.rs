//! A panic inside the module, in a page of its own (after it, the module
//! stays stopped for the page): every checkout says so with an `error`
//! event, and the console names where, never the panic's message. Run by
//! `make test-wasm`, which turns on the `test-hooks` feature.
#![cfg(all(target_arch = "wasm32", feature = "test-hooks"))]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use js_sys::{Function, Reflect};
use pay_checkout::{define_element, install_panic_hook, panic_soon, DEFAULT_TAG_NAME};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(attributes: &[(&str, &str)]) -> Element {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element(DEFAULT_TAG_NAME).unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn field(detail: &JsValue, name: &str) -> JsValue {
    Reflect::get(detail, &name.into()).unwrap()
}

fn shadow_text(element: &Element) -> String {
    element
        .shadow_root()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

/// Runs page JavaScript that the test needs around the module.
fn run(script: &str) -> JsValue {
    Function::new_no_args(script).call0(&JsValue::NULL).unwrap()
}

#[wasm_bindgen_test]
async fn a_panic_stops_every_checkout_with_an_internal_error_and_no_secret_in_the_console() {
    install_panic_hook();
    let pdirect = mount(&[("amount", "12.50"), ("currency", "USD")]);
    let universal = mount(&[("gateway", "universal")]);
    TimeoutFuture::new(20).await;
    assert!(shadow_text(&pdirect).contains("$12.50"));

    let errors = Rc::new(RefCell::new(Vec::new()));
    let sink = errors.clone();
    let listener = Closure::<dyn Fn(CustomEvent)>::new(move |event: CustomEvent| {
        sink.borrow_mut().push(event.detail());
    });
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .add_event_listener_with_callback("error", listener.as_ref().unchecked_ref())
        .unwrap();
    // Keep what the console is told, and let the trap that ends the
    // panicking task pass without failing the page.
    run("window.logged = [];
         const original = console.error;
         console.error = (...args) => { window.logged.push(args.map(String).join(' ')); original.apply(console, args); };
         window.addEventListener('error', (event) => {
           if (event.error instanceof WebAssembly.RuntimeError) event.preventDefault();
         });");

    panic_soon("bad state with token sess_9f8e7d6c5b4a and PIN 048698".into());
    TimeoutFuture::new(100).await;

    let seen = errors.borrow().clone();
    assert_eq!(seen.len(), 2, "one error event per checkout");
    let gateways: Vec<String> = seen
        .iter()
        .map(|detail| field(detail, "gateway").as_string().unwrap())
        .collect();
    assert_eq!(gateways, ["pdirect", "universal"]);
    for detail in &seen {
        assert_eq!(
            field(detail, "errorCode").as_string().as_deref(),
            Some("INTERNAL_ERROR")
        );
        assert_eq!(field(detail, "retryable").as_bool(), Some(false));
    }
    for element in [&pdirect, &universal] {
        assert!(shadow_text(element).contains("The checkout stopped after an internal error"));
    }

    let logged: Vec<String> = serde_wasm_bindgen::from_value(run("return window.logged;")).unwrap();
    let ours: Vec<&String> = logged
        .iter()
        .filter(|line| line.contains("pay-checkout"))
        .collect();
    assert_eq!(ours.len(), 1, "{logged:?}");
    assert!(
        ours[0].starts_with("pay-checkout: internal error at "),
        "{}",
        ours[0]
    );
    assert!(ours[0].contains("panic.rs"), "names where: {}", ours[0]);
    for line in &logged {
        assert!(
            !line.contains("sess_9f8e7d6c5b4a") && !line.contains("048698"),
            "{line}"
        );
    }

    // The page goes on: attributes change without reaching the module, and
    // a checkout added now says at once that it cannot run.
    pdirect.set_attribute("amount", "99.00").unwrap();
    let late = mount(&[("gateway", "paygate")]);
    TimeoutFuture::new(20).await;
    assert!(shadow_text(&late).contains("The checkout stopped"));
    assert_eq!(errors.borrow().len(), 3);
    assert_eq!(
        field(&errors.borrow()[2], "gateway").as_string().as_deref(),
        Some("paygate")
    );
}
