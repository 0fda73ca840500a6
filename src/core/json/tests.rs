use super::*;
use crate::json;

fn syntax(text: &str) -> (&'static str, usize) {
    match parse(text) {
        Err(JsonError::Syntax { reason, at }) => (reason, at),
        other => panic!("{text:?} read as {other:?}"),
    }
}

#[test]
fn every_kind_of_value_reads_and_writes_back_compactly() {
    let text = r#" { "a" : [ 1 , -0.5e+3, 2E-2, 0 ] , "b":{"c":null,"d":true,"e":false}, "f":"x\"y" } "#;
    let value = parse(text).unwrap();
    assert_eq!(value.to_string(), r#"{"a":[1,-0.5e+3,2E-2,0],"b":{"c":null,"d":true,"e":false},"f":"x\"y"}"#);
    assert_eq!(value["a"][0].as_u64(), Some(1));
    assert_eq!(value["a"][1].as_u64(), None, "a fraction is no whole number");
    assert_eq!(value["b"]["d"].as_bool(), Some(true));
    assert!(value["b"]["c"].is_null() && value["missing"]["deeper"].is_null());
    assert_eq!(value["f"], "x\"y");
    assert_eq!(parse("[]").unwrap(), json!([]));
    assert_eq!(parse("{}").unwrap(), json!({}));
}

#[test]
fn numbers_keep_their_text_and_read_exactly() {
    let big = parse("[18446744073709551615, -9223372036854775808, 12345678901234567890123]").unwrap();
    assert_eq!(big[0].as_u64(), Some(u64::MAX));
    assert_eq!(big[1].as_i64(), Some(i64::MIN));
    assert_eq!(big[2].as_u64(), None);
    assert_eq!(big.to_string(), "[18446744073709551615,-9223372036854775808,12345678901234567890123]");
    assert_eq!(json!(u64::MAX), big[0]);
    assert_eq!(json!(12.5).to_string(), "12.5");
    assert_eq!(json!(f64::NAN), Value::Null, "as JSON.stringify writes it");
    for bad in ["01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity"] {
        assert!(parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn strings_unescape_and_escape_as_json_has_it() {
    let value = parse(r#""a\\b\/c\n\t\r\b\f\u00e9\u20ac\ud83d\ude00 é""#).unwrap();
    assert_eq!(value, "a\\b/c\n\t\r\u{8}\u{c}é€😀 é");
    assert_eq!(value.to_string(), "\"a\\\\b/c\\n\\t\\r\\b\\fé€😀 é\"");
    assert_eq!(json!("\u{0}\u{1f}<").to_string(), r#""\u0000\u001f<""#);
    // What JSON.stringify writes for a string with a broken surrogate.
    assert_eq!(parse(r#""\ud800x\udc00\ud800\u0041""#).unwrap(), "\u{fffd}x\u{fffd}\u{fffd}A");
    assert_eq!(syntax("\"tab\there\""), ("a control character inside a string", 4));
    assert_eq!(syntax(r#""\q""#).0, "an unknown escape in a string");
    assert_eq!(syntax(r#""\u12g4""#).0, "expected four hex digits after \\u");
    assert_eq!(syntax(r#""open"#).0, "the text ends inside a string");
}

#[test]
fn what_is_not_json_is_refused_with_where() {
    assert_eq!(syntax(""), ("the text ends where a value should be", 0));
    assert_eq!(syntax("<html>"), ("expected a value", 0));
    assert_eq!(syntax("nul"), ("expected a value", 0));
    assert_eq!(syntax("{} {}"), ("trailing characters after the value", 3));
    assert_eq!(syntax("[1 2]"), ("expected , or ] in an array", 3));
    assert_eq!(syntax("[1,]"), ("expected a value", 3));
    assert_eq!(syntax(r#"{"a" 1}"#), ("expected : after a key", 5));
    assert_eq!(syntax(r#"{"a":1,}"#), ("expected a key in quotes", 7));
    assert_eq!(syntax(r#"{"a":1 "b":2}"#), ("expected , or } in an object", 7));
    assert_eq!(syntax("{a:1}"), ("expected a key in quotes", 1));
    assert_eq!(JsonError::Syntax { reason: "expected a value", at: 9 }.to_string(), "expected a value");
}

#[test]
fn nesting_is_read_to_a_depth_and_refused_beyond_it() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(128)).is_ok());
    assert_eq!(syntax(&nested(129)), ("nested too deep", 128));
    assert!(parse(&"[".repeat(100_000)).is_err(), "no stack overflow");
}

#[test]
fn objects_keep_their_order_and_the_last_of_a_repeated_key() {
    let value = parse(r#"{"z":1,"a":2,"m":3,"a":4}"#).unwrap();
    assert_eq!(value["a"].as_u64(), Some(4), "as JSON.parse");
    let mut fields = Map::new();
    fields.insert("z", 1);
    fields.insert("a", 2);
    fields.insert("z", 3);
    assert_eq!(fields.keys().collect::<Vec<_>>(), ["z", "a"], "replaced in its place");
    assert_eq!(Value::Object(fields).to_string(), r#"{"z":3,"a":2}"#);
    assert_eq!(json!({ "a": 1, "b": 2 }), json!({ "b": 2, "a": 1 }), "equal whatever the order");
    assert_ne!(json!({ "a": 1 }), json!({ "a": 1, "b": 2 }));
}

#[test]
fn the_macro_builds_what_it_reads_like() {
    let email: Option<&str> = None;
    let amount = 5000u64;
    let body = json!({
        "order_id": format!("o-{}", 1),
        "amount": amount,
        "email": email,
        "negative": -1,
        "nested": { "list": [1, "two", null, [true], {}], "empty": [] },
        "expression": if amount > 10 { "big" } else { "small" },
    });
    assert_eq!(
        body.to_string(),
        r#"{"order_id":"o-1","amount":5000,"email":null,"negative":-1,"nested":{"list":[1,"two",null,[true],{}],"empty":[]},"expression":"big"}"#
    );
    assert_eq!(json!([1, 2,]), parse("[1,2]").unwrap());
    assert_eq!(json!(null), Value::Null);
}

#[test]
fn refusals_are_worded_as_serde_words_them() {
    let word = |text: &str| {
        let found = parse(text).unwrap();
        Refusal { what: "body", found: &found, expected: "a string" }.to_error().to_string()
    };
    assert_eq!(word("48698"), "invalid type: integer `48698`, expected a string");
    assert_eq!(word("-1"), "invalid type: integer `-1`, expected a string");
    assert_eq!(word("12.5"), "invalid type: floating point `12.5`, expected a string");
    assert_eq!(word("true"), "invalid type: boolean `true`, expected a string");
    assert_eq!(word("null"), "invalid type: null, expected a string");
    assert_eq!(word(r#""a\"b""#), r#"invalid type: string "a\"b", expected a string"#);
    assert_eq!(word("[]"), "invalid type: sequence, expected a string");
    assert_eq!(word("{}"), "invalid type: map, expected a string");
}

#[test]
fn a_value_named_in_a_message_is_quoted_as_json_writes_it() {
    assert_eq!(quoted("stripe"), r#""stripe""#);
    assert_eq!(quoted("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    assert_eq!(quoted("Kĩ"), "\"Kĩ\"", "letters stay as they are");
}
