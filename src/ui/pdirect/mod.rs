//! The PDirect wallet checkout: form, approve on the phone, result.

mod driver;

use leptos::prelude::*;

use super::awaiting_approval::AwaitingApproval;
use super::i18n::use_i18n;
use super::payment_result::PaymentResult;
use super::wallet_form::WalletForm;
use crate::browser::session::SessionSource;
use crate::core::config::{CheckoutConfig, ConfigError, DEFAULT_STATUS_TIMEOUT};
use crate::core::flow::{Flow, Phase};
use crate::core::gateway::Gateway;
use crate::core::json::to_text;
use crate::core::wire_amount::to_wire;
use crate::core::payment_body::{CustomerField, ElementProperties};
use crate::json;
use driver::{use_pdirect_flow, PdirectSetup};

/// Which view the flow's phase calls for; the form survives Submitting.
#[derive(Clone, PartialEq)]
enum Screen {
    Form,
    Awaiting,
    Result(Phase),
}

#[component]
pub fn PdirectCheckout(
    /// The element's attributes, parsed (valid when this view is shown).
    config: ReadSignal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` and `paymentBody`, as the page set them.
    properties: ReadSignal<ElementProperties>,
) -> impl IntoView {
    let i18n = use_i18n();
    let setup = move || setup_for(&config.get_untracked().ok(), &properties.get_untracked());
    let initial = setup();
    let flow = use_pdirect_flow(Flow::new(Gateway::Pdirect, initial.status_timeout), initial);

    let screen = Memo::new(move |_| match flow.flow.with(|flow| flow.phase().clone()) {
        Phase::Form | Phase::Submitting(_) => Screen::Form,
        Phase::Awaiting { .. } => Screen::Awaiting,
        done @ Phase::Done { .. } => Screen::Result(done),
    });
    let fields = Memo::new(move |_| {
        properties.with(|properties| {
            properties
                .payment_body
                .clone()
                .with_wallet_defaults()
                .missing_fields()
        })
    });
    let pay_label = Memo::new(move |_| {
        let config = config.get().ok();
        let amount = config
            .as_ref()
            .and_then(|config| config.amount)
            .or_else(|| {
                let currency = config.as_ref().and_then(|config| config.currency);
                properties.with(|properties| properties.payment_body.money(currency))
            });
        i18n.pay_label(amount)
    });
    let busy = Memo::new(move |_| flow.flow.with(Flow::is_busy));
    let locked = Memo::new(move |_| {
        flow.flow.with(Flow::has_unresolved_attempt) && flow.holds_unresolved_body()
    });
    let problem = Memo::new(move |_| flow.flow.with(|flow| flow.problem().cloned()));
    let on_pay = move |values: Vec<(CustomerField, String)>| {
        let mut body = properties
            .get_untracked()
            .payment_body
            .with_wallet_defaults();
        for (field, value) in values {
            body.set(field, value);
        }
        flow.submit(body.to_wire_json(), setup());
    };

    move || match screen.get() {
        Screen::Form => {
            view! { <WalletForm fields pay_label busy locked problem on_pay /> }.into_any()
        }
        Screen::Awaiting => view! { <AwaitingApproval /> }.into_any(),
        Screen::Result(Phase::Done {
            transaction_id,
            status,
        }) => view! { <PaymentResult transaction_id status /> }.into_any(),
        Screen::Result(_) => ().into_any(),
    }
}

/// Where this checkout sends its requests, from attributes and `configs`;
/// `configs` wins where both say something.
fn setup_for(config: &Option<CheckoutConfig>, properties: &ElementProperties) -> PdirectSetup {
    let configs = &properties.configs;
    let api_base = configs
        .api_base
        .clone()
        .or_else(|| config.as_ref().and_then(|config| config.api_base.clone()))
        .unwrap_or_default();
    let session_url = configs.session_url.clone().or_else(|| {
        config
            .as_ref()
            .and_then(|config| config.session_url.clone())
    });
    let session = match (&configs.token, session_url) {
        (Some(token), _) if !token.trim().is_empty() => SessionSource::Token(token.clone()),
        (_, Some(url)) => SessionSource::Url {
            url,
            request_body: session_request(config, properties),
        },
        _ => SessionSource::Missing,
    };
    PdirectSetup {
        api_base: api_base.trim_end_matches('/').to_owned(),
        status_timeout: config
            .as_ref()
            .map_or(DEFAULT_STATUS_TIMEOUT, |config| config.status_timeout),
        session,
        accept_language: configs.accept_language.clone(),
    }
}

/// `{amount, currency, customerReference}` for the merchant backend, from
/// the attributes or, failing them, the payment body.
fn session_request(config: &Option<CheckoutConfig>, properties: &ElementProperties) -> String {
    let body = &properties.payment_body;
    let amount = config.as_ref().and_then(|config| config.amount);
    to_text(&json!({
        "amount": amount.map(|amount| to_wire(Gateway::Pdirect, amount).to_json()).or_else(|| body.amount.clone().map(Into::into)),
        "currency": amount.map(|amount| amount.currency().code().to_owned()).or_else(|| body.currency.clone()),
        "customerReference": config
            .as_ref()
            .and_then(|config| config.customer_reference.clone())
            .or_else(|| body.customer_reference.clone()),
    }))
}
