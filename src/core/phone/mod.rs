//! Mobile-money phone numbers in the countries of our markets: what the
//! customer types (national or international, with spaces or dashes) made
//! into E.164, which is what every gateway expects, checked by length and
//! by the prefixes mobile numbers have there; and the operator a prefix
//! tells (`operators`).

pub mod operators;

use thiserror::Error;

/// A country the element takes wallet numbers from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso: &'static str,
    pub name: &'static str,
    /// The calling code, without `+`.
    pub dial_code: &'static str,
    /// Digits after the calling code (the national significant number).
    pub national_length: usize,
    /// What its mobile wallets hold (ISO 4217).
    pub currency: &'static str,
    /// How its mobile numbers start (national significant number),
    /// parted by spaces: one string, not a table of them, is fewer bytes
    /// for pages to download.
    prefixes: &'static str,
    /// A mobile number as people there write it, for the input's hint.
    pub example: &'static str,
}

const fn country(
    (iso, name, dial_code): (&'static str, &'static str, &'static str),
    national_length: usize,
    currency: &'static str,
    prefixes: &'static str,
    example: &'static str,
) -> Country {
    Country {
        iso,
        name,
        dial_code,
        national_length,
        currency,
        prefixes,
        example,
    }
}

impl Country {
    /// How its mobile numbers start (national significant number).
    pub fn mobile_prefixes(&self) -> impl Iterator<Item = &'static str> {
        self.prefixes.split(' ')
    }

    /// Its mobile prefixes for a sentence: `7, 1`.
    pub fn prefix_list(&self) -> String {
        self.prefixes.replace(' ', ", ")
    }
}

/// Our markets, in the order the country list shows them. Prefixes are the
/// regulators' mobile ranges; the English name is the fallback where the
/// browser cannot name the country in the customer's language.
pub const COUNTRIES: [Country; 10] = [
    country(("CD", "DR Congo", "243"), 9, "CDF", "8 9", "0812 345 678"),
    country(("KE", "Kenya", "254"), 9, "KES", "7 1", "0712 345 678"),
    country(("TZ", "Tanzania", "255"), 9, "TZS", "6 7", "0754 123 456"),
    country(("UG", "Uganda", "256"), 9, "UGX", "7", "0772 123 456"),
    country(("GH", "Ghana", "233"), 9, "GHS", "2 5", "024 123 4567"),
    country(("ZM", "Zambia", "260"), 9, "ZMW", "7 9", "0961 234 567"),
    country(("MW", "Malawi", "265"), 9, "MWK", "7 8 9", "0991 234 567"),
    country(("ZA", "South Africa", "27"), 9, "ZAR", "6 7 8", "071 234 5678"),
    country(("RW", "Rwanda", "250"), 9, "RWF", "7", "0781 234 567"),
    country(("NG", "Nigeria", "234"), 10, "NGN", "70 80 81 90 91", "0803 123 4567"),
];

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PhoneError {
    #[error("enter a phone number")]
    Empty,
    #[error("a phone number has only digits, spaces, dashes, dots and brackets")]
    NotDigits,
    #[error("{0} is not a country we take mobile money from")]
    UnknownCountry(String),
    #[error("a number in {} has {} digits after +{}", .country.name, .country.national_length, .country.dial_code)]
    WrongLength { country: Country },
    #[error("mobile numbers in {} start with {}", .country.name, .country.prefix_list())]
    NotMobile { country: Country },
}

/// The country with this ISO code.
pub fn country_by_iso(iso: &str) -> Option<Country> {
    COUNTRIES
        .into_iter()
        .find(|country| country.iso.eq_ignore_ascii_case(iso.trim()))
}

/// The country an E.164 number (or its digits) belongs to.
pub fn country_of(number: &str) -> Option<Country> {
    let digits = number.trim_start_matches('+');
    COUNTRIES
        .into_iter()
        .find(|country| digits.starts_with(country.dial_code))
}

/// E.164 from what the customer typed: `+243 99 885 7000`, `0998857000`
/// (national, trunk 0 for `country`), `00243…` or `243…` all give
/// `+243998857000`. An international number wins over `country`.
pub fn normalise(input: &str, country: Country) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let separators = |c: char| matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}');
    let (international, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let digits: String = rest.chars().filter(|&c| !separators(c)).collect();
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(PhoneError::NotDigits);
    }
    let (country, national) = if international || digits.starts_with("00") {
        let digits = digits.strip_prefix("00").unwrap_or(&digits);
        let found =
            country_of(digits).ok_or_else(|| PhoneError::UnknownCountry(format!("+{digits}")))?;
        (found, digits[found.dial_code.len()..].to_owned())
    } else if digits.len() == country.dial_code.len() + country.national_length
        && digits.starts_with(country.dial_code)
    {
        (country, digits[country.dial_code.len()..].to_owned())
    } else {
        (
            country,
            digits.strip_prefix('0').unwrap_or(&digits).to_owned(),
        )
    };
    if national.len() != country.national_length || national.starts_with('0') {
        return Err(PhoneError::WrongLength { country });
    }
    if !country
        .mobile_prefixes()
        .any(|prefix| national.starts_with(prefix))
    {
        return Err(PhoneError::NotMobile { country });
    }
    Ok(format!("+{}{national}", country.dial_code))
}

/// `+243 ••• •• 7000`: enough for the customer to recognise the number on a
/// receipt, not enough to reuse it.
/// Anything that is not a number of our markets (a gateway may send any
/// text here) is masked whole.
pub fn masked(e164: &str) -> String {
    let digits = e164.strip_prefix('+').unwrap_or(e164);
    let national = country_of(digits).and_then(|country| Some((country, digits.get(country.dial_code.len()..)?)));
    match national {
        Some((country, national)) if !national.is_empty() && national.bytes().all(|b| b.is_ascii_digit()) => {
            let shown = national.len().saturating_sub(4);
            format!("+{} ••• {}", country.dial_code, &national[shown..])
        }
        _ => "•••".into(),
    }
}

#[cfg(test)]
mod tests;
