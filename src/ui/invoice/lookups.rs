//! The form's two lookups, each a hook bound to the view: the operator of
//! the number being typed (debounced, latest answer wins) and the fees for
//! the wallet's currency.

use std::time::Duration;

use leptos::prelude::*;

use super::api::query_value;
use super::driver::InvoiceDriver;
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
    let (detection, set_detection) = signal(Lookup::Idle);
    let latest = StoredValue::new(None::<String>);
    effect(move || {
        let Some(phone) = phone.get() else {
            // An answer still on its way is for a number no longer typed.
            latest.set_value(None);
            set_detection.set(Lookup::Idle);
            return;
        };
        let path = format!("/operator?phone_number={}", query_value(&phone));
        latest.set_value(Some(path.clone()));
        set_detection.set(Lookup::Looking);
        let asked = path.clone();
        let request = async move {
            let answer = driver.get(asked).await?;
            read_operator(answer.status, &answer.body)
        };
        driver.after(DEBOUNCE, request, move |answer| {
            // The customer typed another number, or the form is gone (they
            // paid): this answer is stale.
            if is_latest(latest, path) {
                set_detection.set(match answer {
                    Ok(info) => Lookup::Found(info),
                    Err(_) => Lookup::Failed(Key::OperatorUnknown),
                });
            }
        });
    });
    detection
}

/// The fee preview for paying from a wallet in `currency` (`None`: the
/// invoice's own), once the checkout has loaded.
pub fn use_fee_preview(
    driver: InvoiceDriver,
    currency: Memo<Option<String>>,
) -> ReadSignal<Lookup<FeePreview>> {
    let (preview, set_preview) = signal(Lookup::Idle);
    let latest = StoredValue::new(None::<String>);
    effect(move || {
        let currency = currency.get();
        if driver.invoice.with(Option::is_none) {
            return;
        }
        let path = match &currency {
            Some(code) => format!("/fees?currency={}", query_value(code)),
            None => "/fees".to_owned(),
        };
        latest.set_value(Some(path.clone()));
        set_preview.set(Lookup::Looking);
        let asked = path.clone();
        let request = async move {
            let answer = driver.get(asked).await?;
            read_fees(answer.status, &answer.body)
        };
        driver.after(Duration::ZERO, request, move |answer| {
            if is_latest(latest, path) {
                set_preview.set(match answer {
                    Ok(preview) => Lookup::Found(preview),
                    Err(_) => Lookup::Failed(Key::FeesUnavailable),
                });
            }
        });
    });
    preview
}

/// Whether `path` is still what the lookup asked last: an answer to an
/// earlier request, or one arriving once the form is gone, is stale.
fn is_latest(latest: StoredValue<Option<String>>, path: String) -> bool {
    latest.try_get_value() == Some(Some(path))
}
