//! The shared vectors, computed by the gateway's own PHP function.

use super::*;
use crate::core::json::parse;
use crate::json;

const VECTORS: &str = include_str!("../../tests/fixtures/universal/signature_vectors.json");

#[test]
fn every_shared_vector_matches() {
    let vectors = parse(VECTORS).unwrap();
    let vectors = vectors.as_array().unwrap();
    assert_eq!(vectors.len(), 6);
    for vector in vectors {
        let text = |key: &str| vector[key].as_str().unwrap();
        assert_eq!(sign(&vector["request"], text("secret")).unwrap(), text("signature"), "{}", text("name"));
    }
}

#[test]
fn verify_accepts_the_right_signature_only() {
    let mut request = json!({ "merchant_id": "m1", "order_id": "o-1" });
    let signature = sign(&request, "k").unwrap();
    let fields = request.as_object_mut().unwrap();
    fields.insert("signature", signature.to_uppercase());
    assert!(verify(&request, "k"));
    assert!(!verify(&request, "other"));
    request.as_object_mut().unwrap().insert("order_id", "o-2");
    assert!(!verify(&request, "k"));
    assert!(
        !verify(&json!({ "merchant_id": "m1" }), "k"),
        "no signature at all"
    );
}

#[test]
fn order_matters_and_is_kept() {
    let ab = parse(r#"{"a":"1","b":"2"}"#).unwrap();
    let ba = parse(r#"{"b":"2","a":"1"}"#).unwrap();
    assert_ne!(sign(&ab, "k").unwrap(), sign(&ba, "k").unwrap());
}

#[test]
fn nesting_deeper_than_sixteen_levels_is_refused() {
    let nested = |levels: usize| {
        let mut value = json!("leaf");
        for _ in 0..levels {
            value = json!({ "x": value });
        }
        value
    };
    assert!(
        sign(&nested(16), "k").is_ok(),
        "sixteen levels, as PHP allows"
    );
    assert_eq!(sign(&nested(17), "k"), Err(SignatureError::TooDeep));
    assert_eq!(
        sign(&json!(["not", "an", "object"]), "k"),
        Err(SignatureError::NotAnObject)
    );
}

#[test]
fn scalars_are_written_as_php_writes_them() {
    let text = |value: Value| php_string(&value);
    assert_eq!(text(json!(true)), "1");
    assert_eq!(text(json!(false)), "");
    assert_eq!(text(json!(null)), "");
    assert_eq!(text(json!(1000)), "1000");
    assert_eq!(text(json!(-7)), "-7");
    assert_eq!(text(json!(12.5)), "12.5");
    assert_eq!(text(json!(100.0)), "100");
    assert_eq!(text(json!(0.1)), "0.1");
    assert_eq!(text(json!(0.1 + 0.2)), "0.3");
    assert_eq!(text(json!(1.0e25)), "1.0E+25");
    assert_eq!(text(json!(1.5e-7)), "1.5E-7");
}
