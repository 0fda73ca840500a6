//! `launch()` and `close()` as the views receive them: a numbered command,
//! so calling `launch()` twice is two launches, not one unchanged value;
//! and `Moved`, when the element moved in the document (the view stays
//! mounted, but a browser reloads every frame in it blank).

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Launch,
    Close,
    Moved,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Commands {
    count: u32,
    last: Option<Command>,
}

impl Commands {
    pub fn push(&mut self, command: Command) {
        self.count = self.count.wrapping_add(1);
        self.last = Some(command);
    }
}

/// Runs `handle` for each command the page gives from now on (not for one
/// given before this view was built).
pub fn use_commands(handle: impl Fn(Command) + 'static) {
    let Some(commands) = use_context::<ReadSignal<Commands>>() else {
        return;
    };
    let seen = commands.get_untracked().count;
    Effect::new(move |previous: Option<u32>| {
        let now = commands.get();
        let last_seen = previous.unwrap_or(seen);
        if now.count != last_seen {
            if let Some(command) = now.last {
                handle(command);
            }
        }
        now.count
    });
}
