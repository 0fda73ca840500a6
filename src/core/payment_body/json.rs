//! `configs` and `paymentBody` read from the page's JSON, and the payment
//! body written for the gateway.
//!
//! Read field by field, as the gateways' answers are (see `core::json`).
//! A refusal is worded as serde words it (`invalid type: integer `48698`,
//! expected a string`), so the page's `error` event reads as it always
//! has; `null` counts as absent, and a field we do not know is ignored.

use super::{PayConfig, PaymentBody};
use crate::core::json::{to_text, JsonError as Error, Map, Object, Value};

impl PayConfig {
    pub fn from_json(value: &Value) -> Result<PayConfig, Error> {
        let fields = Object::new(value, "configs", |refusal| refusal.to_error())?;
        Ok(PayConfig {
            token: fields.optional_text("token")?,
            is_production: fields.optional_flag("isProduction")?,
            accept_language: fields.optional_text("acceptLanguage")?,
            session_url: fields.optional_text("sessionUrl")?,
            api_base: fields.optional_text("apiBase")?,
            client_key: fields.optional_text("clientKey")?,
            payment_page_origins: fields.optional_texts("paymentPageOrigins")?,
        })
    }
}

impl PaymentBody {
    /// The camelCase body the page sets.
    pub fn from_json(value: &Value) -> Result<PaymentBody, Error> {
        let fields = Object::new(value, "paymentBody", |refusal| refusal.to_error())?;
        let text = |key| fields.optional_text(key);
        Ok(PaymentBody {
            amount: text("amount")?,
            currency: text("currency")?,
            customer_reference: text("customerReference")?,
            payment_method: text("paymentMethod")?,
            user_info: text("userInfo")?,
            payment_method_info: text("paymentMethodInfo")?,
            fee_covered_by: text("feeCoveredBy")?,
            delivery_behaviour: text("deliveryBehaviour")?,
            notify_url: text("notifyUrl")?,
            first_name: text("firstName")?,
            last_name: text("lastName")?,
            email: text("email")?,
            phone_number: text("phoneNumber")?,
            wallet_number: text("walletNumber")?,
            wallet_pin: text("walletPin")?,
        })
    }

    /// The snake_case body the gateway reads. The SDK's five options are
    /// always there (`null` when unset); the session-bound fields and the
    /// customer's only when set.
    pub fn to_wire_json(&self) -> String {
        let mut wire = Map::new();
        let mut put = |key: &str, value: &Option<String>, always: bool| match value {
            Some(value) => {
                wire.insert(key, value.as_str());
            }
            None if always => {
                wire.insert(key, Value::Null);
            }
            None => {}
        };
        put("amount", &self.amount, false);
        put("currency", &self.currency, false);
        put("customer_reference", &self.customer_reference, false);
        put("payment_method", &self.payment_method, true);
        put("user_info", &self.user_info, true);
        put("payment_method_info", &self.payment_method_info, true);
        put("fee_covered_by", &self.fee_covered_by, true);
        put("delivery_behaviour", &self.delivery_behaviour, true);
        put("notify_url", &self.notify_url, false);
        put("first_name", &self.first_name, false);
        put("last_name", &self.last_name, false);
        put("email", &self.email, false);
        put("phone_number", &self.phone_number, false);
        put("wallet_number", &self.wallet_number, false);
        put("wallet_pin", &self.wallet_pin, false);
        to_text(&Value::Object(wire))
    }
}

