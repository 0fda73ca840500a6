//! While the browser leaves for the gateway's payment page.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::i18n::Key;

#[component]
pub fn Redirecting(
    /// Where the customer is going ("Taking you to your bank…").
    to: Key,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="awaiting" part="redirect" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p class="awaiting-title">{i18n.text(to)}</p>
        </div>
    }
}
