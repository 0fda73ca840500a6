//! Reading the merchant backend's JSON objects field by field.
//!
//! The answers are read through `serde_json::Value`, whose code the module
//! carries anyway, rather than a derived `Deserialize` per wire struct: each
//! derive adds its own visitor (and `flatten` a buffered copy of it) to
//! the wasm, about 25 KB for this gateway's dozen answers.

use serde_json::{Map, Value};

use crate::core::adapters::Failure;

/// Why an answer could not be read: it names the answer, not the field, as
/// the customer-facing message never shows which field was off.
pub fn malformed(what: &str) -> Failure {
    Failure::Malformed {
        detail: format!("the merchant backend sent an unreadable {what}"),
    }
}

/// One JSON object of the answer called `what`.
#[derive(Clone, Copy)]
pub struct Object<'a> {
    fields: &'a Map<String, Value>,
    what: &'a str,
}

impl<'a> Object<'a> {
    pub fn new(value: &'a Value, what: &'a str) -> Result<Self, Failure> {
        match value {
            Value::Object(fields) => Ok(Object { fields, what }),
            _ => Err(malformed(what)),
        }
    }

    /// A field that is absent or `null` is `None`; of another type, refused.
    fn optional<T>(&self, key: &str, read: impl FnOnce(&'a Value) -> Option<T>) -> Result<Option<T>, Failure> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value).map(Some).ok_or_else(|| malformed(self.what)),
        }
    }

    fn required<T>(&self, key: &str, read: impl FnOnce(&'a Value) -> Option<T>) -> Result<T, Failure> {
        self.optional(key, read)?.ok_or_else(|| malformed(self.what))
    }

    pub fn text(&self, key: &str) -> Result<String, Failure> {
        self.required(key, |value| value.as_str().map(str::to_owned))
    }

    pub fn optional_text(&self, key: &str) -> Result<Option<String>, Failure> {
        self.optional(key, |value| value.as_str().map(str::to_owned))
    }

    /// A whole number of zero or more.
    pub fn count(&self, key: &str) -> Result<u64, Failure> {
        self.required(key, Value::as_u64)
    }

    pub fn object(&self, key: &str) -> Result<Object<'a>, Failure> {
        let what = self.what;
        self.required(key, |value| Object::new(value, what).ok())
    }

    pub fn optional_object(&self, key: &str) -> Result<Option<Object<'a>>, Failure> {
        let what = self.what;
        self.optional(key, |value| Object::new(value, what).ok())
    }

    /// Each element of an array field, read as an object.
    pub fn objects(&self, key: &str) -> Result<Vec<Object<'a>>, Failure> {
        let what = self.what;
        self.required(key, Value::as_array)?
            .iter()
            .map(|value| Object::new(value, what))
            .collect()
    }
}
