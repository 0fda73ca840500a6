//! The universal gateway simulator under `/universal/{public_id}/…`:
//! signed INIT (`payment_c2b`, `payment_b2c`) and STATUS, the Universal Flow
//! (status 8 with `action.fields` / `action.errors`), OTP, a hosted payment
//! page, and signed callbacks on final statuses.

mod answer;
mod orders;
mod page;
mod requests;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::request_origin;
use crate::ids;
use crate::ledger::LedgerEntry;
use crate::signature;
use crate::webhooks::Webhooks;
use answer::{code, refusal};
use orders::{Order, Stage};

pub use requests::{SANDBOX_MERCHANT_ID, SANDBOX_PUBLIC_ID, SANDBOX_SECRET};

/// How long "in progress" lasts before the sandbox settles.
const SETTLE_AFTER: Duration = Duration::from_secs(2);

pub struct Simulator {
    orders: Mutex<HashMap<String, Order>>,
    webhooks: Arc<Webhooks>,
}

type Answer = (StatusCode, Value);

pub fn routes(simulator: Arc<Simulator>) -> Router {
    Router::new()
        .route("/universal/{public_id}/payment_c2b", post(init_c2b))
        .route("/universal/{public_id}/payment_b2c", post(init_b2c))
        .route("/universal/{public_id}/status", post(status))
        .route("/universal/pp/{token}", get(page::show))
        .route("/universal/pp/{token}/{choice}", post(page::choose))
        .with_state(simulator)
}

async fn init_c2b(
    simulator: State<Arc<Simulator>>,
    public_id: Path<String>,
    headers: HeaderMap,
    request: Json<Value>,
) -> (StatusCode, Json<Value>) {
    init(simulator, public_id, headers, request, false)
}

async fn init_b2c(
    simulator: State<Arc<Simulator>>,
    public_id: Path<String>,
    headers: HeaderMap,
    request: Json<Value>,
) -> (StatusCode, Json<Value>) {
    init(simulator, public_id, headers, request, true)
}

fn init(
    State(simulator): State<Arc<Simulator>>,
    Path(public_id): Path<String>,
    headers: HeaderMap,
    Json(request): Json<Value>,
    payout: bool,
) -> (StatusCode, Json<Value>) {
    let (status, body) = simulator.init(&public_id, &request, &request_origin(&headers), payout);
    (status, Json(body))
}

async fn status(
    State(simulator): State<Arc<Simulator>>,
    Path(public_id): Path<String>,
    headers: HeaderMap,
    Json(request): Json<Value>,
) -> (StatusCode, Json<Value>) {
    let (status, body) = simulator.status(&public_id, &request, &request_origin(&headers));
    (status, Json(body))
}

impl Simulator {
    pub fn new(webhooks: Arc<Webhooks>) -> Self {
        Simulator {
            orders: Mutex::default(),
            webhooks,
        }
    }

    fn orders(&self) -> std::sync::MutexGuard<'_, HashMap<String, Order>> {
        self.orders.lock().expect("universal orders")
    }

    /// Every order, for the sandbox's ledger: status 2 moved money.
    pub fn ledger_entries(&self) -> Vec<LedgerEntry> {
        let mut entries: Vec<LedgerEntry> = self
            .orders()
            .values()
            .map(|order| {
                let status = match order.stage {
                    Stage::Final { status: 2, .. } => "approved",
                    Stage::Final { status: 4, .. } => "cancelled",
                    Stage::Final { .. } => "failed",
                    _ => "pending",
                };
                let ids = vec![order.order_id.clone(), order.transaction_id.clone()];
                LedgerEntry::new("universal", ids, status)
            })
            .collect();
        entries.sort_by(|a, b| a.ids.cmp(&b.ids));
        entries
    }

    /// INIT: a new order, or the first answer again for a known order_id
    /// (unless it confirms a payout). `payout` for `payment_b2c`.
    pub fn init(
        self: &Arc<Self>,
        public_id: &str,
        request: &Value,
        origin: &str,
        payout: bool,
    ) -> Answer {
        let order_id = request
            .get("order_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if let Err((status, code, message)) = requests::authenticate(public_id, request) {
            return (status, refusal(&order_id, code, &message));
        }
        let known = self.orders().get_mut(&order_id).map(|existing| {
            let confirmed = if payout {
                existing.confirm(request)
            } else {
                None
            };
            let settle = confirmed.is_some() && existing.stage == Stage::InProgress;
            (
                confirmed.unwrap_or_else(|| existing.init_answer.clone()),
                settle,
            )
        });
        if let Some((answer, settle)) = known {
            if settle {
                self.settle_later(order_id);
            }
            return (StatusCode::OK, answer);
        }
        let init = match requests::read_init(request) {
            Ok(init) => init,
            Err(message) => {
                return (
                    StatusCode::BAD_REQUEST,
                    refusal(&order_id, code::BAD_FIELD, &message),
                )
            }
        };
        let mut order = Order {
            order_id: order_id.clone(),
            transaction_id: ids::hex(12)
                .chars()
                .map(|c| if c.is_ascii_digit() { c } else { '7' })
                .collect(),
            customer_id: init.customer_id,
            callback_url: init.callback_url,
            return_url: init.return_url,
            page_token: ids::hex(40),
            stage: Stage::DataRequired,
            init_answer: Value::Null,
        };
        order.stage = order.first_stage(init.customer_email.as_deref(), payout);
        // The INIT answer never carries the `action` block.
        let mut answer = order.answer(&page::url(origin, &order.page_token));
        if let Some(fields) = answer.as_object_mut() {
            fields.remove("action");
        }
        order.init_answer = answer.clone();
        let in_progress = order.stage == Stage::InProgress;
        self.orders().insert(order_id.clone(), order);
        if in_progress {
            self.settle_later(order_id);
        }
        (StatusCode::OK, answer)
    }

    /// STATUS: the order's state, after applying `extra` for this call.
    pub fn status(self: &Arc<Self>, public_id: &str, request: &Value, origin: &str) -> Answer {
        let order_id = request
            .get("order_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if let Err((status, code, message)) = requests::authenticate(public_id, request) {
            return (status, refusal(&order_id, code, &message));
        }
        let (answer, settle, finished) = {
            let mut orders = self.orders();
            let Some(order) = orders.get_mut(&order_id) else {
                return (
                    StatusCode::NOT_FOUND,
                    refusal(&order_id, code::UNKNOWN_ORDER, "unknown order_id"),
                );
            };
            let was_final = order.is_final();
            let special = order.apply_status_extra(request.get("extra"));
            let answer =
                special.unwrap_or_else(|| order.answer(&page::url(origin, &order.page_token)));
            (
                answer,
                order.stage == Stage::InProgress,
                !was_final && order.is_final(),
            )
        };
        if settle {
            self.settle_later(order_id.clone());
        }
        if finished {
            self.notify(&order_id);
        }
        (StatusCode::OK, answer)
    }

    /// The hosted page's outcome: paid (2) or cancelled (4).
    pub fn finish_on_page(&self, token: &str, paid: bool) -> Option<(String, Option<String>)> {
        let (order_id, return_url) = {
            let mut orders = self.orders();
            let order = orders
                .values_mut()
                .find(|order| order.page_token == token && order.stage == Stage::PaymentPage)?;
            order.stage = if paid {
                orders::final_stage(answer::status::SUCCESS, code::OK, "OK")
            } else {
                orders::final_stage(
                    answer::status::CANCELLED,
                    code::OK,
                    "Cancelled by the customer",
                )
            };
            (order.order_id.clone(), order.return_url.clone())
        };
        self.notify(&order_id);
        Some((order_id, return_url))
    }

    fn settle_later(self: &Arc<Self>, order_id: String) {
        let simulator = Arc::clone(self);
        tokio::spawn(async move {
            tokio::time::sleep(SETTLE_AFTER).await;
            let settled = {
                let mut orders = simulator.orders();
                match orders.get_mut(&order_id) {
                    Some(order) if order.stage == Stage::InProgress => match order.settlement() {
                        Some(stage) => {
                            order.stage = stage;
                            true
                        }
                        None => false,
                    },
                    _ => false,
                }
            };
            if settled {
                simulator.notify(&order_id);
            }
        });
    }

    /// The signed callback of a final status, to `callback_url` if any.
    fn notify(&self, order_id: &str) {
        let Some((url, mut body)) = self.orders().get(order_id).and_then(|order| {
            let answer = order.answer("");
            let url = order.callback_url.clone()?;
            Some((
                url,
                json!({
                    "transaction_id": answer["transaction_id"],
                    "order_id": answer["order_id"],
                    "service_id": answer["service_id"],
                    "service_version": answer["service_version"],
                    "service_date_time": answer["service_date_time"],
                    "status": answer["status"],
                    "result": answer["result"],
                }),
            ))
        }) else {
            return;
        };
        body["signature"] = json!(signature::sign(&body, SANDBOX_SECRET).unwrap_or_default());
        let webhooks = self.webhooks.clone();
        tokio::spawn(async move { webhooks.send("universal", &url, body).await });
    }
}
