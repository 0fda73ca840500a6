//! The invoice gateway's customer-facing steps: the merchant backend's
//! answers ([`wire`]) and the collection as a pure state machine
//! ([`flow`]) whose first rule is the guide's: store the `reference_id`
//! before executing, and after a lost answer ask its status before
//! anything is sent again.

pub mod flow;
pub mod wire;

/// sessionStorage key of the reference kept for one checkout session. The
/// reference is not secret: it only identifies the collection.
pub fn reference_key(checkout_session_id: &str) -> String {
    format!("pay-checkout:invoice:{checkout_session_id}")
}

/// Whether a stored value is a reference this element could have made (a
/// UUID v4); anything else was tampered with and is ignored.
pub fn is_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    let dashes = [8, 13, 18, 23];
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, byte)| {
            if dashes.contains(&i) {
                *byte == b'-'
            } else {
                byte.is_ascii_hexdigit() && !byte.is_ascii_uppercase()
            }
        })
        && bytes[14] == b'4'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::uuid_v4;

    #[test]
    fn only_uuid_v4_references_are_taken_from_storage() {
        assert!(is_reference(&uuid_v4([7; 16])));
        assert!(!is_reference("6f1c2a4e-8b3d-3c5a-9e7f-0a1b2c3d4e5f")); // v3
        assert!(!is_reference("6f1c2a4e-8b3d-4c5a-7e7f-0a1b2c3d4e5f")); // variant
        assert!(!is_reference("<script>alert(1)</script>"));
        assert!(!is_reference(""));
    }
}
