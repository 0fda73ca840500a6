//! The customer's step: the invoice, country and phone number, the
//! operator (detected as they type, theirs to change), the fees, Pay.

use leptos::prelude::*;

use super::amounts::{charged, AmountLines, LineItems};
use super::driver::{InvoiceDriver, WalletChoice};
use super::lookups::{use_fee_preview, use_operator_detection, Lookup};
use crate::browser::format::format_money;
use crate::core::events::{CheckoutEvent, ErrorCode, ErrorDetail};
use crate::core::flow::Problem;
use crate::core::gateway::Gateway;
use crate::core::invoice::wire::InvoiceSummary;
use crate::core::phone::{country_by_iso, country_of, normalise, Country, COUNTRIES};

/// The country a locale's region names (`fr-CD` → CD), else DR Congo.
fn default_country(locale: Option<&str>) -> Country {
    locale
        .and_then(|locale| locale.rsplit(['-', '_']).next())
        .and_then(country_by_iso)
        .unwrap_or(COUNTRIES[0])
}

#[component]
pub fn WalletStep(
    /// The running checkout.
    driver: InvoiceDriver,
    /// The invoice being paid.
    invoice: InvoiceSummary,
    /// A payment is on its way: Pay sends nothing more.
    #[prop(into)]
    busy: Signal<bool>,
    /// Why the last attempt failed, if it did.
    #[prop(into)]
    problem: Signal<Option<Problem>>,
    /// Called with the wallet when the customer pays.
    on_pay: Callback<WalletChoice>,
) -> impl IntoView {
    let locale = driver.locale();
    let country = RwSignal::new(default_country(locale.as_deref()));
    let typed = RwSignal::new(String::new());
    let phone_error = RwSignal::new(None::<String>);
    // A memo: only a different number asks for the operator again.
    let phone = Memo::new(move |_| normalise(&typed.get(), country.get()).ok());
    let detection = use_operator_detection(driver, phone.into());
    let chosen = RwSignal::new(None::<String>);
    Effect::new(move |_| {
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
    let fees = use_fee_preview(driver, wallet_currency.into());

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
                on_pay.run(WalletChoice {
                    phone_number,
                    gateway_provider,
                    currency,
                });
            }
            (number, _) => {
                let message = match number {
                    Err(error) => format!("Check the phone number: {error}."),
                    Ok(_) => "Choose your mobile money operator.".to_owned(),
                };
                phone_error.set(Some(message.clone()));
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
        Lookup::Idle => None,
        Lookup::Looking => Some("Finding your operator…".to_owned()),
        Lookup::Found(info) => Some(
            match info
                .providers
                .iter()
                .find(|p| Some(&p.gateway_provider) == info.gateway_provider.as_ref())
            {
                Some(provider) => format!(
                    "Detected: {}. Not yours? Choose another.",
                    provider.provider_name
                ),
                None => "Choose your operator.".to_owned(),
            },
        ),
        Lookup::Failed(message) => Some(message),
    };
    let fee_view = {
        let locale = locale.clone();
        move || match fees.get() {
            Lookup::Found(amounts) => {
                view! { <AmountLines amounts locale=locale.clone() /> }.into_any()
            }
            Lookup::Failed(message) => view! { <p class="notice">{message}</p> }.into_any(),
            _ => view! { <p class="skeleton" aria-busy="true">"Calculating fees…"</p> }.into_any(),
        }
    };
    let pay_label = {
        let locale = locale.clone();
        move || match fees.get() {
            Lookup::Found(amounts) => {
                format!("Pay {}", format_money(charged(&amounts), locale.as_deref()))
            }
            _ => "Pay".to_owned(),
        }
    };
    let general_problem = move || {
        problem
            .get()
            .filter(|p| p.field.as_deref() != Some("phone_number"))
            .map(|p| p.message)
    };
    let field_problem = move || {
        phone_error.get().or_else(|| {
            problem
                .get()
                .filter(|p| p.field.as_deref() == Some("phone_number"))
                .map(|p| p.message)
        })
    };

    view! {
        <form class="wallet-form invoice" part="form" novalidate on:submit=on_submit>
            <p class="invoice-note">{invoice.note.clone()}</p>
            <LineItems items=invoice.items.clone() locale=locale.clone() />
            <div class="field country" part="field">
                <label for="pay-country">"Country"</label>
                <select id="pay-country" name="country" disabled=move || busy.get()
                    on:change=move |event| {
                        if let Some(found) = country_by_iso(&event_target_value(&event)) {
                            country.set(found);
                        }
                    }>
                    {COUNTRIES.into_iter().map(|option| view! {
                        <option value=option.iso selected=move || country.get() == option>
                            {format!("{} (+{})", option.name, option.dial_code)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field" part="field">
                <label for="pay-phone_number">"Mobile money number"</label>
                <input id="pay-phone_number" name="phone_number" type="tel" autocomplete="tel" inputmode="tel"
                    disabled=move || busy.get()
                    aria-invalid=move || field_problem().is_some().to_string()
                    aria-describedby="pay-phone_number-error"
                    prop:value=move || typed.get()
                    on:input=move |event| { typed.set(event_target_value(&event)); phone_error.set(None); } />
                <p class="field-error" id="pay-phone_number-error" role="alert">{field_problem}</p>
            </div>
            <div class="field operator" part="field" hidden=move || providers().is_empty()>
                <label for="pay-gateway_provider">"Mobile money operator"</label>
                <select id="pay-gateway_provider" name="gateway_provider" disabled=move || busy.get()
                    on:change=move |event| chosen.set(Some(event_target_value(&event)))>
                    <option value="" selected=move || chosen.get().is_none()>"Choose…"</option>
                    {move || providers().into_iter().map(|provider| {
                        let code = provider.gateway_provider.clone();
                        view! {
                            <option value=provider.gateway_provider.clone() selected=move || chosen.get().as_ref() == Some(&code)>
                                {provider.provider_name}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <p class="operator-note" aria-live="polite">{operator_note}</p>
            <div class="fee-preview" aria-live="polite">{fee_view}</div>
            <p class="form-problem" role="alert">{general_problem}</p>
            <button type="submit" class="pay" part="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                {move || if busy.get() { "Processing…".to_owned() } else { pay_label() }}
            </button>
        </form>
    }
}
