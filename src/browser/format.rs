//! Amounts in the customer's locale through `Intl.NumberFormat`, given the
//! exact decimal string (never a float). A locale the browser rejects falls
//! back to the plain `12.50 USD`, never an exception.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::money::Money;

/// `$30.45`, `30,45 $US`, `CDF 86,782.50`… as the locale writes it.
pub fn format_money(money: Money, locale: Option<&str>) -> String {
    formatted(money, locale).unwrap_or_else(|| money.to_string())
}

fn formatted(money: Money, locale: Option<&str>) -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str("NumberFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let locales = Array::new();
    if let Some(locale) = locale.filter(|locale| !locale.is_empty()) {
        locales.push(&JsValue::from_str(locale));
    }
    let options = Object::new();
    let set =
        |name: &str, value: JsValue| Reflect::set(&options, &JsValue::from_str(name), &value).ok();
    set("style", JsValue::from_str("currency"))?;
    set("currency", JsValue::from_str(money.currency().code()))?;
    let digits = JsValue::from_f64(f64::from(money.currency().exponent()));
    set("minimumFractionDigits", digits.clone())?;
    set("maximumFractionDigits", digits)?;
    let format = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
    let format: Function = Reflect::get(&format, &JsValue::from_str("format"))
        .ok()?
        .dyn_into()
        .ok()?;
    // A string argument keeps every digit exactly (Intl.NumberFormat v3).
    let text = format
        .call1(
            &JsValue::NULL,
            &JsValue::from_str(&money.to_decimal_string()),
        )
        .ok()?;
    text.as_string()
}

/// The locale to format for: the `locale` attribute, else the browser's.
pub fn customer_locale(attribute: Option<&str>) -> Option<String> {
    attribute
        .map(str::to_owned)
        .or_else(|| web_sys::window()?.navigator().language())
}
