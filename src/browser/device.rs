//! What the browser knows about the device: randomness for idempotency keys
//! and the stable attributes behind `X-Device-Fingerprint`.

use crate::core::ids::{device_fingerprint, uuid_v4};

/// A fresh UUID v4 from the platform's cryptographic randomness.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto (very old or locked-down browsers): still unique
        // enough to tell attempts apart.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// SHA-256 hex of attributes that stay the same across visits.
pub fn fingerprint() -> String {
    let Some(window) = web_sys::window() else {
        return device_fingerprint(&[]);
    };
    let navigator = window.navigator();
    let screen = window.screen().ok();
    let screen_value = |read: fn(&web_sys::Screen) -> Result<i32, wasm_bindgen::JsValue>| {
        screen
            .as_ref()
            .and_then(|screen| read(screen).ok())
            .unwrap_or_default()
            .to_string()
    };
    device_fingerprint(&[
        ("user_agent", navigator.user_agent().unwrap_or_default()),
        ("language", navigator.language().unwrap_or_default()),
        ("platform", navigator.platform().unwrap_or_default()),
        ("cores", whole(navigator.hardware_concurrency())),
        ("screen_width", screen_value(web_sys::Screen::width)),
        ("screen_height", screen_value(web_sys::Screen::height)),
        ("color_depth", screen_value(web_sys::Screen::color_depth)),
        ("timezone_offset", whole(js_sys::Date::new_0().get_timezone_offset())),
    ])
}

/// A whole number the browser hands over as an `f64` (cores, minutes), as
/// the same text `f64`'s `Display` gives it, but without carrying float
/// formatting into the module for two integers.
fn whole(number: f64) -> String {
    (number as i64).to_string()
}
