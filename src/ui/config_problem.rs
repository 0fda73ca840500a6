//! What the customer sees when the merchant's page configured the element
//! wrongly: a plain notice, while the `error` event tells the developer why.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::config::ConfigError;
use crate::core::i18n::Key;

#[component]
pub fn ConfigProblem(
    /// The problem, shown so the developer testing the page sees it at once.
    error: ConfigError,
) -> impl IntoView {
    let i18n = use_i18n();
    // The detail is for the page's developer, always in English.
    view! {
        <div class="notice" role="alert" part="error">
            <p>{i18n.text(Key::ConfigProblem)}</p>
            <p class="notice-detail" lang="en">{error.to_string()}</p>
        </div>
    }
}
