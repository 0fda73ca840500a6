//! While the customer approves the payment on their phone.

use leptos::prelude::*;

#[component]
pub fn AwaitingApproval() -> impl IntoView {
    view! {
        <div class="awaiting" part="awaiting" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p class="awaiting-title">"Approve the payment on your phone"</p>
            <p class="awaiting-detail">"This page updates as soon as your wallet answers."</p>
        </div>
    }
}
