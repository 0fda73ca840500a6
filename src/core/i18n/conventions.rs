//! How the element's own languages write amounts and name our markets'
//! countries, in the regions it knows: what `Intl` would say there, without
//! asking it. The first `Intl` object a page makes loads the browser's
//! locale data, 20 ms and more of main thread on a phone, and the first
//! render needs an amount (the Pay button) and country names (the phone
//! field). For these locales it needs neither.
//!
//! Only a tag of one of our languages with no region or a listed one is
//! known (`fr`, `fr-cd`); any other (`fr-ca`, `en-in`, `sr-latn`) is left to
//! `Intl`. `tests/locale_element.rs` compares every known tag with the
//! browser's own answer for every currency, in Chromium.

use crate::core::money::Money;

/// Where the currency symbol goes and what parts it from the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    /// `$12.50`, `CDF 12.50`: a no-break space only after a symbol that
    /// ends in a letter (CLDR's currency spacing).
    Before,
    /// `US$ 12,50`: always a no-break space.
    BeforeSpaced,
    /// `12,50 $US`.
    After,
}

/// One locale's conventions for amounts and country names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conventions {
    decimal: char,
    group: char,
    /// Digits the whole part needs before groups are parted: 4 in most
    /// locales (`1,234`), 5 in Portugal's (`1234`, but `12 345`).
    grouping_from: usize,
    placement: Placement,
    /// `CODE symbol` pairs parted by spaces: the region's, then the
    /// language's, looked up before [`COMMON_SYMBOLS`].
    symbols: [&'static str; 2],
    /// Our markets' countries (in `phone::COUNTRIES`' order) parted by
    /// `|`; empty where `COUNTRIES`' own English names are right.
    country_names: &'static str,
}

const NBSP: char = '\u{a0}';
const NARROW_NBSP: char = '\u{202f}';

/// Symbols all our languages share; a code found nowhere is written as
/// it is (`CDF 12.50`).
const COMMON_SYMBOLS: &str = "EUR € GBP £ XAF FCFA XOF F\u{202f}CFA USD US$ JPY JP¥";

/// Our markets: each of our languages is known in every one of them.
const MARKETS: &str = "cd ke tz ug gh zm mw za rw ng";

const fn language(
    decimal: char,
    group: char,
    placement: Placement,
    symbols: &'static str,
    country_names: &'static str,
) -> Conventions {
    Conventions { decimal, group, grouping_from: 4, placement, symbols: ["", symbols], country_names }
}

/// Each language: its code, its conventions, and the regions besides our
/// markets it is known in, the bare tag (the empty region) among them.
const LANGUAGES: [(&str, Conventions, &str); 4] = [
    ("en", language('.', ',', Placement::Before, "USD $ JPY ¥", ""), " us gb"),
    (
        "fr",
        language(',', NARROW_NBSP, Placement::After, "USD $US GBP £GB JPY JPY",
            "Congo-Kinshasa|Kenya|Tanzanie|Ouganda|Ghana|Zambie|Malawi|Afrique du Sud|Rwanda|Nigeria"),
        " fr be",
    ),
    (
        "sw",
        language('.', ',', Placement::BeforeSpaced, "KES Ksh TZS TSh",
            "Kongo - Kinshasa|Kenya|Tanzania|Uganda|Ghana|Zambia|Malawi|Afrika Kusini|Rwanda|Nigeria"),
        "",
    ),
    (
        "pt",
        language(',', '.', Placement::BeforeSpaced, "",
            "Congo - Kinshasa|Quênia|Tanzânia|Uganda|Gana|Zâmbia|Malaui|África do Sul|Ruanda|Nigéria"),
        " br pt mz ao",
    ),
];

/// The local currency's symbol where a region has one of its own.
const REGIONAL_SYMBOLS: [(&str, &str); 11] = [
    ("en-ke", "KES Ksh"),
    ("en-tz", "TZS TSh"),
    ("en-ug sw-ug", "UGX USh"),
    ("en-gh", "GHS GH₵"),
    ("en-zm", "ZMW K"),
    ("en-mw", "MWK MK"),
    ("en-za", "ZAR R"),
    ("en-rw fr-rw", "RWF RF"),
    ("en-ng", "NGN ₦"),
    ("fr-cd sw-cd", "CDF FC"),
    ("sw-ke", "USD $"),
];

/// English as written outside the United States (CLDR's `en-001`): the
/// common `US$` and `JP¥`, not `$` and `¥`.
const WORLD_ENGLISH: &str = "en-gb en-ke en-tz en-ug en-gh en-zm en-mw en-za en-rw en-ng";

/// Portuguese as written in Portugal, Mozambique and Angola.
const EUROPEAN_PORTUGUESE: &str = "pt-pt pt-mz pt-ao";

fn listed(tags: &str, tag: &str) -> bool {
    tags.split(' ').any(|listed| listed == tag)
}

/// The conventions of `tag` (lower case, as `Strings::number_locale`
/// gives it), when it is a locale this element knows.
pub fn conventions(tag: &str) -> Option<Conventions> {
    let (code, region) = tag.split_once('-').unwrap_or((tag, ""));
    let (_, mut conventions, home) = LANGUAGES.into_iter().find(|(known, ..)| *known == code)?;
    if !(region.is_empty() || listed(MARKETS, region) || listed(home, region)) {
        return None;
    }
    if listed(WORLD_ENGLISH, tag) {
        conventions.symbols[1] = "";
    }
    if let Some((_, symbols)) = REGIONAL_SYMBOLS.into_iter().find(|(tags, _)| listed(tags, tag)) {
        conventions.symbols[0] = symbols;
    }
    match tag {
        "en-za" => (conventions.decimal, conventions.group) = (',', NBSP),
        "sw-cd" => {
            (conventions.decimal, conventions.group) = (',', '.');
            conventions.country_names =
                "Kongo - Kinshasa|Kenya|Tanzania|Uganda|Ghana|Zambia|Malawi|Afrika Kusini|Rwanda|Nijeria";
        }
        _ if listed(EUROPEAN_PORTUGUESE, tag) => {
            conventions.group = NBSP;
            conventions.placement = Placement::After;
            conventions.grouping_from = if tag == "pt-ao" { 4 } else { 5 };
            conventions.country_names =
                "Congo-Kinshasa|Quénia|Tanzânia|Uganda|Gana|Zâmbia|Maláui|África do Sul|Ruanda|Nigéria";
        }
        _ => {}
    }
    Some(conventions)
}

/// Every tag [`conventions`] knows, for the tests that hold each one to
/// the browser's answer.
pub fn known_tags() -> Vec<String> {
    LANGUAGES
        .iter()
        .flat_map(|(code, _, home)| {
            let regions = MARKETS.split(' ').chain(home.split(' '));
            regions.map(move |region| if region.is_empty() { (*code).to_owned() } else { format!("{code}-{region}") })
        })
        .collect()
}

impl Conventions {
    /// `amount` as this locale writes it, with its currency's symbol.
    pub fn money(self, amount: Money) -> String {
        let decimal = amount.to_decimal_string();
        let (whole, fraction) = decimal.split_once('.').unwrap_or((&decimal, ""));
        let mut number = String::new();
        for (index, digit) in whole.chars().enumerate() {
            let left = whole.len() - index;
            if index > 0 && left % 3 == 0 && whole.len() >= self.grouping_from {
                number.push(self.group);
            }
            number.push(digit);
        }
        if !fraction.is_empty() {
            number.push(self.decimal);
            number.push_str(fraction);
        }
        let symbol = self.symbol(amount.currency().code());
        let spaced = match self.placement {
            Placement::Before => symbol.ends_with(|last: char| last.is_ascii_alphabetic()),
            Placement::BeforeSpaced | Placement::After => true,
        };
        let space = if spaced { "\u{a0}" } else { "" };
        let (first, second) = if self.placement == Placement::After { (number.as_str(), symbol) } else { (symbol, number.as_str()) };
        first.to_owned() + space + second
    }

    /// The currency's symbol: the region's, the language's, the common
    /// one, else its code.
    fn symbol(self, code: &'static str) -> &'static str {
        for pairs in [self.symbols[0], self.symbols[1], COMMON_SYMBOLS] {
            let mut words = pairs.split(' ');
            while let (Some(known), Some(symbol)) = (words.next(), words.next()) {
                if known == code {
                    return symbol;
                }
            }
        }
        code
    }

    /// Our markets' countries by ISO code in this locale's words; empty
    /// for English, whose names are `phone::COUNTRIES`' own.
    pub fn country_names(self) -> Vec<(&'static str, String)> {
        if self.country_names.is_empty() {
            return Vec::new();
        }
        crate::core::phone::COUNTRIES
            .iter()
            .zip(self.country_names.split('|'))
            .map(|(country, name)| (country.iso, name.to_owned()))
            .collect()
    }
}

#[cfg(test)]
#[path = "conventions_tests.rs"]
mod tests;
