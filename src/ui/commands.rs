//! `launch()` and `close()` as the views receive them: a numbered command,
//! so calling `launch()` twice is two launches, not one unchanged value;
//! and `Moved`, when the element moved in the document (the view stays
//! mounted, but a browser reloads every frame in it blank).

use std::cell::Cell;

use leptos::prelude::*;

use super::hooks::effect;

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
    let seen = Cell::new(commands.get_untracked().count);
    // Through the shared `effect` hook, so its users share one copy of
    // Leptos's effect code.
    effect(move || {
        let now = commands.get();
        if now.count != seen.replace(now.count) {
            if let Some(command) = now.last {
                handle(command);
            }
        }
    });
}
