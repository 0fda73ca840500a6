use super::*;
use crate::core::money::{Currency, Money};

fn money(value: &str, code: &str) -> Money {
    Money::parse(value, Currency::from_code(code).unwrap()).unwrap()
}

/// Each `(tag, amount, currency, as written)` written so.
fn assert_written(cases: &[(&str, &str, &str, &str)]) {
    for &(tag, value, code, expected) in cases {
        let known = conventions(tag).unwrap_or_else(|| panic!("{tag} is known"));
        assert_eq!(known.money(money(value, code)), expected, "{tag} {value} {code}");
    }
}

#[test]
fn english_puts_the_symbol_first_and_spaces_only_a_word() {
    assert_written(&[
        ("en-us", "12.50", "USD", "$12.50"),
        ("en", "1234567.89", "EUR", "€1,234,567.89"),
        ("en-us", "1234.50", "CDF", "CDF\u{a0}1,234.50"),
        ("en-cd", "12", "XOF", "F\u{202f}CFA\u{a0}12"),
        ("en-gb", "12.50", "USD", "US$12.50"),
        ("en-ke", "1234.50", "KES", "Ksh\u{a0}1,234.50"),
        ("en-gh", "12.50", "GHS", "GH₵12.50"),
        ("en-za", "1234567.89", "ZAR", "R\u{a0}1\u{a0}234\u{a0}567,89"),
    ]);
}

#[test]
fn french_puts_the_symbol_after_and_parts_thousands_with_a_narrow_space() {
    assert_written(&[
        ("fr", "1234567.89", "USD", "1\u{202f}234\u{202f}567,89\u{a0}$US"),
        ("fr-cd", "12.50", "CDF", "12,50\u{a0}FC"),
        ("fr-fr", "12.50", "CDF", "12,50\u{a0}CDF"),
        ("fr-be", "5", "JPY", "5\u{a0}JPY"),
    ]);
}

#[test]
fn swahili_and_portuguese_keep_regional_differences() {
    assert_written(&[
        ("sw", "12.50", "USD", "US$\u{a0}12.50"),
        ("sw-ke", "12.50", "USD", "$\u{a0}12.50"),
        ("sw-cd", "1234.50", "CDF", "FC\u{a0}1.234,50"),
        ("pt-br", "1234.50", "USD", "US$\u{a0}1.234,50"),
        // Portugal groups only from five digits; Angola from four.
        ("pt-pt", "1234.50", "EUR", "1234,50\u{a0}€"),
        ("pt-pt", "12345.50", "EUR", "12\u{a0}345,50\u{a0}€"),
        ("pt-ao", "1234.50", "EUR", "1\u{a0}234,50\u{a0}€"),
    ]);
}

#[test]
fn only_our_languages_in_listed_regions_are_known() {
    for unknown in ["de", "de-de", "fr-ca", "en-in", "pt-cv", "sr-latn-rs", "en-us-u-nu-arab", "", "ln-cd"] {
        assert_eq!(conventions(unknown), None, "{unknown}");
    }
    let tags = known_tags();
    assert!(tags.iter().all(|tag| conventions(tag).is_some()));
    for tag in ["en", "en-us", "fr", "fr-cd", "sw", "sw-tz", "pt", "pt-mz"] {
        assert!(tags.iter().any(|known| known == tag), "{tag}");
    }
    assert_eq!(tags.len(), 4 * 11 + 2 + 2 + 4, "each tag once");
}

#[test]
fn country_names_follow_the_language_and_its_region() {
    assert!(conventions("en-ke").unwrap().country_names().is_empty());
    let french = conventions("fr-cd").unwrap().country_names();
    assert_eq!(french.len(), crate::core::phone::COUNTRIES.len());
    assert!(french.contains(&("UG", "Ouganda".to_owned())));
    let name = |tag: &str, iso: &str| {
        let names = conventions(tag).unwrap().country_names();
        names.into_iter().find(|(code, _)| *code == iso).unwrap().1
    };
    assert_eq!(name("pt-br", "KE"), "Quênia");
    assert_eq!(name("pt-mz", "KE"), "Quénia");
    assert_eq!(name("sw-cd", "NG"), "Nijeria");
    assert_eq!(name("sw-tz", "NG"), "Nigeria");
}
