//! `use_paygate_checkout`: creates the checkout session through the
//! merchant backend (`{api-base}/checkout`), sends the customer to its
//! `url`, and on the way back verifies it (`{api-base}/verify`) and reports
//! the outcome once.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::http::{self, unreachable};
use crate::browser::navigation;
use crate::browser::return_visit::{self, ReturnVisit};
use crate::core::adapters::Failure;
use crate::core::events::{CheckoutEvent, ErrorCode, ErrorDetail, ResponseDetail, Step};
use crate::core::gateway::Gateway;
use crate::core::i18n::{Key, Notice};
use crate::core::hosted::paygate::{outcome, read, return_urls, Created, Verification};
use crate::core::json::to_text;
use crate::core::money::Money;
use crate::core::status::PaymentStatus;
use crate::core::wire_amount::to_wire;
use crate::json;
use crate::ui::hosted_screen::{Retry, Screen};
use crate::ui::runtime::{use_runtime, Runtime};

/// Verification requests tried before the customer is asked to retry.
const VERIFY_TRIES: u32 = 3;

#[derive(Clone, Debug)]
pub struct PaygateSetup {
    /// The merchant backend's PayGate routes, e.g. `/merchant/paygate`.
    pub base: String,
    pub amount: Option<Money>,
    pub email: Option<String>,
    pub payment_page_origins: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct PaygateCheckout {
    pub screen: RwSignal<Screen>,
    runtime: Runtime,
    setup: StoredValue<PaygateSetup>,
}

fn step_of(screen: &Screen) -> Option<Step> {
    match screen {
        Screen::Ready => Some(Step::Form),
        Screen::Leaving => Some(Step::Redirect),
        Screen::Verifying => Some(Step::Awaiting),
        Screen::Result { .. } => Some(Step::Result),
        // PayGate's checkout is a page of its own, never a frame here.
        Screen::Creating | Screen::Checkout | Screen::Problem { .. } => None,
    }
}

pub fn use_paygate_checkout(setup: PaygateSetup) -> PaygateCheckout {
    let checkout = PaygateCheckout {
        screen: RwSignal::new(Screen::Ready),
        runtime: use_runtime(),
        setup: StoredValue::new(setup),
    };
    match return_visit::read() {
        Ok(None) => checkout.show(Screen::Ready),
        Ok(Some(visit)) => checkout.returned(visit),
        Err(problem) => {
            return_visit::tidy_address();
            checkout.fail_telling(
                Key::ErrorInvalidReturn.into(),
                ErrorDetail::new(
                    Gateway::Paygate,
                    ErrorCode::ValidationError.as_str(),
                    problem.to_string(),
                    false,
                ),
                Retry::Start,
            );
        }
    }
    checkout
}

impl PaygateCheckout {
    fn show(self, screen: Screen) {
        self.runtime.step(Gateway::Paygate, step_of(&screen));
        self.screen.set(screen);
    }

    /// The customer is told what the error's code means.
    fn fail(self, detail: ErrorDetail, retry: Retry) {
        self.fail_telling(Notice::for_error(Gateway::Paygate, &detail.error_code), detail, retry);
    }

    fn fail_telling(self, notice: Notice, detail: ErrorDetail, retry: Retry) {
        self.runtime.emit(CheckoutEvent::Error(detail));
        self.show(Screen::Problem { notice, retry });
    }

    /// The customer chose to pay: open a session and go to its page.
    pub fn pay(self) {
        if matches!(
            self.screen.get_untracked(),
            Screen::Creating | Screen::Leaving
        ) {
            return;
        }
        self.screen.set(Screen::Creating);
        leptos::task::spawn_local(async move {
            let created = self.create().await;
            if !self.runtime.is_alive() {
                return;
            }
            match created {
                Ok(created) => self.leave_for(created),
                Err(failure) => self.fail(
                    ErrorDetail::from_failure(Gateway::Paygate, &failure),
                    Retry::Again,
                ),
            }
        });
    }

    pub fn retry(self, retry: Retry) {
        match retry {
            Retry::Again => self.pay(),
            Retry::Start => self.show(Screen::Ready),
            Retry::Verify(session_id, cancelled) => self.verify(session_id, cancelled, 1),
        }
    }

    async fn create(self) -> Result<Created, Failure> {
        let setup = self.setup.get_value();
        let (success_url, cancel_url) = return_urls(&navigation::page_url());
        let body = json!({
            "amount": setup.amount.map(|amount| to_wire(Gateway::Paygate, amount).to_json()),
            "currency": setup.amount.map(|amount| amount.currency().code()),
            "successUrl": success_url,
            "cancelUrl": cancel_url,
            "customerEmail": setup.email,
        });
        let abort = self.runtime.abort_controller().ok_or_else(closed)?;
        let url = format!("{}/checkout", setup.base);
        let headers = [("Content-Type", "application/json")];
        let answer = http::send("POST", &url, &headers, Some(&to_text(&body)), &abort)
            .await
            .map_err(|error| unreachable(&error))?;
        read(answer.status, &answer.body, Created::from_json)
    }

    fn leave_for(self, created: Created) {
        let checked = self
            .setup
            .with_value(|setup| navigation::check(&created.url, &setup.payment_page_origins));
        if let Err(refusal) = checked {
            let detail = ErrorDetail::new(
                Gateway::Paygate,
                ErrorCode::RedirectBlocked.as_str(),
                format!("The checkout page was not opened: {refusal}."),
                false,
            );
            return self.fail(detail, Retry::Again);
        }
        self.runtime.emit(CheckoutEvent::Response(ResponseDetail {
            gateway: Gateway::Paygate,
            transaction_id: created.id,
            payment_status: PaymentStatus::Pending,
            message: None,
            amount: None,
            currency: None,
            fee_amount: None,
            total_amount: None,
            created_at: None,
        }));
        self.show(Screen::Leaving);
        navigation::go_to(&created.url);
    }

    /// Back from the checkout page.
    fn returned(self, visit: ReturnVisit) {
        return_visit::tidy_address();
        match visit.reported {
            // Already reported in this tab: show it, say nothing twice.
            Some(status) => self.screen.set(Screen::Result {
                session_id: visit.session_id,
                status,
            }),
            None => self.verify(visit.session_id, visit.cancelled, 1),
        }
    }

    fn verify(self, session_id: String, cancelled: bool, tries: u32) {
        self.show(Screen::Verifying);
        let wait = Duration::from_secs(u64::from(tries - 1));
        let id = session_id.clone();
        self.runtime
            .after(wait, self.fetch_verification(id), move |answer| {
                let settled = answer.map(|verification| outcome(&verification, cancelled));
                match settled {
                    Ok(Some(status)) => self.finish(session_id, status),
                    Ok(None) | Err(Failure::Unreachable { .. } | Failure::Malformed { .. })
                        if tries < VERIFY_TRIES =>
                    {
                        self.verify(session_id, cancelled, tries + 1)
                    }
                    Ok(None) => self.finish(session_id, PaymentStatus::Pending),
                    // The backend knows no such session (a stale return
                    // address): nothing to check again.
                    Err(failure @ Failure::Refused { .. }) => {
                        let detail = ErrorDetail::from_failure(Gateway::Paygate, &failure);
                        self.fail_telling(Key::ErrorInvalidReturn.into(), detail, Retry::Start);
                    }
                    Err(failure) => {
                        let detail = ErrorDetail::from_failure(Gateway::Paygate, &failure);
                        self.fail(detail, Retry::Verify(session_id, cancelled));
                    }
                }
            });
    }

    async fn fetch_verification(self, session_id: String) -> Result<Verification, Failure> {
        let abort = self.runtime.abort_controller().ok_or_else(closed)?;
        let base = self.setup.with_value(|setup| setup.base.clone());
        let url = format!("{base}/verify?session_id={session_id}");
        let answer = http::send("GET", &url, &[], None, &abort)
            .await
            .map_err(|error| unreachable(&error))?;
        read(answer.status, &answer.body, Verification::from_json)
    }

    fn finish(self, session_id: String, status: PaymentStatus) {
        self.runtime
            .complete_session(Gateway::Paygate, &session_id, status);
        self.show(Screen::Result { session_id, status });
    }
}

fn closed() -> Failure {
    Failure::Unreachable {
        detail: "the checkout was closed".into(),
    }
}
