//! While the customer approves the payment on their phone.

use leptos::prelude::*;

use super::hooks::use_focus_when_shown;
use super::i18n::use_i18n;
use crate::core::i18n::Key;

#[component]
pub fn AwaitingApproval() -> impl IntoView {
    let i18n = use_i18n();
    let region = NodeRef::new();
    use_focus_when_shown(region);
    view! {
        <div class="awaiting" part="awaiting" role="status" aria-live="polite" tabindex="-1" node_ref=region>
            <span class="spinner" aria-hidden="true"></span>
            <p class="awaiting-title">{i18n.text(Key::AwaitingTitle)}</p>
            <p class="awaiting-detail">{i18n.text(Key::AwaitingDetail)}</p>
        </div>
    }
}
