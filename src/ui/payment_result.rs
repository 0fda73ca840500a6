//! The outcome, with the reference the customer may quote.

use leptos::prelude::*;

use super::hooks::use_focus_when_shown;
use super::i18n::use_i18n;
use crate::core::i18n::Key;
use crate::core::status::PaymentStatus;

#[component]
pub fn PaymentResult(
    /// The gateway's reference for the payment.
    transaction_id: String,
    /// The normalised final status (`pending` when the wait timed out).
    status: PaymentStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let region = NodeRef::new();
    use_focus_when_shown(region);
    let (class, title, detail) = match status {
        PaymentStatus::Approved => ("result approved", Key::ApprovedTitle, Key::ApprovedDetail),
        PaymentStatus::Failed => ("result failed", Key::FailedTitle, Key::FailedDetail),
        PaymentStatus::Cancelled => ("result failed", Key::CancelledTitle, Key::NothingCharged),
        PaymentStatus::Expired => ("result failed", Key::ExpiredTitle, Key::NothingCharged),
        PaymentStatus::Pending => ("result pending", Key::PendingTitle, Key::PendingDetail),
    };
    let icon = match status {
        PaymentStatus::Approved => "✓",
        PaymentStatus::Pending => "…",
        _ => "!",
    };
    view! {
        <div class=class part="result" role="status" aria-live="polite" tabindex="-1" node_ref=region>
            <span class="result-icon" aria-hidden="true">{icon}</span>
            <p class="result-title">{i18n.text(title)}</p>
            <p class="result-detail">{i18n.text(detail)}</p>
            <Reference reference=transaction_id />
        </div>
    }
}

/// "Reference: txn_…", the id the customer may quote to the shop.
#[component]
pub fn Reference(
    /// The gateway's id of the payment.
    reference: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="result-reference">
            <span class="result-reference-label">{i18n.text(Key::Reference)}</span>
            " "
            <code>{reference}</code>
        </p>
    }
}
