//! How a language's texts are kept: one string per language, made at
//! compile time from its entries in the order of [`Key`], each entry ended
//! by [`ENTRY_END`] and a plural entry's forms parted by [`FORM_END`].
//!
//! One string of text per language, rather than a table of keys and
//! string pointers, is what the module downloads smallest: pointers do not
//! compress, text does. The `catalogue!` macro keeps each entry beside
//! its key in the source, and refuses to build a catalogue that does not
//! list every key once, in order.

use super::keys::Key;
use super::message::Message;

/// Ends each entry; no text holds it (a test checks).
pub const ENTRY_END: char = '\u{1e}';
/// Parts a plural entry's forms: `one`, `many` (empty where the language
/// has none) and `other`.
pub const FORM_END: char = '\u{1f}';

/// Every key's entry of one language, in key order.
#[derive(Clone, Copy, Debug)]
pub struct Catalogue(pub(super) &'static str);

impl Catalogue {
    /// The entry for `key`: every catalogue has one for every key.
    pub fn message(self, key: Key) -> Message {
        let entry = nth_entry(self.0, key as usize);
        let mut forms = entry.split(FORM_END);
        match (forms.next(), forms.next(), forms.next()) {
            (Some(one), Some(many), Some(other)) => Message::Plural {
                one,
                many: (!many.is_empty()).then_some(many),
                other,
            },
            _ => Message::Text(entry),
        }
    }

    /// How many entries it holds.
    #[cfg(test)]
    pub fn len(self) -> usize {
        self.0.matches(ENTRY_END).count()
    }
}

/// The `at`-th of the entries in `packed`, each ended by [`ENTRY_END`]
/// (a catalogue's texts, or the keys' ids).
pub fn nth_entry(packed: &'static str, at: usize) -> &'static str {
    packed.split(ENTRY_END).nth(at).unwrap_or_default()
}

/// Whether `keys` is every key once, in the order of their declaration:
/// the build fails on a catalogue for which it is not.
pub const fn lists_every_key_in_order(keys: &[Key]) -> bool {
    if keys.len() != Key::ALL.len() {
        return false;
    }
    let mut at = 0;
    while at < keys.len() {
        if keys[at] as usize != at {
            return false;
        }
        at += 1;
    }
    true
}

/// One entry's text: `Text("…")`, or `Plural { one, many, other }`
/// with `many` as `Some("…")` or `None`.
macro_rules! entry {
    (Text($text:literal)) => {
        $text
    };
    (Plural { one: $one:literal, many: None, other: $other:literal $(,)? }) => {
        concat!($one, "\u{1f}", "\u{1f}", $other)
    };
    (Plural { one: $one:literal, many: Some($many:literal), other: $other:literal $(,)? }) => {
        concat!($one, "\u{1f}", $many, "\u{1f}", $other)
    };
}

/// `catalogue! { const FR = [(Key, Text("…")), …]; }`: a language's
/// [`Catalogue`], every key's entry in key order.
macro_rules! catalogue {
    ($(#[$doc:meta])* $vis:vis const $name:ident = [$(($key:ident, $kind:ident $body:tt)),* $(,)?];) => {
        $(#[$doc])*
        $vis const $name: $crate::core::i18n::catalogue::Catalogue =
            $crate::core::i18n::catalogue::Catalogue(concat!($($crate::core::i18n::catalogue::entry!($kind $body), "\u{1e}",)*));
        const _: () = assert!(
            $crate::core::i18n::catalogue::lists_every_key_in_order(&[$($crate::core::i18n::Key::$key),*]),
            concat!(stringify!($name), " must list every key once, in the order of keys.rs"),
        );
    };
}

pub(crate) use {catalogue, entry};
