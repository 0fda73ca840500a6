//! `use_pdirect_flow`: runs the pure [`Flow`] against the real network.
//!
//! The flow decides; this hook performs what it asks (fetch the session
//! token, collect, poll, time out, emit events) and feeds the outcomes back.
//! It keeps the flow's resume point in sessionStorage, so a reload picks the
//! payment up instead of paying again.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::device::{fingerprint, new_idempotency_key};
use crate::browser::http::{self, unreachable};
use crate::browser::session::{fetch_session_token, SessionSource};
use crate::browser::storage;
use crate::core::adapters::{pdirect, Accepted, Failure, StatusUpdate};
use crate::core::flow::{Effect, Flow, Input, Phase, ResumePoint, RESUME_KEY};
use crate::ui::runtime::{use_runtime, Runtime};

/// What one PDirect checkout talks to.
#[derive(Clone, Debug)]
pub struct PdirectSetup {
    pub api_base: String,
    pub status_timeout: Duration,
    pub session: SessionSource,
    pub accept_language: Option<String>,
}

struct Attempts {
    setup: PdirectSetup,
    token: Option<String>,
    /// The body sent under each Idempotency-Key: a retry resends it as is.
    /// A handful at most, so a list (a hash map's code is 4 KB of wasm).
    bodies: Vec<(String, String)>,
    /// The body of the next new attempt, from the form.
    next_body: Option<String>,
    /// Made just after the first render (see `use_pdirect_flow`), or by
    /// the first attempt if that comes sooner.
    fingerprint: Option<String>,
}

impl Attempts {
    fn body_sent_under(&self, key: &str) -> Option<&String> {
        self.bodies.iter().find(|(sent, _)| sent == key).map(|(_, body)| body)
    }

    /// The body to send under `key`: the one sent before, or else the
    /// form's next one, kept for a retry. The form's is used up either way.
    fn body_for(&mut self, key: &str) -> String {
        let next = self.next_body.take();
        if let Some(body) = self.body_sent_under(key) {
            return body.clone();
        }
        let body = next.unwrap_or_default();
        self.bodies.push((key.to_owned(), body.clone()));
        body
    }
}

/// The flow's state for the views, and the way to submit.
#[derive(Clone, Copy)]
pub struct PdirectFlow {
    pub flow: RwSignal<Flow>,
    runtime: Runtime,
    attempts: StoredValue<Attempts, LocalStorage>,
}

fn closed() -> Failure {
    Failure::Unreachable {
        detail: "the checkout was closed".into(),
    }
}

/// The stored resume point, if one is there and well formed; anything else
/// is dropped. Blocked storage only means no resume.
fn stored_resume_point() -> Option<ResumePoint> {
    let stored = storage::read(RESUME_KEY).ok().flatten()?;
    let point = ResumePoint::parse(&stored);
    if point.is_none() {
        let _ = storage::remove(RESUME_KEY);
    }
    point
}

/// Keeps what a reload needs, and nothing once the payment is settled.
fn keep_resume_point(flow: &Flow) {
    let _ = match flow.resume_point() {
        Some(point) => storage::write(RESUME_KEY, &point.stored()),
        None => storage::remove(RESUME_KEY),
    };
}

pub fn use_pdirect_flow(flow: Flow, setup: PdirectSetup) -> PdirectFlow {
    let flow = match stored_resume_point() {
        Some(point) => flow.resumed(point),
        None => flow,
    };
    let attempts = Attempts {
        setup,
        token: None,
        bodies: Vec::new(),
        next_body: None,
        fingerprint: None,
    };
    let handle = PdirectFlow {
        flow: RwSignal::new(flow),
        runtime: use_runtime(),
        attempts: StoredValue::new_local(attempts),
    };
    let start = handle.flow.with_untracked(Flow::start);
    handle.run_all(start);
    // Hashing the device's attributes is work neither the first render nor
    // the Pay press should wait for: a task of its own, once the view is up.
    handle.runtime.after(Duration::ZERO, async {}, move |()| {
        handle.attempts.update_value(|attempts| {
            attempts.fingerprint.get_or_insert_with(fingerprint);
        });
    });
    handle
}

impl PdirectFlow {
    /// An unresolved attempt whose body this page still holds: the form is
    /// then locked, as the body is resent unchanged. After a reload the body
    /// is gone, and the customer types it again for the same key.
    pub fn holds_unresolved_body(self) -> bool {
        let unresolved = self.flow.with_untracked(|flow| {
            flow.resume_point().and_then(|point| match point {
                ResumePoint::Sent { idempotency_key } => Some(idempotency_key),
                ResumePoint::Accepted { .. } => None,
            })
        });
        unresolved.is_some_and(|key| {
            self.attempts
                .try_with_value(|attempts| attempts.body_sent_under(&key).is_some())
                .unwrap_or(false)
        })
    }

    /// The customer pressed Pay with this wire body (JSON); `setup` is read
    /// afresh so the latest attributes and `configs` apply.
    pub fn submit(self, body: String, setup: PdirectSetup) {
        let status_timeout = setup.status_timeout;
        self.attempts.try_update_value(|attempts| {
            if attempts.setup.session != setup.session {
                attempts.token = None;
            }
            attempts.setup = setup;
            attempts.next_body = Some(body);
        });
        self.flow
            .try_update(|flow| flow.set_status_timeout(status_timeout));
        self.input(Input::Submit {
            fresh_key: new_idempotency_key(),
        });
    }

    fn input(self, input: Input) {
        let effects = self.runtime.feed(self.flow, |flow| flow.handle(input));
        self.flow.with_untracked(keep_resume_point);
        if self
            .flow
            .with_untracked(|flow| matches!(flow.phase(), Phase::Done { .. }))
        {
            // Nothing will be resent: drop the bodies, and the PIN in them.
            self.attempts.try_update_value(|attempts| {
                attempts.bodies.clear();
                attempts.next_body = None;
            });
        }
        self.run_all(effects);
    }

    fn run_all(self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(self, effect: Effect) {
        match effect {
            Effect::Emit(event) => self.runtime.emit(event),
            Effect::Collect {
                idempotency_key,
                after,
                refresh_session,
            } => self.runtime.after(
                after,
                self.collect(idempotency_key, refresh_session),
                move |answer| self.input(Input::Collected(answer)),
            ),
            Effect::PollStatus {
                transaction_id,
                after,
            } => self
                .runtime
                .after(after, self.poll(transaction_id), move |answer| {
                    self.input(Input::StatusPolled(answer))
                }),
            Effect::StartStatusTimeout(after) => self
                .runtime
                .after(after, async {}, move |()| self.input(Input::StatusTimedOut)),
        }
    }

    async fn collect(self, key: String, refresh_session: bool) -> Result<Accepted, Failure> {
        let abort = self.runtime.abort_controller().ok_or_else(closed)?;
        let (setup, cached, body, fingerprint) = self
            .attempts
            .try_update_value(|attempts| {
                if refresh_session {
                    attempts.token = None;
                }
                let body = attempts.body_for(&key);
                (
                    attempts.setup.clone(),
                    attempts.token.clone(),
                    body,
                    attempts.fingerprint.get_or_insert_with(fingerprint).clone(),
                )
            })
            .ok_or_else(closed)?;
        let token = self.token(cached, &setup.session, &abort).await?;
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

    /// The cached session token, or a fresh one from the merchant backend.
    async fn token(
        self,
        cached: Option<String>,
        session: &SessionSource,
        abort: &web_sys::AbortController,
    ) -> Result<String, Failure> {
        if let Some(token) = cached {
            return Ok(token);
        }
        let token = fetch_session_token(session, abort).await?;
        self.attempts
            .try_update_value(|attempts| attempts.token = Some(token.clone()));
        Ok(token)
    }

    async fn poll(self, transaction_id: String) -> Result<StatusUpdate, Failure> {
        let abort = self.runtime.abort_controller().ok_or_else(closed)?;
        let (setup, cached) = self
            .attempts
            .try_with_value(|attempts| (attempts.setup.clone(), attempts.token.clone()))
            .ok_or_else(closed)?;
        // A payment resumed after a reload polls with a fresh session.
        let token = self.token(cached, &setup.session, &abort).await?;
        let url = format!(
            "{}{}",
            setup.api_base,
            pdirect::status_path(&transaction_id)
        );
        let authorization = format!("Bearer {token}");
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
