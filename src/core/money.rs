//! Money in integer minor units, never floating point.
//!
//! An amount is a count of the currency's smallest unit (cents, pesewas,
//! francs); the number of decimals comes from ISO 4217.

use std::fmt;

use thiserror::Error;

use super::json::quoted;

/// An ISO 4217 currency this element knows the minor units of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    exponent: u8,
}

/// ISO 4217 codes and their minor-unit exponents: the currencies of our
/// markets first, then the ones merchants there price in.
const CURRENCIES: &[(&str, u8)] = &[
    ("CDF", 2),
    ("KES", 2),
    ("TZS", 2),
    ("UGX", 0),
    ("GHS", 2),
    ("ZMW", 2),
    ("MWK", 2),
    ("ZAR", 2),
    ("RWF", 0),
    ("NGN", 2),
    ("BIF", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("USD", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("JPY", 0),
];

impl Currency {
    /// Looks a code up, ignoring case (the PDirect samples send `"usd"`).
    pub fn from_code(code: &str) -> Result<Self, MoneyError> {
        let code = code.trim();
        Currency::known()
            .find(|known| known.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| MoneyError::UnknownCurrency(code.to_owned()))
    }

    /// Every currency this element knows.
    pub fn known() -> impl Iterator<Item = Currency> {
        CURRENCIES.iter().map(|&(code, exponent)| Currency { code, exponent })
    }

    /// The upper-case ISO code.
    pub fn code(self) -> &'static str {
        self.code
    }

    /// How many decimals the minor unit has (2 for USD, 0 for UGX).
    pub fn exponent(self) -> u8 {
        self.exponent
    }
}

/// A positive amount in minor units of one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    minor_units: u64,
    currency: Currency,
}

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum MoneyError {
    #[error("unknown currency code {}", quoted(.0))]
    UnknownCurrency(String),
    #[error("{} is not a decimal amount like 12.50", quoted(.0))]
    NotADecimal(String),
    #[error("{} has more decimals than {currency} allows ({allowed})", quoted(.value))]
    TooManyDecimals {
        value: String,
        currency: &'static str,
        allowed: u8,
    },
    #[error("the amount must be greater than zero")]
    NotPositive,
    #[error("{} is too large", quoted(.0))]
    TooLarge(String),
}

impl Money {
    pub fn from_minor_units(minor_units: u64, currency: Currency) -> Self {
        Money {
            minor_units,
            currency,
        }
    }

    /// Parses a plain decimal string (`"12.50"`, `"12.5"`, `"1200"`).
    ///
    /// No rounding: a value with more decimals than the currency has is an
    /// error, because silently charging a different amount is worse.
    pub fn parse(value: &str, currency: Currency) -> Result<Self, MoneyError> {
        let text = value.trim();
        let not_decimal = || MoneyError::NotADecimal(value.to_owned());
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) if !fraction.is_empty() => (whole, fraction),
            Some(_) => return Err(not_decimal()),
            None => (text, ""),
        };
        let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
            return Err(not_decimal());
        }
        let exponent = currency.exponent();
        if fraction.len() > usize::from(exponent) {
            return Err(MoneyError::TooManyDecimals {
                value: value.to_owned(),
                currency: currency.code(),
                allowed: exponent,
            });
        }
        let too_large = || MoneyError::TooLarge(value.to_owned());
        let padded_fraction = format!("{fraction:0<width$}", width = usize::from(exponent));
        let minor_units = format!("{whole}{padded_fraction}")
            .parse::<u64>()
            .map_err(|_| too_large())?;
        if minor_units == 0 {
            return Err(MoneyError::NotPositive);
        }
        Ok(Money::from_minor_units(minor_units, currency))
    }

    pub fn minor_units(self) -> u64 {
        self.minor_units
    }

    pub fn currency(self) -> Currency {
        self.currency
    }

    /// The amount as a plain decimal string with the currency's decimals
    /// (`"12.50"`), the form PDirect and the universal gateway expect.
    pub fn to_decimal_string(self) -> String {
        let exponent = u32::from(self.currency.exponent());
        if exponent == 0 {
            return self.minor_units.to_string();
        }
        let scale = 10u64.pow(exponent);
        format!(
            "{}.{:0width$}",
            self.minor_units / scale,
            self.minor_units % scale,
            width = exponent as usize
        )
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_decimal_string(), self.currency.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::from_code("usd").unwrap()
    }

    #[test]
    fn currency_codes_ignore_case_and_know_their_exponent() {
        assert_eq!(usd().code(), "USD");
        assert_eq!(usd().exponent(), 2);
        assert_eq!(Currency::from_code("UGX").unwrap().exponent(), 0);
        assert_eq!(
            Currency::from_code("ABC"),
            Err(MoneyError::UnknownCurrency("ABC".into()))
        );
    }

    #[test]
    fn parses_decimals_into_minor_units() {
        assert_eq!(Money::parse("12.50", usd()).unwrap().minor_units(), 1250);
        assert_eq!(Money::parse("12.5", usd()).unwrap().minor_units(), 1250);
        assert_eq!(Money::parse(" 7 ", usd()).unwrap().minor_units(), 700);
        let ugx = Currency::from_code("UGX").unwrap();
        assert_eq!(Money::parse("5000", ugx).unwrap().minor_units(), 5000);
    }

    #[test]
    fn refuses_what_is_not_a_plain_positive_decimal() {
        for bad in [
            "", "abc", "12.", ".5", "-1", "+1", "1e3", "1,50", "1.2.3", "١٢",
        ] {
            assert_eq!(
                Money::parse(bad, usd()),
                Err(MoneyError::NotADecimal(bad.into())),
                "{bad:?}"
            );
        }
        assert_eq!(Money::parse("0.00", usd()), Err(MoneyError::NotPositive));
        assert!(matches!(
            Money::parse("12.505", usd()),
            Err(MoneyError::TooManyDecimals { allowed: 2, .. })
        ));
        let ugx = Currency::from_code("UGX").unwrap();
        assert!(matches!(
            Money::parse("10.5", ugx),
            Err(MoneyError::TooManyDecimals { allowed: 0, .. })
        ));
        assert!(matches!(
            Money::parse("99999999999999999999", usd()),
            Err(MoneyError::TooLarge(_))
        ));
    }

    #[test]
    fn formats_back_to_the_wire_decimal() {
        assert_eq!(
            Money::from_minor_units(1250, usd()).to_decimal_string(),
            "12.50"
        );
        assert_eq!(
            Money::from_minor_units(5, usd()).to_decimal_string(),
            "0.05"
        );
        let ugx = Currency::from_code("UGX").unwrap();
        assert_eq!(Money::from_minor_units(5000, ugx).to_string(), "5000 UGX");
    }
}
