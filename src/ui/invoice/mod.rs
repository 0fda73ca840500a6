//! The invoice gateway's checkout: the merchant backend prepares the
//! invoice; the customer gives a mobile-money number, sees the operator
//! and the fees, pays, approves on the phone, and gets the receipt.

mod amounts;
mod api;
mod driver;
mod live_channel;
mod lookups;
mod receipt;
mod wallet_step;

use leptos::prelude::*;

use super::awaiting_approval::AwaitingApproval;
use super::i18n::use_i18n;
use super::payment_result::{PaymentResult, Reference};
use crate::browser::session::SessionSource;
use crate::core::config::{CheckoutConfig, ConfigError, DEFAULT_STATUS_TIMEOUT};
use crate::core::i18n::Key;
use crate::core::invoice::flow::Phase;
use crate::core::json::to_text;
use crate::core::gateway::Gateway;
use crate::core::wire_amount::to_wire;
use crate::core::payment_body::ElementProperties;
use crate::core::status::PaymentStatus;
use crate::json;
use api::InvoiceSetup;
use driver::{use_invoice_flow, ReceiptState};
use receipt::{InvoiceSkeleton, ReceiptView};
use wallet_step::WalletStep;

/// Which view the phase calls for. The wallet step survives sending,
/// checking and a refusal, so the customer's number and operator stay.
#[derive(Clone, PartialEq)]
enum Screen {
    Loading,
    Unavailable,
    Wallet,
    Awaiting {
        reference: String,
        live: bool,
    },
    Done {
        reference: String,
        status: PaymentStatus,
    },
}

#[component]
pub fn InvoiceCheckout(
    /// The element's attributes, parsed (valid when this view is shown).
    config: ReadSignal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` and `paymentBody`, as the page set them.
    properties: ReadSignal<ElementProperties>,
) -> impl IntoView {
    let setup = move || setup_for(&config.get_untracked().ok(), &properties.get_untracked());
    let driver = use_invoice_flow(setup());
    let screen = Memo::new(move |_| {
        driver.flow.with(|flow| match flow.phase() {
            Phase::Loading => Screen::Loading,
            Phase::Unavailable => Screen::Unavailable,
            Phase::Form | Phase::Submitting { .. } | Phase::Checking { .. } => Screen::Wallet,
            Phase::Awaiting {
                reference, live, ..
            } => Screen::Awaiting {
                reference: reference.clone(),
                live: *live,
            },
            Phase::Done { reference, status } => Screen::Done {
                reference: reference.clone(),
                status: *status,
            },
        })
    });
    let busy = Memo::new(move |_| {
        driver
            .flow
            .with(|flow| !matches!(flow.phase(), Phase::Form))
    });
    let problem = Memo::new(move |_| driver.flow.with(|flow| flow.problem().cloned()));
    let on_pay = move |choice| driver.pay(choice, setup());
    let i18n = use_i18n();

    move || {
        match screen.get() {
        Screen::Loading => view! { <InvoiceSkeleton /> }.into_any(),
        Screen::Unavailable => view! {
            <div class="notice" role="alert">
                <p>{move || problem.get().map(|problem| i18n.render(&problem.notice)).unwrap_or_default()}</p>
                <button type="button" class="secondary" on:click=move |_| driver.reload()>{i18n.text(Key::TryAgain)}</button>
            </div>
        }
        .into_any(),
        Screen::Wallet => match driver.invoice.get() {
            Some(invoice) => view! { <WalletStep driver invoice busy problem on_pay /> }.into_any(),
            None => ().into_any(),
        },
        Screen::Awaiting { reference, live } => view! {
            <AwaitingApproval />
            <Reference reference />
            <p class="live-note" data-live=live.to_string()>
                {i18n.text(if live { Key::WaitingLive } else { Key::CheckingWallet })}
            </p>
        }
        .into_any(),
        Screen::Done { reference, status } => {
            let receipt = move || match driver.receipt.get() {
                ReceiptState::Ready(receipt) => view! { <ReceiptView receipt /> }.into_any(),
                ReceiptState::Unavailable => view! { <p class="notice">{i18n.text(Key::ReceiptUnavailable)}</p> }.into_any(),
                ReceiptState::NotYet => ().into_any(),
            };
            view! {
                <PaymentResult transaction_id=reference status />
                {receipt}
            }
            .into_any()
        }
    }
    }
}

/// Where this checkout's calls go: `configs.apiBase` or `api-base` (the
/// merchant backend's invoice routes); the order is POSTed to `session-url`
/// (default `{api-base}/checkout`) unless the page gives `configs.token`.
fn setup_for(config: &Option<CheckoutConfig>, properties: &ElementProperties) -> InvoiceSetup {
    let api_base = super::api_base(properties, config.as_ref());
    let configs = &properties.configs;
    let session_url = configs
        .session_url
        .clone()
        .or_else(|| {
            config
                .as_ref()
                .and_then(|config| config.session_url.clone())
        })
        .or_else(|| (!api_base.is_empty()).then(|| format!("{api_base}/checkout")));
    let session = match (&configs.token, session_url) {
        (Some(token), _) if !token.trim().is_empty() => SessionSource::Token(token.clone()),
        (_, Some(url)) => SessionSource::Url {
            url,
            request_body: order(config, properties),
        },
        _ => SessionSource::Missing,
    };
    InvoiceSetup {
        api_base,
        session,
        status_timeout: config
            .as_ref()
            .map_or(DEFAULT_STATUS_TIMEOUT, |config| config.status_timeout),
    }
}

/// The order the merchant backend invoices: its reference (the same order
/// finds the same checkout after a reload), and the amount and currency
/// when the page sets them.
fn order(config: &Option<CheckoutConfig>, properties: &ElementProperties) -> String {
    let body = &properties.payment_body;
    let amount = config.as_ref().and_then(|config| config.amount);
    to_text(&json!({
        "customerReference": config.as_ref().and_then(|config| config.customer_reference.clone()).or_else(|| body.customer_reference.clone()),
        "amount": amount.map(|amount| to_wire(Gateway::Invoice, amount).to_json()).or_else(|| body.amount.clone().map(Into::into)),
        "currency": config.as_ref().and_then(|config| config.currency.map(|c| c.code().to_owned())).or_else(|| body.currency.clone()),
    }))
}
