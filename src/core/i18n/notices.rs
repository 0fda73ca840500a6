//! A sentence for the customer, named before it is put into words: the
//! flows decide what to say (a key and its arguments) and the view says it
//! in the customer's language. What a gateway's error code means for the
//! customer is decided here, per gateway.

use super::keys::Key;
use crate::core::gateway::Gateway;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub key: Key,
    pub args: Vec<(&'static str, Arg)>,
    /// Picks the plural form, and is the `{count}` argument.
    pub count: Option<u64>,
}

/// An argument: text as is, or a country named in the customer's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// ISO 3166-1 alpha-2.
    Country(&'static str),
}

fn texts(args: Vec<(&'static str, String)>) -> Vec<(&'static str, Arg)> {
    args.into_iter().map(|(name, text)| (name, Arg::Text(text))).collect()
}

impl From<Key> for Notice {
    fn from(key: Key) -> Self {
        Notice {
            key,
            args: Vec::new(),
            count: None,
        }
    }
}

impl Notice {
    pub fn with(key: Key, args: Vec<(&'static str, String)>) -> Self {
        Notice {
            key,
            args: texts(args),
            count: None,
        }
    }

    pub fn counted(key: Key, count: u64, args: Vec<(&'static str, String)>) -> Self {
        Notice {
            key,
            args: texts(args),
            count: Some(count),
        }
    }

    /// Adds `{name}`: the country with ISO code `iso`.
    pub fn and_country(mut self, name: &'static str, iso: &'static str) -> Self {
        self.args.push((name, Arg::Country(iso)));
        self
    }

    /// What an `error` event's code means for the customer: the element's
    /// own codes, then each gateway's (its seed document's tables).
    pub fn for_error(gateway: Gateway, code: &str) -> Notice {
        let key = match code {
            "NETWORK_ERROR" => Key::ErrorNetwork,
            "TIMEOUT" => Key::ErrorTimeout,
            "SESSION_EXPIRED" | "TOKEN_EXPIRED" => Key::ErrorSessionExpired,
            "CONFIG_ERROR" => Key::ErrorMerchant,
            "CANCELLED" => Key::ErrorCancelled,
            "GATEWAY_ERROR" => Key::ErrorUnreadable,
            "REDIRECT_BLOCKED" => Key::ErrorRedirectBlocked,
            "VALIDATION_ERROR" => Key::ErrorCheckField,
            "INTERNAL_ERROR" => Key::Stopped,
            "INSUFFICIENT_FUNDS" => Key::ErrorInsufficientFunds,
            "NOT_FOUND" => Key::ErrorInvalidReturn,
            code => match gateway_key(gateway, code) {
                Some(key) => key,
                None => return Notice::with(Key::ErrorRefused, vec![("code", code.to_owned())]),
            },
        };
        Notice::from(key)
    }
}

/// PDirect's four-digit codes and the universal gateway's `result.code`.
fn gateway_key(gateway: Gateway, code: &str) -> Option<Key> {
    match (gateway, code) {
        (_, "2001") => Some(Key::ErrorDeclined),
        (_, "2002") => Some(Key::ErrorInsufficientFunds),
        (Gateway::Pdirect, "1001" | "1002" | "1101" | "1102" | "1202") => Some(Key::ErrorMerchant),
        (Gateway::Pdirect, "1003" | "1004") => Some(Key::ErrorSessionExpired),
        (Gateway::Pdirect, "1201") => Some(Key::ErrorCheckField),
        (Gateway::Pdirect, "5001" | "5003") => Some(Key::ErrorUnavailable),
        (Gateway::Universal, "1001" | "1002" | "1003") => Some(Key::ErrorMerchant),
        (Gateway::Universal, "1004") => Some(Key::ErrorCheckField),
        (Gateway::Universal, "3001") => Some(Key::OtpWrong),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_codes_each_have_their_own_sentence() {
        for (code, key) in [
            ("NETWORK_ERROR", Key::ErrorNetwork),
            ("TIMEOUT", Key::ErrorTimeout),
            ("SESSION_EXPIRED", Key::ErrorSessionExpired),
            ("CONFIG_ERROR", Key::ErrorMerchant),
            ("CANCELLED", Key::ErrorCancelled),
            ("GATEWAY_ERROR", Key::ErrorUnreadable),
            ("REDIRECT_BLOCKED", Key::ErrorRedirectBlocked),
            ("VALIDATION_ERROR", Key::ErrorCheckField),
            ("INTERNAL_ERROR", Key::Stopped),
        ] {
            assert_eq!(Notice::for_error(Gateway::Moment, code), Notice::from(key), "{code}");
        }
    }

    #[test]
    fn gateway_codes_mean_what_their_documents_say() {
        let key = |gateway, code| Notice::for_error(gateway, code).key;
        assert_eq!(key(Gateway::Pdirect, "2001"), Key::ErrorDeclined);
        assert_eq!(key(Gateway::Universal, "2002"), Key::ErrorInsufficientFunds);
        assert_eq!(key(Gateway::Invoice, "INSUFFICIENT_FUNDS"), Key::ErrorInsufficientFunds);
        assert_eq!(key(Gateway::Pdirect, "1004"), Key::ErrorSessionExpired);
        assert_eq!(key(Gateway::Pdirect, "1201"), Key::ErrorCheckField);
        assert_eq!(key(Gateway::Pdirect, "5003"), Key::ErrorUnavailable);
        assert_eq!(key(Gateway::Universal, "3001"), Key::OtpWrong);
        assert_eq!(key(Gateway::Universal, "1001"), Key::ErrorMerchant);
        // The same number means something else elsewhere.
        assert_eq!(key(Gateway::Paygate, "3001"), Key::ErrorRefused);
    }

    #[test]
    fn an_unknown_code_is_quoted_for_the_shops_support() {
        let notice = Notice::for_error(Gateway::Pdirect, "9999");
        assert_eq!(notice, Notice::with(Key::ErrorRefused, vec![("code", "9999".into())]));
    }
}
