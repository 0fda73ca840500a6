//! `json!`: a [`Value`](super::Value) from JSON-like Rust.

/// A JSON value written as JSON, with Rust expressions for the values:
///
/// ```
/// use pay_checkout::json;
/// let email = Some("ama@example.com");
/// let body = json!({ "order_id": "o-1", "amount": 5000, "email": email, "tags": ["a", null] });
/// assert_eq!(body.to_string(), r#"{"order_id":"o-1","amount":5000,"email":"ama@example.com","tags":["a",null]}"#);
/// ```
///
/// Keys are string literals; a value is `null`, an array or object in
/// brackets, or any expression with `Into<Value>` (`None` writes `null`).
#[macro_export]
macro_rules! json {
    // An array's items: `[done] [item so far] rest`, split at top-level commas.
    (@items [$($done:expr,)*] []) => { vec![$($done,)*] };
    (@items [$($done:expr,)*] [$($item:tt)+]) => { vec![$($done,)* $crate::json!($($item)+),] };
    (@items [$($done:expr,)*] [$($item:tt)+] , $($rest:tt)*) => {
        $crate::json!(@items [$($done,)* $crate::json!($($item)+),] [] $($rest)*)
    };
    (@items [$($done:expr,)*] [$($item:tt)*] $next:tt $($rest:tt)*) => {
        $crate::json!(@items [$($done,)*] [$($item)* $next] $($rest)*)
    };
    // An object's fields, inserted one by one into `$map`.
    (@fields $map:ident) => {};
    (@fields $map:ident $key:literal : $($rest:tt)+) => { $crate::json!(@field $map $key [] $($rest)+) };
    (@field $map:ident $key:literal [$($value:tt)+]) => { $map.insert($key, $crate::json!($($value)+)); };
    (@field $map:ident $key:literal [$($value:tt)+] , $($rest:tt)*) => {
        $map.insert($key, $crate::json!($($value)+));
        $crate::json!(@fields $map $($rest)*);
    };
    (@field $map:ident $key:literal [$($value:tt)*] $next:tt $($rest:tt)*) => {
        $crate::json!(@field $map $key [$($value)* $next] $($rest)*)
    };
    (null) => { $crate::core::json::Value::Null };
    ([ $($items:tt)* ]) => { $crate::core::json::Value::Array($crate::json!(@items [] [] $($items)*)) };
    ({ $($fields:tt)* }) => {{
        #[allow(unused_mut)]
        let mut map = $crate::core::json::Map::new();
        $crate::json!(@fields map $($fields)*);
        $crate::core::json::Value::Object(map)
    }};
    ($value:expr) => { $crate::core::json::Value::from($value) };
}
