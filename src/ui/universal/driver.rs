//! `use_universal_flow`: runs the pure [`UniversalFlow`] through the
//! merchant backend (`{api-base}/init`, `{api-base}/status`), remembers the
//! order across the payment page, and resumes it on return.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::device::new_idempotency_key;
use crate::browser::http::{self, unreachable};
use crate::browser::navigation::leave_for_allowed;
use crate::browser::storage;
use crate::core::adapters::{universal, Failure};
use crate::core::json::{to_text, Map, Value};
use crate::core::universal_flow::{Effect, Input, Request, UniversalFlow};
use crate::json;
use crate::ui::runtime::{use_runtime, Runtime};

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

struct Order {
    setup: UniversalSetup,
    customer_id: String,
}

#[derive(Clone, Copy)]
pub struct UniversalCheckout {
    pub flow: RwSignal<UniversalFlow>,
    runtime: Runtime,
    order: StoredValue<Order, LocalStorage>,
}

fn closed() -> Failure {
    Failure::Unreachable {
        detail: "the checkout was closed".into(),
    }
}

pub fn use_universal_flow(setup: UniversalSetup) -> UniversalCheckout {
    // Blocked storage only means no resume: the payment itself goes on.
    let stored = storage::read(ORDER_KEY)
        .ok()
        .flatten()
        .filter(|id| is_order_id(id));
    let order_id = stored
        .clone()
        .unwrap_or_else(|| format!("pc-{}", new_idempotency_key()));
    let flow = UniversalFlow::new(order_id, setup.status_timeout);
    let handle = UniversalCheckout {
        flow: RwSignal::new(flow),
        runtime: use_runtime(),
        order: StoredValue::new_local(Order {
            setup,
            customer_id: String::new(),
        }),
    };
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
        self.order
            .try_update_value(|order| order.customer_id = customer_id);
        self.input(Input::Start);
    }

    pub fn provide(self, extra: Vec<(String, String)>) {
        self.input(Input::ProvideData(extra));
    }

    pub fn enter_otp(self, code: String) {
        self.input(Input::EnterOtp(code));
    }

    fn input(self, input: Input) {
        let effects = self.runtime.feed(self.flow, |flow| flow.handle(input));
        self.run_all(effects);
    }

    fn run_all(self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(self, effect: Effect) {
        let order_id = self.flow.with_untracked(|flow| flow.order_id().to_owned());
        match effect {
            Effect::Emit(event) => self.runtime.emit(event),
            Effect::Send { request, after } => {
                self.runtime
                    .after(after, self.send(order_id, request), move |answer| {
                        self.input(Input::Answered(answer))
                    })
            }
            Effect::Remember => {
                let _ = storage::write(ORDER_KEY, &order_id);
            }
            Effect::Forget => {
                let _ = storage::remove(ORDER_KEY);
            }
            Effect::OpenPaymentPage(url) => {
                let left = self.order.try_with_value(|order| {
                    leave_for_allowed(&url, &order.setup.payment_page_origins)
                });
                if left != Some(true) {
                    self.input(Input::RedirectBlocked(url));
                }
            }
            Effect::StartStatusTimeout(after) => self
                .runtime
                .after(after, async {}, move |()| self.input(Input::StatusTimedOut)),
        }
    }

    async fn send(self, order_id: String, request: Request) -> Result<universal::Answer, Failure> {
        let abort = self.runtime.abort_controller().ok_or_else(closed)?;
        let (setup, customer_id) = self
            .order
            .try_with_value(|order| (order.setup.clone(), order.customer_id.clone()))
            .ok_or_else(closed)?;
        let (path, body) = match request {
            Request::Init => {
                let mut extra = Map::new();
                extra.insert("return_url", &setup.return_url);
                if let Some(email) = &setup.email {
                    extra.insert("customer_email", email);
                }
                let body = json!({
                    "order_id": order_id, "amount": setup.amount, "currency": setup.currency,
                    "customer_id": customer_id, "extra": Value::Object(extra),
                });
                ("init", body)
            }
            Request::Status(extra) => {
                let mut body = Map::new();
                body.insert("order_id", order_id);
                if !extra.is_empty() {
                    let fields: Map = extra.into_iter().map(|(name, value)| (name, Value::from(value))).collect();
                    body.insert("extra", fields);
                }
                ("status", Value::Object(body))
            }
        };
        let url = format!("{}/{path}", setup.base);
        let headers = [("Content-Type", "application/json")];
        match http::send("POST", &url, &headers, Some(&to_text(&body)), &abort).await {
            Ok(answer) => universal::read(answer.status, &answer.body),
            Err(error) => Err(unreachable(&error)),
        }
    }
}
