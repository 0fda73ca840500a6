//! PayGate's checkout: one button to its hosted page, then the verified
//! outcome when the customer comes back.

mod driver;

use leptos::prelude::*;

use super::awaiting_approval::AwaitingApproval;
use super::commands::{use_commands, Command};
use super::hosted_screen::Screen;
use super::i18n::use_i18n;
use super::payment_result::PaymentResult;
use super::redirecting::Redirecting;
use crate::core::config::{CheckoutConfig, ConfigError};
use crate::core::gateway::Gateway;
use crate::core::i18n::Key;
use crate::core::payment_body::ElementProperties;
use crate::core::redirect::allowed_origins;
use driver::{use_paygate_checkout, PaygateSetup};

#[component]
pub fn PaygateCheckout(
    /// The element's attributes, parsed (valid when this view is shown).
    config: ReadSignal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` and `paymentBody`, as the page set them.
    properties: ReadSignal<ElementProperties>,
) -> impl IntoView {
    let config_now = config.get_untracked().ok();
    let properties_now = properties.get_untracked();
    let setup = PaygateSetup {
        base: super::api_base(&properties_now, config_now.as_ref()),
        amount: config_now.as_ref().and_then(|config| config.amount),
        email: properties_now.payment_body.email.clone(),
        payment_page_origins: allowed_origins(
            Gateway::Paygate,
            &properties_now.configs.payment_page_origins,
        ),
    };
    let checkout = use_paygate_checkout(setup);
    use_commands(move |command| {
        if command == Command::Launch && checkout.screen.get_untracked() == Screen::Ready {
            checkout.pay();
        }
    });
    let i18n = use_i18n();
    let pay_label = move || match config.get().ok().and_then(|config| config.amount) {
        Some(amount) => i18n.format(Key::PaygatePayAmount, &[("amount", i18n.money(amount))]),
        None => i18n.t(Key::PaygatePay),
    };
    move || {
        match checkout.screen.get() {
        screen @ (Screen::Ready | Screen::Creating) => {
            let busy = screen == Screen::Creating;
            view! {
                <div class="form" part="form">
                    <p class="hint">{i18n.text(Key::PaygateHint)}</p>
                    <button type="button" class="pay" part="button" disabled=busy aria-busy=busy.to_string()
                        on:click=move |_| checkout.pay()>
                        <span class="spinner small" aria-hidden="true" hidden=!busy></span>
                        <span>{move || if busy { i18n.t(Key::Processing) } else { pay_label() }}</span>
                    </button>
                </div>
            }
            .into_any()
        }
        Screen::Leaving => view! { <Redirecting to=Key::ToPaygate /> }.into_any(),
        Screen::Verifying => view! { <AwaitingApproval /> }.into_any(),
        Screen::Problem { notice, retry } => view! {
            <div class="problem" part="problem" role="alert">
                <p>{move || i18n.render(&notice)}</p>
                <button type="button" class="pay" part="button" on:click=move |_| checkout.retry(retry.clone())>
                    {i18n.text(Key::TryAgain)}
                </button>
            </div>
        }
        .into_any(),
        Screen::Result { session_id, status } => {
            view! { <PaymentResult transaction_id=session_id status /> }.into_any()
        }
        // PayGate's checkout is a page of its own, never a frame here.
        Screen::Checkout => ().into_any(),
    }
    }
}
