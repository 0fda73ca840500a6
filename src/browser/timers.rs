//! Waiting without blocking: a future that resolves after a duration.

use std::time::Duration;

use gloo_timers::future::TimeoutFuture;

pub async fn sleep(duration: Duration) {
    if !duration.is_zero() {
        TimeoutFuture::new(duration.as_millis().min(u128::from(u32::MAX)) as u32).await;
    }
}
