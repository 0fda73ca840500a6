//! What the targets share: the HTTP statuses the readers are fed with.

/// A status a gateway or backend may answer with, picked by one byte.
pub fn status(byte: u8) -> u16 {
    const STATUSES: [u16; 12] = [0, 200, 201, 202, 204, 400, 401, 404, 409, 422, 500, 503];
    STATUSES[usize::from(byte) % STATUSES.len()]
}

/// The first byte picks the status, the rest is the body (as text).
pub fn split(data: &[u8]) -> Option<(u16, &str)> {
    let (first, rest) = data.split_first()?;
    Some((status(*first), std::str::from_utf8(rest).ok()?))
}
