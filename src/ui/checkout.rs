//! The root view of one `<pay-checkout>` element.

use leptos::prelude::*;

use super::amount_summary::AmountSummary;
use super::config_problem::ConfigProblem;
use crate::core::config::{CheckoutConfig, ConfigError};

/// Shows the checkout for a valid configuration, or what is wrong with it.
#[component]
pub fn Checkout(
    /// The element's attributes, parsed; changes whenever one changes.
    #[prop(into)]
    config: Signal<Result<CheckoutConfig, ConfigError>>,
) -> impl IntoView {
    view! {
        <section class="checkout" part="form">
            {move || match config.get() {
                Ok(config) => {
                    view! { <AmountSummary amount=config.amount currency=config.currency /> }
                        .into_any()
                }
                Err(error) => view! { <ConfigProblem error /> }.into_any(),
            }}
        </section>
    }
}
