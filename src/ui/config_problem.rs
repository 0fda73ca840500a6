//! What the customer sees when the merchant's page configured the element
//! wrongly: a plain notice, while the `error` event tells the developer why.

use leptos::prelude::*;

use crate::core::config::ConfigError;

#[component]
pub fn ConfigProblem(
    /// The problem, shown so the developer testing the page sees it at once.
    error: ConfigError,
) -> impl IntoView {
    view! {
        <div class="notice" role="alert" part="error">
            <p>"This checkout is not set up correctly."</p>
            <p class="notice-detail">{error.to_string()}</p>
        </div>
    }
}
