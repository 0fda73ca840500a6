use std::collections::HashSet;
use std::sync::Arc;

use crate::json;

use super::*;

fn strings(requested: &[&str]) -> Strings {
    Strings::new(requested, Arc::default())
}

#[test]
fn every_catalogue_has_one_entry_per_key_and_no_text_holds_a_separator() {
    // The build checks each catalogue lists every key in order; this, that
    // no text broke the packed string apart.
    for (catalogue, name) in [(keys::ENGLISH, "en"), (fr::FR, "fr"), (sw::SW, "sw"), (pt::PT, "pt")] {
        assert_eq!(catalogue.len(), Key::ALL.len(), "{name}");
    }
    for language in Language::ALL {
        for &key in Key::ALL {
            for text in language.message(key).texts() {
                assert!(!text.contains([catalogue::ENTRY_END, catalogue::FORM_END]), "{language:?} {}", key.id());
            }
        }
    }
    assert!(catalogue::lists_every_key_in_order(Key::ALL));
    assert!(!catalogue::lists_every_key_in_order(&Key::ALL[1..]));
    assert!(!catalogue::lists_every_key_in_order(&[Key::ALL[1], Key::ALL[0]]));
}

#[test]
fn entries_read_back_as_written() {
    assert_eq!(Language::En.message(Key::Pay), Message::Text("Pay"));
    assert_eq!(Language::Fr.message(Key::PayAmount), Message::Text("Payer {amount}"));
    assert_eq!(
        Language::En.message(Key::OtpAttemptsLeft),
        Message::Plural { one: "{count} attempt left", many: None, other: "{count} attempts left" }
    );
    assert_eq!(
        Language::Fr.message(Key::OtpAttemptsLeft),
        Message::Plural {
            one: "{count} essai restant",
            many: Some("{count} d’essais restants"),
            other: "{count} essais restants",
        }
    );
    let last = *Key::ALL.last().unwrap();
    assert!(Language::Pt.message(last).form(PluralCategory::Other).starts_with("Não foi possível"));
}

#[test]
fn translations_keep_the_english_placeholders_and_plural_shape() {
    for language in Language::ALL {
        for &key in Key::ALL {
            let english = Language::En.message(key);
            let translated = language.message(key);
            for text in translated.texts() {
                assert!(!text.trim().is_empty(), "{language:?} {}", key.id());
                assert_eq!(
                    placeholders(text),
                    placeholders(english.form(PluralCategory::Other)),
                    "{language:?} {}: {text}",
                    key.id()
                );
            }
            let plural = |message: Message| matches!(message, Message::Plural { .. });
            assert_eq!(plural(translated), plural(english), "{language:?} {}", key.id());
        }
    }
}

#[test]
fn ids_are_unique_and_read_back() {
    let ids: HashSet<&str> = Key::ALL.iter().map(|key| key.id()).collect();
    assert_eq!(ids.len(), Key::ALL.len());
    for &key in Key::ALL {
        assert_eq!(Key::from_id(key.id()), Some(key));
    }
    assert_eq!(Key::from_id("pay.nothing"), None);
}

#[test]
fn the_chain_falls_back_from_region_to_language_to_english() {
    assert_eq!(strings(&["fr-CD"]).text(Key::Pay), "Payer");
    assert_eq!(strings(&["fr-CD"]).lang(), "fr-cd");
    assert_eq!(strings(&["sw_KE"]).text(Key::Pay), "Lipa");
    assert_eq!(strings(&["pt-MZ"]).text(Key::Pay), "Pagar");
    assert_eq!(strings(&["de-DE"]).text(Key::Pay), "Pay");
    assert_eq!(strings(&["de-DE"]).lang(), "en");
    assert_eq!(strings(&[]).text(Key::Pay), "Pay");
    // Lingala readers get French.
    let lingala = strings(&["ln-CD"]);
    assert_eq!((lingala.text(Key::Pay).as_str(), lingala.lang()), ("Payer", "fr"));
    assert_eq!(lingala.number_locale(), "ln-cd");
}

#[test]
fn the_first_language_we_have_wins() {
    assert_eq!(strings(&["de", "sw-TZ", "fr"]).text(Key::Pay), "Lipa");
    assert_eq!(strings(&["", "not a tag", "pt"]).text(Key::Pay), "Pagar");
    // Accept-Language values, as `configs.acceptLanguage` may hold them.
    assert_eq!(strings(&["de-CH,fr;q=0.9,en;q=0.8"]).text(Key::Pay), "Payer");
}

#[test]
fn counts_pick_each_languages_plural_form() {
    let left = |tag: &str, count| strings(&[tag]).count(Key::OtpAttemptsLeft, count, &[]);
    assert_eq!(left("en", 1), "1 attempt left");
    assert_eq!(left("en", 2), "2 attempts left");
    assert_eq!(left("fr", 0), "0 essai restant");
    assert_eq!(left("fr", 2), "2 essais restants");
    assert_eq!(left("sw", 1), "Imebaki nafasi 1");
    assert_eq!(left("sw", 2), "Zimebaki nafasi 2");
    assert_eq!(left("pt-MZ", 0), "Restam 0 tentativas");
    assert_eq!(left("pt-BR", 0), "Resta 0 tentativa");
    // Lingala reads French text, so French rules choose its form.
    assert_eq!(left("ln", 0), "0 essai restant");
}

#[test]
fn arguments_are_filled_in_every_language() {
    let args = [("amount", "12,50 $".to_owned())];
    assert_eq!(strings(&["fr"]).format(Key::PayAmount, &args), "Payer 12,50 $");
    assert_eq!(strings(&["sw"]).format(Key::PayAmount, &args), "Lipa 12,50 $");
    let notice = Notice::counted(Key::PhoneWrongLength, 9, vec![("code", "254".into())]).and_country("country", "KE");
    assert_eq!(
        strings(&["en"]).render(&notice),
        "A number in Kenya has 9 digits after +254."
    );
    // Countries are named as the browser names them in the customer's language.
    let french = strings(&["fr"]).with_country_names(vec![("KE", "Kenya".into()), ("UG", "Ouganda".into())]);
    let notice = Notice::from(Key::PhoneNotMobile).and_country("country", "UG");
    assert_eq!(
        french.render(&Notice { args: [notice.args, vec![("prefixes", Arg::Text("7".into()))]].concat(), ..notice }),
        "Ouganda\u{a0}: ce n’est pas un numéro mobile (ils commencent par 7)."
    );
    // Without the browser's name, the English one; DR Congo by the name
    // people there use, whatever the browser says.
    assert_eq!(strings(&["fr"]).country_name("ke"), "Kenya");
    assert_eq!(french.country_name("CD"), "RD Congo");
    assert_eq!(strings(&["sw"]).country_name("CD"), "DR Kongo");
}

#[test]
fn no_tag_ever_shows_a_key_or_an_empty_text() {
    for tag in ["en", "fr", "fr-CD", "sw", "pt", "pt-BR", "ln", "ny", "ar", "zz", "x"] {
        let strings = strings(&[tag]);
        for &key in Key::ALL {
            let text = strings.count(key, 2, &[]);
            assert!(!text.trim().is_empty() && text != key.id(), "{tag} {}", key.id());
        }
    }
}

#[test]
fn the_merchants_words_come_first_then_the_catalogue() {
    let (overrides, problems) = Overrides::parse(&json!({
        "pay": "Buy",
        "fr": { "pay": "Acheter", "otp.attempts-left": { "one": "{count} essai", "other": "{count} essais" } },
        "ar": { "pay": "ادفع" },
    }));
    assert!(problems.is_empty());
    let overrides = Arc::new(overrides);
    let french = Strings::new(&["fr-CD"], overrides.clone());
    assert_eq!(french.text(Key::Pay), "Acheter");
    assert_eq!(french.count(Key::OtpAttemptsLeft, 0, &[]), "0 essai");
    assert_eq!(french.text(Key::Close), "Fermer");
    let swahili = Strings::new(&["sw"], overrides.clone());
    assert_eq!(swahili.text(Key::Pay), "Buy");
    assert_eq!(swahili.text(Key::Close), "Funga");
    // A language only the merchant wrote: their text, English elsewhere,
    // and the layout follows its direction.
    let arabic = Strings::new(&["ar-EG"], overrides);
    assert_eq!(arabic.text(Key::Pay), "ادفع");
    assert_eq!(arabic.text(Key::Close), "Close");
    assert_eq!((arabic.lang(), arabic.direction()), ("ar-eg", Direction::Rtl));
    assert_eq!(strings(&["ar"]).direction(), Direction::Ltr);
    assert_eq!(strings(&["fr"]).direction(), Direction::Ltr);
}
