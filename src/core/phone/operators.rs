//! Which mobile-money operator a number belongs to, by the prefix of its
//! national number: what the element shows as the customer types, and what
//! the sandbox's `mmo-provider-info` answers. Numbers move between
//! operators, so the answer is a recommendation the customer may override.

use super::{country_of, Country};

/// One mobile-money service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Provider {
    /// `gateway_provider` on the wire.
    pub gateway_provider: &'static str,
    pub provider_name: &'static str,
    country: &'static str,
    /// National prefixes, parted by spaces (as the countries' are).
    prefixes: &'static str,
}

const fn provider(
    country: &'static str,
    gateway_provider: &'static str,
    provider_name: &'static str,
    prefixes: &'static str,
) -> Provider {
    Provider {
        gateway_provider,
        provider_name,
        country,
        prefixes,
    }
}

/// Operators and their national prefixes, per country.
const PROVIDERS: &[Provider] = &[
    provider("CD", "VODACOM_MPESA_CD", "Vodacom M-Pesa", "81 82 83"),
    provider("CD", "AIRTEL_MONEY_CD", "Airtel Money", "97 98 99"),
    provider("CD", "ORANGE_MONEY_CD", "Orange Money", "80 84 85 89"),
    provider("CD", "AFRIMONEY_CD", "Afrimoney", "90"),
    provider("KE", "MPESA_KE", "M-Pesa", "70 71 72 74 79 11"),
    provider("KE", "AIRTEL_MONEY_KE", "Airtel Money", "73 75 78 10"),
    provider("TZ", "MPESA_TZ", "M-Pesa", "74 75 76"),
    provider("TZ", "AIRTEL_MONEY_TZ", "Airtel Money", "68 69 78"),
    provider("TZ", "MIXX_BY_YAS_TZ", "Mixx by Yas", "65 67 71 77"),
    provider("TZ", "HALOPESA_TZ", "HaloPesa", "61 62"),
    provider("UG", "MTN_MOMO_UG", "MTN MoMo", "76 77 78 79"),
    provider("UG", "AIRTEL_MONEY_UG", "Airtel Money", "70 74 75"),
    provider("GH", "MTN_MOMO_GH", "MTN MoMo", "24 25 53 54 55 59"),
    provider("GH", "TELECEL_CASH_GH", "Telecel Cash", "20 50"),
    provider("GH", "AT_MONEY_GH", "AT Money", "26 27 56 57"),
    provider("ZM", "MTN_MOMO_ZM", "MTN MoMo", "96 76"),
    provider("ZM", "AIRTEL_MONEY_ZM", "Airtel Money", "97 77"),
    provider("ZM", "ZAMTEL_KWACHA_ZM", "Zamtel Kwacha", "95 75"),
    provider("MW", "AIRTEL_MONEY_MW", "Airtel Money", "99 98"),
    provider("MW", "TNM_MPAMBA_MW", "TNM Mpamba", "88 89"),
    provider("ZA", "VODAPAY_ZA", "VodaPay", "72 76 79 82"),
    provider("ZA", "MTN_MOMO_ZA", "MTN MoMo", "73 78 83"),
    provider("RW", "MTN_MOMO_RW", "MTN MoMo", "78 79"),
    provider("RW", "AIRTEL_MONEY_RW", "Airtel Money", "72 73"),
    provider(
        "NG",
        "MTN_MOMO_NG",
        "MoMo PSB",
        "803 806 703 706 813 816 810 814 903 906",
    ),
    provider(
        "NG",
        "AIRTEL_SMARTCASH_NG",
        "SmartCash",
        "802 808 708 812 701 902 907 901",
    ),
];

/// What the gateway recommends for a number.
#[derive(Debug, PartialEq, Eq)]
pub struct Detection {
    pub country: Country,
    /// `None` when no prefix matches: the customer picks from `providers`.
    pub recommended: Option<Provider>,
    pub providers: Vec<Provider>,
}

/// The operator of an E.164 number, with the country's alternatives.
pub fn detect(e164: &str) -> Option<Detection> {
    let country = country_of(e164)?;
    let national = e164
        .trim_start_matches('+')
        .get(country.dial_code.len()..)?;
    let providers: Vec<Provider> = providers_in(country.iso).collect();
    let recommended = providers
        .iter()
        .filter_map(|p| {
            let longest = p
                .prefixes
                .split(' ')
                .filter(|pre| national.starts_with(pre))
                .map(|pre| pre.len())
                .max()?;
            Some((longest, *p))
        })
        .max_by_key(|(length, _)| *length)
        .map(|(_, provider)| provider);
    Some(Detection {
        country,
        recommended,
        providers,
    })
}

/// The providers of one country.
pub fn providers_in(iso: &'static str) -> impl Iterator<Item = Provider> {
    PROVIDERS.iter().copied().filter(move |p| p.country == iso)
}

/// A provider by its `gateway_provider` code.
pub fn find(gateway_provider: &str) -> Option<Provider> {
    PROVIDERS
        .iter()
        .copied()
        .find(|p| p.gateway_provider == gateway_provider)
}

/// Whether a provider serves numbers of the country `e164` is in.
pub fn serves(provider: Provider, e164: &str) -> bool {
    country_of(e164).is_some_and(|country| country.iso == provider.country)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recommended(e164: &str) -> Option<&'static str> {
        detect(e164)?.recommended.map(|p| p.gateway_provider)
    }

    #[test]
    fn every_listed_country_detects_its_operators_by_prefix() {
        let table = [
            ("+243998857000", "AIRTEL_MONEY_CD"),
            ("+243812345678", "VODACOM_MPESA_CD"),
            ("+243841234567", "ORANGE_MONEY_CD"),
            ("+243901234567", "AFRIMONEY_CD"),
            ("+254712345678", "MPESA_KE"),
            ("+254733123456", "AIRTEL_MONEY_KE"),
            ("+255754123456", "MPESA_TZ"),
            ("+255684123456", "AIRTEL_MONEY_TZ"),
            ("+255714123456", "MIXX_BY_YAS_TZ"),
            ("+255621234567", "HALOPESA_TZ"),
            ("+256772123456", "MTN_MOMO_UG"),
            ("+256701234567", "AIRTEL_MONEY_UG"),
            ("+233241234567", "MTN_MOMO_GH"),
            ("+233201234567", "TELECEL_CASH_GH"),
            ("+233261234567", "AT_MONEY_GH"),
            ("+260961234567", "MTN_MOMO_ZM"),
            ("+260971234567", "AIRTEL_MONEY_ZM"),
            ("+260951234567", "ZAMTEL_KWACHA_ZM"),
            ("+265991234567", "AIRTEL_MONEY_MW"),
            ("+265881234567", "TNM_MPAMBA_MW"),
            ("+27821234567", "VODAPAY_ZA"),
            ("+27831234567", "MTN_MOMO_ZA"),
            ("+250781234567", "MTN_MOMO_RW"),
            ("+250721234567", "AIRTEL_MONEY_RW"),
            ("+2348031234567", "MTN_MOMO_NG"),
            ("+2348021234567", "AIRTEL_SMARTCASH_NG"),
        ];
        for (number, provider) in table {
            assert_eq!(recommended(number), Some(provider), "{number}");
        }
        let countries: std::collections::HashSet<_> = table
            .iter()
            .map(|(number, _)| country_of(number).unwrap().iso)
            .collect();
        assert_eq!(countries.len(), super::super::COUNTRIES.len());
    }

    #[test]
    fn every_operator_prefix_is_digits() {
        // An empty one (a doubled space) would match every number.
        for provider in PROVIDERS {
            let mut prefixes = provider.prefixes.split(' ');
            assert!(
                prefixes.all(|prefix| !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit())),
                "{}",
                provider.gateway_provider
            );
        }
    }

    #[test]
    fn an_unknown_prefix_still_lists_the_country_s_operators() {
        let detection = detect("+243111234567").unwrap();
        assert_eq!(detection.recommended, None);
        assert_eq!(detection.providers.len(), 4);
        assert!(detect("+12025550100").is_none());
    }

    #[test]
    fn providers_serve_their_own_country_only() {
        let mpesa = find("MPESA_KE").unwrap();
        assert!(serves(mpesa, "+254712345678"));
        assert!(!serves(mpesa, "+255754123456"));
    }
}
