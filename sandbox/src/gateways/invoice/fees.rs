//! `amount-and-fees`: the collection fee and the FX conversion, in integer
//! minor units with the rounding stated (half up), as the gateway computes
//! them before funds move.

use pay_checkout::core::money::{Currency, Money};
use serde::Serialize;
use serde_json::{json, Value};

/// The collection fee: 1.5 % of the invoice amount.
const FEE_BASIS_POINTS: u128 = 150;

/// Units of each currency per US dollar, times 10 000 (four decimals).
const RATES_PER_USD: &[(&str, u128)] = &[
    ("USD", 10_000),
    ("EUR", 9_200),
    ("GBP", 7_900),
    ("CDF", 28_500_000),
    ("KES", 1_295_000),
    ("TZS", 26_500_000),
    ("UGX", 37_000_000),
    ("GHS", 152_000),
    ("ZMW", 265_000),
    ("MWK", 17_350_000),
    ("ZAR", 182_500),
    ("RWF", 14_200_000),
    ("NGN", 15_500_000),
];

/// Who pays the fee (`fee_bearer` on the invoice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FeeBearer {
    Customer,
    Merchant,
}

impl FeeBearer {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "CUSTOMER" => Some(FeeBearer::Customer),
            "MERCHANT" => Some(FeeBearer::Merchant),
            _ => None,
        }
    }
}

/// `a * b / c`, rounded half up.
fn scale(a: u128, b: u128, c: u128) -> u128 {
    (a * b + c / 2) / c
}

/// The fee on an amount, in the amount's minor units.
pub fn fee(amount: Money) -> Money {
    let minor = scale(u128::from(amount.minor_units()), FEE_BASIS_POINTS, 10_000);
    Money::from_minor_units(minor as u64, amount.currency())
}

fn rate(code: &str) -> Option<u128> {
    RATES_PER_USD
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, rate)| *rate)
}

/// Whether the sandbox has a rate for this currency.
pub fn has_rate(currency: Currency) -> bool {
    rate(currency.code()).is_some()
}

/// `amount` in `target`, rounded half up to the target's minor unit, and
/// the rate as a decimal string with four places.
pub fn convert(amount: Money, target: Currency) -> Option<(Money, String)> {
    let (from, to) = (rate(amount.currency().code())?, rate(target.code())?);
    let from_scale = 10u128.pow(u32::from(amount.currency().exponent()));
    let to_scale = 10u128.pow(u32::from(target.exponent()));
    let minor = scale(
        u128::from(amount.minor_units()) * to,
        to_scale,
        from * from_scale,
    );
    let rate_10k = scale(to, 10_000, from);
    let rate_text = format!("{}.{:04}", rate_10k / 10_000, rate_10k % 10_000);
    Some((
        Money::from_minor_units(u64::try_from(minor).ok()?, target),
        rate_text,
    ))
}

/// What the customer pays and the merchant receives for an invoice amount.
#[derive(Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub amount: Money,
    pub fee: Money,
    pub fee_bearer: FeeBearer,
    pub customer_pays: Money,
    pub merchant_receives: Money,
    /// The rate and what the customer pays in the wallet's currency.
    pub fx: Option<(String, Money)>,
}

pub fn breakdown(amount: Money, fee_bearer: FeeBearer, pay_in: Currency) -> Option<Breakdown> {
    let fee = fee(amount);
    let plus = |a: Money, b: Money| {
        Money::from_minor_units(a.minor_units() + b.minor_units(), a.currency())
    };
    let minus = |a: Money, b: Money| {
        Money::from_minor_units(
            a.minor_units().saturating_sub(b.minor_units()),
            a.currency(),
        )
    };
    let (customer_pays, merchant_receives) = match fee_bearer {
        FeeBearer::Customer => (plus(amount, fee), amount),
        FeeBearer::Merchant => (amount, minus(amount, fee)),
    };
    let fx = if pay_in == amount.currency() {
        None
    } else {
        let (converted, rate) = convert(customer_pays, pay_in)?;
        Some((rate, converted))
    };
    Some(Breakdown {
        amount,
        fee,
        fee_bearer,
        customer_pays,
        merchant_receives,
        fx,
    })
}

impl Breakdown {
    /// The `amount-and-fees` answer: amounts as decimal strings in major
    /// units, each with its currency.
    pub fn to_json(&self) -> Value {
        let fx = self.fx.as_ref().map(|(rate, converted)| {
            json!({
                "from_currency": self.amount.currency().code(),
                "to_currency": converted.currency().code(),
                "rate": rate,
                "customer_pays": converted.to_decimal_string(),
            })
        });
        json!({
            "currency": self.amount.currency().code(),
            "amount": self.amount.to_decimal_string(),
            "fee": self.fee.to_decimal_string(),
            "fee_bearer": self.fee_bearer,
            "customer_pays": self.customer_pays.to_decimal_string(),
            "merchant_receives": self.merchant_receives.to_decimal_string(),
            "fx": fx,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(value: &str, code: &str) -> Money {
        Money::parse(value, Currency::from_code(code).unwrap()).unwrap()
    }

    #[test]
    fn the_fee_is_one_and_a_half_percent_rounded_half_up() {
        assert_eq!(fee(money("25.00", "USD")), money("0.38", "USD")); // 37.5 cents
        assert_eq!(fee(money("10.00", "USD")), money("0.15", "USD"));
        assert_eq!(fee(money("0.33", "USD")).minor_units(), 0); // 0.495 cents
        assert_eq!(fee(money("0.34", "USD")).minor_units(), 1); // 0.51 cents
        assert_eq!(fee(money("1000", "UGX")), money("15", "UGX"));
        assert_eq!(fee(money("1030", "UGX")), money("15", "UGX")); // 15.45
    }

    #[test]
    fn the_bearer_decides_who_pays_the_fee() {
        let customer = breakdown(
            money("25.00", "USD"),
            FeeBearer::Customer,
            Currency::from_code("USD").unwrap(),
        )
        .unwrap();
        assert_eq!(
            (customer.customer_pays, customer.merchant_receives),
            (money("25.38", "USD"), money("25.00", "USD"))
        );
        assert_eq!(customer.fx, None);
        let merchant = breakdown(
            money("25.00", "USD"),
            FeeBearer::Merchant,
            Currency::from_code("USD").unwrap(),
        )
        .unwrap();
        assert_eq!(
            (merchant.customer_pays, merchant.merchant_receives),
            (money("25.00", "USD"), money("24.62", "USD"))
        );
    }

    #[test]
    fn fx_converts_what_the_customer_pays_into_the_wallet_currency() {
        let paid_in_cdf = breakdown(
            money("25.00", "USD"),
            FeeBearer::Customer,
            Currency::from_code("CDF").unwrap(),
        )
        .unwrap();
        // 25.38 USD × 2850 = 72 333.00 CDF.
        assert_eq!(
            paid_in_cdf.fx,
            Some(("2850.0000".into(), money("72333.00", "CDF")))
        );
        // To a currency without minor units: 25.38 × 3700 = 93 906 UGX.
        let (ugx, _) = convert(money("25.38", "USD"), Currency::from_code("UGX").unwrap()).unwrap();
        assert_eq!(ugx, money("93906", "UGX"));
        // And back from one: 1000 KES / 129.5 = 7.7220… → 7.72 USD.
        let (usd, rate) =
            convert(money("1000.00", "KES"), Currency::from_code("USD").unwrap()).unwrap();
        assert_eq!((usd, rate.as_str()), (money("7.72", "USD"), "0.0077"));
    }

    #[test]
    fn the_answer_carries_strings_in_major_units() {
        let answer = breakdown(
            money("25.00", "USD"),
            FeeBearer::Customer,
            Currency::from_code("CDF").unwrap(),
        )
        .unwrap()
        .to_json();
        assert_eq!(answer["fee"], "0.38");
        assert_eq!(answer["fee_bearer"], "CUSTOMER");
        assert_eq!(answer["fx"]["customer_pays"], "72333.00");
    }
}
