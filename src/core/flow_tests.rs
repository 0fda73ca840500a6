//! Every transition of the checkout flow.

use super::*;

pub(super) fn flow() -> Flow {
    Flow::new(Gateway::Pdirect, Duration::from_secs(30))
}

pub(super) fn accepted(status: PaymentStatus) -> Accepted {
    Accepted {
        transaction_id: "txn_1".into(),
        status,
        message: Some("Payment request received".into()),
        amount: Some("12.50".into()),
        currency: Some("usd".into()),
        fee_amount: Some("0.50".into()),
        total_amount: Some("13.00".into()),
        created_at: Some("2026-05-05T10:15:00Z".into()),
    }
}

fn update(status: PaymentStatus, code: Option<&str>) -> StatusUpdate {
    StatusUpdate {
        status,
        failure_code: code.map(str::to_owned),
        message: Some("m".into()),
    }
}

pub(super) fn submit(key: &str) -> Input {
    Input::Submit {
        fresh_key: key.into(),
    }
}

pub(super) fn unreachable() -> Input {
    Input::Collected(Err(Failure::Unreachable {
        detail: "offline".into(),
    }))
}

/// The names of the events among `effects`, in order.
fn events(effects: &[Effect]) -> Vec<&'static str> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Emit(event) => Some(event.name()),
            _ => None,
        })
        .collect()
}

fn collect_key(effects: &[Effect]) -> Option<(&str, Duration, bool)> {
    effects.iter().find_map(|effect| match effect {
        Effect::Collect {
            idempotency_key,
            after,
            refresh_session,
        } => Some((idempotency_key.as_str(), *after, *refresh_session)),
        _ => None,
    })
}

#[test]
fn the_form_step_is_announced_first() {
    assert_eq!(events(&flow().start()), ["step"]);
}

#[test]
fn submit_sends_one_collect_and_a_second_click_sends_nothing() {
    let mut flow = flow();
    let effects = flow.handle(submit("k1"));
    assert_eq!(collect_key(&effects), Some(("k1", Duration::ZERO, false)));
    assert!(flow.is_busy());
    assert!(flow.handle(submit("k2")).is_empty(), "single flight");
}

#[test]
fn a_pending_answer_responds_then_awaits_with_polling_and_a_timeout() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    let effects = flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    assert_eq!(events(&effects), ["response", "step"]);
    assert!(effects.contains(&Effect::StartStatusTimeout(Duration::from_secs(30))));
    assert!(effects.contains(&Effect::PollStatus {
        transaction_id: "txn_1".into(),
        after: poll_delay(0)
    }));
    let Effect::Emit(CheckoutEvent::Response(detail)) = &effects[0] else {
        panic!("response first")
    };
    assert_eq!(detail.payment_status, PaymentStatus::Pending);
    assert_eq!(detail.fee_amount.as_deref(), Some("0.50"));
    assert_eq!(
        flow.phase(),
        &Phase::Awaiting {
            transaction_id: "txn_1".into(),
            polls: 0
        }
    );
}

#[test]
fn polling_backs_off_until_a_final_status_then_completes_once() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    let again = flow.handle(Input::StatusPolled(Ok(update(
        PaymentStatus::Pending,
        None,
    ))));
    assert_eq!(
        again,
        [Effect::PollStatus {
            transaction_id: "txn_1".into(),
            after: poll_delay(1)
        }]
    );
    let lost = flow.handle(Input::StatusPolled(Err(Failure::Unreachable {
        detail: "x".into(),
    })));
    assert_eq!(
        lost,
        [Effect::PollStatus {
            transaction_id: "txn_1".into(),
            after: poll_delay(2)
        }]
    );
    let done = flow.handle(Input::StatusPolled(Ok(update(
        PaymentStatus::Approved,
        None,
    ))));
    assert_eq!(events(&done), ["step", "complete"]);
    assert_eq!(
        flow.phase(),
        &Phase::Done {
            transaction_id: "txn_1".into(),
            status: PaymentStatus::Approved
        }
    );
    assert!(
        flow.handle(Input::StatusTimedOut).is_empty(),
        "complete exactly once"
    );
    assert!(flow
        .handle(Input::StatusPolled(Ok(update(PaymentStatus::Failed, None))))
        .is_empty());
}

#[test]
fn poll_delays_grow_and_are_bounded() {
    let delays: Vec<u64> = (0..8).map(|n| poll_delay(n).as_millis() as u64).collect();
    assert_eq!(delays, [1000, 1500, 2250, 3375, 5000, 5000, 5000, 5000]);
}

#[test]
fn a_failed_payment_reports_its_code_then_completes_failed() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    let done = flow.handle(Input::StatusPolled(Ok(update(
        PaymentStatus::Failed,
        Some("2002"),
    ))));
    assert_eq!(events(&done), ["error", "step", "complete"]);
    let Effect::Emit(CheckoutEvent::Error(error)) = &done[0] else {
        panic!()
    };
    assert_eq!(
        (error.error_code.as_str(), error.retryable),
        ("2002", false)
    );
    let Effect::Emit(CheckoutEvent::Complete(complete)) = &done[2] else {
        panic!()
    };
    assert_eq!(complete.payment_status, PaymentStatus::Failed);
}

#[test]
fn the_status_timeout_completes_pending() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    let done = flow.handle(Input::StatusTimedOut);
    assert_eq!(events(&done), ["step", "complete"]);
    assert_eq!(
        flow.phase(),
        &Phase::Done {
            transaction_id: "txn_1".into(),
            status: PaymentStatus::Pending
        }
    );
}

#[test]
fn a_lost_answer_is_retried_with_the_same_key_then_reported() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    let retry = flow.handle(unreachable());
    assert_eq!(
        collect_key(&retry),
        Some(("k1", Duration::from_secs(1), false))
    );
    let retry = flow.handle(unreachable());
    assert_eq!(
        collect_key(&retry),
        Some(("k1", Duration::from_secs(2), false))
    );
    let given_up = flow.handle(unreachable());
    assert_eq!(events(&given_up), ["error"]);
    let Effect::Emit(CheckoutEvent::Error(error)) = &given_up[0] else {
        panic!()
    };
    assert_eq!(
        (error.error_code.as_str(), error.retryable),
        ("NETWORK_ERROR", true)
    );
    assert!(!flow.is_busy());
    assert!(flow.has_unresolved_attempt());
    assert!(flow
        .problem()
        .unwrap()
        .message
        .contains("could not be confirmed"));
    // The customer presses Pay again: the same attempt, the same key.
    let resent = flow.handle(submit("k2"));
    assert_eq!(collect_key(&resent), Some(("k1", Duration::ZERO, false)));
    let effects = flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    assert_eq!(events(&effects), ["response", "step"]);
}

#[test]
fn an_expired_session_is_renewed_once_and_the_same_attempt_goes_on() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    // The gateway says the session expired: a fresh token, the same key,
    // and no error for the customer.
    let renewed = flow.handle(Input::Collected(Err(Failure::SessionExpired)));
    assert_eq!(collect_key(&renewed), Some(("k1", Duration::ZERO, true)));
    assert!(events(&renewed).is_empty());
    let effects = flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    assert_eq!(events(&effects), ["response", "step"]);
}

#[test]
fn a_session_that_expires_again_ends_clearly_and_the_next_pay_fetches_another() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    flow.handle(Input::Collected(Err(Failure::SessionExpired)));
    let failed = flow.handle(Input::Collected(Err(Failure::SessionExpired)));
    let Effect::Emit(CheckoutEvent::Error(error)) = &failed[0] else {
        panic!()
    };
    assert_eq!(
        (error.error_code.as_str(), error.retryable),
        ("SESSION_EXPIRED", true)
    );
    let retry = flow.handle(submit("k2"));
    assert_eq!(collect_key(&retry), Some(("k2", Duration::ZERO, true)));
    // A new attempt may renew once more.
    let renewed = flow.handle(Input::Collected(Err(Failure::SessionExpired)));
    assert_eq!(collect_key(&renewed), Some(("k2", Duration::ZERO, true)));
}

#[test]
fn a_refused_field_returns_to_the_form_with_the_gateway_code() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    let refused = Failure::Refused {
        code: "1201".into(),
        message: "phone_number must be E.164".into(),
        field: Some("phone_number".into()),
        retryable: true,
    };
    let effects = flow.handle(Input::Collected(Err(refused)));
    let Effect::Emit(CheckoutEvent::Error(error)) = &effects[0] else {
        panic!()
    };
    assert_eq!(error.error_code, "1201");
    assert_eq!(
        flow.problem().and_then(|problem| problem.field.as_deref()),
        Some("phone_number")
    );
    assert_eq!(
        collect_key(&flow.handle(submit("k2"))),
        Some(("k2", Duration::ZERO, false))
    );
    assert_eq!(flow.problem(), None);
}

#[test]
fn a_malformed_answer_keeps_the_key_for_the_retry() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    let effects = flow.handle(Input::Collected(Err(Failure::Malformed {
        detail: "odd".into(),
    })));
    assert_eq!(events(&effects), ["error"]);
    assert_eq!(
        collect_key(&flow.handle(submit("k2"))).map(|c| c.0),
        Some("k1")
    );
}

#[test]
fn an_immediately_final_answer_completes_without_polling() {
    let mut flow = flow();
    flow.handle(submit("k1"));
    let effects = flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Approved))));
    assert_eq!(events(&effects), ["response", "step", "complete"]);
    assert!(!effects
        .iter()
        .any(|effect| matches!(effect, Effect::PollStatus { .. })));
}

#[test]
fn late_answers_are_ignored() {
    let mut flow = flow();
    assert!(flow
        .handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))))
        .is_empty());
    assert!(flow.handle(Input::StatusTimedOut).is_empty());
    assert_eq!(flow.phase(), &Phase::Form);
}
