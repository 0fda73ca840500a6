//! `use_pdirect_flow`: runs the pure [`Flow`] against the real network.
//!
//! The flow decides; this hook performs what it asks (fetch the session
//! token, collect, poll, time out, emit events) and feeds the outcomes back.
//! On unmount it aborts requests in flight and ignores late answers.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

use crate::browser::device::{fingerprint, new_idempotency_key};
use crate::browser::events::EventSink;
use crate::browser::http::{self, unreachable};
use crate::browser::session::{fetch_session_token, SessionSource};
use crate::browser::timers::sleep;
use crate::core::adapters::{pdirect, Failure};
use crate::core::flow::{Effect, Flow, Input, Phase};

/// What one PDirect checkout talks to.
#[derive(Clone, Debug)]
pub struct PdirectSetup {
    pub api_base: String,
    pub status_timeout: Duration,
    pub session: SessionSource,
    pub accept_language: Option<String>,
}

struct Driver {
    setup: PdirectSetup,
    sink: EventSink,
    /// Cleared on unmount: late answers and timers then do nothing.
    alive: bool,
    abort: AbortController,
    token: Option<String>,
    /// The body sent under each Idempotency-Key: a retry resends it as is.
    bodies: HashMap<String, String>,
    /// The body of the next new attempt, from the form.
    next_body: Option<String>,
    fingerprint: String,
}

/// The flow's state for the views, and the way to submit.
#[derive(Clone, Copy)]
pub struct PdirectFlow {
    pub flow: RwSignal<Flow>,
    driver: StoredValue<Option<Driver>, LocalStorage>,
}

pub fn use_pdirect_flow(flow: Flow, setup: PdirectSetup) -> PdirectFlow {
    let sink = expect_context::<EventSink>();
    let abort = AbortController::new().ok();
    let driver = abort.map(|abort| Driver {
        setup,
        sink,
        alive: true,
        abort,
        token: None,
        bodies: HashMap::new(),
        next_body: None,
        fingerprint: fingerprint(),
    });
    let handle = PdirectFlow {
        flow: RwSignal::new(flow),
        driver: StoredValue::new_local(driver),
    };
    on_cleanup(move || {
        handle.driver.try_update_value(|driver| {
            if let Some(driver) = driver {
                driver.alive = false;
                driver.abort.abort();
            }
        });
    });
    let start = handle.flow.with_untracked(Flow::start);
    handle.run_all(start);
    handle
}

impl PdirectFlow {
    /// The customer pressed Pay with this wire body (JSON); `setup` is read
    /// afresh so the latest attributes and `configs` apply.
    pub fn submit(self, body: String, setup: PdirectSetup) {
        let status_timeout = setup.status_timeout;
        self.driver.try_update_value(|driver| {
            if let Some(driver) = driver {
                if driver.setup.session != setup.session {
                    driver.token = None;
                }
                driver.setup = setup;
                driver.next_body = Some(body);
            }
        });
        self.flow
            .try_update(|flow| flow.set_status_timeout(status_timeout));
        self.input(Input::Submit {
            fresh_key: new_idempotency_key(),
        });
    }

    fn input(self, input: Input) {
        let alive = self
            .driver
            .try_with_value(|driver| driver.as_ref().is_some_and(|d| d.alive));
        if alive != Some(true) {
            return;
        }
        if let Some(effects) = self.flow.try_update(|flow| flow.handle(input)) {
            if self
                .flow
                .with_untracked(|flow| matches!(flow.phase(), Phase::Done { .. }))
            {
                // Nothing will be resent: drop the bodies, and the PIN in them.
                self.driver.try_update_value(|driver| {
                    if let Some(driver) = driver {
                        driver.bodies.clear();
                        driver.next_body = None;
                    }
                });
            }
            self.run_all(effects);
        }
    }

    fn run_all(self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(self, effect: Effect) {
        match effect {
            Effect::Emit(event) => {
                self.driver
                    .try_with_value(|driver| driver.as_ref().map(|d| d.sink.emit(event)));
            }
            Effect::Collect {
                idempotency_key,
                after,
                refresh_session,
            } => spawn_local(async move {
                sleep(after).await;
                let answer = self.collect(idempotency_key, refresh_session).await;
                self.input(Input::Collected(answer));
            }),
            Effect::PollStatus {
                transaction_id,
                after,
            } => spawn_local(async move {
                sleep(after).await;
                let answer = self.poll(&transaction_id).await;
                self.input(Input::StatusPolled(answer));
            }),
            Effect::StartStatusTimeout(after) => spawn_local(async move {
                sleep(after).await;
                self.input(Input::StatusTimedOut);
            }),
        }
    }

    async fn collect(
        self,
        key: String,
        refresh_session: bool,
    ) -> Result<crate::core::adapters::Accepted, Failure> {
        let Some((setup, abort, cached, body, fingerprint)) = self
            .driver
            .try_update_value(|driver| {
                let driver = driver.as_mut()?;
                if refresh_session {
                    driver.token = None;
                }
                let next = driver.next_body.take();
                let body = driver
                    .bodies
                    .entry(key.clone())
                    .or_insert_with(|| next.unwrap_or_default())
                    .clone();
                Some((
                    driver.setup.clone(),
                    driver.abort.clone(),
                    driver.token.clone(),
                    body,
                    driver.fingerprint.clone(),
                ))
            })
            .flatten()
        else {
            return Err(Failure::Unreachable {
                detail: "the checkout was closed".into(),
            });
        };
        let token = match cached {
            Some(token) => token,
            None => {
                let token = fetch_session_token(&setup.session, &abort).await?;
                self.driver.try_update_value(|driver| {
                    driver.as_mut().map(|d| d.token = Some(token.clone()))
                });
                token
            }
        };
        let url = format!("{}{}", setup.api_base, pdirect::COLLECT_PATH);
        let authorization = format!("Bearer {token}");
        let mut headers = vec![
            ("Authorization", authorization.as_str()),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key.as_str()),
            ("X-Device-Fingerprint", fingerprint.as_str()),
        ];
        if let Some(language) = setup.accept_language.as_deref() {
            headers.push(("Accept-Language", language));
        }
        match http::send("POST", &url, &headers, Some(&body), &abort).await {
            Ok(answer) => pdirect::read_collect(answer.status, &answer.body),
            Err(error) => Err(unreachable(&error)),
        }
    }

    async fn poll(
        self,
        transaction_id: &str,
    ) -> Result<crate::core::adapters::StatusUpdate, Failure> {
        let Some((setup, abort, token)) = self
            .driver
            .try_with_value(|driver| {
                driver
                    .as_ref()
                    .map(|d| (d.setup.clone(), d.abort.clone(), d.token.clone()))
            })
            .flatten()
        else {
            return Err(Failure::Unreachable {
                detail: "the checkout was closed".into(),
            });
        };
        let url = format!("{}{}", setup.api_base, pdirect::status_path(transaction_id));
        let authorization = format!("Bearer {}", token.unwrap_or_default());
        match http::send(
            "GET",
            &url,
            &[("Authorization", authorization.as_str())],
            None,
            &abort,
        )
        .await
        {
            Ok(answer) => pdirect::read_status(answer.status, &answer.body),
            Err(error) => Err(unreachable(&error)),
        }
    }
}
