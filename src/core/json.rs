//! Reading the gateways' and the merchant backend's JSON answers field by
//! field.
//!
//! The answers are read through `serde_json::Value`, whose code the module
//! carries anyway, rather than a derived `Deserialize` per wire struct: each
//! derive adds its own visitor (and `flatten` a buffered copy of it) to the
//! wasm, about 40 KB for the invoice gateway's dozen answers alone.

use serde_json::{Map, Value};

use crate::core::adapters::Failure;

/// What an unreadable answer is reported as, from its name.
pub type Unreadable = fn(&str) -> Failure;

/// One JSON object of the answer called `what`.
#[derive(Clone, Copy)]
pub struct Object<'a> {
    fields: &'a Map<String, Value>,
    what: &'a str,
    unreadable: Unreadable,
}

impl<'a> Object<'a> {
    pub fn new(value: &'a Value, what: &'a str, unreadable: Unreadable) -> Result<Self, Failure> {
        match value {
            Value::Object(fields) => Ok(Object { fields, what, unreadable }),
            _ => Err(unreadable(what)),
        }
    }

    /// An object inside this one, of the same answer.
    fn inner(&self, value: &'a Value) -> Result<Object<'a>, Failure> {
        Object::new(value, self.what, self.unreadable)
    }

    fn malformed(&self) -> Failure {
        (self.unreadable)(self.what)
    }

    /// A field that is absent or `null` is `None`; of another type, refused.
    fn optional<T>(&self, key: &str, read: impl FnOnce(&'a Value) -> Option<T>) -> Result<Option<T>, Failure> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value).map(Some).ok_or_else(|| self.malformed()),
        }
    }

    fn required<T>(&self, key: &str, read: impl FnOnce(&'a Value) -> Option<T>) -> Result<T, Failure> {
        self.optional(key, read)?.ok_or_else(|| self.malformed())
    }

    pub fn text(&self, key: &str) -> Result<String, Failure> {
        self.required(key, |value| value.as_str().map(str::to_owned))
    }

    pub fn optional_text(&self, key: &str) -> Result<Option<String>, Failure> {
        self.optional(key, |value| value.as_str().map(str::to_owned))
    }

    pub fn flag(&self, key: &str) -> Result<bool, Failure> {
        self.required(key, Value::as_bool)
    }

    /// A whole number of zero or more.
    pub fn count(&self, key: &str) -> Result<u64, Failure> {
        self.required(key, Value::as_u64)
    }

    pub fn object(&self, key: &str) -> Result<Object<'a>, Failure> {
        self.required(key, |value| self.inner(value).ok())
    }

    pub fn optional_object(&self, key: &str) -> Result<Option<Object<'a>>, Failure> {
        self.optional(key, |value| self.inner(value).ok())
    }

    /// Each element of an array field, read as an object.
    pub fn objects(&self, key: &str) -> Result<Vec<Object<'a>>, Failure> {
        self.required(key, Value::as_array)?
            .iter()
            .map(|value| self.inner(value))
            .collect()
    }
}
