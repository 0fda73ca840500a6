//! The wallet form of the benchmark's pages (amount, progress, country and
//! phone, wallet number, PIN, Pay) as a Leptos view, mounted by
//! `bench/floor/index.js` into a custom element's shadow root. Only the
//! wasm build has content: natively the workspace's tests skip it.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The same countries, in the same order, as the hand-written page.
const COUNTRIES: [(&str, &str, &str); 10] = [
    ("CD", "DR Congo", "243"),
    ("KE", "Kenya", "254"),
    ("TZ", "Tanzania", "255"),
    ("UG", "Uganda", "256"),
    ("GH", "Ghana", "233"),
    ("ZM", "Zambia", "260"),
    ("MW", "Malawi", "265"),
    ("ZA", "South Africa", "27"),
    ("RW", "Rwanda", "250"),
    ("NG", "Nigeria", "234"),
];

/// The element's stylesheet, carried inside the wasm minified, as the
/// element's is.
#[wasm_bindgen]
pub fn styles() -> String {
    include_str!(concat!(env!("OUT_DIR"), "/checkout.css")).to_owned()
}

/// Renders the form into `mount_point` for the rest of the page's life.
#[wasm_bindgen]
pub fn mount(mount_point: web_sys::HtmlElement) {
    mount_to(mount_point, wallet_form).forget();
}

/// `Intl.NumberFormat` in the browser's language, as both pages format.
fn amount_text() -> String {
    let languages = js_sys::Array::of1(
        &web_sys::window()
            .and_then(|window| window.navigator().language())
            .unwrap_or_default()
            .into(),
    );
    let options = js_sys::Object::new();
    // Setting a key on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"style".into(), &"currency".into());
    let _ = js_sys::Reflect::set(&options, &"currency".into(), &"USD".into());
    let formatter = js_sys::Intl::NumberFormat::new(&languages, &options);
    formatter
        .format()
        .call1(&formatter, &"12.50".into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] kind: &'static str,
) -> impl IntoView {
    let (value, set_value) = signal(String::new());
    // One reactive text per field, as a form with validation has.
    let error = move || {
        if value.with(|text| text.len() > 32) {
            "Too long"
        } else {
            ""
        }
    };
    view! {
        <div class="field" part="field">
            <label for=id>{label}</label>
            <input id=id type=if kind.is_empty() { "text" } else { kind } inputmode="numeric"
                on:input=move |event| set_value.set(event_target_value(&event)) />
            <p class="field-error" id=format!("{id}-error") role="alert">{error}</p>
        </div>
    }
}

fn wallet_form() -> impl IntoView {
    let amount = amount_text();
    let (phone, set_phone) = signal(String::new());
    let phone_note = move || {
        if phone.with(String::is_empty) {
            "For example 0812 345 678"
        } else {
            ""
        }
    };
    let stages = ["Details", "Confirm", "Done"].into_iter().enumerate().map(|(index, name)| {
        let class = if index == 0 { "progress-stage current" } else { "progress-stage" };
        view! { <li class=class><span class="progress-dot"></span><span class="progress-name">{name}</span></li> }
    });
    let countries = COUNTRIES
        .map(|(iso, name, code)| view! { <option value=iso>{format!("+{code} {name}")}</option> });
    view! {
        <section class="checkout" part="checkout" lang="en" dir="ltr">
            <p class="amount">
                <span class="amount-label">"Amount to pay"</span>
                <strong class="amount-value">{amount.clone()}</strong>
            </p>
            <ol class="progress" part="progress">{stages.collect_view()}</ol>
            <form class="wallet-form" part="form" novalidate on:submit=|event| event.prevent_default()>
                <div class="field phone" part="field">
                    <label for="pay-phone_number">"Phone number"</label>
                    <div class="phone-row">
                        <select class="phone-country" aria-label="Country">{countries.collect_view()}</select>
                        <input id="pay-phone_number" type="tel" autocomplete="tel"
                            on:input=move |event| set_phone.set(event_target_value(&event)) />
                    </div>
                    <p class="field-note">{phone_note}</p>
                </div>
                <Field id="pay-wallet_number" label="Wallet number" />
                <Field id="pay-wallet_pin" label="Wallet PIN" kind="password" />
                <button type="submit" class="pay" part="button">{format!("Pay {amount}")}</button>
            </form>
        </section>
    }
}
