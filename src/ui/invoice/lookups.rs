//! The form's two lookups, each a hook bound to the view: the operator of
//! the number being typed (debounced, latest answer wins) and the fees for
//! the wallet's currency.

use std::time::Duration;

use leptos::prelude::*;

use super::api::query_value;
use super::driver::InvoiceDriver;
use crate::core::adapters::Failure;
use crate::core::i18n::Key;
use crate::core::invoice::wire::{read_fees, read_operator, FeePreview, OperatorInfo};
use crate::ui::hooks::effect;

/// Wait this long after the last keystroke before asking.
const DEBOUNCE: Duration = Duration::from_millis(300);

#[derive(Clone, Debug, PartialEq)]
pub enum Lookup<T> {
    Idle,
    Looking,
    Found(T),
    /// What the customer is told instead.
    Failed(Key),
}

/// The operator of `phone` (E.164, `None` while incomplete).
pub fn use_operator_detection(
    driver: InvoiceDriver,
    phone: Memo<Option<String>>,
) -> ReadSignal<Lookup<OperatorInfo>> {
    let (lookup, detection) = LatestAnswer::new(driver, Key::OperatorUnknown);
    effect(move || match phone.get() {
        Some(phone) => lookup.ask(format!("/operator?phone_number={}", query_value(&phone)), DEBOUNCE, read_operator),
        // An answer still on its way is for a number no longer typed.
        None => lookup.forget(),
    });
    detection
}

/// The fee preview for paying from a wallet in `currency` (`None`: the
/// invoice's own), once the checkout has loaded.
pub fn use_fee_preview(
    driver: InvoiceDriver,
    currency: Memo<Option<String>>,
) -> ReadSignal<Lookup<FeePreview>> {
    let (lookup, preview) = LatestAnswer::new(driver, Key::FeesUnavailable);
    effect(move || {
        let currency = currency.get();
        if driver.invoice.with(Option::is_none) {
            return;
        }
        let path = match &currency {
            Some(code) => format!("/fees?currency={}", query_value(code)),
            None => "/fees".to_owned(),
        };
        lookup.ask(path, Duration::ZERO, read_fees);
    });
    preview
}

/// A lookup that shows only the answer to what it asked last: an earlier
/// request's answer, or one arriving once the form is gone (the customer
/// paid), is stale.
struct LatestAnswer<T: Send + Sync + 'static> {
    driver: InvoiceDriver,
    /// The path asked last; `None` once nothing is being asked.
    latest: StoredValue<Option<String>>,
    shown: WriteSignal<Lookup<T>>,
    /// What the customer is told when the answer is an error.
    failed: Key,
}

// By hand: a derive would ask `T: Copy` of the answer too.
impl<T: Send + Sync + 'static> Clone for LatestAnswer<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for LatestAnswer<T> {}

impl<T: Send + Sync + 'static> LatestAnswer<T> {
    fn new(driver: InvoiceDriver, failed: Key) -> (Self, ReadSignal<Lookup<T>>) {
        let (shown, set) = signal(Lookup::Idle);
        let latest = StoredValue::new(None);
        (LatestAnswer { driver, latest, shown: set, failed }, shown)
    }

    /// Nothing to ask: whatever is on its way is stale.
    fn forget(self) {
        self.latest.set_value(None);
        self.shown.set(Lookup::Idle);
    }

    /// Asks `path` after `delay`, and shows its answer, read by `read`,
    /// if nothing else was asked meanwhile.
    fn ask(self, path: String, delay: Duration, read: fn(u16, &str) -> Result<T, Failure>) {
        let LatestAnswer { driver, latest, shown, failed } = self;
        latest.set_value(Some(path.clone()));
        shown.set(Lookup::Looking);
        let asked = path.clone();
        let request = async move {
            let answer = driver.get(asked).await?;
            read(answer.status, &answer.body)
        };
        driver.after(delay, request, move |answer| {
            if latest.try_get_value() == Some(Some(path)) {
                shown.set(match answer {
                    Ok(found) => Lookup::Found(found),
                    Err(_) => Lookup::Failed(failed),
                });
            }
        });
    }
}
