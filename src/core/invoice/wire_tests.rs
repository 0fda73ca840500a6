use super::*;

fn usd(value: &str) -> Money {
    Money::parse(value, Currency::from_code("USD").unwrap()).unwrap()
}

#[test]
fn a_checkout_becomes_money_in_minor_units() {
    let body = r#"{"checkout_session_id":"cs_1","credential":"ick.cs_1.9.ab","expires_in":900,
        "invoice":{"id":"inv_1","currency":"USD","note":"Order 7","fee_bearer":"CUSTOMER",
        "items":[{"name":"Kitenge","currency":"USD","qty":2,"amount":"12.50","total":"25.00"}],"total":"25.00"}}"#;
    let checkout = read_checkout(200, body).unwrap();
    assert_eq!(checkout.session_id, "cs_1");
    assert_eq!(checkout.invoice.total.minor_units(), 2500);
    assert_eq!(checkout.invoice.items[0].qty, 2);
}

#[test]
fn fees_read_a_zero_fee_and_the_conversion() {
    let body = r#"{"currency":"USD","amount":"0.30","fee":"0.00","fee_bearer":"MERCHANT",
        "customer_pays":"0.30","merchant_receives":"0.30",
        "fx":{"from_currency":"USD","to_currency":"UGX","rate":"3700.0000","customer_pays":"1110"}}"#;
    let preview = read_fees(200, body).unwrap();
    assert_eq!(preview.fee.minor_units(), 0);
    assert_eq!(preview.customer_pays, usd("0.30"));
    let fx = preview.fx.unwrap();
    assert_eq!(
        (fx.rate.as_str(), fx.customer_pays.minor_units()),
        ("3700.0000", 1110)
    );
}

#[test]
fn statuses_map_and_an_unknown_reference_is_none() {
    let failed = r#"{"reference_id":"r","status":"FAILED","failure_code":"INSUFFICIENT_FUNDS","failure_message":"no money"}"#;
    let update = read_status(200, failed).unwrap().unwrap();
    assert_eq!(
        (update.status, update.failure_code.as_deref()),
        (PaymentStatus::Failed, Some("INSUFFICIENT_FUNDS"))
    );
    let processing = read_status(200, r#"{"status":"PROCESSING"}"#)
        .unwrap()
        .unwrap();
    assert_eq!(processing.status, PaymentStatus::Pending);
    assert_eq!(
        read_status(404, r#"{"error":{"code":"NOT_FOUND","message":"no"}}"#),
        Ok(None)
    );
}

#[test]
fn errors_keep_the_backend_s_code_and_field() {
    let refused =
        r#"{"error":{"code":"VALIDATION_ERROR","message":"bad number","field":"phone_number"}}"#;
    assert_eq!(
        read_operator(422, refused),
        Err(Failure::Refused {
            code: "VALIDATION_ERROR".into(),
            message: "bad number".into(),
            field: Some("phone_number".into()),
            retryable: true,
        })
    );
    let expired = r#"{"error":{"code":"SESSION_EXPIRED","message":"expired"}}"#;
    assert_eq!(read_collection(401, expired), Err(Failure::SessionExpired));
    assert!(matches!(
        read_collection(503, "<html>"),
        Err(Failure::Unreachable { .. })
    ));
    assert!(matches!(
        read_collection(200, "{}"),
        Err(Failure::Malformed { .. })
    ));
    assert!(matches!(
        read_checkout(
            200,
            r#"{"checkout_session_id":"c","credential":"x","invoice":{"currency":"XXX","items":[],"total":"1"}}"#
        ),
        Err(Failure::Malformed { .. })
    ));
}

#[test]
fn a_receipt_reads_its_lines_provider_and_amounts() {
    let body = r#"{"receipt":{"reference_id":"r-1","paid_at":"2026-01-02T10:00:00Z",
        "items":[{"name":"Kitenge","qty":2,"total":"25.00"}],
        "provider":{"provider_name":"Airtel Money","phone_number":"+243990000001"},
        "currency":"USD","amount":"25.00","fee":"0.50","fee_bearer":"CUSTOMER",
        "customer_pays":"25.50","fx":null}}"#;
    let receipt = read_receipt(200, body).unwrap();
    assert_eq!(
        (receipt.reference_id.as_str(), receipt.provider_name.as_str(), receipt.phone_number.as_str()),
        ("r-1", "Airtel Money", "+243990000001")
    );
    assert_eq!(receipt.items, vec![LineItem { name: "Kitenge".into(), qty: 2, total: usd("25.00") }]);
    assert_eq!((receipt.amounts.fee, receipt.amounts.customer_pays), (usd("0.50"), usd("25.50")));
    assert_eq!(receipt.amounts.fx, None);
}

#[test]
fn a_field_of_the_wrong_type_is_unreadable_and_null_is_absent() {
    let operator = |providers: &str| {
        read_operator(200, &format!(r#"{{"phone_number":"+243990000001","currency":"CDF","gateway_provider":null,"providers":{providers}}}"#))
    };
    let info = operator(r#"[{"gateway_provider":"AIRTEL_CD","provider_name":"Airtel"}]"#).unwrap();
    assert_eq!((info.gateway_provider, info.providers.len()), (None, 1));
    for bad in [r#"[{"gateway_provider":7,"provider_name":"Airtel"}]"#, r#"{"a":1}"#, "null", r#"["AIRTEL_CD"]"#] {
        assert!(matches!(operator(bad), Err(Failure::Malformed { .. })), "{bad}");
    }
    let item_qty = |qty: &str| {
        read_checkout(200, &format!(r#"{{"checkout_session_id":"c","invoice":{{"currency":"USD","items":[{{"name":"x","qty":{qty},"total":"1.00"}}],"total":"1.00"}}}}"#))
    };
    assert_eq!(item_qty("3").unwrap().invoice.items[0].qty, 3);
    assert_eq!(item_qty("3").unwrap().credential, "");
    for bad in ["-1", "1.5", "\"3\""] {
        assert!(matches!(item_qty(bad), Err(Failure::Malformed { .. })), "{bad}");
    }
    assert!(matches!(read_collection(200, "[1]"), Err(Failure::Malformed { .. })));
}
