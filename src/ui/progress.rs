//! Where the customer is: details, then confirming (OTP, the phone, the
//! gateway's page), then done. It follows the `step` events the checkout
//! sends, so every gateway shows it the same way.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::core::events::Step;
use crate::core::i18n::Key;

/// The step last announced, set by the runtime as it emits `step`.
#[derive(Clone, Copy)]
pub struct ShownStep(pub RwSignal<Option<Step>>);

const STAGES: [Key; 3] = [Key::ProgressDetails, Key::ProgressConfirm, Key::ProgressDone];

/// Which of the three stages a step belongs to.
fn stage(step: Step) -> usize {
    match step {
        Step::Form | Step::DataRequired => 0,
        Step::Otp | Step::Redirect | Step::Awaiting => 1,
        Step::Result => 2,
    }
}

#[component]
pub fn Progress() -> impl IntoView {
    let i18n = use_i18n();
    let shown = use_context::<ShownStep>().map(|shown| shown.0);
    let current = move || shown.and_then(|shown| shown.get()).map_or(0, stage);
    let label = move || {
        let index = current();
        i18n.format(
            Key::ProgressLabel,
            &[
                ("current", (index + 1).to_string()),
                ("total", STAGES.len().to_string()),
                ("name", i18n.t(STAGES[index])),
            ],
        )
    };
    view! {
        <ol class="progress" part="progress" aria-label=label>
            {STAGES.into_iter().enumerate().map(|(index, key)| view! {
                <li class="progress-stage"
                    class:done=move || index < current()
                    class:current=move || index == current()
                    // "false" is ARIA's own word for "not the current one", so
                    // the attribute is never absent; a String, as every
                    // changing attribute of the views is: Leptos's code for
                    // one value type only.
                    aria-current=move || String::from(if index == current() { "step" } else { "false" })>
                    <span class="progress-dot" aria-hidden="true"></span>
                    <span class="progress-name">{i18n.text(key)}</span>
                </li>
            }.into_any()).collect_view()}
        </ol>
    }
}
