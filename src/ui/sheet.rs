//! A bottom sheet: a modal `<dialog>` (the rest of the page inert, focus
//! kept inside by guards at both ends, Escape and the close button close
//! it) that locks the page's scroll while open.

use leptos::html::{Button, Dialog};
use leptos::prelude::*;

use super::hooks::use_scroll_lock;

#[component]
pub fn Sheet(
    /// Whether the sheet is showing.
    #[prop(into)]
    open: Signal<bool>,
    /// The customer asked to close it (close button or Escape).
    on_close: Callback<()>,
    /// The heading the dialog is named by.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let close_button = NodeRef::<Button>::new();
    // Focus that would leave the dialog (Tab past its end, or out of the
    // frame inside it) comes back to the close button.
    let keep_focus = move |_| {
        if let Some(button) = close_button.get_untracked() {
            let _ = button.focus();
        }
    };
    use_scroll_lock(open);
    Effect::new(move |_| {
        let showing = open.get();
        let Some(dialog) = dialog.get() else {
            return;
        };
        if showing && !dialog.open() {
            let _ = dialog.show_modal();
            keep_focus(());
        } else if !showing && dialog.open() {
            dialog.close();
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="sheet"
            part="sheet"
            aria-labelledby="pay-checkout-sheet-title"
            on:cancel=move |event: web_sys::Event| {
                // Escape: close through the same path as the button, so the
                // checkout knows it was cancelled.
                event.prevent_default();
                on_close.run(());
            }
        >
            <span class="focus-guard" tabindex="0" aria-hidden="true" on:focus=move |_| keep_focus(())></span>
            <header class="sheet-header">
                <h2 id="pay-checkout-sheet-title" class="sheet-title">{title}</h2>
                <button type="button" class="sheet-close" part="sheet-close" aria-label="Close" node_ref=close_button on:click=move |_| on_close.run(())>
                    "×"
                </button>
            </header>
            <div class="sheet-body">{children()}</div>
            <span class="focus-guard" tabindex="0" aria-hidden="true" on:focus=move |_| keep_focus(())></span>
        </dialog>
    }
}
