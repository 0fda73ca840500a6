//! A bottom sheet: a modal `<dialog>` (the rest of the page inert, focus
//! kept inside by guards at both ends, Escape and the close button close
//! it) that locks the page's scroll while open.

use leptos::html::{Button, Dialog};
use leptos::prelude::*;

use super::commands::{use_commands, Command};
use super::hooks::{effect, use_scroll_lock};
use super::i18n::use_i18n;
use crate::core::i18n::Key;

#[component]
pub fn Sheet(
    /// Whether the sheet is showing.
    open: ReadSignal<bool>,
    /// The customer asked to close it (close button or Escape).
    on_close: impl Fn() + Copy + 'static,
    /// The heading the dialog is named by.
    title: Key,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
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
    effect(move || {
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
    // A browser takes a dialog removed from the document out of the top
    // layer: once the element is back, the open sheet is shown as a modal
    // again, or the page behind it would take clicks and focus.
    use_commands(move |command| {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        let modal = dialog.matches(":modal").unwrap_or(true);
        if command == Command::Moved && open.get_untracked() && !modal {
            dialog.close();
            let _ = dialog.show_modal();
            keep_focus(());
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
                on_close();
            }
        >
            <span class="focus-guard" tabindex="0" aria-hidden="true" on:focus=move |_| keep_focus(())></span>
            <header class="sheet-header">
                <h2 id="pay-checkout-sheet-title" class="sheet-title">{i18n.text(title)}</h2>
                <button type="button" class="sheet-close" part="sheet-close" aria-label=i18n.text(Key::Close) node_ref=close_button on:click=move |_| on_close()>
                    "×"
                </button>
            </header>
            <div class="sheet-body">{children()}</div>
            <span class="focus-guard" tabindex="0" aria-hidden="true" on:focus=move |_| keep_focus(())></span>
        </dialog>
    }
}
