//! Checks on what the customer types, before anything is sent. A refusal
//! is a [`Notice`]: the view says it in the customer's language.

use super::i18n::{Key, Notice};
use super::payment_body::CustomerField;
use super::phone::{normalise, Country, PhoneError};

/// Why a value was refused; the form shows it beside the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: CustomerField,
    pub notice: Notice,
}

/// Checks and normalises a value: phone numbers become E.164 (typed in the
/// national form of `country`, or international), everything is trimmed.
/// The PIN is checked, never altered or echoed.
pub fn check(field: CustomerField, value: &str, country: Country) -> Result<String, FieldError> {
    let value = value.trim();
    let refuse = |notice: Notice| FieldError { field, notice };
    if value.is_empty() {
        return Err(refuse(Key::Required.into()));
    }
    match field {
        CustomerField::PhoneNumber => normalise(value, country).map_err(|error| refuse(phone_notice(&error))),
        CustomerField::WalletNumber => {
            let digits = (8..=20).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| value.to_owned())
                .ok_or_else(|| refuse(Key::WalletNumberInvalid.into()))
        }
        CustomerField::WalletPin => {
            let six_digits = value.len() == 6 && value.bytes().all(|b| b.is_ascii_digit());
            six_digits
                .then(|| value.to_owned())
                .ok_or_else(|| refuse(Key::PinInvalid.into()))
        }
        CustomerField::Email => is_email(value)
            .then(|| value.to_owned())
            .ok_or_else(|| refuse(Key::EmailInvalid.into())),
        CustomerField::FirstName | CustomerField::LastName => {
            if value.chars().count() > MAX_NAME {
                Err(refuse(Notice::counted(Key::TooLong, MAX_NAME as u64, Vec::new())))
            } else {
                Ok(value.to_owned())
            }
        }
    }
}

const MAX_NAME: usize = 100;

/// What to tell the customer about a number the phone rules refused.
pub fn phone_notice(error: &PhoneError) -> Notice {
    match error {
        PhoneError::Empty => Key::PhoneEmpty.into(),
        PhoneError::NotDigits => Key::PhoneNotDigits.into(),
        PhoneError::UnknownCountry(number) => Notice::with(Key::PhoneUnknownCountry, vec![("number", number.clone())]),
        PhoneError::WrongLength { country } => Notice::counted(
            Key::PhoneWrongLength,
            country.national_length as u64,
            vec![("code", country.dial_code.to_owned())],
        )
        .and_country("country", country.iso),
        PhoneError::NotMobile { country } => {
            Notice::with(Key::PhoneNotMobile, vec![("prefixes", country.prefix_list())])
                .and_country("country", country.iso)
        }
    }
}

/// E.164: a plus, then 8 to 15 digits, the first not zero.
pub fn is_e164(phone: &str) -> bool {
    let Some(digits) = phone.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// Enough of an address to deliver to: one @, a dot in the domain, no spaces.
pub fn is_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Strings;
    use crate::core::phone::country_by_iso;

    fn cd() -> Country {
        country_by_iso("CD").unwrap()
    }

    #[test]
    fn phone_numbers_are_normalised_to_e164() {
        let check_cd = |value| check(CustomerField::PhoneNumber, value, cd());
        assert_eq!(check_cd(" +243 998-857 000 "), Ok("+243998857000".into()));
        assert_eq!(check_cd("0998857000"), Ok("+243998857000".into()));
        let kenya = country_by_iso("KE").unwrap();
        assert_eq!(check(CustomerField::PhoneNumber, "0712 345 678", kenya), Ok("+254712345678".into()));
        for bad in ["+0243998857", "+24399", "+2439988570001234", "phone", "0123456789"] {
            assert!(check_cd(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phone_refusals_say_what_is_wrong_in_the_customers_words() {
        let english = Strings::default();
        let said = |value| english.render(&check(CustomerField::PhoneNumber, value, cd()).unwrap_err().notice);
        assert_eq!(said("099885"), "A number in DR Congo has 9 digits after +243.");
        assert_eq!(said("0123456789"), "This is not a mobile number in DR Congo: they start with 8, 9.");
        assert_eq!(said("+1 202 555 0100"), "+12025550100 is not a country we take mobile money from.");
        assert_eq!(said("0998-ABC"), "A phone number has only digits, spaces, dashes, dots and brackets.");
    }

    #[test]
    fn pins_wallets_emails_and_names() {
        let ok = |field, value| check(field, value, cd()).is_ok();
        assert!(ok(CustomerField::WalletPin, "048698"));
        for bad in ["4869", "0486981", "04869a"] {
            assert!(!ok(CustomerField::WalletPin, bad), "{bad}");
        }
        assert!(ok(CustomerField::WalletNumber, "3005710720108954"));
        assert!(!ok(CustomerField::WalletNumber, "3005-7107"));
        assert!(ok(CustomerField::Email, "john.doe@example.com"));
        for bad in ["john", "john@", "@example.com", "john@example", "jo hn@example.com"] {
            assert!(!is_email(bad), "{bad}");
        }
        assert_eq!(check(CustomerField::FirstName, "  John ", cd()), Ok("John".into()));
        let error = check(CustomerField::LastName, "", cd()).unwrap_err();
        assert_eq!((error.field, error.notice), (CustomerField::LastName, Key::Required.into()));
        let long = check(CustomerField::FirstName, &"a".repeat(101), cd()).unwrap_err();
        assert_eq!(Strings::default().render(&long.notice), "Use at most 100 characters.");
    }
}
