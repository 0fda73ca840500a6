//! `use_invoice_flow`: runs the pure [`InvoiceFlow`] against the merchant
//! backend, sessionStorage, timers and the push channel.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;

use super::api::{self, InvoiceSetup};
use super::live_channel::{use_live_channel, LiveChannel};
use crate::browser::device::new_idempotency_key;
use crate::browser::http::Answer;
use crate::browser::{return_visit, storage};
use crate::core::adapters::{Accepted, Failure, StatusUpdate};
use crate::core::invoice::flow::{Effect, Input, InvoiceFlow, Phase};
use crate::core::invoice::wire::{self, Checkout, InvoiceSummary, Receipt};
use crate::core::invoice::{is_reference, reference_key};
use crate::core::json::to_text;
use crate::json;
use crate::ui::runtime::{use_runtime, Runtime};

/// What the customer chose on the form: sent with every send of a payment.
#[derive(Clone, Debug, PartialEq)]
pub struct WalletChoice {
    pub phone_number: String,
    pub gateway_provider: String,
    /// The wallet's currency (FX applies when it is not the invoice's).
    pub currency: String,
}

/// The receipt once the payment is approved.
#[derive(Clone, Debug, PartialEq)]
pub enum ReceiptState {
    NotYet,
    Ready(Receipt),
    /// Could not be fetched; the reference still identifies the payment.
    Unavailable,
}

struct State {
    setup: InvoiceSetup,
    checkout: Option<Checkout>,
    choice: Option<WalletChoice>,
}

#[derive(Clone, Copy)]
pub struct InvoiceDriver {
    pub flow: RwSignal<InvoiceFlow>,
    pub invoice: RwSignal<Option<InvoiceSummary>>,
    pub receipt: RwSignal<ReceiptState>,
    runtime: Runtime,
    state: StoredValue<State, LocalStorage>,
    live: LiveChannel,
}

fn closed() -> Failure {
    Failure::Unreachable {
        detail: "the checkout was closed".into(),
    }
}

pub fn use_invoice_flow(setup: InvoiceSetup) -> InvoiceDriver {
    let driver = InvoiceDriver {
        flow: RwSignal::new(InvoiceFlow::new(setup.status_timeout)),
        invoice: RwSignal::new(None),
        receipt: RwSignal::new(ReceiptState::NotYet),
        runtime: use_runtime(),
        state: StoredValue::new_local(State {
            setup,
            checkout: None,
            choice: None,
        }),
        live: use_live_channel(),
    };
    let start = driver.flow.with_untracked(InvoiceFlow::start);
    driver.run_all(start);
    driver
}

impl InvoiceDriver {
    /// Pay with this wallet; `setup` is read afresh (latest attributes).
    pub fn pay(self, choice: WalletChoice, setup: InvoiceSetup) {
        let timeout = setup.status_timeout;
        self.state.try_update_value(|state| {
            state.choice = Some(choice);
            state.setup = setup;
        });
        self.flow
            .try_update(|flow| flow.set_status_timeout(timeout));
        self.input(Input::Pay {
            fresh_reference: new_idempotency_key(),
        });
    }

    pub fn reload(self) {
        self.input(Input::Reload);
    }

    /// Runs `task` after `after` and hands its output to `then`, while the
    /// view lives (see [`Runtime::after`]).
    pub fn after<T: 'static>(
        self,
        after: Duration,
        task: impl Future<Output = T> + 'static,
        then: impl FnOnce(T) + 'static,
    ) {
        self.runtime.after(after, task, then);
    }

    pub fn emit(self, event: crate::core::events::CheckoutEvent) {
        self.runtime.emit(event);
    }

    /// A GET to one of the checkout's routes (operator, fees).
    pub fn get(self, path: String) -> impl Future<Output = Result<Answer, Failure>> {
        self.call("GET", path, None)
    }

    fn call(
        self,
        method: &'static str,
        path: String,
        body: Option<String>,
    ) -> impl Future<Output = Result<Answer, Failure>> {
        let context = self.state.try_with_value(|state| {
            (
                state.setup.clone(),
                state.checkout.as_ref().map(|c| c.credential.clone()),
            )
        });
        let abort = self.runtime.abort_controller();
        async move {
            let (Some((setup, Some(credential))), Some(abort)) = (context, abort) else {
                return Err(closed());
            };
            let renewed = |checkout: &Checkout| {
                let credential = checkout.credential.clone();
                self.state.try_update_value(|state| {
                    state.checkout.as_mut().map(|c| c.credential = credential)
                });
            };
            api::call(
                &setup,
                &credential,
                method,
                &path,
                body.as_deref(),
                &abort,
                renewed,
            )
            .await
        }
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
        let runtime = self.runtime;
        match effect {
            Effect::LoadCheckout => runtime.after(Duration::ZERO, self.load(), move |answer| {
                self.loaded(answer)
            }),
            Effect::Remember(reference) => {
                // Blocked storage loses only the resume after a reload.
                if let Some(key) = self.session_key() {
                    let _ = storage::write(&key, &reference);
                }
            }
            Effect::Execute { reference, after } => {
                runtime.after(after, self.execute(reference), move |answer| {
                    self.input(Input::Executed(answer))
                })
            }
            Effect::ReadStatus { reference, after } => {
                runtime.after(after, self.read_status(reference), move |answer| {
                    self.input(Input::StatusRead(answer))
                })
            }
            Effect::Listen(reference) => {
                runtime.after(Duration::ZERO, self.stream_url(reference), move |url| {
                    self.listen(url)
                })
            }
            Effect::StopListening => {
                self.live.close();
            }
            Effect::StartStatusTimeout(after) => {
                runtime.after(after, async {}, move |()| self.input(Input::StatusTimedOut))
            }
            Effect::Record { reference, status } => return_visit::record(&reference, status),
            Effect::FetchReceipt(reference) => self.fetch_receipt(reference, 0),
            Effect::Emit(event) => runtime.emit(event),
        }
    }

    fn session_key(self) -> Option<String> {
        self.state
            .try_with_value(|state| {
                state
                    .checkout
                    .as_ref()
                    .map(|c| reference_key(&c.session_id))
            })
            .flatten()
    }

    fn load(self) -> impl Future<Output = Result<Checkout, Failure>> {
        let setup = self.state.try_with_value(|state| state.setup.clone());
        let abort = self.runtime.abort_controller();
        async move {
            let (Some(setup), Some(abort)) = (setup, abort) else {
                return Err(closed());
            };
            api::load_checkout(&setup, &abort).await
        }
    }

    /// The checkout is known: look for a payment an earlier page left.
    fn loaded(self, answer: Result<Checkout, Failure>) {
        let checkout = match answer {
            Ok(checkout) => checkout,
            Err(failure) => return self.input(Input::LoadFailed(failure)),
        };
        let key = reference_key(&checkout.session_id);
        let stored = storage::read(&key).ok().flatten();
        if stored.as_deref().is_some_and(|value| !is_reference(value)) {
            let _ = storage::remove(&key);
        }
        let stored = stored.filter(|value| is_reference(value));
        let reported = stored.as_deref().and_then(return_visit::reported);
        self.invoice.set(Some(checkout.invoice.clone()));
        self.state
            .try_update_value(|state| state.checkout = Some(checkout));
        self.input(Input::Loaded { stored, reported });
    }

    fn execute(self, reference: String) -> impl Future<Output = Result<Accepted, Failure>> {
        let choice = self
            .state
            .try_with_value(|state| state.choice.clone())
            .flatten();
        let body = choice.map(|choice| {
            to_text(&json!({
                "reference_id": reference,
                "phone_number": choice.phone_number,
                "gateway_provider": choice.gateway_provider,
                "currency": choice.currency,
            }))
        });
        let send = self.call("POST", "/collect".into(), body.clone());
        async move {
            if body.is_none() {
                return Err(closed());
            }
            let answer = send.await?;
            wire::read_collection(answer.status, &answer.body)
        }
    }

    fn read_status(
        self,
        reference: String,
    ) -> impl Future<Output = Result<Option<StatusUpdate>, Failure>> {
        let read = self.get(format!("/status/{reference}"));
        async move {
            let answer = read.await?;
            wire::read_status(answer.status, &answer.body)
        }
    }

    fn stream_url(self, reference: String) -> impl Future<Output = Result<String, Failure>> {
        let body = to_text(&json!({ "reference_id": reference }));
        let request = self.call("POST", "/realtime-key".into(), Some(body));
        async move {
            let answer = request.await?;
            wire::read_realtime_key(answer.status, &answer.body)
        }
    }

    fn listen(self, url: Result<String, Failure>) {
        let still_waiting = self
            .flow
            .with_untracked(|flow| matches!(flow.phase(), Phase::Awaiting { live: true, .. }));
        match url {
            Ok(url) if still_waiting => self.live.open(
                &url,
                move |data| {
                    if let Ok(update) = wire::read_status_body(&data) {
                        self.input(Input::Pushed(update));
                    }
                },
                move || self.input(Input::ChannelLost),
            ),
            Ok(_) => {}
            Err(_) => self.input(Input::ChannelLost),
        }
    }

    /// The receipt, asked up to three times (it may lag the status).
    fn fetch_receipt(self, reference: String, tries: u32) {
        let request = self.get(format!("/receipt/{reference}"));
        let after = Duration::from_millis(if tries == 0 { 0 } else { 1000 });
        self.runtime.after(after, request, move |answer| {
            match answer.and_then(|answer| wire::read_receipt(answer.status, &answer.body)) {
                Ok(receipt) => self.receipt.set(ReceiptState::Ready(receipt)),
                Err(_) if tries < 2 => self.fetch_receipt(reference, tries + 1),
                Err(_) => self.receipt.set(ReceiptState::Unavailable),
            }
        });
    }
}
