//! The merchant's side of step 1: one access token, cached and refreshed
//! a minute before it expires, and refreshed once more if the gateway
//! still answers 401 (a token revoked early).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

use crate::gateways::invoice::{ApiError, Simulator, CLIENT_ID, CLIENT_SECRET};

/// Refresh this long before the token's end, so no call races its expiry.
const REFRESH_MARGIN_SECONDS: i64 = 60;

#[derive(Default)]
struct TokenCache {
    token: Option<(String, DateTime<Utc>)>,
}

impl TokenCache {
    /// The cached token if it is good for longer than the margin.
    fn fresh_at(&self, now: DateTime<Utc>) -> Option<&str> {
        match &self.token {
            Some((token, expires_at))
                if *expires_at - Duration::seconds(REFRESH_MARGIN_SECONDS) > now =>
            {
                Some(token)
            }
            _ => None,
        }
    }
}

pub struct GatewayClient {
    gateway: Arc<Simulator>,
    cache: Mutex<TokenCache>,
}

impl GatewayClient {
    pub fn new(gateway: Arc<Simulator>) -> Self {
        GatewayClient {
            gateway,
            cache: Mutex::default(),
        }
    }

    fn token(&self, now: DateTime<Utc>) -> Result<String, ApiError> {
        let mut cache = self.cache.lock().expect("token cache");
        if let Some(token) = cache.fresh_at(now) {
            return Ok(token.to_owned());
        }
        let answer = self.gateway.obtain_token(CLIENT_ID, CLIENT_SECRET)?;
        let token = answer["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let lifetime = answer["expires_in"].as_i64().unwrap_or_default();
        cache.token = Some((token.clone(), now + Duration::seconds(lifetime)));
        Ok(token)
    }

    /// Runs `call` as an authenticated request to the gateway.
    pub fn call<T>(
        &self,
        call: impl Fn(&Arc<Simulator>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let token = self.token(Utc::now())?;
        match self.gateway.check_token(&token) {
            Ok(()) => call(&self.gateway),
            Err(refused) if refused.status.as_u16() == 401 => {
                self.cache.lock().expect("token cache").token = None;
                let token = self.token(Utc::now())?;
                self.gateway.check_token(&token)?;
                call(&self.gateway)
            }
            Err(other) => Err(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_refreshed_a_minute_before_it_expires() {
        let now = Utc::now();
        let cache = TokenCache {
            token: Some(("t".into(), now + Duration::seconds(3600))),
        };
        assert_eq!(cache.fresh_at(now), Some("t"));
        assert_eq!(cache.fresh_at(now + Duration::seconds(3539)), Some("t"));
        assert_eq!(cache.fresh_at(now + Duration::seconds(3540)), None);
        assert_eq!(TokenCache::default().fresh_at(now), None);
    }

    #[test]
    fn a_revoked_token_is_replaced_once() {
        let gateway = Arc::new(Simulator::default());
        let client = GatewayClient::new(gateway.clone());
        let first = client.token(Utc::now()).unwrap();
        gateway.expire_tokens();
        let answer = client.call(|_| Ok(42));
        assert_eq!(answer, Ok(42));
        assert_ne!(client.token(Utc::now()).unwrap(), first);
    }
}
