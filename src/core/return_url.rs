//! Reading the page URL a hosted checkout sent the customer back to.
//!
//! PayGate returns to `success_url` with `{CHECKOUT_SESSION_ID}` replaced,
//! Moment with `?session_id=`. A return URL can be missing its id, carry it
//! twice (a merchant URL that already had one) or carry something that is
//! not an id at all: only one well-formed id is trusted.

use thiserror::Error;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ReturnUrlError {
    #[error("the return URL carries no {0}")]
    Missing(String),
    #[error("the return URL carries {0} more than once with different values")]
    Conflicting(String),
    #[error("the return URL's {0} is not a session id")]
    Malformed(String),
}

/// The value of query parameter `name` in `url`, percent-decoded, if it is
/// a session id: 1 to 255 of `[A-Za-z0-9_-]`. Repeats of the same value are
/// accepted (a merchant URL may already carry it).
pub fn session_id(url: &str, name: &str) -> Result<String, ReturnUrlError> {
    let query = url
        .split_once('?')
        .map(|(_, query)| query)
        .unwrap_or_default();
    let query = query.split('#').next().unwrap_or_default();
    let mut found: Option<String> = None;
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if decode(key).as_deref() != Some(name) {
            continue;
        }
        let value = decode(value).ok_or_else(|| ReturnUrlError::Malformed(name.to_owned()))?;
        match &found {
            Some(previous) if *previous != value => {
                return Err(ReturnUrlError::Conflicting(name.to_owned()))
            }
            _ => found = Some(value),
        }
    }
    let id = found.ok_or_else(|| ReturnUrlError::Missing(name.to_owned()))?;
    let well_formed = (1..=255).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if well_formed {
        Ok(id)
    } else {
        Err(ReturnUrlError::Malformed(name.to_owned()))
    }
}

/// `application/x-www-form-urlencoded` decoding; `None` for bad escapes or
/// bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(index + 1..index + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                index += 2;
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_id_the_gateways_put_back() {
        let paygate = "https://yoursite.com/success?session_id=cs_abc123def456";
        assert_eq!(
            session_id(paygate, "session_id"),
            Ok("cs_abc123def456".into())
        );
        let moment = "http://127.0.0.1:8080/shop?x=1&session_id=ps_9f&y=2#top";
        assert_eq!(session_id(moment, "session_id"), Ok("ps_9f".into()));
        let encoded = "https://a.example/?session%5Fid=cs%5F1";
        assert_eq!(session_id(encoded, "session_id"), Ok("cs_1".into()));
    }

    #[test]
    fn missing_duplicated_and_malformed_ids_are_refused() {
        let missing = |url| session_id(url, "session_id");
        assert_eq!(
            missing("https://a.example/"),
            Err(ReturnUrlError::Missing("session_id".into()))
        );
        assert_eq!(
            missing("https://a.example/?other=1"),
            Err(ReturnUrlError::Missing("session_id".into()))
        );
        assert_eq!(
            missing("https://a.example/?session_id=cs_1&session_id=cs_1"),
            Ok("cs_1".into())
        );
        assert_eq!(
            missing("https://a.example/?session_id=cs_1&session_id=cs_2"),
            Err(ReturnUrlError::Conflicting("session_id".into()))
        );
        for bad in [
            "https://a.example/?session_id=",
            "https://a.example/?session_id={CHECKOUT_SESSION_ID}",
            "https://a.example/?session_id=cs_1%3Cscript%3E",
            "https://a.example/?session_id=%ZZ",
            "https://a.example/?session_id=%FF",
        ] {
            assert_eq!(
                missing(bad),
                Err(ReturnUrlError::Malformed("session_id".into())),
                "{bad}"
            );
        }
    }
}
