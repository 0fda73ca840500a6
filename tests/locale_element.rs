//! The element in the customer's language, in a real headless Chromium:
//! the `locale` attribute, `configs.acceptLanguage`, the merchant's
//! `strings`, amounts as the locale writes them, right-to-left layout.
//! Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use js_sys::Reflect;
use pay_checkout::core::i18n::conventions;
use pay_checkout::core::money::{Currency, Money};
use pay_checkout::core::phone::COUNTRIES;
use pay_checkout::{define_element, DEFAULT_TAG_NAME};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(attributes: &[(&str, &str)], properties: &[(&str, &str)]) -> Element {
    define_element(DEFAULT_TAG_NAME).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element(DEFAULT_TAG_NAME).unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    for (name, json) in properties {
        Reflect::set(&element, &(*name).into(), &js_sys::JSON::parse(json).unwrap()).unwrap();
    }
    document.body().unwrap().append_child(&element).unwrap();
    element
}

async fn settle() {
    TimeoutFuture::new(20).await;
}

fn text(element: &Element, selector: &str) -> String {
    element
        .shadow_root()
        .unwrap()
        .query_selector(selector)
        .unwrap()
        .and_then(|node| node.text_content())
        .unwrap_or_default()
}

fn section_attribute(element: &Element, name: &str) -> Option<String> {
    element
        .shadow_root()
        .unwrap()
        .query_selector("section.checkout")
        .unwrap()
        .and_then(|section| section.get_attribute(name))
}

/// The `errorCode` and `message` of every `error` event on `element`.
fn record_errors(element: &Element) -> Rc<RefCell<Vec<(String, String)>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn Fn(CustomEvent)>::new(move |event: CustomEvent| {
        let detail = event.detail();
        let field = |name: &str| Reflect::get(&detail, &name.into()).unwrap().as_string().unwrap_or_default();
        sink.borrow_mut().push((field("errorCode"), field("message")));
    });
    element
        .add_event_listener_with_callback("error", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

#[wasm_bindgen_test]
async fn the_locale_attribute_chooses_the_language_and_the_number_format() {
    let element = mount(&[("amount", "1234567.50"), ("currency", "CDF"), ("locale", "fr-CD")], &[]);
    settle().await;
    assert_eq!(text(&element, ".amount-label"), "Montant à payer");
    // French digits: a narrow no-break space between thousands, a comma
    // before the decimals.
    let amount = text(&element, ".amount-value");
    assert!(amount.contains("1\u{202f}234\u{202f}567,50"), "{amount}");
    assert!(text(&element, "button.pay").starts_with("Payer "), "{}", text(&element, "button.pay"));
    assert_eq!(section_attribute(&element, "lang").as_deref(), Some("fr-cd"));
    assert_eq!(section_attribute(&element, "dir").as_deref(), Some("ltr"));
    assert_eq!(text(&element, "label[for=pay-wallet_pin]"), "Code PIN du portefeuille");

    // Followed live: Swahili, then a language we lack falls back to English.
    element.set_attribute("locale", "sw-KE").unwrap();
    settle().await;
    assert_eq!(text(&element, ".amount-label"), "Kiasi cha kulipa");
    element.set_attribute("locale", "de-DE").unwrap();
    settle().await;
    assert_eq!(text(&element, ".amount-label"), "Amount to pay");
    assert_eq!(section_attribute(&element, "lang").as_deref(), Some("en"));
    element.remove();
}

#[wasm_bindgen_test]
async fn without_an_attribute_configs_accept_language_decides() {
    let element = mount(
        &[("amount", "10"), ("currency", "USD")],
        &[("configs", r#"{"acceptLanguage": "pt-MZ"}"#)],
    );
    settle().await;
    assert_eq!(text(&element, ".amount-label"), "Valor a pagar");
    assert!(text(&element, "button.pay").starts_with("Pagar"));
    element.remove();
}

#[wasm_bindgen_test]
async fn validation_messages_speak_the_customers_language() {
    let element = mount(&[("locale", "fr")], &[("paymentBody", r#"{"walletNumber": "3005710720108954"}"#)]);
    settle().await;
    let button: HtmlElement = element
        .shadow_root()
        .unwrap()
        .query_selector("button.pay")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    settle().await;
    assert_eq!(text(&element, "#pay-wallet_pin-error"), "Ce champ est obligatoire.");
    // The first refused field has the focus.
    let focused = element.shadow_root().unwrap().active_element().map(|field| field.id());
    assert_eq!(focused.as_deref(), Some("pay-phone_number"));
    element.remove();
}

#[wasm_bindgen_test]
async fn the_merchants_strings_win_and_a_wrong_key_is_reported() {
    let element = mount(&[("amount", "5"), ("currency", "USD"), ("locale", "fr")], &[]);
    let errors = record_errors(&element);
    let strings = js_sys::JSON::parse(
        r#"{"pay.amount": "Acheter pour {amount}", "fr": {"amount.label": "À régler"}, "pay.buton": "x"}"#,
    )
    .unwrap();
    Reflect::set(&element, &"strings".into(), &strings).unwrap();
    settle().await;
    assert!(text(&element, "button.pay").starts_with("Acheter pour 5,00"), "{}", text(&element, "button.pay"));
    assert_eq!(text(&element, ".amount-label"), "À régler");
    let errors = errors.borrow().clone();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "CONFIG_ERROR");
    assert!(errors[0].1.contains("\"pay.buton\""), "{}", errors[0].1);
    element.remove();
}

#[wasm_bindgen_test]
async fn a_right_to_left_language_the_merchant_wrote_lays_the_checkout_out_right_to_left() {
    let element = mount(&[("locale", "ar")], &[("strings", r#"{"ar": {"pay": "ادفع"}}"#)]);
    settle().await;
    assert_eq!(section_attribute(&element, "dir").as_deref(), Some("rtl"));
    assert_eq!(section_attribute(&element, "lang").as_deref(), Some("ar"));
    assert_eq!(text(&element, "button.pay"), "ادفع");
    element.remove();
}

/// Every locale the element writes without `Intl`
/// (`core::i18n::conventions`) writes every currency as the browser does.
#[wasm_bindgen_test]
fn the_known_locales_write_amounts_as_the_browser_does() {
    let browser_writes = js_sys::Function::new_with_args(
        "tag, currency, digits, value",
        "return new Intl.NumberFormat([tag], { style: 'currency', currency, \
         minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)",
    );
    let mut compared = 0;
    for tag in conventions::known_tags() {
        let known = conventions::conventions(&tag).unwrap();
        for currency in Currency::known() {
            for minor_units in [1, 5, 99, 1_250, 99_999, 123_450, 1_234_567, 123_456_789, 12_345_678_901] {
                let amount = Money::from_minor_units(minor_units, currency);
                let args = js_sys::Array::of4(
                    &tag.as_str().into(),
                    &currency.code().into(),
                    &currency.exponent().into(),
                    &amount.to_decimal_string().into(),
                );
                let browser = browser_writes.apply(&JsValue::NULL, &args).unwrap().as_string();
                assert_eq!(Some(known.money(amount)), browser, "{tag} {amount}");
                compared += 1;
            }
        }
    }
    assert!(compared > 5_000, "{compared}");
}

/// The element's names of our markets' countries, its own in every
/// locale it knows and `COUNTRIES`' in English, are the browser's.
#[wasm_bindgen_test]
fn the_known_locales_name_countries_as_the_browser_does() {
    let browser_names = js_sys::Function::new_with_args(
        "tag, iso",
        "return new Intl.DisplayNames([tag], { type: 'region' }).of(iso)",
    );
    for tag in conventions::known_tags() {
        let own = conventions::conventions(&tag).unwrap().country_names();
        // DR Congo is named as people there say, by the catalogue, in every language.
        for country in COUNTRIES.iter().filter(|country| country.iso != "CD") {
            let name = own.iter().find(|(iso, _)| *iso == country.iso).map_or(country.name, |(_, name)| name.as_str());
            let browser = browser_names.call2(&JsValue::NULL, &tag.as_str().into(), &country.iso.into()).unwrap();
            assert_eq!(browser.as_string().as_deref(), Some(name), "{tag} {}", country.iso);
        }
    }
}
