//! The receipt of a completed collection: lines, amounts, fees, exchange
//! rate, operator, the masked number and the reference. Printable.

use leptos::prelude::*;

use super::amounts::{AmountLines, LineItems};
use crate::core::invoice::wire::Receipt;

#[component]
pub fn ReceiptView(
    /// The gateway's receipt.
    receipt: Receipt,
    /// For formatting amounts.
    locale: Option<String>,
) -> impl IntoView {
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="receipt" part="receipt" aria-label="Receipt">
            <h3 class="receipt-title">"Receipt"</h3>
            <LineItems items=receipt.items locale=locale.clone() />
            <AmountLines amounts=receipt.amounts locale />
            <dl class="receipt-facts">
                <div><dt>"Paid with"</dt><dd>{format!("{} {}", receipt.provider_name, receipt.phone_number)}</dd></div>
                <div><dt>"Paid at"</dt><dd>{receipt.paid_at}</dd></div>
                <div><dt>"Reference"</dt><dd><code>{receipt.reference_id}</code></dd></div>
            </dl>
            <button type="button" class="secondary print" on:click=print>"Print receipt"</button>
        </section>
    }
}
