//! The universal gateway's checkout: phone, then whatever the gateway asks
//! (its fields, an OTP, its payment page), then the outcome.

mod driver;
mod forms;

use leptos::prelude::*;

use super::awaiting_approval::AwaitingApproval;
use super::i18n::use_i18n;
use super::payment_result::PaymentResult;
use super::redirecting::Redirecting;
use crate::core::adapters::universal::RequiredField;
use crate::core::config::{CheckoutConfig, ConfigError};
use crate::core::gateway::Gateway;
use crate::core::i18n::Key;
use crate::core::payment_body::ElementProperties;
use crate::core::redirect::allowed_origins;
use crate::core::universal_flow::{Phase, UniversalFlow};
use crate::core::wire_amount::to_wire;
use driver::{use_universal_flow, UniversalSetup};
use forms::{DataForm, OtpForm, PhoneForm};

/// The most OTP codes the gateway takes for one payment.
const OTP_ATTEMPTS: u32 = 3;

#[derive(Clone, PartialEq)]
enum Screen {
    Phone,
    /// The gateway's fields, and how many times the customer sent them.
    Data(Vec<RequiredField>, u32),
    Otp { wrong: bool },
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
        Phase::DataRequired(fields) => Screen::Data(fields.clone(), flow.data_rounds()),
        Phase::Otp { wrong, .. } => Screen::Otp { wrong: *wrong },
        Phase::Redirecting(_) => Screen::Redirect,
    }
}

#[component]
pub fn UniversalCheckout(
    /// The element's attributes, parsed (valid when this view is shown).
    config: ReadSignal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` and `paymentBody`, as the page set them.
    properties: ReadSignal<ElementProperties>,
) -> impl IntoView {
    let config_now = config.get_untracked().ok();
    let properties_now = properties.get_untracked();
    let amount = config_now.as_ref().and_then(|config| config.amount);
    let page_url = crate::browser::navigation::page_url();
    let setup = UniversalSetup {
        base: super::api_base(&properties_now, config_now.as_ref()),
        amount: amount.map(|amount| to_wire(Gateway::Universal, amount).to_text()),
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
    let busy = Memo::new(move |_| {
        checkout
            .flow
            .with(|flow| matches!(flow.phase(), Phase::Sending { .. }))
    });
    let i18n = use_i18n();
    // Said in words here, so the form's memo is one of a type the other
    // views have too.
    let attempts_left = Memo::new(move |_| {
        let entered = checkout.flow.with(UniversalFlow::otp_attempts);
        i18n.count(Key::OtpAttemptsLeft, u64::from(OTP_ATTEMPTS.saturating_sub(entered)))
    });
    let pay_label = Memo::new(move |_| i18n.pay_label(config.get().ok().and_then(|config| config.amount)));
    let problem = Memo::new(move |_| {
        checkout
            .flow
            .with(|flow| flow.problem().map(|notice| i18n.render(notice)))
            .unwrap_or_default()
    });
    let reference = move || {
        checkout
            .flow
            .with_untracked(|flow| flow.order_id().to_owned())
    };

    move || {
        match screen.get() {
        Screen::Phone => view! { <PhoneForm pay_label busy problem on_pay=move |phone| checkout.pay(phone) /> }.into_any(),
        Screen::Data(fields, rounds) => {
            let sent_before = rounds > 0;
            view! { <DataForm fields sent_before busy on_submit=move |extra| checkout.provide(extra) /> }.into_any()
        }
        Screen::Otp { wrong } => view! {
            <OtpForm wrong attempts_left busy on_submit=move |code| checkout.enter_otp(code) />
        }
        .into_any(),
        Screen::Redirect => view! { <Redirecting to=Key::ToPaymentPage /> }.into_any(),
        Screen::Awaiting => view! { <AwaitingApproval /> }.into_any(),
        Screen::Result(status) => view! { <PaymentResult transaction_id=reference() status /> }.into_any(),
    }
    }
}
