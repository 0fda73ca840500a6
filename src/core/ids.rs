//! Idempotency keys and the device fingerprint, from inputs the edge gathers
//! (random bytes, browser attributes), so the formats are tested here.

use sha2::{Digest, Sha256};

/// A UUID v4 string from 16 random bytes (version and variant bits set).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// `X-Device-Fingerprint`: SHA-256, lowercase hex, of stable browser
/// attributes joined as `name=value` lines in a fixed order.
pub fn device_fingerprint(attributes: &[(&str, String)]) -> String {
    let mut hasher = Sha256::new();
    for (name, value) in attributes {
        hasher.update(name.as_bytes());
        hasher.update(b"=");
        hasher.update(value.as_bytes());
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_v4_has_its_version_and_variant() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn fingerprint_is_sha256_hex_of_the_attributes() {
        // SHA-256 of "a=1\n", computed independently with sha256sum.
        assert_eq!(
            device_fingerprint(&[("a", "1".into())]),
            "fe3209d6d4f51935b391288a43df48d9ddece1a992597ae53387ca16611a9179"
        );
    }
}
