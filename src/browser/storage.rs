//! sessionStorage, as a `Result`: pages can block storage (privacy modes,
//! sandboxed frames), and the checkout must work on without it.

use super::error::BrowserError;

fn session_storage() -> Result<web_sys::Storage, BrowserError> {
    let window = web_sys::window().ok_or(BrowserError::StorageUnavailable)?;
    window
        .session_storage()
        .map_err(|_| BrowserError::StorageUnavailable)?
        .ok_or(BrowserError::StorageUnavailable)
}

pub fn read(key: &str) -> Result<Option<String>, BrowserError> {
    session_storage()?
        .get_item(key)
        .map_err(|_| BrowserError::StorageUnavailable)
}

pub fn write(key: &str, value: &str) -> Result<(), BrowserError> {
    session_storage()?
        .set_item(key, value)
        .map_err(|_| BrowserError::StorageUnavailable)
}

pub fn remove(key: &str) -> Result<(), BrowserError> {
    session_storage()?
        .remove_item(key)
        .map_err(|_| BrowserError::StorageUnavailable)
}
