//! Step 1: client credentials exchanged for a Bearer token that expires.
//! An expired or unknown token is refused with 401, which is what makes a
//! merchant backend refresh before expiry.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::error::ApiError;
use crate::ids;

/// The sandbox merchant's client credentials.
pub const CLIENT_ID: &str = "inv_client_sandbox";
pub const CLIENT_SECRET: &str = "inv_secret_sandbox";

/// How long a token lives: an hour, as production tokens do.
pub const LIFETIME_SECONDS: i64 = 3600;

#[derive(Default)]
pub struct Tokens {
    /// Token → when it stops working.
    issued: HashMap<String, DateTime<Utc>>,
}

impl Tokens {
    pub fn obtain(
        &mut self,
        client_id: &str,
        client_secret: &str,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        if client_id != CLIENT_ID || client_secret != CLIENT_SECRET {
            return Err(ApiError::unauthorized(
                "INVALID_CLIENT",
                "unknown client_id or wrong client_secret",
            ));
        }
        let token = format!("inv_at_{}", ids::hex(40));
        self.issued
            .insert(token.clone(), now + Duration::seconds(LIFETIME_SECONDS));
        Ok(json!({ "access_token": token, "token_type": "Bearer", "expires_in": LIFETIME_SECONDS }))
    }

    pub fn check(&self, token: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
        match self.issued.get(token) {
            Some(expires_at) if *expires_at > now => Ok(()),
            Some(_) => Err(ApiError::unauthorized(
                "TOKEN_EXPIRED",
                "the access token expired; obtain a new one",
            )),
            None => Err(ApiError::unauthorized(
                "INVALID_TOKEN",
                "a Bearer access token is required",
            )),
        }
    }

    /// A sandbox control: every token issued so far stops working now.
    pub fn expire_all(&mut self, now: DateTime<Utc>) {
        for expires_at in self.issued.values_mut() {
            *expires_at = now;
        }
    }
}
