//! The button that pays: its label (with the amount), and while a payment
//! is on its way a spinner and "Processing…", disabled so nothing is sent
//! twice.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::i18n::Key;

#[component]
pub fn PayButton(
    /// What it says when idle ("Pay 12,50 $").
    #[prop(into)]
    label: Memo<String>,
    /// A payment is on its way.
    #[prop(into)]
    busy: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" class="pay" part="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
            <span class="spinner small" aria-hidden="true" hidden=move || !busy.get()></span>
            <span>{move || if busy.get() { i18n.t(Key::Processing) } else { label.get() }}</span>
        </button>
    }
}
