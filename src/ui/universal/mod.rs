//! The universal gateway's checkout: phone, then whatever the gateway asks
//! (its fields, an OTP, its payment page), then the outcome.

mod driver;
mod forms;

use leptos::prelude::*;

use super::awaiting_approval::AwaitingApproval;
use super::payment_result::PaymentResult;
use crate::core::adapters::universal::RequiredField;
use crate::core::config::{CheckoutConfig, ConfigError};
use crate::core::gateway::Gateway;
use crate::core::payment_body::ElementProperties;
use crate::core::redirect::allowed_origins;
use crate::core::universal_flow::{Phase, UniversalFlow};
use driver::{use_universal_flow, UniversalSetup};
use forms::{DataForm, OtpForm, PhoneForm};

#[derive(Clone, PartialEq)]
enum Screen {
    Phone,
    Data(Vec<RequiredField>),
    Otp { message: String, wrong: bool },
    Redirect,
    Awaiting,
    Result(crate::core::status::PaymentStatus),
}

fn screen_of(flow: &UniversalFlow, previous: Option<&Screen>) -> Screen {
    match flow.phase() {
        Phase::Done(status) => Screen::Result(*status),
        _ if flow.is_waiting() => Screen::Awaiting,
        Phase::Sending { .. } => previous.cloned().unwrap_or(Screen::Phone),
        Phase::Ready | Phase::Lost(_) => Screen::Phone,
        Phase::DataRequired(fields) => Screen::Data(fields.clone()),
        Phase::Otp { message, wrong } => Screen::Otp {
            message: message.clone(),
            wrong: *wrong,
        },
        Phase::Redirecting(_) => Screen::Redirect,
    }
}

#[component]
pub fn UniversalCheckout(
    /// The element's attributes, parsed (valid when this view is shown).
    config: Signal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` and `paymentBody`, as the page set them.
    properties: Signal<ElementProperties>,
) -> impl IntoView {
    let config_now = config.get_untracked().ok();
    let properties_now = properties.get_untracked();
    let amount = config_now.as_ref().and_then(|config| config.amount);
    let page_url = crate::browser::navigation::page_url();
    let setup = UniversalSetup {
        base: super::api_base(&properties_now, config_now.as_ref()),
        amount: amount.map(|amount| amount.to_decimal_string()),
        currency: amount.map(|amount| amount.currency().code().to_owned()),
        return_url: config_now
            .as_ref()
            .and_then(|config| config.return_url.clone())
            .unwrap_or(page_url),
        email: properties_now.payment_body.email.clone(),
        payment_page_origins: allowed_origins(
            Gateway::Universal,
            &properties_now.configs.payment_page_origins,
        ),
        status_timeout: config_now
            .map(|config| config.status_timeout)
            .unwrap_or_default(),
    };
    let checkout = use_universal_flow(setup);
    let screen = Memo::new(move |previous: Option<&Screen>| {
        checkout.flow.with(|flow| screen_of(flow, previous))
    });
    let busy = Signal::derive(move || {
        checkout
            .flow
            .with(|flow| matches!(flow.phase(), Phase::Sending { .. }))
    });
    let attempts = Signal::derive(move || checkout.flow.with(UniversalFlow::otp_attempts));
    let pay_label =
        Signal::derive(
            move || match config.get().ok().and_then(|config| config.amount) {
                Some(amount) => format!("Pay {amount}"),
                None => "Pay".to_owned(),
            },
        );
    let reference = move || {
        checkout
            .flow
            .with_untracked(|flow| flow.order_id().to_owned())
    };

    move || {
        match screen.get() {
        Screen::Phone => view! { <PhoneForm pay_label busy on_pay=Callback::new(move |phone| checkout.pay(phone)) /> }.into_any(),
        Screen::Data(fields) => {
            view! { <DataForm fields busy on_submit=Callback::new(move |extra| checkout.provide(extra)) /> }.into_any()
        }
        Screen::Otp { message, wrong } => view! {
            <OtpForm message wrong attempts busy on_submit=Callback::new(move |code| checkout.enter_otp(code)) />
        }
        .into_any(),
        Screen::Redirect => view! {
            <div class="awaiting" part="redirect" role="status" aria-live="polite">
                <p class="awaiting-title">"Taking you to the payment page…"</p>
            </div>
        }
        .into_any(),
        Screen::Awaiting => view! { <AwaitingApproval /> }.into_any(),
        Screen::Result(status) => view! { <PaymentResult transaction_id=reference() status /> }.into_any(),
    }
    }
}
