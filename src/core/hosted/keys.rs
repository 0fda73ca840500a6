//! Which keys a browser may hold. A secret key (`sk_…`) in a page is a
//! leak waiting to happen: the element refuses it before any request.

use thiserror::Error;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("{0} looks like a secret key; keep it on your server and give the page a publishable key (pk_…)")]
    Secret(&'static str),
    #[error("{0} is not a publishable key (pk_test_… or pk_live_…)")]
    NotPublishable(&'static str),
}

/// Prefixes of credentials that belong on a server only.
const SECRET_PREFIXES: [&str; 3] = ["sk_", "rk_", "whsec_"];

/// Refuses a value that looks like a server-side secret.
pub fn refuse_secret(what: &'static str, value: &str) -> Result<(), KeyError> {
    let value = value.trim();
    if SECRET_PREFIXES
        .iter()
        .any(|prefix| value.starts_with(prefix))
    {
        return Err(KeyError::Secret(what));
    }
    Ok(())
}

/// A `clientKey`: `pk_test_…` (sandbox) or `pk_live_…`.
pub fn check_client_key(key: &str) -> Result<(), KeyError> {
    refuse_secret("clientKey", key)?;
    let key = key.trim();
    let publishable = ["pk_test_", "pk_live_"]
        .iter()
        .any(|prefix| key.len() > prefix.len() && key.starts_with(prefix));
    if publishable {
        Ok(())
    } else {
        Err(KeyError::NotPublishable("clientKey"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishable_keys_pass_and_secrets_never_do() {
        assert_eq!(check_client_key("pk_test_abc123"), Ok(()));
        assert_eq!(check_client_key("pk_live_abc123"), Ok(()));
        assert_eq!(
            check_client_key("sk_test_your_secret_key"),
            Err(KeyError::Secret("clientKey"))
        );
        assert_eq!(
            check_client_key(" sk_live_x"),
            Err(KeyError::Secret("clientKey"))
        );
        assert_eq!(
            check_client_key("pk_test_"),
            Err(KeyError::NotPublishable("clientKey"))
        );
        assert_eq!(
            check_client_key("abc"),
            Err(KeyError::NotPublishable("clientKey"))
        );
        assert!(refuse_secret("client token", "whsec_sandbox").is_err());
        assert!(refuse_secret("client token", "ct_AbC").is_ok());
    }
}
