//! `use_live_channel`: the gateway's push channel (server-sent events) for
//! one collection. Any error closes it for good and says so, so the flow
//! falls back to polling instead of the browser reconnecting in a loop.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{EventSource, MessageEvent};

struct Open {
    source: EventSource,
    // Kept alive as long as the source can call them.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

#[derive(Clone, Copy)]
pub struct LiveChannel(StoredValue<Option<Open>, LocalStorage>);

pub fn use_live_channel() -> LiveChannel {
    let channel = LiveChannel(StoredValue::new_local(None));
    on_cleanup(move || {
        channel.close();
    });
    channel
}

impl LiveChannel {
    /// Opens the stream at `url`: `on_message` gets each event's data,
    /// `on_lost` is called once if the stream fails or cannot open.
    pub fn open(
        self,
        url: &str,
        on_message: impl Fn(String) + 'static,
        on_lost: impl Fn() + 'static,
    ) {
        self.close();
        let Ok(source) = EventSource::new(url) else {
            on_lost();
            return;
        };
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(data) = event.data().as_string() {
                on_message(data);
            }
        });
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            if self.close() {
                on_lost();
            }
        });
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.0.try_set_value(Some(Open {
            source,
            _on_message: on_message,
            _on_error: on_error,
        }));
    }

    /// Closes the stream; whether one was open.
    pub fn close(self) -> bool {
        let Some(open) = self.0.try_update_value(Option::take).flatten() else {
            return false;
        };
        open.source.set_onmessage(None);
        open.source.set_onerror(None);
        open.source.close();
        // Closing may run inside one of its own handlers: free them later.
        leptos::task::spawn_local(async move { drop(open) });
        true
    }
}
