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

/// The body's fields in the struct's order, which is the order the
/// gateway's own SDK writes them in: the name the page gives each, the
/// name on the wire, and whether the wire always carries it (the SDK's
/// five options, `null` when unset; the others only when set). One table,
/// read in a loop, rather than a line of code per field each way.
const FIELDS: [(&str, &str, bool); 15] = [
    ("amount", "amount", false),
    ("currency", "currency", false),
    ("customerReference", "customer_reference", false),
    ("paymentMethod", "payment_method", true),
    ("userInfo", "user_info", true),
    ("paymentMethodInfo", "payment_method_info", true),
    ("feeCoveredBy", "fee_covered_by", true),
    ("deliveryBehaviour", "delivery_behaviour", true),
    ("notifyUrl", "notify_url", false),
    ("firstName", "first_name", false),
    ("lastName", "last_name", false),
    ("email", "email", false),
    ("phoneNumber", "phone_number", false),
    ("walletNumber", "wallet_number", false),
    ("walletPin", "wallet_pin", false),
];

impl PaymentBody {
    /// The camelCase body the page sets.
    pub fn from_json(value: &Value) -> Result<PaymentBody, Error> {
        let fields = Object::new(value, "paymentBody", |refusal| refusal.to_error())?;
        let mut texts: [Option<String>; 15] = Default::default();
        for (text, (page_name, _, _)) in texts.iter_mut().zip(FIELDS) {
            *text = fields.optional_text(page_name)?;
        }
        let [amount, currency, customer_reference, payment_method, user_info, payment_method_info, fee_covered_by, delivery_behaviour, notify_url, first_name, last_name, email, phone_number, wallet_number, wallet_pin] =
            texts;
        Ok(PaymentBody {
            amount,
            currency,
            customer_reference,
            payment_method,
            user_info,
            payment_method_info,
            fee_covered_by,
            delivery_behaviour,
            notify_url,
            first_name,
            last_name,
            email,
            phone_number,
            wallet_number,
            wallet_pin,
        })
    }

    /// The snake_case body the gateway reads.
    pub fn to_wire_json(&self) -> String {
        let texts = [
            &self.amount,
            &self.currency,
            &self.customer_reference,
            &self.payment_method,
            &self.user_info,
            &self.payment_method_info,
            &self.fee_covered_by,
            &self.delivery_behaviour,
            &self.notify_url,
            &self.first_name,
            &self.last_name,
            &self.email,
            &self.phone_number,
            &self.wallet_number,
            &self.wallet_pin,
        ];
        let mut wire = Map::new();
        for (text, (_, wire_name, always)) in texts.into_iter().zip(FIELDS) {
            match text {
                Some(text) => wire.insert(wire_name, text),
                None if always => wire.insert(wire_name, Value::Null),
                None => {}
            }
        }
        to_text(&Value::Object(wire))
    }
}

