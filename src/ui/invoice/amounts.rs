//! The lines of an invoice and what paying it costs, as the fee preview
//! and the receipt both show them: in the customer's locale, each amount in
//! its currency's minor units.

use leptos::prelude::*;

use crate::browser::format::format_money;
use crate::core::invoice::wire::{FeePreview, LineItem};

#[component]
pub fn LineItems(
    /// The invoice's lines.
    items: Vec<LineItem>,
    /// For formatting amounts.
    locale: Option<String>,
) -> impl IntoView {
    let rows = items
        .into_iter()
        .map(|item| {
            let total = format_money(item.total, locale.as_deref());
            view! {
                <tr>
                    <td>{item.name}</td>
                    <td class="qty">{format!("× {}", item.qty)}</td>
                    <td class="money">{total}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="line-items" part="line-items">
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn AmountLines(
    /// The amounts the gateway computed.
    amounts: FeePreview,
    /// For formatting amounts.
    locale: Option<String>,
) -> impl IntoView {
    let money = |value| format_money(value, locale.as_deref());
    let bearer = if amounts.fee_bearer == "MERCHANT" {
        "Fee (paid by the shop)"
    } else {
        "Fee"
    };
    let fx = amounts.fx.clone().map(|fx| {
        let rate = format!(
            "1 {} = {} {}",
            amounts.amount.currency().code(),
            fx.rate,
            fx.customer_pays.currency().code()
        );
        view! {
            <div class="amount-line fx">
                <dt>"Exchange rate"</dt>
                <dd class="money">{rate}</dd>
            </div>
            <div class="amount-line total">
                <dt>"You pay from your wallet"</dt>
                <dd class="money">{money(fx.customer_pays)}</dd>
            </div>
        }
    });
    view! {
        <dl class="amounts" part="amounts">
            <div class="amount-line">
                <dt>"Amount"</dt>
                <dd class="money">{money(amounts.amount)}</dd>
            </div>
            <div class="amount-line">
                <dt>{bearer}</dt>
                <dd class="money">{money(amounts.fee)}</dd>
            </div>
            <div class="amount-line" class:total=fx.is_none()>
                <dt>"Total"</dt>
                <dd class="money">{money(amounts.customer_pays)}</dd>
            </div>
            {fx}
        </dl>
    }
}

/// What the Pay button and the wallet are charged: the converted total
/// when the wallet's currency differs.
pub fn charged(amounts: &FeePreview) -> crate::core::money::Money {
    amounts
        .fx
        .as_ref()
        .map_or(amounts.customer_pays, |fx| fx.customer_pays)
}
