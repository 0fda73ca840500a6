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
        Err(PhoneError::WrongLength { country }) if country.national_length == 9
    ));
    assert!(matches!(
        normalise("+2430998857000", cd()),
        Err(PhoneError::WrongLength { .. })
    ));
}

#[test]
fn every_mobile_prefix_is_digits() {
    // An empty one (a doubled space) would take any number as mobile.
    for country in COUNTRIES {
        assert!(country.mobile_prefixes().all(|prefix| !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit())), "{}", country.iso);
    }
    assert_eq!(COUNTRIES[9].prefix_list(), "70, 80, 81, 90, 91");
}

#[test]
fn every_country_round_trips_a_national_mobile_number() {
    for country in COUNTRIES {
        let prefix = country.mobile_prefixes().next().unwrap();
        let national = format!("{prefix}{}", "7".repeat(country.national_length - prefix.len()));
        let expected = format!("+{}{national}", country.dial_code);
        assert_eq!(normalise(&format!("0{national}"), country), Ok(expected.clone()));
        assert_eq!(country_of(&expected), Some(country));
    }
}

/// Each market's example as people write it, in every way they paste it.
#[test]
fn each_countrys_numbers_normalise_to_e164() {
    let table = [
        ("CD", "0812 345 678", "+243812345678"),
        ("KE", "0712 345 678", "+254712345678"),
        ("KE", "0110 123 456", "+254110123456"),
        ("TZ", "0754 123 456", "+255754123456"),
        ("UG", "0772 123 456", "+256772123456"),
        ("GH", "024 123 4567", "+233241234567"),
        ("ZM", "0961 234 567", "+260961234567"),
        ("MW", "0991 234 567", "+265991234567"),
        ("ZA", "071 234 5678", "+27712345678"),
        ("RW", "0781 234 567", "+250781234567"),
        ("NG", "0803 123 4567", "+2348031234567"),
    ];
    for (iso, typed, e164) in table {
        let country = country_by_iso(iso).unwrap();
        let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        let dashed = typed.replace(' ', "-");
        let international = format!("+{} {}", country.dial_code, &digits[1..]);
        let double_zero = format!("00{}{}", country.dial_code, &digits[1..]);
        for form in [typed, &digits, &dashed, &international, &double_zero, &digits[1..]] {
            assert_eq!(normalise(form, country), Ok(e164.to_owned()), "{iso} {form}");
        }
    }
    // The example shown beside the input is a number the input takes.
    for country in COUNTRIES {
        assert!(normalise(country.example, country).is_ok(), "{}", country.iso);
    }
}

/// Landlines and other non-mobile ranges are refused, saying how mobile
/// numbers start there.
#[test]
fn numbers_outside_the_mobile_ranges_are_refused() {
    for (iso, typed) in [
        ("CD", "0123 456 789"),
        ("KE", "020 1234 567"),
        ("TZ", "022 212 3456"),
        ("UG", "0414 123 456"),
        ("GH", "030 212 3456"),
        ("ZM", "0211 234 567"),
        ("MW", "0111 234 567"),
        ("ZA", "021 123 4567"),
        ("RW", "0252 123 456"),
        ("NG", "0201 234 5678"),
    ] {
        let country = country_by_iso(iso).unwrap();
        assert_eq!(normalise(typed, country), Err(PhoneError::NotMobile { country }), "{iso} {typed}");
    }
    let error = normalise("0123456789", cd()).unwrap_err();
    assert_eq!(error.to_string(), "mobile numbers in DR Congo start with 8, 9");
}

#[test]
fn masking_keeps_the_code_and_the_last_four() {
    assert_eq!(masked("+243998857000"), "+243 ••• 7000");
    assert_eq!(masked("+1999"), "•••");
    // Found by cargo fuzz: a bare calling code, or text that is not digits,
    // once sliced past the end or through a character.
    for odd in ["27", "+27", "243", "+27é1234", "+2439988€7000"] {
        assert_eq!(masked(odd), "•••", "{odd}");
    }
}
