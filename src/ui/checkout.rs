//! The root view of one `<pay-checkout>` element.

use leptos::prelude::*;

use super::amount_summary::AmountSummary;
use super::config_problem::ConfigProblem;
use super::hooks::effect;
use super::i18n::provide_i18n;
#[cfg(feature = "invoice")]
use super::invoice::InvoiceCheckout;
#[cfg(feature = "moment")]
use super::moment::MomentCheckoutView;
#[cfg(feature = "paygate")]
use super::paygate::PaygateCheckout;
#[cfg(feature = "pdirect")]
use super::pdirect::PdirectCheckout;
use super::progress::{Progress, ShownStep};
#[cfg(feature = "universal")]
use super::universal::UniversalCheckout;
use crate::browser::host::HostElement;
use crate::browser::panic::prepare_stopped_notice;
use crate::core::config::{CheckoutConfig, ConfigError};
use crate::core::i18n::Key;
use crate::core::gateway::Gateway;
use crate::core::payment_body::ElementProperties;

/// Shows the checkout for a valid configuration, or what is wrong with it.
#[component]
pub fn Checkout(
    /// The element's attributes, parsed; changes whenever one changes.
    #[prop(into)]
    config: ReadSignal<Result<CheckoutConfig, ConfigError>>,
    /// `configs` and `paymentBody`, as the page set them.
    #[prop(into)]
    properties: ReadSignal<ElementProperties>,
) -> impl IntoView {
    let i18n = provide_i18n(config, properties);
    provide_context(ShownStep(RwSignal::new(None)));
    if let Some(host) = use_context::<HostElement>() {
        effect(move || prepare_stopped_notice(&host, &i18n.t(Key::Stopped), &i18n.lang()));
    }
    // Only a change of gateway (or of validity) replaces the flow: a page
    // that re-sets an attribute mid-payment must not lose the payment.
    let gateway = Memo::new(move |_| {
        config.with(|config| config.as_ref().map(|c| c.gateway).map_err(Clone::clone))
    });
    let summary = move || {
        let Ok(config) = config.get() else {
            return ().into_any();
        };
        let amount = config
            .amount
            .or_else(|| properties.with(|properties| properties.payment_body.money(config.currency)));
        view! {
            <AmountSummary amount currency=config.currency />
            <Progress />
        }
        .into_any()
    };
    view! {
        // `dir` as a String, as every changing attribute of the views is:
        // Leptos's code for one value type only.
        <section class="checkout" part="checkout" lang=move || i18n.lang() dir=move || i18n.dir().to_owned()>
            {move || match gateway.get() {
                Err(error) => view! { <ConfigProblem error /> }.into_any(),
                #[cfg(feature = "pdirect")]
                Ok(Gateway::Pdirect) => {
                    view! {
                        {summary}
                        <PdirectCheckout config properties />
                    }
                        .into_any()
                }
                #[cfg(feature = "universal")]
                Ok(Gateway::Universal) => {
                    view! {
                        {summary}
                        <UniversalCheckout config properties />
                    }
                        .into_any()
                }
                #[cfg(feature = "paygate")]
                Ok(Gateway::Paygate) => {
                    view! {
                        {summary}
                        <PaygateCheckout config properties />
                    }
                        .into_any()
                }
                #[cfg(feature = "moment")]
                Ok(Gateway::Moment) => {
                    view! {
                        {summary}
                        <MomentCheckoutView config properties />
                    }
                        .into_any()
                }
                // The invoice shows its own lines and total.
                #[cfg(feature = "invoice")]
                Ok(Gateway::Invoice) => {
                    view! {
                        <Progress />
                        <InvoiceCheckout config properties />
                    }
                        .into_any()
                }
                // Refused by the configuration already (not in this build).
                #[allow(unreachable_patterns)]
                Ok(gateway) => {
                    view! { <ConfigProblem error=ConfigError::GatewayNotBuilt(gateway) /> }.into_any()
                }
            }}
        </section>
    }
}
