//! Whether the checkout may send the customer to a gateway's payment page.
//!
//! A page outside the merchant's control only opens when it is `https:` and
//! its origin is on the allow-list (`configs.paymentPageOrigins`); the
//! page's own origin (the sandbox serves its payment page there) is always
//! allowed. Anything else is `REDIRECT_BLOCKED`.

/// `scheme://host[:port]` of an absolute http(s) URL, lowercased.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some(format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

pub fn payment_page_allowed(url: &str, own_origin: &str, allowed_origins: &[String]) -> bool {
    let Some(origin) = origin_of(url) else {
        return false;
    };
    if origin == own_origin.to_ascii_lowercase() {
        return true;
    }
    origin.starts_with("https://")
        && allowed_origins
            .iter()
            .filter_map(|allowed| origin_of(allowed))
            .any(|allowed| allowed == origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://PP.example.com/x?y").as_deref(),
            Some("https://pp.example.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080/universal/pp/1").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("https://user@evil.example/"), None);
    }

    #[test]
    fn only_the_own_origin_or_listed_https_origins_open() {
        let own = "http://127.0.0.1:8080";
        let listed = vec!["https://pp.domain.example".to_owned()];
        assert!(payment_page_allowed(
            "http://127.0.0.1:8080/universal/pp/abc",
            own,
            &[]
        ));
        assert!(payment_page_allowed(
            "https://pp.domain.example/cdeffe/****",
            own,
            &listed
        ));
        assert!(
            !payment_page_allowed("https://pp.domain.example/x", own, &[]),
            "not listed"
        );
        assert!(
            !payment_page_allowed(
                "http://pp.domain.example/x",
                own,
                &["http://pp.domain.example".into()]
            ),
            "not https"
        );
        assert!(!payment_page_allowed(
            "http://evil.example/pay",
            own,
            &listed
        ));
        assert!(!payment_page_allowed(
            "https://pp.domain.example.evil.example/",
            own,
            &listed
        ));
        assert!(!payment_page_allowed("data:text/html,x", own, &listed));
    }
}
