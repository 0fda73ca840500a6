//! The seed's examples and its list of common mistakes.

use super::*;

fn answer(json: &str) -> Answer {
    read(200, json).unwrap()
}

/// The seed's simulator answer (provider 14): in progress.
const SEED_SIMULATOR_ANSWER: &str = r#"{"order_id": "54321", "transaction_id": "12345", "transaction_ref": "", "status": 1,
  "result": {"code": 0, "message": "OK"}, "provider_result": {"code": -8888, "message": "Good"}, "service_id": 1,
  "service_version": "1.03/1.14|1.0/1.26|1.0/1.0|1.01/1.01|1.01/1.01||1.01/1.27",
  "service_date_time": "2023-05-15 10:00:00.000000", "confirm_type": 0}"#;

/// The seed's payment-page answer: status 8 with `pp_url`.
const SEED_PAYMENT_PAGE_ANSWER: &str = r#"{"order_id": "example_order_id_***", "transaction_id": "", "transaction_ref": "",
  "status": 8, "result": {"code": 0, "message": "request error"}, "provider_result": {"code": -8888, "message": ""},
  "service_id": 1, "service_version": "1.03/1.14|1.0/2.0|1.0/1.0|1.01/1.0|1.01/2.0||1.02/1.27",
  "service_date_time": "2026-04-09 14:08:48.535688",
  "pp_url": "https://pp.domain.example/cdeffe6210c7fdc7402c13b210dbd8ddec02da0c/****", "confirm_type": 0}"#;

#[test]
fn the_seed_simulator_answer_means_wait() {
    let read = answer(SEED_SIMULATOR_ANSWER);
    assert_eq!(
        (read.order_id.as_str(), read.transaction_id.as_str()),
        ("54321", "12345")
    );
    assert_eq!(read.next, Next::Wait);
}

#[test]
fn the_seed_payment_page_answer_means_go_to_the_page() {
    let expected = "https://pp.domain.example/cdeffe6210c7fdc7402c13b210dbd8ddec02da0c/****";
    assert_eq!(
        answer(SEED_PAYMENT_PAGE_ANSWER).next,
        Next::PaymentPage(expected.into())
    );
}

#[test]
fn order_1_missing_email_init_then_status_then_fixed() {
    // INIT: status 8, result.code 0, no action: not a success, ask STATUS.
    let init = answer(
        r#"{"order_id": "ORDER-1", "status": 8, "result": {"code": 0, "message": "request error"}}"#,
    );
    assert_eq!(init.next, Next::AskWhatIsMissing);
    // STATUS: the fields and errors, errors as arrays.
    let status = answer(
        r#"{"order_id": "ORDER-1", "status": 8, "result": {"code": 0, "message": "request error"},
            "action": {"fields": {"customer_email": {"type": "email", "label": "Email", "required": true}},
                       "errors": {"customer_email": ["The customer email field is required.", "second"]}}}"#,
    );
    let Next::ProvideData(fields) = status.next else {
        panic!("a form")
    };
    assert_eq!(fields.len(), 1);
    assert_eq!(
        (fields[0].name.as_str(), fields[0].kind.as_str()),
        ("customer_email", "email")
    );
    assert_eq!(
        fields[0].error.as_deref(),
        Some("The customer email field is required.")
    );
    // STATUS with the data: in progress.
    let fixed =
        answer(r#"{"order_id": "ORDER-1", "status": 1, "result": {"code": 0, "message": "OK"}}"#);
    assert_eq!(fixed.next, Next::Wait);
}

#[test]
fn order_2_otp_sent_then_wrong_then_success() {
    let sent = r#"{"order_id": "ORDER-2", "status": 1, "result": {"code": 0, "message": "OK"}, "provider_result": {"code": -8888, "message": "OTP sent"}}"#;
    assert_eq!(
        answer(sent).next,
        Next::EnterOtp {
            message: "OTP sent".into(),
            wrong: false
        }
    );
    let wrong = r#"{"order_id": "ORDER-2", "status": 1, "result": {"code": 3001, "message": "Wrong OTP, try again"}, "provider_result": {"message": "OTP sent"}}"#;
    assert_eq!(
        answer(wrong).next,
        Next::EnterOtp {
            message: "Wrong OTP, try again".into(),
            wrong: true
        }
    );
    let done =
        answer(r#"{"order_id": "ORDER-2", "status": 2, "result": {"code": 0, "message": "OK"}}"#);
    assert!(matches!(
        done.next,
        Next::Finished {
            status: PaymentStatus::Approved,
            ..
        }
    ));
}

#[test]
fn common_mistake_status_8_with_code_0_is_never_success() {
    for body in [
        r#"{"status": 8, "result": {"code": 0, "message": "OK"}}"#,
        r#"{"status": 8, "result": {"code": 0}, "action": {"fields": {}}}"#,
    ] {
        assert!(
            !matches!(answer(body).next, Next::Finished { .. }),
            "{body}"
        );
    }
}

#[test]
fn common_mistake_errors_are_arrays_not_strings() {
    let body = r#"{"status": 8, "result": {"code": 0}, "action": {"fields": {"x": {}}, "errors": {"x": "a string"}}}"#;
    let Next::ProvideData(fields) = answer(body).next else {
        panic!()
    };
    assert_eq!(
        fields[0].error, None,
        "a string is not read as the message list"
    );
    assert_eq!(
        (
            fields[0].kind.as_str(),
            fields[0].label.as_str(),
            fields[0].required
        ),
        ("text", "x", true)
    );
}

#[test]
fn final_statuses_and_refusals() {
    let failed =
        answer(r#"{"status": 3, "result": {"code": 2002, "message": "Insufficient funds"}}"#);
    assert_eq!(
        failed.next,
        Next::Finished {
            status: PaymentStatus::Failed,
            code: Some("2002".into()),
            message: "Insufficient funds".into()
        }
    );
    assert!(matches!(
        answer(r#"{"status": 4, "result": {"code": 0}}"#).next,
        Next::Finished {
            status: PaymentStatus::Cancelled,
            ..
        }
    ));
    let refused = read(
        401,
        r#"{"status": -1, "result": {"code": 1001, "message": "invalid signature"}}"#,
    );
    assert!(matches!(refused, Err(Failure::Refused { ref code, .. }) if code == "1001"));
    assert!(matches!(read(503, ""), Err(Failure::Unreachable { .. })));
    assert!(matches!(
        read(200, "<html>"),
        Err(Failure::Malformed { .. })
    ));
}
