//! Moment's checkout: a Pay button (unless `launcher="none"`) that opens
//! the gateway's hosted checkout, in a bottom sheet (`presentation="sheet"`)
//! or in the page, and the outcome it reports.

mod client_token;
mod driver;

use leptos::prelude::*;

use super::awaiting_approval::AwaitingApproval;
use super::commands::{use_commands, Command};
use super::hosted_screen::Screen;
use super::i18n::use_i18n;
use super::payment_result::PaymentResult;
use super::redirecting::Redirecting;
use super::sheet::Sheet;
use crate::core::config::{CheckoutConfig, ConfigError, Presentation};
use crate::core::gateway::Gateway;
use crate::core::i18n::Key;
use crate::core::payment_body::ElementProperties;
use crate::core::redirect::allowed_origins;
use crate::core::status::PaymentStatus;
use driver::{use_moment_checkout, MomentCheckout, MomentSetup};

#[component]
pub fn MomentCheckoutView(
    /// The element's attributes, parsed (valid when this view is shown).
    config: ReadSignal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` (its `clientKey`), as the page set them.
    properties: ReadSignal<ElementProperties>,
) -> impl IntoView {
    let config_now = config.get_untracked().ok();
    let properties_now = properties.get_untracked();
    let setup = MomentSetup {
        checkout_url: format!(
            "{}/checkout",
            super::api_base(&properties_now, config_now.as_ref())
        ),
        client_key: properties_now.configs.client_key.clone(),
        session_url: properties_now.configs.session_url.clone().or_else(|| {
            config_now
                .as_ref()
                .and_then(|config| config.session_url.clone())
        }),
        payment_page_origins: allowed_origins(
            Gateway::Moment,
            &properties_now.configs.payment_page_origins,
        ),
    };
    let sheet = config_now
        .as_ref()
        .is_some_and(|config| config.presentation == Presentation::Sheet);
    let launcher = !sheet
        || config_now
            .as_ref()
            .is_none_or(|config| config.launcher_button);
    let checkout = use_moment_checkout(setup);
    use_commands(move |command| match command {
        Command::Launch => checkout.launch(),
        Command::Close => checkout.close(),
        Command::Moved => checkout.moved(),
    });
    let i18n = use_i18n();
    let pay_label = move || i18n.pay_label(config.get().ok().and_then(|config| config.amount));
    let idle = move || checkout.screen.get() == Screen::Ready;
    let launch_button = move || {
        if !(launcher && (sheet || idle())) {
            return ().into_any();
        }
        view! {
            <button type="button" class="pay" part="button" on:click=move |_| checkout.launch()>
                {pay_label}
            </button>
        }
        .into_any()
    };
    let body = move || view! { <CheckoutBody checkout sheet /> };
    if sheet {
        view! {
            {launch_button}
            <Sheet open=checkout.open.read_only() on_close=move || checkout.close() title=Key::SheetTitle>
                {body()}
            </Sheet>
        }
        .into_any()
    } else {
        view! {
            {launch_button}
            {body()}
        }
        .into_any()
    }
}

/// What the checkout shows after launch: the gateway's frame, or where the
/// payment stands.
#[component]
fn CheckoutBody(checkout: MomentCheckout, sheet: bool) -> impl IntoView {
    let i18n = use_i18n();
    let showing_frame = move || checkout.screen.get() == Screen::Checkout;
    let state = move || {
        match checkout.screen.get() {
        Screen::Ready | Screen::Checkout => ().into_any(),
        Screen::Creating => view! {
            <div class="awaiting" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                <p class="awaiting-title">{i18n.text(Key::MomentOpening)}</p>
            </div>
        }
        .into_any(),
        Screen::Leaving => view! { <Redirecting to=Key::ToBank /> }.into_any(),
        Screen::Verifying => view! { <AwaitingApproval /> }.into_any(),
        Screen::Problem { notice, .. } => view! {
            <div class="problem" part="problem" role="alert">
                <p>{move || i18n.render(&notice)}</p>
                <button type="button" class="pay" part="button" on:click=move |_| checkout.launch()>
                    {i18n.text(Key::TryAgain)}
                </button>
            </div>
        }
        .into_any(),
        Screen::Result { session_id, status } => {
            let start_again = (status == PaymentStatus::Expired).then(|| {
                view! {
                    <button type="button" class="pay" part="button" on:click=move |_| {
                        checkout.screen.set(Screen::Ready);
                        checkout.launch();
                    }>{i18n.text(Key::StartAgain)}</button>
                }
            });
            let done = sheet.then(|| {
                view! { <button type="button" class="secondary" on:click=move |_| checkout.close()>{i18n.text(Key::Done)}</button> }
            });
            view! {
                <PaymentResult transaction_id=session_id status />
                {start_again}
                {done}
            }
            .into_any()
        }
    }
    };
    view! {
        {state}
        <iframe
            node_ref=checkout.frame
            name=checkout.frame_name()
            title=i18n.text(Key::MomentFrameTitle)
            class="checkout-frame"
            class:hidden=move || !showing_frame()
        ></iframe>
    }
}
