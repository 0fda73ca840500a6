use super::*;

const REF: &str = "6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f";
const FRESH: &str = "0d9c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f";

fn lost() -> Failure {
    Failure::Unreachable {
        detail: "connection dropped".into(),
    }
}

fn update(status: PaymentStatus) -> StatusUpdate {
    StatusUpdate {
        status,
        failure_code: None,
        message: None,
    }
}

fn accepted() -> Accepted {
    Accepted {
        transaction_id: REF.into(),
        status: PaymentStatus::Pending,
        message: None,
        amount: Some("30.45".into()),
        currency: Some("USD".into()),
        fee_amount: None,
        total_amount: None,
        created_at: None,
    }
}

fn events(effects: &[Effect]) -> Vec<&'static str> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Emit(event) => Some(event.name()),
            _ => None,
        })
        .collect()
}

fn sends(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|effect| matches!(effect, Effect::Execute { .. }))
        .count()
}

fn at_form() -> InvoiceFlow {
    let mut flow = InvoiceFlow::new(Duration::from_secs(120));
    assert_eq!(flow.start(), vec![Effect::LoadCheckout]);
    flow.handle(Input::Loaded {
        stored: None,
        reported: None,
    });
    assert_eq!(flow.phase(), &Phase::Form);
    flow
}

fn paying() -> InvoiceFlow {
    let mut flow = at_form();
    let effects = flow.handle(Input::Pay {
        fresh_reference: REF.into(),
    });
    // The reference is kept before the collection is sent.
    assert_eq!(
        effects,
        vec![
            Effect::Remember(REF.into()),
            Effect::Execute {
                reference: REF.into(),
                after: Duration::ZERO
            }
        ]
    );
    flow
}

#[test]
fn a_payment_is_accepted_then_approved_live_with_its_receipt() {
    let mut flow = paying();
    let effects = flow.handle(Input::Executed(Ok(accepted())));
    assert_eq!(events(&effects), ["response", "step"]);
    assert!(effects.contains(&Effect::Listen(REF.into())));
    assert!(effects.contains(&Effect::StartStatusTimeout(Duration::from_secs(120))));
    // While the channel is up nothing is polled.
    assert_eq!(
        flow.handle(Input::StatusRead(Ok(Some(update(PaymentStatus::Pending))))),
        vec![]
    );
    assert_eq!(
        flow.handle(Input::Pushed(update(PaymentStatus::Pending))),
        vec![]
    );
    let effects = flow.handle(Input::Pushed(update(PaymentStatus::Approved)));
    assert_eq!(events(&effects), ["step", "complete"]);
    assert!(effects.contains(&Effect::StopListening));
    assert!(effects.contains(&Effect::Record {
        reference: REF.into(),
        status: PaymentStatus::Approved
    }));
    assert!(effects.contains(&Effect::FetchReceipt(REF.into())));
    assert_eq!(
        flow.phase(),
        &Phase::Done {
            reference: REF.into(),
            status: PaymentStatus::Approved
        }
    );
    // A late push or a second click changes nothing.
    assert_eq!(
        flow.handle(Input::Pushed(update(PaymentStatus::Failed))),
        vec![]
    );
    assert_eq!(
        flow.handle(Input::Pay {
            fresh_reference: FRESH.into()
        }),
        vec![]
    );
}

#[test]
fn a_lost_answer_is_followed_by_a_status_read_never_a_blind_resend() {
    let mut flow = paying();
    let effects = flow.handle(Input::Executed(Err(lost())));
    assert_eq!(
        effects,
        vec![Effect::ReadStatus {
            reference: REF.into(),
            after: Duration::from_secs(1)
        }]
    );
    // The gateway has it: wait for the wallet, same reference.
    let effects = flow.handle(Input::StatusRead(Ok(Some(update(PaymentStatus::Pending)))));
    assert_eq!(sends(&effects), 0);
    assert_eq!(events(&effects), ["response", "step"]);
    assert!(
        matches!(flow.phase(), Phase::Awaiting { reference, live: true, .. } if reference == REF)
    );
}

#[test]
fn a_reference_the_gateway_never_saw_is_sent_again_unchanged_then_handed_to_the_customer() {
    let mut flow = paying();
    flow.handle(Input::Executed(Err(lost())));
    let effects = flow.handle(Input::StatusRead(Ok(None)));
    assert_eq!(
        effects[1],
        Effect::Execute {
            reference: REF.into(),
            after: Duration::from_secs(1)
        }
    );
    flow.handle(Input::Executed(Err(lost())));
    flow.handle(Input::StatusRead(Ok(None)));
    flow.handle(Input::Executed(Err(lost())));
    let effects = flow.handle(Input::StatusRead(Ok(None)));
    assert_eq!(sends(&effects), 0, "three sends at most");
    assert_eq!(events(&effects), ["error", "step"]);
    assert!(flow.has_unresolved_payment());
    // Pay again: the same reference, never a new one.
    let effects = flow.handle(Input::Pay {
        fresh_reference: FRESH.into(),
    });
    assert_eq!(
        effects[1],
        Effect::Execute {
            reference: REF.into(),
            after: Duration::ZERO
        }
    );
}

#[test]
fn a_reload_resumes_the_stored_reference_without_sending() {
    let mut flow = InvoiceFlow::new(Duration::from_secs(120));
    let effects = flow.handle(Input::Loaded {
        stored: Some(REF.into()),
        reported: None,
    });
    assert_eq!(
        effects,
        vec![Effect::ReadStatus {
            reference: REF.into(),
            after: Duration::ZERO
        }]
    );
    let effects = flow.handle(Input::StatusRead(Ok(Some(update(PaymentStatus::Approved)))));
    assert_eq!(sends(&effects), 0);
    assert_eq!(events(&effects), ["response", "step", "complete"]);
    assert!(effects.contains(&Effect::FetchReceipt(REF.into())));
}

#[test]
fn a_stored_reference_unknown_to_the_gateway_waits_for_pay_and_keeps_its_reference() {
    let mut flow = InvoiceFlow::new(Duration::from_secs(120));
    flow.handle(Input::Loaded {
        stored: Some(REF.into()),
        reported: None,
    });
    // The phone number is not kept across pages: nothing to resend yet.
    let effects = flow.handle(Input::StatusRead(Ok(None)));
    assert_eq!(sends(&effects), 0);
    assert_eq!(flow.phase(), &Phase::Form);
    let effects = flow.handle(Input::Pay {
        fresh_reference: FRESH.into(),
    });
    assert_eq!(effects[0], Effect::Remember(REF.into()));
}

#[test]
fn an_outcome_already_reported_is_shown_not_reported_again() {
    let mut flow = InvoiceFlow::new(Duration::from_secs(120));
    let effects = flow.handle(Input::Loaded {
        stored: Some(REF.into()),
        reported: Some(PaymentStatus::Approved),
    });
    assert_eq!(events(&effects), ["step"]);
    assert_eq!(effects[1], Effect::FetchReceipt(REF.into()));
    // Reported pending (timed out), now approved: shown, recorded, no second complete.
    let mut flow = InvoiceFlow::new(Duration::from_secs(120));
    flow.handle(Input::Loaded {
        stored: Some(REF.into()),
        reported: Some(PaymentStatus::Pending),
    });
    let effects = flow.handle(Input::StatusRead(Ok(Some(update(PaymentStatus::Approved)))));
    assert_eq!(events(&effects), ["step"]);
    assert!(effects.contains(&Effect::Record {
        reference: REF.into(),
        status: PaymentStatus::Approved
    }));
}

#[test]
fn a_dropped_channel_falls_back_to_polling_with_back_off() {
    let mut flow = paying();
    flow.handle(Input::Executed(Ok(accepted())));
    let effects = flow.handle(Input::ChannelLost);
    assert_eq!(
        effects,
        vec![Effect::ReadStatus {
            reference: REF.into(),
            after: poll_delay(0)
        }]
    );
    let effects = flow.handle(Input::StatusRead(Ok(Some(update(PaymentStatus::Pending)))));
    assert_eq!(
        effects,
        vec![Effect::ReadStatus {
            reference: REF.into(),
            after: poll_delay(1)
        }]
    );
    let effects = flow.handle(Input::StatusRead(Err(lost())));
    assert_eq!(
        effects,
        vec![Effect::ReadStatus {
            reference: REF.into(),
            after: poll_delay(2)
        }]
    );
    assert!(poll_delay(2) > poll_delay(1));
    assert_eq!(flow.handle(Input::ChannelLost), vec![], "already polling");
    let effects = flow.handle(Input::StatusRead(Ok(Some(update(PaymentStatus::Approved)))));
    assert_eq!(events(&effects), ["step", "complete"]);
}

#[test]
fn a_decline_reports_the_gateway_code_then_complete_failed() {
    let mut flow = paying();
    flow.handle(Input::Executed(Ok(accepted())));
    let declined = StatusUpdate {
        status: PaymentStatus::Failed,
        failure_code: Some("INSUFFICIENT_FUNDS".into()),
        message: Some("no funds".into()),
    };
    let effects = flow.handle(Input::Pushed(declined));
    assert_eq!(events(&effects), ["error", "step", "complete"]);
    let Effect::Emit(CheckoutEvent::Error(error)) = &effects[1] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (error.error_code.as_str(), error.retryable),
        ("INSUFFICIENT_FUNDS", false)
    );
    assert!(!effects
        .iter()
        .any(|effect| matches!(effect, Effect::FetchReceipt(_))));
}

#[test]
fn the_status_timeout_ends_in_pending_with_the_reference() {
    let mut flow = paying();
    flow.handle(Input::Executed(Ok(accepted())));
    let effects = flow.handle(Input::StatusTimedOut);
    assert_eq!(events(&effects), ["step", "complete"]);
    let Some(Effect::Emit(CheckoutEvent::Complete(complete))) = effects
        .iter()
        .find(|e| matches!(e, Effect::Emit(CheckoutEvent::Complete(_))))
    else {
        panic!()
    };
    assert_eq!(
        (complete.transaction_id.as_str(), complete.payment_status),
        (REF, PaymentStatus::Pending)
    );
}

#[test]
fn a_refusal_shows_on_the_form_and_the_next_pay_is_a_new_payment() {
    let mut flow = paying();
    let refused = Failure::Refused {
        code: "VALIDATION_ERROR".into(),
        message: "bad operator".into(),
        field: Some("gateway_provider".into()),
        retryable: true,
    };
    let effects = flow.handle(Input::Executed(Err(refused)));
    assert_eq!(events(&effects), ["error"]);
    assert_eq!(
        flow.problem().and_then(|p| p.field.as_deref()),
        Some("gateway_provider")
    );
    let effects = flow.handle(Input::Pay {
        fresh_reference: FRESH.into(),
    });
    assert_eq!(effects[0], Effect::Remember(FRESH.into()));
}

#[test]
fn a_checkout_that_cannot_load_can_be_tried_again() {
    let mut flow = InvoiceFlow::new(Duration::from_secs(120));
    let effects = flow.handle(Input::LoadFailed(lost()));
    assert_eq!(events(&effects), ["error"]);
    assert_eq!(flow.phase(), &Phase::Unavailable);
    assert_eq!(flow.handle(Input::Reload), vec![Effect::LoadCheckout]);
}
