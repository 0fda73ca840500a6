//! The universal gateway's request signature: recursive HMAC-SHA512 over
//! every field in the order sent, as the gateway's own PHP computes it.
//!
//! Only servers hold the secret (the sandbox and the merchant backend);
//! the browser never signs anything.

use std::fmt::Write as _;

use hmac::{Hmac, Mac};
use sha2::Sha512;
use thiserror::Error;

use super::json::{Map, Number, Value};

/// The PHP function refuses nesting this deep.
pub const MAX_DEPTH: usize = 16;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum SignatureError {
    #[error("the request nests deeper than {MAX_DEPTH} levels")]
    TooDeep,
    #[error("the request must be a JSON object")]
    NotAnObject,
}

/// The lowercase hex signature of `request` (its `signature` fields, at
/// every level, are skipped). Keys are taken in the order the JSON has them.
pub fn sign(request: &Value, secret: &str) -> Result<String, SignatureError> {
    let Value::Object(fields) = request else {
        return Err(SignatureError::NotAnObject);
    };
    let mut text = String::new();
    concatenate(entries_of(fields), "", 0, &mut text)?;
    let mut mac =
        Hmac::<Sha512>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(text.as_bytes());
    let digest = mac.finalize().into_bytes();
    Ok(digest
        .iter()
        .fold(String::with_capacity(128), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        }))
}

/// Whether `request` carries a `signature` equal to the one `secret` gives.
pub fn verify(request: &Value, secret: &str) -> bool {
    let given = request
        .get("signature")
        .and_then(Value::as_str)
        .unwrap_or_default();
    sign(request, secret).is_ok_and(|expected| {
        constant_time_eq(expected.as_bytes(), given.to_ascii_lowercase().as_bytes())
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// `prefix.key` + value for scalars, recursing into objects and lists
/// (list items are keyed 0, 1, … as PHP arrays are).
fn concatenate(
    entries: Vec<(String, &Value)>,
    prefix: &str,
    level: usize,
    out: &mut String,
) -> Result<(), SignatureError> {
    if level >= MAX_DEPTH {
        return Err(SignatureError::TooDeep);
    }
    for (key, value) in entries {
        if key == "signature" {
            continue;
        }
        let full_key = format!("{prefix}{key}");
        match value {
            Value::Object(map) => {
                concatenate(entries_of(map), &format!("{full_key}."), level + 1, out)?;
            }
            Value::Array(items) => {
                let entries = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| (index.to_string(), item))
                    .collect();
                concatenate(entries, &format!("{full_key}."), level + 1, out)?;
            }
            scalar => {
                out.push_str(&full_key);
                out.push_str(&php_string(scalar));
            }
        }
    }
    Ok(())
}

fn entries_of(map: &Map) -> Vec<(String, &Value)> {
    map.iter()
        .map(|(key, value)| (key.clone(), value))
        .collect()
}

/// How PHP's string conversion writes a JSON scalar.
fn php_string(value: &Value) -> String {
    match value {
        Value::Null | Value::Bool(false) => String::new(),
        Value::Bool(true) => "1".into(),
        Value::String(text) => text.clone(),
        Value::Number(number) => php_number(number),
        Value::Array(_) | Value::Object(_) => String::new(),
    }
}

/// Integers as they are; floats with PHP's `precision` of 14 significant
/// digits, trailing zeros dropped, exponent form outside 1e-5 ..= 1e15.
fn php_number(number: &Number) -> String {
    if let Some(integer) = number.as_i64() {
        return integer.to_string();
    }
    if let Some(integer) = number.as_u64() {
        return integer.to_string();
    }
    let float = number.as_f64().unwrap_or_default();
    if float == 0.0 {
        return if float.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let scientific = format!("{float:.13e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or_default();
    if (-5..15).contains(&exponent) {
        let decimals = (13 - exponent).max(0) as usize;
        trim_zeros(&format!("{float:.decimals$}"))
    } else {
        let mantissa = trim_zeros(mantissa);
        let mantissa = if mantissa.contains('.') {
            mantissa
        } else {
            format!("{mantissa}.0")
        };
        format!(
            "{mantissa}E{}{}",
            if exponent < 0 { '-' } else { '+' },
            exponent.abs()
        )
    }
}

fn trim_zeros(text: &str) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
