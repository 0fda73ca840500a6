//! Mobile-money phone numbers in the countries of our markets: what the
//! customer types (national or international, with spaces or dashes) made
//! into E.164, which is what every gateway expects.

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
}

const fn country(
    iso: &'static str,
    name: &'static str,
    dial_code: &'static str,
    national_length: usize,
    currency: &'static str,
) -> Country {
    Country {
        iso,
        name,
        dial_code,
        national_length,
        currency,
    }
}

/// Our markets, in the order the country list shows them.
pub const COUNTRIES: [Country; 10] = [
    country("CD", "DR Congo", "243", 9, "CDF"),
    country("KE", "Kenya", "254", 9, "KES"),
    country("TZ", "Tanzania", "255", 9, "TZS"),
    country("UG", "Uganda", "256", 9, "UGX"),
    country("GH", "Ghana", "233", 9, "GHS"),
    country("ZM", "Zambia", "260", 9, "ZMW"),
    country("MW", "Malawi", "265", 9, "MWK"),
    country("ZA", "South Africa", "27", 9, "ZAR"),
    country("RW", "Rwanda", "250", 9, "RWF"),
    country("NG", "Nigeria", "234", 10, "NGN"),
];

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PhoneError {
    #[error("enter a phone number")]
    Empty,
    #[error("a phone number has only digits, spaces, dashes, dots and brackets")]
    NotDigits,
    #[error("{0} is not a country we take mobile money from")]
    UnknownCountry(String),
    #[error("a number in {country} has {expected} digits after +{dial_code}")]
    WrongLength {
        country: &'static str,
        dial_code: &'static str,
        expected: usize,
    },
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
        return Err(PhoneError::WrongLength {
            country: country.name,
            dial_code: country.dial_code,
            expected: country.national_length,
        });
    }
    Ok(format!("+{}{national}", country.dial_code))
}

/// `+243 ••• •• 7000`: enough for the customer to recognise the number on a
/// receipt, not enough to reuse it.
pub fn masked(e164: &str) -> String {
    let Some(country) = country_of(e164) else {
        return "•••".into();
    };
    let national = &e164[1 + country.dial_code.len()..];
    let shown = national.len().saturating_sub(4);
    format!("+{} ••• {}", country.dial_code, &national[shown..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cd() -> Country {
        country_by_iso("cd").unwrap()
    }

    #[test]
    fn every_way_of_typing_the_seed_wallet_gives_one_number() {
        for typed in [
            "+243998857000",
            "+243 99 885 7000",
            "0998857000",
            "099-885-7000",
            "00243998857000",
            "243998857000",
            "998857000",
            " (099) 885.7000 ",
        ] {
            assert_eq!(
                normalise(typed, cd()),
                Ok("+243998857000".into()),
                "{typed}"
            );
        }
    }

    #[test]
    fn an_international_number_wins_over_the_selected_country() {
        assert_eq!(
            normalise("+254 712 345 678", cd()),
            Ok("+254712345678".into())
        );
        assert_eq!(
            normalise("+2348031234567", cd()),
            Ok("+2348031234567".into())
        );
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        assert_eq!(normalise("  ", cd()), Err(PhoneError::Empty));
        assert_eq!(normalise("09988x7000", cd()), Err(PhoneError::NotDigits));
        assert!(matches!(
            normalise("+1 202 555 0100", cd()),
            Err(PhoneError::UnknownCountry(_))
        ));
        assert!(matches!(
            normalise("09988570", cd()),
            Err(PhoneError::WrongLength { expected: 9, .. })
        ));
        assert!(matches!(
            normalise("+2430998857000", cd()),
            Err(PhoneError::WrongLength { .. })
        ));
    }

    #[test]
    fn every_country_round_trips_a_national_number() {
        for country in COUNTRIES {
            let national = "7".repeat(country.national_length);
            let expected = format!("+{}{national}", country.dial_code);
            assert_eq!(
                normalise(&format!("0{national}"), country),
                Ok(expected.clone())
            );
            assert_eq!(country_of(&expected), Some(country));
        }
    }

    #[test]
    fn masking_keeps_the_code_and_the_last_four() {
        assert_eq!(masked("+243998857000"), "+243 ••• 7000");
        assert_eq!(masked("+1999"), "•••");
    }
}
