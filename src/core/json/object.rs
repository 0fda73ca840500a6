//! Reading one JSON object field by field: the gateways' and the merchant
//! backend's answers, and the page's `configs` and `paymentBody`.
//!
//! Through the [`Value`] tree rather than a reader per struct: each struct
//! costs only its field reads, and the refusals are worded in one place.

use super::value::{Map, Value};
use super::JsonError;
use crate::core::adapters::Failure;

/// What could not be read, for the reader's own error to say.
#[derive(Clone, Copy, Debug)]
pub struct Refusal<'a> {
    /// The answer (or property) being read.
    pub what: &'a str,
    /// What stood where `expected` was wanted (`null` for a missing field).
    pub found: &'a Value,
    pub expected: &'static str,
}

impl Refusal<'_> {
    /// The refusal as serde words it: `invalid type: integer `48698`,
    /// expected a string`.
    pub fn to_error(self) -> JsonError {
        JsonError::InvalidType {
            found: describe(self.found),
            expected: self.expected,
        }
    }
}

fn describe(found: &Value) -> String {
    match found {
        Value::Null => "null".into(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) if number.is_integer() => format!("integer `{}`", number.as_text()),
        Value::Number(number) => format!("floating point `{}`", number.as_text()),
        Value::String(_) => format!("string {found}"),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// One JSON object of the answer called `what`; `refuse` words why a part
/// of it could not be read.
pub struct Object<'a, E = Failure> {
    fields: &'a Map,
    what: &'a str,
    refuse: fn(Refusal<'_>) -> E,
}

impl<E> Clone for Object<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Object<'_, E> {}

static MISSING: Value = Value::Null;

impl<'a, E> Object<'a, E> {
    pub fn new(value: &'a Value, what: &'a str, refuse: fn(Refusal<'_>) -> E) -> Result<Self, E> {
        match value {
            Value::Object(fields) => Ok(Object { fields, what, refuse }),
            found => Err(refuse(Refusal { what, found, expected: "an object" })),
        }
    }

    /// An object inside this one, of the same answer.
    fn inner(&self, value: &'a Value) -> Result<Object<'a, E>, E> {
        Object::new(value, self.what, self.refuse)
    }

    fn refused(&self, found: &'a Value, expected: &'static str) -> E {
        (self.refuse)(Refusal { what: self.what, found, expected })
    }

    /// A field that is absent or `null` is `None`; of another type, refused.
    fn optional<T>(
        &self,
        key: &str,
        expected: &'static str,
        read: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Result<Option<T>, E> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value).map(Some).ok_or_else(|| self.refused(value, expected)),
        }
    }

    fn required<T>(
        &self,
        key: &str,
        expected: &'static str,
        read: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Result<T, E> {
        self.optional(key, expected, read)?
            .ok_or_else(|| self.refused(&MISSING, expected))
    }

    pub fn text(&self, key: &str) -> Result<String, E> {
        self.required(key, "a string", |value| value.as_str().map(str::to_owned))
    }

    pub fn optional_text(&self, key: &str) -> Result<Option<String>, E> {
        self.optional(key, "a string", |value| value.as_str().map(str::to_owned))
    }

    pub fn flag(&self, key: &str) -> Result<bool, E> {
        self.required(key, "a boolean", Value::as_bool)
    }

    /// A flag that is `false` when absent.
    pub fn optional_flag(&self, key: &str) -> Result<bool, E> {
        Ok(self.optional(key, "a boolean", Value::as_bool)?.unwrap_or(false))
    }

    /// A whole number of zero or more.
    pub fn count(&self, key: &str) -> Result<u64, E> {
        self.required(key, "a whole number", Value::as_u64)
    }

    pub fn object(&self, key: &str) -> Result<Object<'a, E>, E> {
        self.inner(self.required(key, "an object", Some)?)
    }

    pub fn optional_object(&self, key: &str) -> Result<Option<Object<'a, E>>, E> {
        self.optional(key, "an object", Some)?
            .map(|value| self.inner(value))
            .transpose()
    }

    /// Each element of an array field, read as an object.
    pub fn objects(&self, key: &str) -> Result<Vec<Object<'a, E>>, E> {
        self.required(key, "a sequence", Value::as_array)?
            .iter()
            .map(|value| self.inner(value))
            .collect()
    }

    /// An array of strings; empty when absent.
    pub fn optional_texts(&self, key: &str) -> Result<Vec<String>, E> {
        let Some(items) = self.optional(key, "a sequence", Value::as_array)? else {
            return Ok(Vec::new());
        };
        items
            .iter()
            .map(|item| item.as_str().map(str::to_owned).ok_or_else(|| self.refused(item, "a string")))
            .collect()
    }
}
