//! The lines of an invoice and what paying it costs, as the fee preview
//! and the receipt both show them: in the customer's locale, each amount in
//! its currency's minor units.

use leptos::prelude::*;

use super::super::i18n::use_i18n;
use crate::core::i18n::Key;
use crate::core::invoice::wire::{FeePreview, LineItem};

#[component]
pub fn LineItems(
    /// The invoice's lines.
    items: Vec<LineItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = items
        .into_iter()
        .map(|item| {
            let total = item.total;
            let quantity = item.qty.to_string();
            view! {
                <tr>
                    <td>{item.name}</td>
                    <td class="qty">{move || i18n.format(Key::Quantity, &[("count", quantity.clone())])}</td>
                    <td class="money">{move || i18n.money(total)}</td>
                </tr>
            }
            .into_any()
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
) -> impl IntoView {
    let i18n = use_i18n();
    let bearer = if amounts.fee_bearer == "MERCHANT" {
        Key::LineFeeShop
    } else {
        Key::LineFee
    };
    let line = move |key: Key, value: crate::core::money::Money, class: &'static str| {
        view! {
            <div class=format!("amount-line {class}")>
                <dt>{i18n.text(key)}</dt>
                <dd class="money">{move || i18n.money(value)}</dd>
            </div>
        }
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
                <dt>{i18n.text(Key::LineRate)}</dt>
                <dd class="money">{rate}</dd>
            </div>
            {line(Key::LineWalletPays, fx.customer_pays, "total")}
        }
    });
    let total_class = if fx.is_none() { "total" } else { "" };
    view! {
        <dl class="amounts" part="amounts">
            {line(Key::LineAmount, amounts.amount, "")}
            {line(bearer, amounts.fee, "")}
            {line(Key::LineTotal, amounts.customer_pays, total_class)}
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
