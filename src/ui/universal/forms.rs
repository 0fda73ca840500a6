//! The universal checkout's forms: the phone, the gateway's own fields, the
//! one-time code.

use leptos::prelude::*;

use crate::core::adapters::universal::RequiredField;
use crate::core::validation::is_e164;

/// The customer's phone number, then Pay.
#[component]
pub fn PhoneForm(
    /// The Pay button's text.
    #[prop(into)]
    pay_label: Signal<String>,
    /// A request is in flight.
    #[prop(into)]
    busy: Signal<bool>,
    /// Called with the phone's digits (country code first, no plus).
    on_pay: Callback<String>,
) -> impl IntoView {
    let phone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let compact: String = phone
            .get_untracked()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        if is_e164(&compact) {
            error.set(None);
            on_pay.run(compact.trim_start_matches('+').to_owned());
        } else {
            error.set(Some(
                "Enter the number in international form, like +254712345678.".into(),
            ));
        }
    };
    view! {
        <form class="wallet-form" part="form" novalidate on:submit=on_submit>
            <div class="field" part="field">
                <label for="pay-customer-id">"Phone number"</label>
                <input id="pay-customer-id" type="tel" autocomplete="tel" inputmode="tel"
                    aria-invalid=move || error.get().is_some().to_string() aria-describedby="pay-customer-id-error"
                    prop:value=move || phone.get() on:input=move |event| phone.set(event_target_value(&event)) />
                <p class="field-error" id="pay-customer-id-error" role="alert">{move || error.get()}</p>
            </div>
            <button type="submit" class="pay" part="button" disabled=move || busy.get()>
                {move || if busy.get() { "Processing…".to_owned() } else { pay_label.get() }}
            </button>
        </form>
    }
}

/// The fields the gateway asks for (`action.fields`), with its errors.
#[component]
pub fn DataForm(
    /// The gateway's fields, each with `action.errors[field][0]`.
    fields: Vec<RequiredField>,
    #[prop(into)] busy: Signal<bool>,
    /// Called with `(field, value)` pairs for STATUS `extra`.
    on_submit: Callback<Vec<(String, String)>>,
) -> impl IntoView {
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
        on_submit.run(extra);
    };
    let inputs = fields
        .into_iter()
        .zip(values)
        .map(|(field, (_, value))| {
            let id = format!("pay-extra-{}", field.name);
            let error_id = format!("{id}-error");
            view! {
                <div class="field" part="field">
                    <label for=id.clone()>{field.label}</label>
                    <input id=id type=field.kind name=field.name required=field.required pattern=field.pattern
                        aria-invalid=field.error.is_some().to_string() aria-describedby=error_id.clone()
                        prop:value=move || value.get() on:input=move |event| value.set(event_target_value(&event)) />
                    <p class="field-error" id=error_id role="alert">{field.error}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="wallet-form" part="form" novalidate on:submit=on_submit>
            <p class="form-intro">"The payment provider needs a little more information."</p>
            {inputs}
            <button type="submit" class="pay" part="button" disabled=move || busy.get()>"Continue"</button>
        </form>
    }
}

/// The one-time code the provider sent to the customer's phone.
#[component]
pub fn OtpForm(
    /// What the provider said ("OTP sent", or why the last code failed).
    message: String,
    /// The last code was refused.
    wrong: bool,
    /// Codes entered so far.
    #[prop(into)]
    attempts: Signal<u32>,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<String>,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let digits: String = code
            .get_untracked()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        on_submit.run(digits);
    };
    view! {
        <form class="wallet-form" part="form" novalidate on:submit=on_submit>
            <div class="field" part="field">
                <label for="pay-otp">"Code sent to your phone"</label>
                <input id="pay-otp" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="8"
                    aria-invalid=wrong.to_string() aria-describedby="pay-otp-note"
                    prop:value=move || code.get() on:input=move |event| code.set(event_target_value(&event)) />
                <p class=if wrong { "field-error" } else { "field-note" } id="pay-otp-note" role="status">{message}</p>
                <p class="field-note">{move || format!("Attempt {} of 3", attempts.get() + 1)}</p>
            </div>
            <button type="submit" class="pay" part="button" disabled=move || busy.get()>"Confirm"</button>
        </form>
    }
}
