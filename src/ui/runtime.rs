//! `use_runtime`: what every checkout driver needs from the page, bound to
//! the view's lifetime. On unmount it aborts requests in flight, and timers
//! and answers that arrive later do nothing.

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::browser::events::EventSink;
use crate::browser::return_visit;
use super::progress::ShownStep;
use crate::browser::timers::sleep;
use crate::core::events::{CheckoutEvent, CompleteDetail, Step, StepDetail};
use crate::core::gateway::Gateway;
use crate::core::status::PaymentStatus;

struct RuntimeState {
    sink: EventSink,
    alive: bool,
    abort: AbortController,
    /// The progress shown follows the `step` events.
    shown: Option<ShownStep>,
}

#[derive(Clone, Copy)]
pub struct Runtime(StoredValue<Option<RuntimeState>, LocalStorage>);

pub fn use_runtime() -> Runtime {
    let sink = expect_context::<EventSink>();
    let shown = use_context::<ShownStep>();
    let state = AbortController::new().ok().map(|abort| RuntimeState {
        sink,
        alive: true,
        abort,
        shown,
    });
    let runtime = Runtime(StoredValue::new_local(state));
    on_cleanup(move || {
        runtime.0.try_update_value(|state| {
            if let Some(state) = state {
                state.alive = false;
                state.abort.abort();
            }
        });
    });
    runtime
}

impl Runtime {
    /// Still mounted: inputs and effects may go on.
    pub fn is_alive(self) -> bool {
        self.0
            .try_with_value(|state| state.as_ref().is_some_and(|s| s.alive))
            == Some(true)
    }

    /// The controller every request of this view is sent with.
    pub fn abort_controller(self) -> Option<AbortController> {
        self.0
            .try_with_value(|state| state.as_ref().map(|s| s.abort.clone()))
            .flatten()
    }

    /// Hands an input to the pure flow kept in `flow` (`handle` applies it)
    /// and returns the effects it asks for: none once the view is gone, so
    /// late timers and answers change nothing.
    pub fn feed<F: Send + Sync + 'static, E>(
        self,
        flow: RwSignal<F>,
        handle: impl FnOnce(&mut F) -> Vec<E>,
    ) -> Vec<E> {
        if !self.is_alive() {
            return Vec::new();
        }
        flow.try_update(handle).unwrap_or_default()
    }

    pub fn emit(self, event: CheckoutEvent) {
        self.0.try_with_value(|state| {
            let state = state.as_ref()?;
            if let (CheckoutEvent::Step(detail), Some(shown)) = (&event, state.shown) {
                shown.0.set(Some(detail.step));
            }
            state.sink.emit(event);
            Some(())
        });
    }

    /// `step`, for a screen the page hears of (`None`: one it does not).
    pub fn step(self, gateway: Gateway, step: Option<Step>) {
        if let Some(step) = step {
            self.emit(CheckoutEvent::Step(StepDetail { gateway, step }));
        }
    }

    /// `complete` for a hosted session: first remembered in this tab, so a
    /// replayed return shows the outcome without reporting it again.
    pub fn complete_session(self, gateway: Gateway, session_id: &str, status: PaymentStatus) {
        return_visit::record(session_id, status);
        self.emit(CheckoutEvent::Complete(CompleteDetail {
            gateway,
            transaction_id: session_id.to_owned(),
            payment_status: status,
        }));
    }

    /// After `after`, runs `task`, then hands its output to `then`, as long
    /// as the view is still mounted.
    pub fn after<T: 'static>(
        self,
        after: Duration,
        task: impl Future<Output = T> + 'static,
        then: impl FnOnce(T) + 'static,
    ) {
        spawn_local(async move {
            sleep(after).await;
            if !self.is_alive() {
                return;
            }
            let output = task.await;
            if self.is_alive() {
                then(output);
            }
        });
    }
}
