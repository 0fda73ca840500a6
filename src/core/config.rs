//! What the merchant configured on the element, parsed and checked.
//!
//! Attributes arrive as strings (or not at all); this turns them into a typed
//! [`CheckoutConfig`] or a [`ConfigError`] that names the attribute, so a
//! typo on the merchant's page becomes a clear `CONFIG_ERROR` event.

use std::time::Duration;

use thiserror::Error;

use super::gateway::Gateway;
use super::i18n::is_language_tag;
use super::json::quoted;
use super::money::{Currency, Money, MoneyError};

/// Every attribute the element observes, in the order of the public contract.
pub const OBSERVED_ATTRIBUTES: [&str; 13] = [
    "gateway",
    "session-url",
    "api-base",
    "environment",
    "amount",
    "currency",
    "customer-reference",
    "locale",
    "presentation",
    "return-url",
    "status-timeout",
    "launcher",
    "theme",
];

/// Seconds before an unresolved payment is reported as `pending`.
pub const DEFAULT_STATUS_TIMEOUT: Duration = Duration::from_secs(120);

/// Where the sandbox server listens when nothing says otherwise.
pub const SANDBOX_ORIGIN: &str = "http://127.0.0.1:8080";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Environment {
    #[default]
    Sandbox,
    Production,
}

/// The colour scheme: `auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// How the checkout is shown: in the page's flow, or as a bottom sheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Presentation {
    #[default]
    Inline,
    Sheet,
}

/// The element's configuration, parsed from its attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckoutConfig {
    pub gateway: Gateway,
    pub environment: Environment,
    /// The merchant backend endpoint that returns a session token.
    pub session_url: Option<String>,
    /// The gateway base URL: the attribute, else the environment's default.
    pub api_base: Option<String>,
    /// Bound to the session when absent: the backend decides the amount.
    pub amount: Option<Money>,
    pub currency: Option<Currency>,
    pub customer_reference: Option<String>,
    /// BCP 47 tag; `None` means "use the browser's language".
    pub locale: Option<String>,
    pub presentation: Presentation,
    pub return_url: Option<String>,
    pub status_timeout: Duration,
    /// Light, dark, or the customer's system setting (the stylesheet reads
    /// the attribute itself; parsed here so a typo is reported).
    pub theme: Theme,
    /// Attributes that only change the look or the language, whose values
    /// were not usable: reported, and the checkout goes on without them
    /// (a wrong `theme` or `locale` must not stop a payment).
    pub ignored: Vec<ConfigError>,
    /// Whether a sheet shows its own Pay button (`launcher="button"`, the
    /// default) or only opens from `launch()` (`launcher="none"`).
    pub launcher_button: bool,
}

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("gateway {} is not one of pdirect, universal, invoice, moment, paygate", quoted(.0))]
    UnknownGateway(String),
    #[error("gateway {0} is not in this build of the element; use the build with every gateway")]
    GatewayNotBuilt(Gateway),
    #[error("environment {} is not sandbox or production", quoted(.0))]
    UnknownEnvironment(String),
    #[error("launcher {} is not button or none", quoted(.0))]
    UnknownLauncher(String),
    #[error("presentation {} is not inline or sheet", quoted(.0))]
    UnknownPresentation(String),
    #[error("theme {} is not auto, light or dark", quoted(.0))]
    UnknownTheme(String),
    #[error("locale {} is not a BCP 47 language tag like fr-CD", quoted(.0))]
    InvalidLocale(String),
    #[error("currency: {0}")]
    Currency(MoneyError),
    #[error("amount: {0}")]
    Amount(MoneyError),
    #[error("amount {} needs a currency attribute to know its decimals", quoted(.0))]
    AmountWithoutCurrency(String),
    #[error("status-timeout {} is not a whole number of seconds from 1 to 86400", quoted(.0))]
    InvalidStatusTimeout(String),
    #[error("{attribute} {} is not an http(s) URL or a path", quoted(.value))]
    InvalidUrl {
        attribute: &'static str,
        value: String,
    },
}

/// The choice `value` names, in any case: `("sheet", Presentation::Sheet)`.
fn keyword<T: Copy>(value: &str, choices: &[(&str, T)]) -> Option<T> {
    choices.iter().find(|(name, _)| value.eq_ignore_ascii_case(name)).map(|&(_, choice)| choice)
}

impl CheckoutConfig {
    /// Parses the attributes; `attribute(name)` returns the value if set.
    ///
    /// Empty values count as unset, as they do for boolean-less HTML
    /// attributes written `amount=""` by templating engines.
    pub fn from_attributes(
        attribute: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let read = |name: &str| {
            attribute(name)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        };

        let gateway = match read("gateway") {
            Some(value) => value
                .parse()
                .map_err(|()| ConfigError::UnknownGateway(value))?,
            None => Gateway::default(),
        };
        if !gateway.is_built() {
            return Err(ConfigError::GatewayNotBuilt(gateway));
        }
        let environment = match read("environment") {
            None => Environment::default(),
            Some(value) => keyword(&value, &[("sandbox", Environment::Sandbox), ("production", Environment::Production)])
                .ok_or(ConfigError::UnknownEnvironment(value))?,
        };
        let presentation = match read("presentation") {
            None => Presentation::default(),
            Some(value) => keyword(&value, &[("inline", Presentation::Inline), ("sheet", Presentation::Sheet)])
                .ok_or(ConfigError::UnknownPresentation(value))?,
        };
        let launcher_button = match read("launcher") {
            None => true,
            Some(value) => keyword(&value, &[("button", true), ("none", false)]).ok_or(ConfigError::UnknownLauncher(value))?,
        };
        let mut ignored = Vec::new();
        let themes = [("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)];
        let theme = match read("theme") {
            None => Theme::default(),
            Some(value) => keyword(&value, &themes).unwrap_or_else(|| {
                ignored.push(ConfigError::UnknownTheme(value));
                Theme::default()
            }),
        };
        let locale = match read("locale") {
            Some(tag) if !is_language_tag(&tag) => {
                ignored.push(ConfigError::InvalidLocale(tag));
                None
            }
            locale => locale,
        };
        let currency = read("currency")
            .map(|code| Currency::from_code(&code))
            .transpose()
            .map_err(ConfigError::Currency)?;
        let amount = match (read("amount"), currency) {
            (None, _) => None,
            (Some(value), None) => return Err(ConfigError::AmountWithoutCurrency(value)),
            (Some(value), Some(currency)) => {
                Some(Money::parse(&value, currency).map_err(ConfigError::Amount)?)
            }
        };
        let status_timeout = match read("status-timeout") {
            None => DEFAULT_STATUS_TIMEOUT,
            Some(value) => match value.parse::<u64>() {
                Ok(seconds @ 1..=86_400) => Duration::from_secs(seconds),
                _ => return Err(ConfigError::InvalidStatusTimeout(value)),
            },
        };
        let url = |name: &'static str| read(name).map(|value| checked_url(name, value)).transpose();
        let api_base = match url("api-base")? {
            Some(base) => Some(base.trim_end_matches('/').to_owned()),
            None => default_api_base(gateway, environment),
        };

        Ok(CheckoutConfig {
            gateway,
            environment,
            session_url: url("session-url")?,
            api_base,
            amount,
            currency,
            customer_reference: read("customer-reference"),
            locale,
            presentation,
            theme,
            ignored,
            return_url: url("return-url")?,
            status_timeout,
            launcher_button,
        })
    }
}

/// The sandbox simulator of the gateway (the sandbox's merchant backend for
/// gateways only a backend may call), or its documented production host.
fn default_api_base(gateway: Gateway, environment: Environment) -> Option<String> {
    match environment {
        Environment::Sandbox if gateway.production_base().is_none() => {
            Some(format!("{SANDBOX_ORIGIN}/merchant/{}", gateway.id()))
        }
        Environment::Sandbox => Some(format!("{SANDBOX_ORIGIN}/{}", gateway.id())),
        Environment::Production => gateway.production_base().map(str::to_owned),
    }
}

/// Accepts absolute http(s) URLs and same-origin paths; refuses anything a
/// page could be tricked into (`javascript:`, `data:`, protocol-relative).
fn checked_url(attribute: &'static str, value: String) -> Result<String, ConfigError> {
    let lower = value.to_ascii_lowercase();
    let is_path = value.starts_with('/') && !value.starts_with("//");
    let is_http = lower.starts_with("https://") || lower.starts_with("http://");
    if (is_path || is_http) && !value.chars().any(char::is_whitespace) {
        Ok(value)
    } else {
        Err(ConfigError::InvalidUrl { attribute, value })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<CheckoutConfig, ConfigError> {
        let attributes: HashMap<String, String> = pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        CheckoutConfig::from_attributes(|name| attributes.get(name).cloned())
    }

    #[test]
    fn no_attributes_gives_the_documented_defaults() {
        let config = parse(&[]).unwrap();
        assert_eq!(config.gateway, Gateway::Pdirect);
        assert_eq!(config.environment, Environment::Sandbox);
        assert_eq!(config.presentation, Presentation::Inline);
        assert_eq!(config.amount, None);
        assert_eq!(config.status_timeout, DEFAULT_STATUS_TIMEOUT);
        assert_eq!(
            config.api_base.as_deref(),
            Some("http://127.0.0.1:8080/pdirect")
        );
        let invoice = parse(&[("gateway", "invoice")]).unwrap();
        assert_eq!(
            invoice.api_base.as_deref(),
            Some("http://127.0.0.1:8080/merchant/invoice")
        );
        let production = parse(&[("gateway", "invoice"), ("environment", "production")]);
        assert_eq!(production.unwrap().api_base, None);
    }

    #[test]
    fn reads_every_valid_attribute() {
        let config = parse(&[
            ("gateway", "PayGate"),
            ("session-url", "/merchant/paygate/checkout"),
            ("api-base", "http://127.0.0.1:9000/paygate/"),
            ("environment", "production"),
            ("amount", "12.5"),
            ("currency", "ghs"),
            ("customer-reference", " cust_abc123 "),
            ("locale", "fr-CD"),
            ("presentation", "sheet"),
            ("return-url", "https://shop.example/return"),
            ("status-timeout", "30"),
            ("launcher", "none"),
            ("theme", "Dark"),
        ])
        .unwrap();
        assert_eq!(config.gateway, Gateway::Paygate);
        assert_eq!(
            config.session_url.as_deref(),
            Some("/merchant/paygate/checkout")
        );
        assert_eq!(
            config.api_base.as_deref(),
            Some("http://127.0.0.1:9000/paygate")
        );
        assert_eq!(config.environment, Environment::Production);
        let amount = config.amount.unwrap();
        assert_eq!(
            (amount.minor_units(), amount.currency().code()),
            (1250, "GHS")
        );
        assert_eq!(config.customer_reference.as_deref(), Some("cust_abc123"));
        assert_eq!(config.locale.as_deref(), Some("fr-CD"));
        assert_eq!(config.presentation, Presentation::Sheet);
        assert_eq!(
            config.return_url.as_deref(),
            Some("https://shop.example/return")
        );
        assert_eq!(config.status_timeout, Duration::from_secs(30));
        assert!(!config.launcher_button);
        assert_eq!(config.theme, Theme::Dark);
    }

    /// In a build with only PDirect (`make test-native` runs one), the
    /// other gateways are refused by name, and PDirect still works.
    #[cfg(not(feature = "moment"))]
    #[test]
    fn a_gateway_left_out_of_the_build_is_a_config_error() {
        assert_eq!(
            parse(&[("gateway", "moment")]),
            Err(ConfigError::GatewayNotBuilt(Gateway::Moment))
        );
        assert!(parse(&[("gateway", "pdirect")]).is_ok());
    }

    #[cfg(feature = "moment")]
    #[test]
    fn the_default_build_has_every_gateway() {
        assert!(Gateway::ALL.into_iter().all(Gateway::is_built));
    }

    #[test]
    fn a_wrong_look_or_language_is_reported_and_ignored() {
        let config = parse(&[("theme", "blue"), ("amount", "5"), ("currency", "USD")]).unwrap();
        assert_eq!((config.theme, config.ignored), (Theme::Auto, vec![ConfigError::UnknownTheme("blue".into())]));
        for locale in ["french", "fr CD", "<script>", "f"] {
            let config = parse(&[("locale", locale)]).unwrap();
            assert_eq!(config.locale, None, "{locale}");
            assert_eq!(config.ignored, vec![ConfigError::InvalidLocale(locale.into())], "{locale}");
        }
        assert!(parse(&[("locale", "fr-CD"), ("theme", "dark")]).unwrap().ignored.is_empty());
    }

    #[test]
    fn production_uses_the_documented_host_or_none() {
        let pdirect = parse(&[("environment", "production")]).unwrap();
        assert_eq!(
            pdirect.api_base.as_deref(),
            Some("https://app.api.gtwy.pdirect.com")
        );
        let universal = parse(&[("environment", "production"), ("gateway", "universal")]).unwrap();
        assert_eq!(universal.api_base, None);
    }

    #[test]
    fn empty_attributes_count_as_missing() {
        let config = parse(&[("amount", ""), ("currency", " "), ("gateway", "")]).unwrap();
        assert_eq!((config.amount, config.currency), (None, None));
        assert_eq!(config.gateway, Gateway::Pdirect);
    }

    #[test]
    fn malformed_amounts_are_named() {
        assert!(matches!(
            parse(&[("amount", "12,50"), ("currency", "USD")]),
            Err(ConfigError::Amount(MoneyError::NotADecimal(_)))
        ));
        assert!(matches!(
            parse(&[("amount", "-3"), ("currency", "USD")]),
            Err(ConfigError::Amount(MoneyError::NotADecimal(_)))
        ));
        assert!(matches!(
            parse(&[("amount", "1.234"), ("currency", "USD")]),
            Err(ConfigError::Amount(MoneyError::TooManyDecimals { .. }))
        ));
        assert_eq!(
            parse(&[("amount", "12.50")]),
            Err(ConfigError::AmountWithoutCurrency("12.50".into()))
        );
        let message = parse(&[("amount", "ten"), ("currency", "USD")])
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("amount:"), "{message}");
    }

    #[test]
    fn other_malformed_attributes_are_refused() {
        assert_eq!(
            parse(&[("gateway", "stripe")]),
            Err(ConfigError::UnknownGateway("stripe".into()))
        );
        assert!(matches!(
            parse(&[("currency", "DOGE")]),
            Err(ConfigError::Currency(_))
        ));
        assert!(matches!(
            parse(&[("environment", "live")]),
            Err(ConfigError::UnknownEnvironment(_))
        ));
        assert!(matches!(
            parse(&[("presentation", "modal")]),
            Err(ConfigError::UnknownPresentation(_))
        ));
        assert!(matches!(
            parse(&[("launcher", "fab")]),
            Err(ConfigError::UnknownLauncher(_))
        ));

        for timeout in ["0", "-5", "1.5", "86401", "soon"] {
            assert!(
                matches!(
                    parse(&[("status-timeout", timeout)]),
                    Err(ConfigError::InvalidStatusTimeout(_))
                ),
                "{timeout}"
            );
        }
        for url in [
            "javascript:alert(1)",
            "//evil.example/x",
            "data:text/html,x",
            "ftp://x",
        ] {
            assert!(
                matches!(
                    parse(&[("session-url", url)]),
                    Err(ConfigError::InvalidUrl {
                        attribute: "session-url",
                        ..
                    })
                ),
                "{url}"
            );
        }
    }
}
