//! The customer's step: the invoice, country and phone number, the
//! operator (detected as they type, theirs to change), the fees, Pay.

use leptos::prelude::*;

use leptos::html::Form;

use super::super::hooks::{effect, focus_first_invalid};
use super::super::i18n::use_i18n;
use super::super::pay_button::PayButton;
use super::super::phone_input::{default_country, PhoneInput};
use super::amounts::{charged, AmountLines, LineItems};
use super::driver::{InvoiceDriver, WalletChoice};
use super::lookups::{use_fee_preview, use_operator_detection, Lookup};
use crate::core::events::{CheckoutEvent, ErrorCode, ErrorDetail};
use crate::core::flow::Problem;
use crate::core::gateway::Gateway;
use crate::core::i18n::{Key, Notice, Strings};
use crate::core::invoice::wire::InvoiceSummary;
use crate::core::phone::{country_of, normalise};
use crate::core::validation::phone_notice;

#[component]
pub fn WalletStep(
    /// The running checkout.
    driver: InvoiceDriver,
    /// The invoice being paid.
    invoice: InvoiceSummary,
    /// A payment is on its way: Pay sends nothing more.
    #[prop(into)]
    busy: Memo<bool>,
    /// Why the last attempt failed, if it did.
    #[prop(into)]
    problem: Memo<Option<Problem>>,
    /// Called with the wallet when the customer pays.
    on_pay: impl Fn(WalletChoice) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = NodeRef::<Form>::new();
    let country = RwSignal::new(default_country(i18n));
    let typed = RwSignal::new(String::new());
    let phone_error = RwSignal::new(None::<Notice>);
    effect(move || {
        typed.track();
        phone_error.set(None);
    });
    // A memo: only a different number asks for the operator again.
    let phone = Memo::new(move |_| normalise(&typed.get(), country.get()).ok());
    let detection = use_operator_detection(driver, phone);
    let chosen = RwSignal::new(None::<String>);
    effect(move || {
        if let Lookup::Found(info) = detection.get() {
            chosen.set(info.gateway_provider.clone());
            if let Some(found) =
                country_of(&info.phone_number).filter(|found| *found != country.get_untracked())
            {
                country.set(found);
            }
        }
    });
    // The wallet's currency once the operator is known; the invoice's own
    // until then (and while the number changes).
    let wallet_currency =
        Memo::new(
            move |previous: Option<&Option<String>>| match detection.get() {
                Lookup::Found(info) => Some(info.currency),
                Lookup::Looking => previous.cloned().flatten(),
                _ => None,
            },
        );
    let fees = use_fee_preview(driver, wallet_currency);

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let number = normalise(&typed.get_untracked(), country.get_untracked());
        let provider = chosen
            .get_untracked()
            .filter(|provider| !provider.is_empty());
        match (number, provider) {
            (Ok(phone_number), Some(gateway_provider)) => {
                let currency = wallet_currency.get_untracked().unwrap_or_default();
                on_pay(WalletChoice {
                    phone_number,
                    gateway_provider,
                    currency,
                });
            }
            (number, _) => {
                let notice = match number {
                    Err(error) => phone_notice(&error),
                    Ok(_) => Key::OperatorChoose.into(),
                };
                // The event speaks to the developer, in English.
                let message = Strings::default().render(&notice);
                phone_error.set(Some(notice));
                focus_first_invalid(form);
                let detail = ErrorDetail::new(
                    Gateway::Invoice,
                    ErrorCode::ValidationError.as_str(),
                    message,
                    true,
                );
                driver.emit(CheckoutEvent::Error(detail));
            }
        }
    };

    let providers = move || match detection.get() {
        Lookup::Found(info) => info.providers,
        _ => Vec::new(),
    };
    let operator_note = move || match detection.get() {
        Lookup::Idle => String::new(),
        Lookup::Looking => i18n.t(Key::OperatorFinding),
        Lookup::Found(info) => match info
            .providers
            .iter()
            .find(|p| Some(&p.gateway_provider) == info.gateway_provider.as_ref())
        {
            Some(provider) => i18n.format(Key::OperatorDetected, &[("operator", provider.provider_name.clone())]),
            None => i18n.t(Key::OperatorChooseShort),
        },
        Lookup::Failed(key) => i18n.t(key),
    };
    let fee_view = move || match fees.get() {
        Lookup::Found(amounts) => view! { <AmountLines amounts /> }.into_any(),
        Lookup::Failed(key) => view! { <p class="notice">{i18n.text(key)}</p> }.into_any(),
        _ => view! {
            <p class="skeleton" aria-busy="true">
                <span class="skeleton-line" aria-hidden="true"></span>
                <span>{i18n.text(Key::FeesCalculating)}</span>
            </p>
        }
        .into_any(),
    };
    let pay_label = Memo::new(move |_| match fees.get() {
        Lookup::Found(amounts) => i18n.pay_label(Some(charged(&amounts))),
        _ => i18n.t(Key::Pay),
    });
    let general_problem = move || {
        problem
            .get()
            .filter(|p| p.field.as_deref() != Some("phone_number"))
            .map(|p| i18n.render(&p.notice))
            .unwrap_or_default()
    };
    let field_problem = Memo::new(move |_| {
        phone_error.get().map(|notice| i18n.render(&notice)).or_else(|| {
            problem
                .get()
                .filter(|p| p.field.as_deref() == Some("phone_number"))
                .map(|p| i18n.render(&p.notice))
        })
    });

    view! {
        <form class="wallet-form invoice" part="form" novalidate node_ref=form on:submit=on_submit>
            <p class="invoice-note">{invoice.note.clone()}</p>
            <LineItems items=invoice.items.clone() />
            <PhoneInput id="pay-phone_number" name="phone_number" label=Key::FieldMobileNumber typed country
                disabled=busy error=field_problem show_operator=false />
            <div class="field operator" part="field" hidden=move || providers().is_empty()>
                <label for="pay-gateway_provider">{i18n.text(Key::FieldOperator)}</label>
                <select id="pay-gateway_provider" name="gateway_provider" disabled=move || busy.get()
                    on:change=move |event| chosen.set(Some(event_target_value(&event)))>
                    <option value="" selected=move || chosen.get().is_none()>{i18n.text(Key::Choose)}</option>
                    // One AnyView, as the views' other changing parts are:
                    // a list of its own would bring its own render effect.
                    {move || providers().into_iter().map(|provider| {
                        let code = provider.gateway_provider.clone();
                        view! {
                            <option value=provider.gateway_provider.clone() selected=move || chosen.get().as_ref() == Some(&code)>
                                {provider.provider_name}
                            </option>
                        }.into_any()
                    }).collect_view().into_any()}
                </select>
            </div>
            <p class="operator-note" aria-live="polite">{operator_note}</p>
            <div class="fee-preview" aria-live="polite">{fee_view}</div>
            <p class="form-problem" role="alert">{general_problem}</p>
            <PayButton label=pay_label busy />
        </form>
    }
}
