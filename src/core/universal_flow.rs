//! The universal gateway's multi-step checkout as a pure state machine:
//! INIT, then whatever the gateway asks (data, OTP, its payment page), then
//! waiting for the outcome. The `order_id` is the idempotency key: every
//! retry of INIT reuses it, and after a redirect the checkout resumes with
//! STATUS for it, never a second INIT.

use std::time::Duration;

use super::adapters::universal::{Answer, Next, RequiredField};
use super::adapters::Failure;
use super::events::{
    CheckoutEvent, CompleteDetail, ErrorCode, ErrorDetail, ResponseDetail, Step, StepDetail,
};
use super::flow::{poll_delay, MAX_TRIES};
use super::gateway::Gateway;
use super::i18n::{Key, Notice};
use super::status::PaymentStatus;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The first form: nothing sent yet.
    Ready,
    /// A request is in flight; `tries` of this same request so far.
    Sending {
        request: Request,
        tries: u32,
    },
    /// A request's answer was lost three times: `Start` resends it.
    Lost(Request),
    /// Status 8: the gateway's fields, with its errors.
    DataRequired(Vec<RequiredField>),
    /// An OTP was sent; `wrong` when the last code was refused.
    Otp {
        message: String,
        wrong: bool,
    },
    /// The customer is on the gateway's payment page.
    Redirecting(String),
    Done(PaymentStatus),
}

/// The request in flight, so that a lost answer is retried unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    Init,
    /// STATUS, with the `extra` fields of this call (empty: just ask).
    Status(Vec<(String, String)>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Pay (or try again after lost answers).
    Start,
    Answered(Result<Answer, Failure>),
    ProvideData(Vec<(String, String)>),
    EnterOtp(String),
    /// Back from the payment page (or a reload) with the stored order.
    Resume,
    /// The edge refused to open the payment page (not https, not allowed).
    RedirectBlocked(String),
    StatusTimedOut,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Send {
        request: Request,
        after: Duration,
    },
    /// Keep the order reference (not secret) to resume after a reload or a
    /// redirect.
    Remember,
    Forget,
    OpenPaymentPage(String),
    StartStatusTimeout(Duration),
    Emit(CheckoutEvent),
}

#[derive(Clone, Debug)]
pub struct UniversalFlow {
    order_id: String,
    transaction_id: String,
    status_timeout: Duration,
    phase: Phase,
    last_step: Option<Step>,
    responded: bool,
    /// In progress: polls go on until a final status or the timeout.
    polls: Option<u32>,
    otp_attempts: u32,
    /// Times the customer sent the gateway's fields: its errors after the
    /// first are refusals of what they typed, not just what it lacks.
    data_rounds: u32,
    /// What the customer is told about the last failure, until they act.
    problem: Option<Notice>,
}

impl UniversalFlow {
    pub fn new(order_id: String, status_timeout: Duration) -> Self {
        UniversalFlow {
            order_id,
            transaction_id: String::new(),
            status_timeout,
            phase: Phase::Ready,
            last_step: None,
            responded: false,
            polls: None,
            otp_attempts: 0,
            data_rounds: 0,
            problem: None,
        }
    }

    pub fn order_id(&self) -> &str {
        &self.order_id
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// In progress: the customer waits while STATUS is polled.
    pub fn is_waiting(&self) -> bool {
        self.polls.is_some()
    }

    /// Why the last request failed, for the form the customer is back on.
    pub fn problem(&self) -> Option<&Notice> {
        self.problem.as_ref()
    }

    /// How many times the customer sent the gateway's fields.
    pub fn data_rounds(&self) -> u32 {
        self.data_rounds
    }

    /// How many OTP codes the customer has entered.
    pub fn otp_attempts(&self) -> u32 {
        self.otp_attempts
    }

    pub fn start(&mut self) -> Vec<Effect> {
        self.step(Step::Form).into_iter().collect()
    }

    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        match (self.phase.clone(), input) {
            (Phase::Done(_), _) => Vec::new(),
            (_, Input::StatusTimedOut) if self.polls.is_some() => {
                self.complete(PaymentStatus::Pending, Vec::new())
            }
            // Kept before the INIT leaves: a reload at any moment after it
            // resumes this order_id, which the gateway answers only once.
            (Phase::Ready, Input::Start) => {
                let mut effects = vec![Effect::Remember];
                effects.extend(self.send(Request::Init, 1, Duration::ZERO));
                effects
            }
            (Phase::Lost(request), Input::Start) => self.send(request, 1, Duration::ZERO),
            (Phase::Ready, Input::Resume) => {
                // The INIT was answered before the customer left.
                self.responded = true;
                let mut effects = self.start_waiting();
                effects.extend(self.send(Request::Status(Vec::new()), 1, Duration::ZERO));
                effects
            }
            (Phase::Sending { .. }, Input::Answered(Ok(answer))) => self.answered(answer),
            (Phase::Sending { request, tries }, Input::Answered(Err(failure))) => {
                self.failed(request, tries, failure)
            }
            (Phase::DataRequired(_), Input::ProvideData(extra)) => {
                self.data_rounds += 1;
                self.send(Request::Status(extra), 1, Duration::ZERO)
            }
            (Phase::Otp { .. }, Input::EnterOtp(code)) => {
                self.otp_attempts += 1;
                self.send(
                    Request::Status(vec![("otp".into(), code)]),
                    1,
                    Duration::ZERO,
                )
            }
            (Phase::Redirecting(_), Input::RedirectBlocked(url)) => {
                let message = format!("The payment page {url} is not an allowed https address.");
                let error = self.error(ErrorCode::RedirectBlocked.as_str(), message, false);
                self.complete(PaymentStatus::Failed, vec![error])
            }
            _ => Vec::new(),
        }
    }

    fn send(&mut self, request: Request, tries: u32, after: Duration) -> Vec<Effect> {
        if tries == 1 {
            self.problem = None;
        }
        self.phase = Phase::Sending {
            request: request.clone(),
            tries,
        };
        vec![Effect::Send { request, after }]
    }

    fn answered(&mut self, answer: Answer) -> Vec<Effect> {
        if !answer.transaction_id.is_empty() {
            self.transaction_id = answer.transaction_id.clone();
        }
        let mut effects = Vec::new();
        if !self.responded {
            self.responded = true;
            let status = match &answer.next {
                Next::Finished { status, .. } => *status,
                _ => PaymentStatus::Pending,
            };
            effects.push(Effect::Emit(CheckoutEvent::Response(ResponseDetail {
                gateway: Gateway::Universal,
                transaction_id: self.reference(),
                payment_status: status,
                message: None,
                amount: None,
                currency: None,
                fee_amount: None,
                total_amount: None,
                created_at: None,
            })));
        }
        match answer.next {
            Next::AskWhatIsMissing => {
                effects.extend(self.send(Request::Status(Vec::new()), 1, Duration::ZERO))
            }
            Next::ProvideData(fields) => {
                // The customer is typing: no status timeout runs meanwhile.
                self.polls = None;
                self.phase = Phase::DataRequired(fields);
                effects.extend(self.step(Step::DataRequired));
            }
            Next::EnterOtp { message, wrong } => {
                self.polls = None;
                self.phase = Phase::Otp { message, wrong };
                effects.extend(self.step(Step::Otp));
            }
            Next::PaymentPage(url) => {
                self.phase = Phase::Redirecting(url.clone());
                effects.push(Effect::Remember);
                effects.extend(self.step(Step::Redirect));
                effects.push(Effect::OpenPaymentPage(url));
            }
            Next::Wait => {
                effects.extend(self.start_waiting());
                let polls = self.polls.unwrap_or_default();
                self.polls = Some(polls + 1);
                effects.extend(self.send(Request::Status(Vec::new()), 1, poll_delay(polls)));
            }
            Next::Finished {
                status,
                code,
                message,
            } => {
                let mut before = Vec::new();
                if let (PaymentStatus::Failed, Some(code)) = (status, code) {
                    before.push(self.error(&code, message, false));
                }
                effects.extend(self.complete(status, before));
            }
        }
        effects
    }

    fn failed(&mut self, request: Request, tries: u32, failure: Failure) -> Vec<Effect> {
        let lost = matches!(
            failure,
            Failure::Unreachable { .. } | Failure::Malformed { .. }
        );
        if lost && self.polls.is_some() {
            let polls = self.polls.unwrap_or_default();
            self.polls = Some(polls + 1);
            return self.send(request, 1, poll_delay(polls));
        }
        if lost && tries < MAX_TRIES {
            return self.send(request, tries + 1, Duration::from_secs(u64::from(tries)));
        }
        let event = match failure {
            Failure::Refused {
                code,
                message,
                retryable,
                ..
            } => {
                // Nothing was started (or a stored order is unknown): begin
                // again from the form, without the stale reference.
                self.phase = Phase::Ready;
                self.problem = Some(Notice::for_error(Gateway::Universal, &code));
                let error = self.error(&code, message, retryable);
                return vec![Effect::Forget, error];
            }
            Failure::SessionExpired => {
                self.phase = Phase::Ready;
                self.problem = Some(Key::ErrorSessionExpired.into());
                self.error(
                    ErrorCode::SessionExpired.as_str(),
                    "The session expired.".into(),
                    true,
                )
            }
            Failure::Unreachable { detail } | Failure::Malformed { detail } => {
                self.phase = Phase::Lost(request);
                self.problem = Some(Key::ErrorNetwork.into());
                self.error(
                    ErrorCode::NetworkError.as_str(),
                    format!("No answer from the gateway: {detail}."),
                    true,
                )
            }
        };
        vec![event]
    }

    fn start_waiting(&mut self) -> Vec<Effect> {
        if self.polls.is_some() {
            return Vec::new();
        }
        self.polls = Some(0);
        let mut effects: Vec<Effect> = self.step(Step::Awaiting).into_iter().collect();
        effects.push(Effect::StartStatusTimeout(self.status_timeout));
        effects
    }

    fn complete(&mut self, status: PaymentStatus, mut effects: Vec<Effect>) -> Vec<Effect> {
        self.phase = Phase::Done(status);
        self.polls = None;
        effects.push(Effect::Forget);
        effects.extend(self.step(Step::Result));
        effects.push(Effect::Emit(CheckoutEvent::Complete(CompleteDetail {
            gateway: Gateway::Universal,
            transaction_id: self.reference(),
            payment_status: status,
        })));
        effects
    }

    /// The gateway's transaction id once it gave one, else the order id.
    fn reference(&self) -> String {
        if self.transaction_id.is_empty() {
            self.order_id.clone()
        } else {
            self.transaction_id.clone()
        }
    }

    /// A `step` event, only when the step changes.
    fn step(&mut self, step: Step) -> Option<Effect> {
        if self.last_step == Some(step) {
            return None;
        }
        self.last_step = Some(step);
        Some(Effect::Emit(CheckoutEvent::Step(StepDetail {
            gateway: Gateway::Universal,
            step,
        })))
    }

    fn error(&self, code: &str, message: String, retryable: bool) -> Effect {
        Effect::Emit(CheckoutEvent::Error(ErrorDetail::new(
            Gateway::Universal,
            code,
            message,
            retryable,
        )))
    }
}

#[cfg(test)]
#[path = "universal_flow_tests.rs"]
mod tests;
