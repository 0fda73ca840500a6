//! `use_moment_checkout`: the Moment SDK's flow in the browser. `launch()`
//! asks the page for a fresh client token (`fetchClientToken`, else a POST
//! to `session-url`), opens the hosted checkout in a frame, and follows
//! what it reports; a return with `?session_id=` is routed through the
//! page's `fetchSessionStatus`.

use std::time::Duration;

use leptos::html::Iframe;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::MessageEvent;

use super::client_token::fetch_client_token;
use crate::browser::frame::post_into_frame;
use crate::browser::host::HostElement;
use crate::browser::navigation::{self, own_origin};
use crate::browser::return_visit::{self, ReturnVisit};
use crate::core::events::{CheckoutEvent, CompleteDetail, ErrorCode, ErrorDetail, Step};
use crate::core::gateway::Gateway;
use crate::core::i18n::{Key, Notice};
use crate::core::hosted::keys::check_client_key;
use crate::core::hosted::moment::{returned_status, CheckoutMessage};
use crate::core::redirect::origin_of;
use crate::core::status::PaymentStatus;
use crate::ui::hooks::use_window_message;
use crate::ui::hosted_screen::{Retry, Screen};
use crate::ui::runtime::{use_runtime, Runtime};

#[derive(Clone, Debug)]
pub struct MomentSetup {
    /// The hosted checkout, e.g. `/moment/checkout` on the sandbox.
    pub checkout_url: String,
    pub client_key: Option<String>,
    /// Where to get a client token when the page set no `fetchClientToken`.
    pub session_url: Option<String>,
    pub payment_page_origins: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct MomentCheckout {
    pub screen: RwSignal<Screen>,
    /// The sheet is showing (ignored inline).
    pub open: RwSignal<bool>,
    pub frame: NodeRef<Iframe>,
    runtime: Runtime,
    /// One stored value for all that is not shown: each stored type has
    /// its own copy of the arena's code.
    kept: StoredValue<Kept>,
}

struct Kept {
    /// The frame's name, which the checkout's form targets.
    frame_name: String,
    setup: MomentSetup,
    /// The session the checkout announced, once it has.
    session_id: Option<String>,
    /// The client token of the checkout in the frame, in memory only: a
    /// move reloads the frame blank, and the same checkout is posted into
    /// it again (showing its form, or reporting how it ended).
    open_token: Option<String>,
    /// The element, whose `fetchClientToken` / `fetchSessionStatus` the
    /// page sets.
    host: Option<HostElement>,
}

pub(super) fn problem(code: ErrorCode, message: impl Into<String>, retryable: bool) -> ErrorDetail {
    ErrorDetail::new(Gateway::Moment, code.as_str(), message, retryable)
}

pub fn use_moment_checkout(setup: MomentSetup) -> MomentCheckout {
    let checkout = MomentCheckout {
        screen: RwSignal::new(Screen::Ready),
        open: RwSignal::new(false),
        frame: NodeRef::new(),
        runtime: use_runtime(),
        kept: StoredValue::new(Kept {
            frame_name: format!(
                "pay-checkout-moment-{}",
                crate::browser::device::new_idempotency_key()
            ),
            setup,
            session_id: None,
            open_token: None,
            host: use_context::<HostElement>(),
        }),
    };
    use_window_message(move |event| checkout.heard(&event));
    // A secret key is refused before anything is sent.
    if checkout.refused_key() {
        return checkout;
    }
    match return_visit::read() {
        Ok(None) => {}
        Ok(Some(visit)) => checkout.returned(visit),
        Err(bad) => {
            return_visit::tidy_address();
            // In a sheet the problem shows only if the sheet is open.
            checkout.open.set(true);
            checkout.fail_telling(
                Key::ErrorInvalidReturn.into(),
                problem(ErrorCode::ValidationError, bad.to_string(), false),
                Retry::Again,
            );
        }
    }
    checkout
}

impl MomentCheckout {
    /// The frame's name, which the checkout's form targets.
    pub fn frame_name(self) -> String {
        self.kept.with_value(|kept| kept.frame_name.clone())
    }

    fn setup<T>(self, read: impl FnOnce(&MomentSetup) -> T) -> T {
        self.kept.with_value(|kept| read(&kept.setup))
    }

    fn show(self, screen: Screen) {
        let step = match &screen {
            Screen::Checkout => Some(Step::Form),
            Screen::Leaving => Some(Step::Redirect),
            Screen::Verifying => Some(Step::Awaiting),
            Screen::Result { .. } => Some(Step::Result),
            _ => None,
        };
        self.runtime.step(Gateway::Moment, step);
        self.screen.set(screen);
    }

    /// The customer is told what the error's code means.
    fn fail(self, detail: ErrorDetail, retry: Retry) {
        self.fail_telling(Notice::for_error(Gateway::Moment, &detail.error_code), detail, retry);
    }

    fn fail_telling(self, notice: Notice, detail: ErrorDetail, retry: Retry) {
        self.runtime.emit(CheckoutEvent::Error(detail));
        self.show(Screen::Problem { notice, retry });
    }

    /// A secret key is refused (a `CONFIG_ERROR`) before anything is sent.
    fn refused_key(self) -> bool {
        let key = self.setup(|setup| setup.client_key.clone());
        let Some(Err(refusal)) = key.as_deref().map(check_client_key) else {
            return false;
        };
        self.fail(
            problem(ErrorCode::ConfigError, refusal.to_string(), false),
            Retry::Again,
        );
        true
    }

    /// Opens the checkout with a fresh client token.
    pub fn launch(self) {
        self.open.set(true);
        match self.screen.get_untracked() {
            Screen::Creating | Screen::Checkout | Screen::Leaving | Screen::Verifying => return,
            Screen::Problem {
                retry: Retry::Verify(id, _),
                ..
            } => return self.check_status(id),
            _ => {}
        }
        if self.refused_key() {
            return;
        }
        self.kept.update_value(|kept| kept.session_id = None);
        self.show(Screen::Creating);
        leptos::task::spawn_local(async move {
            let (host, session_url) = (
                self.kept.with_value(|kept| kept.host.clone()),
                self.setup(|setup| setup.session_url.clone()),
            );
            let token =
                fetch_client_token(host, session_url, self.runtime.abort_controller()).await;
            if !self.runtime.is_alive() || self.screen.get_untracked() != Screen::Creating {
                return;
            }
            match token {
                Ok(token) => self.open_checkout(&token),
                Err(detail) => self.fail(detail, Retry::Again),
            }
        });
    }

    /// The element moved: the checkout in the frame, if any, is posted
    /// into the reloaded frame again.
    pub fn moved(self) {
        let token = self.kept.with_value(|kept| kept.open_token.clone());
        if let (Screen::Checkout, Some(token)) = (self.screen.get_untracked(), token) {
            self.open_checkout(&token);
        }
    }

    fn open_checkout(self, token: &str) {
        self.kept.update_value(|kept| kept.open_token = Some(token.to_owned()));
        self.show(Screen::Checkout);
        let (Some(frame), Some((setup, name))) = (
            self.frame.get_untracked(),
            self.kept.try_with_value(|kept| (kept.setup.clone(), kept.frame_name.clone())),
        ) else {
            return;
        };
        let Some(parent) = frame.parent_node() else {
            return;
        };
        let origin = own_origin();
        let mut fields = vec![("client_token", token), ("parent_origin", origin.as_str())];
        if let Some(key) = &setup.client_key {
            fields.push(("client_key", key));
        }
        if let Err(error) = post_into_frame(&parent, &name, &setup.checkout_url, &fields) {
            self.fail(
                problem(ErrorCode::GatewayError, error.to_string(), true),
                Retry::Again,
            );
        }
    }

    /// The checkout's origin: messages from anywhere else are not its.
    fn checkout_origin(self) -> String {
        let url = self.setup(|setup| setup.checkout_url.clone());
        origin_of(&url).unwrap_or_else(|_| own_origin())
    }

    fn heard(self, event: &MessageEvent) {
        let from_frame = self
            .frame
            .get_untracked()
            .and_then(|frame| frame.content_window())
            .is_some_and(|window| {
                event
                    .source()
                    .is_some_and(|source| JsValue::from(source) == JsValue::from(window))
            });
        if !from_frame || event.origin() != self.checkout_origin() {
            return;
        }
        let Some(message) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|text| text.as_string())
            .and_then(|text| CheckoutMessage::parse(&text))
        else {
            return;
        };
        if self.screen.get_untracked() != Screen::Checkout {
            return;
        }
        match message {
            CheckoutMessage::Opened { session_id } => {
                self.kept.update_value(|kept| kept.session_id = Some(session_id))
            }
            CheckoutMessage::AttemptFailed {
                reason, message, ..
            } => {
                self.runtime.emit(CheckoutEvent::Error(ErrorDetail::new(
                    Gateway::Moment,
                    reason,
                    message,
                    true,
                )));
            }
            CheckoutMessage::Redirect { url, .. } => self.leave_for(&url),
            CheckoutMessage::Ended { session_id, status } => self.finish(session_id, status),
        }
    }

    fn leave_for(self, url: &str) {
        let checked = self
            .setup(|setup| navigation::check(url, &setup.payment_page_origins));
        if let Err(refusal) = checked {
            let detail = problem(
                ErrorCode::RedirectBlocked,
                format!("The authentication page was not opened: {refusal}."),
                false,
            );
            return self.fail(detail, Retry::Again);
        }
        self.show(Screen::Leaving);
        navigation::go_to(url);
    }

    fn finish(self, session_id: String, status: PaymentStatus) {
        self.kept.update_value(|kept| kept.open_token = None);
        self.runtime
            .complete_session(Gateway::Moment, &session_id, status);
        self.show(Screen::Result { session_id, status });
    }

    /// Closes the sheet (the close button, Escape, `close()`); a checkout
    /// not yet finished is cancelled.
    pub fn close(self) {
        self.kept.update_value(|kept| kept.open_token = None);
        self.open.set(false);
        if let Some(frame) = self.frame.get_untracked() {
            frame.set_src("about:blank");
        }
        match self.screen.get_untracked() {
            Screen::Creating | Screen::Checkout => {
                let session_id = self.kept.with_value(|kept| kept.session_id.clone()).unwrap_or_default();
                self.runtime.emit(CheckoutEvent::Complete(CompleteDetail {
                    gateway: Gateway::Moment,
                    transaction_id: session_id,
                    payment_status: PaymentStatus::Cancelled,
                }));
                self.screen.set(Screen::Ready);
            }
            Screen::Leaving | Screen::Verifying => {}
            _ => self.screen.set(Screen::Ready),
        }
    }

    /// Back from the authentication page with `?session_id=`.
    fn returned(self, visit: ReturnVisit) {
        return_visit::tidy_address();
        self.open.set(true);
        match visit.reported {
            Some(status) => self.screen.set(Screen::Result {
                session_id: visit.session_id,
                status,
            }),
            None => self.check_status(visit.session_id),
        }
    }

    fn check_status(self, session_id: String) {
        self.show(Screen::Verifying);
        // One turn first: a page that sets `fetchSessionStatus` right after
        // adding the element has done so by then.
        let host = self.kept.with_value(|kept| kept.host.clone());
        let id = JsValue::from_str(&session_id);
        let ask = async move {
            match host {
                Some(host) => host
                    .call("fetchSessionStatus", &[id])
                    .await
                    .map_err(|error| error.to_string()),
                None => Err("no element".into()),
            }
        };
        self.runtime
            .after(Duration::from_millis(1), ask, move |answer| {
                let status = answer.map(|session| {
                    let status = js_sys::Reflect::get(&session, &JsValue::from_str("status"))
                        .ok()
                        .and_then(|status| status.as_string());
                    returned_status(status.as_deref())
                });
                match status {
                    Ok(Some(status)) => self.finish(session_id, status),
                    // A stale or made-up id in the return address: nothing
                    // to report; the customer starts a checkout afresh.
                    Ok(None) => {
                        let message = format!("fetchSessionStatus knows no session {session_id}; start a new checkout");
                        let detail = problem(ErrorCode::ValidationError, message, false);
                        self.fail_telling(Key::ErrorInvalidReturn.into(), detail, Retry::Again);
                    }
                    Err(message) => {
                        let detail = problem(ErrorCode::NetworkError, message, true);
                        self.fail(detail, Retry::Verify(session_id, false));
                    }
                }
            });
    }
}
