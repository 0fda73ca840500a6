//! `use_universal_flow`: runs the pure [`UniversalFlow`] through the
//! merchant backend (`{api-base}/init`, `{api-base}/status`), remembers the
//! order across the payment page, and resumes it on return.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::{json, Map, Value};
use web_sys::AbortController;

use crate::browser::device::new_idempotency_key;
use crate::browser::events::EventSink;
use crate::browser::http::{self, unreachable};
use crate::browser::storage;
use crate::browser::timers::sleep;
use crate::core::adapters::universal;
use crate::core::redirect::payment_page_allowed;
use crate::core::universal_flow::{Effect, Input, Request, UniversalFlow};

/// The order reference kept across the payment page: an id, nothing secret.
const ORDER_KEY: &str = "pay-checkout:universal:order";

#[derive(Clone, Debug)]
pub struct UniversalSetup {
    /// The merchant backend's universal routes, e.g. `/merchant/universal`.
    pub base: String,
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub return_url: String,
    pub email: Option<String>,
    pub status_timeout: Duration,
    /// `configs.paymentPageOrigins`.
    pub payment_page_origins: Vec<String>,
}

struct Driver {
    setup: UniversalSetup,
    sink: EventSink,
    alive: bool,
    abort: AbortController,
    customer_id: String,
}

#[derive(Clone, Copy)]
pub struct UniversalCheckout {
    pub flow: RwSignal<UniversalFlow>,
    driver: StoredValue<Option<Driver>, LocalStorage>,
}

pub fn use_universal_flow(setup: UniversalSetup) -> UniversalCheckout {
    let sink = expect_context::<EventSink>();
    // Blocked storage only means no resume: the payment itself goes on.
    let stored = storage::read(ORDER_KEY)
        .ok()
        .flatten()
        .filter(|id| is_order_id(id));
    let order_id = stored
        .clone()
        .unwrap_or_else(|| format!("pc-{}", new_idempotency_key()));
    let flow = UniversalFlow::new(order_id, setup.status_timeout);
    let driver = AbortController::new().ok().map(|abort| Driver {
        setup,
        sink,
        alive: true,
        abort,
        customer_id: String::new(),
    });
    let handle = UniversalCheckout {
        flow: RwSignal::new(flow),
        driver: StoredValue::new_local(driver),
    };
    on_cleanup(move || {
        handle.driver.try_update_value(|driver| {
            if let Some(driver) = driver {
                driver.alive = false;
                driver.abort.abort();
            }
        });
    });
    if let Some(effects) = handle.flow.try_update(UniversalFlow::start) {
        handle.run_all(effects);
    }
    if stored.is_some() {
        handle.input(Input::Resume);
    }
    handle
}

/// The gateway's order_id rules: 1 to 128 of `[a-zA-Z0-9_-:.]`.
fn is_order_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
}

impl UniversalCheckout {
    /// Pay with this phone number (digits, country code first).
    pub fn pay(self, customer_id: String) {
        self.driver
            .try_update_value(|driver| driver.as_mut().map(|d| d.customer_id = customer_id));
        self.input(Input::Start);
    }

    pub fn provide(self, extra: Vec<(String, String)>) {
        self.input(Input::ProvideData(extra));
    }

    pub fn enter_otp(self, code: String) {
        self.input(Input::EnterOtp(code));
    }

    fn input(self, input: Input) {
        let alive = self
            .driver
            .try_with_value(|driver| driver.as_ref().is_some_and(|d| d.alive));
        if alive != Some(true) {
            return;
        }
        if let Some(effects) = self.flow.try_update(|flow| flow.handle(input)) {
            self.run_all(effects);
        }
    }

    fn run_all(self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(self, effect: Effect) {
        let order_id = self.flow.with_untracked(|flow| flow.order_id().to_owned());
        match effect {
            Effect::Emit(event) => {
                self.driver
                    .try_with_value(|driver| driver.as_ref().map(|d| d.sink.emit(event)));
            }
            Effect::Send { request, after } => spawn_local(async move {
                sleep(after).await;
                let answer = self.send(&order_id, request).await;
                self.input(Input::Answered(answer));
            }),
            Effect::Remember => {
                let _ = storage::write(ORDER_KEY, &order_id);
            }
            Effect::Forget => {
                let _ = storage::remove(ORDER_KEY);
            }
            Effect::OpenPaymentPage(url) => {
                let allowed = self.driver.try_with_value(|driver| {
                    driver
                        .as_ref()
                        .is_some_and(|d| is_allowed_page(&url, &d.setup.payment_page_origins))
                });
                if allowed == Some(true) {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().assign(&url);
                    }
                } else {
                    self.input(Input::RedirectBlocked(url));
                }
            }
            Effect::StartStatusTimeout(after) => spawn_local(async move {
                sleep(after).await;
                self.input(Input::StatusTimedOut);
            }),
        }
    }

    async fn send(
        self,
        order_id: &str,
        request: Request,
    ) -> Result<universal::Answer, crate::core::adapters::Failure> {
        let Some((setup, abort, customer_id)) = self
            .driver
            .try_with_value(|driver| {
                driver
                    .as_ref()
                    .map(|d| (d.setup.clone(), d.abort.clone(), d.customer_id.clone()))
            })
            .flatten()
        else {
            return Err(crate::core::adapters::Failure::Unreachable {
                detail: "the checkout was closed".into(),
            });
        };
        let (path, body) = match request {
            Request::Init => {
                let mut extra = Map::new();
                extra.insert("return_url".into(), json!(setup.return_url));
                if let Some(email) = &setup.email {
                    extra.insert("customer_email".into(), json!(email));
                }
                let body = json!({
                    "order_id": order_id, "amount": setup.amount, "currency": setup.currency,
                    "customer_id": customer_id, "extra": Value::Object(extra),
                });
                ("init", body)
            }
            Request::Status(extra) => {
                let mut body = json!({ "order_id": order_id });
                if !extra.is_empty() {
                    let fields: Map<String, Value> = extra
                        .into_iter()
                        .map(|(name, value)| (name, json!(value)))
                        .collect();
                    body["extra"] = Value::Object(fields);
                }
                ("status", body)
            }
        };
        let url = format!("{}/{path}", setup.base);
        let headers = [("Content-Type", "application/json")];
        match http::send("POST", &url, &headers, Some(&body.to_string()), &abort).await {
            Ok(answer) => universal::read(answer.status, &answer.body),
            Err(error) => Err(unreachable(&error)),
        }
    }
}

/// The allow-list check, with this page's own origin.
fn is_allowed_page(url: &str, allowed_origins: &[String]) -> bool {
    let own_origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    payment_page_allowed(url, &own_origin, allowed_origins)
}
