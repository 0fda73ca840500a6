//! The short-lived credential the browser gets for one checkout: it names
//! the checkout session and its expiry, signed with a key only the merchant
//! backend holds. It opens this checkout's routes and nothing else; the
//! gateway's access token never leaves the backend.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long the browser may use a credential.
pub const LIFETIME_SECONDS: i64 = 900;

/// The merchant backend's own signing key (a sandbox value).
const SIGNING_KEY: &[u8] = b"merchant-invoice-credential-sandbox-key";

fn mac(payload: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(SIGNING_KEY).expect("HMAC takes any key length");
    mac.update(payload.as_bytes());
    mac
}

/// `ick.{session_id}.{expires_unix}.{hex mac}`.
pub fn mint(session_id: &str, now: DateTime<Utc>) -> String {
    let payload = format!("ick.{session_id}.{}", now.timestamp() + LIFETIME_SECONDS);
    let signature: String = mac(&payload)
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{payload}.{signature}")
}

#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    Invalid,
    Expired,
}

/// The checkout session a credential opens.
pub fn verify(credential: &str, now: DateTime<Utc>) -> Result<String, Refused> {
    let (payload, signature) = credential.rsplit_once('.').ok_or(Refused::Invalid)?;
    let bytes: Option<Vec<u8>> = (0..signature.len())
        .step_by(2)
        .map(|i| {
            signature
                .get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect();
    mac(payload)
        .verify_slice(&bytes.ok_or(Refused::Invalid)?)
        .map_err(|_| Refused::Invalid)?;
    let mut parts = payload.splitn(3, '.');
    let (Some("ick"), Some(session_id), Some(expires)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(Refused::Invalid);
    };
    let expires: i64 = expires.parse().map_err(|_| Refused::Invalid)?;
    if expires <= now.timestamp() {
        return Err(Refused::Expired);
    }
    Ok(session_id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_opens_its_checkout_until_it_expires() {
        let now = Utc::now();
        let credential = mint("cs_abc", now);
        assert_eq!(verify(&credential, now), Ok("cs_abc".into()));
        let later = now + chrono::Duration::seconds(LIFETIME_SECONDS);
        assert_eq!(verify(&credential, later), Err(Refused::Expired));
    }

    #[test]
    fn a_changed_credential_is_refused() {
        let now = Utc::now();
        let credential = mint("cs_abc", now);
        let other = credential.replace("cs_abc", "cs_abd");
        assert_eq!(verify(&other, now), Err(Refused::Invalid));
        assert_eq!(verify("ick.cs_abc.1.zz", now), Err(Refused::Invalid));
        assert_eq!(verify("", now), Err(Refused::Invalid));
    }
}
