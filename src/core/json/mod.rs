//! The element's one JSON: reading the gateways' and the merchant
//! backend's answers and the page's properties, and writing the requests
//! and event details it sends.
//!
//! Its own, rather than `serde_json`: the element only ever needs a tree
//! of values in the order written, and serde's machinery (a visitor per
//! type, an ordered hash map for key order, `std::io` adapters and their
//! error texts) weighed about 35 KB of the wasm for that.
//!
//! - [`parse`] reads text into a [`Value`]; [`to_text`] writes it back
//!   compactly, keys in the order they were inserted.
//! - [`Object`] reads the fields of one answer, with a refusal worded by
//!   whoever reads it.
//! - [`json!`](crate::json) builds a value from JSON-like Rust.

mod macros;
mod object;
mod parse;
mod value;
mod write;

use thiserror::Error;

pub use object::{Object, Refusal};
pub use parse::parse;
pub use value::{Map, Number, Value};
pub use write::{quoted, to_text};

/// Text that is not JSON, or JSON of another shape than wanted.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum JsonError {
    /// Where the text went wrong, in bytes, is kept for tests and for
    /// whoever debugs, not put in the message: for a property, the text is
    /// what the element made of the page's value, not what the page wrote.
    #[error("{reason}")]
    Syntax { reason: &'static str, at: usize },
    /// Worded as serde words it (`invalid type: integer `48698`, expected a
    /// string`), which pages have met in the error events from the start.
    #[error("invalid type: {found}, expected {expected}")]
    InvalidType { found: String, expected: &'static str },
}

#[cfg(test)]
mod tests;
