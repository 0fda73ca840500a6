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

/// Whether `url`'s query carries parameter `name` (with any value).
pub fn has_param(url: &str, name: &str) -> bool {
    let (_, query, _) = split(url);
    query
        .split('&')
        .any(|pair| decode(pair.split('=').next().unwrap_or_default()).as_deref() == Some(name))
}

/// `url` without the query parameters in `names`; the rest, in order, and
/// the fragment are kept. Used to build return URLs from the page's own
/// and to tidy the address bar once a return has been handled.
pub fn without_params(url: &str, names: &[&str]) -> String {
    let (base, query, fragment) = split(url);
    // Owned, like `with_params`'s list: the module then carries one
    // `join` instead of one per element type.
    let kept: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = decode(pair.split('=').next().unwrap_or_default());
            !names.iter().any(|name| key.as_deref() == Some(*name))
        })
        .map(str::to_owned)
        .collect();
    join(base, &kept.join("&"), fragment)
}

/// `url` with `pairs` appended to its query, as given (a gateway
/// placeholder such as `{CHECKOUT_SESSION_ID}` must stay literal).
pub fn with_params(url: &str, pairs: &[(&str, &str)]) -> String {
    let (base, query, fragment) = split(url);
    let mut all: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(str::to_owned)
        .collect();
    all.extend(pairs.iter().map(|(name, value)| format!("{name}={value}")));
    join(base, &all.join("&"), fragment)
}

/// (before `?`, query, fragment with its `#`).
fn split(url: &str) -> (&str, &str, &str) {
    let (rest, fragment) = match url.find('#') {
        Some(at) => url.split_at(at),
        None => (url, ""),
    };
    match rest.split_once('?') {
        Some((base, query)) => (base, query, fragment),
        None => (rest, "", fragment),
    }
}

fn join(base: &str, query: &str, fragment: &str) -> String {
    if query.is_empty() {
        format!("{base}{fragment}")
    } else {
        format!("{base}?{query}{fragment}")
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
    fn return_urls_are_built_from_the_page_and_tidied_after() {
        let page = "https://shop.example/cart?item=7&session_id=cs_old#pay";
        let clean = without_params(page, &["session_id"]);
        assert_eq!(clean, "https://shop.example/cart?item=7#pay");
        assert_eq!(
            with_params(&clean, &[("session_id", "{CHECKOUT_SESSION_ID}")]),
            "https://shop.example/cart?item=7&session_id={CHECKOUT_SESSION_ID}#pay"
        );
        assert_eq!(
            with_params("https://shop.example/", &[("a", "1"), ("b", "2")]),
            "https://shop.example/?a=1&b=2"
        );
        assert_eq!(
            without_params(
                "https://shop.example/?session_id=cs_1&x=1",
                &["session_id", "x"]
            ),
            "https://shop.example/"
        );
        assert!(has_param(
            "https://a.example/?x=1&pay_checkout_cancelled=1",
            "pay_checkout_cancelled"
        ));
        assert!(!has_param(
            "https://a.example/?x=pay_checkout_cancelled",
            "pay_checkout_cancelled"
        ));
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
