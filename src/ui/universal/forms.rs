//! The universal checkout's forms: the phone, the gateway's own fields, the
//! one-time code.

use leptos::html::Form;
use leptos::prelude::*;

use super::super::hooks::{effect, focus_first_invalid};
use super::super::i18n::use_i18n;
use super::super::pay_button::PayButton;
use super::super::phone_input::{default_country, PhoneInput};
use crate::core::adapters::universal::RequiredField;
use crate::core::i18n::{Key, Notice};
use crate::core::phone::normalise;
use crate::core::validation::phone_notice;

/// The customer's phone number, then Pay.
#[component]
pub fn PhoneForm(
    /// The Pay button's text.
    #[prop(into)]
    pay_label: Memo<String>,
    /// A request is in flight.
    #[prop(into)]
    busy: Memo<bool>,
    /// Why the last attempt failed, in words (empty if it did not).
    problem: Memo<String>,
    /// Called with the phone's digits (country code first, no plus).
    on_pay: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = NodeRef::<Form>::new();
    let phone = RwSignal::new(String::new());
    let country = RwSignal::new(default_country(i18n));
    let error = RwSignal::new(None::<Notice>);
    effect(move || {
        phone.track();
        error.set(None);
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match normalise(&phone.get_untracked(), country.get_untracked()) {
            Ok(number) => {
                error.set(None);
                on_pay(number.trim_start_matches('+').to_owned());
            }
            Err(refused) => {
                error.set(Some(phone_notice(&refused)));
                focus_first_invalid(form);
            }
        }
    };
    view! {
        <form class="wallet-form" part="form" novalidate node_ref=form on:submit=on_submit>
            <PhoneInput id="pay-customer-id" name="customer_id" label=Key::FieldPhone typed=phone country
                disabled=busy error=Memo::new(move |_| error.get().map(|notice| i18n.render(&notice))) />
            <p class="form-problem" role="alert">{move || problem.get()}</p>
            <PayButton label=pay_label busy />
        </form>
    }
}

/// The label of a field the gateway asks for: ours for the fields we know,
/// else the gateway's own.
fn field_label(field: &RequiredField) -> Option<Key> {
    match field.name.as_str() {
        "customer_email" | "email" => Some(Key::FieldEmail),
        "customer_first_name" | "first_name" => Some(Key::FieldFirstName),
        "customer_last_name" | "last_name" => Some(Key::FieldLastName),
        "customer_phone" | "phone" | "phone_number" => Some(Key::FieldPhone),
        _ => None,
    }
}

/// The fields the gateway asks for (`action.fields`), with its errors.
#[component]
pub fn DataForm(
    /// The gateway's fields, each with `action.errors[field][0]`.
    fields: Vec<RequiredField>,
    /// The customer sent these fields before: the gateway's errors now
    /// refuse what they typed (the first time they only say what it lacks).
    sent_before: bool,
    #[prop(into)] busy: Memo<bool>,
    /// Called with `(field, value)` pairs for STATUS `extra`.
    on_submit: impl Fn(Vec<(String, String)>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let values: Vec<(String, RwSignal<String>)> = fields
        .iter()
        .map(|field| (field.name.clone(), RwSignal::new(String::new())))
        .collect();
    let submitted = values.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let extra = submitted
            .iter()
            .map(|(name, value)| (name.clone(), value.get_untracked().trim().to_owned()))
            .collect();
        on_submit(extra);
    };
    let inputs = fields
        .into_iter()
        .zip(values)
        .map(|(field, (_, value))| {
            let id = format!("pay-extra-{}", field.name);
            let error_id = format!("{id}-error");
            let known = field_label(&field);
            let gateway_label = field.label.clone();
            let label = move || known.map_or_else(|| gateway_label.clone(), |key| i18n.t(key));
            // The gateway's own words go to the `error` event; the customer
            // reads the catalogue's, in their language.
            let refused = sent_before && field.error.is_some();
            view! {
                <div class="field" part="field">
                    <label for=id.clone()>{label}</label>
                    <input id=id type=field.kind name=field.name required=field.required pattern=field.pattern
                        aria-invalid=refused.to_string() aria-describedby=error_id.clone()
                        prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
                    <p class="field-error" id=error_id role="alert">
                        {move || if refused { i18n.t(Key::FieldRefused) } else { String::new() }}
                    </p>
                </div>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <form class="wallet-form" part="form" novalidate on:submit=on_submit>
            <p class="form-intro">{i18n.text(Key::MoreInformation)}</p>
            {inputs}
            <PayButton label=Memo::new(move |_| i18n.t(Key::Continue)) busy />
        </form>
    }
}

/// The one-time code the provider sent to the customer's phone.
#[component]
pub fn OtpForm(
    /// The last code was refused.
    wrong: bool,
    /// How many more codes the gateway takes, in words.
    attempts_left: Memo<String>,
    #[prop(into)] busy: Memo<bool>,
    on_submit: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let digits: String = code.get_untracked().chars().filter(char::is_ascii_digit).collect();
        on_submit(digits);
    };
    let message = i18n.text(if wrong { Key::OtpWrong } else { Key::OtpSent });
    view! {
        <form class="wallet-form" part="form" novalidate on:submit=on_submit>
            <div class="field" part="field">
                <label for="pay-otp">{i18n.text(Key::FieldOtp)}</label>
                <input id="pay-otp" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="8"
                    aria-invalid=wrong.to_string() aria-describedby="pay-otp-note pay-otp-left"
                    prop:value=move || code.get() on:input=move |event| code.set(event_target_value(&event)) />
                <p class=if wrong { "field-error" } else { "field-note" } id="pay-otp-note" role="status">{message}</p>
                <p class="field-note" id="pay-otp-left">{move || attempts_left.get()}</p>
            </div>
            <PayButton label=Memo::new(move |_| i18n.t(Key::Confirm)) busy />
        </form>
    }
}
