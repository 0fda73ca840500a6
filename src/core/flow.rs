//! The checkout flow as a pure state machine: inputs in, effects out.
//!
//! The browser edge performs the effects (HTTP, timers, events) and feeds
//! what happened back as inputs. Nothing here waits or does I/O, so every
//! transition, retries and time-outs included, is tested natively.

use std::time::Duration;

use super::adapters::pdirect::UNKNOWN_TRANSACTION;
use super::adapters::{Accepted, Failure, StatusUpdate};
use super::events::{
    CheckoutEvent, CompleteDetail, ErrorCode, ErrorDetail, ResponseDetail, Step, StepDetail,
};
use super::gateway::Gateway;
use super::i18n::Notice;
use super::status::PaymentStatus;

#[path = "flow_resume.rs"]
mod resume;
pub use resume::{ResumePoint, RESENT_NOTICE, RESUME_KEY};

/// How many times one attempt is sent before the customer is asked.
pub const MAX_TRIES: u32 = 3;

/// One submission; its key is sent with every try of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub idempotency_key: String,
    pub tries: u32,
    /// A fresh session was already fetched for this attempt after the
    /// gateway said the last one expired.
    pub session_renewed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The customer fills in the form.
    Form,
    /// A submission is in flight: a second click sends nothing.
    Submitting(Attempt),
    /// Accepted; waiting for the customer to approve on the phone.
    Awaiting { transaction_id: String, polls: u32 },
    /// The outcome is known (or the status timeout passed).
    Done {
        transaction_id: String,
        status: PaymentStatus,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The customer pressed Pay; `fresh_key` is used unless an earlier
    /// attempt's answer was lost, whose key is reused instead.
    Submit {
        fresh_key: String,
    },
    Collected(Result<Accepted, Failure>),
    StatusPolled(Result<StatusUpdate, Failure>),
    StatusTimedOut,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Send the collect request (after `after`), fetching a new session
    /// token first when `refresh_session`.
    Collect {
        idempotency_key: String,
        after: Duration,
        refresh_session: bool,
    },
    PollStatus {
        transaction_id: String,
        after: Duration,
    },
    /// Report `pending` if no final status arrives within this time.
    StartStatusTimeout(Duration),
    Emit(CheckoutEvent),
}

/// Delay before status poll `n` (0-based): 1 s, growing by half, at most 5 s.
pub fn poll_delay(n: u32) -> Duration {
    let mut millis: u64 = 1000;
    for _ in 0..n.min(8) {
        millis = (millis * 3 / 2).min(5000);
    }
    Duration::from_millis(millis)
}

/// Delay before retrying a try whose answer was lost: 1 s, then 2 s.
fn retry_delay(tries: u32) -> Duration {
    Duration::from_secs(u64::from(tries.clamp(1, 2)))
}

/// Why the last attempt failed: the wire name of the field at fault, the
/// `error` event's message (for the developer, as the gateway wrote it),
/// and what the customer is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Option<String>,
    pub message: String,
    pub notice: Notice,
}

impl Problem {
    /// The problem an `error` event's detail describes.
    pub fn from_detail(detail: &ErrorDetail, field: Option<String>) -> Problem {
        Problem {
            field,
            message: detail.message.clone(),
            notice: Notice::for_error(detail.gateway, &detail.error_code),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Flow {
    gateway: Gateway,
    status_timeout: Duration,
    phase: Phase,
    /// An attempt whose answer never arrived: resent as is, same key.
    unresolved: Option<Attempt>,
    /// The token expired: the next attempt needs a fresh one.
    session_expired: bool,
    /// What went wrong with the last attempt, shown on the form.
    problem: Option<Problem>,
}

impl Flow {
    pub fn new(gateway: Gateway, status_timeout: Duration) -> Self {
        Flow {
            gateway,
            status_timeout,
            phase: Phase::Form,
            unresolved: None,
            session_expired: false,
            problem: None,
        }
    }

    /// The page may change `status-timeout` before paying: the next wait
    /// uses the latest value.
    pub fn set_status_timeout(&mut self, status_timeout: Duration) {
        self.status_timeout = status_timeout;
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// Why the last attempt failed, for the form to show.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// An attempt's answer was lost: the form must resend it unchanged.
    pub fn has_unresolved_attempt(&self) -> bool {
        self.unresolved.is_some()
    }

    pub fn is_busy(&self) -> bool {
        !matches!(self.phase, Phase::Form)
    }

    /// The effects of the first view: the form, or, for a flow resumed
    /// while the customer approves, the wait and its polls.
    pub fn start(&self) -> Vec<Effect> {
        match &self.phase {
            Phase::Awaiting { transaction_id, .. } => vec![
                self.step(Step::Awaiting),
                Effect::StartStatusTimeout(self.status_timeout),
                Effect::PollStatus {
                    transaction_id: transaction_id.clone(),
                    after: Duration::ZERO,
                },
            ],
            _ => vec![self.step(Step::Form)],
        }
    }

    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        match (&self.phase, input) {
            (Phase::Form, Input::Submit { fresh_key }) => self.submit(fresh_key),
            (Phase::Submitting(attempt), Input::Collected(answer)) => {
                let attempt = attempt.clone();
                match answer {
                    Ok(accepted) => self.accepted(accepted),
                    Err(failure) => self.collect_failed(attempt, failure),
                }
            }
            (
                Phase::Awaiting {
                    transaction_id,
                    polls,
                },
                Input::StatusPolled(answer),
            ) => {
                let (transaction_id, polls) = (transaction_id.clone(), *polls);
                match answer {
                    Ok(update) if update.status.is_final() => self.finish(transaction_id, update),
                    // A stale stored id (the gateway never had it, or has
                    // forgotten it): no payment exists, so back to the form.
                    Err(Failure::Refused { code, .. }) if code == UNKNOWN_TRANSACTION => {
                        self.phase = Phase::Form;
                        vec![self.step(Step::Form)]
                    }
                    // Pending, or a poll that failed: the payment may still
                    // complete, so keep asking until the timeout.
                    _ => {
                        self.phase = Phase::Awaiting {
                            transaction_id: transaction_id.clone(),
                            polls: polls + 1,
                        };
                        vec![Effect::PollStatus {
                            transaction_id,
                            after: poll_delay(polls + 1),
                        }]
                    }
                }
            }
            (Phase::Awaiting { transaction_id, .. }, Input::StatusTimedOut) => {
                let transaction_id = transaction_id.clone();
                self.complete(transaction_id, PaymentStatus::Pending, Vec::new())
            }
            // Anything else is stale (a late answer, a second click).
            _ => Vec::new(),
        }
    }

    fn submit(&mut self, fresh_key: String) -> Vec<Effect> {
        let attempt = self.unresolved.take().unwrap_or(Attempt {
            idempotency_key: fresh_key,
            tries: 0,
            session_renewed: false,
        });
        let attempt = Attempt {
            tries: attempt.tries + 1,
            ..attempt
        };
        let refresh_session = std::mem::take(&mut self.session_expired);
        self.problem = None;
        let effect = Effect::Collect {
            idempotency_key: attempt.idempotency_key.clone(),
            after: Duration::ZERO,
            refresh_session,
        };
        self.phase = Phase::Submitting(attempt);
        vec![effect]
    }

    fn accepted(&mut self, accepted: Accepted) -> Vec<Effect> {
        let response = self.emit(CheckoutEvent::Response(ResponseDetail::from_accepted(
            self.gateway,
            &accepted,
        )));
        let transaction_id = accepted.transaction_id.clone();
        if accepted.status.is_final() {
            let update = StatusUpdate {
                status: accepted.status,
                failure_code: None,
                message: accepted.message,
            };
            let mut effects = vec![response];
            effects.extend(self.finish(transaction_id, update));
            return effects;
        }
        self.phase = Phase::Awaiting {
            transaction_id: transaction_id.clone(),
            polls: 0,
        };
        vec![
            response,
            self.step(Step::Awaiting),
            Effect::StartStatusTimeout(self.status_timeout),
            Effect::PollStatus {
                transaction_id,
                after: poll_delay(0),
            },
        ]
    }

    fn collect_failed(&mut self, attempt: Attempt, failure: Failure) -> Vec<Effect> {
        let error = |code: &str, message: String, retryable: bool| {
            CheckoutEvent::Error(ErrorDetail::new(self.gateway, code, message, retryable))
        };
        let event = match failure {
            Failure::Unreachable { .. } if attempt.tries < MAX_TRIES => {
                let effect = Effect::Collect {
                    idempotency_key: attempt.idempotency_key.clone(),
                    after: retry_delay(attempt.tries),
                    refresh_session: false,
                };
                self.phase = Phase::Submitting(Attempt {
                    tries: attempt.tries + 1,
                    ..attempt
                });
                return vec![effect];
            }
            Failure::Unreachable { detail } => {
                self.unresolved = Some(Attempt {
                    tries: 0,
                    ..attempt
                });
                error(
                    ErrorCode::NetworkError.as_str(),
                    format!("The payment could not be confirmed: {detail}."),
                    true,
                )
            }
            Failure::Malformed { detail } => {
                // The gateway may have taken it: a retry must reuse the key.
                self.unresolved = Some(Attempt {
                    tries: 0,
                    ..attempt
                });
                error(ErrorCode::GatewayError.as_str(), detail, true)
            }
            // An expired session charged nothing: fetch a fresh one and send
            // the same attempt again, once. A page that gave a fixed
            // `configs.token` gets the same token back, and the second
            // expiry ends it clearly.
            Failure::SessionExpired if !attempt.session_renewed => {
                let effect = Effect::Collect {
                    idempotency_key: attempt.idempotency_key.clone(),
                    after: Duration::ZERO,
                    refresh_session: true,
                };
                self.phase = Phase::Submitting(Attempt {
                    session_renewed: true,
                    ..attempt
                });
                return vec![effect];
            }
            Failure::SessionExpired => {
                self.session_expired = true;
                error(
                    ErrorCode::SessionExpired.as_str(),
                    "The payment session expired; try again.".into(),
                    true,
                )
            }
            Failure::Refused {
                code,
                message,
                field,
                retryable,
            } => {
                let detail = ErrorDetail::new(self.gateway, code, message, retryable);
                self.problem = Some(Problem::from_detail(&detail, field));
                CheckoutEvent::Error(detail)
            }
        };
        if self.problem.is_none() {
            if let CheckoutEvent::Error(detail) = &event {
                self.problem = Some(Problem::from_detail(detail, None));
            }
        }
        self.phase = Phase::Form;
        vec![self.emit(event)]
    }

    fn finish(&mut self, transaction_id: String, update: StatusUpdate) -> Vec<Effect> {
        let mut before = Vec::new();
        if let (PaymentStatus::Failed, Some(code)) = (update.status, update.failure_code) {
            let message = update
                .message
                .unwrap_or_else(|| "The payment failed.".into());
            before.push(self.emit(CheckoutEvent::Error(ErrorDetail::new(
                self.gateway,
                code,
                message,
                false,
            ))));
        }
        self.complete(transaction_id, update.status, before)
    }

    fn complete(
        &mut self,
        transaction_id: String,
        status: PaymentStatus,
        mut effects: Vec<Effect>,
    ) -> Vec<Effect> {
        self.phase = Phase::Done {
            transaction_id: transaction_id.clone(),
            status,
        };
        effects.push(self.step(Step::Result));
        effects.push(self.emit(CheckoutEvent::Complete(CompleteDetail {
            gateway: self.gateway,
            transaction_id,
            payment_status: status,
        })));
        effects
    }

    fn step(&self, step: Step) -> Effect {
        self.emit(CheckoutEvent::Step(StepDetail {
            gateway: self.gateway,
            step,
        }))
    }

    fn emit(&self, event: CheckoutEvent) -> Effect {
        Effect::Emit(event)
    }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
