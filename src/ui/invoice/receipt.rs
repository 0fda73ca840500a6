//! The receipt of a completed collection: lines, amounts, fees, exchange
//! rate, operator, the masked number and the reference. Printable. And the
//! skeleton shown while the invoice loads.

use leptos::prelude::*;

use super::super::i18n::use_i18n;
use super::amounts::{AmountLines, LineItems};
use crate::core::i18n::Key;
use crate::core::invoice::wire::Receipt;

#[component]
pub fn ReceiptView(
    /// The gateway's receipt.
    receipt: Receipt,
) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let paid_at = receipt.paid_at.clone();
    view! {
        <section class="receipt" part="receipt" aria-labelledby="pay-receipt-title">
            <h3 class="receipt-title" id="pay-receipt-title">{i18n.text(Key::ReceiptTitle)}</h3>
            <LineItems items=receipt.items />
            <AmountLines amounts=receipt.amounts />
            <dl class="receipt-facts">
                <div><dt>{i18n.text(Key::PaidWith)}</dt><dd>{format!("{} {}", receipt.provider_name, receipt.phone_number)}</dd></div>
                <div><dt>{i18n.text(Key::PaidAt)}</dt><dd>{move || i18n.date_time(&paid_at)}</dd></div>
                <div><dt>{i18n.text(Key::Reference)}</dt><dd><code>{receipt.reference_id}</code></dd></div>
            </dl>
            <button type="button" class="secondary print" on:click=print>{i18n.text(Key::PrintReceipt)}</button>
        </section>
    }
}

/// Grey bars where the invoice will be, announced as loading.
#[component]
pub fn InvoiceSkeleton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="skeleton-block" role="status" aria-busy="true">
            <span class="visually-hidden">{i18n.text(Key::InvoicePreparing)}</span>
            <span class="skeleton-line wide" aria-hidden="true"></span>
            <span class="skeleton-line" aria-hidden="true"></span>
            <span class="skeleton-line field" aria-hidden="true"></span>
            <span class="skeleton-line field" aria-hidden="true"></span>
            <span class="skeleton-line button" aria-hidden="true"></span>
        </div>
    }
}
