//! The universal checkout over the seed's examples (ORDER-1, ORDER-2), the
//! payment page and its return, and lost answers.

use super::*;
use crate::core::adapters::universal::read;

fn flow() -> UniversalFlow {
    let mut flow = UniversalFlow::new("ORDER-1".into(), Duration::from_secs(30));
    flow.start();
    flow
}

fn answered(json: &str) -> Input {
    Input::Answered(read(200, json).map_err(|error| panic!("{error:?}")))
}

fn names(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .map(|effect| match effect {
            Effect::Emit(CheckoutEvent::Step(detail)) => format!("step:{}", detail.step.as_str()),
            Effect::Emit(event) => event.name().to_owned(),
            Effect::Send {
                request: Request::Init,
                ..
            } => "INIT".into(),
            Effect::Send {
                request: Request::Status(extra),
                ..
            } if extra.is_empty() => "STATUS".into(),
            Effect::Send {
                request: Request::Status(_),
                ..
            } => "STATUS+extra".into(),
            Effect::Remember => "remember".into(),
            Effect::Forget => "forget".into(),
            Effect::OpenPaymentPage(_) => "open-page".into(),
            Effect::StartStatusTimeout(_) => "timeout".into(),
        })
        .collect()
}

const MISSING: &str = r#"{"order_id": "ORDER-1", "transaction_id": "", "status": 8, "result": {"code": 0, "message": "request error"}}"#;
const ASKED: &str = r#"{"order_id": "ORDER-1", "status": 8, "result": {"code": 0},
  "action": {"fields": {"customer_email": {"type": "email", "label": "Email"}}, "errors": {"customer_email": ["The customer email must be a valid email address."]}}}"#;
const IN_PROGRESS: &str = r#"{"order_id": "ORDER-1", "transaction_id": "732007046722", "status": 1, "result": {"code": 0}, "provider_result": {"message": "Good"}}"#;
const SUCCESS: &str = r#"{"order_id": "ORDER-1", "transaction_id": "732007046722", "status": 2, "result": {"code": 0, "message": "OK"}}"#;

#[test]
fn order_1_missing_email_form_then_fixed_then_approved() {
    let mut flow = flow();
    // The order_id is kept before the INIT leaves, for a reload meanwhile.
    assert_eq!(names(&flow.handle(Input::Start)), ["remember", "INIT"]);
    // status 8 with result.code 0 from INIT: not success, and no action yet.
    assert_eq!(
        names(&flow.handle(answered(MISSING))),
        ["response", "STATUS"]
    );
    assert_eq!(names(&flow.handle(answered(ASKED))), ["step:data-required"]);
    let Phase::DataRequired(fields) = flow.phase() else {
        panic!()
    };
    assert_eq!(
        fields[0].error.as_deref(),
        Some("The customer email must be a valid email address.")
    );
    let extra = vec![("customer_email".to_owned(), "bad".to_owned())];
    assert_eq!(
        names(&flow.handle(Input::ProvideData(extra))),
        ["STATUS+extra"]
    );
    assert!(
        names(&flow.handle(answered(ASKED))).is_empty(),
        "the same step: no new event"
    );
    let extra = vec![("customer_email".to_owned(), "test@example.com".to_owned())];
    flow.handle(Input::ProvideData(extra));
    assert_eq!(
        names(&flow.handle(answered(IN_PROGRESS))),
        ["step:awaiting", "timeout", "STATUS"]
    );
    assert_eq!(names(&flow.handle(answered(IN_PROGRESS))), ["STATUS"]);
    let done = flow.handle(answered(SUCCESS));
    assert_eq!(names(&done), ["forget", "step:result", "complete"]);
    let Some(Effect::Emit(CheckoutEvent::Complete(complete))) = done.last() else {
        panic!()
    };
    assert_eq!(
        (complete.transaction_id.as_str(), complete.payment_status),
        ("732007046722", PaymentStatus::Approved)
    );
    assert!(
        flow.handle(Input::StatusTimedOut).is_empty(),
        "complete exactly once"
    );
}

#[test]
fn order_2_otp_wrong_then_right() {
    let mut flow = flow();
    flow.handle(Input::Start);
    let sent = r#"{"order_id": "ORDER-2", "status": 1, "result": {"code": 0}, "provider_result": {"message": "OTP sent"}}"#;
    assert_eq!(
        names(&flow.handle(answered(sent))),
        ["response", "step:otp"]
    );
    assert_eq!(
        names(&flow.handle(Input::EnterOtp("999999".into()))),
        ["STATUS+extra"]
    );
    let wrong = r#"{"order_id": "ORDER-2", "status": 1, "result": {"code": 3001, "message": "Wrong OTP"}, "provider_result": {"message": "OTP sent"}}"#;
    assert!(names(&flow.handle(answered(wrong))).is_empty());
    assert_eq!(
        flow.phase(),
        &Phase::Otp {
            message: "Wrong OTP".into(),
            wrong: true
        }
    );
    assert_eq!(flow.otp_attempts(), 1);
    let right = flow.handle(Input::EnterOtp("123456".into()));
    assert_eq!(
        right,
        [Effect::Send {
            request: Request::Status(vec![("otp".into(), "123456".into())]),
            after: Duration::ZERO
        }]
    );
    assert_eq!(
        names(&flow.handle(answered(SUCCESS))),
        ["forget", "step:result", "complete"]
    );
    assert_eq!(flow.otp_attempts(), 2);
}

#[test]
fn the_payment_page_is_remembered_then_resumed_without_a_second_init() {
    let mut flow = flow();
    flow.handle(Input::Start);
    let page = r#"{"order_id": "ORDER-1", "status": 8, "result": {"code": 0}, "pp_url": "https://pp.example/x"}"#;
    let effects = flow.handle(answered(page));
    assert_eq!(
        names(&effects),
        ["response", "remember", "step:redirect", "open-page"]
    );

    // Back on the merchant page: a new element, the same order.
    let mut back = UniversalFlow::new("ORDER-1".into(), Duration::from_secs(30));
    back.start();
    let effects = back.handle(Input::Resume);
    assert_eq!(names(&effects), ["step:awaiting", "timeout", "STATUS"]);
    let cancelled =
        r#"{"order_id": "ORDER-1", "status": 4, "result": {"code": 0, "message": "Cancelled"}}"#;
    let done = back.handle(answered(cancelled));
    assert_eq!(names(&done), ["forget", "step:result", "complete"]);
    assert_eq!(back.phase(), &Phase::Done(PaymentStatus::Cancelled));
}

#[test]
fn a_blocked_payment_page_is_an_error_and_a_failed_completion() {
    let mut flow = flow();
    flow.handle(Input::Start);
    flow.handle(answered(r#"{"order_id": "o", "status": 8, "result": {"code": 0}, "pp_url": "http://evil.example/"}"#));
    let effects = flow.handle(Input::RedirectBlocked("http://evil.example/".into()));
    assert_eq!(
        names(&effects),
        ["error", "forget", "step:result", "complete"]
    );
    let Effect::Emit(CheckoutEvent::Error(error)) = &effects[0] else {
        panic!()
    };
    assert_eq!(error.error_code, "REDIRECT_BLOCKED");
}

#[test]
fn lost_answers_retry_the_same_request_then_wait_for_the_customer() {
    let mut flow = flow();
    flow.handle(Input::Start);
    let lost = || {
        Input::Answered(Err(Failure::Unreachable {
            detail: "offline".into(),
        }))
    };
    assert_eq!(
        flow.handle(lost()),
        [Effect::Send {
            request: Request::Init,
            after: Duration::from_secs(1)
        }]
    );
    assert_eq!(
        flow.handle(lost()),
        [Effect::Send {
            request: Request::Init,
            after: Duration::from_secs(2)
        }]
    );
    assert_eq!(names(&flow.handle(lost())), ["error"]);
    assert_eq!(flow.phase(), &Phase::Lost(Request::Init));
    // The customer is told, on the form they are back on.
    assert_eq!(flow.problem(), Some(&Key::ErrorNetwork.into()));
    // Paying again resends INIT with the same order_id: the gateway answers
    // the first result and does not repeat the operation.
    assert_eq!(names(&flow.handle(Input::Start)), ["INIT"]);
    assert_eq!(flow.order_id(), "ORDER-1");
    assert_eq!(flow.problem(), None);
}

#[test]
fn polling_survives_lost_answers_until_the_timeout_reports_pending() {
    let mut flow = flow();
    flow.handle(Input::Start);
    flow.handle(answered(IN_PROGRESS));
    let lost = flow.handle(Input::Answered(Err(Failure::Unreachable {
        detail: "x".into(),
    })));
    assert_eq!(names(&lost), ["STATUS"]);
    let done = flow.handle(Input::StatusTimedOut);
    assert_eq!(names(&done), ["forget", "step:result", "complete"]);
    assert_eq!(flow.phase(), &Phase::Done(PaymentStatus::Pending));
    assert!(
        flow.handle(answered(SUCCESS)).is_empty(),
        "a late answer changes nothing"
    );
}

#[test]
fn a_failure_reports_the_gateways_code_then_completes_failed() {
    let mut flow = flow();
    flow.handle(Input::Start);
    let failed = r#"{"order_id": "o", "status": 3, "result": {"code": 2002, "message": "Insufficient funds"}}"#;
    let effects = flow.handle(answered(failed));
    assert_eq!(
        names(&effects),
        ["response", "error", "forget", "step:result", "complete"]
    );
    let Effect::Emit(CheckoutEvent::Error(error)) = &effects[1] else {
        panic!()
    };
    assert_eq!(
        (error.error_code.as_str(), error.retryable),
        ("2002", false)
    );
}

#[test]
fn a_refused_init_returns_to_the_form_with_the_code() {
    let mut flow = flow();
    flow.handle(Input::Start);
    let refused = Failure::Refused {
        code: "1004".into(),
        message: "amount".into(),
        field: None,
        retryable: false,
    };
    let effects = flow.handle(Input::Answered(Err(refused)));
    assert_eq!(names(&effects), ["forget", "error"]);
    assert_eq!(flow.phase(), &Phase::Ready);
}

#[test]
fn a_customer_typing_data_or_an_otp_has_no_status_timeout_running() {
    // Resumed after a reload while the gateway still wanted the email:
    // resuming starts the wait, then the answer asks the customer.
    let mut flow = flow();
    assert!(names(&flow.handle(Input::Resume)).contains(&"timeout".to_owned()));
    flow.handle(answered(ASKED));
    assert!(matches!(flow.phase(), Phase::DataRequired(_)));
    // A timeout started before the question is stale now.
    assert_eq!(
        names(&flow.handle(Input::StatusTimedOut)),
        Vec::<String>::new()
    );
    assert!(matches!(flow.phase(), Phase::DataRequired(_)));
}
