//! The invoice collection as a pure state machine: inputs in, effects out.
//!
//! One reference per payment, generated before the first send and kept
//! (`Remember`) before `Execute`. Every later send of that payment reuses
//! it, and the gateway never makes a second collection for a reference. An
//! answer that is lost is never followed by a blind resend: the status of
//! the reference is read first, and only a reference the gateway has never
//! seen is sent again.

use std::time::Duration;

use crate::core::adapters::{Accepted, Failure, StatusUpdate};
use crate::core::events::{
    CheckoutEvent, CompleteDetail, ErrorCode, ErrorDetail, ResponseDetail, Step, StepDetail,
};
use crate::core::flow::{poll_delay, Problem, MAX_TRIES};
use crate::core::gateway::Gateway;
use crate::core::i18n::{Key, Strings};
use crate::core::status::PaymentStatus;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The merchant backend prepares the checkout.
    Loading,
    /// The checkout could not be prepared; the customer may try again.
    Unavailable,
    /// Phone number, operator, fees, Pay.
    Form,
    /// The collection request is on its way (send number `sends`).
    Submitting { reference: String, sends: u32 },
    /// An answer was lost, or a page left a reference behind: its status
    /// is read before anything else is sent.
    Checking {
        reference: String,
        reads: u32,
        sends: u32,
    },
    /// PROCESSING: the customer approves on the phone. `live` while the
    /// push channel is up; polled with back-off otherwise.
    Awaiting {
        reference: String,
        polls: u32,
        live: bool,
    },
    Done {
        reference: String,
        status: PaymentStatus,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The checkout is ready; `stored` is the reference kept for it, and
    /// `reported` the outcome this tab already reported for that reference.
    Loaded {
        stored: Option<String>,
        reported: Option<PaymentStatus>,
    },
    LoadFailed(Failure),
    /// Try loading the checkout again.
    Reload,
    /// The customer pressed Pay; `fresh_reference` is a new UUID v4, used
    /// unless an earlier send of this payment is still unresolved.
    Pay {
        fresh_reference: String,
    },
    Executed(Result<Accepted, Failure>),
    /// `None`: the gateway does not know the reference.
    StatusRead(Result<Option<StatusUpdate>, Failure>),
    Pushed(StatusUpdate),
    ChannelLost,
    StatusTimedOut,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    LoadCheckout,
    /// Keep the reference (sessionStorage) — always before its `Execute`.
    Remember(String),
    Execute {
        reference: String,
        after: Duration,
    },
    ReadStatus {
        reference: String,
        after: Duration,
    },
    /// Open the push channel for the reference.
    Listen(String),
    StopListening,
    StartStatusTimeout(Duration),
    /// Note that this outcome was reported, so a reload does not report it
    /// again.
    Record {
        reference: String,
        status: PaymentStatus,
    },
    FetchReceipt(String),
    Emit(CheckoutEvent),
}

/// Delay before re-reading or resending after a lost answer: 1 s, then 2 s.
fn retry_delay(tries: u32) -> Duration {
    Duration::from_secs(u64::from(tries.clamp(1, 2)))
}

#[derive(Clone, Debug)]
pub struct InvoiceFlow {
    status_timeout: Duration,
    phase: Phase,
    /// The reference of a payment whose fate is unknown: the next Pay
    /// sends it again instead of a new one.
    unresolved: Option<String>,
    /// The edge still has this payment's request (phone, operator) to
    /// resend; not so for a reference left by an earlier page.
    can_resend: bool,
    /// The outcome already reported for the reference (a reload): no
    /// second `response` or `complete`.
    reported: Option<PaymentStatus>,
    problem: Option<Problem>,
}

impl InvoiceFlow {
    pub fn new(status_timeout: Duration) -> Self {
        InvoiceFlow {
            status_timeout,
            phase: Phase::Loading,
            unresolved: None,
            can_resend: false,
            reported: None,
            problem: None,
        }
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// Pay resends an earlier payment rather than starting a new one.
    pub fn has_unresolved_payment(&self) -> bool {
        self.unresolved.is_some()
    }

    pub fn set_status_timeout(&mut self, status_timeout: Duration) {
        self.status_timeout = status_timeout;
    }

    pub fn start(&self) -> Vec<Effect> {
        vec![Effect::LoadCheckout]
    }

    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        match (self.phase.clone(), input) {
            (Phase::Loading, Input::Loaded { stored, reported }) => self.loaded(stored, reported),
            (Phase::Loading, Input::LoadFailed(failure)) => {
                self.phase = Phase::Unavailable;
                let detail = ErrorDetail::from_failure(Gateway::Invoice, &failure);
                self.problem = Some(Problem::from_detail(&detail, None));
                vec![Effect::Emit(CheckoutEvent::Error(detail))]
            }
            (Phase::Unavailable, Input::Reload) => {
                self.phase = Phase::Loading;
                vec![Effect::LoadCheckout]
            }
            (Phase::Form, Input::Pay { fresh_reference }) => {
                let reference = self.unresolved.take().unwrap_or(fresh_reference);
                self.can_resend = true;
                self.problem = None;
                self.send(reference, 1, Duration::ZERO)
            }
            (Phase::Submitting { reference, sends }, Input::Executed(answer)) => match answer {
                Ok(accepted) => {
                    let update = StatusUpdate { status: accepted.status, failure_code: None, message: accepted.message.clone() };
                    self.learned(reference, update, Some(accepted))
                }
                Err(Failure::Unreachable { .. } | Failure::Malformed { .. }) => {
                    self.check(reference, 0, sends, retry_delay(1))
                }
                Err(failure) => self.refused(reference, failure),
            },
            (Phase::Checking { reference, reads, sends }, Input::StatusRead(answer)) => match answer {
                Ok(Some(update)) => self.learned(reference, update, None),
                // Never reached the gateway: sending it again is safe.
                Ok(None) if self.can_resend && sends < MAX_TRIES => self.send(reference, sends + 1, retry_delay(sends)),
                Ok(None) => self.unresolved(reference, Key::NotReached),
                Err(_) if reads + 1 < MAX_TRIES => self.check(reference, reads + 1, sends, retry_delay(reads + 1)),
                Err(_) => self.unresolved(reference, Key::NotConfirmed),
            },
            (Phase::Awaiting { reference, .. }, Input::Pushed(update)) => self.finish_if_final_for(&reference, update),
            (Phase::Awaiting { reference, polls, live }, Input::StatusRead(answer)) => match answer {
                Ok(Some(update)) if update.status.is_final() => self.finish_if_final_for(&reference, update),
                _ if live => Vec::new(),
                _ => self.poll(reference, polls + 1, false),
            },
            (Phase::Awaiting { reference, polls, live: true }, Input::ChannelLost) => self.poll(reference, polls, false),
            (Phase::Awaiting { reference, .. }, Input::StatusTimedOut) => {
                let mut effects = vec![Effect::StopListening];
                effects.extend(self.complete(reference, PaymentStatus::Pending));
                effects
            }
            // Anything else is stale: a late answer, a second click.
            _ => Vec::new(),
        }
    }

    fn loaded(&mut self, stored: Option<String>, reported: Option<PaymentStatus>) -> Vec<Effect> {
        self.reported = reported;
        match (stored, reported) {
            (None, _) => {
                self.phase = Phase::Form;
                vec![self.step(Step::Form)]
            }
            (Some(reference), Some(status)) if status.is_final() => {
                self.phase = Phase::Done {
                    reference: reference.clone(),
                    status,
                };
                let mut effects = vec![self.step(Step::Result)];
                if status == PaymentStatus::Approved {
                    effects.push(Effect::FetchReceipt(reference));
                }
                effects
            }
            (Some(reference), _) => {
                self.can_resend = false;
                self.check(reference, 0, 0, Duration::ZERO)
            }
        }
    }

    fn send(&mut self, reference: String, sends: u32, after: Duration) -> Vec<Effect> {
        self.phase = Phase::Submitting {
            reference: reference.clone(),
            sends,
        };
        vec![
            Effect::Remember(reference.clone()),
            Effect::Execute { reference, after },
        ]
    }

    fn check(&mut self, reference: String, reads: u32, sends: u32, after: Duration) -> Vec<Effect> {
        self.phase = Phase::Checking {
            reference: reference.clone(),
            reads,
            sends,
        };
        vec![Effect::ReadStatus { reference, after }]
    }

    fn poll(&mut self, reference: String, polls: u32, live: bool) -> Vec<Effect> {
        self.phase = Phase::Awaiting {
            reference: reference.clone(),
            polls,
            live,
        };
        vec![Effect::ReadStatus {
            reference,
            after: poll_delay(polls),
        }]
    }

    /// The gateway has the collection: tell the page once, then wait for
    /// the wallet (a final status is handled by the caller).
    fn accepted(
        &mut self,
        reference: String,
        status: PaymentStatus,
        answer: Option<Accepted>,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.reported.is_none() {
            let accepted = answer.unwrap_or_else(|| Accepted {
                transaction_id: reference.clone(),
                status,
                message: None,
                amount: None,
                currency: None,
                fee_amount: None,
                total_amount: None,
                created_at: None,
            });
            effects.push(Effect::Emit(CheckoutEvent::Response(
                ResponseDetail::from_accepted(Gateway::Invoice, &accepted),
            )));
        }
        if !status.is_final() {
            self.phase = Phase::Awaiting {
                reference: reference.clone(),
                polls: 0,
                live: true,
            };
            effects.extend([
                self.step(Step::Awaiting),
                Effect::StartStatusTimeout(self.status_timeout),
                Effect::Listen(reference),
            ]);
        } else {
            // Final already: the chained finish reports it.
            self.phase = Phase::Awaiting {
                reference,
                polls: 0,
                live: false,
            };
        }
        effects
    }

    /// The gateway knows the collection: report it, and its outcome if the
    /// wallet already answered.
    fn learned(
        &mut self,
        reference: String,
        update: StatusUpdate,
        answer: Option<Accepted>,
    ) -> Vec<Effect> {
        let mut effects = self.accepted(reference.clone(), update.status, answer);
        effects.extend(self.finish_if_final_for(&reference, update));
        effects
    }

    fn finish_if_final_for(&mut self, reference: &str, update: StatusUpdate) -> Vec<Effect> {
        if !update.status.is_final() {
            return Vec::new();
        }
        let mut effects = vec![Effect::StopListening];
        if let (PaymentStatus::Failed, None) = (update.status, self.reported) {
            let message = update
                .message
                .unwrap_or_else(|| "The wallet declined the payment.".into());
            let code = update
                .failure_code
                .unwrap_or_else(|| ErrorCode::GatewayError.as_str().into());
            effects.push(Effect::Emit(CheckoutEvent::Error(ErrorDetail::new(
                Gateway::Invoice,
                code,
                message,
                false,
            ))));
        }
        effects.extend(self.complete(reference.to_owned(), update.status));
        if update.status == PaymentStatus::Approved {
            effects.push(Effect::FetchReceipt(reference.to_owned()));
        }
        effects
    }

    fn complete(&mut self, reference: String, status: PaymentStatus) -> Vec<Effect> {
        self.phase = Phase::Done {
            reference: reference.clone(),
            status,
        };
        let mut effects = vec![self.step(Step::Result)];
        if self.reported.is_none() {
            effects.push(Effect::Emit(CheckoutEvent::Complete(CompleteDetail {
                gateway: Gateway::Invoice,
                transaction_id: reference.clone(),
                payment_status: status,
            })));
        }
        if self.reported != Some(status) {
            effects.push(Effect::Record { reference, status });
        }
        effects
    }

    /// Nothing was charged: the next Pay is a new payment.
    fn refused(&mut self, _reference: String, failure: Failure) -> Vec<Effect> {
        let detail = ErrorDetail::from_failure(Gateway::Invoice, &failure);
        let field = match &failure {
            Failure::Refused { field, .. } => field.clone(),
            _ => None,
        };
        self.problem = Some(Problem::from_detail(&detail, field));
        self.phase = Phase::Form;
        vec![Effect::Emit(CheckoutEvent::Error(detail))]
    }

    /// The customer is told `notice`; the event says it in English.
    fn unresolved(&mut self, reference: String, notice: Key) -> Vec<Effect> {
        let message = Strings::default().text(notice);
        self.unresolved = Some(reference);
        self.problem = Some(Problem {
            field: None,
            message: message.clone(),
            notice: notice.into(),
        });
        self.phase = Phase::Form;
        let error = ErrorDetail::new(
            Gateway::Invoice,
            ErrorCode::NetworkError.as_str(),
            message,
            true,
        );
        vec![
            Effect::Emit(CheckoutEvent::Error(error)),
            self.step(Step::Form),
        ]
    }

    fn step(&self, step: Step) -> Effect {
        Effect::Emit(CheckoutEvent::Step(StepDetail {
            gateway: Gateway::Invoice,
            step,
        }))
    }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
