//! Identifiers and timestamps in the shapes the gateways' documents show.

use chrono::{DateTime, SecondsFormat, Utc};
use uuid::Uuid;

/// `len` lowercase hex characters from fresh randomness.
pub fn hex(len: usize) -> String {
    let mut out = String::with_capacity(len + 32);
    while out.len() < len {
        out.push_str(&Uuid::new_v4().simple().to_string());
    }
    out.truncate(len);
    out
}

/// `len` characters of [A-Za-z0-9], as in `sess_AbCdEf…`.
pub fn alphanumeric(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut out = String::with_capacity(len);
    while out.len() < len {
        for byte in Uuid::new_v4().into_bytes() {
            if out.len() < len {
                out.push(ALPHABET[usize::from(byte) % ALPHABET.len()] as char);
            }
        }
    }
    out
}

/// RFC 3339 in UTC with whole seconds: `2026-05-05T10:15:00Z`.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let id = hex(24);
        assert_eq!(id.len(), 24);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(hex(24), id);
        let token = alphanumeric(36);
        assert_eq!(token.len(), 36);
        assert!(token.bytes().all(|b| b.is_ascii_alphanumeric()));
        let at = DateTime::parse_from_rfc3339("2026-05-05T10:15:00.123Z").unwrap();
        assert_eq!(timestamp(at.with_timezone(&Utc)), "2026-05-05T10:15:00Z");
    }
}
