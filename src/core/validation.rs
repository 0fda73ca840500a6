//! Checks on what the customer types, before anything is sent.

use super::payment_body::CustomerField;

/// Why a value was refused; the form shows it beside the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: CustomerField,
    pub message: String,
}

/// Checks and normalises a value: phone numbers lose spaces and dashes,
/// everything is trimmed. The PIN is checked, never altered or echoed.
pub fn check(field: CustomerField, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    let refuse = |message: &str| FieldError {
        field,
        message: message.to_owned(),
    };
    if value.is_empty() {
        return Err(refuse("This field is required."));
    }
    match field {
        CustomerField::PhoneNumber => {
            let compact: String = value
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
                .collect();
            if is_e164(&compact) {
                Ok(compact)
            } else {
                Err(refuse(
                    "Enter the number in international form, like +243998857000.",
                ))
            }
        }
        CustomerField::WalletNumber => {
            let digits =
                (8..=20).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| value.to_owned())
                .ok_or_else(|| refuse("Enter the 8 to 20 digits of the wallet number."))
        }
        CustomerField::WalletPin => {
            let six_digits = value.len() == 6 && value.bytes().all(|b| b.is_ascii_digit());
            six_digits
                .then(|| value.to_owned())
                .ok_or_else(|| refuse("The PIN has 6 digits."))
        }
        CustomerField::Email => is_email(value)
            .then(|| value.to_owned())
            .ok_or_else(|| refuse("Enter an email address like name@example.com.")),
        CustomerField::FirstName | CustomerField::LastName => {
            if value.chars().count() > 100 {
                Err(refuse("Use at most 100 characters."))
            } else {
                Ok(value.to_owned())
            }
        }
    }
}

/// E.164: a plus, then 8 to 15 digits, the first not zero.
pub fn is_e164(phone: &str) -> bool {
    let Some(digits) = phone.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
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

    #[test]
    fn phone_numbers_are_normalised_to_e164() {
        assert_eq!(
            check(CustomerField::PhoneNumber, " +243 998-857 000 "),
            Ok("+243998857000".into())
        );
        for bad in [
            "0998857000",
            "+0243998857",
            "+24399",
            "+2439988570001234",
            "phone",
        ] {
            assert!(check(CustomerField::PhoneNumber, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pins_wallets_emails_and_names() {
        assert!(check(CustomerField::WalletPin, "048698").is_ok());
        for bad in ["4869", "0486981", "04869a"] {
            assert!(check(CustomerField::WalletPin, bad).is_err(), "{bad}");
        }
        assert!(check(CustomerField::WalletNumber, "3005710720108954").is_ok());
        assert!(check(CustomerField::WalletNumber, "3005-7107").is_err());
        assert!(check(CustomerField::Email, "john.doe@example.com").is_ok());
        for bad in [
            "john",
            "john@",
            "@example.com",
            "john@example",
            "jo hn@example.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert_eq!(
            check(CustomerField::FirstName, "  John "),
            Ok("John".into())
        );
        let error = check(CustomerField::LastName, "").unwrap_err();
        assert_eq!(
            (error.field, error.message.as_str()),
            (CustomerField::LastName, "This field is required.")
        );
    }
}
