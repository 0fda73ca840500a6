//! Amounts, dates and country names in the customer's language. For the
//! locales the element knows (`core::i18n::conventions`) amounts and names
//! are its own, so that the first render never waits for the browser's
//! locale data; for any other, and for dates, the browser's `Intl`, given
//! the exact decimal string (never a float). A locale or value the browser
//! rejects falls back to a plain form (`12.50 USD`, the ISO date, the
//! English name), never an exception.

use std::cell::RefCell;
use std::thread::LocalKey;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::i18n::conventions::conventions;
use crate::core::money::Money;
use crate::core::phone::COUNTRIES;

/// `$30.45`, `30,45 $US`, `CDF 86,782.50`… as the locale writes it.
pub fn format_money(money: Money, locale: &str) -> String {
    if let Some(known) = conventions(locale) {
        return known.money(money);
    }
    let digits = JsValue::from_f64(f64::from(money.currency().exponent()));
    let options = [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str(money.currency().code())),
        ("minimumFractionDigits", digits.clone()),
        ("maximumFractionDigits", digits),
    ];
    // A string argument keeps every digit exactly (Intl.NumberFormat v3).
    let value = JsValue::from_str(&money.to_decimal_string());
    intl_format("NumberFormat", locale, &options, &value).unwrap_or_else(|| money.to_string())
}

/// An ISO 8601 timestamp as the locale writes a date and time, in the
/// customer's time zone; anything the browser cannot read stays as given.
pub fn format_date_time(iso: &str, locale: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = [
        ("dateStyle", JsValue::from_str("medium")),
        ("timeStyle", JsValue::from_str("short")),
    ];
    intl_format("DateTimeFormat", locale, &options, &date).unwrap_or_else(|| iso.to_owned())
}

/// What the browser's locale data gave once, by what was asked: making an
/// `Intl` object costs far more than using it (the first loads the
/// locale's data), so each page asks each question once.
type Asked<T> = LocalKey<RefCell<Vec<(String, T)>>>;

fn asked_once<T: Clone>(cache: &'static Asked<T>, key: String, ask: impl FnOnce() -> Option<T>) -> Option<T> {
    let known = cache.with_borrow(|answers| answers.iter().find(|(asked, _)| *asked == key).map(|(_, answer)| answer.clone()));
    if known.is_some() {
        return known;
    }
    let answer = ask()?;
    cache.with_borrow_mut(|answers| answers.push((key, answer.clone())));
    Some(answer)
}

/// Countries by ISO code, with their names in one language.
type CountryNames = Vec<(&'static str, String)>;

thread_local! {
    static COUNTRY_NAMES: RefCell<Vec<(String, CountryNames)>> = const { RefCell::new(Vec::new()) };
    /// Formatters by constructor, locale and options, with their `format`.
    static FORMATTERS: RefCell<Vec<(String, (JsValue, Function))>> = const { RefCell::new(Vec::new()) };
}

/// Our markets' countries named in `locale`'s language: the element's own
/// names where it knows the locale, else the browser's where it knows
/// them. None for English: `COUNTRIES`' names are the browser's there
/// (`tests/locale_element.rs` checks both).
pub fn country_names(locale: &str) -> CountryNames {
    if let Some(known) = conventions(locale) {
        return known.country_names();
    }
    if locale.split('-').next().is_some_and(|language| language.eq_ignore_ascii_case("en")) {
        return Vec::new();
    }
    asked_once(&COUNTRY_NAMES, locale.to_owned(), || Some(ask_country_names(locale))).unwrap_or_default()
}

fn ask_country_names(locale: &str) -> CountryNames {
    let options = [("type", JsValue::from_str("region"))];
    let Some(names) = intl_object("DisplayNames", locale, &options) else {
        return Vec::new();
    };
    let Some(of) = method(&names, "of") else {
        return Vec::new();
    };
    COUNTRIES
        .iter()
        .filter_map(|country| {
            let name = of.call1(&names, &JsValue::from_str(country.iso)).ok()?.as_string()?;
            Some((country.iso, name))
        })
        .collect()
}

/// The browser's languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Vec::new();
    };
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|language| language.as_string())
        .collect();
    if languages.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        languages
    }
}

/// `new Intl[constructor](locale, options).format(value)`, the formatter
/// made once per page for each locale and set of options.
fn intl_format(constructor: &str, locale: &str, options: &[(&str, JsValue)], value: &JsValue) -> Option<String> {
    let described: Vec<String> = options.iter().map(|(name, value)| format!("{name}={value:?}")).collect();
    let key = format!("{constructor} {locale} {}", described.join(" "));
    let (formatter, format) = asked_once(&FORMATTERS, key, || {
        let formatter = intl_object(constructor, locale, options)?;
        let format = method(&formatter, "format")?;
        Some((formatter, format))
    })?;
    format.call1(&formatter, value).ok()?.as_string()
}

fn intl_object(constructor: &str, locale: &str, options: &[(&str, JsValue)]) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: Function = Reflect::get(&intl, &JsValue::from_str(constructor)).ok()?.dyn_into().ok()?;
    let settings = Object::new();
    for (name, value) in options {
        Reflect::set(&settings, &JsValue::from_str(name), value).ok()?;
    }
    let locales = Array::new();
    if !locale.is_empty() {
        locales.push(&JsValue::from_str(locale));
    }
    // An invalid tag throws a RangeError: caught here, the fallback is used.
    Reflect::construct(&constructor, &Array::of2(&locales, &settings)).ok()
}

fn method(object: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(object, &JsValue::from_str(name)).ok()?.dyn_into().ok()
}
