//! Outgoing webhooks, and a log of every one the simulators sent.
//!
//! Delivery goes to loopback addresses only: the sandbox never sends
//! anything off this machine, whatever `notify_url` a page chose.

use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

#[derive(Clone, Debug, Serialize)]
pub struct WebhookRecord {
    pub gateway: &'static str,
    pub url: String,
    pub body: Value,
    /// `delivered`, `not sent: …` or `failed: …`.
    pub outcome: String,
}

pub struct Webhooks {
    client: reqwest::Client,
    log: Mutex<Vec<WebhookRecord>>,
}

impl Default for Webhooks {
    fn default() -> Self {
        Webhooks {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .build()
                .expect("a plain HTTP client builds"),
            log: Mutex::new(Vec::new()),
        }
    }
}

impl Webhooks {
    /// POSTs `body` as JSON to `url` if it is on this machine, and logs it.
    pub async fn send(&self, gateway: &'static str, url: &str, body: Value) {
        self.send_with_headers(gateway, url, body, Vec::new()).await;
    }

    /// The same, with extra headers (a signature).
    pub async fn send_with_headers(
        &self,
        gateway: &'static str,
        url: &str,
        body: Value,
        headers: Vec<(&'static str, String)>,
    ) {
        let outcome = if !is_loopback(url) {
            "not sent: the sandbox only delivers to loopback addresses".to_owned()
        } else {
            let mut request = self
                .client
                .post(url)
                .header("content-type", "application/json")
                .body(body.to_string());
            for (name, value) in headers {
                request = request.header(name, value);
            }
            match request.send().await {
                Ok(response) if response.status().is_success() => "delivered".to_owned(),
                Ok(response) => format!("failed: HTTP {}", response.status().as_u16()),
                Err(error) => format!("failed: {error}"),
            }
        };
        tracing::info!("{gateway} webhook to {url}: {outcome}");
        let record = WebhookRecord {
            gateway,
            url: url.to_owned(),
            body,
            outcome,
        };
        self.log.lock().expect("webhook log").push(record);
    }

    pub fn sent(&self) -> Vec<WebhookRecord> {
        self.log.lock().expect("webhook log").clone()
    }
}

/// `http://127.x.x.x…`, `http://localhost…` or `http://[::1]…`.
fn is_loopback(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => authority
            .rsplit_once(':')
            .map_or(authority, |(host, _)| host),
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn only_loopback_hosts_are_reachable() {
        for url in [
            "http://127.0.0.1:9000/hook",
            "http://localhost/x",
            "http://[::1]:80/",
            "http://127.1.2.3",
        ] {
            assert!(is_loopback(url), "{url}");
        }
        for url in [
            "https://merchant.example.com/pdirect/webhook",
            "http://10.0.0.1/x",
            "http://127.0.0.1.evil.example/x",
            "ftp://127.0.0.1/",
        ] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
