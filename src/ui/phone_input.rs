//! A mobile-money number: the country (its calling code), the number as the
//! customer types or pastes it (national or international, spaces and
//! dashes welcome), a hint in that country's own format, and the operator
//! its prefix tells.

use leptos::prelude::*;

use super::hooks::effect;
use super::i18n::{use_i18n, I18n};
use crate::core::i18n::Key;
use crate::core::phone::operators::detect;
use crate::core::phone::{country_by_iso, country_of, normalise, Country, COUNTRIES};

/// The country a new phone input starts on: the one the customer's locale
/// names (`fr-CD` → DR Congo), else the first of our markets.
pub fn default_country(i18n: I18n) -> Country {
    i18n.region()
        .and_then(|iso| country_by_iso(&iso))
        .unwrap_or(COUNTRIES[0])
}

#[component]
pub fn PhoneInput(
    /// The input's id; the country list's is `{id}-country`.
    id: &'static str,
    /// The input's form name.
    name: &'static str,
    /// Its label.
    label: Key,
    /// What the customer typed.
    typed: RwSignal<String>,
    /// The country a national number is read in.
    country: RwSignal<Country>,
    /// While a payment is on its way.
    #[prop(into)]
    disabled: Memo<bool>,
    /// Why the number was refused, if it was.
    #[prop(into)]
    error: Memo<Option<String>>,
    /// Show the operator the prefix tells (not where the gateway tells it).
    #[prop(default = true)]
    show_operator: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let country_id = format!("{id}-country");
    let note_id = format!("{id}-note");
    let error_id = format!("{id}-error");
    // A pasted international number picks its own country.
    effect(move || {
        if let Some(found) = normalise(&typed.get(), country.get_untracked())
            .ok()
            .and_then(|number| country_of(&number))
            .filter(|found| *found != country.get_untracked())
        {
            country.set(found);
        }
    });
    let operator = move || {
        let number = normalise(&typed.get(), country.get()).ok()?;
        let name = detect(&number)?.recommended?.provider_name;
        show_operator.then_some(name)
    };
    let note = move || {
        let hint = i18n.format(Key::PhoneHint, &[("example", country.get().example.to_owned())]);
        match operator() {
            Some(name) => format!("{hint} · {name}"),
            None => hint,
        }
    };
    view! {
        <div class="field phone" part="field">
            <label for=id>{i18n.text(label)}</label>
            <div class="phone-row">
                <select id=country_id.clone() class="phone-country" name=format!("{name}-country")
                    aria-label=i18n.text(Key::FieldCountry)
                    disabled=move || disabled.get()
                    on:change=move |event| {
                        if let Some(found) = country_by_iso(&event_target_value(&event)) {
                            country.set(found);
                        }
                    }>
                    {COUNTRIES.into_iter().map(|option| view! {
                        <option value=option.iso selected=move || country.get() == option>
                            // The code first: a narrow list still shows it.
                            {move || format!("+{} {}", option.dial_code, i18n.country(option.iso))}
                        </option>
                    }.into_any()).collect_view()}
                </select>
                <input id=id name=name type="tel" autocomplete="tel" inputmode="tel"
                    disabled=move || disabled.get()
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=format!("{note_id} {error_id}")
                    prop:value=move || typed.get()
                    on:input=move |event| typed.set(event_target_value(&event)) />
            </div>
            <p class="field-note" id=note_id>{note}</p>
            <p class="field-error" id=error_id role="alert">{move || error.get().unwrap_or_default()}</p>
        </div>
    }
}
