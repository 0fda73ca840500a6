//! The wallet form: asks only for what the page did not give, checks it
//! before anything is sent, and pays once per click.

use leptos::html::Form;
use leptos::prelude::*;

use super::hooks::{effect, focus_first_invalid};
use super::i18n::use_i18n;
use super::pay_button::PayButton;
use super::phone_input::{default_country, PhoneInput};
use crate::browser::events::EventSink;
use crate::core::events::{CheckoutEvent, ErrorCode, ErrorDetail};
use crate::core::flow::Problem;
use crate::core::gateway::Gateway;
use crate::core::i18n::{Key, Notice, Strings};
use crate::core::payment_body::{CustomerField, CUSTOMER_FIELDS};
use crate::core::validation::check;

pub fn label(field: CustomerField) -> Key {
    match field {
        CustomerField::PhoneNumber => Key::FieldPhone,
        CustomerField::WalletNumber => Key::FieldWalletNumber,
        CustomerField::WalletPin => Key::FieldWalletPin,
        CustomerField::FirstName => Key::FieldFirstName,
        CustomerField::LastName => Key::FieldLastName,
        CustomerField::Email => Key::FieldEmail,
    }
}

/// `(type, autocomplete, inputmode)` of the input for `field`.
fn input_kind(field: CustomerField) -> (&'static str, &'static str, &'static str) {
    match field {
        CustomerField::PhoneNumber => ("tel", "tel", "tel"),
        CustomerField::WalletNumber => ("text", "off", "numeric"),
        // A PIN is masked, never autofilled, never kept after the page.
        CustomerField::WalletPin => ("password", "off", "numeric"),
        CustomerField::FirstName => ("text", "given-name", "text"),
        CustomerField::LastName => ("text", "family-name", "text"),
        CustomerField::Email => ("email", "email", "email"),
    }
}

#[component]
pub fn WalletForm(
    /// The fields to ask for: some of CUSTOMER_FIELDS, in its order.
    #[prop(into)]
    fields: Memo<Vec<CustomerField>>,
    /// The Pay button's text, with the amount when known.
    #[prop(into)]
    pay_label: Memo<String>,
    /// A submission is in flight: the button sends nothing more.
    #[prop(into)]
    busy: Memo<bool>,
    /// An attempt's answer was lost: it is resent unchanged, so no edits.
    #[prop(into)]
    locked: Memo<bool>,
    /// Why the last attempt failed, if it did.
    #[prop(into)]
    problem: Memo<Option<Problem>>,
    /// Called with the checked values when the customer pays.
    on_pay: impl Fn(Vec<(CustomerField, String)>) + 'static,
) -> impl IntoView {
    let sink = expect_context::<EventSink>();
    let i18n = use_i18n();
    let form = NodeRef::<Form>::new();
    // What was typed in each field and why it was refused, owned by the
    // form: a field shown again keeps what was typed. A refusal is a
    // signal of its own per field, of the type the phone fields use too.
    let slots = CUSTOMER_FIELDS.map(|field| (field, RwSignal::new(String::new()), RwSignal::new(None::<Notice>)));
    let slot = move |field: CustomerField| *slots.iter().find(|(f, ..)| *f == field).unwrap_or(&slots[0]);
    let value_of = move |field: CustomerField| slot(field).1;
    let refusal_of = move |field: CustomerField| slot(field).2;
    let country = RwSignal::new(default_country(i18n));
    let error_of = move |field: CustomerField| {
        let local = refusal_of(field).with(|refusal| refusal.as_ref().map(|notice| i18n.render(notice)));
        local.or_else(|| {
            problem.with(|problem| {
                problem
                    .as_ref()
                    .filter(|problem| problem.field.as_deref() == Some(field.wire_name()))
                    .map(|problem| i18n.render(&problem.notice))
            })
        })
    };
    let general_problem = move || {
        problem.get().filter(|problem| {
            problem
                .field
                .as_deref()
                .and_then(CustomerField::from_wire_name)
                .is_none_or(|field| !fields.get().contains(&field))
        })
    };

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut checked = Vec::new();
        let mut refused = Vec::new();
        for field in fields.get_untracked() {
            match check(field, &value_of(field).get_untracked(), country.get_untracked()) {
                Ok(value) => checked.push((field, value)),
                Err(error) => refused.push((field, error.notice)),
            }
        }
        for (field, _, refusal) in slots {
            refusal.set(refused.iter().find(|(f, _)| *f == field).map(|(_, notice)| notice.clone()));
        }
        if refused.is_empty() {
            on_pay(checked);
            return;
        }
        // The event speaks to the developer, in English.
        let english = Strings::default();
        let names: Vec<String> = refused.iter().map(|(field, _)| english.text(label(*field))).collect();
        let message = english.format(Key::CheckFields, &[("fields", names.join(", "))]);
        let detail = ErrorDetail::new(Gateway::Pdirect, ErrorCode::ValidationError.as_str(), message, true);
        sink.emit(CheckoutEvent::Error(detail));
        focus_first_invalid(form);
    };
    let clear_error = move |field: CustomerField| refusal_of(field).set(None);

    view! {
        <form class="wallet-form" part="form" novalidate node_ref=form on:submit=on_submit>
            // Every field has its place, in the order of CUSTOMER_FIELDS
            // (the order `fields` keeps), and is shown while asked for: one
            // that comes or goes leaves the others' inputs, focus and typing
            // as they were, with no keyed list to diff.
            {CUSTOMER_FIELDS.map(|field| {
                let asked = Memo::new(move |_| fields.with(|fields| fields.contains(&field)));
                move || {
                    if !asked.get() {
                        return ().into_any();
                    }
                    let value = value_of(field);
                    effect(move || { value.track(); clear_error(field); });
                    if field == CustomerField::PhoneNumber {
                        return view! {
                            <PhoneInput id="pay-phone_number" name="phone_number" label=label(field)
                                typed=value country disabled=Memo::new(move |_| locked.get() || busy.get())
                                error=Memo::new(move |_| error_of(field)) />
                        }
                        .into_any();
                    }
                    let (kind, autocomplete, inputmode) = input_kind(field);
                    let id = format!("pay-{}", field.wire_name());
                    let error_id = format!("{id}-error");
                    view! {
                        <div class="field" part="field">
                            <label for=id.clone()>{i18n.text(label(field))}</label>
                            <input
                                id=id
                                name=field.wire_name()
                                type=kind
                                autocomplete=autocomplete
                                inputmode=inputmode
                                disabled=move || locked.get() || busy.get()
                                aria-invalid=move || error_of(field).is_some().to_string()
                                aria-describedby=error_id.clone()
                                prop:value=move || value.get()
                                on:input=move |event| value.set(event_target_value(&event))
                            />
                            <p class="field-error" id=error_id role="alert">
                                {move || error_of(field).unwrap_or_default()}
                            </p>
                        </div>
                    }
                    .into_any()
                }
            })}
            <p class="form-problem" role="alert">
                {move || general_problem().map(|problem| i18n.render(&problem.notice)).unwrap_or_default()}
            </p>
            <PayButton label=pay_label busy />
        </form>
    }
}
