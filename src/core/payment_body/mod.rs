//! The Angular SDK's `PdirectPayConfig` and `PdirectPaymentBody`, as the
//! element's `configs` and `paymentBody` properties receive them.
//!
//! camelCase in (from the page), snake_case on the wire (to the gateway);
//! `amount` / `currency` / `customerReference` are bound to the session and
//! left out of the wire body when unset. Read and written in [`json`].

mod json;

use std::sync::Arc;

use super::i18n::Overrides;

use super::money::{Currency, Money};

/// `configs`: `{ token, isProduction, acceptLanguage }` plus our optional
/// `sessionUrl` and `apiBase`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PayConfig {
    /// The session token the merchant backend minted.
    pub token: Option<String>,
    pub is_production: bool,
    pub accept_language: Option<String>,
    pub session_url: Option<String>,
    pub api_base: Option<String>,
    /// A publishable key (`pk_test_…`, `pk_live_…`) for the hosted
    /// checkouts; a secret key here is refused before any request.
    pub client_key: Option<String>,
    /// Origins of gateway payment pages the customer may be sent to.
    pub payment_page_origins: Vec<String>,
}

/// `paymentBody`: every field optional; what is missing, the form asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PaymentBody {
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub customer_reference: Option<String>,
    pub payment_method: Option<String>,
    pub user_info: Option<String>,
    pub payment_method_info: Option<String>,
    pub fee_covered_by: Option<String>,
    pub delivery_behaviour: Option<String>,
    pub notify_url: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub wallet_number: Option<String>,
    pub wallet_pin: Option<String>,
}

/// What the page set through the element's properties.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ElementProperties {
    pub configs: PayConfig,
    pub payment_body: PaymentBody,
    /// The merchant's own wording (`strings`), over the catalogue's.
    pub strings: Arc<Overrides>,
}

/// A field the customer may be asked for, in the order the form shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CustomerField {
    PhoneNumber,
    WalletNumber,
    WalletPin,
    FirstName,
    LastName,
    Email,
}

impl CustomerField {
    /// The wire name, as the gateway names it in validation errors.
    pub fn wire_name(self) -> &'static str {
        match self {
            CustomerField::PhoneNumber => "phone_number",
            CustomerField::WalletNumber => "wallet_number",
            CustomerField::WalletPin => "wallet_pin",
            CustomerField::FirstName => "first_name",
            CustomerField::LastName => "last_name",
            CustomerField::Email => "email",
        }
    }

    pub fn from_wire_name(name: &str) -> Option<Self> {
        CUSTOMER_FIELDS
            .into_iter()
            .find(|field| field.wire_name() == name)
    }
}

pub const CUSTOMER_FIELDS: [CustomerField; 6] = [
    CustomerField::PhoneNumber,
    CustomerField::WalletNumber,
    CustomerField::WalletPin,
    CustomerField::FirstName,
    CustomerField::LastName,
    CustomerField::Email,
];

impl PaymentBody {
    /// The amount the body carries, for showing before the customer pays
    /// (Angular SDK users set it here, not in attributes); `currency` stands
    /// in when the body names none. Nothing when either is missing or wrong:
    /// the gateway, not the summary, is the judge of what is charged.
    pub fn money(&self, currency: Option<Currency>) -> Option<Money> {
        let currency = match self.currency.as_deref() {
            Some(code) => Currency::from_code(code.trim()).ok()?,
            None => currency?,
        };
        Money::parse(self.amount.as_deref()?.trim(), currency).ok()
    }

    /// The SDK's defaults for a wallet payment where the page set nothing.
    pub fn with_wallet_defaults(mut self) -> Self {
        let default = |slot: &mut Option<String>, value: &str| {
            if slot.as_deref().is_none_or(|text| text.trim().is_empty()) {
                *slot = Some(value.to_owned());
            }
        };
        default(&mut self.payment_method, "wallet");
        default(&mut self.user_info, "full");
        default(&mut self.payment_method_info, "full");
        default(&mut self.fee_covered_by, "buyer");
        default(&mut self.delivery_behaviour, "direct_delivery");
        self
    }

    fn slot(&mut self, field: CustomerField) -> &mut Option<String> {
        match field {
            CustomerField::PhoneNumber => &mut self.phone_number,
            CustomerField::WalletNumber => &mut self.wallet_number,
            CustomerField::WalletPin => &mut self.wallet_pin,
            CustomerField::FirstName => &mut self.first_name,
            CustomerField::LastName => &mut self.last_name,
            CustomerField::Email => &mut self.email,
        }
    }

    fn value(&self, field: CustomerField) -> &Option<String> {
        match field {
            CustomerField::PhoneNumber => &self.phone_number,
            CustomerField::WalletNumber => &self.wallet_number,
            CustomerField::WalletPin => &self.wallet_pin,
            CustomerField::FirstName => &self.first_name,
            CustomerField::LastName => &self.last_name,
            CustomerField::Email => &self.email,
        }
    }

    /// The page's value for `field`, if it gave a non-blank one.
    pub fn get(&self, field: CustomerField) -> Option<&str> {
        self.value(field)
            .as_deref()
            .filter(|value| !value.trim().is_empty())
    }

    pub fn set(&mut self, field: CustomerField, value: String) {
        *self.slot(field) = Some(value);
    }

    /// The fields the form must ask for: required and not given by the page.
    /// Names and email are required only with `userInfo: "full"`.
    pub fn missing_fields(&self) -> Vec<CustomerField> {
        let wants_names = self.user_info.as_deref().unwrap_or("full") == "full";
        CUSTOMER_FIELDS
            .into_iter()
            .filter(|field| {
                wants_names
                    || !matches!(
                        field,
                        CustomerField::FirstName | CustomerField::LastName | CustomerField::Email
                    )
            })
            .filter(|field| self.get(*field).is_none())
            .collect()
    }
}

#[cfg(test)]
mod tests;
