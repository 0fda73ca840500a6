//! Resume points: what is kept, what is refused, and where a resumed flow
//! starts.

use std::time::Duration;

// The flow tests' helpers: a flow with a 30 s status timeout, a PDirect
// answer accepting `txn_1`, the customer's Pay, a lost answer.
use super::super::tests::{accepted, flow, submit, unreachable};
use super::super::*;
use super::*;
use crate::core::adapters::Failure;
use crate::core::gateway::Gateway;

const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

fn sent() -> ResumePoint {
    ResumePoint::Sent {
        idempotency_key: KEY.into(),
    }
}

fn accepted_point() -> ResumePoint {
    ResumePoint::Accepted {
        transaction_id: "txn_1".into(),
    }
}

#[test]
fn stored_points_read_back_as_themselves() {
    for point in [sent(), accepted_point()] {
        assert_eq!(ResumePoint::parse(&point.stored()), Some(point));
    }
}

#[test]
fn anything_else_in_storage_is_refused() {
    for stored in [
        "",
        "sent:",
        "sent:not-a-uuid",
        "sent:0F8FAD5B-D9CB-469F-A165-70867728950E",
        "sent:0f8fad5b-d9cb-169f-a165-70867728950e",
        "sent:0f8fad5b-d9cb-469f-a165-70867728950e ",
        "accepted:",
        "accepted:txn_",
        "accepted:txn_<img src=x onerror=alert(1)>",
        "accepted:../../etc/passwd",
        "accepted:pay_123",
        &format!("accepted:txn_{}", "a".repeat(65)),
        r#"{"transaction_id":"txn_1"}"#,
        KEY,
    ] {
        assert_eq!(ResumePoint::parse(stored), None, "{stored}");
    }
}

#[test]
fn a_flow_keeps_the_key_while_sent_the_id_while_awaiting_and_nothing_when_done() {
    let mut flow = flow();
    assert_eq!(flow.resume_point(), None);
    flow.handle(submit(KEY));
    assert_eq!(flow.resume_point(), Some(sent()));
    // The answer was lost three times: the attempt stays unresolved.
    for _ in 0..3 {
        flow.handle(unreachable());
    }
    assert_eq!(flow.phase(), &Phase::Form);
    assert_eq!(flow.resume_point(), Some(sent()));
    flow.handle(submit("another"));
    flow.handle(Input::Collected(Ok(accepted(PaymentStatus::Pending))));
    assert_eq!(flow.resume_point(), Some(accepted_point()));
    flow.handle(Input::StatusTimedOut);
    assert_eq!(flow.resume_point(), None);
}

#[test]
fn a_refused_attempt_leaves_nothing_to_resume() {
    let mut flow = flow();
    flow.handle(submit(KEY));
    flow.handle(Input::Collected(Err(Failure::Refused {
        code: "2001".into(),
        message: "Declined".into(),
        field: None,
        retryable: false,
    })));
    assert_eq!(flow.resume_point(), None);
}

#[test]
fn resumed_after_sending_the_next_pay_resends_under_the_same_key() {
    let mut flow = flow().resumed(sent());
    assert_eq!(flow.start(), vec![flow.step(Step::Form)]);
    assert_eq!(
        flow.problem().map(|p| p.notice.key),
        Some(RESENT_NOTICE)
    );
    assert!(flow.has_unresolved_attempt());
    let effects = flow.handle(submit("fresh"));
    assert_eq!(
        effects,
        vec![Effect::Collect {
            idempotency_key: KEY.into(),
            after: Duration::ZERO,
            refresh_session: false,
        }]
    );
}

#[test]
fn resumed_while_awaiting_it_polls_at_once_and_keeps_its_timeout() {
    let mut flow = flow().resumed(accepted_point());
    let id = "txn_1".to_owned();
    assert_eq!(
        flow.start(),
        vec![
            flow.step(Step::Awaiting),
            Effect::StartStatusTimeout(Duration::from_secs(30)),
            Effect::PollStatus {
                transaction_id: id.clone(),
                after: Duration::ZERO,
            },
        ]
    );
    let effects = flow.handle(Input::StatusPolled(Ok(
        crate::core::adapters::StatusUpdate {
            status: PaymentStatus::Approved,
            failure_code: None,
            message: None,
        },
    )));
    assert!(
        effects.contains(&Effect::Emit(CheckoutEvent::Complete(CompleteDetail {
            gateway: Gateway::Pdirect,
            transaction_id: id,
            payment_status: PaymentStatus::Approved,
        })))
    );
}

#[test]
fn a_stale_stored_id_the_gateway_does_not_know_leads_back_to_the_form() {
    let mut flow = flow().resumed(accepted_point());
    let effects = flow.handle(Input::StatusPolled(Err(Failure::Refused {
        code: "1301".into(),
        message: "transaction not found".into(),
        field: None,
        retryable: false,
    })));
    assert_eq!(effects, vec![flow.step(Step::Form)]);
    assert_eq!(flow.phase(), &Phase::Form);
    assert_eq!(flow.resume_point(), None);
    assert!(!flow.has_unresolved_attempt());
}
