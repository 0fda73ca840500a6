//! An amount as each gateway's wire carries it. Inside the element money
//! is always integer minor units ([`Money`]); only here does it become what
//! a gateway expects, and back:
//!
//! | gateway | on the wire | 12.50 USD | 5000 UGX |
//! |---|---|---|---|
//! | PDirect, universal, invoice | decimal string with the currency's decimals | `"12.50"` | `"5000"` |
//! | PayGate, Moment | integer of minor units (cents, pesewas) | `1250` | `5000` |
//!
//! Nothing is ever rounded: a value with more decimals than its currency
//! has, a fraction of a minor unit, or a negative value is refused, because
//! charging a slightly different amount is worse than not charging.

use super::gateway::Gateway;
use super::json::{to_text, Value};
use super::money::{Currency, Money, MoneyError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireAmount {
    Decimal(String),
    MinorUnits(u64),
}

impl WireAmount {
    /// As text, where a gateway's field is a string either way.
    pub fn to_text(&self) -> String {
        match self {
            WireAmount::Decimal(text) => text.clone(),
            WireAmount::MinorUnits(units) => units.to_string(),
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            WireAmount::Decimal(text) => Value::from(text),
            WireAmount::MinorUnits(units) => Value::from(*units),
        }
    }
}

/// How `gateway` writes amounts.
fn in_minor_units(gateway: Gateway) -> bool {
    matches!(gateway, Gateway::Paygate | Gateway::Moment)
}

/// `money` as `gateway` expects it in a request.
pub fn to_wire(gateway: Gateway, money: Money) -> WireAmount {
    if in_minor_units(gateway) {
        WireAmount::MinorUnits(money.minor_units())
    } else {
        WireAmount::Decimal(money.to_decimal_string())
    }
}

/// An amount `gateway` sent, as money in `currency`: a decimal string for
/// the decimal gateways, a whole number of minor units for the others.
pub fn from_wire(gateway: Gateway, value: &Value, currency: Currency) -> Result<Money, MoneyError> {
    let not_decimal = || MoneyError::NotADecimal(to_text(value));
    match value {
        Value::String(text) if !in_minor_units(gateway) => Money::parse(text, currency),
        Value::Number(number) if in_minor_units(gateway) => match number.as_u64() {
            Some(0) => Err(MoneyError::NotPositive),
            Some(units) => Ok(Money::from_minor_units(units, currency)),
            None => Err(not_decimal()),
        },
        _ => Err(not_decimal()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn money(value: &str, code: &str) -> Money {
        Money::parse(value, Currency::from_code(code).unwrap()).unwrap()
    }

    /// (currency, typed amount, decimal on the wire, minor units on the wire)
    const TABLE: [(&str, &str, &str, u64); 10] = [
        ("USD", "12.50", "12.50", 1250),
        ("USD", "0.05", "0.05", 5),
        ("KES", "100", "100.00", 10_000),
        ("GHS", "50.5", "50.50", 5050),
        ("CDF", "86782.50", "86782.50", 8_678_250),
        ("ZAR", "100.00", "100.00", 10_000),
        ("UGX", "5000", "5000", 5000),
        ("RWF", "1200", "1200", 1200),
        ("XOF", "2500", "2500", 2500),
        ("MWK", "1999.99", "1999.99", 199_999),
    ];

    #[test]
    fn each_gateway_gets_its_own_form_of_the_same_amount() {
        for (code, typed, decimal, minor) in TABLE {
            let amount = money(typed, code);
            for gateway in [Gateway::Pdirect, Gateway::Universal, Gateway::Invoice] {
                assert_eq!(to_wire(gateway, amount), WireAmount::Decimal(decimal.into()), "{gateway} {code}");
            }
            for gateway in [Gateway::Paygate, Gateway::Moment] {
                assert_eq!(to_wire(gateway, amount), WireAmount::MinorUnits(minor), "{gateway} {code}");
            }
        }
        assert_eq!(to_wire(Gateway::Paygate, money("50", "GHS")).to_json(), json!(5000));
        assert_eq!(to_wire(Gateway::Pdirect, money("12.5", "USD")).to_json(), json!("12.50"));
    }

    #[test]
    fn what_a_gateway_sends_back_is_the_same_money() {
        for (code, typed, decimal, minor) in TABLE {
            let currency = Currency::from_code(code).unwrap();
            let amount = money(typed, code);
            assert_eq!(from_wire(Gateway::Pdirect, &json!(decimal), currency), Ok(amount));
            assert_eq!(from_wire(Gateway::Paygate, &json!(minor), currency), Ok(amount));
            for gateway in Gateway::ALL {
                let wire = to_wire(gateway, amount).to_json();
                assert_eq!(from_wire(gateway, &wire, currency), Ok(amount), "{gateway} {code}");
            }
        }
    }

    #[test]
    fn nothing_is_rounded_or_guessed() {
        let usd = Currency::from_code("USD").unwrap();
        let ugx = Currency::from_code("UGX").unwrap();
        assert!(matches!(from_wire(Gateway::Pdirect, &json!("12.505"), usd), Err(MoneyError::TooManyDecimals { .. })));
        assert!(matches!(from_wire(Gateway::Universal, &json!("10.5"), ugx), Err(MoneyError::TooManyDecimals { .. })));
        for bad in [json!(12.5), json!(-100), json!("1250"), json!(null)] {
            assert!(from_wire(Gateway::Paygate, &bad, usd).is_err(), "{bad}");
        }
        for bad in [json!(1250), json!("12,50"), json!("-1.00"), json!("1e3")] {
            assert!(from_wire(Gateway::Pdirect, &bad, usd).is_err(), "{bad}");
        }
        assert_eq!(from_wire(Gateway::Moment, &json!(0), usd), Err(MoneyError::NotPositive));
    }
}
