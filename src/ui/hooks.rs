//! Small hooks for side effects that must end with the view: each
//! registers its own `on_cleanup`.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, MessageEvent};

use crate::browser::host::HostElement;

/// Runs `run` now and again whenever a signal it read changes, until the
/// view goes (Leptos's `Effect`). Boxed first, so that every effect of the
/// element shares one copy of Leptos's effect code instead of a copy per
/// closure, about 400 bytes of wasm each.
pub fn effect(run: impl FnMut() + 'static) {
    let run: Box<dyn FnMut()> = Box::new(run);
    Effect::new(run);
}

/// Calls `handle` with every `message` event the window receives while the
/// view is mounted.
pub fn use_window_message(handle: impl Fn(MessageEvent) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(MessageEvent)>::new(handle);
    if window
        .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    let listener = SendWrapper::new(listener);
    on_cleanup(move || {
        if let Some(window) = web_sys::window() {
            let _ = window
                .remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        drop(listener);
    });
}

/// While `locked` is true the page behind a modal does not scroll; its own
/// `overflow` comes back when it turns false or the view goes.
pub fn use_scroll_lock(locked: ReadSignal<bool>) {
    let saved = StoredValue::new_local(None::<String>);
    let root = move || -> Option<HtmlElement> {
        web_sys::window()?
            .document()?
            .document_element()?
            .dyn_into()
            .ok()
    };
    let release = move || {
        if let (Some(previous), Some(root)) =
            (saved.try_update_value(Option::take).flatten(), root())
        {
            let _ = root.style().set_property("overflow", &previous);
        }
    };
    effect(move || {
        if locked.get() {
            if let Some(root) = root() {
                if saved.with_value(Option::is_none) {
                    let previous = root
                        .style()
                        .get_property_value("overflow")
                        .unwrap_or_default();
                    saved.set_value(Some(previous));
                }
                let _ = root.style().set_property("overflow", "hidden");
            }
        } else {
            release();
        }
    });
    on_cleanup(release);
}

/// Once the view shows the errors just set, moves focus to the first field
/// marked invalid in `form`, so keyboard and screen-reader users land on it.
pub fn focus_first_invalid(form: NodeRef<leptos::html::Form>) {
    request_animation_frame(move || {
        // The form may be gone by the next frame (the payment went on).
        let Some(form) = form.try_get_untracked().flatten() else {
            return;
        };
        if let Ok(Some(field)) = form.query_selector("[aria-invalid=\"true\"]") {
            if let Ok(field) = field.dyn_into::<HtmlElement>() {
                let _ = field.focus();
            }
        }
    });
}

/// When the step in `target` appears, keyboard and screen-reader users are
/// taken to it, unless the customer's focus is elsewhere in the page (then
/// it is left alone: a status region announces the step anyway).
pub fn use_focus_when_shown(target: NodeRef<leptos::html::Div>) {
    let host = use_context::<HostElement>();
    effect(move || {
        if target.get().is_none() {
            return;
        }
        let host = host.clone();
        request_animation_frame(move || {
            let Some(document) = web_sys::window().and_then(|window| window.document()) else {
                return;
            };
            let active = document.active_element();
            let body = document.body().map(web_sys::Element::from);
            let in_checkout = host.as_ref().is_some_and(|host| active.as_ref() == Some(host.element().as_ref()));
            // The step may already have given way to the next one (a fast
            // answer), its node ref disposed with it: then nothing to focus.
            if active.is_none() || active == body || in_checkout {
                if let Some(target) = target.try_get_untracked().flatten() {
                    let _ = target.focus();
                }
            }
        });
    });
}
