//! The wallet form: asks only for what the page did not give, checks it
//! before anything is sent, and pays once per click.

use leptos::prelude::*;

use crate::browser::events::EventSink;
use crate::core::events::{CheckoutEvent, ErrorCode, ErrorDetail};
use crate::core::flow::Problem;
use crate::core::gateway::Gateway;
use crate::core::payment_body::CustomerField;
use crate::core::validation::check;

fn label(field: CustomerField) -> &'static str {
    match field {
        CustomerField::PhoneNumber => "Phone number",
        CustomerField::WalletNumber => "Wallet number",
        CustomerField::WalletPin => "Wallet PIN",
        CustomerField::FirstName => "First name",
        CustomerField::LastName => "Last name",
        CustomerField::Email => "Email",
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
    /// The fields to ask for, in order.
    #[prop(into)]
    fields: Signal<Vec<CustomerField>>,
    /// The Pay button's text, with the amount when known.
    #[prop(into)]
    pay_label: Signal<String>,
    /// A submission is in flight: the button sends nothing more.
    #[prop(into)]
    busy: Signal<bool>,
    /// An attempt's answer was lost: it is resent unchanged, so no edits.
    #[prop(into)]
    locked: Signal<bool>,
    /// Why the last attempt failed, if it did.
    #[prop(into)]
    problem: Signal<Option<Problem>>,
    /// Called with the checked values when the customer pays.
    on_pay: Callback<Vec<(CustomerField, String)>>,
) -> impl IntoView {
    let sink = expect_context::<EventSink>();
    let values = RwSignal::new(Vec::<(CustomerField, String)>::new());
    let errors = RwSignal::new(Vec::<(CustomerField, String)>::new());
    let value_of = move |field: CustomerField| {
        values.with(|values| {
            values
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone())
        })
    };
    let set_value = move |field: CustomerField, value: String| {
        values.update(|values| {
            values.retain(|(f, _)| *f != field);
            values.push((field, value));
        });
        errors.update(|errors| errors.retain(|(f, _)| *f != field));
    };
    let error_of = move |field: CustomerField| {
        let local = errors.with(|errors| {
            errors
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        });
        local.or_else(|| {
            problem.with(|problem| {
                problem
                    .as_ref()
                    .filter(|problem| problem.field.as_deref() == Some(field.wire_name()))
                    .map(|problem| problem.message.clone())
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
            match check(field, &value_of(field).unwrap_or_default()) {
                Ok(value) => checked.push((field, value)),
                Err(error) => refused.push((field, error.message)),
            }
        }
        if refused.is_empty() {
            on_pay.run(checked);
        } else {
            let names: Vec<&str> = refused.iter().map(|(field, _)| label(*field)).collect();
            let message = format!("Check these fields: {}.", names.join(", "));
            let detail = ErrorDetail::new(
                Gateway::Pdirect,
                ErrorCode::ValidationError.as_str(),
                message,
                true,
            );
            sink.emit(CheckoutEvent::Error(detail));
            errors.set(refused);
        }
    };

    view! {
        <form class="wallet-form" part="form" novalidate on:submit=on_submit>
            <For each=move || fields.get() key=|field| *field let:field>
                {
                    let (kind, autocomplete, inputmode) = input_kind(field);
                    let id = format!("pay-{}", field.wire_name());
                    let error_id = format!("{id}-error");
                    view! {
                        <div class="field" part="field">
                            <label for=id.clone()>{label(field)}</label>
                            <input
                                id=id
                                name=field.wire_name()
                                type=kind
                                autocomplete=autocomplete
                                inputmode=inputmode
                                disabled=move || locked.get() || busy.get()
                                aria-invalid=move || error_of(field).is_some().to_string()
                                aria-describedby=error_id.clone()
                                prop:value=move || value_of(field).unwrap_or_default()
                                on:input=move |event| set_value(field, event_target_value(&event))
                            />
                            <p class="field-error" id=error_id role="alert">
                                {move || error_of(field)}
                            </p>
                        </div>
                    }
                }
            </For>
            <p class="form-problem" role="alert">
                {move || general_problem().map(|problem| problem.message)}
            </p>
            <button type="submit" class="pay" part="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                {move || if busy.get() { "Processing…".to_owned() } else { pay_label.get() }}
            </button>
        </form>
    }
}
