//! The outcome, with the reference the customer may quote.

use leptos::prelude::*;

use crate::core::status::PaymentStatus;

#[component]
pub fn PaymentResult(
    /// The gateway's reference for the payment.
    transaction_id: String,
    /// The normalised final status (`pending` when the wait timed out).
    status: PaymentStatus,
) -> impl IntoView {
    let (class, title, detail) = match status {
        PaymentStatus::Approved => (
            "result approved",
            "Payment approved",
            "Thank you. Your payment went through.",
        ),
        PaymentStatus::Failed => (
            "result failed",
            "Payment failed",
            "Nothing was charged. You may try another wallet.",
        ),
        PaymentStatus::Cancelled => ("result failed", "Payment cancelled", "Nothing was charged."),
        PaymentStatus::Expired => ("result failed", "Payment expired", "Nothing was charged."),
        PaymentStatus::Pending => (
            "result pending",
            "Payment pending",
            "Your wallet has not answered yet. You will be notified when it does.",
        ),
    };
    view! {
        <div class=class part="result" role="status" aria-live="polite">
            <p class="result-title">{title}</p>
            <p class="result-detail">{detail}</p>
            <p class="result-reference">"Reference: " <code>{transaction_id}</code></p>
        </div>
    }
}
