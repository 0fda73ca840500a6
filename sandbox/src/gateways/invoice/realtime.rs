//! Realtime keys and the push channel: a key scoped to one reference, read
//! only and short-lived, opens a server-sent-events stream of that
//! execution's status (its current status first, then every change).

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::response::sse::{Event, KeepAlive, Sse};
use chrono::{DateTime, Duration, Utc};
use futures_util::stream::{self, Stream};
use serde_json::{json, Value};
use tokio::sync::broadcast;

use super::error::ApiError;
use crate::ids;

/// How long a realtime key opens streams.
const KEY_LIFETIME_SECONDS: i64 = 600;

#[derive(Clone, Debug)]
pub enum Change {
    /// A reference's new status answer.
    Status(String, Value),
    /// A sandbox control: every open stream ends now.
    DropAll,
}

pub struct Realtime {
    keys: Mutex<HashMap<String, (String, DateTime<Utc>)>>,
    changes: broadcast::Sender<Change>,
    open: Arc<AtomicUsize>,
}

impl Default for Realtime {
    fn default() -> Self {
        Realtime {
            keys: Mutex::default(),
            changes: broadcast::channel(256).0,
            open: Arc::default(),
        }
    }
}

/// Counts a stream as open for as long as it lives.
struct OpenStream(Arc<AtomicUsize>);

impl Drop for OpenStream {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Realtime {
    pub fn issue(&self, reference_id: &str, origin: &str, now: DateTime<Utc>) -> Value {
        let key = format!("rtk_{}", ids::hex(32));
        let expires_at = now + Duration::seconds(KEY_LIFETIME_SECONDS);
        self.keys
            .lock()
            .expect("realtime keys")
            .insert(key.clone(), (reference_id.to_owned(), expires_at));
        json!({ "realtime_key": {
            "key": key,
            "reference_id": reference_id,
            "expires_at": ids::timestamp(expires_at),
            "stream_url": format!("{origin}/invoice/v1/realtime/collection?key={key}"),
        } })
    }

    /// The reference a key may watch.
    pub fn reference_for(&self, key: &str, now: DateTime<Utc>) -> Result<String, ApiError> {
        match self.keys.lock().expect("realtime keys").get(key) {
            Some((reference, expires_at)) if *expires_at > now => Ok(reference.clone()),
            Some(_) => Err(ApiError::unauthorized(
                "REALTIME_KEY_EXPIRED",
                "the realtime key expired",
            )),
            None => Err(ApiError::unauthorized(
                "INVALID_REALTIME_KEY",
                "unknown realtime key",
            )),
        }
    }

    pub fn publish(&self, change: Change) {
        // No receiver is fine: nobody is watching.
        let _ = self.changes.send(change);
    }

    pub fn open_streams(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }

    /// The stream for `reference`, starting with `current`; it ends after
    /// a final status or when the sandbox drops every stream.
    pub fn stream(
        &self,
        reference: String,
        current: Value,
    ) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
        self.open.fetch_add(1, Ordering::SeqCst);
        let guard = OpenStream(self.open.clone());
        let state = (
            Some(current),
            self.changes.subscribe(),
            reference,
            guard,
            false,
        );
        let events = stream::unfold(
            state,
            |(first, mut changes, reference, guard, ended)| async move {
                if ended {
                    return None;
                }
                let status = match first {
                    Some(current) => current,
                    None => loop {
                        match changes.recv().await {
                            Ok(Change::Status(changed, status)) if changed == reference => {
                                break status
                            }
                            Ok(Change::Status(..))
                            | Err(broadcast::error::RecvError::Lagged(_)) => {}
                            Ok(Change::DropAll) | Err(broadcast::error::RecvError::Closed) => {
                                return None
                            }
                        }
                    },
                };
                let is_final = status["status"] != "PROCESSING";
                let event = Event::default().data(status.to_string());
                Some((Ok(event), (None, changes, reference, guard, is_final)))
            },
        );
        Sse::new(events).keep_alive(KeepAlive::default())
    }
}
