//! The amount the customer is about to pay.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::i18n::Key;
use crate::core::money::{Currency, Money};

/// The amount and currency, or a note that the merchant's backend sets them.
#[component]
pub fn AmountSummary(
    /// The amount from the `amount` attribute, if the page set one.
    amount: Option<Money>,
    /// The currency from the `currency` attribute, if the page set one.
    currency: Option<Currency>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match (amount, currency) {
        (Some(amount), _) => i18n.money(amount),
        (None, Some(currency)) => {
            i18n.format(Key::AmountCurrencyAtCheckout, &[("currency", currency.code().to_owned())])
        }
        (None, None) => i18n.t(Key::AmountAtCheckout),
    };
    view! {
        <p class="amount">
            <span class="amount-label">{i18n.text(Key::AmountLabel)}</span>
            <strong class="amount-value" part="amount">{text}</strong>
        </p>
    }
}
