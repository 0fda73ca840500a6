//! The amount the customer is about to pay.

use leptos::prelude::*;

use crate::core::money::{Currency, Money};

/// The amount and currency, or a note that the merchant's backend sets them.
#[component]
pub fn AmountSummary(
    /// The amount from the `amount` attribute, if the page set one.
    amount: Option<Money>,
    /// The currency from the `currency` attribute, if the page set one.
    currency: Option<Currency>,
) -> impl IntoView {
    let text = match (amount, currency) {
        (Some(amount), _) => amount.to_string(),
        (None, Some(currency)) => format!("{} (amount set at checkout)", currency.code()),
        (None, None) => "Amount set at checkout".to_owned(),
    };
    view! {
        <p class="amount">
            <span class="amount-label">"Amount to pay"</span>
            <strong class="amount-value" part="amount">{text}</strong>
        </p>
    }
}
