//! Reading a JSON request body field by field, so every validation error
//! names the field it is about.

use serde_json::{Map, Value};

use super::error::PdirectError;
pub use pay_checkout::core::validation::{is_e164, is_email};

pub struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    pub fn of(body: &'a Value) -> Result<Self, PdirectError> {
        body.as_object()
            .map(Fields)
            .ok_or(PdirectError::Validation {
                field: "body",
                message: "the body must be a JSON object".into(),
            })
    }

    /// A string field, trimmed; absent, null and "" count as missing.
    pub fn optional(&self, field: &'static str) -> Result<Option<String>, PdirectError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.trim().to_owned())),
            Some(_) => Err(invalid(field, format!("{field} must be a string"))),
        }
    }

    pub fn required(&self, field: &'static str) -> Result<String, PdirectError> {
        self.optional(field)?
            .ok_or_else(|| invalid(field, format!("{field} is required")))
    }

    /// A required string that must be one of `allowed`.
    pub fn one_of(&self, field: &'static str, allowed: &[&str]) -> Result<String, PdirectError> {
        let value = self.required(field)?;
        if allowed.contains(&value.as_str()) {
            Ok(value)
        } else {
            Err(invalid(
                field,
                format!("{field} must be one of {}", allowed.join(", ")),
            ))
        }
    }

    pub fn optional_u64(&self, field: &'static str) -> Result<Option<u64>, PdirectError> {
        match self.0.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => value
                .as_u64()
                .map(Some)
                .ok_or_else(|| invalid(field, format!("{field} must be a whole number"))),
        }
    }
}

pub fn invalid(field: &'static str, message: String) -> PdirectError {
    PdirectError::Validation { field, message }
}
